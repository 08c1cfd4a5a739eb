#!/usr/bin/env node
// The one CLI: dispatch only. Each command lives in cli/<command>.ts (compiled to dist/cli/).
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const COMMANDS = {
  boot: 'boot the kernel to a shell on the console',
  run: 'run a RISC-V ELF program as the first process',
  cc: 'C compiler driver',
  as: 'RISC-V assembler',
  ld: 'linker',
  ar: 'archiver',
  objdump: 'disassembler (-d)',
  bench: 'benchmark suite (--json for JSON)',
  web: 'serve the browser page on 127.0.0.1',
};

/** Commands built into a single bundle too (dist/cli-bundle/): those whose start-up time matters. */
const BUNDLED = new Set(['run']);

/**
 * The bundle of `command` (rollup.config.mjs: one module to load instead of ~150) when there is one at least
 * as new as tsc's output: after a bare `tsc` (which rewrites every file of dist/) the stale bundle is passed
 * over for the modules just compiled.
 */
function fresherBundle(command) {
  if (!BUNDLED.has(command)) return undefined;
  try {
    const bundle = join(root, 'dist', 'cli-bundle', `${command}.cjs`);
    return statSync(bundle).mtimeMs >= statSync(join(root, 'dist', 'cli', `${command}.js`)).mtimeMs ? bundle : undefined;
  } catch {
    return undefined;
  }
}

function usage(out) {
  out.write('usage: pagoda <command> [args...]\n\ncommands:\n');
  for (const [name, what] of Object.entries(COMMANDS)) out.write(`  ${name.padEnd(9)}${what}\n`);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const command = argv.length === 0 ? 'boot' : argv[0];
if (command === '-h' || command === '--help' || command === 'help') {
  usage(process.stdout);
  process.exit(0);
}
if (!(command in COMMANDS)) {
  process.stderr.write(`pagoda: unknown command '${command}'\n`);
  usage(process.stderr);
  process.exit(2);
}
const bundlePath = fresherBundle(command);
const modulePath = bundlePath ?? join(root, 'dist', 'cli', `${command}.js`);
if (!existsSync(modulePath)) {
  const built = existsSync(join(root, 'dist'));
  process.stderr.write(built
    ? `pagoda ${command}: not built yet (its issue has not landed)\n`
    : `pagoda: dist/ is missing; run 'npm install' (or 'npm run build') first\n`);
  process.exit(2);
}
// A closed pipe on stdout (`pagoda objdump -d x | head`) ends the command quietly, with the status a
// shell shows for a process killed by SIGPIPE, as GNU tools do.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(141);
  throw e;
});
let main;
let saveCodeCache = () => {};
if (bundlePath) {
  const { loadBundle } = await import('./code-cache.mjs');
  ({ exports: { main }, saveCodeCache } = loadBundle(bundlePath));
} else {
  ({ main } = await import(pathToFileURL(modulePath).href));
}
const status = await main(argv.slice(1));
process.exitCode = typeof status === 'number' ? status : 0;
saveCodeCache();
