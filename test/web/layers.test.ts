// web/ runs in the browser: it may import abi/, machine/, loader/, kernel/, web/ and the page's packages
// (xterm.js, its fit addon, lodash-es per function), never a Node module, cli/, toolchain/ or test code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const WEB = join(ROOT, 'web');
/** The top-level folders a relative import from web/ may land in. */
const LOCAL_FOLDERS = ['web', 'abi', 'machine', 'loader', 'kernel'];
const PACKAGES = /^(@xterm\/xterm|@xterm\/addon-fit|lodash-es\/[a-zA-Z]+\.js)$/;
/** `import … from 'x'`, `export … from 'x'`, `import 'x'` and `import('x')`. */
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** What is wrong with the imports of one web/ file (empty when it keeps the rules). */
export function layerViolations(file: string, text: string): string[] {
  const bad: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3];
    const ok = spec.startsWith('.')
      ? LOCAL_FOLDERS.includes(relative(ROOT, resolve(file, '..', spec)).split(/[\\/]/)[0])
      : PACKAGES.test(spec);
    if (!ok) bad.push(`${relative(ROOT, file)} imports ${spec}`);
  }
  return bad;
}

describe('web/ layering', () => {
  it('imports only browser-safe code: no Node modules, no cli/ or toolchain/, lodash-es per function', () => {
    const files = sources(WEB);
    expect(files.length).toBeGreaterThan(0);
    expect(files.flatMap((f) => layerViolations(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('the check itself refuses a relative import outside the allowed folders, a Node module and a whole lodash', () => {
    const file = join(WEB, 'page.ts');
    const text = [
      "import { assemble } from '../toolchain/as/assemble.js';",
      "import { x } from '../cli/run.js';",
      "import '../test/harness.js';",
      "const m = await import('node:fs');",
      "import { debounce } from 'lodash-es';",
      "import { Cpu } from '../machine/cpu.js';",
      "import { view } from './vmap-view.js';",
    ].join('\n');
    expect(layerViolations(file, text)).toEqual([
      'web/page.ts imports ../toolchain/as/assemble.js',
      'web/page.ts imports ../cli/run.js',
      'web/page.ts imports ../test/harness.js',
      'web/page.ts imports node:fs',
      'web/page.ts imports lodash-es',
    ]);
  });
});
