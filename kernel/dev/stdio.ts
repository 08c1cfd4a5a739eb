// The first program's fds 0, 1 and 2. On an interactive terminal they are the terminal, opened read-write
// three times, as a login's are. Otherwise (`pagoda run`, a piped `pagoda boot`, the test harness, where the
// host's stdin may be /dev/null, a file or a pipe, and its stdout and stderr are separate streams) each fd has
// its own mode and its own end: fd 0 only reads the console input, fd 1 only writes stdout, fd 2 only writes
// stderr. A write to fd 0 then fails with EBADF instead of reaching stdout, as on Linux with `prog </dev/null`.

import type { Kernel } from '../kernel.js';
import { ConsoleFile } from './console.js';
import type { OpenFile } from './file.js';

const O_RDONLY = 0;
const O_WRONLY = 1;
const O_RDWR = 2;

/** New open files for fds 0, 1 and 2 of a program started by the kernel (not by fork/exec). */
export function standardFiles(k: Kernel): [OpenFile, OpenFile, OpenFile] {
  const input = k.consoleInput;
  const tty = input.terminal;
  return [
    new ConsoleFile('/dev/console', input, k.sinks.stdout, tty ? O_RDWR : O_RDONLY),
    new ConsoleFile('/dev/console', input, k.sinks.stdout, tty ? O_RDWR : O_WRONLY),
    new ConsoleFile('/dev/console', input, k.sinks.stderr, tty ? O_RDWR : O_WRONLY),
  ];
}
