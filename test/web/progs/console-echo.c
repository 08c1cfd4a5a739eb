/* A stand-in boot program for the console tests until the shell exists: prints a prompt, echoes what it reads
   (control bytes shown as ^X, so Ctrl-C visibly reaches the guest), and runs three commands on a line:
     flood [KiB]   writes KiB kibibytes (default 5120) of 64-byte lines, 4 KiB per write, then "flood done"
     drip [N]      writes N 64-byte lines (default 1000), one write each, computing every character, then
                   "drip done" (output spread over many scheduler slices)
     exit [N]      exits with status N
     spin          loops forever (the host must stay responsive)
   End of input prints "EOF" and exits 0. Enter may arrive as \r (raw terminal) or \n (pipe). */
#include "rt.h"

static char line[256];
static int len;

static int eq(const char *a, const char *b) { while (*a && *a == *b) { a++; b++; } return *a == *b; }
static int starts(const char *s, const char *p) { while (*p && *s == *p) { s++; p++; } return *p == 0; }
static u32 num(const char *s, u32 dflt) {
  while (*s == ' ') s++;
  if (*s < '0' || *s > '9') return dflt;
  u32 v = 0;
  while (*s >= '0' && *s <= '9') v = v * 10 + (u32)(*s++ - '0');
  return v;
}

static void flood(u32 kib) {
  static char buf[4096];
  for (int i = 0; i < 4096; i++) buf[i] = (i % 64 == 63) ? '\n' : (char)('a' + (i % 64) % 26);
  for (u32 i = 0; i < kib / 4; i++) sc3(SYS_write, 1, buf, 4096);
  puts_("flood done\n");
}

static void drip(u32 lines) {
  char l[64];
  for (u32 i = 0; i < lines; i++) {
    for (int j = 0; j < 63; j++) l[j] = (char)('a' + (i * 7 + (u32)j * 3) % 26);
    l[63] = '\n';
    sc3(SYS_write, 1, l, 64);
  }
  puts_("drip done\n");
}

static void run_line(void) {
  line[len] = 0;
  if (starts(line, "flood")) flood(num(line + 5, 5120));
  else if (starts(line, "drip")) drip(num(line + 4, 1000));
  else if (starts(line, "exit")) exit_((int)num(line + 4, 0));
  else if (eq(line, "spin")) for (;;) {}
  else if (len > 0) { puts_("you typed: "); puts_(line); puts_("\n"); }
  len = 0;
}

int main(int argc, char **argv) {
  char in[64];
  puts_("console-echo ready\necho> ");
  for (;;) {
    long n = sc3(SYS_read, 0, in, sizeof in);
    if (n <= 0) { puts_("\nEOF\n"); return 0; }
    for (long i = 0; i < n; i++) {
      unsigned char c = (unsigned char)in[i];
      if (c == '\r' || c == '\n') { puts_("\n"); run_line(); puts_("echo> "); continue; }
      if (c < 0x20 || c == 0x7f) { char s[3] = { '^', (char)(c == 0x7f ? '?' : c + '@'), 0 }; puts_(s); continue; }
      char s[2] = { (char)c, 0 };
      puts_(s);
      if (len < (int)sizeof line - 1) line[len++] = (char)c;
    }
  }
}
