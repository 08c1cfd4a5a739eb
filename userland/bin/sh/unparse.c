/* sh: a tree back to command text, for the job reports ("[1]+  Stopped   sleep 5"). */
#include "sh.h"

static void text(struct str *b, struct node *n);

static void words(struct str *b, char **w, int n) {
  int i;
  for (i = 0; i < n; i++) {
    if (b->len && b->s[b->len - 1] != ' ' && b->s[b->len - 1] != '(') str_addc(b, ' ');
    str_adds(b, w[i]);
  }
}

static void redirs(struct str *b, struct redir *r) {
  static const char *const ops[] = {"<", ">", ">>", ">|", "<&", ">&", "<>", "<<"};
  for (; r; r = r->next) {
    int dflt = (r->kind == R_IN || r->kind == R_DUPIN || r->kind == R_RDWR || r->kind == R_HEREDOC) ? 0 : 1;
    char fd[16];
    str_addc(b, ' ');
    if (r->fd != dflt) {
      snprintf(fd, sizeof fd, "%d", r->fd);
      str_adds(b, fd);
    }
    str_adds(b, ops[r->kind]);
    str_adds(b, r->word);
  }
}

static void text(struct str *b, struct node *n) {
  int i;
  if (!n) return;
  switch (n->kind) {
  case N_CMD:
    words(b, n->assigns, n->nassigns);
    words(b, n->words, n->nwords);
    redirs(b, n->redirs);
    return;
  case N_PIPE:
    for (i = 0; i < n->nkids; i++) {
      if (i) str_adds(b, " | ");
      text(b, n->kids[i]);
    }
    return;
  case N_AND: case N_OR:
    text(b, n->a);
    str_adds(b, n->kind == N_AND ? " && " : " || ");
    text(b, n->b);
    return;
  case N_NOT: str_adds(b, "! "); text(b, n->a); return;
  case N_SEQ: text(b, n->a); str_adds(b, "; "); text(b, n->b); return;
  case N_BG: text(b, n->a); str_adds(b, " &"); return;
  case N_SUBSHELL: str_addc(b, '('); text(b, n->a); str_addc(b, ')'); break;
  case N_GROUP: str_adds(b, "{ "); text(b, n->a); str_adds(b, "; }"); break;
  case N_IF: str_adds(b, "if "); text(b, n->a); str_adds(b, "; then "); text(b, n->b); str_adds(b, "; fi"); break;
  case N_WHILE: case N_UNTIL:
    str_adds(b, n->kind == N_WHILE ? "while " : "until ");
    text(b, n->a);
    str_adds(b, "; do "); text(b, n->b); str_adds(b, "; done");
    break;
  case N_FOR: str_adds(b, "for "); str_adds(b, n->name); str_adds(b, "; do "); text(b, n->b); str_adds(b, "; done"); break;
  case N_CASE: str_adds(b, "case "); str_adds(b, n->name); str_adds(b, " in ... esac"); break;
  case N_FUNC: str_adds(b, n->name); str_adds(b, "() ..."); return;
  }
  redirs(b, n->redirs);
}

char *node_text(struct node *n) {
  struct str b = {0, 0, 0};
  text(&b, n);
  return str_take(&b);
}
