// -O1 post-pass over one finished function: a parameter that arrives in a0 or a1 and was homed into a
// caller-saved variable register R ("mv R, a0" at entry) is renamed to live in a0 itself, when that is
// provably the same program. a0/a1 are scratch registers of the code generator (call results, argument
// set-up, 64-bit sequences), so the rename is allowed only when every other use of the incoming register A
// fits one of these shapes (anything else, or any instruction this pass does not know, keeps the function
// as it is):
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

// Operand roles by mnemonic (every mnemonic the code generator emits; any other one stops the pass).
const WRITES_FIRST = 1; // first operand written, the others read
const READS = 2; // every operand read (stores)
const BRANCH = 3; // register operands read, last operand a label
const RET = 4;
const TAIL = 5; // tail sym
const JR = 6; // jr reg (an exit)
const CALL = 7; // call sym
const JALR = 8; // jalr reg
const JUMP = 9; // j label
const ROLE = new Map<string, number>();
for (const op of ['add', 'addi', 'sub', 'and', 'andi', 'or', 'ori', 'xor', 'xori', 'sll', 'slli', 'srl', 'srli', 'sra',
  'srai', 'slt', 'slti', 'sltu', 'sltiu', 'mul', 'mulh', 'mulhu', 'mulhsu', 'div', 'divu', 'rem', 'remu', 'lui', 'li',
  'mv', 'neg', 'not', 'seqz', 'snez', 'lw', 'lh', 'lhu', 'lb', 'lbu']) ROLE.set(op, WRITES_FIRST);
for (const op of ['sw', 'sh', 'sb']) ROLE.set(op, READS);
for (const op of ['beq', 'bne', 'blt', 'bge', 'bltu', 'bgeu', 'bgt', 'ble', 'bgtu', 'bleu', 'beqz', 'bnez', 'blez',
  'bgez', 'bltz', 'bgtz']) ROLE.set(op, BRANCH);
ROLE.set('ret', RET);
ROLE.set('tail', TAIL);
ROLE.set('jr', JR);
ROLE.set('call', CALL);
ROLE.set('jalr', JALR);
ROLE.set('j', JUMP);
/** ROLE grouped by first letter, for a look-up without slicing the mnemonic out of the line. */
const ROLE_BY_FIRST = new Map<number, [string, number][]>();
for (const [op, role] of ROLE) {
  const list = ROLE_BY_FIRST.get(op.charCodeAt(0)) ?? [];
  list.push([op, role]);
  ROLE_BY_FIRST.set(op.charCodeAt(0), list);
}

/** The role of the mnemonic at line[1, end), or undefined. */
function roleOf(line: string, end: number): number | undefined {
  const list = ROLE_BY_FIRST.get(line.charCodeAt(1));
  if (!list) return undefined;
  for (const [op, role] of list) if (op.length === end - 1 && line.startsWith(op, 1)) return role;
  return undefined;
}

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

/**
 * The effect of `line` on registers a and r (flag bits | kind), or -1 for an instruction this pass does not
 * model. Scans the operands in place (no allocation beyond the mnemonic).
 */
function effect(line: string, a: string, r: string, ret: { label: string; jump: string }): number {
  if (line.charCodeAt(0) !== 9) return line === ret.label ? K_EXIT : K_LABEL; // falling into the epilogue exits
  if (line.indexOf(a) < 0 && line.indexOf(r) < 0) return kindOnly(line, ret.jump);
  const sp = line.indexOf(' ');
  const role = roleOf(line, sp < 0 ? line.length : sp);
  if (role === undefined) return -1;
  if (sp < 0) return role === RET ? K_EXIT : -1;
  let fx = 0;
  let k = 0; // operand index
  let last = -1; // flags of the last operand (a branch's label)
  for (let s = sp + 1; s <= line.length; k++) {
    let e = line.indexOf(', ', s);
    if (e < 0) e = line.length;
    let f = 0;
    if (operandUses(line, s, e, a)) f |= READS_A;
    if (operandUses(line, s, e, r)) f |= READS_R;
    if (k === 0 && role === WRITES_FIRST) {
      // the destination (a plain register: loads name their address second)
      if (f & READS_A) fx |= WRITES_A;
      if (f & READS_R) fx |= WRITES_R;
    } else fx |= f;
    last = f;
    s = e + 2;
  }
  switch (role) {
    case WRITES_FIRST:
    case READS:
      return fx;
    case BRANCH:
      return last ? -1 : fx | K_BRANCH; // a label spelled like a register: leave the function alone
    case TAIL:
    case CALL:
    case JUMP:
      if (k !== 1) return -1;
      if (role === CALL) return K_CALL;
      if (role === TAIL) return K_EXIT;
      return line === ret.jump ? K_EXIT : K_BRANCH;
    case JR:
      return k === 1 ? fx | K_EXIT : -1;
    case JALR:
      return k === 1 ? fx | K_CALL : -1;
  }
  return -1;
}

/**
 * The kind of an instruction line that does not mention A or R (so it reads and writes neither explicitly),
 * from its first letters. Only for code generator output without inline assembly, whose mnemonics are
 * ROLE's: calls are call/jalr, exits ret/tail/jr/j to the return label, other jumps j and b*.
 */
function kindOnly(line: string, retJump: string): number {
  switch (line.charCodeAt(1)) {
    case 98: // b...
      return K_BRANCH;
    case 106: // j, jr, jalr
      if (line.charCodeAt(2) === 32) return line === retJump ? K_EXIT : K_BRANCH;
      return line.charCodeAt(2) === 114 ? K_EXIT : K_CALL;
    case 99: // call
      return K_CALL;
    case 116: // tail
      return K_EXIT;
    case 114: // ret, rem, remu
      return line.charCodeAt(2) === 101 && line.charCodeAt(3) === 116 ? K_EXIT : K_PLAIN;
  }
  return K_PLAIN; // arithmetic, loads, stores; also ebreak (__builtin_trap), which never returns
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
 * (see the file comment). For code generator output without inline assembly (see kindOnly). `homes` lists (variable register, incoming register) pairs; `retLabel` is the
 * function's return label. Returns the lines, rewritten where it was safe.
 */
export function keepParamsInArgRegs(lines: string[], homes: { reg: string; incoming: string }[], retLabel: string): string[] {
  let out = lines;
  const ret = { label: `${retLabel}:`, jump: `\tj ${retLabel}` };
  const fx: number[] = []; // effects of the lines, reused for each home
  for (const { reg: r, incoming: a } of homes) {
    const home = out.indexOf(`\tmv ${r}, ${a}`);
    if (home < 0) continue;
    fx.length = 0;
    for (const l of out) {
      const e = effect(l, a, r, ret);
      if (e < 0) return out; // an instruction this pass does not model: leave the whole function alone
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
    for (let k = i - 1; k >= 0 && lines[k].charCodeAt(0) !== 9; k--) {
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
