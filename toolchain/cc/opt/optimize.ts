// -O1 constant folding over the AST: every side-effect-free integer subexpression whose value is known
// at compile time becomes a constant (bottom-up, so each node is evaluated once its children are folded).
import type { Node, Obj } from '../front/ast.js';
import { tryEval, wrap } from '../front/fold.js';
import { floatConst } from '../front/sema.js';
import { isFloat, isInteger } from '../front/types.js';

const FOLDABLE = new Set([
  'add', 'sub', 'mul', 'div', 'mod', 'shl', 'shr', 'bitand', 'bitor', 'bitxor', 'eq', 'ne', 'lt', 'le',
  'neg', 'not', 'bitnot', 'logand', 'logor', 'cond', 'cast',
]);

/** Per function body folded: set when a call or inline assembly is met (see FoldFacts.mayCall). */
interface FoldState {
  sawCall: boolean;
}

function foldNode(n: Node | undefined, st: FoldState): Node | undefined {
  if (!n) return n;
  // Node objects come in many shapes, so every field read is a slow (megamorphic) one: the common kinds
  // read only the fields they have. Fields are written only when a child changed (adding properties
  // would change the node's hidden class; rewriting an unchanged one still costs a write barrier).
  switch (n.kind) {
    case 'num': case 'fnum': case 'var': case 'str':
      return n; // leaves (most nodes): nothing to fold
    case 'add': case 'sub': case 'mul': case 'div': case 'mod': case 'shl': case 'shr': case 'bitand':
    case 'bitor': case 'bitxor': case 'eq': case 'ne': case 'lt': case 'le': case 'logand': case 'logor':
    case 'assign': case 'opassign': case 'comma':
      { const c = n.lhs; if (c) { const k = foldNode(c, st); if (k !== c) n.lhs = k; } }
      { const c = n.rhs; if (c) { const k = foldNode(c, st); if (k !== c) n.rhs = k; } }
      break;
    case 'cast': case 'neg': case 'not': case 'bitnot': case 'deref': case 'addr': case 'member':
    case 'postinc': case 'preinc': case 'expr_stmt': case 'return':
      { const c = n.lhs; if (c) { const k = foldNode(c, st); if (k !== c) n.lhs = k; } }
      break;
    case 'call':
    case 'asm':
      st.sawCall = true;
      foldKids(n, st);
      break;
    default:
      foldKids(n, st);
  }
  if (FOLDABLE.has(n.kind) && n.ty && isInteger(n.ty) && kidsConstant(n)) {
    let c;
    try {
      c = tryEval(n);
    } catch {
      return n; // division by zero: leave it to run time, as gcc does
    }
    if (c && c.label === null) return { kind: 'num', tok: n.tok, ty: n.ty, val: c.val };
  }
  if (FOLDABLE.has(n.kind) && n.ty && isFloat(n.ty) && floatKidsConstant(n)) {
    const bits = floatConst(n);
    if (bits !== null) return { kind: 'fnum', tok: n.tok, ty: n.ty, fbits: bits };
  }
  const r = reassociate(n);
  if (r !== n) return r;
  if (n.kind === 'if' && n.cond!.kind === 'num') {
    // dead branch elimination keeps labels reachable through goto: only drop when no labels inside
    if (!hasLabel(n.cond!.val !== 0n ? n.els : n.then)) {
      const live = n.cond!.val !== 0n ? n.then! : n.els;
      return live ?? { kind: 'block', tok: n.tok, body: [] };
    }
  }
  return n;
}

/** Folds every child of any kind of node. */
function foldKids(n: Node, st: FoldState): void {
  { const c = n.lhs; if (c) { const k = foldNode(c, st); if (k !== c) n.lhs = k; } }
  { const c = n.rhs; if (c) { const k = foldNode(c, st); if (k !== c) n.rhs = k; } }
  { const c = n.cond; if (c) { const k = foldNode(c, st); if (k !== c) n.cond = k; } }
  { const c = n.then; if (c) { const k = foldNode(c, st); if (k !== c) n.then = k; } }
  { const c = n.els; if (c) { const k = foldNode(c, st); if (k !== c) n.els = k; } }
  { const c = n.init; if (c) { const k = foldNode(c, st); if (k !== c) n.init = k; } }
  { const c = n.inc; if (c) { const k = foldNode(c, st); if (k !== c) n.inc = k; } }
  if (n.body) for (let i = 0; i < n.body.length; i++) {
    const k = foldNode(n.body[i], st)!;
    if (k !== n.body[i]) n.body[i] = k;
  }
  if (n.args) for (let i = 0; i < n.args.length; i++) {
    const k = foldNode(n.args[i], st)!;
    if (k !== n.args[i]) n.args[i] = k;
  }
}

function is32Int(n: Node): boolean {
  return !!n.ty && isInteger(n.ty) && n.ty.size === 4;
}

/**
 * Moves constants outward so they end up as load/store offsets: (x + c1) * c2 -> x * c2 + c1 * c2, and
 * p + (x + c) -> (p + x) + c for pointer p (all modulo 2^32, so exact for the 32-bit types involved).
 */
function reassociate(n: Node): Node {
  if (n.kind === 'mul' && is32Int(n) && n.rhs!.kind === 'num' && n.lhs!.kind === 'add' && n.lhs!.rhs!.kind === 'num' && is32Int(n.lhs!)) {
    const x = n.lhs!.lhs!;
    const c = BigInt.asIntN(32, n.lhs!.rhs!.val! * n.rhs!.val!);
    const scaled: Node = { kind: 'mul', tok: n.tok, ty: n.ty, lhs: x, rhs: n.rhs };
    return { kind: 'add', tok: n.tok, ty: n.ty, lhs: scaled, rhs: { kind: 'num', tok: n.tok, ty: n.ty, val: wrap(c, n.ty!) } };
  }
  if (n.kind === 'add' && n.ty!.kind === 'ptr' && n.rhs!.kind === 'add' && is32Int(n.rhs!) && n.rhs!.rhs!.kind === 'num') {
    const inner: Node = { kind: 'add', tok: n.tok, ty: n.ty, lhs: n.lhs, rhs: n.rhs!.lhs };
    return { kind: 'add', tok: n.tok, ty: n.ty, lhs: inner, rhs: n.rhs!.rhs };
  }
  return n;
}

/** Floating node whose operands are already constants (integer or floating). */
function floatKidsConstant(n: Node): boolean {
  const k = (c: Node | undefined): boolean => !c || c.kind === 'fnum' || c.kind === 'num';
  if (n.kind === 'cond') return false;
  return k(n.lhs) && k(n.rhs);
}

/** Children already folded to constants (so evaluating this node is O(1)). */
function kidsConstant(n: Node): boolean {
  if (n.kind === 'cond') return n.cond!.kind === 'num';
  if (n.lhs && n.lhs.kind !== 'num') return false;
  if (n.kind === 'logand' || n.kind === 'logor') return true;
  return !n.rhs || n.rhs.kind === 'num';
}

function hasLabel(n: Node | undefined): boolean {
  if (!n) return false;
  if (n.kind === 'label' || n.kind === 'case') return true;
  return (
    hasLabel(n.lhs) || hasLabel(n.rhs) || hasLabel(n.then) || hasLabel(n.els) || hasLabel(n.init) ||
    (n.body ?? []).some(hasLabel)
  );
}

/** What folding learned about a unit, for code generation: which folded bodies may call. */
export class FoldFacts {
  /** Per function name (cheaper than object keys): the folded function and whether its body may call. */
  private readonly byName = new Map<string, { fn: Obj; mayCall: boolean }>();

  /** Records function `fn`'s folded body as holding a call or inline assembly, or not. */
  note(fn: Obj, mayCall: boolean): void {
    this.byName.set(fn.name, { fn, mayCall });
  }

  /**
   * False when function `fn`'s folded body holds no call node and no inline assembly (a leaf candidate);
   * undefined when the body was not folded. Code generation still checks the calls it emits.
   */
  mayCall(fn: Obj): boolean | undefined {
    const e = this.byName.get(fn.name);
    return e && e.fn === fn ? e.mayCall : undefined;
  }
}

/** Folds constants in every function body (and notes, while walking it anyway, which bodies may call). */
export function foldProgram(globals: Obj[]): FoldFacts {
  const facts = new FoldFacts();
  const st: FoldState = { sawCall: false };
  for (const g of globals) {
    if (!g.isFunction || !g.body) continue;
    st.sawCall = false;
    const body = foldNode(g.body, st)!;
    if (body !== g.body) g.body = body;
    facts.note(g, st.sawCall);
  }
  return facts;
}
