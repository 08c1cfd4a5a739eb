/* mallinfo, mallinfo2, malloc_stats: the policy walks its heap; the counters add the rest. */
#include "malloc_impl.h"
#include <stdio.h>
#include <string.h>

struct mallinfo mallinfo(void) {
  struct mallinfo mi;
  memset(&mi, 0, sizeof mi);
  __malloc_info_current(&mi);
  mi.arena = __malloc_counters.heap_bytes;
  mi.hblks = __malloc_counters.mmap_count;
  mi.hblkhd = __malloc_counters.mmap_bytes;
  mi.usmblks = __malloc_counters.peak;
  mi.syscalls = __malloc_counters.syscalls;
  mi.requested = __malloc_counters.requested;
  return mi;
}

struct mallinfo mallinfo2(void) {
  return mallinfo();
}

/* Prints ratio a/b with two decimals using integer arithmetic ("-" when b is 0). */
static void print_ratio(const char *label, size_t a, size_t b) {
  unsigned long long hundredths;
  if (!b) {
    fprintf(stderr, "%-22s -\n", label);
    return;
  }
  hundredths = ((unsigned long long)a * 100 + b / 2) / b;
  fprintf(stderr, "%-22s %llu.%02llu\n", label, hundredths / 100, hundredths % 100);
}

void malloc_stats(void) {
  struct mallinfo mi = mallinfo();
  size_t total_free = mi.fordblks;
  fprintf(stderr, "malloc policy          %s\n", malloc_policy());
  if (__malloc_track_requests)
    fprintf(stderr, "bytes requested        %zu (all calls so far)\n", mi.requested);
  else
    fprintf(stderr, "bytes requested        not counted (set MALLOC_STATS=1 to count)\n");
  fprintf(stderr, "bytes in use           %zu\n", mi.uordblks);
  fprintf(stderr, "heap size              %zu (peak with mmap %zu)\n", mi.arena, mi.usmblks);
  fprintf(stderr, "mmapped                %zu bytes in %zu chunks\n", mi.hblkhd, mi.hblks);
  fprintf(stderr, "free chunks            %zu (%zu bytes), %zu cached (%zu bytes)\n", mi.ordblks,
          total_free, mi.smblks, mi.fsmblks);
  fprintf(stderr, "largest free chunk     %zu\n", mi.largest);
  fprintf(stderr, "allocator syscalls     %zu\n", mi.syscalls);
  print_ratio("fragmentation", total_free ? total_free - mi.largest : 0, total_free);
  print_ratio("heap / in use", mi.arena + mi.hblkhd, mi.uordblks);
}
