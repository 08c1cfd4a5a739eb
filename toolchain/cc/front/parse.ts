// Stage 3: tokens -> AST for one translation unit. Top level: function definitions, global variables,
// typedefs; plus the object factories (locals, temporaries, statics) the other parse-* modules use.
import type { Node, Obj, Program } from './ast.js';
import { toplevelAsm } from './asm.js';
import { Diagnostics } from '../diagnostics.js';
import { AUTO_TYPE, NO_ATTRIBUTES, attributes, declAttrs, declarator, declspec, isTypename, newAttr, staticAssert } from './parse-decl.js';
import { Attrs, applyDeclAttrs } from './attributes.js';
import { globalInitializer } from './parse-init.js';
import { Parser, VarAttr } from './parse-state.js';
import { compoundStmtBody, typedefDecl } from './parse-stmt.js';
import type { Token } from './tokenize.js';
import { checkGotoScope, flushVla, isVariablyModified, vlaBoundStmts } from './vla.js';
import { Type, alignOf, arrayOf, funcType, isCompatible, isComplete, isRecord, ty, typeName } from './types.js';

/** program = (typedef | function-definition | global-variable)* */
export function parse(toks: Token[], diags: Diagnostics, softFloat = false): Program {
  const p = new Parser(toks, diags);
  p.softFloat = softFloat;
  const asmTexts: string[] = [];
  while (p.tok.kind !== 'eof') {
    if (p.consume(';')) continue;
    if (p.is('_Static_assert')) {
      staticAssert(p);
      continue;
    }
    if (p.is('asm')) {
      asmTexts.push(toplevelAsm(p));
      continue;
    }
    const attr = newAttr();
    if (!isTypename(p)) {
      if (p.tok.kind === 'ident' && (p.peekAt(1).kind === 'ident' || p.peekAt(1).text === '*')) {
        throw p.error(`unknown type name '${p.tok.text}'`, p.tok);
      }
      if (p.tok.kind === 'ident' && p.peekAt(1).text === '(') {
        // K&R-style implicit int function definition
        p.warn(`return type defaults to 'int'`, p.tok);
      } else throw p.expectedError("identifier or '('");
    }
    const base = isTypename(p) ? declspec(p, attr) : ty.int;
    if (base === AUTO_TYPE) throw p.error("'__auto_type' at file scope is not supported by pagoda cc", p.tok);
    if (attr.isTypedef) {
      typedefDecl(p, base, null, attr);
      continue;
    }
    if (p.consume(';')) continue; // struct/enum declaration only
    topLevelDeclarators(p, base, attr);
  }
  for (const g of p.globals) {
    if (!g.isFunction && !g.isDefinition && !g.isExtern && !g.initData) g.isTentative = true;
    if (!g.isFunction && g.isDefinition && !isComplete(g.ty) && !g.isExtern) {
      if (g.ty.kind === 'array' && g.ty.arrayLen! < 0) g.ty = arrayOf(g.ty.base!, 1); // int a[]; means a[1]
      else throw p.error(`storage size of '${g.name}' isn't known`, g.tok);
    }
  }
  return { globals: p.globals, strings: p.strings, toplevelAsm: asmTexts, typedefs: p.typedefs };
}

function topLevelDeclarators(p: Parser, base: Type, attr: VarAttr): void {
  let first = true;
  while (!p.consume(';')) {
    if (!first && !p.consume(',')) throw p.expectedError("',' or ';'");
    const d = declarator(p, base);
    const after = attributes(p);
    const name = d.name!;
    flushVla(p); // bounds at file scope are never evaluated: such a declaration is refused below
    if (d.type.kind !== 'func' && isVariablyModified(d.type)) throw p.error(`variably modified '${name.text}' at file scope`, name);
    const gnu = attr.gnu || d.attrs || after !== NO_ATTRIBUTES ? declAttrs(attr, d, after) : null;
    if (d.type.kind === 'func') {
      if (first && p.is('{')) {
        const f = declareFunction(p, d.type, name, attr, false);
        if (gnu) applyDeclAttrs(p, f, gnu, name);
        functionDefinition(p, d.type, name, attr);
        return;
      }
      const f = declareFunction(p, d.type, name, attr, false);
      if (gnu) applyDeclAttrs(p, f, gnu, name);
      first = false;
      continue;
    }
    first = false;
    const v = globalVariable(p, d.type, name, attr, gnu);
    if (gnu) applyDeclAttrs(p, v, gnu, name);
  }
}


function globalVariable(p: Parser, t: Type, name: Token, attr: VarAttr, gnu: Attrs | null): Obj {
  if (t.kind === 'void') throw p.error(`variable or field '${name.text}' declared void`, name);
  const prev = p.scope.vars.get(name.text);
  let v: Obj;
  if (prev && prev.obj && !prev.obj.isFunction) {
    v = prev.obj;
    if (!isCompatible(v.ty, t)) throw p.error(`conflicting types for '${name.text}'; have '${typeName(t)}'`, name);
    if (v.ty.kind === 'array' && v.ty.arrayLen! < 0) v.ty = t;
    if (attr.isStatic) v.isStatic = true;
  } else {
    if (prev) throw p.error(`'${name.text}' redeclared as different kind of symbol`, name);
    v = newGlobal(p, t, name, attr);
  }
  if (!attr.isExtern) {
    v.isDefinition = true;
    v.isExtern = false;
  }
  v.align = Math.max(v.align, attr.align);
  if (p.consume('=')) {
    if (v.initData) throw p.error(`redefinition of '${name.text}'`, name);
    if (gnu?.alias !== undefined || v.attrs?.alias !== undefined) throw p.error(`'${name.text}' defined both normally and as 'alias' attribute`, name);
    v.isDefinition = true;
    v.isExtern = false;
    globalInitializer(p, v);
  }
  return v;
}

function newGlobal(p: Parser, t: Type, name: Token, attr: VarAttr): Obj {
  const v: Obj = {
    name: name.text, ty: t, tok: name, isLocal: false, isFunction: false, isDefinition: !attr.isExtern,
    isStatic: attr.isStatic, isExtern: attr.isExtern, align: Math.max(alignOf(t), attr.align),
  };
  p.globals.push(v);
  rootScope(p).vars.set(name.text, { obj: v });
  if (!p.atFileScope) p.declare(name.text, { obj: v });
  return v;
}

function rootScope(p: Parser): Parser['scope'] {
  let s = p.scope;
  while (s.parent) s = s.parent;
  return s;
}

/** `extern T name;` at block scope: refers to the file-scope object. */
export function findOrDeclareExtern(p: Parser, t: Type, name: Token): Obj {
  const g = rootScope(p).vars.get(name.text);
  if (g?.obj) {
    p.declare(name.text, { obj: g.obj });
    return g.obj;
  }
  const attr = newAttr();
  attr.isExtern = true;
  const v = newGlobal(p, t, name, attr);
  p.declare(name.text, { obj: v });
  return v;
}

/** Declares (or re-declares) a function; checks the types agree with an earlier declaration. */
export function declareFunction(p: Parser, t: Type, name: Token, attr: VarAttr, isDefinition: boolean): Obj {
  const prev = rootScope(p).vars.get(name.text) ?? p.findVar(name.text);
  if (prev && prev.obj) {
    const f = prev.obj;
    if (!f.isFunction) throw p.error(`'${name.text}' redeclared as different kind of symbol`, name);
    if (!isCompatible(f.ty, t)) throw p.error(`conflicting types for '${name.text}'; have '${typeName(t)}'`, name);
    if (isDefinition && f.isDefinition) throw p.error(`redefinition of '${name.text}'`, name);
    if (!t.oldStyle || f.ty.oldStyle) f.ty = t;
    if (attr.isStatic) f.isStatic = true;
    if (attr.isInline) f.isInline = true;
    if (attr.isExtern) f.isExtern = true;
    if (!p.atFileScope) p.declare(name.text, { obj: f });
    return f;
  }
  if (prev && (prev.typedef || prev.enumType)) {
    if (p.atFileScope) throw p.error(`'${name.text}' redeclared as different kind of symbol`, name);
  }
  const f: Obj = {
    name: name.text, ty: t, tok: name, isLocal: false, isFunction: true, isDefinition: false,
    isStatic: attr.isStatic, isInline: attr.isInline, isExtern: attr.isExtern, align: 4, refs: undefined,
  };
  p.globals.push(f);
  rootScope(p).vars.set(name.text, { obj: f });
  if (!p.atFileScope) p.declare(name.text, { obj: f });
  return f;
}

/** Implicit declaration `int name()` (C89 rule gcc still applies, with a warning). */
export function declareImplicitFunction(p: Parser, name: Token): Obj {
  const t = funcType(ty.int);
  t.oldStyle = true;
  return declareFunction(p, t, name, newAttr(), false);
}

/** function-definition = declspec declarator "{" compound-stmt */
function functionDefinition(p: Parser, t: Type, name: Token, attr: VarAttr): void {
  const f = declareFunction(p, t, name, attr, true);
  f.isDefinition = true;
  f.ty = t;
  f.tok = name;
  if (t.returnType!.kind !== 'void' && isRecord(t.returnType!) && !isComplete(t.returnType!)) {
    throw p.error(`return type is an incomplete type`, name);
  }
  p.curFn = f;
  p.locals = [];
  p.gotos = [];
  p.labels.clear(); // one map reused: labels are resolved before the next function starts
  p.labelIds.clear();
  p.enterScope();
  f.params = [];
  let k = 0;
  t.params!.forEach((pt, i) => {
    const pn = t.paramNames![i];
    if (!pn) throw p.error('parameter name omitted', name);
    if (isRecord(pt) && !isComplete(pt)) throw p.error(`parameter ${i + 1} ('${pn.text}') has incomplete type`, pn);
    const obj = t.paramObjs?.[k++];
    if (obj) {
      p.locals.push(obj);
      p.declare(pn.text, new VarEntry(obj));
      f.params!.push(obj);
    } else f.params!.push(newLocal(p, pt, pn, 0));
  });
  const open = p.expect('{');
  f.body = compoundStmtBody(p);
  f.body.tok = open;
  if (t.vlaInits) {
    // the parameters' VLA bounds, evaluated on entry
    p.vlaPending = t.vlaInits;
    vlaBoundStmts(p, f.body.body!);
    f.body.body!.unshift(f.body.body!.pop()!);
  }
  p.leaveScope();
  resolveGotos(p);
  f.locals = p.locals;
  p.curFn = null;
}

function resolveGotos(p: Parser): void {
  for (const g of p.gotos) {
    const l = p.labels.get(g.label!);
    if (!l) throw p.error(`label '${g.label}' used but not defined`, g.tok);
    g.uniqueLabel = l.uniqueLabel;
    if (g.kind === 'goto' && (g.vlaScope || l.vlaScope)) checkGotoScope(g, l);
  }
}

/** A named local variable of the current function. */
export function newLocal(p: Parser, t: Type, name: Token, align: number): Obj {
  const v: Obj = new LocalVar(name.text, t, name, Math.max(alignOf(t), align));
  if (t.isVolatile) v.addrTaken = true;
  p.locals.push(v);
  p.declare(name.text, new VarEntry(v));
  return v;
}

/** A parameter's object, made while its prototype is parsed (see funcParams). */
export function paramObj(t: Type, name: Token, align: number): Obj {
  const v: Obj = new LocalVar(name.text, t, name, Math.max(alignOf(t), align));
  if (t.isVolatile) v.addrTaken = true;
  return v;
}

/** A named local (constructed, not an object literal: see VarUse in parse-expr.ts). */
class LocalVar implements Obj {
  isLocal = true;
  isFunction = false;
  isDefinition = true;
  isStatic = false;
  uses = 0;
  constructor(
    public name: string,
    public ty: Type,
    public tok: Token,
    public align: number,
  ) {}
}

/** A scope entry naming a variable. */
class VarEntry {
  constructor(readonly obj: Obj) {}
}

/** An unnamed local (struct return buffers, compound literals, GNU ?: operands). */
export function newLocalTemp(p: Parser, t: Type): Obj {
  const v: Obj = {
    name: '', ty: t, tok: p.tok, isLocal: true, isFunction: false, isDefinition: true, isStatic: false,
    align: alignOf(t), uses: 0,
  };
  p.locals.push(v);
  return v;
}

/** `static T name` inside a function: a global with a unique assembler name. */
export function newStaticLocal(p: Parser, t: Type, name: Token, attr: VarAttr): Obj {
  const v: Obj = {
    name: `${name.text}.${p.nextStaticNumber()}`, ty: t, tok: name, isLocal: false, isFunction: false,
    isDefinition: true, isStatic: true, align: Math.max(alignOf(t), attr.align),
  };
  p.globals.push(v);
  p.declare(name.text, { obj: v });
  return v;
}

/** An anonymous static object (file-scope compound literals). */
export function newGlobalAnon(p: Parser, t: Type, tok: Token): Obj {
  const v: Obj = {
    name: `.Lanon.${p.nextStaticNumber()}`, ty: t, tok, isLocal: false, isFunction: false, isDefinition: true,
    isStatic: true, align: alignOf(t),
  };
  p.globals.push(v);
  return v;
}

/** `__func__`: a static char array holding the function's name, made on first use. */
export function funcNameVar(p: Parser, tok: Token): Obj | null {
  if (!p.curFn) return null;
  const name = p.curFn.name;
  const bytes = new TextEncoder().encode(name);
  const t = arrayOf({ ...ty.char, isConst: true, origin: ty.char }, bytes.length + 1);
  const v: Obj = {
    name: `__func__.${p.nextStaticNumber()}`, ty: t, tok, isLocal: false, isFunction: false, isDefinition: true,
    isStatic: true, align: 1, initData: new Uint8Array([...bytes, 0]), relocs: [],
  };
  p.globals.push(v);
  let s = p.scope;
  while (s.parent && s.parent.parent) s = s.parent; // function's outermost block scope
  s.vars.set('__func__', { obj: v });
  s.vars.set('__FUNCTION__', { obj: v });
  return v;
}

export type { Node };
