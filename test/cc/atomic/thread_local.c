/* _Thread_local (and C23's thread_local) objects: one thread per process on Pagoda, so each is an
 * ordinary static object with its storage duration and initializer (gcc's build would need a TLS block
 * set up by a libc). */
#include "test.h"

_Thread_local int counter = 1;
static thread_local char tag[4] = "abc";
extern _Thread_local int counter;

static int bump(void) {
  static _Thread_local int calls;
  return ++calls;
}

int main(void) {
  ASSERT(1, counter);
  counter += 4;
  ASSERT(5, counter);
  ASSERT('b', tag[1]);
  bump();
  ASSERT(2, bump());
  ASSERT(5, *&counter);
  return t_done("thread_local");
}
