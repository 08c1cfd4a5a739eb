// ELF32 little-endian reader shared by the linker, objdump and the kernel's loader (the public face of
// elfread-base.ts and elfread-tables.ts). Pure: works on a Uint8Array, imports only abi/. Every malformed
// input raises ElfFormatError with a message naming the offending field and its file offset; no other
// exception escapes. Source: System V gABI 4.1 ("ELF Header", "Sections", "Symbol Table", "Relocation",
// "Program Header").

export * from './elfread-base.js';
export * from './elfread-tables.js';
