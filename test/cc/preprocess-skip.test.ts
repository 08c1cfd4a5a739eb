// Conditional groups and the pragmas and operators real headers use: a skipped group is only scanned for
// directives; #pragma push_macro/pop_macro; __has_include, __has_include_next and #include_next; __COUNTER__.
import { describe, expect, it } from 'vitest';
import { preprocessOnly } from '../../toolchain/cc/index.js';
import { describeSpecProgram } from './spec-program.js';

function pp(src: string, files: Record<string, string> = {}, opts: Parameters<typeof preprocessOnly>[2] = {}): string {
  const r = preprocessOnly(src, 'main.c', { readFile: (p) => files[p] ?? null, ...opts });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.text.replace(/\s+/g, ' ').trim();
}

function ppError(src: string): string {
  const r = preprocessOnly(src, 'main.c', { readFile: () => null });
  expect(r.ok).toBe(false);
  const d = r.diagnostics[0];
  return `${d.line}:${d.col}: ${d.message}`;
}

describeSpecProgram('preprocess_skip.c', 'skipped groups, push_macro/pop_macro, __has_include, __COUNTER__');

describe('skipped groups', () => {
  it('ignores stray characters and unterminated quotes in a false group, at every nesting depth', () => {
    expect(pp('#if 0\n@ ` \\\n\' "\n#if 1\n@\n#endif\n#elif 0\n@\n#else\nkept\n#endif\n')).toBe('kept');
  });

  it('still rejects a stray character that reaches the parser, at its line and column', () => {
    expect(ppError('#if 1\nint x = 1 @ 2;\n#endif\n')).toBe("2:11: stray '@' in program");
  });

  it('lets # stringize a stray character, as gcc does', () => {
    expect(pp('#define S(x) #x\nS(@) S(a`b)')).toBe('"@" "a`b"');
  });
});

describe('#pragma push_macro / pop_macro', () => {
  it('restores the definition pushed, or its absence', () => {
    expect(pp('#define A 1\n#pragma push_macro("A")\n#undef A\nA\n#pragma pop_macro("A")\nA')).toBe('A 1');
    expect(pp('#pragma push_macro("B")\n#define B 2\nB\n#pragma pop_macro("B")\nB')).toBe('2 B');
  });

  it('keeps a stack per name and ignores a pop with nothing pushed', () => {
    const src = '#define A 1\n#pragma push_macro("A")\n#define A 2\n#pragma push_macro("A")\n#define A 3\nA\n' +
      '#pragma pop_macro("A")\nA\n#pragma pop_macro("A")\nA\n#pragma pop_macro("A")\nA';
    expect(pp(src)).toBe('3 2 1 1');
  });

  it('works through _Pragma, including from a macro body', () => {
    expect(pp('#define A 1\n#define SAVE _Pragma("push_macro(\\"A\\")")\nSAVE\n#undef A\nA\n_Pragma("pop_macro(\\"A\\")")\nA')).toBe('A 1');
  });

  it('warns about a malformed one and goes on', () => {
    const r = preprocessOnly('#pragma push_macro(A)\nok\n', 'main.c', { readFile: () => null });
    expect(r.ok).toBe(true);
    expect(r.diagnostics[0].message).toBe('invalid #pragma push_macro directive: expected push_macro("NAME")');
  });
});

describe('__has_include and #include_next', () => {
  const files = { 'inc1/h.h': 'one\n#include_next <h.h>\n', 'inc2/h.h': 'two\n#if __has_include_next(<h.h>)\nmore\n#endif\n', 'inc3/h.h': 'three' };

  it('answers from the same search as #include, with "" and <> and a macro naming the header', () => {
    const opts = { includeDirs: ['inc1'] };
    expect(pp('#if __has_include(<h.h>) && !__has_include(<x.h>) && __has_include("inc2/h.h")\nyes\n#endif', files, opts)).toBe('yes');
    expect(pp('#define H <h.h>\n#if __has_include(H)\nyes\n#endif', files, opts)).toBe('yes');
    expect(pp('#ifdef __has_include\nyes\n#endif')).toBe('yes');
  });

  it('#include_next continues the search after the directory the current header came from', () => {
    expect(pp('#include <h.h>', files, { includeDirs: ['inc1', 'inc2', 'inc3'] })).toBe('one two more');
    expect(pp('#include <h.h>', files, { includeDirs: ['inc1', 'inc2'] })).toBe('one two');
  });

  it('reports a malformed operand at its place', () => {
    expect(ppError('#if __has_include h.h\n#endif\n')).toBe('1:5: missing \'(\' after "__has_include"');
  });
});

describe('__COUNTER__', () => {
  it('counts up from 0 across the unit, once per expansion', () => {
    expect(pp('#define C __COUNTER__\n__COUNTER__ C C __COUNTER__')).toBe('0 1 2 3');
  });
});
