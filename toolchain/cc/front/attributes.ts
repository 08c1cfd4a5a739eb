// GNU `__attribute__((...))` lists: parsed wherever gcc accepts them (declaration specifiers, after a
// declarator, between pointer qualifiers, around struct/union/enum bodies, on members, labels and empty
// statements) into one record, then applied to what was declared.
// Honoured: packed, aligned(N) (N omitted: 16, the biggest alignment), section("name"), weak, alias("target"),
// constructor/destructor (optional priority: .init_array/.fini_array, run by crt0 and exit in order),
// used, visibility("..."); accepted without effect on the code: the attributes that only inform
// optimisation or warnings (noreturn, unused, always_inline, noinline, format, const, pure, ...).
// An attribute whose meaning we cannot honour (cleanup, mode, vector_size, ...) is an error, never a silent
// miscompile; an unknown one gets gcc's warning.
import type { Obj } from './ast.js';
import { constExpr } from './fold.js';
import type { Parser } from './parse-state.js';
import { conditional } from './parse-expr.js';
import type { Token } from './tokenize.js';

/** What one or more attribute lists asked for; fields absent unless given. */
export interface Attrs {
  packed: boolean;
  aligned: number;
  section?: string;
  weak?: boolean;
  alias?: string;
  /** Constructor/destructor priority (65535 when none was given: the plain .init_array). */
  ctor?: number;
  dtor?: number;
  used?: boolean;
  visibility?: string;
  noreturn?: boolean;
}

/** The attributes of a declared function or object that reach the assembly (ast.ts Obj.attrs). */
export type DeclAttrs = Pick<Attrs, 'section' | 'weak' | 'alias' | 'ctor' | 'dtor' | 'used' | 'visibility'>;

/** Accepted and ignored: they guide optimisation or diagnostics, never the meaning of the program. */
const INFORMATIVE = new Set([
  'noreturn', 'unused', 'always_inline', 'noinline', 'format', 'format_arg', 'const', 'pure', 'malloc', 'nonnull',
  'returns_nonnull', 'warn_unused_result', 'deprecated', 'unavailable', 'cold', 'hot', 'sentinel', 'nothrow', 'leaf',
  'flatten', 'noclone', 'noipa', 'no_instrument_function', 'fallthrough', 'alloc_size', 'alloc_align', 'access',
  'nonstring', 'designated_init', 'externally_visible', 'optimize', 'target', 'artificial', 'gnu_inline',
  'may_alias', 'no_reorder', 'warning', 'error', 'no_sanitize', 'no_sanitize_address', 'no_stack_protector',
  'noinit', 'common', 'nocommon', 'no_icf', 'assume_aligned', 'returns_twice', 'copy', 'retain', 'noplt',
  'no_split_stack', 'stack_protect', 'tainted_args', 'zero_call_used_regs',
  'tls_model',
]);

/** Attributes whose meaning the compiler cannot honour: refusing them beats silently miscompiling. */
const UNSUPPORTED = new Set(['cleanup', 'mode', 'vector_size', 'ifunc', 'weakref', 'naked', 'interrupt', 'transparent_union', 'scalar_storage_order', 'symver']);

/** The largest alignment an object may ask for: what the assembler's .p2align takes (2^16). */
const MAX_ALIGNMENT = 1 << 16;

/** Priorities 0-100 are reserved for the implementation (gcc warns; so do we). */
const DEFAULT_PRIORITY = 65535;

export function noAttrs(): Attrs {
  return { packed: false, aligned: 0 };
}

/** Parses every `__attribute__((...))` at the cursor into `into` (a fresh record when absent). */
export function parseAttributes(p: Parser, into: Attrs = noAttrs()): Attrs {
  while (p.is('__attribute__')) {
    p.advance();
    p.expect('(');
    p.expect('(');
    while (!p.is(')')) {
      if (p.consume(',')) continue;
      attribute(p, into);
      if (!p.is(')')) p.expect(',');
    }
    p.expect(')');
    p.expect(')');
  }
  return into;
}

/** The bare name of an attribute (`__packed__` is `packed`). */
function bareName(s: string): string {
  return s.length > 4 && s.startsWith('__') && s.endsWith('__') ? s.slice(2, -2) : s;
}

function attribute(p: Parser, a: Attrs): void {
  const tok = p.tok;
  if (tok.kind !== 'ident' && tok.kind !== 'keyword') throw p.expectedError('identifier');
  p.advance();
  const name = bareName(tok.text);
  if (UNSUPPORTED.has(name)) throw p.error(`'${name}' attribute is not supported by pagoda cc`, tok);
  switch (name) {
    case 'packed': a.packed = true; return skipArgs(p);
    case 'aligned': {
      if (!p.consume('(')) {
        a.aligned = Math.max(a.aligned, 16);
        return;
      }
      const at = p.tok;
      const n = Number(constExpr(conditional(p)));
      p.expect(')');
      if (n <= 0 || (n & (n - 1)) !== 0) throw p.error('requested alignment is not a positive power of 2', at);
      if (n > MAX_ALIGNMENT) throw p.error(`requested alignment ${n} exceeds the maximum ${MAX_ALIGNMENT}`, at);
      a.aligned = Math.max(a.aligned, n);
      return;
    }
    case 'section': a.section = stringArg(p, name); return;
    case 'alias': a.alias = stringArg(p, name); return;
    case 'visibility': {
      const v = stringArg(p, name);
      if (!['default', 'hidden', 'protected', 'internal'].includes(v)) {
        throw p.error(`attribute 'visibility' argument must be one of 'default', 'hidden', 'protected' or 'internal'`, tok);
      }
      a.visibility = v;
      return;
    }
    case 'weak': a.weak = true; return skipArgs(p);
    case 'used': a.used = true; return skipArgs(p);
    case 'noreturn': a.noreturn = true; return skipArgs(p);
    case 'constructor':
    case 'destructor': {
      let prio = DEFAULT_PRIORITY;
      if (p.consume('(')) {
        const at = p.tok;
        prio = Number(constExpr(conditional(p)));
        p.expect(')');
        if (prio < 0 || prio > DEFAULT_PRIORITY) throw p.error(`${name} priorities must be integers from 0 to ${DEFAULT_PRIORITY} inclusive`, at);
        if (prio <= 100) p.warn(`${name} priorities from 0 to 100 are reserved for the implementation [-Wprio-ctor-dtor]`, at);
      }
      if (name === 'constructor') a.ctor = prio;
      else a.dtor = prio;
      return;
    }
  }
  if (!INFORMATIVE.has(name)) p.warn(`'${tok.text}' attribute directive ignored [-Wattributes]`, tok);
  skipArgs(p);
}

function stringArg(p: Parser, name: string): string {
  p.expect('(');
  const s = p.tok;
  if (s.kind !== 'str') throw p.error(`'${name}' attribute argument not a string constant`, s);
  let text = '';
  while (p.tok.kind === 'str') text += String.fromCharCode(...p.advance().strElems!);
  p.expect(')');
  return text;
}

/** Skips a parenthesized argument list (format(printf, 1, 2), nonnull(1), ...), if any. */
function skipArgs(p: Parser): void {
  if (!p.is('(')) return;
  const open = p.advance();
  for (let depth = 1; depth > 0; ) {
    const t = p.advance();
    if (t.kind === 'eof') throw p.error('unterminated __attribute__', open);
    if (t.kind !== 'punct') continue;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
  }
}

/** Merges attribute records (a declaration's specifiers, its declarator, the list after it). */
export function mergeAttrs(into: Attrs, from: Attrs | undefined): Attrs {
  if (!from) return into;
  if (from.packed) into.packed = true;
  into.aligned = Math.max(into.aligned, from.aligned);
  for (const k of ['section', 'weak', 'alias', 'ctor', 'dtor', 'used', 'visibility', 'noreturn'] as const) {
    if (from[k] !== undefined) (into as unknown as Record<string, unknown>)[k] = from[k];
  }
  return into;
}

/** True when the record holds something a declaration must keep (more than packed/aligned). */
function hasDeclAttrs(a: Attrs): boolean {
  return a.section !== undefined || a.weak !== undefined || a.alias !== undefined || a.ctor !== undefined ||
    a.dtor !== undefined || a.used !== undefined || a.visibility !== undefined;
}

/**
 * Applies a declaration's attributes to the function or file-scope object it declared (they accumulate
 * over redeclarations, as in gcc). A name given an alias is declared here, never defined (gcc's error).
 */
export function applyDeclAttrs(p: Parser, o: Obj, a: Attrs, tok: Token): void {
  if (a.aligned > 0 && !o.isFunction) o.align = Math.max(o.align, a.aligned);
  if (!hasDeclAttrs(a)) return;
  if (o.isLocal) {
    if (a.section !== undefined) throw p.error(`section attribute cannot be specified for local variables`, tok);
    return;
  }
  const d: DeclAttrs = o.attrs ?? (o.attrs = {});
  if (a.section !== undefined) d.section = a.section;
  if (a.weak) d.weak = true;
  if (a.used) d.used = true;
  if (a.visibility !== undefined) d.visibility = a.visibility;
  if (a.alias !== undefined) {
    if (o.isDefinition && (o.isFunction || o.initData)) throw p.error(`'${o.name}' defined both normally and as 'alias' attribute`, tok);
    d.alias = a.alias;
  }
  if (a.ctor !== undefined || a.dtor !== undefined) {
    if (!o.isFunction) {
      p.warn(`'${a.ctor !== undefined ? 'constructor' : 'destructor'}' attribute ignored [-Wattributes]`, tok);
      return;
    }
    if (a.ctor !== undefined) d.ctor = a.ctor;
    if (a.dtor !== undefined) d.dtor = a.dtor;
  }
}
