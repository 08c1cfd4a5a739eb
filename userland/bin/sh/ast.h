/* sh: the syntax tree one parsed command becomes. Every string and child is owned by its node. */
#ifndef PAGODA_SH_AST_H
#define PAGODA_SH_AST_H

enum redir_kind { R_IN, R_OUT, R_APPEND, R_CLOBBER, R_DUPIN, R_DUPOUT, R_RDWR, R_HEREDOC };

struct redir {
  enum redir_kind kind;
  int fd;            /* the fd redirected */
  char *word;        /* target word as written; for R_HEREDOC the delimiter */
  char *heredoc;     /* R_HEREDOC: the body as read */
  int quoted;        /* R_HEREDOC: the delimiter was quoted (no expansion) */
  int strip_tabs;    /* <<- */
  struct redir *next;
};

enum node_kind {
  N_CMD,      /* words (first may be absent), assigns, redirs */
  N_PIPE,     /* kids[0..nkids) */
  N_AND, N_OR, /* a && b, a || b */
  N_NOT,      /* ! a */
  N_SEQ,      /* a ; b */
  N_BG,       /* a & */
  N_SUBSHELL, /* ( a ) */
  N_GROUP,    /* { a ; } */
  N_IF,       /* if a then b else c (c may be NULL or another N_IF for elif) */
  N_WHILE, N_UNTIL, /* a: condition, b: body */
  N_FOR,      /* name, words (has_in), b: body */
  N_CASE,     /* word, items */
  N_FUNC      /* name, a: body */
};

struct case_item {
  char **patterns;
  int npatterns;
  struct node *body; /* may be NULL */
  int fallthrough;   /* ;& (not POSIX here: always 0) */
  struct case_item *next;
};

struct node {
  enum node_kind kind;
  struct node *a, *b, *c;
  struct node **kids;
  int nkids;
  char **words;
  int nwords;
  char **assigns;
  int nassigns;
  struct redir *redirs;
  char *name;
  int has_in;
  struct case_item *items;
  int lineno;
};

#endif
