// The toolchain never throws a host exception or hangs, whatever its input: `pagoda cc`, `as`, `ld`, `ar`
// and `objdump` each end with their own located diagnostics or succeed. Short runs with fixed seeds here
// (the long ones: `npm run fuzz -- --seconds N`); every bug a run finds is a failure naming the tool, the
// seed and the index that regenerate its input (makeInput), and gets a regression test
// (test/fuzz/regressions.test.ts).

import { describe, expect, it } from 'vitest';
import { loadCorpus } from './corpus.js';
import { fuzz, type Finding } from './engine.js';
import { pathologicalAsm, pathologicalC } from './pathological.js';
import { runTool, TOOLS, type Tool } from './targets.js';

/** Inputs per tool: the binary tools are fast, the compiler is not. */
const COUNTS: Record<Tool, number> = { cc: 100, as: 120, ld: 300, ar: 400, objdump: 300 };
const SEED = 20261207;
/** A run this slow is a bug even here (a loaded machine runs ~4x slower than an idle one). */
const LIMIT_MS = 8000;

function describeFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.tool} seed ${f.seed} index ${f.index} (${f.how}): ${f.message}`).join('\n');
}

describe('toolchain fuzz (fixed seeds)', () => {
  for (const tool of TOOLS) {
    it(`${tool}: ${COUNTS[tool]} mutated and random inputs end in a diagnostic or a success`, () => {
      const stats = fuzz({ tool, seed: SEED, count: COUNTS[tool], limitMs: LIMIT_MS });
      expect(describeFindings(stats.findings)).toBe('');
      expect(stats.inputs).toBe(COUNTS[tool]);
      // The mutators must reach both sides: inputs refused and inputs accepted.
      expect(stats.rejected).toBeGreaterThan(0);
      if (tool !== 'cc') expect(stats.ok).toBeGreaterThan(0);
    });
  }
});

describe('pathological sources', () => {
  const corpus = loadCorpus();
  // 100 levels compile, optimized (the later passes cope with what the parser lets through); 1200 are
  // past the nesting limits of both tools.
  for (const [depth, opt] of [[100, 1], [1200, 0]]) {
    it(`cc -O${opt}: every case at depth ${depth} ends in a located error or a success`, () => {
      const bugs: string[] = [];
      for (const c of pathologicalC(depth)) {
        const v = runTool({ tool: 'cc', how: c.name, text: c.text, opt }, corpus, LIMIT_MS);
        if (v.kind === 'bug') bugs.push(`${c.name}: ${v.message}`);
      }
      expect(bugs.join('\n')).toBe('');
    });
    it(`as: every case at depth ${depth} ends in a located error or a success`, () => {
      const bugs: string[] = [];
      for (const c of pathologicalAsm(depth)) {
        const v = runTool({ tool: 'as', how: c.name, text: c.text }, corpus, LIMIT_MS);
        if (v.kind === 'bug') bugs.push(`${c.name}: ${v.message}`);
      }
      expect(bugs.join('\n')).toBe('');
    });
  }

  it('cc: 10,000 parentheses, braces, nested macro calls and a file including itself', () => {
    const wanted = ['parentheses', 'braces', 'nested macro calls', 'self include'];
    const cases = pathologicalC(10_000).filter((c) => wanted.includes(c.name));
    expect(cases.map((c) => c.name).sort()).toEqual([...wanted].sort());
    for (const c of cases) {
      const v = runTool({ tool: 'cc', how: c.name, text: c.text }, corpus, LIMIT_MS);
      expect(v, c.name).toEqual({ kind: 'rejected' });
    }
  });
});
