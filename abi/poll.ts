// poll(2)'s event bits (asm-generic poll.h) and struct pollfd's layout. This file imports nothing.

export const POLLIN = 0x001;
export const POLLPRI = 0x002;
export const POLLOUT = 0x004;
export const POLLERR = 0x008;
export const POLLHUP = 0x010;
export const POLLNVAL = 0x020;
export const POLLRDNORM = 0x040;
export const POLLRDBAND = 0x080;
export const POLLWRNORM = 0x100;
export const POLLWRBAND = 0x200;

/** struct pollfd { int fd; short events; short revents; }: 8 bytes. */
export const POLLFD_BYTES = 8;
