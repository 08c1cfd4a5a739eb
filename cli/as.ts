// `pagoda as`: the assembler (toolchain/driver/as.ts) on the host's files and streams.

import { asMain } from '../toolchain/driver/as.js';
import { nodeToolHost } from './node-tool-host.js';

/** Runs the command; returns the exit status. */
export function main(argv: string[]): Promise<number> {
  return asMain(argv, nodeToolHost());
}
