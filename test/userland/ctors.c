/* Constructors and destructors through the libc's start-up and exit: .init_array before main (priority
 * 101 first), atexit handlers, then .fini_array last entry first (priority 101 last), then stdio flushed.
 * The exit status needs both constructors to have run. */
#include <stdio.h>
#include <stdlib.h>

static int seen;

__attribute__((constructor(101))) static void early(void) { printf("ctor 101\n"); seen = 10; }
__attribute__((constructor)) static void ctor(void) { printf("ctor\n"); seen += 1; }
__attribute__((destructor)) static void dtor(void) { printf("dtor\n"); }
__attribute__((destructor(101))) static void late(void) { printf("dtor 101\n"); }
static void handler(void) { printf("atexit\n"); }

int main(void) {
  atexit(handler);
  printf("main\n");
  return seen;
}
