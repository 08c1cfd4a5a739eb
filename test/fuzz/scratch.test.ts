import { it } from 'vitest';
import { fuzz } from './engine.js';
import type { Tool } from './targets.js';
const tool = (process.env.FT ?? 'objdump') as Tool;
it('scratch', () => {
  const t = Date.now();
  const s = fuzz({ tool, seed: Number(process.env.FS ?? 1), count: Number(process.env.FN ?? 200), limitMs: 5000 });
  console.log(tool, s.inputs, s.ok, s.rejected, Date.now() - t, 'ms');
  const seen = new Set<string>();
  for (const f of s.findings) { const k = f.message.split('\n').slice(0,2).join('|'); if (seen.has(k)) continue; seen.add(k); console.log(f.index, f.how, '\n', f.message.split('\n').slice(0,4).join('\n')); }
  console.log('findings', s.findings.length);
}, 600000);
