// Post-pass over one function's assembly lines: removes jumps to the next line and self-moves, and
// rewrites conditional branches whose target may be beyond the +-4 KiB B-type range into an inverted
// branch over a `j` (the assembler does not relax branches). At -O1 also fuses "op tX, ...; mv R, tX" and
// folds %lo() into the access of a global array element. What each mnemonic reads, writes, and does to
// control flow comes from the one instruction table, insn-info.ts.
import { Access, Flow, FunctionCode, InsnInfo, Operands, insnOf, isDebugLine, lineInfo, unknownInsn } from './insn-info.js';
import type { UnitLabels } from './unit-labels.js';

/** Upper bound of the bytes an assembly line assembles to (labels take none). */
function sizeOfLine(line: string, code: FunctionCode): number {
  if (line.charCodeAt(0) !== 9) return 0;
  return insnOf(line, code, 'branch relaxation').maxBytes;
}

/** An instruction line split into mnemonic and operands, with its table entry (undefined when unknown). */
interface Insn {
  op: string;
  args: string[];
  known: InsnInfo | undefined;
}

/** Parsed lines (a memo of a pure function of the line: lines repeat a lot); bounded. */
const parsed = new Map<string, Insn | null>();

/** Splits an instruction line into mnemonic and operands (null for a label). */
function parse(line: string): Insn | null {
  let r = parsed.get(line);
  if (r === undefined) {
    r = parseLine(line);
    if (parsed.size > 50_000) parsed.clear();
    parsed.set(line, r);
  }
  return r;
}

function parseLine(line: string): Insn | null {
  if (!line.startsWith('\t')) return null;
  const t = line.slice(1);
  const sp = t.indexOf(' ');
  const known = lineInfo(line);
  if (sp < 0) return { op: t, args: [], known };
  return { op: t.slice(0, sp), args: t.slice(sp + 1).split(', '), known };
}

/** The table entry of parsed line `line` (opaque for unknown inline assembly; else unknown is a bug). */
function infoOf(insn: Insn, line: string, code: FunctionCode): InsnInfo {
  return insn.known ?? unknownInsn(line, code, 'peephole');
}

/** True when operand `a` is register `reg` or a memory operand based on it ("off(reg)"). */
function names(a: string, reg: string): boolean {
  if (a === reg) return true;
  const n = a.length;
  const m = reg.length;
  return n > m + 1 && a.charCodeAt(n - 1) === 41 && a.charCodeAt(n - m - 2) === 40 && a.startsWith(reg, n - m - 1);
}

/** Registers an instruction reads (approximate but conservative: every operand that names a register). */
function reads(insn: Insn, info: InsnInfo, reg: string): boolean {
  const args = insn.args;
  for (let k = info.operands === Operands.DEST_FIRST ? 1 : 0; k < args.length; k++) if (names(args[k], reg)) return true;
  return false;
}

/**
 * True when `reg` (a temporary) is dead after line i: it is overwritten before being read, or control
 * reaches a label, jump, call or return first (temporaries never live across those in our code).
 */
function deadAfter(lines: string[], i: number, reg: string, code: FunctionText): boolean {
  if (!isTemp(reg, code.varRegs) && !isFTemp(reg)) return false;
  // a window of 39 lines after i, not counting -g directives (so -g never changes the code)
  let budget = 39;
  let k = i + 1;
  for (; k < lines.length && budget > 0; k++) {
    const l = lines[k];
    if (isDebugLine(l)) continue;
    budget--;
    if (!l.startsWith('\t')) return true; // label
    const insn = parse(l)!;
    const info = infoOf(insn, l, code);
    if (reads(insn, info, reg)) return false;
    switch (info.flow) {
      case Flow.JUMP: case Flow.RETURN: case Flow.CALL: case Flow.CALL_REG: case Flow.JUMP_REG: case Flow.TAIL:
        return true;
    }
    if (info.operands === Operands.DEST_FIRST && insn.args[0] === reg) return true;
  }
  return k === lines.length;
}

/** t0-t5 and a2-a7, unless a variable lives there (`varRegs`: the caller-saved registers holding variables). */
function isTemp(r: string, varRegs: ReadonlySet<string>): boolean {
  if (r.length !== 2) return false;
  const c = r.charCodeAt(0);
  const d = r.charCodeAt(1);
  if (c === 116) {
    if (d < 48 || d > 53) return false; // t0-t5
  } else if (c !== 97 || d < 50 || d > 55) return false; // a2-a7
  return !varRegs.has(r);
}

/** ft0-ft10: the floating temporaries (never variables; ft11 is the generator's scratch). */
function isFTemp(r: string): boolean {
  if (!r.startsWith('ft')) return false;
  const n = Number(r.slice(2));
  return r.length <= 4 && n >= 0 && n <= 10;
}

/** The function being rewritten: its code (for the instruction table) and its variable registers. */
export interface FunctionText extends FunctionCode {
  /** Caller-saved registers holding variables: they live across labels and jumps, never temporaries. */
  readonly varRegs: ReadonlySet<string>;
}

/**
 * Rewrites the lines of function `code` (see the file comment), in place when it can: the result may be
 * `lines`. Far-branch labels are numbered by `unit`. Throws an internal CompileError at a line whose
 * mnemonic is not in insn-info.ts (unless it came from inline assembly).
 */
export function peephole(lines: string[], opt: number, code: FunctionText, unit: UnitLabels): string[] {
  let out = lines;
  if (opt > 0) {
    out = simplify(lines, code);
    out = fuseMoves(out, code);
    out = foldGlobalLo(out, code);
    out = simplify(out, code);
  }
  for (let pass = 0; pass < 8; pass++) {
    const before = out.length;
    out = relaxBranches(out, code, unit);
    if (out.length === before) break;
  }
  return out;
}

/** Drops self-moves and jumps to the next label; turns "bcc L1; j L2; L1:" into "b!cc L2; L1:". */
function simplify(lines: string[], code: FunctionCode): string[] {
  // in place: every rewrite only looks ahead of the line it writes
  const n = lines.length;
  let w = 0;
  for (let i = 0; i < n; i++) {
    const l = lines[i];
    if (l.charCodeAt(0) === 9) {
      const c1 = l.charCodeAt(1);
      if (c1 === 109) {
        if (isSelfMove(l)) continue;
      } else if (c1 === 106) {
        if (l.charCodeAt(2) === 32 && jumpsToNextLabel(lines, i, l)) continue;
      } else if (c1 === 98) {
        const inv = branchOverJump(lines, i, l, code);
        if (inv !== null) {
          lines[w++] = inv;
          i = skipDebugLines(lines, i + 1); // the `j` goes, with any -g mark of its statement (it has no code left)
          continue;
        }
      }
    }
    lines[w++] = l;
  }
  lines.length = w;
  return lines;
}

/** "\tmv R, R" */
function isSelfMove(l: string): boolean {
  if (!l.startsWith('\tmv ')) return false;
  const comma = l.indexOf(', ', 4);
  const len = comma - 4;
  return len > 0 && l.length === comma + 2 + len && l.startsWith(l.slice(4, comma), comma + 2) && l.indexOf(' ', comma + 2) < 0;
}

/** True when label line `lbl` is "target:". */
function isLabelOf(lbl: string, target: string, from: number): boolean {
  const m = target.length - from;
  if (lbl.length !== m + 1 || lbl.charCodeAt(m) !== 58) return false;
  for (let q = 0; q < m; q++) if (lbl.charCodeAt(q) !== target.charCodeAt(from + q)) return false;
  return true;
}

/** The index of the first line at or after `k` that is not a -g directive (insn-info.ts isDebugLine). */
function skipDebugLines(lines: string[], k: number): number {
  while (k < lines.length && isDebugLine(lines[k])) k++;
  return k;
}

/** "\tj L" followed (through labels and -g directives only) by "L:". */
function jumpsToNextLabel(lines: string[], i: number, l: string): boolean {
  if (l.indexOf(' ', 3) >= 0 || l.indexOf('\t', 3) >= 0) return false;
  for (let k = i + 1; k < lines.length && (lines[k].charCodeAt(0) !== 9 || isDebugLine(lines[k])); k++) if (isLabelOf(lines[k], l, 3)) return true;
  return false;
}

/**
 * "\tbcc X, L1" + "\tj L2" + "L1:" -> "\tb!cc X, L2" (null when the lines do not have that shape). -g directives
 * may stand before the `j` and before the label.
 */
function branchOverJump(lines: string[], i: number, l: string, code: FunctionCode): string | null {
  const j = skipDebugLines(lines, i + 1);
  const next = lines[j];
  if (next === undefined || !next.startsWith('\tj .L') || next.indexOf(' ', 3) >= 0 || next.indexOf('\t', 3) >= 0) return null;
  const sp = l.indexOf(' ');
  if (sp < 0) return null;
  const inv = insnOf(l, code, 'peephole').inverse;
  const last = l.lastIndexOf(', ');
  if (inv === null || last <= sp || !l.startsWith('.L', last + 2) || l.indexOf(' ', last + 2) >= 0 || l.indexOf('\t', last + 2) >= 0) return null;
  const after = lines[skipDebugLines(lines, j + 1)];
  if (after === undefined || !isLabelOf(after, l, last + 2)) return null;
  return `\t${inv} ${l.slice(sp + 1, last)}, ${next.slice(3)}`;
}

/** The registers an instruction names (for the look-back in fuseMoves). */
function mentions(insn: Insn, reg: string): boolean {
  for (const a of insn.args) if (names(a, reg)) return true;
  return false;
}

/**
 * "op tX, ...; [up to 3 unrelated instructions]; mv R, tX" with tX dead afterwards becomes
 * "op R, ...; [...]": the instructions in between must neither mention tX nor R.
 */
function fuseMoves(out: string[], code: FunctionText): string[] {
  let fused = false;
  for (let j = 1; j < out.length; j++) {
    const l = out[j];
    let r: string;
    let tx: string;
    if (l.startsWith('\tfmv.d ')) {
      // "fop ftN, ...; fmv.d R, ftN": the floating form (a result moved into a variable's fs register)
      [r, tx] = parse(l)!.args;
      if (!isFTemp(tx) || r === tx) continue;
    } else {
      if (!l.startsWith('\tmv ')) continue;
      const comma = l.indexOf(', ', 4);
      if (comma < 0 || comma + 4 !== l.length) continue; // the source is not a two-letter register
      const c = l.charCodeAt(comma + 2);
      const d = l.charCodeAt(comma + 3);
      if (!(c === 116 && d >= 48 && d <= 53) && !(c === 97 && d >= 50 && d <= 55)) continue; // not t0-t5/a2-a7
      [r, tx] = parse(l)!.args;
      if (!isTemp(tx, code.varRegs) || r === 'zero' || r === tx) continue;
    }
    for (let i = j - 1; i >= 0 && i >= j - 4; i--) {
      const a = parse(out[i]);
      if (!a) break; // a label
      const info = infoOf(a, out[i], code);
      if (info.operands === Operands.DEST_FIRST && a.args[0] === tx) {
        if (deadAfter(out, j, tx, code)) {
          out[i] = `\t${a.op} ${[r, ...a.args.slice(1)].join(', ')}`;
          out[j] = '';
          fused = true;
        }
        break;
      }
      if (mentions(a, tx) || mentions(a, r) || info.operands !== Operands.DEST_FIRST && info.access !== Access.STORE) break;
    }
  }
  if (!fused) return out;
  let w = 0;
  for (let k = 0; k < out.length; k++) if (out[k] !== '') out[w++] = out[k];
  out.length = w;
  return out;
}

/** "lui R, %hi(S); addi R, R, %lo(S); add R, R, X; ld/st D, off(R)" uses %lo(S+off) in the access. */
function foldGlobalLo(lines: string[], code: FunctionText): string[] {
  // in place: a rewrite writes 3 lines for 4 and looks only ahead
  const n = lines.length;
  let w = 0;
  for (let i = 0; i < n; i++) {
    if (!lines[i].startsWith('\tlui ') || !(lines[i + 1] ?? '').startsWith('\taddi ')) {
      lines[w++] = lines[i];
      continue;
    }
    const lui = /^\tlui (\w+), %hi\((\S+)\)$/.exec(lines[i]);
    const addi = /^\taddi (\w+), (\w+), %lo\((\S+)\)$/.exec(lines[i + 1] ?? '');
    const add = parse(lines[i + 2] ?? '');
    const mem = parse(lines[i + 3] ?? '');
    if (lui && addi && add && mem && addi[1] === lui[1] && addi[2] === lui[1] && addi[3] === lui[2] && add.op === 'add' &&
        add.args[0] === lui[1] && (add.args[1] === lui[1] || add.args[2] === lui[1]) &&
        infoOf(mem, lines[i + 3], code).access !== Access.NONE) {
      const access = mem.known!.access;
      const r = lui[1];
      const am = /^(-?\d+)\((\w+)\)$/.exec(mem.args[1]);
      const other = add.args[1] === r ? add.args[2] : add.args[1];
      const dataIsBase = access === Access.STORE && mem.args[0] === r;
      if (am && am[2] === r && other !== r && !dataIsBase && (access === Access.LOAD && mem.args[0] === r || deadAfter(lines, i + 3, r, code))) {
        const off = Number(am[1]);
        const sym = off === 0 ? lui[2] : `${lui[2]}${off > 0 ? '+' : ''}${off}`;
        lines[w++] = `\tlui ${r}, %hi(${sym})`;
        lines[w++] = `\tadd ${r}, ${r}, ${other}`;
        lines[w++] = `\t${mem.op} ${mem.args[0]}, %lo(${sym})(${r})`;
        i += 3;
        continue;
      }
    }
    lines[w++] = lines[i];
  }
  lines.length = w;
  return lines;
}

function relaxBranches(lines: string[], code: FunctionCode, unit: UnitLabels): string[] {
  if (lines.length * 8 < 3900) return lines; // no branch can be out of range (no line is over 8 bytes)
  const pos = new Map<string, number>();
  let pc = 0;
  const at: number[] = [];
  for (const l of lines) {
    at.push(pc);
    if (!l.startsWith('\t') && l.endsWith(':')) pos.set(l.slice(0, -1), pc);
    pc += sizeOfLine(l, code);
  }
  if (pc < 3900) return lines; // no branch can be out of range
  // rewrites grow the code, so passes repeat until nothing changes; keep a margin below 4096
  const limit = 3900;
  const out: string[] = [];
  lines.forEach((l, i) => {
    const inverse = l.charCodeAt(0) === 9 ? insnOf(l, code, 'branch relaxation').inverse : null;
    const m = inverse !== null ? /^\t(\S+) (.*), (\.L\S+)$/.exec(l) : null;
    if (m) {
      const target = pos.get(m[3]);
      if (target !== undefined && Math.abs(target - at[i]) > limit) {
        const skip = unit.farLabel();
        out.push(`\t${inverse} ${m[2]}, ${skip}`);
        out.push(`\tj ${m[3]}`);
        out.push(`${skip}:`);
        return;
      }
    }
    out.push(l);
  });
  return out;
}
