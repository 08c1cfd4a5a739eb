// The architecture's import rules (shared/ARCHITECTURE.md, STYLE.md "Layers the compiler enforces"):
// abi imports nothing; machine imports abi; loader and toolchain import abi; kernel imports
// abi, machine and loader; only cli/ and bin/ (hosts) import Node modules. Inside the C compiler the stages
// import one way, front end -> optimiser -> back end (toolchain/cc/{front,opt,back}, the back end feeding debug/), and all of them may
// use the compiler's diagnostics; only the driver at the top (index.ts) sees every stage.
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

/**
 * Folders allowed one more import beyond their layer's: the kernel-provided programs (kernel/programs/) are
 * the toolchain's drivers run on the kernel's side (ARCHITECTURE.md, "Kernel-provided programs"), so they, and
 * only they, reach toolchain/driver/ (its ToolHost interface, and the drivers through import()).
 */
const EXCEPTIONS: Record<string, string[]> = {
  'kernel/programs': ['toolchain/driver'],
};

const isException = (file: string, target: string): boolean =>
  Object.entries(EXCEPTIONS).some(([dir, reach]) => file.startsWith(dir + '/') && reach.some((r) => target === r || target.startsWith(r + '/')));

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
          const targetPath = relative(ROOT, resolve(file, '..', spec));
          const target = targetPath.split(/[\\/]/)[0];
          if (!allowed.includes(target) && !isException(relative(ROOT, file), targetPath)) bad.push(`${relative(ROOT, file)} imports ${spec}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }
});

const CC = 'toolchain/cc';
/** Per compiler stage folder: the paths (folders, or single files) its imports inside toolchain/cc may reach. */
const CC_STAGES: Record<string, string[]> = {
  [`${CC}/front`]: [`${CC}/front`, `${CC}/diagnostics.ts`],
  [`${CC}/opt`]: [`${CC}/front`, `${CC}/opt`, `${CC}/diagnostics.ts`],
  [`${CC}/back`]: [`${CC}/front`, `${CC}/opt`, `${CC}/back`, `${CC}/debug`, `${CC}/diagnostics.ts`],
  // Debug information (DWARF for -g) is written beside the code: it reads the front end's types, the back end
  // reports statement boundaries, frames and variable homes to it.
  [`${CC}/debug`]: [`${CC}/front`, `${CC}/debug`],
  [`${CC}/diagnostics.ts`]: [],
};

describe('the C compiler\'s stages', () => {
  for (const [stage, allowed] of Object.entries(CC_STAGES)) {
    it(`${stage} imports from toolchain/cc only ${allowed.join(', ') || 'nothing'}`, () => {
      const path = join(ROOT, stage);
      const files = stage.endsWith('.ts') ? [path] : sources(path);
      expect(files.length, `${stage} holds no sources`).toBeGreaterThan(0);
      const bad: string[] = [];
      for (const file of files) {
        for (const spec of imports(file)) {
          if (!spec.startsWith('.')) continue; // Node modules: checked by the layer rules above
          const target = relative(ROOT, resolve(file, '..', spec)).replace(/\\/g, '/').replace(/\.js$/, '.ts');
          if (!target.startsWith(`${CC}/`)) continue; // abi/ and the rest: the layer rules above
          if (!allowed.some((a) => target === a || target.startsWith(`${a}/`))) bad.push(`${relative(ROOT, file)} imports ${spec}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }
});
