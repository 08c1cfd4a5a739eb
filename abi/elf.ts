// ELF32 constants and structure sizes used by the loader and the toolchain.
// Sources: System V gABI (ELF-64 Object File Format / generic ABI 4.1), RISC-V ELF psABI 1.0.
// This file imports nothing.

export const ELF_MAGIC = 0x464c457f; // "\x7fELF" read as a little-endian u32
export const ELFCLASS32 = 1;
export const ELFDATA2LSB = 1;
export const EV_CURRENT = 1;
export const ELFOSABI_SYSV = 0;

export const enum ElfType {
  NONE = 0,
  REL = 1,
  EXEC = 2,
  DYN = 3,
}

export const EM_RISCV = 243;
/** e_flags: float ABI soft (0), no RVC. */
export const EF_RISCV_FLOAT_ABI_SOFT = 0x0000;
export const EF_RISCV_RVC = 0x0001;
/** e_flags bits 2:1, the float ABI (RISC-V ELF psABI "ELF Object Files"): soft, single, double or quad. */
export const EF_RISCV_FLOAT_ABI_MASK = 0x0006;
export const EF_RISCV_FLOAT_ABI_SINGLE = 0x0002;
export const EF_RISCV_FLOAT_ABI_DOUBLE = 0x0004;
export const EF_RISCV_FLOAT_ABI_QUAD = 0x0006;
/** e_flags: the RV32E/RV64E base (16 integer registers). */
export const EF_RISCV_RVE = 0x0008;
/** e_flags: the program needs the RVTSO memory model. */
export const EF_RISCV_TSO = 0x0010;

/** Structure sizes (bytes) for ELF32. */
export const EHDR_SIZE = 52;
export const PHDR_SIZE = 32;
export const SHDR_SIZE = 40;
export const SYM_SIZE = 16;
export const RELA_SIZE = 12;
export const REL_SIZE = 8;

/** e_ident offsets. */
export const enum Ident {
  CLASS = 4,
  DATA = 5,
  VERSION = 6,
  OSABI = 7,
}

/** Field offsets in the ELF32 header (gABI "ELF Header"); u16 fields are the half-words from TYPE on. */
export const enum Ehdr {
  TYPE = 16, // u16
  MACHINE = 18, // u16
  VERSION = 20, // u32
  ENTRY = 24, // u32
  PHOFF = 28, // u32
  SHOFF = 32, // u32
  FLAGS = 36, // u32
  EHSIZE = 40, // u16
  PHENTSIZE = 42, // u16
  PHNUM = 44, // u16
  SHENTSIZE = 46, // u16
  SHNUM = 48, // u16
  SHSTRNDX = 50, // u16
}

/** Field offsets in an ELF32 program header (gABI "Program Header"); every field is a u32. */
export const enum Phdr {
  TYPE = 0,
  OFFSET = 4,
  VADDR = 8,
  PADDR = 12,
  FILESZ = 16,
  MEMSZ = 20,
  FLAGS = 24,
  ALIGN = 28,
}

/** Field offsets in an ELF32 section header (gABI "Sections"); every field is a u32. */
export const enum Shdr {
  NAME = 0,
  TYPE = 4,
  FLAGS = 8,
  ADDR = 12,
  OFFSET = 16,
  SIZE = 20,
  LINK = 24,
  INFO = 28,
  ADDRALIGN = 32,
  ENTSIZE = 36,
}

export const enum PhType {
  NULL = 0,
  LOAD = 1,
  DYNAMIC = 2,
  INTERP = 3,
  NOTE = 4,
  PHDR = 6,
  GNU_STACK = 0x6474e551,
  RISCV_ATTRIBUTES = 0x70000003,
}

export const enum PhFlags {
  X = 1,
  W = 2,
  R = 4,
}

export const enum ShType {
  NULL = 0,
  PROGBITS = 1,
  SYMTAB = 2,
  STRTAB = 3,
  RELA = 4,
  HASH = 5,
  DYNAMIC = 6,
  NOTE = 7,
  NOBITS = 8,
  REL = 9,
  INIT_ARRAY = 14,
  FINI_ARRAY = 15,
  PREINIT_ARRAY = 16,
  GROUP = 17,
  RISCV_ATTRIBUTES = 0x70000003,
}

export const enum ShFlags {
  WRITE = 0x1,
  ALLOC = 0x2,
  EXECINSTR = 0x4,
  MERGE = 0x10,
  STRINGS = 0x20,
  INFO_LINK = 0x40,
  GROUP = 0x200,
}

export const SHN_UNDEF = 0;
export const SHN_ABS = 0xfff1;
export const SHN_COMMON = 0xfff2;

export const enum SymBind {
  LOCAL = 0,
  GLOBAL = 1,
  WEAK = 2,
}

export const enum SymType {
  NOTYPE = 0,
  OBJECT = 1,
  FUNC = 2,
  SECTION = 3,
  FILE = 4,
}

export const symInfo = (bind: number, type: number): number => ((bind << 4) | (type & 0xf)) & 0xff;
export const symBind = (info: number): number => info >> 4;
export const symType = (info: number): number => info & 0xf;
export const relaInfo = (sym: number, type: number): number => ((sym << 8) | (type & 0xff)) >>> 0;
export const relaSym = (info: number): number => info >>> 8;
export const relaType = (info: number): number => info & 0xff;

/** RISC-V relocation types (psABI "Relocations" table). */
export const enum RelocType {
  NONE = 0,
  R_32 = 1,
  BRANCH = 16,
  JAL = 17,
  CALL = 18,
  CALL_PLT = 19,
  GOT_HI20 = 20,
  PCREL_HI20 = 23,
  PCREL_LO12_I = 24,
  PCREL_LO12_S = 25,
  HI20 = 26,
  LO12_I = 27,
  LO12_S = 28,
  ADD8 = 33,
  ADD16 = 34,
  ADD32 = 35,
  ADD64 = 36,
  SUB8 = 37,
  SUB16 = 38,
  SUB32 = 39,
  SUB64 = 40,
  ALIGN = 43,
  RVC_BRANCH = 44,
  RVC_JUMP = 45,
  RELAX = 51,
  SUB6 = 52,
  SET6 = 53,
  SET8 = 54,
  SET16 = 55,
  SET32 = 56,
  R_32_PCREL = 57,
  SET_ULEB128 = 60,
  SUB_ULEB128 = 61,
}

/** Auxiliary vector types (Linux include/uapi/linux/auxvec.h). */
export const enum Auxv {
  NULL = 0,
  PHDR = 3,
  PHENT = 4,
  PHNUM = 5,
  PAGESZ = 6,
  ENTRY = 9,
  UID = 11,
  EUID = 12,
  GID = 13,
  EGID = 14,
  SECURE = 23,
  RANDOM = 25,
  EXECFN = 31,
}
