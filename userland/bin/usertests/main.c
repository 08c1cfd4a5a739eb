/* usertests: the runner: each test in its own child, one line per test, the frame count compared. */
#include "usertests.h"

int in_child(void (*fn)(void)) {
  int ws = 0;
  int pid;
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    fn();
    fflush(stdout);
    _exit(0);
  }
  if (pid < 0) return -1;
  waitpid(pid, &ws, 0);
  return ws;
}

static long frames_used(void) {
  char buf[1024];
  int fd = open("/proc/meminfo", O_RDONLY), n;
  char *p;
  if (fd < 0) return -1;
  n = (int)read(fd, buf, sizeof buf - 1);
  close(fd);
  buf[n > 0 ? n : 0] = 0;
  p = strstr(buf, "FramesUsed:");
  return p ? atol(p + 11) : -1;
}

struct test {
  const char *name;
  void (*fn)(void);
};

static struct test tests[] = {
  {"sbrk", t_sbrk},
  {"hugealloc", t_huge_alloc},
  {"badpointers", t_bad_pointers},
  {"forkcow", t_fork_cow},
  {"exitstatus", t_exit_status},
  {"kill", t_kill},
  {"orphans", t_orphans},
  {"forklimit", t_fork_limit},
  {"execargs", t_exec_args},
  {"pipes", t_pipes},
  {"sigpipe", t_sigpipe},
  {"files", t_files},
  {"fds", t_fds},
  {"signals", t_signals},
  {"writetext", t_write_text},
  {"nullptr", t_null},
  {"stackguard", t_stack_guard},
  {"oom", t_oom_recovery},
};

int main(int argc, char **argv) {
  int i, j, failed = 0, ran = 0;
  long before, after;
  int n = (int)(sizeof tests / sizeof tests[0]);
  printf("usertests starting\n");
  before = frames_used();
  for (i = 0; i < n; i++) {
    int ws, wanted = argc < 2;
    for (j = 1; j < argc; j++) if (strcmp(argv[j], tests[i].name) == 0) wanted = 1;
    if (!wanted) continue;
    ran++;
    printf("test %s: ", tests[i].name);
    fflush(stdout);
    ws = in_child(tests[i].fn);
    if (WIFEXITED(ws) && WEXITSTATUS(ws) == 0) {
      printf("OK\n");
    } else {
      failed++;
      if (WIFSIGNALED(ws)) printf("FAILED (killed by signal %d)\n", WTERMSIG(ws));
      else printf("FAILED\n");
    }
  }
  after = frames_used();
  printf("frames used: %ld before, %ld after\n", before, after);
  if (after != before) {
    printf("FAILED: %ld frames not returned\n", after - before);
    failed++;
  }
  if (failed || ran == 0) {
    printf("SOME TESTS FAILED (%d)\n", failed);
    return 1;
  }
  printf("ALL TESTS PASSED\n");
  return 0;
}
