#!/usr/bin/env node
// The one CLI: dispatch only. Each command lives in cli/<command>.ts (compiled to dist/cli/).
import { existsSync } from 'node:fs';
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
const modulePath = join(root, 'dist', 'cli', `${command}.js`);
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
const { main } = await import(pathToFileURL(modulePath).href);
const status = await main(argv.slice(1));
process.exitCode = typeof status === 'number' ? status : 0;
