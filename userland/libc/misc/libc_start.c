/* __libc_start_main: called by crt0's _start with the initial stack's argc/argv/envp.
 * Sets environ, runs the constructors of .init_array in order, calls main, exits with its result (exit runs
 * the destructors of .fini_array, see stdlib/exit.c). */
#include <stdlib.h>
#include <unistd.h>

char **environ;

int main(int argc, char **argv, char **envp);

typedef void (*init_fn)(void);
extern init_fn __init_array_start[];
extern init_fn __init_array_end[];

void __libc_start_main(int argc, char **argv, char **envp) {
  init_fn *f;
  environ = envp;
  for (f = __init_array_start; f < __init_array_end; f++) (*f)();
  exit(main(argc, argv, envp));
}
