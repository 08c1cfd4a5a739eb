/* at_quick_exit, quick_exit (C11): their own handler list, then _Exit. */
#include <stdlib.h>

#define QUICK_EXIT_MAX 32

static void (*handlers[QUICK_EXIT_MAX])(void);
static int count;

int at_quick_exit(void (*fn)(void)) {
  if (count == QUICK_EXIT_MAX) return -1;
  handlers[count++] = fn;
  return 0;
}

void quick_exit(int status) {
  while (count > 0) handlers[--count]();
  _Exit(status);
}
