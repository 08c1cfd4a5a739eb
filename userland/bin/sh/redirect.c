/* sh: redirections (POSIX 2.7). In a child they simply move fds; for builtins, functions and compound
 * commands run in the shell itself, the replaced fds are first copied above 10 (close-on-exec) and put back
 * by redirect_restore. */
#include "sh.h"

struct saved_fd {
  int fd, copy; /* copy -1: fd was closed before */
  struct saved_fd *next;
};
struct save_frame {
  struct saved_fd *fds;
  struct save_frame *up;
};
static struct save_frame *frames;

static void save(int fd) {
  struct saved_fd *s;
  for (s = frames->fds; s; s = s->next)
    if (s->fd == fd) return;
  s = xmalloc(sizeof *s);
  s->fd = fd;
  s->copy = fcntl(fd, F_DUPFD_CLOEXEC, 10);
  s->next = frames->fds;
  frames->fds = s;
}

/* Opens the target of r; returns the new fd or -1 after a message. */
static int open_target(struct redir *r, const char *path) {
  int flags;
  switch (r->kind) {
  case R_IN: flags = O_RDONLY; break;
  case R_RDWR: flags = O_RDWR | O_CREAT; break;
  case R_APPEND: flags = O_WRONLY | O_CREAT | O_APPEND; break;
  default: flags = O_WRONLY | O_CREAT | O_TRUNC; break;
  }
  {
    int fd = open(path, flags, 0666);
    if (fd < 0) {
      if (r->kind == R_IN) sh_error("cannot open %s: No such file", path);
      else sh_error("cannot create %s: %s", path, errno == ENOENT ? "Directory nonexistent" : strerror(errno));
    }
    return fd;
  }
}

/* A here-document becomes a pipe the body is written into (bodies up to a pipe's capacity), or a temporary
 * file for longer ones. */
static int heredoc_fd(struct redir *r) {
  char *body = r->quoted ? xstrdup(r->heredoc ? r->heredoc : "") : expand_heredoc(r->heredoc ? r->heredoc : "");
  int len = (int)strlen(body);
  int fds[2];
  if (len <= 4096 && pipe(fds) == 0) {
    int off = 0;
    while (off < len) {
      int n = (int)write(fds[1], body + off, len - off);
      if (n <= 0) break;
      off += n;
    }
    close(fds[1]);
    free(body);
    return fds[0];
  }
  {
    char path[64];
    int fd, off = 0;
    snprintf(path, sizeof path, "/tmp/sh-heredoc-%d", (int)getpid());
    fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
      sh_error("cannot create here-document: %s", strerror(errno));
      free(body);
      return -1;
    }
    unlink(path);
    while (off < len) {
      int n = (int)write(fd, body + off, len - off);
      if (n <= 0) break;
      off += n;
    }
    lseek(fd, 0, SEEK_SET);
    free(body);
    return fd;
  }
}

static int apply_one(struct redir *r, int saving) {
  int fd = -1;
  char *target = 0;
  if (r->kind != R_HEREDOC) {
    target = expand_word(r->word);
    if (expand_failed) {
      free(target);
      return -1;
    }
  }
  if (saving) save(r->fd);
  if (r->kind == R_DUPIN || r->kind == R_DUPOUT) {
    if (strcmp(target, "-") == 0) {
      close(r->fd);
      free(target);
      return 0;
    }
    if (!*target || strspn(target, "0123456789") != strlen(target)) {
      sh_error("%s: bad file descriptor", target); /* dash: "Syntax error: Bad fd number" */
      free(target);
      return -1;
    }
    fd = atoi(target);
    free(target);
    if (fd == r->fd) return 0;
    if (dup2(fd, r->fd) < 0) {
      sh_error("%d: %s", fd, strerror(errno));
      return -1;
    }
    return 0;
  }
  if (r->kind == R_HEREDOC) fd = heredoc_fd(r);
  else fd = open_target(r, target);
  free(target);
  if (fd < 0) return -1;
  if (fd != r->fd) {
    dup2(fd, r->fd);
    close(fd);
  }
  return 0;
}

int redirect_apply(struct redir *r, int flags) {
  if (flags & REDIR_SAVE) {
    struct save_frame *f = xmalloc(sizeof *f);
    f->fds = 0;
    f->up = frames;
    frames = f;
  }
  for (; r; r = r->next)
    if (apply_one(r, flags & REDIR_SAVE) < 0) return -1;
  return 0;
}

void redirect_restore(void) {
  struct save_frame *f = frames;
  if (!f) return;
  frames = f->up;
  while (f->fds) {
    struct saved_fd *s = f->fds;
    f->fds = s->next;
    if (s->copy >= 0) {
      dup2(s->copy, s->fd);
      close(s->copy);
    } else {
      close(s->fd);
    }
    free(s);
  }
  free(f);
}

/* exec with only redirections: the redirections stay, so the saved copies are dropped (innermost frame). */
void redirect_forget_all(void) {
  struct save_frame *f = frames;
  if (!f) return;
  while (f->fds) {
    struct saved_fd *s = f->fds;
    f->fds = s->next;
    if (s->copy >= 0) close(s->copy);
    free(s);
  }
}
