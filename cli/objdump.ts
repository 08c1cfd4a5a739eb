// `pagoda objdump -d`: the disassembler (toolchain/driver/objdump.ts) on the host's files and streams.

import { objdumpMain } from '../toolchain/driver/objdump.js';
import { nodeToolHost } from './node-tool-host.js';

/** Runs the command; returns the exit status. */
export function main(argv: string[]): Promise<number> {
  return objdumpMain(argv, nodeToolHost());
}
