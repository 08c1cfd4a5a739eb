// A small ELF32 reader for the assembler tests: section headers, contents, symbols, relocations.

export interface TestSection {
  index: number;
  name: string;
  type: number;
  flags: number;
  offset: number;
  size: number;
  link: number;
  info: number;
  align: number;
  entsize: number;
  data: Uint8Array;
}

export interface TestSymbol {
  name: string;
  value: number;
  size: number;
  bind: number;
  type: number;
  other: number;
  shndx: number;
}

export interface TestReloc {
  offset: number;
  type: number;
  symbol: string;
  addend: number;
}

export interface TestElf {
  header: DataView;
  sections: TestSection[];
  symbols: TestSymbol[];
  section(name: string): TestSection;
  relocs(sectionName: string): TestReloc[];
  symbol(name: string): TestSymbol;
  words(sectionName: string): number[];
}

function cstr(b: Uint8Array, at: number): string {
  let s = '';
  while (at < b.length && b[at] !== 0) s += String.fromCharCode(b[at++]);
  return s;
}

/** Parses an ELF32 little-endian file; throws on anything malformed. */
export function readElf(file: Uint8Array): TestElf {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  if (v.getUint32(0, true) !== 0x464c457f) throw new Error('not an ELF file');
  const shoff = v.getUint32(32, true);
  const shnum = v.getUint16(48, true);
  const shstrndx = v.getUint16(50, true);
  const raw: TestSection[] = [];
  for (let i = 0; i < shnum; i++) {
    const h = shoff + i * 40;
    const type = v.getUint32(h + 4, true);
    const offset = v.getUint32(h + 16, true);
    const size = v.getUint32(h + 20, true);
    raw.push({
      index: i, name: '', type, flags: v.getUint32(h + 8, true), offset, size,
      link: v.getUint32(h + 24, true), info: v.getUint32(h + 28, true), align: v.getUint32(h + 32, true),
      entsize: v.getUint32(h + 36, true),
      data: type === 8 ? new Uint8Array(0) : file.subarray(offset, offset + size),
    });
    (raw[i] as { nameOff?: number }).nameOff = v.getUint32(h, true);
  }
  const shstr = raw[shstrndx].data;
  for (const s of raw) s.name = cstr(shstr, (s as { nameOff?: number }).nameOff ?? 0);
  const symtab = raw.find((s) => s.type === 2);
  const symbols: TestSymbol[] = [];
  if (symtab) {
    const strtab = raw[symtab.link].data;
    const sv = new DataView(symtab.data.buffer, symtab.data.byteOffset, symtab.data.byteLength);
    for (let o = 0; o < symtab.data.length; o += 16) {
      const info = sv.getUint8(o + 12);
      const shndx = sv.getUint16(o + 14, true);
      const type = info & 0xf;
      let name = cstr(strtab, sv.getUint32(o, true));
      if (type === 3) name = raw[shndx].name;
      symbols.push({ name, value: sv.getUint32(o + 4, true), size: sv.getUint32(o + 8, true), bind: info >> 4, type,
        other: sv.getUint8(o + 13), shndx });
    }
  }
  const byName = (name: string): TestSection => {
    const s = raw.find((x) => x.name === name);
    if (!s) throw new Error(`no section ${name}`);
    return s;
  };
  return {
    header: v,
    sections: raw,
    symbols,
    section: byName,
    symbol(name) {
      const s = symbols.find((x) => x.name === name);
      if (!s) throw new Error(`no symbol ${name}`);
      return s;
    },
    relocs(sectionName) {
      const rela = raw.find((x) => x.name === '.rela' + sectionName);
      if (!rela) return [];
      const rv = new DataView(rela.data.buffer, rela.data.byteOffset, rela.data.byteLength);
      const out: TestReloc[] = [];
      for (let o = 0; o < rela.data.length; o += 12) {
        const info = rv.getUint32(o + 4, true);
        out.push({ offset: rv.getUint32(o, true), type: info & 0xff, symbol: symbols[info >>> 8].name, addend: rv.getInt32(o + 8, true) });
      }
      return out;
    },
    words(sectionName) {
      const d = byName(sectionName).data;
      const w: number[] = [];
      for (let o = 0; o + 4 <= d.length; o += 4) w.push((d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24)) >>> 0);
      return w;
    },
  };
}
