// `pagoda ar`: the archiver (toolchain/driver/ar.ts) on the host's files and streams.

import { arMain } from '../toolchain/driver/ar.js';
import { nodeToolHost } from './node-tool-host.js';

/** Runs the command; returns the exit status. */
export function main(argv: string[]): Promise<number> {
  return arMain(argv, nodeToolHost());
}
