// _Generic by C11's compatibility rules (6.2.7): char, signed char and unsigned char are three types,
// qualifiers of pointed-to types count at every level, the controlling expression is lvalue-converted.
import { describe, expect, it } from 'vitest';
import { compile } from '../../toolchain/cc/index.js';
import { describeSpecProgram } from './spec-program.js';

describeSpecProgram('generic.c', '_Generic and type compatibility');

describe('_Generic constraints', () => {
  it("rejects two compatible associations, at the second (gcc's message)", () => {
    const r = compile('int x = _Generic(1, int: 1, signed int: 2);\n', 'g.c', {});
    expect(r.ok).toBe(false);
    const d = r.diagnostics[0];
    expect(`${d.line}:${d.col}: ${d.message}`).toBe("1:29: '_Generic' specifies two compatible types");
  });

  it('accepts associations that differ only in the qualifiers of the pointed-to type or in char signedness', () => {
    const r = compile('int x = _Generic((char *)0, char *: 1, const char *: 2, signed char *: 3, unsigned char *: 4);\n', 'g.c', {});
    expect(r.diagnostics).toEqual([]);
    expect(r.ok).toBe(true);
  });
});
