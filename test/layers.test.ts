// The architecture's import rules (shared/ARCHITECTURE.md, STYLE.md "Layers the compiler enforces"):
// abi imports nothing; machine imports abi; loader and toolchain import abi; kernel imports
// abi, machine and loader; only cli/ and bin/ (hosts) import Node modules.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const ALLOWED: Record<string, string[]> = {
  abi: ['abi'],
  machine: ['abi', 'machine'],
  loader: ['abi', 'loader'],
  toolchain: ['abi', 'toolchain'],
  kernel: ['abi', 'machine', 'loader', 'kernel'],
  bench: ['abi', 'machine', 'loader', 'kernel', 'toolchain', 'bench'],
};

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

describe('layering', () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it(`${layer}/ imports only ${allowed.join(', ')}, and no Node modules`, () => {
      // A missing or empty layer folder is a failure, not a pass: the rule would then hold of nothing.
      const files = existsSync(join(ROOT, layer)) ? sources(join(ROOT, layer)) : [];
      expect(files.length, `${layer}/ has no .ts files`).toBeGreaterThan(0);
      const bad: string[] = [];
      for (const file of files) {
        for (const spec of imports(file)) {
          if (spec.startsWith('node:') || !spec.startsWith('.')) {
            if (layer !== 'bench' || !spec.startsWith('node:')) bad.push(`${relative(ROOT, file)} imports ${spec}`);
            continue;
          }
          const target = relative(ROOT, resolve(file, '..', spec)).split(/[\\/]/)[0];
          if (!allowed.includes(target)) bad.push(`${relative(ROOT, file)} imports ${spec}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }
});
