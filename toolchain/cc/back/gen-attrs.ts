// What GNU attributes (front/attributes.ts) change in the assembly: a symbol's binding (.globl or .weak)
// and visibility, the section of a function or object, aliases (.set), weak references (.weak without
// a definition), and the .init_array/.fini_array entries of constructors and destructors (priority N goes
// to .init_array.0000N, which the linker orders before the unnumbered section, as GNU ld does).
import type { Obj, Program } from '../front/ast.js';

/** The binding and visibility lines of a symbol defined here (nothing for a local one). */
export function bindingLines(o: Obj, isPublic: boolean): string[] {
  if (!isPublic) return [];
  const a = o.attrs;
  const out = [a?.weak ? `\t.weak ${o.name}` : `\t.globl ${o.name}`];
  if (a?.visibility && a.visibility !== 'default') out.push(`\t.${a.visibility} ${o.name}`);
  return out;
}

/** The section directive for a function: its own section("...") or .text. */
export function functionSection(f: Obj): string {
  const s = f.attrs?.section;
  return s === undefined ? '\t.text' : `\t.section ${s},"ax",@progbits`;
}

/** The section directive for an object in a named section (null: the usual .data/.bss/.rodata choice). */
export function dataSection(o: Obj, readOnly: boolean): string | null {
  const s = o.attrs?.section;
  if (s === undefined) return null;
  if (s === '.bss' || s.startsWith('.bss.') || s.startsWith('.sbss')) return `\t.section ${s},"aw",@nobits`;
  return `\t.section ${s},"${readOnly ? 'a' : 'aw'}",@progbits`;
}

/** True when attributes keep a function in the output though nothing calls it (used, constructor, ...). */
export function keptByAttributes(f: Obj): boolean {
  const a = f.attrs;
  return !!a && (a.used === true || a.ctor !== undefined || a.dtor !== undefined);
}

function arrayEntry(kind: 'init' | 'fini', priority: number, name: string): string {
  const section = priority === 65535 ? `.${kind}_array` : `.${kind}_array.${String(priority).padStart(5, '0')}`;
  return `\t.section ${section},"aw"\n\t.p2align 2\n\t.word ${name}`;
}

/**
 * The unit's trailing directives: constructor and destructor table entries of the emitted functions,
 * aliases (`.set name, target`), and weak references to names not defined here.
 */
export function attributeDirectives(prog: Program, emitted: Set<string>, out: string[]): void {
  for (const g of prog.globals) {
    const a = g.attrs;
    if (!a) continue;
    if (g.isFunction && emitted.has(g.name)) {
      if (a.ctor !== undefined) out.push(arrayEntry('init', a.ctor, g.name));
      if (a.dtor !== undefined) out.push(arrayEntry('fini', a.dtor, g.name));
    }
    if (a.alias !== undefined) {
      out.push(...bindingLines(g, !g.isStatic));
      out.push(`\t.type ${g.name}, ${g.isFunction ? '@function' : '@object'}`);
      out.push(`\t.set ${g.name}, ${a.alias}`);
      continue;
    }
    const defined = g.isFunction ? emitted.has(g.name) : (g.isDefinition || g.isTentative) && !g.isExtern;
    if (a.weak && !defined) out.push(`\t.weak ${g.name}`);
  }
}
