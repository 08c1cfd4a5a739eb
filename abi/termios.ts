// The terminal interface: ioctl requests (asm-generic ioctls.h), struct termios's size, flag bits and c_cc
// indices (asm-generic termbits.h). The libc's sys/ioctl.h carries the requests. This file imports nothing.

export const TCGETS = 0x5401;
export const TCSETS = 0x5402;
export const TCSETSW = 0x5403;
export const TCSETSF = 0x5404;
export const TCSBRK = 0x5409;
export const TCFLSH = 0x540b;
export const TIOCSCTTY = 0x540e;
export const TIOCGPGRP = 0x540f;
export const TIOCSPGRP = 0x5410;
export const TIOCGWINSZ = 0x5413;
export const TIOCSWINSZ = 0x5414;
export const TIOCNOTTY = 0x5422;
export const TIOCGSID = 0x5429;

/** TCFLSH's queues. */
export const TCIFLUSH = 0;
export const TCOFLUSH = 1;
export const TCIOFLUSH = 2;

/** sizeof(struct termios) for TCGETS/TCSETS: four flag words, c_line, c_cc[NCCS]. */
export const TERMIOS_BYTES = 36;
export const NCCS = 19;

/** c_iflag. */
export const ICRNL = 0o400;
/** c_oflag. */
export const OPOST = 0o1;
export const ONLCR = 0o4;
/** c_lflag. */
export const ISIG = 0o1;
/** A background process group's write to the terminal raises SIGTTOU. */
export const TOSTOP = 0o400;
export const ICANON = 0o2;
export const ECHO = 0o10;
export const ECHOE = 0o20;
export const ECHOK = 0o40;
export const ECHOCTL = 0o1000;
export const ECHOKE = 0o4000;
export const IEXTEN = 0o100000;

/** c_cc indices. */
export const VINTR = 0;
export const VQUIT = 1;
export const VERASE = 2;
export const VKILL = 3;
export const VEOF = 4;
export const VTIME = 5;
export const VMIN = 6;
export const VSUSP = 10;
