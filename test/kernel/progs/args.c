#include "rt.h"
/* Prints argc, argv, envp and the auxv entries both kernels must agree on. */
extern char _start[];
int main(int argc, char **argv, char **envp, u32 *sp) {
  kv("argc", argc);
  kv("sp_aligned", ((u32)sp & 15) == 0);
  for (int i = 0; i < argc; i++) { puts_("argv: "); puts_(argv[i]); puts_("\n"); }
  int nenv = 0;
  char **e = envp;
  for (; *e; e++) { puts_("env: "); puts_(*e); puts_("\n"); nenv++; }
  u32 *aux = (u32 *)(e + 1);
  for (; aux[0]; aux += 2) {
    u32 k = aux[0], v = aux[1];
    if (k == 6) kv("AT_PAGESZ", v);
    if (k == 9) kv("AT_ENTRY_is_start", v == (u32)_start);
    if (k == 3) { puts_("AT_PHDR="); putx(v); puts_("\n"); }
    if (k == 4) kv("AT_PHENT", v);
    if (k == 5) kv("AT_PHNUM", v);
    if (k == 23) kv("AT_SECURE", v);
    if (k == 31) { puts_("AT_EXECFN="); puts_((char *)v); puts_("\n"); }
    if (k == 25) { unsigned char *r = (unsigned char *)v; u32 s = 0; for (int i = 0; i < 16; i++) s |= r[i]; kv("AT_RANDOM_readable", 1); }
  }
  return nenv;
}
