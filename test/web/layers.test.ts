// web/ runs in the browser: it may import abi/, machine/, loader/, kernel/, web/ and the page's packages
// (xterm.js, its fit addon, lodash-es per function), never a Node module.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = join(__dirname, '..', '..', 'web');
const LOCAL = /^\.\.?\/|^\.\.\/(abi|machine|loader|kernel)\//;
const PACKAGES = /^(@xterm\/xterm|@xterm\/addon-fit|lodash-es\/[a-zA-Z]+\.js)$/;

describe('web/ layering', () => {
  it('imports only browser-safe code: no Node modules, no cli/, lodash-es per function', () => {
    const bad: string[] = [];
    for (const name of readdirSync(WEB).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(join(WEB, name), 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
        const spec = m[1];
        const ok = spec.startsWith('.') ? LOCAL.test(spec) && !spec.includes('/cli/') && !spec.includes('/test/') : PACKAGES.test(spec);
        if (!ok) bad.push(`${name} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
