// O_NONBLOCK on pipes. Found by sysfuzz: pipe2 accepted O_NONBLOCK and ignored it, so a read from an empty
// pipe whose write end the caller itself holds slept forever (and every worker of the run with it).
import { describe, expect, it } from 'vitest';
import { assertNothingLeaked, bootTestKernel, compileC } from '../../../harness/index.js';

const PROGRAM = `
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
static char big[70000];
int main(void) {
  int p[2];
  char c;
  long n, total = 0;
  if (pipe2(p, O_NONBLOCK) != 0) return 10;
  errno = 0;
  n = read(p[0], &c, 1);
  printf("empty read %ld errno %d\\n", n, errno);
  printf("flags %d %d\\n", (fcntl(p[0], F_GETFL) & O_NONBLOCK) != 0, (fcntl(p[1], F_GETFL) & O_NONBLOCK) != 0);
  while ((n = write(p[1], big, sizeof big)) > 0) total += n;
  printf("filled %ld then %ld errno %d\\n", total, n, errno);
  fcntl(p[0], F_SETFL, 0);
  printf("cleared %d\\n", (fcntl(p[0], F_GETFL) & O_NONBLOCK) != 0);
  printf("blocking read of a full pipe %ld\\n", (long)read(p[0], big, 10));
  return 0;
}`;

// Found by sysfuzz too: F_GETFL returned the flags exactly as open was given them, so unknown bits (the sign
// bit among them) made a negative result outside -4095..-1, and creation flags showed up as status flags.
const GETFL = `
#include <fcntl.h>
#include <stdio.h>
int main(void) {
  int fd = open("/tmp/f", O_WRONLY | O_CREAT | O_TRUNC | O_EXCL | O_CLOEXEC | 0x40000000 | 0x80000000, 0644);
  int n = open("/dev/null", O_RDONLY | O_NONBLOCK);
  printf("%d %o %o\\n", fd >= 0, fcntl(fd, F_GETFL) & ~O_LARGEFILE, fcntl(n, F_GETFL) & O_NONBLOCK);
  return 0;
}`;

describe('O_NONBLOCK', () => {
  it('F_GETFL reports the access mode and status flags only, O_NONBLOCK from open included', async () => {
    const k = bootTestKernel();
    const r = await k.run(compileC(GETFL));
    expect(r.stdout).toBe('1 1 4000\n');
    assertNothingLeaked(k);
  });

  it('pipe2(O_NONBLOCK): an empty read and a full write return EAGAIN; fcntl reads and clears the flag', async () => {
    const k = bootTestKernel();
    const r = await k.run(compileC(PROGRAM), { maxInstructions: 50_000_000 });
    expect(r.stdout).toBe(
      'empty read -1 errno 11\nflags 1 1\nfilled 65536 then -1 errno 11\ncleared 0\nblocking read of a full pipe 10\n');
    expect(r.exit).toEqual({ kind: 'exited', code: 0 });
    assertNothingLeaked(k);
  });
});
