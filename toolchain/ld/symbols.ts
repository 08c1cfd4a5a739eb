// The global symbol table and the resolution rules of a static ELF link (as GNU ld applies them):
//   strong definition  beats weak definition and common;   two strong definitions are an error;
//   common             beats weak definition; commons merge to the largest size and alignment;
//   weak definition    beats nothing but undefined;        the first weak definition stays;
//   undefined          stays undefined; it is "weak" only while every reference to it is weak.

import { SHN_ABS, SHN_COMMON, SHN_UNDEF, SymBind, SymType } from '../../abi/elf.js';
import { isSectionIndex, type ElfSymbol } from '../../abi/elfread.js';
import type { Diagnostics } from './diagnostics.js';
import type { InputObject, InputSection } from './input.js';

export const enum SymbolState {
  UNDEFINED,
  DEFINED,
  COMMON,
}

/** One global (or weak) name in the link. `address` is final once layout has run. */
export interface GlobalSymbol {
  readonly name: string;
  state: SymbolState;
  /** For DEFINED: the definition is weak. */
  weak: boolean;
  /** For UNDEFINED: at least one reference is not weak (weak-only references resolve to 0). */
  strongRef: boolean;
  /** Defining object (undefined for linker-defined symbols). */
  definedIn?: InputObject;
  /** Defining section; undefined for absolute and linker-defined symbols. */
  section?: InputSection;
  /** Section-relative value for section definitions, the value for absolute ones. */
  value: number;
  size: number;
  type: number;
  /** For COMMON: required alignment. */
  commonAlign: number;
  /** First file that referenced the symbol (for messages). */
  firstReference?: string;
  /** Final address (computed after layout). */
  address: number;
  /** Set for symbols the linker itself provides (__global_pointer$, _end, ...). */
  linkerDefined: boolean;
}

/** All global symbols by name, in first-seen order. */
export class SymbolTable {
  readonly byName = new Map<string, GlobalSymbol>();

  constructor(private readonly diags: Diagnostics) {}

  get(name: string): GlobalSymbol | undefined {
    return this.byName.get(name);
  }

  /** Entry for `name`, created as an undefined, not-yet-referenced symbol when absent. */
  intern(name: string): GlobalSymbol {
    let g = this.byName.get(name);
    if (!g) {
      g = {
        name,
        state: SymbolState.UNDEFINED,
        weak: false,
        strongRef: false,
        value: 0,
        size: 0,
        type: SymType.NOTYPE,
        commonAlign: 1,
        address: 0,
        linkerDefined: false,
      };
      this.byName.set(name, g);
    }
    return g;
  }

  /** Binds every non-local symbol of `obj` into the table, applying the resolution rules above. */
  addObject(obj: InputObject): void {
    const syms = obj.symbols;
    for (let i = 1; i < syms.length; i++) {
      const s = syms[i];
      if (s.bind === SymBind.LOCAL) continue;
      if (s.name === '') continue;
      const g = this.intern(s.name);
      obj.globals[i] = g;
      if (s.shndx === SHN_UNDEF) this.addReference(g, s, obj);
      else if (s.shndx === SHN_COMMON) this.addCommon(g, s, obj);
      else this.addDefinition(g, s, obj);
    }
  }

  private addReference(g: GlobalSymbol, s: ElfSymbol, obj: InputObject): void {
    if (s.bind !== SymBind.WEAK) g.strongRef = true;
    if (g.firstReference === undefined) g.firstReference = obj.name;
  }

  private addCommon(g: GlobalSymbol, s: ElfSymbol, obj: InputObject): void {
    if (g.state === SymbolState.DEFINED && !g.weak) return;
    if (g.state === SymbolState.COMMON) {
      g.size = Math.max(g.size, s.size);
      g.commonAlign = Math.max(g.commonAlign, s.value || 1);
      return;
    }
    g.state = SymbolState.COMMON;
    g.weak = false;
    g.definedIn = obj;
    g.section = undefined;
    g.size = s.size;
    g.commonAlign = Math.max(1, s.value);
    g.type = SymType.OBJECT;
  }

  private addDefinition(g: GlobalSymbol, s: ElfSymbol, obj: InputObject): void {
    const weak = s.bind === SymBind.WEAK;
    if (g.state === SymbolState.DEFINED) {
      if (weak) return;
      if (!g.weak) {
        this.diags.error(obj.name, `multiple definition of '${g.name}'; first defined in ${g.definedIn?.name ?? 'the linker'}`);
        return;
      }
    } else if (g.state === SymbolState.COMMON && weak) {
      return;
    }
    const section = isSectionIndex(s.shndx) ? obj.sections[s.shndx] : undefined;
    if (isSectionIndex(s.shndx) && !section) {
      // Defined in a dropped section (e.g. .eh_frame or debug info): nothing in the image can hold it.
      if (s.shndx >= obj.elf.sections.length) {
        this.diags.error(obj.name, `symbol '${s.name}' has section index ${s.shndx}, past the section table`);
      }
    }
    g.state = SymbolState.DEFINED;
    g.weak = weak;
    g.definedIn = obj;
    g.section = section;
    g.value = s.value;
    g.size = s.size;
    g.type = s.type;
    g.linkerDefined = false;
    if (s.shndx !== SHN_ABS && !section) g.value = 0;
  }

  /** Names that an archive member could satisfy: undefined and referenced strongly. */
  isWanted(name: string): boolean {
    const g = this.byName.get(name);
    return g !== undefined && g.state === SymbolState.UNDEFINED && g.strongRef;
  }
}
