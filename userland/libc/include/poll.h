/* poll.h: poll and ppoll, over the kernel's ppoll_time64 (the only poll call 32-bit RISC-V Linux has). */
#ifndef _POLL_H
#define _POLL_H
#include <signal.h>
#include <time.h>

#define POLLIN 0x001
#define POLLPRI 0x002
#define POLLOUT 0x004
#define POLLERR 0x008
#define POLLHUP 0x010
#define POLLNVAL 0x020
#define POLLRDNORM 0x040
#define POLLRDBAND 0x080
#define POLLWRNORM 0x100
#define POLLWRBAND 0x200

typedef unsigned long nfds_t;
struct pollfd {
  int fd;
  short events;
  short revents;
};

/* poll: waits up to timeout ms (negative: for ever) until one of the fds has an event; returns how many
 * have (revents filled in), 0 on timeout, -1 with errno (EINTR, EINVAL, EFAULT). */
int poll(struct pollfd *fds, nfds_t nfds, int timeout);
/* ppoll: poll with a timespec timeout (NULL: for ever) and, when sigmask is not NULL, that signal mask in
 * force while it waits. */
int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *timeout, const sigset_t *sigmask);
#endif
