// `pagoda ld`: the linker (toolchain/driver/ld.ts) on the host's files and streams.

import { ldMain } from '../toolchain/driver/ld.js';
import { nodeToolHost } from './node-tool-host.js';

/** Runs the command; returns the exit status. */
export function main(argv: string[]): Promise<number> {
  return ldMain(argv, nodeToolHost());
}
