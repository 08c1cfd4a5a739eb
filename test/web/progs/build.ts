// The console test programs (test/web/progs/*.c): built by the kernel tests' builder
// (test/kernel/progs/build.ts: gcc rv32im/ilp32, static, no libc, its crt.S and rt.h, cached by content hash).
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasGcc, programPath } from '../../kernel/progs/build.js';

export { hasGcc };

const HERE = dirname(fileURLToPath(import.meta.url));

/** The path of the executable built from test/web/progs/<name>.c, building it if needed. */
export function webProgramPath(name: string): string {
  return programPath(name, HERE);
}

/** The bytes of that executable. */
export function webProgram(name: string): Uint8Array {
  return new Uint8Array(readFileSync(webProgramPath(name)));
}
