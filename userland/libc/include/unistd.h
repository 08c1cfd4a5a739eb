/* unistd.h: POSIX process, file-descriptor and memory calls. Failing calls return -1 and set errno. */
#ifndef _UNISTD_H
#define _UNISTD_H
#include <stddef.h>
#include <sys/types.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define F_OK 0
#define R_OK 4
#define W_OK 2
#define X_OK 1

extern char **environ;

ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int dup(int fd);
int dup2(int oldfd, int newfd);
int dup3(int oldfd, int newfd, int flags);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
int chdir(const char *path);
char *getcwd(char *buf, size_t size);
int unlink(const char *path);
int rmdir(const char *path);
/* A second name for a file (hard link): EPERM for directories, EEXIST when `to` exists. */
int link(const char *from, const char *to);
int linkat(int fromfd, const char *from, int tofd, const char *to, int flags);
int isatty(int fd);
pid_t getpid(void);
pid_t getppid(void);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
pid_t fork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
void _exit(int status) __attribute__((noreturn));
unsigned sleep(unsigned seconds);

/* Process groups and sessions (Linux semantics; -1 with errno on failure). getpgrp never fails. */
int setpgid(pid_t pid, pid_t pgid);
pid_t getpgid(pid_t pid);
pid_t getpgrp(void);
int setpgrp(void);
pid_t setsid(void);
pid_t getsid(pid_t pid);
/* The foreground process group of the terminal open on fd (ENOTTY when it is not the caller's terminal). */
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
int usleep(useconds_t usec);

/* Moves the program break to addr. Returns 0, or -1 with errno ENOMEM. */
int brk(void *addr);
/* Grows (or shrinks) the break by incr bytes using the brk system call; returns the old break
 * or (void *)-1 with errno ENOMEM. Works on Linux and Pagoda alike. */
void *sbrk(ptrdiff_t incr);
/* Pagoda's own sbrk system call (1000): returns the old break or (void *)-1 with errno set.
 * Absent on Linux (ENOSYS). */
void *__sbrk_syscall(ptrdiff_t incr);

#endif
