// Parser state shared by the parse-* modules: the token cursor, block scopes for identifiers and tags,
// the current function, loop/switch context, and the unit's string literals and globals.
import { FLOAT_BUILTINS } from './float-builtin-names.js';
import type { Node, Obj, StringLiteral } from './ast.js';
import type { Attrs } from './attributes.js';
import { CompileError, Diagnostics } from '../diagnostics.js';
import { Token, locationOf } from './tokenize.js';
import { Type, pointerTo, ty } from './types.js';

/** What an ordinary identifier names in a scope. */
export interface ScopeEntry {
  obj?: Obj;
  typedef?: Type;
  enumType?: Type;
  enumVal?: bigint;
}

/** A block scope. Its maps are created on first declaration: most blocks declare nothing, and never a tag. */
export class Scope {
  private varMap: Map<string, ScopeEntry> | null = null;
  private tagMap: Map<string, Type> | null = null;
  constructor(readonly parent: Scope | null) {}

  /** Identifiers declared in this scope. */
  get vars(): Map<string, ScopeEntry> {
    return this.varMap ?? (this.varMap = new Map());
  }
  /** struct/union/enum tags declared in this scope. */
  get tags(): Map<string, Type> {
    return this.tagMap ?? (this.tagMap = new Map());
  }
  /** Looks `name` up in this scope only, without creating the map. */
  findVarHere(name: string): ScopeEntry | undefined {
    return this.varMap === null ? undefined : this.varMap.get(name);
  }
  findTagHere(name: string): Type | undefined {
    return this.tagMap === null ? undefined : this.tagMap.get(name);
  }
}

/** Storage-class and function specifiers collected by declspec. */
export interface VarAttr {
  isTypedef: boolean;
  isStatic: boolean;
  isExtern: boolean;
  isInline: boolean;
  isNoreturn: boolean;
  align: number;
  /** GNU attributes among the specifiers (front/attributes.ts). */
  gnu?: Attrs;
}

export const KEYWORDS = new Set([
  'auto', 'break', 'case', 'char', 'const', 'continue', 'default', 'do', 'double', 'else', 'enum', 'extern',
  'float', 'for', 'goto', 'if', 'inline', 'int', 'long', 'register', 'restrict', 'return', 'short', 'signed',
  'sizeof', 'static', 'struct', 'switch', 'typedef', 'union', 'unsigned', 'void', 'volatile', 'while',
  '_Alignas', '_Alignof', '_Atomic', '_Bool', '_Complex', '_Generic', '_Imaginary', '_Noreturn',
  '_Static_assert', '_Thread_local', '__attribute__', 'typeof', 'asm', '__builtin_va_arg', '__builtin_offsetof',
  '__builtin_types_compatible_p', '__builtin_expect', '__builtin_va_start', '__builtin_va_end', '__builtin_va_copy',
  '__builtin_trap', '__builtin_unreachable', '__builtin_constant_p', '__builtin_alloca',
  ...FLOAT_BUILTINS,
  '__auto_type',
]);

/**
 * The parser's recursion budget. Each level of nested expression (assign, conditional, unary, cast),
 * statement, declarator, initializer or struct body costs one unit, and so does each operand of a
 * left-associative operator chain (its tree is as deep as the chain is long, and the later passes recurse
 * over it). Past the budget the parse stops with a located "nesting too deep" error instead of exhausting
 * the host's stack here or in a later pass: the sizes tested (test/fuzz) fit in Node's default stack.
 */
export const MAX_NESTING = 512;

export class Parser {
  pos = 0;
  /** Units of MAX_NESTING in use at the current token. */
  private nesting = 0;
  scope: Scope = new Scope(null);
  readonly globals: Obj[] = [];
  readonly strings: StringLiteral[] = [];
  /** Every typedef declared, in order (for -g's DW_TAG_typedef entries; nothing else reads it). */
  readonly typedefs: Array<{ name: string; type: Type }> = [];
  curFn: Obj | null = null;
  /** Inside the initializer of an object of static storage: compound literals there are static too (gcc). */
  inStaticInit = 0;
  locals: Obj[] = [];
  breakLabel: string | null = null;
  continueLabel: string | null = null;
  curSwitch: Node | null = null;
  gotos: Node[] = [];
  labels: Map<string, Node> = new Map();
  /** The assembler name of each label of the function, made at its first mention (definition or &&label). */
  readonly labelIds = new Map<string, string>();
  /** Loop nesting, to weight variable uses for register allocation. */
  loopDepth = 0;
  /** VLA bounds parsed but not yet evaluated (front/vla.ts flushes them where the declaration is reached). */
  vlaPending: { obj: Obj; init: Node }[] = [];
  /** The saved stack pointers of the VLAs in scope, outermost first (front/vla.ts). */
  vlaStack: Obj[] = [];
  /** For break/continue labels made while VLAs were in scope: how many (the depth to restore on a jump). */
  readonly labelVlaDepth = new Map<string, number>();
  /** >0 while parsing a parameter list (where `[n]` and `[*]` may name parameters). */
  paramDepth = 0;
  private labelCounter = 0;
  /** Numbers the assembler names of block-scope statics and anonymous objects (`buf.0`), from 0 per unit. */
  private staticCounter = 0;

  /** -mabi=ilp32: floating types and constants are refused (see CompileOptions.softFloat). */
  softFloat = false;

  constructor(
    readonly toks: Token[],
    readonly diags: Diagnostics,
  ) {
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t.kind === 'ident' && KEYWORDS.has(t.text)) t.kind = 'keyword';
    }
    // gcc's builtin va_list type: a pointer walking the argument save area
    this.scope.vars.set('__builtin_va_list', { typedef: pointerTo(ty.void) });
  }

  get tok(): Token {
    return this.toks[this.pos];
  }
  peekAt(n: number): Token {
    return this.toks[Math.min(this.pos + n, this.toks.length - 1)];
  }
  /** True when the current token is the punctuator or keyword `s`. */
  is(s: string): boolean {
    const t = this.toks[this.pos];
    return t.text === s && (t.kind === 'punct' || t.kind === 'keyword');
  }
  advance(): Token {
    const t = this.toks[this.pos];
    if (t.kind !== 'eof') this.pos++;
    return t;
  }
  consume(s: string): boolean {
    if (this.is(s)) {
      this.pos++;
      return true;
    }
    return false;
  }
  /** Consumes `s` or reports "expected 's' before 'x' token" as gcc does. */
  expect(s: string): Token {
    if (this.is(s)) return this.toks[this.pos++];
    throw this.expectedError(`'${s}'`);
  }
  expectedError(what: string): CompileError {
    const t = this.tok;
    if (what.includes("';'") && this.pos > 0) {
      // gcc points after the previous token for a missing semicolon
      const prev = this.toks[this.pos - 1];
      return new CompileError(`expected ${what} before ${describe(t)}`, locationOf(prev, prev.text.length));
    }
    return new CompileError(`expected ${what} before ${describe(t)}`, t);
  }
  /** The next number for a unit-unique assembler name (see staticCounter). */
  nextStaticNumber(): number {
    return this.staticCounter++;
  }
  /** Takes `units` of the nesting budget at `tok` (see MAX_NESTING); give them back with leave(). */
  enter(tok: Token, units = 1): void {
    this.nesting += units;
    if (this.nesting > MAX_NESTING) {
      throw new CompileError(`nesting too deep: more than ${MAX_NESTING} levels of nested expressions, statements, declarators or initializers`, tok);
    }
  }
  leave(units = 1): void {
    this.nesting -= units;
  }
  error(msg: string, tok: Token = this.tok): CompileError {
    return new CompileError(msg, tok);
  }
  warn(msg: string, tok: Token = this.tok): void {
    this.diags.warn(msg, tok);
  }

  /** The assembler name of the current function's label `name` (GNU &&name may come before the label). */
  labelId(name: string): string {
    let id = this.labelIds.get(name);
    if (id === undefined) {
      id = this.newLabel('lbl');
      this.labelIds.set(name, id);
    }
    return id;
  }

  newLabel(prefix = 'L'): string {
    const l = `.L${prefix}${this.labelCounter++}`;
    if (this.vlaStack.length > 0) this.labelVlaDepth.set(l, this.vlaStack.length);
    return l;
  }

  enterScope(): void {
    this.scope = new Scope(this.scope);
  }
  leaveScope(): void {
    this.scope = this.scope.parent!;
  }
  findVar(name: string): ScopeEntry | undefined {
    for (let s: Scope | null = this.scope; s; s = s.parent) {
      const e = s.findVarHere(name);
      if (e) return e;
    }
    return undefined;
  }
  findTag(name: string): Type | undefined {
    for (let s: Scope | null = this.scope; s; s = s.parent) {
      const t = s.findTagHere(name);
      if (t) return t;
    }
    return undefined;
  }
  declare(name: string, entry: ScopeEntry): void {
    this.scope.vars.set(name, entry);
  }
  get atFileScope(): boolean {
    return this.scope.parent === null;
  }

  private readonly stringIndex = new Map<string, number>();

  /** Interns a string literal (identical literals share one object, as with gcc) and returns its index. */
  addString(elems: number[], charSize: number): number {
    const key = `${charSize}:${elems.join(',')}`;
    const found = this.stringIndex.get(key);
    if (found !== undefined) return found;
    this.strings.push({ elems, charSize, label: `.LC${this.strings.length}` });
    this.stringIndex.set(key, this.strings.length - 1);
    return this.strings.length - 1;
  }
}

/** gcc's way of naming a token in "expected X before Y" messages. */
export function describe(t: Token): string {
  if (t.kind === 'eof') return 'end of input';
  if (t.kind === 'num') return 'numeric constant';
  if (t.kind === 'str') return 'string constant';
  if (t.kind === 'char') return 'character constant';
  return `'${t.text}' token`.replace(/^'(.*)' token$/, (_m, x: string) => (/^[A-Za-z_]/.test(x) ? `'${x}'` : `'${x}' token`));
}
