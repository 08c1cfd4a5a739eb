// O_NONBLOCK on pipes. Found by sysfuzz: pipe2 accepted O_NONBLOCK and ignored it, so a read from an empty
// pipe whose write end the caller itself holds slept forever (and every worker of the run with it).
import { describe, expect, it } from 'vitest';
import { bootTestKernel } from '../../harness.js';

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

describe('O_NONBLOCK', () => {
  it('pipe2(O_NONBLOCK): an empty read and a full write return EAGAIN; fcntl reads and clears the flag', async () => {
    const k = bootTestKernel();
    const r = await k.run(k.compile(PROGRAM), { maxInstructions: 50_000_000 });
    expect(r.stdout).toBe(
      'empty read -1 errno 11\nflags 1 1\nfilled 65536 then -1 errno 11\ncleared 0\nblocking read of a full pipe 10\n');
    expect(r.exit).toEqual({ kind: 'exited', code: 0 });
    k.assertNothingLeaked();
  });
});
