// `pagoda cc`: the C compiler driver (toolchain/driver/cc.ts) on the host's files and streams.

import { ccMain } from '../toolchain/driver/cc.js';
import { nodeToolHost } from './node-tool-host.js';

/** Runs the command; returns the exit status. */
export function main(argv: string[]): Promise<number> {
  return ccMain(argv, nodeToolHost());
}
