/* spin: computes forever without a system call (the timer must preempt it; Ctrl-C must stop it). */
int main(void) {
  volatile unsigned long n = 0;
  for (;;) n++;
}
