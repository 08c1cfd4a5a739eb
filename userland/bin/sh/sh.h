/* sh: Pagoda's POSIX shell. Shared declarations, one section per file.
 *
 * The flow: input.c hands characters to lex.c, which cuts tokens (words keep their quotes and $-forms as
 * written); parse.c builds a tree (ast.h) for one complete command at a time; exec.c runs it, asking expand.c
 * (with arith.c and glob.c) to turn each word into fields and redirect.c to move fds; builtins_*.c are the
 * commands run inside the shell; vars.c holds variables, positional parameters and functions; jobs.c waits for
 * children and does job control (unparse.c gives a job its command text); trap.c the traps; main.c reads the
 * options and runs the read-eval loop; ast.c frees and copies trees, util.c has the growable string.
 * The whole design is checked against dash by test/userland/sh (its scripts: same stdout, stderr and status).
 * Usage: sh [-eux] [-c COMMAND [NAME [ARG...]] | SCRIPT [ARG...]] */
#ifndef PAGODA_SH_H
#define PAGODA_SH_H
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ast.h"

typedef long long arith_t;

/* ---- main.c: shell-wide state ---- */
extern int last_status;     /* $? */
extern int last_background; /* $! */
extern int interactive;     /* -i, or stdin a terminal with no script or -c */
extern int opt_errexit, opt_xtrace, opt_nounset, opt_noglob, opt_verbose;
extern int in_subshell;     /* >0 in a forked child that still runs shell code */
extern char *arg0;          /* $0 */
extern int shell_pid;       /* $$: the main shell's pid, kept in subshells */
/* Prints "$0: LINE: message" on stderr as dash does. */
void sh_error(const char *fmt, ...);
/* Leaves the shell with status, running the EXIT trap first. */
void sh_exit(int status) __attribute__((noreturn));
/* Parses and runs every command of text (eval, ., -c, command substitution); returns the last status. */
int run_string(const char *text, const char *name);

/* ---- input.c: the characters the lexer reads ---- */
struct source {
  const char *text; /* a string source (whole), or NULL for an fd */
  int fd;           /* fd source, read a line at a time */
  char *buf;        /* fd source: the current line(s) */
  int len, pos, cap;
  int eof;
  int lineno;
  int prompt;       /* interactive: print PS1/PS2 before reading */
  struct source *prev;
};
void source_push_string(struct source *s, const char *text);
void source_push_fd(struct source *s, int fd, int prompt);
void source_pop(struct source *s);
extern struct source *src;
/* The next character of the current source (-1 at its end), and peeking without taking it. */
int src_get(void);
int src_peek(void);
void src_unget(void);
/* Reads one line for the interactive shell (prompt shown); malloc'd, without newline; NULL at end of input. */
char *input_read_interactive(const char *prompt);

/* ---- lex.c: tokens ---- */
enum tok {
  TK_WORD, TK_NEWLINE, TK_EOF, TK_SEMI, TK_DSEMI, TK_AMP, TK_PIPE, TK_AND, TK_OR, TK_LPAREN, TK_RPAREN,
  TK_LESS, TK_GREAT, TK_DGREAT, TK_DLESS, TK_DLESSDASH, TK_LESSAND, TK_GREATAND, TK_LESSGREAT, TK_CLOBBER
};
struct token {
  enum tok kind;
  char *text;    /* TK_WORD: the word as written (malloc'd) */
  int io_number; /* a redirection operator's leading fd, or -1 */
  int quoted;    /* TK_WORD: some part was quoted (so never a reserved word) */
  int lineno;
};
/* Reads the next token from src; a TK_WORD's text belongs to the caller. Returns 0, or -1 on a lexical
 * error (message printed). */
int lex_next(struct token *t);
/* Reads the bodies of pending here-documents (after a newline token). Returns 0 or -1. */
int lex_heredocs(void);
void lex_add_heredoc(struct redir *r);
void lex_reset(void);

/* ---- parse.c ---- */
/* Parses one complete command (up to a newline) from src. Returns the tree (NULL for an empty line) and sets
 * *eof at the end of input; on a syntax error prints it, sets *error and returns NULL. */
struct node *parse_command(int *eof, int *error);

/* ---- ast.c ---- */
struct node *node_new(int kind);
void node_free(struct node *n);
struct node *node_copy(const struct node *n);

/* ---- expand.c ---- */
/* Expands words into fields (splitting, globbing); the argv is malloc'd with malloc'd strings, NULL-ended. */
char **expand_words(char **words, int nwords, int *count);
/* Expands one word without splitting or globbing (assignments, redirection targets, case words). */
char *expand_word(const char *word);
/* Expands one word into a pattern: quoted characters escaped with backslashes. */
char *expand_pattern(const char *word);
/* Expands a here-document body ($, `, \ only). */
char *expand_heredoc(const char *body);
/* Removes quotes from a word without expanding (here-document delimiters). */
char *unquote(const char *word, int *was_quoted);
void free_argv(char **argv);
extern int expand_failed; /* set by an expansion error (${x?}, bad arithmetic): the command does not run */

/* ---- arith.c ---- */
/* Evaluates an arithmetic expression (already parameter-expanded); sets *ok to 0 after an error message. */
arith_t arith_eval(const char *expr, int *ok);

/* ---- glob.c ---- */
/* Does text match the shell pattern (backslash quotes the next character)? */
int pattern_match(const char *pattern, const char *text);
/* Does pattern have an unquoted * ? or [ ? */
int pattern_has_magic(const char *pattern);
/* Appends the sorted paths matching pattern to *list (grown with realloc); returns how many matched. */
int glob_expand(const char *pattern, char ***list, int *count, int *cap);

/* ---- vars.c ---- */
#define V_EXPORT 1
#define V_READONLY 2
const char *var_get(const char *name);
/* Sets a variable; returns 0, or -1 (message printed) when it is readonly. */
int var_set(const char *name, const char *value, int flags);
int var_unset(const char *name);
void var_export(const char *name);
int var_flags(const char *name);
int is_name(const char *s, int len);
/* A NULL-ended "NAME=value" array of the exported variables (free with free_argv). */
char **var_environ(void);
void var_import(char **envp);
/* Prints variables for set/export -p (only exported ones when exported_only). */
void var_print(int exported_only, const char *prefix);
/* local: saves name's current value in the innermost function frame. */
void var_make_local(const char *name);
void var_push_frame(void);
void var_pop_frame(void);
int var_in_function(void);
/* Positional parameters $1..; set_positional copies its strings. */
extern char **pos_args;
extern int pos_count;
void set_positional(char **args, int n);
/* Functions. */
struct node *func_get(const char *name);
void func_set(const char *name, struct node *body); /* takes a copy */
void func_unset(const char *name);

/* ---- redirect.c ---- */
#define REDIR_SAVE 1 /* remember the old fds so redirect_restore can put them back */
/* Applies the list; returns 0, or -1 after a message (what was done so far stays recorded). */
int redirect_apply(struct redir *r, int flags);
/* Undoes the last redirect_apply(..., REDIR_SAVE) (they nest). */
void redirect_restore(void);
/* Marks the current saved-fd depth, and forgets saved fds down to it (for exec). */
void redirect_forget_all(void);

/* ---- exec.c ---- */
#define EX_TESTED 1 /* status is tested (if/while condition, && ||, !): set -e does not apply */
#define EX_EXEC 2   /* last thing in a forked child: an external command may replace the process */
int exec_node(struct node *n, int flags);
/* Runs argv (already expanded) as a command: function, builtin or program; status. */
extern int loop_depth;
extern int pending_break, pending_continue, pending_return, func_depth;
/* Forks for a subshell: returns the pid (child: 0, with its state set up). */
int fork_child(int job_pgid, int foreground);
/* Finds a program on $PATH; malloc'd path or NULL. */
char *path_search(const char *name);
/* The status of running cmd in a forked child whose output is read (command substitution): malloc'd text. */
char *command_output(const char *cmd, int *status);

/* ---- builtins ---- */
typedef int (*builtin_fn)(int argc, char **argv);
/* Finds a builtin; *special set for POSIX special builtins (their assignments stay, errors exit). */
builtin_fn builtin_find(const char *name, int *special);
int bi_echo(int argc, char **argv);
int bi_printf(int argc, char **argv);
int bi_test(int argc, char **argv);
int bi_bracket(int argc, char **argv);
int bi_read(int argc, char **argv);
int bi_getopts(int argc, char **argv);
/* Backslash escapes of echo/printf %b into out (returns 1 when \c was seen: stop output). */
int echo_escapes(const char *s, char **out, int *len, int *cap);

/* ---- jobs.c ---- */
/* Registers a started job (pids of its processes, copied; cmd for reports); returns the job number. */
int job_add(int pgid, int *pids, int npids, struct node *cmd, int background);
/* The command as text, for job reports (malloc'd). */
char *node_text(struct node *n);
/* Waits for job's processes (foreground); returns the status of the last one. */
int job_wait_fg(int job);
/* Reports finished background jobs (interactive) and reaps them. */
void jobs_notify(void);
int bi_jobs(int argc, char **argv);
int bi_fg(int argc, char **argv);
int bi_bg(int argc, char **argv);
int bi_wait(int argc, char **argv);
int bi_kill(int argc, char **argv);
void jobs_init(void);
extern int job_control; /* interactive: pipelines get their own process group and the terminal */
/* Status for a wait status, as $? shows it. */
int wait_status_code(int ws);
const char *signal_text(int sig);

/* ---- trap.c ---- */
int bi_trap(int argc, char **argv);
/* Runs traps for signals that arrived. */
void trap_run_pending(void);
void trap_run_exit(void);
/* Is there an EXIT trap (then the last command of a subshell cannot replace the process)? */
int trap_exit_set(void);
/* In a subshell: traps go back to default (ignored ones stay ignored). */
void trap_reset_for_child(void);
int signal_number(const char *name);
extern volatile int trap_pending;
extern volatile int trap_last_signal; /* the last trapped signal that arrived */

/* ---- util ---- */
void *xmalloc(size_t n);
char *xstrdup(const char *s);
/* A growable string. */
struct str { char *s; int len, cap; };
void str_addc(struct str *b, char c);
void str_adds(struct str *b, const char *s);
void str_addn(struct str *b, const char *s, int n);
char *str_take(struct str *b); /* NUL-terminates and returns the buffer (never NULL) */

#endif
