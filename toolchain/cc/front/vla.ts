// Variable length arrays (C11 6.7.6.2) and the stack space they live in.
//
// A variably modified array type carries `vlaSize`, a hidden local holding its size in bytes. Its bounds
// are parsed into `p.vlaPending` (count = n, then size = count * element size, inner dimensions before
// outer ones) and evaluated once, where the declaration is reached: a block declaration or typedef flushes
// them as statements, a cast or sizeof as a comma expression, a function definition at the start of its body.
// A VLA object is a hidden pointer to space taken from the stack by `alloca`; its name means `*ptr`. Each
// VLA object first saves the stack pointer; leaving its scope (falling off the block, break, continue,
// goto out) restores the pointer saved by the outermost VLA being left, so a loop declaring a VLA per
// iteration runs in constant stack. Jumping into the scope of a VLA (goto, switch) is an error, as in gcc.
import type { Node, Obj } from './ast.js';
import { CompileError } from '../diagnostics.js';
import type { Parser } from './parse-state.js';
import type { Token } from './tokenize.js';
import { Type, arrayOf, pointerTo, sizeOf, ty } from './types.js';

function hiddenLocal(name: string, t: Type, tok: Token): Obj {
  return { name, ty: t, tok, isLocal: true, isFunction: false, isDefinition: true, isStatic: false, align: 4, uses: 1 };
}

function varOf(o: Obj, tok: Token): Node {
  return { kind: 'var', tok, ty: o.ty, obj: o };
}

function assignTo(o: Obj, value: Node, tok: Token): Node {
  return { kind: 'assign', tok, ty: o.ty, lhs: varOf(o, tok), rhs: value };
}

function toUint(n: Node): Node {
  if (n.ty === ty.uint) return n;
  if (n.kind === 'num') return { kind: 'num', tok: n.tok, ty: ty.uint, val: BigInt.asUintN(32, n.val!) };
  return { kind: 'cast', tok: n.tok, ty: ty.uint, lhs: n };
}

/** True when `t` is (or points to, or is an array of) a variable length array. */
export function isVariablyModified(t: Type): boolean {
  for (let x: Type | undefined = t; x; x = x.kind === 'ptr' || x.kind === 'array' ? x.base : undefined) {
    if (x.vlaSize) return true;
    if (x.kind === 'func') return false;
  }
  return false;
}

/** The size in bytes of `t` as an expression of type unsigned int (run time for a VLA type). */
export function sizeNode(t: Type, tok: Token): Node {
  if (t.vlaSize) return varOf(t.vlaSize, tok);
  return { kind: 'num', tok, ty: ty.uint, val: BigInt(t.kind === 'void' || t.kind === 'func' ? 1 : sizeOf(t)) };
}

/**
 * A dimension `[n]` whose bound is not a constant: queues `count = n` (evaluated before any inner
 * dimension) and returns the hidden count. `[*]` (prototype scope only) has no count.
 */
export function vlaBound(p: Parser, e: Node | null, tok: Token): Obj | null {
  if (!e) {
    if (p.paramDepth === 0) throw p.error("'[*]' not allowed in other than function prototype scope", tok);
    return null;
  }
  const count = hiddenLocal('vla.count', ty.uint, tok);
  p.vlaPending.push({ obj: count, init: assignTo(count, toUint(e), tok) });
  return count;
}

/** The array type of `count` (a hidden bound, or a constant length) elements of `elem`, variably modified. */
export function vlaArray(p: Parser, count: Obj | number | null, elem: Type, tok: Token): Type {
  const t = arrayOf(elem, 0);
  const size = hiddenLocal('vla.size', ty.uint, tok);
  t.vlaSize = size;
  if (count === null) return t; // [*]: never evaluated
  const n = typeof count === 'number' ? { kind: 'num', tok, ty: ty.uint, val: BigInt(count) } as Node : varOf(count, tok);
  const product: Node = { kind: 'mul', tok, ty: ty.uint, lhs: n, rhs: sizeNode(elem, tok) };
  p.vlaPending.push({ obj: size, init: assignTo(size, product, tok) });
  return t;
}

/** Evaluates the pending VLA bounds: their assignments as one comma expression, or null when none. */
export function flushVla(p: Parser): Node | null {
  const pending = p.vlaPending;
  if (pending.length === 0) return null;
  p.vlaPending = [];
  let n: Node | null = null;
  for (const { obj, init } of pending) {
    if (p.curFn) p.locals.push(obj);
    n = n ? { kind: 'comma', tok: init.tok, ty: init.ty, lhs: n, rhs: init } : init;
  }
  return p.curFn ? n : null;
}

/** `e` preceded by the pending VLA bounds (for type names inside expressions: casts, sizeof). */
export function withVlaBounds(p: Parser, e: Node): Node {
  const b = flushVla(p);
  return b ? { kind: 'comma', tok: e.tok, ty: e.ty, lhs: b, rhs: e } : e;
}

/** The pending VLA bounds as a statement list (block declarations, typedefs). */
export function vlaBoundStmts(p: Parser, out: Node[]): void {
  const b = flushVla(p);
  if (b) out.push({ kind: 'expr_stmt', tok: b.tok, lhs: b });
}

/**
 * Declares the VLA object `name` of type `t` in the current block: saves the stack pointer, takes the
 * space, and returns the statements doing it (after the bounds). Uses of the name go through obj.vlaPtr.
 */
export function declareVlaObject(p: Parser, t: Type, name: Token, out: Node[]): Obj {
  vlaBoundStmts(p, out);
  const saved = hiddenLocal('vla.sp', pointerTo(ty.void), name);
  const ptr = hiddenLocal(`${name.text}.vla`, pointerTo(t), name);
  p.locals.push(saved, ptr);
  const obj: Obj = { name: name.text, ty: t, tok: name, isLocal: true, isFunction: false, isDefinition: true, isStatic: false, align: t.align, vlaPtr: ptr };
  const save: Node = { kind: 'stack_save', tok: name, ty: saved.ty };
  const space: Node = { kind: 'alloca', tok: name, ty: pointerTo(ty.void), lhs: sizeNode(t, name) };
  out.push({ kind: 'expr_stmt', tok: name, lhs: assignTo(saved, save, name) });
  out.push({ kind: 'expr_stmt', tok: name, lhs: assignTo(ptr, { kind: 'cast', tok: name, ty: ptr.ty, lhs: space }, name) });
  p.vlaStack.push(saved);
  return obj;
}

/** A use of VLA object `o`: the array `*o.vlaPtr`. */
export function vlaUse(o: Obj, tok: Token): Node {
  return { kind: 'deref', tok, ty: o.ty, lhs: varOf(o.vlaPtr!, tok) };
}

/** A statement giving back the stack space of every VLA from `vlaStack[depth]` on. */
export function restoreStmt(p: Parser, depth: number, tok: Token): Node {
  const saved = p.vlaStack[depth];
  return { kind: 'expr_stmt', tok, lhs: { kind: 'stack_restore', tok, ty: ty.void, lhs: varOf(saved, tok) } };
}

/** Ends a scope opened at VLA depth `depth`: appends the restore to `body` and forgets the scope's VLAs. */
export function closeVlaScope(p: Parser, depth: number, body: Node[], tok: Token): void {
  if (p.vlaStack.length <= depth) return;
  body.push(restoreStmt(p, depth, tok));
  p.vlaStack.length = depth;
}

/** A jump (break, continue) to a label made at VLA depth `label`'s: restores the stack first when leaving VLAs. */
export function jumpOut(p: Parser, jump: Node, label: string): Node {
  const depth = p.labelVlaDepth.get(label) ?? 0;
  if (p.vlaStack.length <= depth) return jump;
  return { kind: 'block', tok: jump.tok, body: [restoreStmt(p, depth, jump.tok), jump] };
}

/** The VLAs in scope, for a goto or a label (undefined when none, the usual case). */
export function vlaScopeHere(p: Parser): Obj[] | undefined {
  return p.vlaStack.length > 0 ? p.vlaStack.slice() : undefined;
}

/**
 * Checks a resolved goto against its label's VLA scope: jumping into a VLA's scope is an error; leaving
 * VLAs turns the goto into a restore followed by the jump.
 */
export function checkGotoScope(g: Node, label: Node): void {
  const from = g.vlaScope ?? [];
  const to = label.vlaScope ?? [];
  if (to.length > from.length || to.some((o, i) => from[i] !== o)) {
    throw new CompileError('jump into scope of identifier with variably modified type', g.tok);
  }
  if (from.length === to.length) return;
  const saved = from[to.length];
  const jump: Node = { kind: 'goto', tok: g.tok, label: g.label, uniqueLabel: g.uniqueLabel };
  const restore: Node = { kind: 'expr_stmt', tok: g.tok, lhs: { kind: 'stack_restore', tok: g.tok, ty: ty.void, lhs: varOf(saved, g.tok) } };
  g.kind = 'block';
  g.body = [restore, jump];
}

/** A case or default label: a switch may not jump past a VLA declaration. */
export function checkCaseScope(p: Parser, sw: Node, tok: Token): void {
  if (p.vlaStack.length > (p.labelVlaDepth.get(sw.breakLabel!) ?? 0)) {
    throw new CompileError('switch jumps into scope of identifier with variably modified type', tok);
  }
}

export { CompileError };
