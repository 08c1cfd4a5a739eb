// `objdump -d` for ELF32 RISC-V files, in GNU objdump 2.40's layout: the file-format header, one
// "Disassembly of section" per executable section, a `00010074 <main>:` line where each symbol starts a
// block, and one line per instruction with address, raw bytes and disassembly (`<sym+0x..>` after targets
// and ` # addr <sym>` comments). Honours `$x`/`$d` mapping symbols, the arch attribute, and runs of zero bytes
// (`...`). Pure: bytes in, text out; imports only abi/.

import { DisasmContext, disassembleBytes } from '../abi/disasm.js';
import { type IsaExtensions, GNU_DEFAULT_ISA, parseIsaString } from '../abi/isa.js';
import { type ElfFile, ElfFormatError, type SectionHeader, readElf, sectionBytes } from '../abi/elfread.js';
import { EM_RISCV, ShFlags, ShType, SymType } from '../abi/elf.js';
import { DumpSymbols, type DumpSymbol } from './objdump/symbols.js';
import { type ByteLayout, addressSkip, rawLine, unitLines } from './objdump/lines.js';
import { riscvArchAttribute } from '../abi/riscv-attributes.js';
import { readLineRows } from './objdump/debug-line.js';
import { SourceAnnotator, type SourceOptions } from './objdump/source-lines.js';

/** A file objdump cannot disassemble although it is valid ELF (e.g. another machine). */
export class ObjdumpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ObjdumpError';
  }
}

const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
/** objdump skips runs of at least this many zero bytes, and shorter runs that end a block. */
const SKIP_ZEROES = 8;
const SKIP_ZEROES_AT_END = 3;

/** The ISA the file's `.riscv.attributes` names, or objdump's default (rv64gc) without one. */
function fileIsa(elf: ElfFile): IsaExtensions {
  const section = elf.sections.find((s) => s.type === ShType.RISCV_ATTRIBUTES || s.name === '.riscv.attributes');
  const arch = section ? riscvArchAttribute(sectionBytes(elf, section)) : undefined;
  return (arch !== undefined ? parseIsaString(arch) : undefined) ?? GNU_DEFAULT_ISA;
}

/** State objdump keeps across sections: the chunk size of the last unit printed (raw lines reuse it). */
interface DumpState {
  chunkSize: number;
}

/** objdump dumps a block as raw bytes, not instructions, when it starts at an OBJECT symbol of the section. */
function isRawBlock(sym: DumpSymbol | undefined, section: SectionHeader, addr: number): boolean {
  if (!sym || sym.section !== section || sym.value > addr) return false;
  if (sym.sym.type === SymType.FUNC) return false;
  const compiled = sym.name.includes('gnu_compiled') || sym.name.includes('gcc2_compiled');
  return sym.sym.type === SymType.OBJECT || compiled;
}

/** Disassembles one section: its symbol blocks, each a run of instruction (or data) lines. */
class SectionDumper {
  private readonly data: Uint8Array;
  private readonly skip: number;
  private readonly mapping: DumpSymbol[];
  private out = '';

  constructor(
    private readonly elf: ElfFile,
    private readonly section: SectionHeader,
    private readonly symbols: DumpSymbols,
    private readonly ctx: DisasmContext,
    private readonly state: DumpState,
    private readonly annotator: SourceAnnotator | null = null,
  ) {
    this.data = sectionBytes(elf, section);
    this.skip = addressSkip(section.addr, section.addr + section.size);
    this.mapping = symbols.mappingSymbols(section).sort((a, b) => a.value - b.value);
  }

  /** The text for the whole section, starting with its blank line and first block header. */
  dump(): string {
    const { section, symbols } = this;
    const vma = section.addr;
    const stop = section.size;
    let place = symbols.find(vma, section, true);
    for (let off = 0; off < stop; ) {
      const addr = (vma + off) >>> 0;
      const sym = place >= 0 ? symbols.sorted[place] : undefined;
      this.out += `\n${hex8(addr)} ${symbols.bracket(addr, place, section)}:\n`;
      let next: number;
      if (sym && sym.value > addr) next = place;
      else if (!sym) next = -1;
      else next = symbols.nextBlock(place, section);
      let nextStop = sym && sym.value > addr ? sym.value - vma : next < 0 ? stop : symbols.sorted[next]!.value - vma;
      if (nextStop > stop || nextStop <= off) nextStop = stop;
      if (isRawBlock(sym, section, addr)) this.rawBlock(off, nextStop);
      else this.block(off, nextStop);
      off = nextStop;
      place = next;
    }
    return this.out;
  }

  /** disassemble_bytes: lines for [start, end), with zero runs shown as `...`. */
  private block(start: number, end: number): void {
    const { data } = this;
    for (let off = start; off < end; ) {
      let z = off;
      while (z < end && data[z] === 0) z++;
      if (z - off >= SKIP_ZEROES || (z === end && z - off < SKIP_ZEROES_AT_END)) {
        if (z !== end) z = off + ((z - off) & ~3);
        this.out += '\t...\n';
        off = z;
        continue;
      }
      off += this.unit(off);
    }
  }

  /** Lines for a block objdump shows as raw bytes: 16 bytes a line with their ASCII. */
  private rawBlock(start: number, end: number): void {
    const { data } = this;
    for (let off = start; off < end; ) {
      let z = off;
      while (z < end && data[z] === 0) z++;
      if (z - off >= SKIP_ZEROES || (z === end && z - off < SKIP_ZEROES_AT_END)) {
        if (z !== end) z = off + ((z - off) & ~3);
        this.out += '\t...\n';
        off = z;
        continue;
      }
      const octets = Math.min(16, end - off);
      const addr = (this.section.addr + off) >>> 0;
      this.out += rawLine(data, off, octets, end, addr, this.skip, this.state.chunkSize);
      off += octets;
    }
  }

  /** Prints the instruction or data unit at `off`; returns its size. */
  private unit(off: number): number {
    const addr = (this.section.addr + off) >>> 0;
    if (this.annotator !== null) this.out += this.annotator.before(addr, this.functionAt(addr));
    if (this.isDataAt(addr)) return this.dataUnit(off, addr);
    const d = disassembleBytes(this.data, off, addr, this.ctx);
    const size = Math.max(d.size, 1);
    const layout: ByteLayout = { chunkSize: size % 4 === 0 ? 4 : size === 1 || size === 3 ? 1 : 2, perLine: 8 };
    this.state.chunkSize = layout.chunkSize;
    this.out += unitLines(this.data, off, size, addr, this.skip, layout, d.text);
    return size;
  }

  /** The name of the function symbol whose block holds `addr` (for `-l`'s `name():` lines), or null. */
  private functionAt(addr: number): string | null {
    const place = this.symbols.find(addr, this.section, true);
    const sym = place >= 0 ? this.symbols.sorted[place] : undefined;
    return sym !== undefined && sym.section === this.section && sym.value <= addr ? sym.name : null;
  }

  /** The mapping state at `addr`: the last `$x`/`$d` at or before it; `$xrv...` also switches the ISA. */
  private isDataAt(addr: number): boolean {
    let last: DumpSymbol | undefined;
    for (const m of this.mapping) {
      if (m.value > addr) break;
      last = m;
    }
    if (!last) return false;
    if (last.name.startsWith('$xrv')) this.ctx.isa = parseIsaString(last.name.slice(2)) ?? this.ctx.isa;
    return last.name === '$d';
  }

  /** A data unit: up to 4 bytes, cut at the next mapping symbol or the section end (3 becomes 2). */
  private dataUnit(off: number, addr: number): number {
    let length = 4;
    const next = this.mapping.find((m) => m.value > addr);
    if (next) length = Math.min(length, next.value - addr);
    else length = Math.min(length, this.section.size - off);
    if (length === 3) length = 2;
    let value = 0;
    for (let k = length - 1; k >= 0; k--) value = value * 256 + (this.data[off + k] ?? 0);
    const [directive, digits] = length === 4 ? ['.word', 8] : length === 2 ? ['.short', 4] : ['.byte', 2];
    const text = `${directive}\t0x${value.toString(16).padStart(digits, '0')}`;
    const layout: ByteLayout = { chunkSize: length, perLine: length === 1 ? 6 : 8 };
    this.state.chunkSize = length;
    this.out += unitLines(this.data, off, length, addr, this.skip, layout, text);
    return length;
  }
}

/**
 * A section to disassemble must lie in the file: its sh_size comes from the header, and a header claiming
 * more than the file holds would have the dumper walk (and print) megabytes of bytes that do not exist.
 */
function checkContentsInFile(s: SectionHeader, fileSize: number): void {
  if (s.offset + s.size > fileSize) {
    throw new ElfFormatError(
      `section ${s.index} (${s.name}): sh_offset 0x${s.offset.toString(16)} + sh_size 0x${s.size.toString(16)} extends past the end of the file (0x${fileSize.toString(16)} bytes)`,
    );
  }
}

/** True for the sections `objdump -d` disassembles: executable, with contents, not empty. */
function isCodeSection(s: SectionHeader): boolean {
  return (s.flags & ShFlags.EXECINSTR) !== 0 && s.type !== ShType.NOBITS && s.type !== ShType.NULL && s.size > 0;
}

/**
 * The text `objdump -d FILE` prints for the ELF file `bytes`, named `fileName` in the header; with `source`
 * (-S, -l) the source lines and file:line of the code (from `.debug_line`) go before it.
 * Throws ElfFormatError (malformed ELF) or ObjdumpError (not RISC-V); nothing else.
 */
export function objdumpDisassemble(fileName: string, bytes: Uint8Array, source: SourceOptions | null = null): string {
  const elf = readElf(bytes);
  if (elf.header.machine !== EM_RISCV) {
    throw new ObjdumpError(`e_machine is ${elf.header.machine}, not EM_RISCV (${EM_RISCV}); cannot disassemble`);
  }
  const symbols = new DumpSymbols(elf);
  let current: SectionHeader | undefined;
  const ctx = new DisasmContext({
    isa: fileIsa(elf),
    gp: symbols.gp,
    formatAddress: (a) => symbols.formatAddress(a, current!),
  });
  const state: DumpState = { chunkSize: 1 };
  const annotator = source !== null && (source.source || source.lineNumbers) ? new SourceAnnotator(readLineRows(elf), source) : null;
  let out = `\n${fileName}:     file format elf32-littleriscv\n\n`;
  for (const section of elf.sections) {
    if (!isCodeSection(section)) continue;
    checkContentsInFile(section, bytes.length);
    current = section;
    out += `\nDisassembly of section ${section.name}:\n`;
    out += new SectionDumper(elf, section, symbols, ctx, state, annotator).dump();
  }
  return out;
}
