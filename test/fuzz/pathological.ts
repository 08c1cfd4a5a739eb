// Pathological inputs for the C compiler and the assembler: what recursion, quadratic loops and unbounded
// allocation break on. Each case is a name and a source built at depth `n` (the issue asks for 10,000).
// Every one must end in a located error or a success, quickly.

/** One generated source. */
export interface PathologicalCase {
  readonly name: string;
  readonly text: string;
}

const rep = (s: string, n: number): string => s.repeat(n);

/** C sources: deep nesting of every recursive construct, self-inclusion, huge literals, very long lines. */
export function pathologicalC(n: number): PathologicalCase[] {
  const chain = (head: string, op: string, n2: number): string => head + rep(op + head, n2);
  return [
    { name: 'parentheses', text: `int x = ${rep('(', n)}1${rep(')', n)};\n` },
    { name: 'unbalanced parentheses', text: `int x = ${rep('(', n)}1;\n` },
    { name: 'braces', text: `void f(void) ${rep('{', n)}${rep('}', n)}\n` },
    { name: 'unbalanced braces', text: `void f(void) ${rep('{', n)}\n` },
    { name: 'initializer braces', text: `int x = ${rep('{', n)}1${rep('}', n)};\n` },
    { name: 'struct nesting', text: `${rep('struct { ', n)}int x;${rep(' } a;', n)}\n` },
    { name: 'pointer declarator', text: `int ${rep('*', n)}p;\n` },
    { name: 'array declarator', text: `int a${rep('[1]', n)};\n` },
    { name: 'parenthesised declarator', text: `int ${rep('(', n)}x${rep(')', n)};\n` },
    { name: 'function-pointer declarator', text: `int ${rep('(*', n)}f${rep(')(void)', n)};\n` },
    { name: 'unary chain', text: `int f(int a) { return ${rep('-', n).split('').join(' ')}a; }\n` },
    { name: 'not chain', text: `int f(int a) { return ${rep('!', n)}a; }\n` },
    { name: 'dereference chain', text: `int f(int *a) { return ${rep('*', n)}a; }\n` },
    { name: 'cast chain', text: `int f(int a) { return ${rep('(int)', n)}a; }\n` },
    { name: 'sizeof chain', text: `int x = ${rep('sizeof ', n)}1;\n` },
    { name: 'binary chain', text: `int f(int a) { return ${chain('a', ' + ', n)}; }\n` },
    { name: 'constant binary chain', text: `int x = ${chain('1', ' + ', n)};\n` },
    { name: 'assignment chain', text: `int f(int a) { int b; return ${rep('b = ', n)}a; }\n` },
    { name: 'conditional chain', text: `int f(int a) { return ${rep('a ? a : ', n)}a; }\n` },
    { name: 'comma chain', text: `int f(int a) { return (${chain('a', ', ', n)}); }\n` },
    { name: 'logical chain', text: `int f(int a) { return ${chain('a', ' && ', n)}; }\n` },
    { name: 'call nesting', text: `int g(int); int f(int a) { return ${rep('g(', n)}a${rep(')', n)}; }\n` },
    { name: 'index nesting', text: `int f(int *a) { return a${rep('[0]', n)}; }\n` },
    { name: 'member chain', text: `struct s { struct s *p; int v; }; int f(struct s *a) { return a${rep('->p', n)}->v; }\n` },
    { name: 'else-if chain', text: `int f(int a) { ${rep('if (a) a++; else ', n)}a--; return a; }\n` },
    { name: 'nested if', text: `int f(int a) { ${rep('if (a) ', n)}a++; return a; }\n` },
    { name: 'nested loops', text: `void f(int a) { ${rep('while (a) ', n)}a--; }\n` },
    { name: 'statement expressions', text: `int x(void) { return ${rep('({ ', n)}1${rep('; })', n)}; }\n` },
    { name: 'label chain', text: `void f(void) { ${Array.from({ length: n }, (_, i) => `l${i}:`).join(' ')} ; }\n` },
    { name: 'case chain', text: `void f(int a) { switch (a) { ${Array.from({ length: n }, (_, i) => `case ${i}:`).join(' ')} ; } }\n` },
    { name: 'many locals', text: `int f(void) { ${Array.from({ length: n }, (_, i) => `int v${i} = ${i};`).join(' ')} return v0; }\n` },
    { name: 'many parameters', text: `int f(${Array.from({ length: n }, (_, i) => `int p${i}`).join(', ')}) { return p0; }\n` },
    { name: 'many arguments', text: `int g(); int f(int a) { return g(${Array.from({ length: n }, () => 'a').join(', ')}); }\n` },
    { name: 'self include', text: '#include "fuzz.c"\nint x;\n' },
    { name: 'guarded self include', text: '#ifndef G\n#define G\n#include "fuzz.c"\n#endif\nint x;\n' },
    { name: 'macro chain', text: `#define M0 1\n${Array.from({ length: n }, (_, i) => `#define M${i + 1} M${i}`).join('\n')}\nint x = M${n};\n` },
    { name: 'nested macro calls', text: `#define F(x) (x)\nint x = ${rep('F(', n)}1${rep(')', n)};\n` },
    { name: 'recursive-looking macro', text: `#define F(x) F(x) + x\nint x = ${rep('F(', Math.min(n, 200))}1${rep(')', Math.min(n, 200))};\n` },
    { name: 'doubling macros', text: `#define A0 1\n${Array.from({ length: 24 }, (_, i) => `#define A${i + 1} A${i}+A${i}`).join('\n')}\nint x = A24;\n` },
    { name: 'nested #if', text: `${rep('#if 1\n', n)}int x;\n${rep('#endif\n', n)}` },
    { name: 'unterminated #if', text: `${rep('#if 1\n', n)}int x;\n` },
    { name: '#if parentheses', text: `#if ${rep('(', n)}1${rep(')', n)}\nint x;\n#endif\n` },
    { name: '#if unary chain', text: `#if ${rep('- ', n)}1\nint x;\n#endif\n` },
    { name: '#if conditional chain', text: `#if ${rep('1 ? 1 : ', n)}1\nint x;\n#endif\n` },
    { name: 'huge decimal literal', text: `int x = ${rep('9', n * 10)};\n` },
    { name: 'huge hex literal', text: `long long x = 0x${rep('f', n * 10)};\n` },
    { name: 'huge string literal', text: `char s[] = "${rep('a', n * 100)}";\n` },
    { name: 'many adjacent strings', text: `char *s = ${rep('"ab" ', n)};\n` },
    { name: 'huge character literal', text: `int c = '${rep('a', n)}';\n` },
    { name: 'long identifier', text: `int ${rep('x', n * 100)} = 1;\n` },
    { name: 'very long line', text: `int f(int a) { return ${chain('a', '+', n * 10)}; }` },
    { name: 'huge array', text: 'char a[0x7fffffff]; char b[0x7fffffff][0x7fffffff]; int c[4294967296];\n' },
    { name: 'huge local array', text: 'int f(void) { char a[0x7fffffff]; a[1] = 1; return a[1]; }\n' },
    { name: 'huge shift and alignment', text: 'int x = 1 << 100; _Alignas(1 << 30) char y; long long z = 1LL << 63 >> 64;\n' },
    { name: 'line continuations', text: `int x = 1${rep('\\\n', n)};\n` },
    { name: 'deep comment', text: `int x; /*${rep(' /* ', n)}` },
    { name: 'empty', text: '' },
  ];
}

/** Assembly sources: nested repetition and macros, deep expressions, huge sizes, very long lines. */
export function pathologicalAsm(n: number): PathologicalCase[] {
  return [
    { name: 'expression parentheses', text: ` li a0, ${'('.repeat(n)}1${')'.repeat(n)}\n` },
    { name: 'unbalanced parentheses', text: ` li a0, ${'('.repeat(n)}1\n` },
    { name: 'unary chain', text: ` li a0, ${'-'.repeat(n)}1\n` },
    { name: 'complement chain', text: ` .word ${'~'.repeat(n)}1\n` },
    { name: 'binary chain', text: ` .word 1${'+1'.repeat(n)}\n` },
    { name: 'nested .rept', text: `${' .rept 1\n'.repeat(n)} nop\n${' .endr\n'.repeat(n)}` },
    { name: 'unterminated .rept', text: `${' .rept 1\n'.repeat(n)} nop\n` },
    { name: 'huge .rept', text: ' .rept 0x7fffffff\n nop\n .endr\n' },
    { name: 'multiplying .rept', text: ' .rept 100000\n .rept 100000\n nop\n .endr\n .endr\n' },
    { name: 'recursive macro', text: ' .macro m\n m\n .endm\n m\n' },
    { name: 'macro chain', text: `${Array.from({ length: n }, (_, i) => ` .macro m${i + 1}\n m${i}\n .endm\n`).join('')} .macro m0\n nop\n .endm\n m${n}\n` },
    { name: 'huge .space', text: ' .space 0x7fffffff\n .zero 0xffffffff\n' },
    { name: 'huge .fill', text: ' .fill 0x7fffffff, 8, 1\n' },
    { name: 'huge .align', text: ' .align 31\n nop\n .p2align 40\n .balign 0x80000000\n' },
    { name: 'huge .org', text: ' .org 0x7fffffff\n nop\n' },
    { name: 'backwards .org', text: ' .space 16\n .org 4\n' },
    { name: 'huge literal', text: ` .word ${'9'.repeat(n * 10)}\n` },
    { name: 'huge string', text: ` .ascii "${'a'.repeat(n * 100)}"\n` },
    { name: 'long symbol', text: `${'x'.repeat(n * 100)}: nop\n` },
    { name: 'very long line', text: ` .word ${Array.from({ length: n * 10 }, () => '1').join(',')}\n` },
    { name: 'many labels', text: Array.from({ length: n }, (_, i) => `l${i}: j l${n - 1 - i}\n`).join('') },
    { name: 'symbol chain', text: `${Array.from({ length: n }, (_, i) => ` .set s${i + 1}, s${i} + 1\n`).join('')} .set s0, 1\n .word s${n}\n` },
    { name: 'circular symbols', text: ' .set a, b\n .set b, a\n .word a\n' },
    { name: 'many local labels', text: `${'1: nop\n'.repeat(n)} j 1b\n` },
    { name: 'many sections', text: Array.from({ length: n }, (_, i) => ` .section .s${i}, "ax"\n nop\n`).join('') },
    { name: 'nested .irp', text: `${' .irp x, 1, 2\n'.repeat(16)} nop\n${' .endr\n'.repeat(16)}` },
    { name: 'empty', text: '' },
  ];
}
