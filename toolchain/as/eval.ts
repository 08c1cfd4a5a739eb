// Expression evaluation to a relocatable value `sym - sub + add`. Two labels in the same fragment
// always have a known difference; two labels in the same section only after layout (`final`).

import { AsmError } from './diagnostics.js';
import { applyConst, Op, type Expr, type Node } from './expr.js';
import { SymKind, type Sym } from './symbol.js';

/** `sym - sub + add`; either symbol may be absent. */
export interface Val {
  sym: Sym | null;
  sub: Sym | null;
  add: number;
}

/** Thrown (not an AsmError) when a parse-time evaluation needs addresses only layout can give. */
export class NotYet {}
const NOT_YET = new NotYet();

const OP_TEXT: Partial<Record<Op, string>> = {
  [Op.MUL]: '*', [Op.DIV]: '/', [Op.REM]: '%', [Op.SHL]: '<<', [Op.SHR]: '>>', [Op.OR]: '|',
  [Op.ORNOT]: '!', [Op.XOR]: '^', [Op.AND]: '&', [Op.EQ]: '==', [Op.NE]: '!=', [Op.LT]: '<',
  [Op.LE]: '<=', [Op.GE]: '>=', [Op.GT]: '>', [Op.LAND]: '&&', [Op.LOR]: '||', [Op.NEG]: '-',
  [Op.NOT]: '~', [Op.LNOT]: '!',
};

/**
 * Evaluates `e`. With `final` false (during parsing), throws NotYet when the result depends on
 * addresses not known yet; with `final` true, such expressions are errors. Throws AsmError for
 * invalid operands, division by zero and symbols defined in terms of themselves.
 */
export function evaluate(e: Expr, final: boolean): Val {
  if (typeof e === 'number') return { sym: null, sub: null, add: e };
  if (depth >= MAX_EVAL_DEPTH) throw new AsmError(`expression too deep to evaluate (more than ${MAX_EVAL_DEPTH} levels through symbol definitions)`, e.col);
  depth++;
  try {
    return evalNode(e, final);
  } finally {
    depth--;
  }
}

/**
 * Evaluation recurses through operators and through the definitions of `.set` symbols: a chain of symbols
 * each defined by the previous one nests as deeply as it is long. Bounded so that it ends in a located
 * error, not in a host stack overflow.
 */
export const MAX_EVAL_DEPTH = 2000;
let depth = 0;

let keepCodeDifferences = false;

/**
 * Evaluates the value of a data fixup after layout. Differences of labels in a code section stay
 * symbolic (they become R_RISCV_ADD/SUB pairs), as GNU as keeps them for the linker.
 */
export function evaluateData(e: Expr): Val {
  keepCodeDifferences = true;
  try {
    return evaluate(e, true);
  } finally {
    keepCodeDifferences = false;
  }
}

function evalNode(n: Node, final: boolean): Val {
  switch (n.op) {
    case Op.SYM: return symbolValue(n.sym as Sym, final, n.col);
    case Op.RELOC: throw new AsmError(`relocation operator '%${n.name}' is not allowed here`, n.col);
    case Op.ADD: return combine(evaluate(n.a, final), evaluate(n.b, final), false, final, n.col);
    case Op.SUB: return combine(evaluate(n.a, final), evaluate(n.b, final), true, final, n.col);
    case Op.NEG: {
      const v = evaluate(n.a, final);
      if (v.sym === null && v.sub === null) return constVal(-v.add);
      return combine(constVal(0), v, true, final, n.col);
    }
    default: {
      const a = constantOf(evaluate(n.a, final), final, n);
      const b = n.op === Op.NOT || n.op === Op.LNOT ? 0 : constantOf(evaluate(n.b, final), final, n);
      return constVal(applyConst(n.op, a, b, n.col));
    }
  }
}

const constVal = (add: number): Val => ({ sym: null, sub: null, add });

function constantOf(v: Val, final: boolean, n: Node): number {
  if (v.sym === null && v.sub === null) return v.add;
  if (!final) throw NOT_YET;
  throw new AsmError(`invalid operands for '${OP_TEXT[n.op] ?? '?'}': the value is not a constant`, n.col);
}

function symbolValue(s: Sym, final: boolean, col: number): Val {
  switch (s.kind) {
    case SymKind.CONST: return constVal(s.value);
    case SymKind.EXPR: {
      if (s.evaluating) throw new AsmError(`symbol '${s.name}' is defined in terms of itself`, col);
      s.evaluating = true;
      try {
        return evaluate(s.expr, final);
      } finally {
        s.evaluating = false;
      }
    }
    default: return { sym: s, sub: null, add: 0 };
  }
}

/** Difference of two labels when it is known: same fragment always, same section after layout. */
export function labelDifference(a: Sym, b: Sym, final: boolean): number | null {
  if (a === b) return 0;
  if (a.kind !== SymKind.LABEL || b.kind !== SymKind.LABEL) return null;
  if (keepCodeDifferences && a.section !== null && a.section.isCode) return null;
  if (a.frag === b.frag) return a.offset - b.offset;
  if (final && a.section === b.section) return a.address - b.address;
  return null;
}

/** a + b or a - b, cancelling symbol pairs whose difference is known. */
function combine(a: Val, b: Val, subtract: boolean, final: boolean, col: number): Val {
  const pos: Sym[] = [];
  const neg: Sym[] = [];
  if (a.sym) pos.push(a.sym);
  if (a.sub) neg.push(a.sub);
  if (b.sym) (subtract ? neg : pos).push(b.sym);
  if (b.sub) (subtract ? pos : neg).push(b.sub);
  let add = subtract ? a.add - b.add : a.add + b.add;
  for (let i = 0; i < pos.length; i++) {
    for (let j = 0; j < neg.length; j++) {
      const d = labelDifference(pos[i], neg[j], final);
      if (d !== null) {
        add += d;
        pos.splice(i--, 1);
        neg.splice(j, 1);
        break;
      }
    }
  }
  if (pos.length > 1 || neg.length > 1 || (neg.length === 1 && pos.length === 0)) {
    if (!final) throw NOT_YET;
    throw new AsmError(`invalid operands for '${subtract ? '-' : '+'}': the value is not relocatable`, col);
  }
  return { sym: pos[0] ?? null, sub: neg[0] ?? null, add };
}
