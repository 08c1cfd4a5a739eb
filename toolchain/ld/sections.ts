// Where input sections go, by name, as GNU ld's default RISC-V script places them. The table is ordered:
// output sections appear in the executable in this order, grouped into three segments.

import { ShFlags, ShType } from '../../abi/elf.js';

/** The three loadable segments, in address order. */
export const enum SegmentKind {
  TEXT = 0,
  RODATA = 1,
  DATA = 2,
  /** Not loaded: debug sections (.debug_*), placed in the file after the segments at address 0. */
  NONE = 3,
}

/** One output section: its name, ELF type and flags, segment, and the input-name patterns it collects. */
export interface OutputSpec {
  readonly name: string;
  readonly type: number;
  readonly flags: number;
  readonly segment: SegmentKind;
  /** Input sections named exactly `p` or starting with `p` (GNU's `p*`). */
  readonly prefixes: readonly string[];
  /** Sort inputs by the numeric suffix `.NNNNN` (GNU's SORT_BY_INIT_PRIORITY); unsuffixed ones last. */
  readonly byPriority?: boolean;
}

const AX = ShFlags.ALLOC | ShFlags.EXECINSTR;
const A = ShFlags.ALLOC;
const WA = ShFlags.ALLOC | ShFlags.WRITE;

export const OUTPUT_SPECS: readonly OutputSpec[] = [
  { name: '.text', type: ShType.PROGBITS, flags: AX, segment: SegmentKind.TEXT, prefixes: ['.text'] },
  { name: '.rodata', type: ShType.PROGBITS, flags: A, segment: SegmentKind.RODATA, prefixes: ['.rodata', '.srodata'] },
  {
    name: '.preinit_array',
    type: ShType.PREINIT_ARRAY,
    flags: WA,
    segment: SegmentKind.DATA,
    prefixes: ['.preinit_array'],
    byPriority: true,
  },
  {
    name: '.init_array',
    type: ShType.INIT_ARRAY,
    flags: WA,
    segment: SegmentKind.DATA,
    prefixes: ['.init_array'],
    byPriority: true,
  },
  {
    name: '.fini_array',
    type: ShType.FINI_ARRAY,
    flags: WA,
    segment: SegmentKind.DATA,
    prefixes: ['.fini_array'],
    byPriority: true,
  },
  { name: '.data', type: ShType.PROGBITS, flags: WA, segment: SegmentKind.DATA, prefixes: ['.data'] },
  { name: '.sdata', type: ShType.PROGBITS, flags: WA, segment: SegmentKind.DATA, prefixes: ['.sdata'] },
  { name: '.sbss', type: ShType.NOBITS, flags: WA, segment: SegmentKind.DATA, prefixes: ['.sbss'] },
  { name: '.bss', type: ShType.NOBITS, flags: WA, segment: SegmentKind.DATA, prefixes: ['.bss'] },
];

const byName = (name: string): number => OUTPUT_SPECS.findIndex((s) => s.name === name);
export const OUT_TEXT = byName('.text');
export const OUT_RODATA = byName('.rodata');
export const OUT_PREINIT = byName('.preinit_array');
export const OUT_INIT = byName('.init_array');
export const OUT_FINI = byName('.fini_array');
export const OUT_DATA = byName('.data');
export const OUT_SDATA = byName('.sdata');
export const OUT_SBSS = byName('.sbss');
export const OUT_BSS = byName('.bss');

/**
 * The output section (index into OUTPUT_SPECS) for an input section. Names decide first; a section whose
 * name matches nothing goes by its flags (executable -> .text, writable -> .data or .bss, else .rodata).
 * A PROGBITS section named like bss goes to .data so its bytes are kept.
 */
export function classifyInput(name: string, type: number, flags: number): number {
  for (let i = 0; i < OUTPUT_SPECS.length; i++) {
    for (const p of OUTPUT_SPECS[i].prefixes) {
      if (!name.startsWith(p)) continue;
      if (OUTPUT_SPECS[i].type === ShType.NOBITS && type !== ShType.NOBITS) return OUT_DATA;
      return i;
    }
  }
  if (flags & ShFlags.EXECINSTR) return OUT_TEXT;
  if (flags & ShFlags.WRITE) return type === ShType.NOBITS ? OUT_BSS : OUT_DATA;
  return OUT_RODATA;
}

/** Priority of `.init_array.00123` (123); unsuffixed names sort after every numbered one, as GNU does. */
export function initPriority(name: string, prefix: string): number {
  const rest = name.slice(prefix.length);
  const m = /^\.(\d+)$/.exec(rest);
  return m ? Number(m[1]) : 65536;
}

/** True for DWARF sections, which the executable keeps (unloaded) for debuggers, as GNU ld does. */
export function isDebugSection(name: string, flags: number): boolean {
  return (flags & ShFlags.ALLOC) === 0 && name.startsWith('.debug_');
}

/** The output spec of a debug section: not loaded; string sections keep SHF_MERGE|SHF_STRINGS. */
export function debugSpec(name: string, flags: number): OutputSpec {
  return { name, type: ShType.PROGBITS, flags: flags & (ShFlags.MERGE | ShFlags.STRINGS), segment: SegmentKind.NONE, prefixes: [name] };
}
