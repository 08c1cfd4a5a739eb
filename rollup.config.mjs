// Browser bundles, built from tsc's output in dist/. The machine bundle proves that the machine
// (and what it imports) needs nothing from Node; the web page (web/, served by `pagoda web`) is two more
// bundles in dist/www: the page (app.js, with xterm.js and lodash-es) and the worker running the kernel
// (worker.js), plus the page's static files. The kernel-provided toolchain (kernel/programs/) is imported
// dynamically, so it lands in chunks of its own that the worker loads the first time `cc` runs.
// `pagoda run` starts from one bundle too (dist/cli-bundle/run.cjs): Node loads one module instead of ~150,
// the biggest share of its start-up time (issue 18), and bin/code-cache.mjs keeps its compiled code.
import { readFileSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';

// A Node import in a browser bundle is an error, not a warning.
function onwarn(warning, warn) {
  if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(warning.message);
  warn(warning);
}

/** Copies the page's static files next to the bundle. */
function staticFiles(files) {
  return {
    name: 'pagoda-static-files',
    generateBundle() {
      for (const [fileName, from] of Object.entries(files)) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(from) });
      }
    },
  };
}

export default [
  {
    // CommonJS, so that bin/code-cache.mjs can load it through V8's code cache.
    input: { run: 'dist/cli/run.js' },
    output: { dir: 'dist/cli-bundle', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs', sourcemap: false },
    external: (id) => id.startsWith('node:'),
    onwarn,
  },
  {
    input: 'dist/machine/machine.js',
    output: { file: 'dist/browser/machine.js', format: 'es', sourcemap: false },
    onwarn,
  },
  {
    input: 'dist/web/main.js',
    output: { dir: 'dist/www', entryFileNames: 'app.js', format: 'es', sourcemap: false },
    plugins: [
      nodeResolve({ browser: true }),
      staticFiles({
        'index.html': 'web/index.html',
        'style.css': 'web/style.css',
        'xterm.css': 'node_modules/@xterm/xterm/css/xterm.css',
      }),
    ],
    onwarn,
  },
  {
    input: 'dist/web/worker.js',
    output: { dir: 'dist/www', entryFileNames: 'worker.js', format: 'es', sourcemap: false },
    onwarn,
  },
];
