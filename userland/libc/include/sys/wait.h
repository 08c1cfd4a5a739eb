/* sys/wait.h: waiting for children; status words in the Linux encoding. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H
#include <sys/types.h>

#define WNOHANG 1
#define WUNTRACED 2
#define WEXITED 4
#define WSTOPPED 2
#define WCONTINUED 8
#define WNOWAIT 0x1000000

#define P_ALL 0
#define P_PID 1
#define P_PGID 2

#define WEXITSTATUS(s) (((s) & 0xff00) >> 8)
#define WTERMSIG(s) ((s) & 0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WIFEXITED(s) (!WTERMSIG(s))
#define WIFSIGNALED(s) (((s) & 0xffff) - 1U < 0xffu)
#define WIFSTOPPED(s) (((s) & 0xff) == 0x7f)
#define WIFCONTINUED(s) ((s) == 0xffff)
#define WCOREDUMP(s) ((s) & 0x80)

/* Waits for a child (pid -1 any, 0 the caller's process group, < -1 group -pid); stores the status word; returns its pid, 0 with WNOHANG when
 * none has changed state, or -1 with errno (ECHILD). Built on waitid, which Linux and Pagoda share. */
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait(int *status);

/* Pagoda's wait4 system call (260); rusage is ignored (pass NULL). */
pid_t wait4(pid_t pid, int *status, int options, void *rusage);

#endif
