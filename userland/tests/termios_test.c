/* <termios.h> on a terminal (run as init on Pagoda's interactive console; see libc-pagoda.test.ts):
 * tcgetattr/tcsetattr with each action, cfmakeraw, speeds, tcflush, tcdrain, and poll on the terminal; and
 * ENOTTY from each call when fd 0 is not a terminal (a pipe, a file, `pagoda run`). */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "test.h"

/* Without a terminal on fd 0 (a pipe, a file, `pagoda run`), every call is ENOTTY. */
static int not_a_terminal(void) {
  struct termios t;
  errno = 0;
  ASSERT(-1, tcgetattr(0, &t));
  ASSERT(ENOTTY, errno);
  memset(&t, 0, sizeof t);
  errno = 0;
  ASSERT(-1, tcsetattr(0, TCSANOW, &t));
  ASSERT(ENOTTY, errno);
  errno = 0;
  ASSERT(-1, tcflush(0, TCIFLUSH));
  ASSERT(ENOTTY, errno);
  return test_summary("termios_test (not a terminal)");
}

int main(void) {
  struct termios saved, t, back;
  struct pollfd p;
  if (!isatty(0)) return not_a_terminal();
  ASSERT(0, tcgetattr(0, &saved));
  ASSERT(ICANON, saved.c_lflag & ICANON);
  ASSERT(ECHO, saved.c_lflag & ECHO);
  ASSERT(ISIG, saved.c_lflag & ISIG);
  ASSERT(3, saved.c_cc[VINTR]); /* ^C */
  ASSERT(4, saved.c_cc[VEOF]);  /* ^D */
  ASSERT(saved.c_cflag & CBAUD, cfgetospeed(&saved));
  t = saved;
  cfmakeraw(&t);
  ASSERT(0, tcsetattr(0, TCSANOW, &t));
  ASSERT(0, tcgetattr(0, &back));
  ASSERT(0, back.c_lflag & (ICANON | ECHO | ISIG | IEXTEN));
  ASSERT(0, back.c_oflag & OPOST);
  ASSERT(0, back.c_iflag & ICRNL);
  ASSERT(1, back.c_cc[VMIN]);
  ASSERT(0, back.c_cc[VTIME]);
  ASSERT(0, tcsetattr(0, TCSADRAIN, &saved));
  ASSERT(0, tcgetattr(0, &back));
  ASSERT(ICANON | ECHO, back.c_lflag & (ICANON | ECHO));
  ASSERT(0, tcsetattr(0, TCSAFLUSH, &saved));
  errno = 0;
  ASSERT(-1, tcsetattr(0, 3, &saved));
  ASSERT(EINVAL, errno);
  ASSERT(0, tcflush(0, TCIFLUSH));
  ASSERT(0, tcflush(0, TCIOFLUSH));
  errno = 0;
  ASSERT(-1, tcflush(0, 7));
  ASSERT(EINVAL, errno);
  ASSERT(0, tcdrain(1));
  p.fd = 0;
  p.events = POLLIN;
  ASSERT(0, poll(&p, 1, 20)); /* nothing typed: the wait times out */
  p.fd = 1;
  p.events = POLLOUT;
  ASSERT(1, poll(&p, 1, 0));
  ASSERT(POLLOUT, p.revents);
  return test_summary("termios_test");
}
