import { it } from 'vitest';
import { makeInput } from './engine.js';
import { runTool } from './targets.js';
import { loadCorpus } from './corpus.js';
import type { Tool } from './targets.js';
const tool = (process.env.FT ?? 'as') as Tool;
it('slow', () => {
  const corpus = loadCorpus();
  const idx = process.env.FI ? process.env.FI.split(',').map(Number) : Array.from({ length: Number(process.env.FN ?? 100) }, (_, i) => i);
  for (const i of idx) {
    const inp = makeInput(tool, Number(process.env.FS ?? 1), i, corpus);
    const t = performance.now();
    const v = runTool(inp, corpus);
    const ms = performance.now() - t;
    if (ms > Number(process.env.FMS ?? 1000) || process.env.FI) console.log(i, inp.how, Math.round(ms), v.kind, v.kind === 'bug' ? v.message.slice(0, 300) : '', (inp.text ?? '').length);
  }
}, 6000000);
