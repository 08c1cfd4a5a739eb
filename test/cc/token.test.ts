// The compact token representation (toolchain/cc/front/token.ts): packed kind/flags/line, the shared side object
// for literal payloads, macro hidesets and #line names, and the copies the preprocessor makes.
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../toolchain/cc/diagnostics.js';
import { compile, preprocessOnly } from '../../toolchain/cc/index.js';
import { ExpansionExtra, copyToken, expansionCopy, locationOf, makeToken, tokenize } from '../../toolchain/cc/front/tokenize.js';

const file = new SourceFile('t.c', 'int x;\n');

describe('compact tokens', () => {
  it('reads back every field it was made with, and each field changes alone', () => {
    const t = makeToken('ident', 'x', file, 4, 7, true, false);
    expect([t.kind, t.text, t.pos, t.line, t.atBol, t.hasSpace, t.displayName]).toEqual(['ident', 'x', 4, 7, true, false, 't.c']);
    expect([t.hideset, t.origin, t.strElems, t.charSize, t.charValue, t.invalid]).toEqual([null, undefined, undefined, undefined, undefined, undefined]);
    t.kind = 'keyword';
    t.hasSpace = true;
    t.atBol = false;
    t.line = 9;
    expect([t.kind, t.line, t.atBol, t.hasSpace, t.text, t.pos]).toEqual(['keyword', 9, false, true, 'x', 4]);
  });

  it('keeps line numbers too large to pack (as #line allows up to 2147483647)', () => {
    const t = makeToken('num', '1', file, 0, 2147483647, false, false);
    expect(t.line).toBe(2147483647);
    t.line = 3;
    expect(t.line).toBe(3);
    t.line = 100_000_000;
    expect([t.line, t.kind, t.text]).toEqual([100_000_000, 'num', '1']);
  });

  it('copies with copyToken never share a change with the original (literal payloads included)', () => {
    const [s] = tokenize(new SourceFile('s.c', '"ab"'));
    const c = copyToken(s, { hasSpace: true, displayName: 'other.c' });
    c.strElems = [1];
    c.hideset = new Set(['M']);
    expect(s.strElems).toEqual([97, 98]);
    expect([s.hideset, s.hasSpace, s.displayName]).toEqual([null, false, 's.c']);
    expect([c.strElems, c.charSize, c.displayName, c.text]).toEqual([[1], 1, 'other.c', '"ab"']);
  });

  it('expansion copies take the expansion hideset and origin unless they carry their own', () => {
    const use = makeToken('ident', 'M', file, 0, 1, true, false);
    const hs = new Set(['M']);
    const ex = new ExpansionExtra(use, hs);
    const body = makeToken('punct', '+', file, 2, 1, true, true);
    const a = expansionCopy(body, false, ex);
    const b = expansionCopy(body, true, ex);
    expect([a.hideset, a.origin, a.atBol, a.hasSpace]).toEqual([hs, use, false, false]);
    expect([b.hideset, b.origin, b.hasSpace]).toEqual([hs, use, true]);
    // a change to one copy does not leak into its siblings through the shared side object
    a.hideset = new Set(['N']);
    expect(b.hideset).toBe(hs);
    const inner = makeToken('ident', 'y', file, 3, 1, false, false);
    inner.origin = body;
    inner.hideset = new Set(['K']);
    const c = expansionCopy(inner, false, ex);
    expect([c.origin, [...c.hideset!]]).toEqual([body, ['K']]);
  });

  it('gives a plain location object, moved by a delta', () => {
    const t = makeToken('ident', 'abc', file, 4, 1, false, false);
    expect(locationOf(t, 3)).toEqual({ file, pos: 7, line: 1, displayName: 't.c' });
  });
});

describe('tokens through the compiler', () => {
  it('reports an error after #line with a huge line number and a new file name', () => {
    const r = compile('#line 2000000000 "big.c"\nint x = ;\n', 'm.c');
    expect(r.ok).toBe(false);
    expect([r.diagnostics[0].fileName, r.diagnostics[0].line, r.diagnostics[0].col]).toEqual(['big.c', 2000000000, 9]);
  });

  it('keeps macro-expanded tokens on the line of the invocation in -E output, with __LINE__ inside arguments', () => {
    const r = preprocessOnly('#define F(a) (a + __LINE__)\nint x =\n  F(1\n);\nint y;\n', 'm.c');
    expect(r.text.trim().split('\n')).toEqual(['int x =', '(1 + 3)', ';', 'int y;']);
  });

  it('interns identifier spellings: equal names share one string, different ones stay apart', () => {
    const toks = tokenize(new SourceFile('i.c', 'alpha beta alpha alphb 12 12 0x1f'));
    expect(toks.map((t) => t.text)).toEqual(['alpha', 'beta', 'alpha', 'alphb', '12', '12', '0x1f', '']);
    expect(toks.map((t) => t.kind)).toEqual(['ident', 'ident', 'ident', 'ident', 'num', 'num', 'num', 'eof']);
  });
});
