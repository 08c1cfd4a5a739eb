// -O1 post-pass over one finished function: a parameter that arrives in a0 or a1 and was homed into a
// caller-saved variable register R ("mv R, a0" at entry) is renamed to live in a0 itself, when that is
// provably the same program. a0/a1 are scratch registers of the code generator (call results, argument
// set-up, 64-bit sequences), so the rename is allowed only when every other use of the incoming register A
// fits one of these shapes (anything else keeps the function as it is; what each mnemonic reads, writes and
// where control goes comes from insn-info.ts, and a mnemonic missing there is an internal error):
//   - a write of A that is followed, in straight-line code (no label, no branch in between), by a call or a
//     function exit (ret, tail, jr, a jump to or fall into the return label), with no read or write of R in between
//     (for "mv A, R" reads of R are fine: A then holds R's value in both programs);
//   - a read of A while A holds the same value in both programs: right after a call (its result), or
//     inside such a window after a write of A.
// R is caller-saved, so the variable is dead after every call (the allocator guarantees it: a call would
// clobber R), and after an exit. "mv A, R" and the homing move become no-ops and are dropped. Only for
// functions without inline assembly (whose text could touch A in ways these rules do not see).
// Also here: jumpsToRet, which turns a jump to a bare `ret` into `ret` (run after the rename, which can
// leave the return label holding nothing else).

import { Flow, FunctionCode, Operands, insnOf, isDebugLine } from './insn-info.js';

/** True when the operand line[s, e) uses register `reg`: the register itself, or "N(reg)" / "%lo(sym)(reg)". */
function operandUses(line: string, s: number, e: number, reg: string): boolean {
  const m = reg.length;
  if (e - s === m) return line.startsWith(reg, s);
  // memory operand: ends with "(reg)" after a decimal offset or a %lo(...) relocation
  if (e - s < m + 3 || line.charCodeAt(e - 1) !== 41 || line.charCodeAt(e - m - 2) !== 40 || !line.startsWith(reg, e - m - 1)) return false;
  const pe = e - m - 2; // end of the prefix
  if (line.startsWith('%lo(', s)) return line.charCodeAt(pe - 1) === 41;
  let k = s;
  if (line.charCodeAt(k) === 45) k++;
  if (k === pe) return false;
  for (; k < pe; k++) {
    const c = line.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Instruction line `line` with every register operand use of `from` changed to `to`. */
function renameLine(line: string, from: string, to: string): string {
  let out = '';
  let done = 0; // line[0, done) is in out
  const sp = line.indexOf(' ');
  for (let s = sp + 1; sp >= 0 && s <= line.length;) {
    let e = line.indexOf(', ', s);
    if (e < 0) e = line.length;
    if (operandUses(line, s, e, from)) {
      const at = e - s === from.length ? s : e - from.length - 1; // the register itself, or inside "(...)"
      out += line.slice(done, at) + to;
      done = at + from.length;
    }
    s = e + 2;
  }
  return out + line.slice(done);
}

// Effect of one line on registers A and R: flag bits plus a kind.
const READS_A = 1;
const WRITES_A = 2;
const READS_R = 4;
const WRITES_R = 8;
const K_PLAIN = 0;
const K_LABEL = 16;
const K_CALL = 32;
const K_EXIT = 48;
const K_BRANCH = 64;
const KIND = 112;

/** The kind of control transfer of an instruction, by its flow in the table. */
function kindOf(flow: Flow, line: string, retJump: string, code: FunctionCode): number {
  if (flow === Flow.JUMP_REG && code.tableJumps?.has(line)) return K_BRANCH; // to case labels, like `j`
  switch (flow) {
    case Flow.BRANCH:
      return K_BRANCH;
    case Flow.JUMP:
      return line === retJump ? K_EXIT : K_BRANCH;
    case Flow.CALL: case Flow.CALL_REG:
      return K_CALL;
    case Flow.RETURN: case Flow.TAIL: case Flow.JUMP_REG:
      return K_EXIT;
  }
  return K_PLAIN; // arithmetic, loads, stores; also ebreak (__builtin_trap), which never returns
}

/**
 * The effect of `line` on registers a and r (flag bits | kind), or -1 for a shape this pass does not model
 * (an operand count its mnemonic never has in generated code). Scans the operands in place. Throws an
 * internal CompileError for a mnemonic that is not in insn-info.ts.
 */
function effect(line: string, a: string, r: string, ret: { label: string; jump: string }, code: FunctionCode): number {
  if (line.charCodeAt(0) !== 9) return line === ret.label ? K_EXIT : K_LABEL; // falling into the epilogue exits
  const info = insnOf(line, code, 'keeping parameters in argument registers');
  if (line.indexOf(a) < 0 && line.indexOf(r) < 0) return kindOf(info.flow, line, ret.jump, code);
  const sp = line.indexOf(' ');
  if (sp < 0) return info.flow === Flow.RETURN ? K_EXIT : -1;
  const writesFirst = info.operands === Operands.DEST_FIRST;
  let fx = 0;
  let k = 0; // operand index
  let last = -1; // flags of the last operand (a branch's label)
  for (let s = sp + 1; s <= line.length; k++) {
    let e = line.indexOf(', ', s);
    if (e < 0) e = line.length;
    let f = 0;
    if (operandUses(line, s, e, a)) f |= READS_A;
    if (operandUses(line, s, e, r)) f |= READS_R;
    if (k === 0 && writesFirst) {
      // the destination (a plain register: loads name their address second)
      if (f & READS_A) fx |= WRITES_A;
      if (f & READS_R) fx |= WRITES_R;
    } else fx |= f;
    last = f;
    s = e + 2;
  }
  switch (info.flow) {
    case Flow.NEXT:
      return fx;
    case Flow.BRANCH:
      return last ? -1 : fx | K_BRANCH; // a label spelled like a register: leave the function alone
    case Flow.TAIL:
    case Flow.CALL:
    case Flow.JUMP:
      if (k !== 1) return -1;
      if (info.flow === Flow.CALL) return K_CALL;
      if (info.flow === Flow.TAIL) return K_EXIT;
      return line === ret.jump ? K_EXIT : K_BRANCH;
    case Flow.JUMP_REG:
      if (k !== 1) return -1;
      return fx | (code.tableJumps?.has(line) ? K_BRANCH : K_EXIT);
    case Flow.CALL_REG:
      return k === 1 ? fx | K_CALL : -1;
  }
  return -1;
}

/**
 * True when the write of A at line `i` is followed, through straight-line code, by a call or an exit,
 * with nothing in between (or in that last instruction) reading R (unless `copyOfR`) or writing R.
 */
function windowEndsCleanly(fx: number[], i: number, copyOfR: boolean): boolean {
  for (let k = i + 1; k < fx.length; k++) {
    const e = fx[k];
    const kind = e & KIND;
    if (kind === K_LABEL || kind === K_BRANCH) return false;
    if (e & WRITES_R || (e & READS_R && !copyOfR)) return false;
    if (kind === K_CALL || kind === K_EXIT) return !(e & READS_A) || copyOfR;
  }
  return false;
}

/** Checks every use of A after the homing move at line `home` (see the file comment). */
function renameIsSafe(lines: string[], fx: number[], home: number, a: string, r: string): boolean {
  let aSame = false; // A holds the same value in the original and the renamed program
  for (let i = home + 1; i < fx.length; i++) {
    const e = fx[i];
    const kind = e & KIND;
    if (kind === K_LABEL) {
      aSame = false;
      continue;
    }
    if (e & READS_A && !aSame) return false;
    if (e & WRITES_A) {
      const copyOfR = lines[i] === `\tmv ${a}, ${r}`;
      if (!windowEndsCleanly(fx, i, copyOfR)) return false;
      aSame = true;
      continue;
    }
    if (e & WRITES_R) aSame = false;
    if (kind === K_CALL) aSame = true; // the result registers, written by the callee in both programs
  }
  return true;
}

/**
 * Renames caller-saved variable registers holding parameters that arrived in a0/a1 to those registers
 * (see the file comment), in function `code` (code generator output without inline assembly). `homes` lists
 * (variable register, incoming register) pairs; `retLabel` is the function's return label. Returns the
 * lines, rewritten where it was safe; throws an internal CompileError at an instruction not in insn-info.ts.
 */
export function keepParamsInArgRegs(lines: string[], homes: { reg: string; incoming: string }[], retLabel: string, code: FunctionCode): string[] {
  let out = lines;
  const ret = { label: `${retLabel}:`, jump: `\tj ${retLabel}` };
  const fx: number[] = []; // effects of the lines, reused for each home
  for (const { reg: r, incoming: a } of homes) {
    const home = out.indexOf(`\tmv ${r}, ${a}`);
    if (home < 0) continue;
    fx.length = 0;
    for (const l of out) {
      const e = effect(l, a, r, ret, code);
      if (e < 0) return out; // an operand shape this pass does not model: leave the whole function alone
      fx.push(e);
    }
    // nothing before the homing move may touch A or R, nor may control reach it from elsewhere
    let clean = true;
    for (let i = 0; i < home && clean; i++) clean = fx[i] === K_PLAIN;
    if (!clean || !renameIsSafe(out, fx, home, a, r)) continue;
    // rename in place (lines only ever get dropped)
    const selfMove = `\tmv ${a}, ${a}`;
    let w = 0;
    for (let i = 0; i < out.length; i++) {
      const l = out[i];
      if (i === home) continue;
      if (!(fx[i] & (READS_R | WRITES_R))) {
        out[w++] = l;
        continue;
      }
      const renamed = renameLine(l, r, a);
      if (renamed === selfMove) continue; // "mv A, R" became a self-move
      out[w++] = renamed;
    }
    out.length = w;
  }
  return out;
}

/** A jump to a label whose first instruction is `ret` becomes `ret` (in place; returns `lines`). */
export function jumpsToRet(lines: string[]): string[] {
  const jumps: string[] = []; // "\tj L" for every such label L
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '\tret') continue;
    for (let k = i - 1; k >= 0 && (lines[k].charCodeAt(0) !== 9 || isDebugLine(lines[k])); k--) {
      if (lines[k].endsWith(':')) jumps.push(`\tj ${lines[k].slice(0, -1)}`);
    }
  }
  if (jumps.length === 0) return lines;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.charCodeAt(1) === 106 && l.charCodeAt(2) === 32 && jumps.includes(l)) lines[i] = '\tret';
  }
  return lines;
}
