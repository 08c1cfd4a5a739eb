/* strerror: messages as musl words them. */
#include <string.h>
#include <errno.h>
#include <stdio.h>

static const char *const messages[] = {
  [0] = "No error information",
  [EPERM] = "Operation not permitted",
  [ENOENT] = "No such file or directory",
  [ESRCH] = "No such process",
  [EINTR] = "Interrupted system call",
  [EIO] = "I/O error",
  [ENXIO] = "No such device or address",
  [E2BIG] = "Argument list too long",
  [ENOEXEC] = "Exec format error",
  [EBADF] = "Bad file descriptor",
  [ECHILD] = "No child process",
  [EAGAIN] = "Resource temporarily unavailable",
  [ENOMEM] = "Out of memory",
  [EACCES] = "Permission denied",
  [EFAULT] = "Bad address",
  [ENOTBLK] = "Block device required",
  [EBUSY] = "Resource busy",
  [EEXIST] = "File exists",
  [EXDEV] = "Cross-device link",
  [ENODEV] = "No such device",
  [ENOTDIR] = "Not a directory",
  [EISDIR] = "Is a directory",
  [EINVAL] = "Invalid argument",
  [ENFILE] = "Too many open files in system",
  [EMFILE] = "No file descriptors available",
  [ENOTTY] = "Not a tty",
  [ETXTBSY] = "Text file busy",
  [EFBIG] = "File too large",
  [ENOSPC] = "No space left on device",
  [ESPIPE] = "Invalid seek",
  [EROFS] = "Read-only file system",
  [EMLINK] = "Too many links",
  [EPIPE] = "Broken pipe",
  [EDOM] = "Domain error",
  [ERANGE] = "Result not representable",
  [EDEADLK] = "Resource deadlock would occur",
  [ENAMETOOLONG] = "Filename too long",
  [ENOLCK] = "No locks available",
  [ENOSYS] = "Function not implemented",
  [ENOTEMPTY] = "Directory not empty",
  [ELOOP] = "Symbolic link loop",
};

char *strerror(int errnum) {
  static char unknown[32];
  if (errnum >= 0 && errnum < (int)(sizeof messages / sizeof messages[0]) && messages[errnum])
    return (char *)messages[errnum];
  snprintf(unknown, sizeof unknown, "Unknown error %d", errnum);
  return unknown;
}
