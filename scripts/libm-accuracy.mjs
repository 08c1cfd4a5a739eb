// `npm run libm:accuracy -- --cases N [--via qemu|pagoda]`: the long libm accuracy table outside vitest.
// The run lives in test/libm/run-accuracy.ts with the test's build and measure; node runs TypeScript only
// once transpiled, so this transpiles test/libm/*.ts (types stripped, nothing checked) into dist/libm-accuracy/
// (two levels below the root, as test/libm is, so the files find the root and reference.py alike) and runs it.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const src = join(root, 'test/libm');
const out = join(root, 'dist/libm-accuracy');
mkdirSync(out, { recursive: true });
for (const name of readdirSync(src).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
  const js = ts.transpileModule(readFileSync(join(src, name), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  writeFileSync(join(out, name.replace(/\.ts$/, '.js')), js);
}
await import(pathToFileURL(join(out, 'run-accuracy.js')).href);
