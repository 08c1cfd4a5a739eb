// Statements and block-scope declarations.
import { asmStatement, registerName } from './asm.js';
import type { Node } from './ast.js';
import { constExpr, wrap } from './fold.js';
import { AUTO_TYPE, NO_ATTRIBUTES, attributes, declAttrs, declarator, declspec, isTypename, newAttr, staticAssert } from './parse-decl.js';
import { applyDeclAttrs } from './attributes.js';
import { assign, expr } from './parse-expr.js';
import { globalInitializer, localInitializer } from './parse-init.js';
import { Parser, VarAttr } from './parse-state.js';
import { declareFunction, newLocal, newStaticLocal, findOrDeclareExtern } from './parse.js';
import { checkCondition, convertForAssign, decayed, newCast } from './sema.js';
import type { Token } from './tokenize.js';
import { checkCaseScope, closeVlaScope, declareVlaObject, flushVla, isVariablyModified, jumpOut, vlaBoundStmts, vlaScopeHere } from './vla.js';
import { Type, alignOf, copyType, isComplete, isInteger, isRecord, promote, ty, typeName } from './types.js';

/** compound-stmt = (typedef | declaration | stmt)* "}"   (the "{" is consumed by the caller) */
export function compoundStmtBody(p: Parser, isStmtExpr = false): Node {
  const tok = p.toks[p.pos - 1];
  // a statement expression's VLAs stay allocated until the enclosing block ends (its value may use them)
  const vlaDepth = p.vlaStack.length;
  const body: Node[] = [];
  p.enterScope();
  while (!p.is('}')) {
    if (p.tok.kind === 'eof') throw p.expectedError("'}'");
    if (p.is('_Static_assert')) {
      staticAssert(p);
      continue;
    }
    if (p.is('__attribute__') && attributeStatement(p)) continue;
    if (isTypename(p) && p.peekAt(1).text !== ':') {
      const attr = newAttr();
      const base = declspec(p, attr);
      if (attr.isTypedef) {
        typedefDecl(p, base, body, attr);
        continue;
      }
      body.push(declaration(p, base, attr));
      continue;
    }
    body.push(stmt(p));
  }
  if (!isStmtExpr) closeVlaScope(p, vlaDepth, body, p.tok);
  p.leaveScope();
  p.advance();
  return { kind: 'block', tok, body };
}

/** typedef = declarator ("," declarator)* ";" */
export function typedefDecl(p: Parser, base: Type, out: Node[] | null = null, attr: VarAttr | null = null): void {
  let first = true;
  while (!p.consume(';')) {
    if (!first) p.expect(',');
    first = false;
    const d = declarator(p, base);
    if (!d.name) throw p.error('typedef name omitted', p.tok);
    // a VLA typedef's size is fixed here, where the typedef is reached
    if (out) vlaBoundStmts(p, out);
    else if (isVariablyModified(d.type)) throw p.error(`variably modified '${d.name.text}' at file scope`, d.name);
    const aligned = Math.max(attr?.align ?? 0, d.attrs?.aligned ?? 0, attributes(p).aligned);
    if (aligned > alignOf(d.type) && !d.type.record) d.type = { ...copyType(d.type), align: aligned }; // typedef int a16 __attribute__((aligned(16)))
    const prev = p.scope.vars.get(d.name.text);
    if (prev && !prev.typedef) throw p.error(`'${d.name.text}' redeclared as different kind of symbol`, d.name);
    p.declare(d.name.text, { typedef: d.type });
    p.typedefs.push({ name: d.name.text, type: d.type });
  }
}

/** declaration = declspec (declarator ("=" initializer)? ("," declarator ("=" initializer)?)*)? ";" */
function declaration(p: Parser, base: Type, attr: VarAttr): Node {
  if (base === AUTO_TYPE) return autoTypeDeclaration(p, attr);
  const tok = p.tok;
  const body: Node[] = [];
  let first = true;
  while (!p.consume(';')) {
    if (!first && !p.consume(',')) throw p.expectedError("',' or ';'");
    first = false;
    const d = declarator(p, base);
    const name = d.name!;
    let t = d.type;
    if (t.kind === 'func') {
      flushVla(p); // a prototype's bounds are not evaluated
      declareFunction(p, t, name, attr, false);
      continue;
    }
    if (t.kind === 'void') throw p.error(`variable or field '${name.text}' declared void`, name);
    const prev = p.scope.vars.get(name.text);
    if (prev && !(attr.isExtern && prev.obj && !prev.obj.isLocal)) throw p.error(`redeclaration of '${name.text}' with no linkage`, name);
    if (isVariablyModified(t)) {
      if (attr.isStatic && t.vlaSize) throw p.error(`storage size of '${name.text}' isn't constant`, name);
      if (attr.isStatic || attr.isExtern) throw p.error(`object with variably modified type must have no linkage`, name);
      if (t.vlaSize) {
        p.declare(name.text, { obj: declareVlaObject(p, t, name, body) });
        attributes(p);
        if (p.is('=')) throw p.error('variable-sized object may not be initialized', p.tok);
        continue;
      }
      vlaBoundStmts(p, body);
    }
    if (attr.isExtern) {
      findOrDeclareExtern(p, t, name);
      continue;
    }
    if (attr.isStatic) {
      const v = newStaticLocal(p, t, name, attr);
      const gnu = declAttrs(attr, d, attributes(p));
      applyDeclAttrs(p, v, gnu, name);
      if (p.consume('=')) globalInitializer(p, v);
      else if (!isComplete(v.ty)) throw p.error(`storage size of '${name.text}' isn't known`, name);
      continue;
    }
    const v = newLocal(p, t, name, attr.align);
    if (p.is('asm')) v.asmReg = registerName(p);
    const after = attributes(p);
    if (attr.gnu || d.attrs || after !== NO_ATTRIBUTES) applyDeclAttrs(p, v, declAttrs(attr, d, after), name);
    if (p.is('=')) {
      const eq = p.advance();
      body.push({ kind: 'expr_stmt', tok: eq, lhs: localInitializer(p, v, eq) });
      t = v.ty;
    }
    if (!isComplete(v.ty)) {
      throw p.error(v.ty.kind === 'array' ? `array size missing in '${name.text}'` : `storage size of '${name.text}' isn't known`, name);
    }
  }
  return { kind: 'block', tok, body };
}

/** auto-type-declaration = "__auto_type" ident attribute? "=" assign ";"   (GNU: the initializer's type) */
function autoTypeDeclaration(p: Parser, attr: VarAttr): Node {
  const name = p.tok;
  if (name.kind !== 'ident') throw p.expectedError('identifier');
  p.advance();
  attributes(p);
  if (!p.is('=')) throw p.error("'__auto_type' requires an initialized data declaration", name);
  const eq = p.advance();
  const init = assign(p);
  if (p.is(',')) throw p.error("'__auto_type' may only be used with a single declarator", p.tok);
  p.expect(';');
  if (attr.isStatic || attr.isExtern) throw p.error(`'__auto_type' with '${attr.isStatic ? 'static' : 'extern'}' is not supported by pagoda cc`, name);
  const t = decayed(init.ty!);
  if (t.kind === 'void') throw p.error(`variable or field '${name.text}' declared void`, name);
  if (p.scope.vars.get(name.text)) throw p.error(`redeclaration of '${name.text}' with no linkage`, name);
  const v = newLocal(p, t, name, attr.align);
  const target: Node = { kind: 'var', tok: name, ty: t, obj: v };
  return { kind: 'expr_stmt', tok: eq, lhs: { kind: 'assign', tok: eq, ty: t, lhs: target, rhs: newCast(init, t) } };
}

/**
 * stmt = "return" expr? ";" | "if" "(" expr ")" stmt ("else" stmt)? | "switch" "(" expr ")" stmt
 *      | "case" const-expr ("..." const-expr)? ":" stmt | "default" ":" stmt
 *      | "for" "(" (declaration | expr-stmt) expr? ";" expr? ")" stmt | "while" "(" expr ")" stmt
 *      | "do" stmt "while" "(" expr ")" ";" | "goto" ident ";" | "break" ";" | "continue" ";"
 *      | ident ":" stmt | "{" compound-stmt | "asm" "(" string ")" ";" | expr-stmt
 */
export function stmt(p: Parser): Node {
  p.enter(p.tok);
  const n = stmtNested(p);
  p.leave();
  return n;
}

function stmtNested(p: Parser): Node {
  const tok = p.tok;
  if (tok.kind === 'keyword') {
    switch (tok.text) {
      case 'return': return returnStmt(p);
      case 'if': {
        p.advance();
        p.expect('(');
        const cond = checkCondition(expr(p));
        p.expect(')');
        const then = stmt(p);
        const els = p.consume('else') ? stmt(p) : undefined;
        return { kind: 'if', tok, cond, then, els };
      }
      case 'switch': return switchStmt(p);
      case 'case': return caseStmt(p);
      case 'default': {
        p.advance();
        p.expect(':');
        const sw = p.curSwitch;
        if (!sw) throw p.error("'default' label not within a switch statement", tok);
        if (sw.defaultCase) throw p.error('multiple default labels in one switch', tok);
        checkCaseScope(p, sw, tok);
        const n: Node = { kind: 'case', tok, label: p.newLabel('case') };
        sw.defaultCase = n;
        n.lhs = stmtAfterLabel(p);
        return n;
      }
      case 'for': return forStmt(p);
      case 'while': {
        p.advance();
        p.expect('(');
        const cond = checkCondition(expr(p));
        p.expect(')');
        return loop(p, { kind: 'for', tok, cond });
      }
      case 'do': {
        p.advance();
        const n: Node = { kind: 'do', tok };
        const [brk, cont] = [p.breakLabel, p.continueLabel];
        n.breakLabel = p.breakLabel = p.newLabel('brk');
        n.continueLabel = p.continueLabel = p.newLabel('cont');
        p.loopDepth++;
        n.then = stmt(p);
        p.expect('while');
        p.expect('(');
        n.cond = checkCondition(expr(p));
        p.loopDepth--;
        p.expect(')');
        p.expect(';');
        [p.breakLabel, p.continueLabel] = [brk, cont];
        return n;
      }
      case 'goto': {
        p.advance();
        if (p.consume('*')) {
          // GNU computed goto: to an address taken with &&label
          const target = expr(p);
          p.expect(';');
          if (decayed(target.ty!).kind !== 'ptr') throw p.error('computed goto must be pointer type', target.tok);
          return { kind: 'goto_expr', tok, lhs: target };
        }
        const label = p.tok;
        if (label.kind !== 'ident') throw p.expectedError('identifier');
        p.advance();
        p.expect(';');
        const n: Node = { kind: 'goto', tok: label, label: label.text, vlaScope: vlaScopeHere(p) };
        p.gotos.push(n);
        return n;
      }
      case 'break': {
        p.advance();
        if (!p.breakLabel) throw p.error('break statement not within loop or switch', tok);
        p.expect(';');
        return jumpOut(p, { kind: 'goto', tok, uniqueLabel: p.breakLabel }, p.breakLabel);
      }
      case 'continue': {
        p.advance();
        if (!p.continueLabel) throw p.error('continue statement not within a loop', tok);
        p.expect(';');
        return jumpOut(p, { kind: 'goto', tok, uniqueLabel: p.continueLabel }, p.continueLabel);
      }
      case 'asm': return asmStatement(p);
    }
  }
  if (tok.kind === 'ident' && p.peekAt(1).text === ':' && p.peekAt(1).kind === 'punct') {
    p.advance();
    p.advance();
    if (p.labels.has(tok.text)) throw p.error(`duplicate label '${tok.text}'`, tok);
    const n: Node = { kind: 'label', tok, label: tok.text, uniqueLabel: p.labelId(tok.text), vlaScope: vlaScopeHere(p) };
    p.labels.set(tok.text, n);
    n.lhs = stmtAfterLabel(p);
    return n;
  }
  if (p.is('{')) {
    p.advance();
    return compoundStmtBody(p);
  }
  if (p.consume(';')) return { kind: 'block', tok, body: [] };
  const e = expr(p);
  if (!p.is(';')) throw p.expectedError("';'");
  p.advance();
  return { kind: 'expr_stmt', tok, lhs: e };
}

/**
 * `__attribute__((fallthrough));` and other attribute lists standing alone before ';': consumed (true);
 * false, with the cursor unmoved, when the list begins a declaration.
 */
function attributeStatement(p: Parser): boolean {
  let i = p.pos;
  while (p.toks[i].text === '__attribute__' && p.toks[i].kind === 'keyword') {
    let depth = 0;
    i++;
    do {
      const t = p.toks[i++];
      if (t.kind === 'eof') return false;
      if (t.text === '(' && t.kind === 'punct') depth++;
      else if (t.text === ')' && t.kind === 'punct') depth--;
    } while (depth > 0);
  }
  if (!(p.toks[i].text === ';' && p.toks[i].kind === 'punct')) return false;
  attributes(p);
  p.advance();
  return true;
}

/** A label may precede a declaration in C23 and gcc; C11 needs a statement: accept both. A label's own
 * attributes (`l: __attribute__((unused));`) come first. */
function stmtAfterLabel(p: Parser): Node {
  if (p.is('__attribute__')) {
    if (attributeStatement(p)) return { kind: 'block', tok: p.tok, body: [] };
    const save = p.pos;
    attributes(p);
    if (isTypename(p)) p.pos = save; // attributes of a declaration after the label: let it parse them
  }
  if (p.is('}')) return { kind: 'block', tok: p.tok, body: [] };
  if (isTypename(p) && p.peekAt(1).text !== ':') {
    const attr = newAttr();
    const base = declspec(p, attr);
    if (attr.isTypedef) {
      const body: Node[] = [];
      typedefDecl(p, base, body);
      return { kind: 'block', tok: p.tok, body };
    }
    return declaration(p, base, attr);
  }
  return stmt(p);
}

function returnStmt(p: Parser): Node {
  const tok = p.advance();
  const fn = p.curFn!;
  const rt = fn.ty.returnType!;
  if (p.consume(';')) {
    if (rt.kind !== 'void') p.warn(`'return' with no value, in function returning non-void`, tok);
    return { kind: 'return', tok };
  }
  const e = expr(p);
  if (!p.is(';')) throw p.expectedError("';'");
  p.advance();
  if (rt.kind === 'void') {
    if (e.ty!.kind !== 'void') p.warn(`'return' with a value, in function returning void`, tok);
    return { kind: 'return', tok, lhs: e };
  }
  if (isRecord(rt)) {
    if (!isRecord(e.ty!) || e.ty!.record !== rt.record) throw p.error(`incompatible types when returning type '${typeName(e.ty!)}' but '${typeName(rt)}' was expected`, e.tok);
    return { kind: 'return', tok, lhs: e };
  }
  return { kind: 'return', tok, lhs: convertForAssign(e, rt, e.tok, 'returning', (m, t) => p.warn(m.replace(/^returning/, 'returning'), t)) };
}

function switchStmt(p: Parser): Node {
  const tok = p.advance();
  p.expect('(');
  let cond = expr(p);
  p.expect(')');
  if (!isInteger(cond.ty!)) throw p.error('switch quantity not an integer', cond.tok);
  cond = newCast(cond, promote(cond.ty!));
  const n: Node = { kind: 'switch', tok, cond, cases: [] };
  const [sw, brk] = [p.curSwitch, p.breakLabel];
  p.curSwitch = n;
  n.breakLabel = p.breakLabel = p.newLabel('brk');
  n.then = stmt(p);
  [p.curSwitch, p.breakLabel] = [sw, brk];
  return n;
}

function caseStmt(p: Parser): Node {
  const tok = p.advance();
  const sw = p.curSwitch;
  if (!sw) throw p.error('case label not within a switch statement', tok);
  const ct = sw.cond!.ty!;
  const lo = wrap(constExpr(expr(p)), ct);
  let hi = lo;
  const isRange = p.consume('...');
  if (isRange) hi = wrap(constExpr(expr(p)), ct);
  p.expect(':');
  checkCaseScope(p, sw, tok);
  const n: Node = { kind: 'case', tok, label: p.newLabel('case'), caseLo: lo, caseHi: hi };
  if (hi < lo) p.warn('empty range specified', tok); // gcc: the label stays, no value reaches it
  else {
    for (const c of sw.cases!) {
      if (!(hi < c.caseLo! || lo > c.caseHi!)) throw p.error(isRange ? 'duplicate (or overlapping) case value' : 'duplicate case value', tok);
    }
    sw.cases!.push(n);
  }
  n.lhs = stmtAfterLabel(p);
  return n;
}

function forStmt(p: Parser): Node {
  const tok = p.advance();
  p.expect('(');
  p.enterScope();
  const vlaDepth = p.vlaStack.length;
  const n: Node = { kind: 'for', tok };
  if (isTypename(p)) {
    const attr = newAttr();
    const base = declspec(p, attr);
    n.init = declaration(p, base, attr);
  } else if (!p.consume(';')) {
    const e = expr(p);
    p.expect(';');
    n.init = { kind: 'expr_stmt', tok: e.tok, lhs: e };
  }
  p.loopDepth++;
  if (!p.is(';')) n.cond = checkCondition(expr(p));
  p.expect(';');
  if (!p.is(')')) n.inc = expr(p);
  p.expect(')');
  p.loopDepth--;
  const r = loop(p, n);
  p.leaveScope();
  if (p.vlaStack.length > vlaDepth) {
    // VLAs declared in the for's first clause live until the loop ends
    const body = [r];
    closeVlaScope(p, vlaDepth, body, tok);
    return { kind: 'block', tok, body };
  }
  return r;
}

/** Parses a loop body with fresh break/continue labels. */
function loop(p: Parser, n: Node): Node {
  const [brk, cont] = [p.breakLabel, p.continueLabel];
  n.breakLabel = p.breakLabel = p.newLabel('brk');
  n.continueLabel = p.continueLabel = p.newLabel('cont');
  p.loopDepth++;
  n.then = stmt(p);
  p.loopDepth--;
  [p.breakLabel, p.continueLabel] = [brk, cont];
  return n;
}

export type { Token };
export { ty };
