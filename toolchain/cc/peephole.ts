// Post-pass over one function's assembly lines: removes jumps to the next line and self-moves, and
// rewrites conditional branches whose target may be beyond the +-4 KiB B-type range into an inverted
// branch over a `j` (the assembler does not relax branches).

export const INVERT: Record<string, string> = {
  beq: 'bne', bne: 'beq', blt: 'bge', bge: 'blt', bltu: 'bgeu', bgeu: 'bltu', beqz: 'bnez', bnez: 'beqz',
  ble: 'bgt', bgt: 'ble', bleu: 'bgtu', bgtu: 'bleu', blez: 'bgtz', bgtz: 'blez', bltz: 'bgez', bgez: 'bltz',
};

/** Upper bound of the bytes an assembly line assembles to. */
function sizeOfLine(line: string): number {
  if (line.charCodeAt(0) !== 9) return 0;
  const sp = line.indexOf(' ');
  const op = sp < 0 ? line.slice(1) : line.slice(1, sp);
  if (op === 'li' || op === 'call' || op === 'la' || op === 'tail') return 8;
  return 4;
}

let fixLabel = 0;

/** Instructions whose first operand is the only register they write. */
const WRITES_RD = new Set([
  'add', 'addi', 'sub', 'and', 'andi', 'or', 'ori', 'xor', 'xori', 'sll', 'slli', 'srl', 'srli', 'sra', 'srai',
  'slt', 'slti', 'sltu', 'sltiu', 'mul', 'mulh', 'mulhu', 'mulhsu', 'div', 'divu', 'rem', 'remu', 'lui', 'li',
  'mv', 'neg', 'not', 'seqz', 'snez', 'lw', 'lh', 'lhu', 'lb', 'lbu',
]);
const LOADS = new Set(['lw', 'lh', 'lhu', 'lb', 'lbu']);
const STORES = new Set(['sw', 'sh', 'sb']);

interface Insn {
  op: string;
  args: string[];
}

const parsed = new Map<string, Insn | null>();

/** Splits an instruction line into mnemonic and operands (memoised: lines repeat a lot). */
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
  if (sp < 0) return { op: t, args: [] };
  return { op: t.slice(0, sp), args: t.slice(sp + 1).split(', ') };
}

/** Registers an instruction reads (approximate but conservative: every operand that names a register). */
function reads(insn: Insn, reg: string): boolean {
  const args = WRITES_RD.has(insn.op) ? insn.args.slice(1) : insn.args;
  return args.some((a) => a === reg || a.endsWith(`(${reg})`));
}

/**
 * True when `reg` (a temporary) is dead after line i: it is overwritten before being read, or control
 * reaches a label, jump, call or return first (temporaries never live across those in our code).
 */
function deadAfter(lines: string[], i: number, reg: string): boolean {
  if (!isTemp(reg)) return false;
  const end = Math.min(lines.length, i + 40);
  for (let k = i + 1; k < end; k++) {
    const l = lines[k];
    if (!l.startsWith('\t')) return true; // label
    const insn = parse(l)!;
    if (reads(insn, reg)) return false;
    if (insn.op === 'j' || insn.op === 'ret' || insn.op === 'call' || insn.op === 'jr' || insn.op === 'tail') return true;
    if (insn.op === 'jalr') return !reads(insn, reg);
    if (WRITES_RD.has(insn.op) && insn.args[0] === reg) return true;
  }
  return end === lines.length;
}

/** Caller-saved registers holding variables in the function being rewritten (never temporaries). */
let varRegs: ReadonlySet<string> = new Set();

const isTemp = (r: string): boolean => /^(t[0-5]|a[2-7])$/.test(r) && !varRegs.has(r);

/**
 * Rewrites one function's lines (see the file comment). `vars` names the caller-saved registers that hold
 * variables there: they live across labels and jumps, so they are never treated as temporaries.
 */
export function peephole(lines: string[], opt: number, vars: ReadonlySet<string> = new Set()): string[] {
  varRegs = vars;
  let out = lines;
  if (opt > 0) {
    out = simplify(lines);
    out = fuseMoves(out);
    out = foldGlobalLo(out);
    out = simplify(out);
  }
  for (let pass = 0; pass < 8; pass++) {
    const before = out.length;
    out = relaxBranches(out);
    if (out.length === before) break;
  }
  return out;
}

/** Drops self-moves and jumps to the next label; turns "bcc L1; j L2; L1:" into "b!cc L2; L1:". */
function simplify(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.charCodeAt(0) !== 9 || (l.charCodeAt(1) !== 109 && l.charCodeAt(1) !== 106 && l.charCodeAt(1) !== 98)) {
      out.push(l); // not mv/j/b*: nothing to simplify
      continue;
    }
    const m = /^\tmv (\w+), (\w+)$/.exec(l);
    if (m && m[1] === m[2]) continue;
    const j = /^\tj (\S+)$/.exec(l);
    if (j) {
      let k = i + 1;
      let hit = false;
      while (k < lines.length && !lines[k].startsWith('\t')) {
        if (lines[k] === `${j[1]}:`) hit = true;
        k++;
      }
      if (hit) continue;
    }
    const b = /^\t(b\w+) (.*), (\.L\S+)$/.exec(l);
    const jn = /^\tj (\.L\S+)$/.exec(lines[i + 1] ?? '');
    if (b && jn && INVERT[b[1]] && lines[i + 2] === `${b[3]}:`) {
      out.push(`\t${INVERT[b[1]]} ${b[2]}, ${jn[1]}`);
      i++;
      continue;
    }
    out.push(l);
  }
  return out;
}

/** The registers an instruction names (for the look-back in fuseMoves). */
function mentions(insn: Insn, reg: string): boolean {
  return insn.args.some((a) => a === reg || a.endsWith(`(${reg})`));
}

/**
 * "op tX, ...; [up to 3 unrelated instructions]; mv R, tX" with tX dead afterwards becomes
 * "op R, ...; [...]": the instructions in between must neither mention tX nor R.
 */
function fuseMoves(lines: string[]): string[] {
  const out = lines.slice();
  for (let j = 1; j < out.length; j++) {
    const l = out[j];
    if (!l.startsWith('\tmv ')) continue;
    const mv = parse(l)!;
    const [r, tx] = mv.args;
    if (!isTemp(tx) || r === 'zero' || r === tx) continue;
    for (let i = j - 1; i >= 0 && i >= j - 4; i--) {
      const a = parse(out[i]);
      if (!a) break; // a label
      if (WRITES_RD.has(a.op) && a.args[0] === tx) {
        if (deadAfter(out, j, tx)) {
          out[i] = `\t${a.op} ${[r, ...a.args.slice(1)].join(', ')}`;
          out[j] = '';
        }
        break;
      }
      if (mentions(a, tx) || mentions(a, r) || !WRITES_RD.has(a.op) && !STORES.has(a.op)) break;
    }
  }
  return out.filter((l) => l !== '');
}

/** "lui R, %hi(S); addi R, R, %lo(S); add R, R, X; ld/st D, off(R)" uses %lo(S+off) in the access. */
function foldGlobalLo(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('\tlui ')) {
      out.push(lines[i]);
      continue;
    }
    const lui = /^\tlui (\w+), %hi\((\S+)\)$/.exec(lines[i]);
    const addi = /^\taddi (\w+), (\w+), %lo\((\S+)\)$/.exec(lines[i + 1] ?? '');
    const add = parse(lines[i + 2] ?? '');
    const mem = parse(lines[i + 3] ?? '');
    if (lui && addi && add && mem && addi[1] === lui[1] && addi[2] === lui[1] && addi[3] === lui[2] && add.op === 'add' &&
        add.args[0] === lui[1] && (add.args[1] === lui[1] || add.args[2] === lui[1]) && (LOADS.has(mem.op) || STORES.has(mem.op))) {
      const r = lui[1];
      const am = /^(-?\d+)\((\w+)\)$/.exec(mem.args[1]);
      const other = add.args[1] === r ? add.args[2] : add.args[1];
      const dataIsBase = STORES.has(mem.op) && mem.args[0] === r;
      if (am && am[2] === r && other !== r && !dataIsBase && (LOADS.has(mem.op) && mem.args[0] === r || deadAfter(lines, i + 3, r))) {
        const off = Number(am[1]);
        const sym = off === 0 ? lui[2] : `${lui[2]}${off > 0 ? '+' : ''}${off}`;
        out.push(`\tlui ${r}, %hi(${sym})`);
        out.push(`\tadd ${r}, ${r}, ${other}`);
        out.push(`\t${mem.op} ${mem.args[0]}, %lo(${sym})(${r})`);
        i += 3;
        continue;
      }
    }
    out.push(lines[i]);
  }
  return out;
}

function relaxBranches(lines: string[]): string[] {
  const pos = new Map<string, number>();
  let pc = 0;
  const at: number[] = [];
  for (const l of lines) {
    at.push(pc);
    if (!l.startsWith('\t') && l.endsWith(':')) pos.set(l.slice(0, -1), pc);
    pc += sizeOfLine(l);
  }
  if (pc < 3900) return lines; // no branch can be out of range
  // rewrites grow the code, so passes repeat until nothing changes; keep a margin below 4096
  const limit = 3900;
  const out: string[] = [];
  lines.forEach((l, i) => {
    const m = l.startsWith('\tb') ? /^\t(b\w+) (.*), (\.L\S+)$/.exec(l) : null;
    if (m && INVERT[m[1]]) {
      const target = pos.get(m[3]);
      if (target !== undefined && Math.abs(target - at[i]) > limit) {
        const skip = `.Lfar${fixLabel++}`;
        out.push(`\t${INVERT[m[1]]} ${m[2]}, ${skip}`);
        out.push(`\tj ${m[3]}`);
        out.push(`${skip}:`);
        return;
      }
    }
    out.push(l);
  });
  return out;
}
