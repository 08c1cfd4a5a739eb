/* usertests: a battery of kernel tests in the spirit of xv6's usertests, written for Pagoda. Each test runs
 * in its own child process, so a test that crashes fails alone. One line per test; "ALL TESTS PASSED" only
 * when every test passed and every frame used by the tests came back.
 * Usage: usertests [NAME...]   (no names: every test)
 *
 * Files: usertests.h (CHECK and helpers), main.c (the table and the runner), memory.c, badptr.c, procs.c,
 * files.c (files, fds, pipes), signals.c. */
#ifndef PAGODA_USERTESTS_H
#define PAGODA_USERTESTS_H
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "../../libc/arch/riscv32/syscall_arch.h"

#define CHECK(cond, ...)                                   \
  do {                                                     \
    if (!(cond)) {                                         \
      printf("    %s:%d: ", __FILE__, __LINE__);           \
      printf(__VA_ARGS__);                                 \
      printf("\n");                                        \
      fflush(stdout);                                      \
      _exit(1);                                            \
    }                                                      \
  } while (0)

#define SYS_llseek_ 62
#define KERNEL_ADDR ((void *)0xc0000000)
#define BAD_ADDR ((void *)0xffffffff)

/* Runs fn in a forked child and returns its wait status. */
int in_child(void (*fn)(void));

void t_sbrk(void);
void t_huge_alloc(void);
void t_oom_recovery(void);
void t_write_text(void);
void t_stack_guard(void);
void t_null(void);
void t_bad_pointers(void);
void t_fork_cow(void);
void t_exit_status(void);
void t_kill(void);
void t_orphans(void);
void t_fork_limit(void);
void t_exec_args(void);
void t_pipes(void);
void t_sigpipe(void);
void t_files(void);
void t_fds(void);
void t_signals(void);

#endif
