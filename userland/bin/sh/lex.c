/* sh: lexing a list element into tokens, with quotes, escapes and $ expansion done as it is read. */
#include "sh.h"

struct token toks[MAX_WORDS * 2];
int ntoks;

static char *append_str(char *buf, int *len, const char *s) {
  while (*s && *len < WORD_MAX - 1) buf[(*len)++] = *s++;
  return buf;
}

/* Expands $NAME, ${NAME}, $? or $$ at *pp into buf; advances *pp. */
static void expand_var(const char **pp, char *buf, int *len) {
  const char *p = *pp + 1;
  char name[128];
  int n = 0;
  char num[16];
  if (*p == '?') {
    snprintf(num, sizeof num, "%d", last_status);
    append_str(buf, len, num);
    *pp = p + 1;
    return;
  }
  if (*p == '!') {
    snprintf(num, sizeof num, "%d", last_background);
    append_str(buf, len, num);
    *pp = p + 1;
    return;
  }
  if (*p == '$') {
    snprintf(num, sizeof num, "%d", (int)getpid());
    append_str(buf, len, num);
    *pp = p + 1;
    return;
  }
  if (*p == '{') {
    p++;
    while (*p && *p != '}' && n < 127) name[n++] = *p++;
    if (*p == '}') p++;
  } else {
    while ((*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')) && n < 127)
      name[n++] = *p++;
  }
  name[n] = 0;
  if (n == 0) {
    buf[(*len)++] = '$';
    *pp = *pp + 1;
    return;
  }
  if (getenv(name)) append_str(buf, len, getenv(name));
  *pp = p;
}

static int is_special(char c) {
  return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' || c == ' ' || c == '\t' || c == '\n';
}

static void add_token(int kind, char *text) {
  if (ntoks < MAX_WORDS * 2 - 1) {
    toks[ntoks].kind = kind;
    toks[ntoks].text = text;
    ntoks++;
  }
}

/* Splits line into toks; returns 0, or -1 with a message for an unterminated quote. */
int lex(const char *p) {
  ntoks = 0;
  while (*p) {
    if (*p == ' ' || *p == '\t' || *p == '\n') { p++; continue; }
    if (*p == '#') break;
    if (p[0] == '2' && p[1] == '>' && p[2] == '&' && p[3] == '1') { add_token(T_ERR_TO_OUT, 0); p += 4; continue; }
    if (p[0] == '1' && p[1] == '>' && p[2] == '&' && p[3] == '2') { add_token(T_OUT_TO_ERR, 0); p += 4; continue; }
    if (p[0] == '>' && p[1] == '&' && p[2] == '2') { add_token(T_OUT_TO_ERR, 0); p += 3; continue; }
    if (p[0] == '2' && p[1] == '>') { add_token(T_ERR_GT, 0); p += 2; continue; }
    if (p[0] == '|' && p[1] == '|') { add_token(T_OR, 0); p += 2; continue; }
    if (p[0] == '&' && p[1] == '&') { add_token(T_AND, 0); p += 2; continue; }
    if (p[0] == '>' && p[1] == '>') { add_token(T_GTGT, 0); p += 2; continue; }
    if (*p == '|') { add_token(T_PIPE, 0); p++; continue; }
    if (*p == '&') { add_token(T_AMP, 0); p++; continue; }
    if (*p == ';') { add_token(T_SEMI, 0); p++; continue; }
    if (*p == '<') { add_token(T_LT, 0); p++; continue; }
    if (*p == '>') { add_token(T_GT, 0); p++; continue; }
    {
      char buf[WORD_MAX];
      int len = 0;
      while (*p && !is_special(*p) && len < WORD_MAX - 1) {
        if (*p == '\'') {
          p++;
          while (*p && *p != '\'' && len < WORD_MAX - 1) buf[len++] = *p++;
          if (*p != '\'') { fprintf(stderr, "sh: unterminated quote\n"); return -1; }
          p++;
        } else if (*p == '"') {
          p++;
          while (*p && *p != '"' && len < WORD_MAX - 1) {
            if (*p == '\\' && (p[1] == '"' || p[1] == '\\' || p[1] == '$')) { buf[len++] = p[1]; p += 2; }
            else if (*p == '$') expand_var(&p, buf, &len);
            else buf[len++] = *p++;
          }
          if (*p != '"') { fprintf(stderr, "sh: unterminated quote\n"); return -1; }
          p++;
        } else if (*p == '\\' && p[1]) {
          buf[len++] = p[1];
          p += 2;
        } else if (*p == '$') {
          expand_var(&p, buf, &len);
        } else {
          buf[len++] = *p++;
        }
      }
      buf[len] = 0;
      add_token(T_WORD, strdup(buf));
    }
  }
  add_token(T_END, 0);
  return 0;
}

void free_tokens(void) {
  int i;
  for (i = 0; i < ntoks; i++) if (toks[i].text) free(toks[i].text);
  ntoks = 0;
}
