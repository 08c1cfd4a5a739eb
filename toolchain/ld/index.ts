// The linker's pure API: ELF32 RISC-V relocatable objects and ar archives in, a static ET_EXEC out.
// No host imports, so the C compiler driver can call it in-process, in Node or in the browser.
// Steps: read inputs in order (archives pull members on demand) -> resolve symbols -> lay out -> define
// linker symbols -> write the image and relocate it in place. Each step is linear in the input size.

import { isElf } from '../../abi/elfread.js';
import { isArchive } from '../ar.js';
import { openArchive, pullGroup, pullMembers, type LinkState, type OpenArchive } from './archive-select.js';
import { mergeAttributes } from './attributes.js';
import { encodeAttributes } from '../as/attributes.js';
import { Diagnostics, LinkAbort, type Diagnostic } from './diagnostics.js';
import { readObject, type InputObject } from './input.js';
import { computeLayout, DEFAULT_TEXT_ADDRESS, type Layout } from './layout.js';
import { defineLinkerSymbols } from './linker-symbols.js';
import { elfSectionIndices, writeExecutable } from './output.js';
import { Relocator } from './relocate.js';
import { SymbolState, SymbolTable } from './symbols.js';
import { buildSymbolTable } from './symtab.js';

export { formatDiagnostic, type Diagnostic } from './diagnostics.js';
export { DEFAULT_TEXT_ADDRESS } from './layout.js';

/** One input file: its name (for messages) and contents. Archives are recognized by their `!<arch>` magic. */
export interface LinkInput {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Inputs between --start-group and --end-group: their archives are rescanned together until stable. */
export interface LinkGroup {
  readonly group: readonly LinkInput[];
}

export interface LinkOptions {
  /** Entry symbol (default `_start`), or a number as text (`0x10000`) when no such symbol exists. */
  readonly entry?: string;
  /** Address of .text (default 0x10000). */
  readonly textAddress?: number;
}

/** `executable` is present exactly when there are no errors; warnings may accompany it. */
export interface LinkResult {
  readonly executable?: Uint8Array;
  readonly diagnostics: Diagnostic[];
}

const EF_RISCV_FLOAT_ABI = 0x6;

/** Links `inputs` in command-line order into a static executable. Never throws on bad input. */
export function link(inputs: readonly (LinkInput | LinkGroup)[], options: LinkOptions = {}): LinkResult {
  const diags = new Diagnostics();
  try {
    const executable = linkOrAbort(inputs, options, diags);
    return diags.hasErrors ? { diagnostics: diags.list } : { executable, diagnostics: diags.list };
  } catch (e) {
    if (e instanceof LinkAbort) return { diagnostics: diags.list };
    throw e;
  }
}

function linkOrAbort(
  inputs: readonly (LinkInput | LinkGroup)[],
  options: LinkOptions,
  diags: Diagnostics,
): Uint8Array | undefined {
  if (inputs.length === 0) diags.fatal(undefined, 'no input files');
  const table = new SymbolTable(diags);
  const objects: InputObject[] = [];
  const state: LinkState = { table, objects, diags, order: 0 };
  for (const input of inputs) {
    if ('group' in input) {
      const archives: OpenArchive[] = [];
      for (const member of input.group) {
        const archive = addInput(member, state);
        if (!archive) continue;
        archives.push(archive);
        pullMembers(archive, state);
      }
      pullGroup(archives, state);
    } else {
      const archive = addInput(input, state);
      if (archive) pullMembers(archive, state);
    }
  }
  const flags = mergeFlags(objects, diags);
  const merged = mergeAttributes(objects, diags);
  const attributes = merged ? encodeAttributes(merged) : undefined;
  const layout = computeLayout(objects, table, options.textAddress ?? DEFAULT_TEXT_ADDRESS, attributes ? 1 : 0);
  checkFits(layout, diags);
  defineLinkerSymbols(layout, table);
  finalizeAddresses(table);
  const entry = entryAddress(table, layout, options.entry ?? '_start', diags);
  if (diags.hasErrors) return undefined;
  const indices = elfSectionIndices(layout);
  const symbols = buildSymbolTable(objects, table, layout, (o) => indices[o]);
  return writeExecutable(layout, objects, symbols, entry, flags, attributes, (image) => {
    new Relocator(image, layout, diags).run(objects);
  });
}

const MAX_FILE_BYTES = 0x40000000;

/** The image must fit the 32-bit address space, and the file a sane size (a corrupt alignment can ask more). */
function checkFits(layout: Layout, diags: Diagnostics): void {
  for (const seg of layout.segments) {
    if (seg.vaddr + seg.memsz > 0x100000000) {
      diags.fatal(undefined, `segment at 0x${seg.vaddr.toString(16)} (size 0x${seg.memsz.toString(16)}) does not fit in 32-bit addresses`);
    }
  }
  if (layout.fileEnd > MAX_FILE_BYTES) diags.fatal(undefined, `output would be ${layout.fileEnd} bytes, more than 1 GiB`);
}

/** Loads an object into the link, or opens an archive (returned, for the caller to pull members from). */
function addInput(input: LinkInput, state: LinkState): OpenArchive | undefined {
  if (isArchive(input.bytes)) return openArchive(input.name, input.bytes, state.diags);
  if (!isElf(input.bytes)) {
    state.diags.fatal(input.name, 'file format not recognized (neither an ELF object nor an ar archive)');
  }
  const obj = readObject(input.name, input.bytes, state.order++, state.diags);
  state.objects.push(obj);
  state.table.addObject(obj);
  return undefined;
}

/** Final addresses of section-defined globals (commons and linker symbols were set by layout). */
function finalizeAddresses(table: SymbolTable): void {
  for (const g of table.byName.values()) {
    if (g.state !== SymbolState.DEFINED || g.linkerDefined) continue;
    g.address = g.section ? (g.section.address + g.value) >>> 0 : g.value >>> 0;
  }
}

function entryAddress(table: SymbolTable, layout: Layout, entry: string, diags: Diagnostics): number {
  const g = table.get(entry);
  if (g && g.state !== SymbolState.UNDEFINED) return g.address;
  if (/^(0x[0-9a-f]+|\d+)$/i.test(entry)) return Number(entry) >>> 0;
  const text = layout.outputs.find((o) => o.spec.name === '.text')!;
  diags.warning(undefined, `cannot find entry symbol ${entry}; defaulting to 0x${text.address.toString(16)}`);
  return text.address;
}

/** The float ABIs of e_flags (RISC-V ELF psABI), as GNU ld names them. */
const FLOAT_ABI_NAMES = ['soft-float', 'single-float', 'double-float', 'quad-float'];
const floatAbiName = (flags: number): string => FLOAT_ABI_NAMES[(flags & EF_RISCV_FLOAT_ABI) >> 1]!;

/**
 * e_flags of the output: the union of the inputs' flags. Soft-float (ilp32) and double-float (ilp32d)
 * objects link among their own kind; mixing float ABIs is an error, in GNU ld's two messages.
 */
function mergeFlags(objects: readonly InputObject[], diags: Diagnostics): number {
  let flags = 0;
  let first: InputObject | undefined;
  for (const obj of objects) {
    const f = obj.elf.header.flags;
    if (!first) {
      first = obj;
      flags = f;
      continue;
    }
    if ((f & EF_RISCV_FLOAT_ABI) !== (flags & EF_RISCV_FLOAT_ABI)) {
      diags.error(obj.name, `can't link ${floatAbiName(f)} modules with ${floatAbiName(flags)} modules`);
      diags.error(undefined, `failed to merge target specific data of file ${obj.name}`);
      continue;
    }
    flags |= f;
  }
  return flags;
}
