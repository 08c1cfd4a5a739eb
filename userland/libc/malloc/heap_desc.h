/* heap_desc.h: where a policy keeps its heap, published to the kernel so that /proc/PID/heap and the
 * page's heap panel can decode the blocks from the process's memory (kernel/mem/heap/).
 *
 * When malloc.c chooses a policy it calls heap_register (Pagoda system call 1001) with the policy's
 * id and the address of its descriptor. The descriptor lives in libc memory and holds no heap data
 * itself: it points at the variables that do (so the kernel needs no knowledge of struct layouts,
 * only of the chunk headers each policy's .h documents). Version 1, every field 4 bytes:
 *
 *   +0  magic         HEAP_DESC_MAGIC
 *   +4  version       HEAP_DESC_VERSION
 *   +8  policy        HEAP_POLICY_* (the same number heap_register passes)
 *   +12 base          address of the variable holding the first chunk's address (0 before the first sbrk)
 *   +16 top           address of the variable holding the top chunk's address (0: no top chunk)
 *   +20 top_size      address of the variable holding the top chunk's size
 *   +24 rings, +28 ring_count, +32 ring_stride
 *                     circular doubly-linked free lists: ring i's head is at rings + i * ring_stride,
 *                     a head's and a member's forward link at +8 (a head whose link is 0 is empty)
 *   +36 stacks, +40 stack_count, +44 stack_stride
 *                     singly-linked caches (dl's fast lists, quick's lists): the first member's address at
 *                     stacks + i * stack_stride, each member's next at +8, 0 ends
 *   +48 segments      buddy: the {start, end} pairs of its heap segments, +52 segment_count: where their count is
 *   +56 counters      __malloc_counters (mmap_count says how many mapped blocks to look for)
 *
 * Blocks of MALLOC_MMAP_THRESHOLD bytes and more are found by their magic word at the start of an
 * anonymous mapping (dl.h's MMAP_MAGIC, bigchunk.h's MMAP_WORD), so they need no list here. */
#ifndef _PAGODA_HEAP_DESC_H
#define _PAGODA_HEAP_DESC_H
#include "malloc_impl.h"

#define HEAP_DESC_MAGIC 0x48647363u /* "Hdsc" */
#define HEAP_DESC_VERSION 1u

enum heap_policy_id {
  HEAP_POLICY_DL = 1, HEAP_POLICY_FIRST, HEAP_POLICY_NEXT, HEAP_POLICY_BEST, HEAP_POLICY_BUDDY,
  HEAP_POLICY_QUICK,
};

struct malloc_heap_desc {
  unsigned magic, version, policy;
  void *base, *top, *top_size;
  void *rings;
  unsigned ring_count, ring_stride;
  void *stacks;
  unsigned stack_count, stack_stride;
  void *segments, *segment_count;
  struct malloc_counters *counters;
};

/* Tells the kernel where policy p's heap is (p->heap may be NULL: the kernel then forgets it).
 * The result is ignored: a kernel without the call (rv32sim, qemu) answers -ENOSYS. */
void __malloc_register_heap(const struct malloc_policy *p);

#endif
