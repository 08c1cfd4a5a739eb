// Data sections: string literals in .rodata, initialized globals in .data (.rodata when const),
// zero-initialized ones in .bss. Pointers in initializers become `.word sym+addend`.
import type { Obj, StringLiteral } from '../front/ast.js';
import { sizeOf } from '../front/types.js';
import type { SwitchTable } from './gen-switch.js';
import { bindingLines, dataSection } from './gen-attrs.js';

function escapeAscii(bytes: number[]): string {
  let s = '';
  for (const b of bytes) {
    if (b === 34) s += '\\"';
    else if (b === 92) s += '\\\\';
    else if (b >= 32 && b < 127) s += String.fromCharCode(b);
    else s += '\\' + b.toString(8).padStart(3, '0');
  }
  return s;
}

/** Emits the string literals of the unit. */
export function emitStrings(strings: StringLiteral[], out: string[]): void {
  if (strings.length === 0) return;
  out.push('\t.section .rodata');
  for (const s of strings) {
    if (s.charSize === 1) {
      out.push(`${s.label}:`);
      out.push(`\t.string "${escapeAscii(s.elems)}"`);
      continue;
    }
    out.push(`\t.p2align ${s.charSize === 4 ? 2 : 1}`);
    out.push(`${s.label}:`);
    const dir = s.charSize === 4 ? '.word' : '.half';
    const vals = [...s.elems, 0];
    for (let i = 0; i < vals.length; i += 16) out.push(`\t${dir} ${vals.slice(i, i + 16).join(', ')}`);
  }
}

/** Emits a function's switch jump tables (gen-switch.ts): one word per value, the address of its case. */
export function emitSwitchTables(tables: SwitchTable[], out: string[]): void {
  out.push('\t.section .rodata');
  out.push('\t.p2align 2');
  for (const t of tables) {
    out.push(`${t.label}:`);
    for (let i = 0; i < t.targets.length; i += 8) out.push(`\t.word ${t.targets.slice(i, i + 8).join(', ')}`);
  }
}

/** Emits one global variable definition (nothing for pure declarations). */
export function emitGlobal(v: Obj, out: string[]): void {
  if (v.isFunction || (!v.isDefinition && !v.isTentative) || v.isExtern || v.attrs?.alias !== undefined) return;
  const size = Math.max(sizeOf(v.ty), 0);
  const align = Math.max(v.align, 1);
  const p2 = Math.log2(align) | 0;
  const isLocalLabel = v.name.startsWith('.L');
  const header = (section: string): void => {
    const named = v.attrs ? dataSection(v, section === '.section .rodata') : null;
    out.push(named ?? `\t${section}`);
    if (!v.isStatic) out.push(...bindingLines(v, true));
    else if (!isLocalLabel) out.push(`\t.local ${v.name}`);
    if (!isLocalLabel) {
      out.push(`\t.type ${v.name}, @object`);
      out.push(`\t.size ${v.name}, ${size}`);
    }
    if (p2 > 0) out.push(`\t.p2align ${p2}`);
    out.push(`${v.name}:`);
  };
  if (!v.initData) {
    header('.bss');
    out.push(`\t.zero ${Math.max(size, 1)}`);
    return;
  }
  const readOnly = v.ty.isConst || (v.ty.kind === 'array' && !!v.ty.base!.isConst);
  header(readOnly && v.relocs!.length === 0 ? '.section .rodata' : '.data');
  const data = v.initData;
  const relocAt = new Map<number, { label: string; addend: number }>();
  for (const r of v.relocs!) relocAt.set(r.offset, r);
  let i = 0;
  while (i < data.length) {
    const r = relocAt.get(i);
    if (r) {
      const add = r.addend === 0 ? '' : r.addend > 0 ? `+${r.addend}` : `${r.addend}`;
      out.push(`\t.word ${r.label}${add}`);
      i += 4;
      continue;
    }
    // run of bytes up to the next relocation
    let j = i;
    while (j < data.length && !relocAt.has(j)) j++;
    emitBytes(data.subarray(i, j), out);
    i = j;
  }
  if (data.length === 0) out.push('\t.zero 1');
}

function emitBytes(bytes: Uint8Array, out: string[]): void {
  let i = 0;
  while (i < bytes.length) {
    // long zero runs become .zero
    let z = i;
    while (z < bytes.length && bytes[z] === 0) z++;
    if (z - i >= 8) {
      out.push(`\t.zero ${z - i}`);
      i = z;
      continue;
    }
    const end = Math.min(bytes.length, i + 16);
    const chunk: number[] = [];
    for (let k = i; k < end; k++) chunk.push(bytes[k]);
    out.push(`\t.byte ${chunk.join(', ')}`);
    i = end;
  }
}
