// The kernel-provided programs: name -> body. Each body is the toolchain's driver (toolchain/driver/), loaded
// the first time a process runs it (a dynamic import, so neither boot nor `pagoda run` pays for the
// compiler; the page's worker bundle keeps it in a chunk of its own).

import type { ToolHost } from '../../toolchain/driver/host.js';

/** A program's body: runs with argv (argv[0] included) on `host`; resolves with the exit status. */
export type KernelProgram = (argv: readonly string[], host: ToolHost) => Promise<number>;

/** Loads the body of a kernel program (once: import() caches the module). */
export type KernelProgramLoader = () => Promise<KernelProgram>;

const args = (argv: readonly string[]): string[] => argv.slice(1);

/** Every kernel-provided program; boot images carry a marker file for each (abi/kprogram.ts). */
export const KERNEL_PROGRAMS: ReadonlyMap<string, KernelProgramLoader> = new Map<string, KernelProgramLoader>([
  ['cc', async () => { const m = await import('../../toolchain/driver/cc.js'); return (argv, host) => m.ccMain(args(argv), host); }],
  ['as', async () => { const m = await import('../../toolchain/driver/as.js'); return (argv, host) => m.asMain(args(argv), host); }],
  ['ld', async () => { const m = await import('../../toolchain/driver/ld.js'); return (argv, host) => m.ldMain(args(argv), host); }],
  ['ar', async () => { const m = await import('../../toolchain/driver/ar.js'); return (argv, host) => m.arMain(args(argv), host); }],
  ['objdump', async () => { const m = await import('../../toolchain/driver/objdump.js'); return (argv, host) => m.objdumpMain(args(argv), host); }],
]);

/** Where the machine's system headers and libraries are (the boot image puts them there). */
export const MACHINE_TOOL_PATHS = {
  systemIncludeDirs: ['/usr/include'],
  libDirs: ['/usr/lib'],
  crt0: '/usr/lib/crt0.o',
} as const;
