// Macro definitions and their substitution: # stringizing, ## pasting, __VA_ARGS__, GNU ", ## __VA_ARGS__",
// and the predefined and dynamic macros (__FILE__, __LINE__, __DATE__, ...).
import { CONCURRENCY_MACROS } from './concurrency-macros.js';
import { CompileError, SourceFile } from '../diagnostics.js';
import { ExpansionExtra, Token, copyToken, expansionCopy, tokenize } from './tokenize.js';

/** A macro: object-like when `params` is null. Builtins compute their single token at each use. */
export interface Macro {
  name: string;
  params: string[] | null;
  variadic: boolean;
  /** Name the variadic arguments go by: __VA_ARGS__, or the GNU named form `args...`. */
  vaName: string;
  body: Token[];
  builtin?: (use: Token, includeDepth: number) => Token;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Predefined object-like macros of the target (psABI ilp32, C11, Pagoda). */
export const PREDEFINED: Record<string, string> = {
  __STDC__: '1',
  __STDC_VERSION__: '201112L',
  __STDC_HOSTED__: '1',
  ...CONCURRENCY_MACROS,
  __STDC_NO_COMPLEX__: '1',
  __STDC_NO_THREADS__: '1',
  __riscv: '1',
  __riscv_xlen: '32',
  __riscv_mul: '1',
  __riscv_div: '1',
  __riscv_muldiv: '1',
  // hard float, ILP32D (rv32imafd): gcc's predefined names and values
  __riscv_float_abi_double: '1',
  __riscv_flen: '64',
  __riscv_fdiv: '1',
  __riscv_fsqrt: '1',
  __riscv_f: '2002000',
  __riscv_d: '2002000',
  __DBL_DECIMAL_DIG__: '17',
  __DBL_DENORM_MIN__: '((double)4.94065645841246544176568792868221372e-324L)',
  __DBL_DIG__: '15',
  __DBL_EPSILON__: '((double)2.22044604925031308084726333618164062e-16L)',
  __DBL_HAS_DENORM__: '1',
  __DBL_HAS_INFINITY__: '1',
  __DBL_HAS_QUIET_NAN__: '1',
  __DBL_IS_IEC_60559__: '2',
  __DBL_MANT_DIG__: '53',
  __DBL_MAX_10_EXP__: '308',
  __DBL_MAX_EXP__: '1024',
  __DBL_MAX__: '((double)1.79769313486231570814527423731704357e+308L)',
  __DBL_MIN_10_EXP__: '(-307)',
  __DBL_MIN_EXP__: '(-1021)',
  __DBL_MIN__: '((double)2.22507385850720138309023271733240406e-308L)',
  __DBL_NORM_MAX__: '((double)1.79769313486231570814527423731704357e+308L)',
  __DECIMAL_DIG__: '36',
  __FLT_DECIMAL_DIG__: '9',
  __FLT_DENORM_MIN__: '1.40129846432481707092372958328991613e-45F',
  __FLT_DIG__: '6',
  __FLT_EPSILON__: '1.19209289550781250000000000000000000e-7F',
  __FLT_EVAL_METHOD__: '0',
  __FLT_HAS_DENORM__: '1',
  __FLT_HAS_INFINITY__: '1',
  __FLT_HAS_QUIET_NAN__: '1',
  __FLT_IS_IEC_60559__: '2',
  __FLT_MANT_DIG__: '24',
  __FLT_MAX_10_EXP__: '38',
  __FLT_MAX_EXP__: '128',
  __FLT_MAX__: '3.40282346638528859811704183484516925e+38F',
  __FLT_MIN_10_EXP__: '(-37)',
  __FLT_MIN_EXP__: '(-125)',
  __FLT_MIN__: '1.17549435082228750796873653722224568e-38F',
  __FLT_NORM_MAX__: '3.40282346638528859811704183484516925e+38F',
  __FLT_RADIX__: '2',
  __GCC_IEC_559: '2',
  __LDBL_DECIMAL_DIG__: '36',
  __LDBL_DENORM_MIN__: '6.47517511943802511092443895822764655e-4966L',
  __LDBL_DIG__: '33',
  __LDBL_EPSILON__: '1.92592994438723585305597794258492732e-34L',
  __LDBL_HAS_DENORM__: '1',
  __LDBL_HAS_INFINITY__: '1',
  __LDBL_HAS_QUIET_NAN__: '1',
  __LDBL_IS_IEC_60559__: '2',
  __LDBL_MANT_DIG__: '113',
  __LDBL_MAX_10_EXP__: '4932',
  __LDBL_MAX_EXP__: '16384',
  __LDBL_MAX__: '1.18973149535723176508575932662800702e+4932L',
  __LDBL_MIN_10_EXP__: '(-4931)',
  __LDBL_MIN_EXP__: '(-16381)',
  __LDBL_MIN__: '3.36210314311209350626267781732175260e-4932L',
  __LDBL_NORM_MAX__: '1.18973149535723176508575932662800702e+4932L',
  __SIZEOF_DOUBLE__: '8',
  __SIZEOF_FLOAT__: '4',
  __SIZEOF_LONG_DOUBLE__: '16',
  __riscv_cmodel_medlow: '1',
  __ILP32__: '1',
  _ILP32: '1',
  __pagoda__: '1',
  __ELF__: '1',
  __CHAR_BIT__: '8',
  __CHAR_UNSIGNED__: '1',
  __SIZEOF_INT__: '4',
  __SIZEOF_LONG__: '4',
  __SIZEOF_LONG_LONG__: '8',
  __SIZEOF_SHORT__: '2',
  __SIZEOF_POINTER__: '4',
  __SIZEOF_SIZE_T__: '4',
  __SIZEOF_WCHAR_T__: '4',
  __SIZE_TYPE__: 'unsigned int',
  __PTRDIFF_TYPE__: 'int',
  __WCHAR_TYPE__: 'int',
  __WINT_TYPE__: 'unsigned int',
  __CHAR16_TYPE__: 'short unsigned int',
  __CHAR32_TYPE__: 'long unsigned int',
  __WCHAR_MAX__: '0x7fffffff',
  __WCHAR_MIN__: '(-__WCHAR_MAX__ - 1)',
  __WINT_MAX__: '0xffffffffU',
  __WINT_MIN__: '0U',
  __INTPTR_TYPE__: 'int',
  __UINTPTR_TYPE__: 'unsigned int',
  __INT_MAX__: '0x7fffffff',
  __LONG_MAX__: '0x7fffffffL',
  __LONG_LONG_MAX__: '0x7fffffffffffffffLL',
  __SCHAR_MAX__: '0x7f',
  __SHRT_MAX__: '0x7fff',
  __BYTE_ORDER__: '1234',
  __ORDER_LITTLE_ENDIAN__: '1234',
  __ORDER_BIG_ENDIAN__: '4321',
  __BIGGEST_ALIGNMENT__: '16',
  __pagoda_cc__: '1',
  __inline: 'inline',
  __inline__: 'inline',
  __restrict: 'restrict',
  __restrict__: 'restrict',
  __volatile__: 'volatile',
  __const: 'const',
  __signed__: 'signed',
  __alignof__: '_Alignof',
  __asm__: 'asm',
  __typeof__: 'typeof',
  __typeof: 'typeof',
  __attribute: '__attribute__',
  __extension__: '',
};

/** The macro table of one translation unit. */
export class MacroTable {
  private readonly map = new Map<string, Macro>();
  private counter = 0;
  /** #pragma push_macro stacks, per name: the definition saved (undefined: the name was not defined). */
  private readonly pushed = new Map<string, (Macro | undefined)[]>();

  constructor(now: Date) {
    for (const [k, v] of Object.entries(PREDEFINED)) this.defineFromText(k, v);
    const dateStr = `"${MONTHS[now.getMonth()]} ${String(now.getDate()).padStart(2, ' ')} ${now.getFullYear()}"`;
    const p2 = (n: number): string => String(n).padStart(2, '0');
    const timeStr = `"${p2(now.getHours())}:${p2(now.getMinutes())}:${p2(now.getSeconds())}"`;
    this.builtin('__FILE__', (t) => strToken(rootOf(t).displayName, t));
    this.builtin('__LINE__', (t) => numToken(String(rootOf(t).line), t));
    this.builtin('__COUNTER__', (t) => numToken(String(this.counter++), t));
    this.builtin('__INCLUDE_LEVEL__', (t, depth) => numToken(String(depth), t));
    this.builtin('__DATE__', (t) => copyToken(tokenize(new SourceFile('<date>', dateStr))[0], { line: t.line, origin: t }));
    this.builtin('__TIME__', (t) => copyToken(tokenize(new SourceFile('<time>', timeStr))[0], { line: t.line, origin: t }));
    this.builtin('__BASE_FILE__', (t) => strToken(baseFile(t), t));
  }

  get(name: string): Macro | undefined {
    return this.map.get(name);
  }

  undef(name: string): void {
    this.map.delete(name);
  }

  /** #pragma push_macro("NAME"): saves NAME's current definition (or its absence). */
  pushMacro(name: string): void {
    let stack = this.pushed.get(name);
    if (!stack) this.pushed.set(name, (stack = []));
    stack.push(this.map.get(name));
  }

  /** #pragma pop_macro("NAME"): restores the last definition pushed; without one, nothing changes (gcc). */
  popMacro(name: string): void {
    const stack = this.pushed.get(name);
    if (!stack || stack.length === 0) return;
    const m = stack.pop();
    if (m) this.map.set(name, m);
    else this.map.delete(name);
  }

  private builtin(name: string, fn: (use: Token, includeDepth: number) => Token): void {
    this.map.set(name, { name, params: null, variadic: false, vaName: '', body: [], builtin: fn });
  }

  /** -D NAME=VALUE: defines from text (VALUE may make it function-like: -D'F(x)=x'). */
  defineFromText(name: string, value: string): void {
    const toks = tokenize(new SourceFile('<command-line>', `${name} ${value}`));
    toks.pop();
    // "NAME(" without space makes a function-like macro
    if (toks[1] && toks[1].text === '(' && !toks[1].hasSpace && /\(/.test(name)) {
      this.define(toks, toks[0]);
      return;
    }
    const nameToks = tokenize(new SourceFile('<command-line>', name));
    nameToks.pop();
    if (nameToks.length > 1 && nameToks[1].text === '(' && !nameToks[1].hasSpace) this.define(toks, toks[0]);
    else this.map.set(name, { name, params: null, variadic: false, vaName: '', body: toks.slice(nameToks.length) });
  }

  /** #define: `line` holds the tokens after "define". */
  define(line: Token[], dirTok: Token): void {
    const nameTok = line[0];
    if (!nameTok) throw new CompileError('no macro name given in #define directive', dirTok);
    if (nameTok.kind !== 'ident') throw new CompileError('macro names must be identifiers', nameTok);
    if (nameTok.text === 'defined') throw new CompileError('"defined" cannot be used as a macro name', nameTok);
    let i = 1;
    let params: string[] | null = null;
    let variadic = false;
    let vaName = '__VA_ARGS__';
    if (line[1] && line[1].text === '(' && !line[1].hasSpace) {
      params = [];
      i = 2;
      if (line[i]?.text === ')') i++;
      else {
        for (;;) {
          const p = line[i];
          if (!p) throw new CompileError("missing ')' in macro parameter list", line[i - 1]);
          if (p.text === '...') {
            variadic = true;
            i++;
          } else if (p.kind === 'ident') {
            if (params.includes(p.text)) throw new CompileError(`duplicate macro parameter "${p.text}"`, p);
            i++;
            if (line[i]?.text === '...') {
              variadic = true;
              vaName = p.text;
              i++;
            } else params.push(p.text);
          } else throw new CompileError(`expected parameter name, found "${p.text}"`, p);
          const sep = line[i];
          if (sep?.text === ')') {
            i++;
            break;
          }
          if (variadic || sep?.text !== ',') throw new CompileError("expected ',' or ')' in macro parameter list", sep ?? p);
          i++;
        }
      }
    }
    const body = line.slice(i);
    if (body.length > 0 && body[0].text === '##') throw new CompileError("'##' cannot appear at either end of a macro expansion", body[0]);
    if (body.length > 0 && body[body.length - 1].text === '##') throw new CompileError("'##' cannot appear at either end of a macro expansion", body[body.length - 1]);
    if (params) {
      for (let k = 0; k < body.length; k++) {
        if (body[k].text === '#' && body[k].kind === 'punct') {
          const nx = body[k + 1];
          if (!nx || !(params.includes(nx.text) || (variadic && nx.text === vaName))) {
            throw new CompileError("'#' is not followed by a macro parameter", body[k]);
          }
        }
      }
    }
    this.map.set(nameTok.text, { name: nameTok.text, params, variadic, vaName, body });
  }
}

function rootOf(t: Token): Token {
  while (t.origin) t = t.origin;
  return t;
}
function baseFile(t: Token): string {
  return rootOf(t).displayName;
}

function numToken(text: string, at: Token): Token {
  return copyToken(at, { kind: 'num', text, origin: at, hideset: null });
}

function strToken(s: string, at: Token): Token {
  const elems: number[] = [];
  for (const b of new TextEncoder().encode(s)) elems.push(b);
  return copyToken(at, { kind: 'str', text: JSON.stringify(s), strElems: elems, charSize: 1, origin: at, hideset: null });
}

/** The string literal token for `#param`: spellings joined by single spaces, quotes and backslashes escaped. */
export function stringize(arg: Token[], at: Token): Token {
  let s = '';
  for (let i = 0; i < arg.length; i++) {
    if (i > 0 && arg[i].hasSpace) s += ' ';
    s += arg[i].text;
  }
  const quoted = '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
  const t = tokenize(new SourceFile(at.file.name, quoted))[0];
  // keep location of the use
  return copyToken(t, { file: at.file, pos: at.pos, line: at.line, displayName: at.displayName, hasSpace: at.hasSpace, atBol: false, hideset: null });
}

/** Pastes two tokens (##): the result must be a single valid token. */
function paste(a: Token, b: Token): Token {
  const text = a.text + b.text;
  const toks = tokenize(new SourceFile(a.file.name, text));
  if (toks.length !== 2) throw new CompileError(`pasting "${a.text}" and "${b.text}" does not give a valid preprocessing token`, a);
  return copyToken(toks[0], { file: a.file, pos: a.pos, line: a.line, displayName: a.displayName, hasSpace: a.hasSpace, atBol: false, hideset: a.hideset, origin: a.origin });
}

/**
 * Replaces a macro use by its body: parameters substituted (expanded unless next to # or ##), then
 * every result token gets `hideset` added. `expand` fully expands an argument in isolation.
 */
export function substitute(
  m: Macro,
  args: Token[][],
  use: Token,
  hideset: Set<string>,
  _macros: MacroTable,
  expand: (toks: Token[]) => Token[],
): Token[] {
  const out: Token[] = [];
  const body = m.body;
  const params = m.params ?? [];
  const argIndex = (t: Token): number => {
    if (t.kind !== 'ident' || m.params === null) return -1;
    if (m.variadic && t.text === m.vaName) return params.length;
    return params.indexOf(t.text);
  };
  const expandedCache = new Map<number, Token[]>();
  const expanded = (k: number): Token[] => {
    let e = expandedCache.get(k);
    if (!e) {
      e = expand(args[k]);
      expandedCache.set(k, e);
    }
    return e;
  };
  const expansion = new ExpansionExtra(use, hideset);
  const copy = (t: Token, _first: boolean): Token => expansionCopy(t, t.hasSpace, expansion);

  for (let i = 0; i < body.length; i++) {
    const t = body[i];
    // # param
    if (t.kind === 'punct' && t.text === '#' && m.params !== null) {
      const k = argIndex(body[i + 1]);
      if (k >= 0) {
        out.push(copyToken(stringize(args[k], use), { hasSpace: t.hasSpace }));
        i++;
        continue;
      }
    }
    // GNU: , ## __VA_ARGS__ drops the comma when the variadic argument is empty
    if (t.text === ',' && body[i + 1]?.text === '##' && m.variadic && body[i + 2] && argIndex(body[i + 2]) === params.length) {
      const va = args[params.length];
      if (va.length === 0) {
        i += 2;
        continue;
      }
      out.push(copy(t, false));
      for (const v of expanded(params.length)) out.push(copy(v, false));
      i += 2;
      continue;
    }
    // x ## y
    if (body[i + 1]?.text === '##' && body[i + 1].kind === 'punct') {
      let lhs: Token[];
      const k = argIndex(t);
      lhs = k >= 0 ? args[k].map((x) => copy(x, false)) : [copy(t, false)];
      if (k >= 0 && lhs.length > 0) lhs[0].hasSpace = t.hasSpace;
      while (body[i + 1]?.text === '##' && body[i + 1].kind === 'punct') {
        const rt = body[i + 2];
        const rk = argIndex(rt);
        const rhs = rk >= 0 ? args[rk] : [rt];
        i += 2;
        if (rhs.length === 0) continue;
        if (lhs.length === 0) {
          lhs = rhs.map((x) => copy(x, false));
          continue;
        }
        const last = lhs.pop()!;
        lhs.push(paste(last, rhs[0]), ...rhs.slice(1).map((x) => copy(x, false)));
      }
      out.push(...lhs);
      continue;
    }
    const k = argIndex(t);
    if (k >= 0) {
      // __VA_OPT__ is not C11; ordinary parameter: fully expanded argument
      const e = expanded(k);
      for (let j = 0; j < e.length; j++) out.push(expansionCopy(e[j], j === 0 ? t.hasSpace : e[j].hasSpace, expansion));
      continue;
    }
    out.push(copy(t, false));
  }
  if (out.length > 0) out[0].hasSpace = use.hasSpace; // every token of `out` is a fresh copy
  for (const t of out) {
    if (t.hideset === null) t.hideset = hideset;
    else if (t.hideset !== hideset) {
      const s = new Set(t.hideset);
      for (const n of hideset) s.add(n);
      t.hideset = s;
    }
  }
  return out;
}
