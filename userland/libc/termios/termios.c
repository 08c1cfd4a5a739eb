/* termios over the kernel's struct termios (four flag words, c_line, 19 control characters: 36 bytes), as
 * the TCGETS/TCSETS/TCSETSW/TCSETSF ioctls take it; the speeds live in c_cflag's CBAUD field. */
#include <termios.h>
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include "../arch/riscv32/syscall_arch.h"

#define KERNEL_NCCS 19

struct kernel_termios {
  tcflag_t c_iflag, c_oflag, c_cflag, c_lflag;
  cc_t c_line;
  cc_t c_cc[KERNEL_NCCS];
};

int tcgetattr(int fd, struct termios *t) {
  struct kernel_termios k;
  if (__syscall_ret(__syscall3(SYS_ioctl, fd, TCGETS, (long)&k)) < 0) return -1;
  memset(t, 0, sizeof *t);
  t->c_iflag = k.c_iflag;
  t->c_oflag = k.c_oflag;
  t->c_cflag = k.c_cflag;
  t->c_lflag = k.c_lflag;
  t->c_line = k.c_line;
  memcpy(t->c_cc, k.c_cc, KERNEL_NCCS);
  t->c_ispeed = t->c_ospeed = k.c_cflag & CBAUD;
  return 0;
}

int tcsetattr(int fd, int action, const struct termios *t) {
  struct kernel_termios k;
  static const unsigned long requests[3] = { TCSETS, TCSETSW, TCSETSF };
  if (action < TCSANOW || action > TCSAFLUSH) {
    errno = EINVAL;
    return -1;
  }
  k.c_iflag = t->c_iflag;
  k.c_oflag = t->c_oflag;
  k.c_cflag = t->c_cflag;
  k.c_lflag = t->c_lflag;
  k.c_line = t->c_line;
  memcpy(k.c_cc, t->c_cc, KERNEL_NCCS);
  return (int)__syscall_ret(__syscall3(SYS_ioctl, fd, (long)requests[action], (long)&k));
}

int tcflush(int fd, int queue) {
  return (int)__syscall_ret(__syscall3(SYS_ioctl, fd, TCFLSH, queue));
}

/* TCSBRK with a non-zero argument is Linux's "wait until output drains" (tcdrain in every libc). */
int tcdrain(int fd) {
  return (int)__syscall_ret(__syscall3(SYS_ioctl, fd, TCSBRK, 1));
}

void cfmakeraw(struct termios *t) {
  t->c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
  t->c_oflag &= ~(tcflag_t)OPOST;
  t->c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
  t->c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
  t->c_cflag |= CS8;
  t->c_cc[VMIN] = 1;
  t->c_cc[VTIME] = 0;
}

speed_t cfgetospeed(const struct termios *t) { return t->c_cflag & CBAUD; }
speed_t cfgetispeed(const struct termios *t) { return cfgetospeed(t); }

int cfsetospeed(struct termios *t, speed_t speed) {
  if (speed & ~(speed_t)CBAUD) {
    errno = EINVAL;
    return -1;
  }
  t->c_cflag = (t->c_cflag & ~(tcflag_t)CBAUD) | speed;
  t->c_ospeed = speed;
  return 0;
}

/* Linux has one speed for both directions: an input speed of 0 means "the output speed" and changes nothing. */
int cfsetispeed(struct termios *t, speed_t speed) {
  if (speed & ~(speed_t)CBAUD) {
    errno = EINVAL;
    return -1;
  }
  if (speed) t->c_cflag = (t->c_cflag & ~(tcflag_t)CBAUD) | speed;
  t->c_ispeed = speed;
  return 0;
}

int cfsetspeed(struct termios *t, speed_t speed) {
  if (cfsetospeed(t, speed) < 0) return -1;
  return cfsetispeed(t, speed);
}
