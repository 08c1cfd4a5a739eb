// Merging the inputs' `.riscv.attributes` into the executable's, with GNU ld 2.40's rules (RISC-V psABI
// "Attributes"): Tag_RISCV_arch is the union of the extensions (the highest version of each), written in
// canonical order; Tag_RISCV_stack_align must agree; Tag_RISCV_unaligned_access is ORed; the privileged-spec
// version is the first one set (a different later one is a warning). Objects without the section contribute
// nothing; when none has it the executable has none either.

import { ShType } from '../../abi/elf.js';
import { sectionBytes } from '../../abi/elfread.js';
import { canonicalIsaString, extensionsOf } from '../../abi/isa.js';
import { riscvFileAttributes } from '../../abi/riscv-attributes.js';
import type { Diagnostics } from './diagnostics.js';
import type { InputObject } from './input.js';

const TAG_STACK_ALIGN = 4;
const TAG_ARCH = 5;
const TAG_UNALIGNED_ACCESS = 6;
const TAG_PRIV_SPEC = 8;
const TAG_PRIV_SPEC_MINOR = 10;
const TAG_PRIV_SPEC_REVISION = 12;
const PRIV_TAGS = [TAG_PRIV_SPEC, TAG_PRIV_SPEC_MINOR, TAG_PRIV_SPEC_REVISION];

type Attributes = Map<number, number | string>;

/** The file attributes of one input object, or undefined when it has no `.riscv.attributes` section. */
function attributesOf(obj: InputObject): Attributes | undefined {
  const sec = obj.elf.sections.find((s) => s.type === ShType.RISCV_ATTRIBUTES);
  return sec ? riscvFileAttributes(sectionBytes(obj.elf, sec)) : undefined;
}

/**
 * The merged file attributes of `objects` (tag -> value), or undefined when no input has any. Conflicts are
 * reported in GNU ld's words: a stack-alignment mismatch is an error, a privileged-spec mismatch a warning.
 */
export function mergeAttributes(objects: readonly InputObject[], diags: Diagnostics): Attributes | undefined {
  let out: Attributes | undefined;
  for (const obj of objects) {
    const attrs = attributesOf(obj);
    if (!attrs) continue;
    if (!out) {
      out = new Map(attrs);
      continue;
    }
    mergeInto(out, attrs, obj.name, diags);
  }
  return out;
}

function mergeInto(out: Attributes, input: Attributes, name: string, diags: Diagnostics): void {
  const arch = input.get(TAG_ARCH);
  if (typeof arch === 'string') {
    const had = out.get(TAG_ARCH);
    out.set(TAG_ARCH, typeof had === 'string' ? mergeArch(had, arch) : arch);
  }
  const align = Number(input.get(TAG_STACK_ALIGN) ?? 0);
  const outAlign = Number(out.get(TAG_STACK_ALIGN) ?? 0);
  if (align !== 0 && outAlign !== 0 && align !== outAlign) {
    diags.error(undefined, `${name} use ${align}-byte stack aligned but the output use ${outAlign}-byte stack aligned`);
    diags.error(undefined, `failed to merge target specific data of file ${name}`);
  } else if (align !== 0) {
    out.set(TAG_STACK_ALIGN, align);
  }
  if (Number(input.get(TAG_UNALIGNED_ACCESS) ?? 0) !== 0) out.set(TAG_UNALIGNED_ACCESS, 1);
  const priv = privVersion(input);
  const outPriv = privVersion(out);
  if (priv.some((v) => v !== 0)) {
    if (outPriv.every((v) => v === 0)) {
      for (const tag of PRIV_TAGS) if (input.has(tag)) out.set(tag, input.get(tag)!);
    } else if (priv.join('.') !== outPriv.join('.')) {
      diags.warning(undefined, `${name} use privileged spec version ${priv.join('.')} but the output use version ${outPriv.join('.')}`);
    }
  }
  // Other tags (Tag_RISCV_atomic_abi, vendor tags): the first value set stays, as for the privileged spec.
  for (const [tag, value] of input) if (!out.has(tag)) out.set(tag, value);
}

const privVersion = (attrs: Attributes): number[] => PRIV_TAGS.map((t) => Number(attrs.get(t) ?? 0));

const versionNumber = (major: number, minor: number): number => Math.max(major, 0) * 1000 + Math.max(minor, 0);

/** The union of two arch strings, the higher version of an extension named in both, in GNU's spelling. */
export function mergeArch(a: string, b: string): string {
  const xlen = /^rv(32|64|128)/i.exec(a)?.[0] ?? 'rv32';
  const versions = new Map<string, { major: number; minor: number }>();
  for (const e of [...(extensionsOf(a) ?? []), ...(extensionsOf(b) ?? [])]) {
    const had = versions.get(e.name);
    if (!had || versionNumber(e.major, e.minor) > versionNumber(had.major, had.minor)) versions.set(e.name, e);
  }
  const spelled = [...versions].map(([n, v]) => (v.major >= 0 ? `${n}${v.major}p${v.minor}` : n));
  // The base letter leads the string; everything else goes after '_' so canonicalIsaString can reorder it.
  const base = spelled.findIndex((s) => /^[ieg]/.test(s) && !s.startsWith('zi'));
  const head = base >= 0 ? spelled.splice(base, 1)[0] : 'i';
  return canonicalIsaString(`${xlen}${head}_${spelled.join('_')}`) ?? a;
}
