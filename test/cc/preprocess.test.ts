// The preprocessor through the pure API: include search order, guards and #pragma once, -D/-U,
// macro corner cases, and gcc -E-like output.
import { describe, expect, it } from 'vitest';
import { compile, preprocessOnly } from '../../toolchain/cc/index.js';

function pp(src: string, files: Record<string, string> = {}, opts: Parameters<typeof preprocessOnly>[2] = {}): string {
  const r = preprocessOnly(src, 'main.c', { readFile: (p) => files[p] ?? null, ...opts });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.text.trim();
}

describe('preprocessor', () => {
  it('searches the including file\'s directory first for "..." and only -I/system dirs for <...>', () => {
    const files = { 'src/a.h': 'LOCAL', 'inc/a.h': 'INC', 'sys/b.h': 'SYS' };
    expect(pp('#include "a.h"', files, { includeDirs: ['inc'] }).replace(/\s+/g, ' ')).toBe('INC');
    const r = preprocessOnly('#include "a.h"\n#include <b.h>\n', 'src/main.c', { includeDirs: ['inc'], systemIncludeDirs: ['sys'], readFile: (p) => (files as Record<string, string>)[p] ?? null });
    expect(r.text.replace(/\s+/g, ' ').trim()).toBe('LOCAL SYS');
  });

  it('reads a guarded header once and honours #pragma once', () => {
    let reads = 0;
    const files: Record<string, string> = { 'g.h': '#ifndef G\n#define G\nguarded\n#endif\n', 'o.h': '#pragma once\nonce\n' };
    const r = preprocessOnly('#include "g.h"\n#include "g.h"\n#include "o.h"\n#include "o.h"\n', 'm.c', {
      readFile: (p) => {
        reads++;
        return files[p] ?? null;
      },
    });
    expect(r.text.replace(/\s+/g, ' ').trim()).toBe('guarded once');
    expect(reads).toBe(2);
  });

  it('applies -D and -U in order, with "1" as the default value', () => {
    expect(pp('A B C', {}, { defines: [['A', '1'], ['B', 'x+y'], ['C', '3']], undefines: ['C'] })).toBe('1 x+y C');
  });

  it('defines the target macros of RISC-V ilp32 and Pagoda', () => {
    expect(pp('__riscv __riscv_xlen __ILP32__ __pagoda__ __STDC_VERSION__ __CHAR_UNSIGNED__')).toBe('1 32 1 1 201112L 1');
  });

  it('expands function-like macros with #, ## and __VA_ARGS__ (Prosser hidesets)', () => {
    const src = '#define S(x) #x\n#define C(a,b) a##b\n#define V(f, ...) f(__VA_ARGS__)\n#define f(x) x+f\nS( a  "b\\n" ) C(x,1) V(g, 1, 2) f(f(1))';
    expect(pp(src)).toBe('"a \\"b\\\\n\\"" x1 g(1, 2) 1+f+f');
  });

  it('does not expand a function-like macro name without parentheses', () => {
    expect(pp('#define F(x) x\nF + F(2)')).toBe('F + 2');
  });

  it('evaluates #if with unsigned arithmetic, defined and the ternary', () => {
    expect(pp('#if -1 > 0u\nU\n#endif\n#if (2 || 1/0) && defined(X) == 0 ? 1 : 0\nT\n#else\nE\n#endif')).toBe('U\nT');
  });

  it('consumes the _Pragma operator, also from macro expansions', () => {
    expect(pp('#define P _Pragma("GCC diagnostic push") x\na _Pragma("once") P b')).toBe('a x b');
  });

  it('reports #error with its text and location', () => {
    const r = compile('\n#error custom message here\n', 'x.c', {});
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ message: '#error custom message here', line: 2, col: 2 });
  });

  it('turns #warning into a warning and keeps going', () => {
    const r = compile('#warning careful\nint x;\n', 'x.c', {});
    expect(r.ok).toBe(true);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'warning', message: '#warning careful' });
  });
});
