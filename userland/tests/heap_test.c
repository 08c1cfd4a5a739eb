/* heap_test MODE: a known heap, and what the kernel's walker (/proc/self/heap) says about it.
 *   pattern  allocates and frees a fixed pattern (small, medium, a memalign, a mapped block), then prints
 *            the libc's own view (mallinfo's counts, and each live pointer with its usable size), then
 *            /proc/self/heap; the test checks that the two agree block for block.
 *   corrupt  scribbles on a free block's list link, prints /proc/self/heap, then on a chunk header, and
 *            prints it again: each time the walker must report "corrupt at" the spot, and end.
 *   fuzz N S after the pattern, N random writes into the heap (seed S), each followed by a read of
 *            /proc/self/heap: prints how many reads answered and how many found corruption.
 *   heap     the pattern, /proc/self/heap, then `/bin/heap PID` and `/bin/heap -v PID` run on itself from a
 *            child (fork allocates nothing in the parent, so all three see the same heap).
 * Output goes through write() from static buffers, so printing allocates nothing. */
#include <fcntl.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define LIVE_MAX 64
static void *live[LIVE_MAX];
static int nlive;
static char line[256];
static char procbuf[1 << 20];

static void say(const char *s) { write(1, s, strlen(s)); }

static void *keep(void *p) {
  live[nlive++] = p;
  return p;
}

/* Allocates 40 blocks of sizes from 8 to 1500, frees every third (and two neighbours, to coalesce),
 * reallocs one, adds a 4 KiB-aligned block and a 200 KiB one (a mapping of its own). */
static void pattern(void) {
  void *blocks[40];
  int i;
  for (i = 0; i < 40; i++) blocks[i] = malloc((size_t)(8 + (i * 37) % 1500));
  for (i = 0; i < 40; i += 3) { free(blocks[i]); blocks[i] = 0; }
  free(blocks[10]); blocks[10] = 0;
  free(blocks[11]); blocks[11] = 0;
  blocks[20] = realloc(blocks[20], 3000);
  for (i = 0; i < 40; i++) if (blocks[i]) keep(blocks[i]);
  keep(memalign(4096, 100));
  keep(malloc(200 * 1024));
}

static void print_view(void) {
  struct mallinfo mi = mallinfo();
  int i;
  snprintf(line, sizeof line, "libc: policy %s ordblks %u smblks %u hblks %u hblkhd %u fsmblks %u uordblks %u fordblks %u keepcost %u largest %u\n",
           malloc_policy(), (unsigned)mi.ordblks, (unsigned)mi.smblks, (unsigned)mi.hblks, (unsigned)mi.hblkhd,
           (unsigned)mi.fsmblks, (unsigned)mi.uordblks, (unsigned)mi.fordblks, (unsigned)mi.keepcost,
           (unsigned)mi.largest);
  say(line);
  for (i = 0; i < nlive; i++) {
    snprintf(line, sizeof line, "live %p %u\n", live[i], (unsigned)malloc_usable_size(live[i]));
    say(line);
  }
}

static void print_proc(const char *title) {
  int fd = open("/proc/self/heap", O_RDONLY), n, len = 0;
  say(title);
  if (fd < 0) { say("no /proc/self/heap\n"); return; }
  while (len < (int)sizeof procbuf && (n = (int)read(fd, procbuf + len, sizeof procbuf - len)) > 0) len += n;
  close(fd);
  write(1, procbuf, (size_t)len);
  say("end\n");
}

static void corrupt(void) {
  char *a = malloc(40), *b = malloc(200), *c = malloc(300), *d = malloc(50);
  size_t *words;
  (void)a; (void)d;
  snprintf(line, sizeof line, "b %p c %p\n", (void *)b, (void *)c);
  say(line);
  free(c); /* a free block on some list (for dl a bin, a quick or fit list, a buddy order list) */
  words = (size_t *)c;
  words[0] = 0x00000ff8; /* its forward link now points outside the heap */
  print_proc("== link\n");
  ((size_t *)b)[-1] = 0x7ffffff3; /* b's header (the word before the pointer) is garbage now */
  print_proc("== header\n");
  _exit(0); /* free would (rightly) abort on this heap */
}

static char *heap_start; /* the break before the first allocation */

/* Writes n random words into the heap, reading /proc/self/heap after each: the kernel must answer every
 * time. Half the writes go next to a live block (its header, or the header and links of the block after
 * it), the rest anywhere from the first block to the break; the value is random, a small multiple of 8
 * (a believable size) or an address inside the heap (a believable link, which can make loops). */
static void fuzz(int n, unsigned seed) {
  char *lo = heap_start, *hi = sbrk(0);
  int i, reports = 0, findings = 0;
  for (i = 0; i < n; i++) {
    int fd, len = 0, got;
    size_t *at;
    unsigned r;
    seed = seed * 1103515245u + 12345u;
    r = seed >> 8;
    if (r & 1) at = (size_t *)((char *)live[(r >> 1) % (unsigned)(nlive - 1)] + 4 * (int)((r >> 8) % 6) - 8);
    else at = (size_t *)(lo + (((r >> 1) % (size_t)(hi - lo)) & ~(size_t)3));
    seed = seed * 1103515245u + 12345u;
    r = seed >> 4;
    *at = r % 3 == 0 ? r : r % 3 == 1 ? (r >> 4) & 0xff8 : (size_t)(lo + ((r >> 2) % (size_t)(hi - lo) & ~(size_t)7));
    fd = open("/proc/self/heap", O_RDONLY);
    if (fd < 0) break;
    while (len < (int)sizeof procbuf - 1 && (got = (int)read(fd, procbuf + len, sizeof procbuf - 1 - len)) > 0) len += got;
    close(fd);
    procbuf[len] = 0;
    reports += strncmp(procbuf, "policy: ", 8) == 0;
    findings += strstr(procbuf, "corrupt at") != 0;
  }
  snprintf(line, sizeof line, "fuzz %d writes, %d reports, %d with findings\n", n, reports, findings);
  say(line);
  _exit(0);
}

static void run_heap_program(void) {
  char pid[16];
  const char *flags[2] = { 0, "-v" };
  int i, status;
  snprintf(pid, sizeof pid, "%d", (int)getpid());
  for (i = 0; i < 2; i++) {
    pid_t child;
    snprintf(line, sizeof line, "== heap%s\n", flags[i] ? " -v" : "");
    say(line);
    child = fork();
    if (child == 0) {
      char *argv[4];
      int n = 0;
      argv[n++] = "heap";
      if (flags[i]) argv[n++] = (char *)flags[i];
      argv[n++] = pid;
      argv[n] = 0;
      execv("/bin/heap", argv);
      _exit(127);
    }
    waitpid(child, &status, 0);
  }
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "pattern";
  heap_start = sbrk(0);
  if (strcmp(mode, "corrupt") == 0) corrupt();
  pattern();
  if (strcmp(mode, "fuzz") == 0) fuzz(argc > 2 ? atoi(argv[2]) : 100, argc > 3 ? (unsigned)atoi(argv[3]) : 1);
  if (strcmp(mode, "heap") == 0) {
    print_proc("== proc\n");
    run_heap_program();
    return 0;
  }
  print_view();
  print_proc("== proc\n");
  return 0;
}
