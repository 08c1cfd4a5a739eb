// Which instruction-set extensions an ISA string names, as GNU binutils 2.40 reads the strings found in
// `Tag_RISCV_arch` attributes and `$x<isa>` mapping symbols (e.g. "rv32i2p1_m2p0_zmmul1p0").
// The disassembler prints only instructions of enabled extensions, as objdump does. Imports nothing.

/** The extensions the disassembler cares about (the base integer ISA is always on). */
export interface IsaExtensions {
  /** Multiply and divide (M). */
  readonly m: boolean;
  /** Multiply only (Zmmul; implied by M). */
  readonly zmmul: boolean;
  /** Atomics (A). */
  readonly a: boolean;
  /** CSR instructions (Zicsr). */
  readonly zicsr: boolean;
  /** `fence.i` (Zifencei). */
  readonly zifencei: boolean;
  /** Single-precision floating point (F). */
  readonly f: boolean;
  /** Double-precision floating point (D; implies F). */
  readonly d: boolean;
  /** Compressed instructions (C): Pagoda never decodes them; kept so callers can tell. */
  readonly c: boolean;
}

/** Everything Pagoda's machine implements: RV32IMA + Zicsr + Zifencei, no C. */
export const PAGODA_ISA: IsaExtensions = { m: true, zmmul: true, a: true, zicsr: true, zifencei: true, f: false, d: false, c: false };

/** What objdump assumes for a file without an arch attribute ("rv64gc": G implies M, A, F, D, Zicsr, Zifencei). */
export const GNU_DEFAULT_ISA: IsaExtensions = { m: true, zmmul: true, a: true, zicsr: true, zifencei: true, f: true, d: true, c: true };

interface Named {
  readonly name: string;
  readonly major: number;
  readonly minor: number;
}

const VERSION = /^(\d+)(?:p(\d+))?/;

/** Splits "i2p1" / "zicsr2p0" / "m" into name and version (-1 when absent). */
function splitVersion(token: string, nameLength: number): Named & { rest: string } {
  const name = token.slice(0, nameLength);
  const m = VERSION.exec(token.slice(nameLength));
  if (!m) return { name, major: -1, minor: -1, rest: token.slice(nameLength) };
  return { name, major: Number(m[1]), minor: m[2] === undefined ? 0 : Number(m[2]), rest: token.slice(nameLength + m[0].length) };
}

/** The extension names of an ISA string, single letters and multi-letter ones, with versions. */
function extensionsOf(isa: string): Named[] | undefined {
  const s = isa.toLowerCase();
  const m = /^rv(32|64|128)/.exec(s);
  if (!m) return undefined;
  const [head, ...multi] = s.slice(m[0].length).split('_');
  const out: Named[] = [];
  let rest = head ?? '';
  while (rest.length > 0) {
    if ('zsx'.includes(rest[0]!)) {
      multi.unshift(rest);
      break;
    }
    const part = splitVersion(rest, 1);
    out.push(part);
    rest = part.rest;
  }
  for (const token of multi) {
    if (token === '') continue;
    const nameLength = /^[a-z]+?(?=\d|$)/.exec(token)?.[0].length ?? token.length;
    out.push(splitVersion(token, nameLength));
  }
  return out;
}

/**
 * The extensions an ISA string enables, with binutils' implications: G = IMAFD + Zicsr + Zifencei, I before
 * version 2.1 implies Zicsr and Zifencei, M implies Zmmul, F implies Zicsr. Returns undefined when the string
 * does not start with rv32/rv64/rv128 (objdump then keeps what it had).
 */
export function parseIsaString(isa: string): IsaExtensions | undefined {
  const exts = extensionsOf(isa);
  if (!exts) return undefined;
  const has = new Set<string>();
  for (const e of exts) {
    has.add(e.name);
    if (e.name === 'g') ['i', 'm', 'a', 'f', 'd', 'zicsr', 'zifencei'].forEach((x) => has.add(x));
    if (e.name === 'i' && e.major >= 0 && (e.major < 2 || (e.major === 2 && e.minor < 1))) {
      has.add('zicsr');
      has.add('zifencei');
    }
  }
  if (has.has('f') || has.has('d') || has.has('q')) has.add('zicsr');
  return {
    m: has.has('m'),
    zmmul: has.has('m') || has.has('zmmul'),
    a: has.has('a'),
    zicsr: has.has('zicsr'),
    zifencei: has.has('zifencei'),
    f: has.has('f') || has.has('d') || has.has('q'),
    d: has.has('d') || has.has('q'),
    c: has.has('c'),
  };
}

/** The version GNU as 2.40 writes for an extension named without one. */
const DEFAULT_VERSIONS: Readonly<Record<string, string>> = {
  i: '2p1', e: '2p0', m: '2p0', a: '2p1', f: '2p2', d: '2p2', q: '2p2', c: '2p0', zicsr: '2p0', zifencei: '2p0',
  zmmul: '1p0',
};
/** Canonical order of the single-letter extensions; a multi-letter Z extension sorts by its second letter. */
const CANONICAL_ORDER = 'iemafdqlcbkjtpvnh';

function rankOf(name: string): [number, number, string] {
  if (name.length === 1) return [0, CANONICAL_ORDER.indexOf(name), name];
  const cls = 'zsx'.indexOf(name[0]!);
  const letter = CANONICAL_ORDER.indexOf(name[1]!);
  return [1 + cls, letter < 0 ? CANONICAL_ORDER.length : letter, name];
}

/**
 * The ISA string as GNU as 2.40 writes it in Tag_RISCV_arch: every extension with its version, including the
 * ones implied (G = IMAFD + Zicsr + Zifencei, D implies F, F implies Zicsr, M implies Zmmul), single letters in
 * canonical order, then Z extensions by category: `rv32imafd` -> `rv32i2p1_m2p0_a2p1_f2p2_d2p2_zicsr2p0_zmmul1p0`.
 * Undefined when the string does not start with rv32/rv64/rv128.
 */
export function canonicalIsaString(isa: string): string | undefined {
  const exts = extensionsOf(isa);
  if (!exts) return undefined;
  const versions = new Map<string, string>();
  const add = (name: string, version?: string): void => {
    if (!versions.has(name) || version !== undefined) versions.set(name, version ?? DEFAULT_VERSIONS[name] ?? '');
  };
  for (const e of exts) {
    if (e.name === 'g') for (const x of ['i', 'm', 'a', 'f', 'd', 'zicsr', 'zifencei']) add(x);
    else add(e.name, e.major >= 0 ? `${e.major}p${e.minor}` : undefined);
  }
  const implied: [string, string][] = [['q', 'd'], ['d', 'f'], ['f', 'zicsr'], ['m', 'zmmul']];
  for (const [from, to] of implied) if (versions.has(from)) add(to);
  const xlen = /^rv(32|64|128)/.exec(isa.toLowerCase())![0];
  const names = [...versions.keys()].sort((a, b) => {
    const [ra, rb] = [rankOf(a), rankOf(b)];
    return ra[0] - rb[0] || ra[1] - rb[1] || (ra[2] < rb[2] ? -1 : ra[2] > rb[2] ? 1 : 0);
  });
  return xlen + names.map((n) => n + versions.get(n)).join('_');
}
