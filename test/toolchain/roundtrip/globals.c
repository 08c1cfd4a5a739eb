/* Globals in .data, .sdata, .bss, .sbss and .rodata; static locals; exits with status 3. */
#include "rt.h"

int small_init = 17;                 /* .sdata */
short small_short = -5;              /* .sdata */
int small_zero;                      /* .sbss */
int big_init[20] = { 1, 2, 3, 4, 5 };/* .data */
char big_zero[300];                  /* .bss */
const int primes[] = { 2, 3, 5, 7, 11, 13, 17, 19 }; /* .rodata */
const char *const greeting = "hello from globals";

static int counter(void) { static int calls = 100; return ++calls; }

int main(void) {
  for (int i = 0; i < 20; i++) big_init[i] += i * small_init;
  for (int i = 0; i < 300; i++) big_zero[i] = (char)(i * 7);
  small_zero += small_short;
  int s = 0;
  for (int i = 0; i < 20; i++) s += big_init[i];
  put_line("sum big_init", s);
  int t = 0;
  for (int i = 0; i < 300; i++) t += (signed char)big_zero[i];
  put_line("sum big_zero", t);
  put_line("small_zero", small_zero);
  int p = 1;
  for (int i = 0; i < 8; i++) p = p * primes[i] % 100003;
  put_line("primes product mod", p);
  put_str(greeting); put_char('\n');
  counter(); counter();
  put_line("counter", counter());
  return 3;
}
