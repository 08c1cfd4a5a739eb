/* sh: Pagoda's shell.
 *   command lines: words, 'single' and "double" quotes, backslash escapes, $VAR ${VAR} $? $$ $!
 *   pipelines a | b | c; lists with ; && || and & (background); redirections < > >> 2> 2>&1 >&2
 *   builtins: cd, exit, export, unset, pwd, help
 * Interactive (stdin a terminal): a prompt with the working directory; Ctrl-C interrupts the foreground
 * command (the shell itself ignores SIGINT and SIGQUIT); a command killed by a signal gets a line like bash's.
 * Usage: sh [-c COMMAND | SCRIPT]
 *
 * Files: sh.h (shared types), lex.c (words, quotes, $ expansion), line.c (lists and pipelines parsed),
 * run.c (fork, redirections, exec, wait, signal reports), builtins.c, main.c (prompt, input, jobs). */
#ifndef PAGODA_SH_H
#define PAGODA_SH_H
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define LINE_MAX 4096
#define MAX_WORDS 128
#define MAX_CMDS 16
#define WORD_MAX 1024

enum { T_WORD, T_PIPE, T_AND, T_OR, T_SEMI, T_AMP, T_LT, T_GT, T_GTGT, T_ERR_GT, T_ERR_TO_OUT, T_OUT_TO_ERR, T_END };

struct token {
  int kind;
  char *text;
};

struct command {
  char *argv[MAX_WORDS + 1];
  int argc;
  char *in, *out, *err;
  int append, err_to_out, out_to_err;
};

/* State shared by the shell's parts. */
extern int last_status;     /* $? */
extern int last_background; /* $! */
extern int interactive;     /* stdin is a terminal and no script or -c was given */
extern struct token toks[MAX_WORDS * 2];
extern int ntoks;

/* lex.c: splits one list element into toks (expanding variables now); 0, or -1 after a message. */
int lex(const char *p);
void free_tokens(void);
/* line.c: runs one command line. */
void run_line(const char *line);
/* run.c: runs cmds[0..n) as a pipeline (waits unless background); returns the status. */
int run_pipeline(struct command *cmds, int n, int background);
const char *signal_text(int sig);
/* builtins.c: runs argv as a builtin when it is one; returns 1 if it was (status in last_status). */
int run_builtin(struct command *c);

#endif
