// Flow control between `pagoda run`'s guest and the host's streams, so host memory stays bounded whatever the
// guest does: a guest that never reads its stdin stops the host reading it once INPUT_HIGH bytes wait in the
// console (a 1 GB file piped in is not slurped into RAM), and a guest printing in a loop into a slow reader
// waits for the host stream to drain (each host turn lets at most OUTPUT_PER_TURN bytes out; boot option).

import { once } from 'node:events';
import type { Kernel } from '../kernel/kernel.js';

/** Console input bytes held for the guest before the host stops reading stdin. */
export const INPUT_HIGH = 1 << 20;
/** Reading resumes when the guest has taken the held input down to this. */
export const INPUT_LOW = 256 * 1024;
/** Console output bytes per host turn (BootOptions.consoleOutputPerTurn). */
export const OUTPUT_PER_TURN = 1 << 20;

interface Pausable { pause(): unknown; resume(): unknown; isPaused(): boolean }
interface Drainable { writableNeedDrain: boolean; destroyed?: boolean; once(event: 'drain' | 'close' | 'error', f: () => void): unknown }

/** Pauses `input` while the console holds more than INPUT_HIGH unread bytes; call after pushing input. */
export function throttleInput(k: Kernel, input: Pausable): void {
  if (k.machine.uart.inputLength > INPUT_HIGH && !input.isPaused()) input.pause();
}

/** Resumes `input` once the guest has read the console down to INPUT_LOW; call on every host turn. */
export function releaseInput(k: Kernel, input: Pausable): void {
  if (input.isPaused() && k.machine.uart.inputLength <= INPUT_LOW) input.resume();
}

/** Resolves when every one of `outputs` can take more bytes (at once when none is backed up). */
export async function drained(outputs: Drainable[]): Promise<void> {
  for (const o of outputs) {
    if (o.writableNeedDrain && !o.destroyed) await Promise.race([once(o as never, 'drain'), once(o as never, 'close'), once(o as never, 'error')]).catch(() => {});
  }
}
