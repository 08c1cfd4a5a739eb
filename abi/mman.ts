// mmap/mprotect constants (Linux include/uapi/asm-generic/mman-common.h, mman.h). Imports nothing.

export const enum Prot {
  NONE = 0,
  READ = 1,
  WRITE = 2,
  EXEC = 4,
}

export const enum MapFlags {
  SHARED = 0x01,
  PRIVATE = 0x02,
  SHARED_VALIDATE = 0x03,
  TYPE_MASK = 0x0f,
  FIXED = 0x10,
  ANONYMOUS = 0x20,
  GROWSDOWN = 0x100,
  DENYWRITE = 0x800,
  EXECUTABLE = 0x1000,
  LOCKED = 0x2000,
  NORESERVE = 0x4000,
  POPULATE = 0x8000,
  NONBLOCK = 0x10000,
  STACK = 0x20000,
  HUGETLB = 0x40000,
  FIXED_NOREPLACE = 0x100000,
}

/** mmap's failure value as seen by C: (void *)-1. */
export const MAP_FAILED = 0xffffffff;
