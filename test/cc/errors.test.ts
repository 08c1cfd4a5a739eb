// Diagnostics: each kind of mistake gives gcc's message at the exact line:col, with the source line and a
// caret; errors stop compilation (ok: false), warnings do not. Never an exception or a stack trace.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/cc.js';
import { compile, formatDiagnostic } from '../../toolchain/cc/index.js';

// [what, source, first diagnostic line]
const CASES: [string, string, string][] = [
  ["undeclared", "int main(void) {\n  return x;\n}\n", "pagoda cc: e.c:2:10: error: 'x' undeclared (first use in this function)"],
  ["missing semicolon", "int main(void) {\n  int a = 1\n  return a;\n}\n", "pagoda cc: e.c:2:12: error: expected ',' or ';' before 'return'"],
  ["too many args", "int f(int a) { return a; }\nint main(void) { return f(1, 2); }\n", "pagoda cc: e.c:2:30: error: too many arguments to function 'f'"],
  ["too few args", "int f(int a, int b) { return a; }\nint main(void) { return f(1); }\n", "pagoda cc: e.c:2:28: error: too few arguments to function 'f'"],
  ["struct to int", "struct S { int a; } s;\nint main(void) { int x = s; return x; }\n", "pagoda cc: e.c:2:26: error: incompatible types when initializing type 'int' from type 'struct S'"],
  ["invalid operands", "struct S { int a; } s;\nint main(void) { return s + 1; }\n", "pagoda cc: e.c:2:27: error: invalid operands to binary + (have 'struct S' and 'int')"],
  ["lvalue", "int main(void) { 1 = 2; return 0; }\n", "pagoda cc: e.c:1:20: error: lvalue required as left operand of assignment"],
  ["const assign", "int main(void) { const int c = 1; c = 2; return c; }\n", "pagoda cc: e.c:1:37: error: assignment of read-only variable 'c'"],
  ["redefinition", "int f(void) { return 1; }\nint f(void) { return 2; }\n", "pagoda cc: e.c:2:5: error: redefinition of 'f'"],
  ["conflicting", "int f(int);\nchar *f(int);\n", "pagoda cc: e.c:2:7: error: conflicting types for 'f'; have 'char *(int)'"],
  ["break outside", "int main(void) { break; }\n", "pagoda cc: e.c:1:18: error: break statement not within loop or switch"],
  ["continue outside", "int main(void) { switch (1) { continue; } }\n", "pagoda cc: e.c:1:31: error: continue statement not within a loop"],
  ["case outside", "int main(void) { case 1: return 0; }\n", "pagoda cc: e.c:1:18: error: case label not within a switch statement"],
  ["duplicate case", "int main(int c) { switch (c) { case 1: case 1: return 0; } return 1; }\n", "pagoda cc: e.c:1:40: error: duplicate case value"],
  ["undefined label", "int main(void) { goto nowhere; }\n", "pagoda cc: e.c:1:23: error: label 'nowhere' used but not defined"],
  ["no member", "struct S { int a; };\nint main(void) { struct S s; return s.b; }\n", "pagoda cc: e.c:2:39: error: 'struct S' has no member named 'b'"],
  ["member of non-struct", "int main(void) { int x; return x.a; }\n", "pagoda cc: e.c:1:34: error: request for member 'a' in something not a structure or union"],
  ["deref int", "int main(void) { int x = 0; return *x; }\n", "pagoda cc: e.c:1:36: error: invalid type argument of unary '*' (have 'int')"],
  ["call non-function", "int main(void) { int x = 0; return x(); }\n", "pagoda cc: e.c:1:36: error: called object is not a function or function pointer"],
  ["incomplete storage", "struct S;\nint main(void) { struct S s; return 0; }\n", "pagoda cc: e.c:2:27: error: storage size of 's' isn't known"],
  ["complex", "_Complex double c;\n", "pagoda cc: e.c:1:1: error: '_Complex' is not supported by pagoda cc"],
  ["float modulo", "double f(double a, double b) { return a % b; }\n", "pagoda cc: e.c:1:41: error: invalid operands to binary % (have 'double' and 'double')"],
  ["float shift", "int f(float a) { return a << 1; }\n", "pagoda cc: e.c:1:27: error: invalid operands to binary << (have 'float' and 'int')"],
  ["float to pointer", "void *f(double a) { return (void *)a; }\n", "pagoda cc: e.c:1:28: error: cannot convert to a pointer type"],
  ["bad exponent", "double x = 1e+;\n", "pagoda cc: e.c:1:12: error: exponent has no digits"],
  ["hex float without exponent", "double x = 0x1.8;\n", "pagoda cc: e.c:1:12: error: hexadecimal floating constants require an exponent"],
  ["float suffix", "double x = 1.5q;\n", "pagoda cc: e.c:1:12: error: invalid suffix \"q\" on floating constant"],
  ["void value", "void f(void) {}\nint main(void) { int x = f(); return x; }\n", "pagoda cc: e.c:2:27: error: void value not ignored as it ought to be"],
  ["subscript", "int main(void) { int x = 0; return x[1]; }\n", "pagoda cc: e.c:1:37: error: subscripted value is neither array nor pointer nor vector"],
  ["expected expression", "int main(void) { return (); }\n", "pagoda cc: e.c:1:26: error: expected expression before ')' token"],
  ["unterminated comment", "int main(void) { /* oops\n return 0; }\n", "pagoda cc: e.c:1:18: error: unterminated comment"],
  ["unterminated string", "char *s = \"abc;\n", "pagoda cc: e.c:1:11: error: missing terminating \" character"],
  ["#error", "#error stop here\nint x;\n", "pagoda cc: e.c:1:2: error: #error stop here"],
  ["missing include", "#include \"nothere.h\"\n", "pagoda cc: e.c:1:10: error: nothere.h: No such file or directory"],
  ["unterminated #if", "#if 1\nint x;\n", "pagoda cc: e.c:1:2: error: unterminated conditional directive"],
  ["static assert", "_Static_assert(1 == 2, \"math is broken\");\n", "pagoda cc: e.c:1:1: error: static assertion failed: \"math is broken\""],
  ["negative array", "int a[-1];\n", "pagoda cc: e.c:1:7: error: size of array is negative"],
  ["duplicate member", "struct S { int a; char a; };\n", "pagoda cc: e.c:1:24: error: duplicate member 'a'"],
  ["unknown type", "foo x;\n", "pagoda cc: e.c:1:1: error: unknown type name 'foo'"],
  ["bit-field width", "struct S { int a : 40; };\n", "pagoda cc: e.c:1:20: error: width of 'a' exceeds its type"],
  ["macro args", "#define F(a, b) a\nint x = F(1);\n", "pagoda cc: e.c:2:9: error: macro \"F\" requires 2 arguments, but only 1 given"],
  ["incompatible arg", "struct S { int a; } s;\nint f(int);\nint main(void) { return f(s); }\n", "pagoda cc: e.c:3:27: error: incompatible type for argument 1 of 'f'"],
  ["nonconst init", "int f(void);\nint x = f();\n", "pagoda cc: e.c:2:10: error: initializer element is not constant"],
  ["default outside", "int main(void) { default: return 0; }\n", "pagoda cc: e.c:1:18: error: 'default' label not within a switch statement"],
  ["multiple default", "int main(int c) { switch (c) { default: default: return 0; } }\n", "pagoda cc: e.c:1:41: error: multiple default labels in one switch"],
  ["missing paren", "int main(void) { if (1 return 0; }\n", "pagoda cc: e.c:1:24: error: expected ')' before 'return'"],
  ["redeclared local", "int main(void) { int a; int a; return 0; }\n", "pagoda cc: e.c:1:29: error: redeclaration of 'a' with no linkage"],
  ["array assign", "int main(void) { int a[2], b[2]; a = b; return 0; }\n", "pagoda cc: e.c:1:36: error: assignment to expression with array type"],
  ["void var", "void v;\n", "pagoda cc: e.c:1:6: error: variable or field 'v' declared void"],
  ["endif without if", "#endif\n", "pagoda cc: e.c:1:2: error: #endif without #if"],
  ["bad directive", "#foo\n", "pagoda cc: e.c:1:2: error: invalid preprocessing directive #foo"],
  ["stray char", "int x = 1 @ 2;\n", "pagoda cc: e.c:1:11: error: stray '@' in program"],
  ["return struct mismatch", "struct S { int a; };\nstruct S f(void) { return 1; }\n", "pagoda cc: e.c:2:27: error: incompatible types when returning type 'int' but 'struct S' was expected"],
  ["addr of bitfield", "struct S { int a : 3; } s;\nint *p = &s.a;\n", "pagoda cc: e.c:2:10: error: cannot take address of bit-field 'a'"],
  ["warn implicit", "int main(void) { return g(); }\n", "pagoda cc: e.c:1:25: warning: implicit declaration of function 'g' [-Wimplicit-function-declaration]"],
  ["warn return no value", "int f(void) { return; }\n", "pagoda cc: e.c:1:15: warning: 'return' with no value, in function returning non-void"],
];

describe('pagoda cc diagnostics', () => {
  for (const [what, source, expected] of CASES) {
    const isWarning = expected.includes(': warning: ');
    it(`reports ${what} as "${expected.replace(/^pagoda cc: e\.c:/, '')}"`, () => {
      const r = compile(source, 'e.c', {});
      expect(r.diagnostics.length).toBeGreaterThan(0);
      expect(formatDiagnostic(r.diagnostics[0], 'pagoda cc').split('\n')[0]).toBe(expected);
      expect(r.ok).toBe(isWarning);
    });
  }

  it('prints the source line and a caret under the column', () => {
    const r = compile('int main(void) {\n  return y + 1;\n}\n', 'e.c', {});
    expect(formatDiagnostic(r.diagnostics[0], 'pagoda cc')).toBe(
      "pagoda cc: e.c:2:10: error: 'y' undeclared (first use in this function)\n   return y + 1;\n          ^",
    );
  });

  it('locates errors inside included files by their own name and line', () => {
    const files: Record<string, string> = { 'inc/bad.h': 'int ok;\nint bad = ;\n' };
    const r = compile('#include "bad.h"\n', 'main.c', { includeDirs: ['inc'], readFile: (p) => files[p] ?? null });
    expect(formatDiagnostic(r.diagnostics[0], 'pagoda cc').split('\n')[0]).toBe(
      "pagoda cc: inc/bad.h:2:11: error: expected expression before ';' token",
    );
  });

  it('honours #line in reported locations', () => {
    const r = compile('#line 100 "orig.y"\nint x = ;\n', 'gen.c', {});
    expect(formatDiagnostic(r.diagnostics[0], 'pagoda cc').split('\n')[0]).toBe(
      "pagoda cc: orig.y:100:9: error: expected expression before ';' token",
    );
  });

  it('never throws on garbage input', () => {
    for (const src of ['}}}}', '((((', 'int (*(*x[3])())[;', '#define F(\n', 'struct { int a : ; }', '"\\', "'", 'int f(int a, ...) { return f(,); }']) {
      const r = compile(src, 'g.c', {});
      expect(r.ok).toBe(false);
      expect(r.diagnostics[0].severity).toBe('error');
      expect(r.diagnostics[0].message).not.toMatch(/internal compiler error/);
    }
  });
});

describe('pagoda cc command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pagoda-cc-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1 and prints the gcc-style diagnostic on stderr for a bad file', async () => {
    const file = join(dir, 'bad.c');
    writeFileSync(file, 'int main(void) { return 0 }\n');
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['-S', '-o', join(dir, 'bad.s'), file])).toBe(1);
      const text = err.mock.calls.map((c) => String(c[0])).join('');
      expect(text).toContain(`pagoda cc: ${file}:1:26: error: expected ';' before '}' token`);
    } finally {
      err.mockRestore();
    }
  });

  it('writes assembly with -S and exits 0', async () => {
    const file = join(dir, 'good.c');
    writeFileSync(file, '#include <stdint.h>\nint32_t twice(int32_t x) { return 2 * x; }\n');
    expect(await main(['-S', '-O1', '-o', join(dir, 'good.s'), file])).toBe(0);
  });

  it('reports an unwritable output file as an error, not a stack trace', async () => {
    const file = join(dir, 'ok.c');
    writeFileSync(file, 'int x;\n');
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['-S', '-o', join(dir, 'missing-dir', 'ok.s'), file])).toBe(1);
      expect(err.mock.calls.map((c) => String(c[0])).join('')).toMatch(/^pagoda cc: error: .*ENOENT\n$/);
    } finally {
      err.mockRestore();
    }
  });

  it('rejects an unknown option', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['--frobnicate', 'x.c'])).toBe(1);
    } finally {
      err.mockRestore();
    }
  });
});
