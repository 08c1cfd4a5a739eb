// Symbols the linker defines from the layout, as GNU ld's default RISC-V script does. An input definition
// (strong, weak or common) always wins, as with the script's PROVIDE: the linker only fills in what is missing.
//   __global_pointer$   start of .sdata + 0x800 (start of the data segment + 0x800 when there is no .sdata)
//   _edata, edata, __bss_start   end of initialized data (GNU: bss may start later, after alignment)
//   _end, end           end of bss (4-byte aligned);   _etext, etext, __etext   end of .text
//   __preinit_array_start/_end, __init_array_start/_end, __fini_array_start/_end   bounds of those arrays

import { SymType } from '../../abi/elf.js';
import type { Layout } from './layout.js';
import {
  OUT_BSS,
  OUT_DATA,
  OUT_FINI,
  OUT_INIT,
  OUT_PREINIT,
  OUT_SDATA,
  OUT_TEXT,
  SegmentKind,
} from './sections.js';
import { SymbolState, type SymbolTable } from './symbols.js';

/** Defines the linker-provided symbols that no input defines. */
export function defineLinkerSymbols(layout: Layout, table: SymbolTable): void {
  const out = layout.outputs;
  const end = (i: number): number => out[i].address + out[i].size;
  const firstData = out.find((o) => o.spec.segment === SegmentKind.DATA)!;
  const sdata = out[OUT_SDATA];
  const values: [string, number][] = [
    ['__global_pointer$', (sdata.size > 0 ? sdata.address : firstData.address) + 0x800],
    ['_etext', end(OUT_TEXT)],
    ['etext', end(OUT_TEXT)],
    ['__etext', end(OUT_TEXT)],
    ['__preinit_array_start', out[OUT_PREINIT].address],
    ['__preinit_array_end', end(OUT_PREINIT)],
    ['__init_array_start', out[OUT_INIT].address],
    ['__init_array_end', end(OUT_INIT)],
    ['__fini_array_start', out[OUT_FINI].address],
    ['__fini_array_end', end(OUT_FINI)],
    ['__DATA_BEGIN__', firstData.address],
    ['__SDATA_BEGIN__', sdata.size > 0 ? sdata.address : end(OUT_DATA)],
    ['_edata', end(OUT_SDATA)],
    ['edata', end(OUT_SDATA)],
    ['__bss_start', end(OUT_SDATA)],
    ['__BSS_END__', end(OUT_BSS)],
    ['_end', Math.ceil(end(OUT_BSS) / 4) * 4],
    ['end', Math.ceil(end(OUT_BSS) / 4) * 4],
  ];
  for (const [name, address] of values) {
    const existing = table.get(name);
    if (existing && existing.state !== SymbolState.UNDEFINED) continue;
    const g = table.intern(name);
    g.state = SymbolState.DEFINED;
    g.weak = false;
    g.linkerDefined = true;
    g.value = address;
    g.address = address;
    g.type = SymType.NOTYPE;
  }
}
