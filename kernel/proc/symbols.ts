// Symbolization: a code address of a process named as `function+0xoffset` from its executable's ELF .symtab,
// for reports that point at a call site (MALLOC_DEBUG's, through the symbolize syscall). The table is read
// once per executable image and cached beside it.

import { readElf, findSymbolTable, readSymbols, isSectionIndex, ElfFormatError } from '../../abi/elfread.js';

/** One function-like symbol: where it starts and (0 when unknown) how long it is. */
interface CodeSymbol { readonly name: string; readonly value: number; readonly size: number }

// STT_NOTYPE 0 (labels from assembly) and STT_FUNC 2; sections, files and objects name no code.
const CODE_TYPES = new Set([0, 2]);
const tables = new WeakMap<Uint8Array, readonly CodeSymbol[]>();

/** The image's named code symbols sorted by address ([] for a file without .symtab or a malformed one). */
function codeSymbols(image: Uint8Array): readonly CodeSymbol[] {
  const cached = tables.get(image);
  if (cached) return cached;
  let out: CodeSymbol[] = [];
  try {
    const elf = readElf(image);
    const symtab = findSymbolTable(elf);
    if (symtab) {
      out = readSymbols(elf, symtab)
        .filter((s) => s.name !== '' && !s.name.startsWith('.L') && CODE_TYPES.has(s.type) && isSectionIndex(s.shndx))
        .map((s) => ({ name: s.name, value: s.value >>> 0, size: s.size >>> 0 }))
        .sort((a, b) => a.value - b.value);
    }
  } catch (e) {
    if (!(e instanceof ElfFormatError)) throw e;
  }
  tables.set(image, out);
  return out;
}

/**
 * `name+0xoff` for the symbol that holds `addr` (the nearest one at or below it, and within its st_size when
 * it has one), `name` alone at offset 0, or undefined when no symbol covers the address.
 */
export function symbolize(image: Uint8Array, addr: number): string | undefined {
  const syms = codeSymbols(image);
  const a = addr >>> 0;
  let lo = 0, hi = syms.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (syms[mid].value <= a) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (found < 0) return undefined;
  // Several names at one address (an alias, a label at a function's start): prefer one with a size.
  let s = syms[found];
  for (let i = found; i >= 0 && syms[i].value === s.value; i--) if (syms[i].size > 0) { s = syms[i]; break; }
  const off = a - s.value;
  if (s.size > 0 && off >= s.size) return undefined;
  return off === 0 ? s.name : `${s.name}+0x${off.toString(16)}`;
}
