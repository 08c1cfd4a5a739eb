// Reading `.debug_line` (DWARF 2-5 line programs, DWARF 5 section 6.2) into rows of (address, file, line), for
// `objdump -l` (file:line before the code of each line) and `-S` (the source lines themselves). Addresses are
// taken as written: in an executable they are final; in a relocatable object they are not yet relocated, so
// `-S`/`-l` is meant for linked programs (as with GNU objdump on a stripped-of-relocations view). Bad data ends
// the walk of that unit with what was read so far: a listing, never an exception.
// Pure: imports only abi/.

import { type ElfFile, findSection, sectionBytes } from '../../abi/elfread.js';

/** A row of the line table: the code at `address` came from `line` of `file` (a path as the table gives it). */
export interface LineRow {
  address: number;
  file: string;
  line: number;
}

/** A little-endian cursor over a section. */
class Cursor {
  constructor(readonly b: Uint8Array, public at: number) {}
  get done(): boolean { return this.at >= this.b.length; }
  u8(): number { return this.b[this.at++] ?? 0; }
  u16(): number { return this.u8() | (this.u8() << 8); }
  u32(): number { return (this.u16() | (this.u16() << 16)) >>> 0; }
  uleb(): number {
    let v = 0;
    let scale = 1;
    for (let k = 0; k < 10 && !this.done; k++) {
      const b = this.u8();
      v += (b & 0x7f) * scale;
      scale *= 128;
      if ((b & 0x80) === 0) break;
    }
    return v;
  }
  sleb(): number {
    let v = 0;
    let scale = 1;
    let b = 0;
    for (let k = 0; k < 10 && !this.done; k++) {
      b = this.u8();
      v += (b & 0x7f) * scale;
      scale *= 128;
      if ((b & 0x80) === 0) break;
    }
    return (b & 0x40) !== 0 ? v - scale : v;
  }
  cstr(): string {
    let end = this.b.indexOf(0, this.at);
    if (end < 0) end = this.b.length;
    const s = new TextDecoder().decode(this.b.subarray(this.at, end));
    this.at = end + 1;
    return s;
  }
}

const DW_FORM_STRING = 0x08;
const DW_FORM_LINE_STRP = 0x1f;
const DW_FORM_STRP = 0x0e;
const DW_LNCT_PATH = 1;
const DW_LNCT_DIRECTORY_INDEX = 2;

/** One attribute value of a v5 entry format: a string for paths, a number otherwise (unknown forms: null). */
function formValue(c: Cursor, form: number, strings: (section: string, offset: number) => string): string | number | null {
  switch (form) {
    case DW_FORM_STRING: return c.cstr();
    case DW_FORM_LINE_STRP: return strings('.debug_line_str', c.u32());
    case DW_FORM_STRP: return strings('.debug_str', c.u32());
    case 0x0f: return c.uleb(); // udata
    case 0x0b: return c.u8(); // data1
    case 0x05: return c.u16(); // data2
    case 0x06: return c.u32(); // data4
    case 0x07: c.at += 8; return 0; // data8
    case 0x1e: c.at += 16; return 0; // data16 (an MD5)
    case 0x09: { const n = c.uleb(); c.at += n; return 0; } // block
    default: return null;
  }
}

/** Every row of every unit of `elf`'s `.debug_line`, in table order; [] without one. */
export function readLineRows(elf: ElfFile): LineRow[] {
  const sec = findSection(elf, '.debug_line');
  if (!sec) return [];
  const data = sectionBytes(elf, sec);
  const strCache = new Map<string, Uint8Array | null>();
  const strings = (name: string, offset: number): string => {
    if (!strCache.has(name)) {
      const s = findSection(elf, name);
      strCache.set(name, s ? sectionBytes(elf, s) : null);
    }
    const b = strCache.get(name);
    return b ? new Cursor(b, offset).cstr() : '';
  };
  const rows: LineRow[] = [];
  const c = new Cursor(data, 0);
  while (c.at + 4 <= data.length) {
    const length = c.u32();
    if (length === 0xffffffff || length === 0) break; // 64-bit DWARF is not written for RV32
    const end = Math.min(data.length, c.at + length);
    unit(c, end, strings, rows);
    c.at = end;
  }
  return rows;
}

/** One unit: its header (directories and files), then its line program. */
function unit(c: Cursor, end: number, strings: (section: string, offset: number) => string, rows: LineRow[]): void {
  const version = c.u16();
  if (version < 2 || version > 5) return;
  if (version === 5) c.at += 2; // address size, segment selector size
  const headerLength = c.u32();
  const programStart = c.at + headerLength;
  const minInsn = c.u8();
  if (version >= 4) c.u8(); // maximum operations per instruction
  c.u8(); // default_is_stmt
  const lineBase = (c.u8() << 24) >> 24;
  const lineRange = c.u8();
  const opcodeBase = c.u8();
  const lengths: number[] = [];
  for (let k = 1; k < opcodeBase; k++) lengths[k] = c.u8();
  const dirs: string[] = [];
  const files: Array<{ name: string; dir: number }> = [];
  if (version === 5) {
    const table = (): Array<Map<number, string | number | null>> => {
      const formats: Array<[number, number]> = [];
      const nFormats = c.u8();
      for (let k = 0; k < nFormats; k++) formats.push([c.uleb(), c.uleb()]);
      const count = c.uleb();
      const out: Array<Map<number, string | number | null>> = [];
      for (let k = 0; k < count && c.at < programStart; k++) {
        const e = new Map<number, string | number | null>();
        for (const [what, form] of formats) {
          const v = formValue(c, form, strings);
          if (v === null) return out;
          e.set(what, v);
        }
        out.push(e);
      }
      return out;
    };
    for (const d of table()) dirs.push(String(d.get(DW_LNCT_PATH) ?? ''));
    for (const f of table()) files.push({ name: String(f.get(DW_LNCT_PATH) ?? ''), dir: Number(f.get(DW_LNCT_DIRECTORY_INDEX) ?? 0) });
  } else {
    dirs.push('');
    for (let s = c.cstr(); s !== '' && c.at < programStart; s = c.cstr()) dirs.push(s);
    files.push({ name: '', dir: 0 });
    for (let s = c.cstr(); s !== '' && c.at < programStart; s = c.cstr()) {
      const dir = c.uleb();
      c.uleb();
      c.uleb();
      files.push({ name: s, dir });
    }
  }
  const path = (k: number): string => {
    const f = files[k];
    if (!f) return `<file ${k}>`;
    if (f.name.startsWith('/')) return f.name;
    const d = dirs[f.dir] ?? '';
    return d === '' ? f.name : `${d}/${f.name}`;
  };
  c.at = programStart;
  program(c, end, { minInsn, lineBase, lineRange, opcodeBase, lengths }, path, rows);
}

interface Params {
  minInsn: number;
  lineBase: number;
  lineRange: number;
  opcodeBase: number;
  lengths: number[];
}

// Dispatch over line-program opcodes (one case per standard opcode).
function program(c: Cursor, end: number, p: Params, path: (k: number) => string, rows: LineRow[]): void {
  let address = 0;
  let file = 1;
  let line = 1;
  const emit = (): void => {
    rows.push({ address: address >>> 0, file: path(file), line });
  };
  while (c.at < end) {
    const op = c.u8();
    if (op >= p.opcodeBase) {
      const adj = op - p.opcodeBase;
      address += Math.floor(adj / p.lineRange) * p.minInsn;
      line += p.lineBase + (adj % p.lineRange);
      emit();
      continue;
    }
    switch (op) {
      case 0: {
        const len = c.uleb();
        const next = c.at + len;
        const sub = c.u8();
        if (sub === 1) { address = 0; file = 1; line = 1; } // end_sequence: that row only ends the range
        else if (sub === 2) address = c.u32();
        c.at = next;
        break;
      }
      case 1: emit(); break; // copy
      case 2: address += c.uleb() * p.minInsn; break;
      case 3: line += c.sleb(); break;
      case 4: file = c.uleb(); break;
      case 5: c.uleb(); break; // column
      case 8: address += Math.floor((255 - p.opcodeBase) / p.lineRange) * p.minInsn; break;
      case 9: address += c.u16(); break;
      default:
        for (let k = 0; k < (p.lengths[op] ?? 0); k++) c.uleb();
    }
  }
}
