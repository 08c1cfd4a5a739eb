// The abstract syntax tree the parser builds and the code generator walks. Every expression node has a
// type (`ty`) once parsed; statements do not.
import type { Token } from './tokenize.js';
import type { AsmStatement } from './asm.js';
import type { AtomicOp } from './atomic.js';
import type { Member, Type } from './types.js';
import type { DeclAttrs } from './attributes.js';

export type NodeKind =
  // expressions
  | 'num' | 'fnum' | 'var' | 'str'
  | 'add' | 'sub' | 'mul' | 'div' | 'mod' | 'shl' | 'shr' | 'bitand' | 'bitor' | 'bitxor'
  | 'eq' | 'ne' | 'lt' | 'le'
  | 'neg' | 'not' | 'bitnot' | 'logand' | 'logor'
  | 'assign' | 'cond' | 'comma' | 'member' | 'addr' | 'deref' | 'cast' | 'call'
  | 'preinc' | 'postinc' // lhs += val, value before/after (val may be negative)
  | 'opassign' // lhs op= rhs; `op` holds the arithmetic kind
  | 'fintrinsic' // one F/D instruction (asmText: fsqrt, fabs, fsgnj, fmin, fmax) on lhs (and rhs)
  | 'stmtexpr' | 'memzero' | 'va_start' | 'va_arg' | 'va_copy' | 'nullexpr' | 'label_addr'
  | 'alloca' | 'stack_save' | 'stack_restore' // dynamic stack space (alloca, VLAs: front/vla.ts)
  | 'atomic' // an atomic memory operation (atomic.ts): `atomic` says which; `args` are its operands
  // statements
  | 'return' | 'if' | 'for' | 'do' | 'switch' | 'case' | 'block' | 'goto' | 'goto_expr' | 'label'
  | 'break' | 'continue' | 'expr_stmt' | 'asm';

export interface Node {
  kind: NodeKind;
  tok: Token;
  ty?: Type;
  lhs?: Node;
  rhs?: Node;
  /** opassign: the arithmetic operator applied, and the type it is computed in */
  op?: NodeKind;
  opType?: Type;
  cond?: Node;
  then?: Node;
  els?: Node;
  init?: Node;
  inc?: Node;
  body?: Node[];
  obj?: Obj;
  /** Integer constant (num), step for pre/postinc. */
  val?: bigint;
  /** Floating constant (fnum): the IEEE bits in the format of `ty` (binary32, binary64 or binary128). */
  fbits?: bigint;
  member?: Member;
  args?: Node[];
  /** Type of the function being called (after decay of a pointer). */
  funcType?: Type;
  /** Statement labels (resolved to assembly labels by the parser). */
  label?: string;
  uniqueLabel?: string;
  breakLabel?: string;
  continueLabel?: string;
  /** switch: its case nodes and default */
  cases?: Node[];
  defaultCase?: Node;
  /** case range (GNU `case a ... b`) */
  caseLo?: bigint;
  caseHi?: bigint;
  /** String literal: index into the unit's string table. */
  strIndex?: number;
  /** Temporary holding a struct returned by a call, or a compound literal. */
  tmp?: Obj;
  asmText?: string;
  /** goto and labels: the VLAs in scope there (their saved stack pointers, outermost first). */
  vlaScope?: Obj[];
  /** Extended asm statement (asm.ts): template, operands and clobbers. */
  asm?: AsmStatement;
  /** 'atomic' nodes: the operation (atomic.ts). */
  atomic?: AtomicOp;
}

/** A variable or function. Locals get a frame slot or (at -O1) a register from the code generator. */
export interface Obj {
  name: string;
  ty: Type;
  tok: Token;
  isLocal: boolean;
  isFunction: boolean;
  isDefinition: boolean;
  isStatic: boolean;
  isExtern?: boolean;
  isInline?: boolean;
  isTentative?: boolean;
  /** & taken, or otherwise must live in memory (arrays, structs, volatile). */
  addrTaken?: boolean;
  align: number;
  // global data
  /** A compound literal made static (file scope, or inside a static's initializer). */
  isCompoundLiteral?: boolean;
  initData?: Uint8Array;
  relocs?: { offset: number; label: string; addend: number }[];
  // local storage chosen by codegen
  offset?: number;
  reg?: string;
  /** Use count, weighted by loop depth, for register allocation. */
  uses?: number;
  // function
  params?: Obj[];
  body?: Node;
  locals?: Obj[];
  /** Struct returned through a hidden pointer: the local that holds it. */
  retPtr?: Obj;
  /** Functions referenced by this one (for emitting static inline functions only when used). */
  refs?: Set<string>;
  isReferenced?: boolean;
  /** A VLA object: the hidden local pointing at its stack space (every use goes through it). */
  vlaPtr?: Obj;
  /** GNU attributes that reach the assembly (section, weak, alias, constructor, ...: front/attributes.ts). */
  attrs?: DeclAttrs;
  /** `register T x asm("a0")`: the register an asm operand naming this variable must use. */
  asmReg?: string;
}

/** A string literal of the unit; emitted in .rodata under `label`. */
export interface StringLiteral {
  elems: number[];
  charSize: number;
  label: string;
}

/** The parsed unit: globals (variables and functions) and string literals. */
export interface Program {
  globals: Obj[];
  strings: StringLiteral[];
  /** File-scope basic asm (`asm(".globl x");`), emitted in order at the top of the unit. */
  toplevelAsm?: string[];
  /** Every typedef of the unit (read only by -g). */
  typedefs?: Array<{ name: string; type: Type }>;
}
