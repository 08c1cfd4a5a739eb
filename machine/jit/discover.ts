// Block discovery inside one page: from the entry points seen at run time (seeds), follow the code as the
// hart could run it — falling through, taking static branch and jump targets inside the page, and returning
// to the instruction after a call — and stop at whatever the translator leaves to the interpreter (Flow.Stop),
// at unconditional jumps, and at the page's end. Labels are where a segment starts: the seeds, every target
// inside the page, and every instruction after a control transfer. A region never crosses its page, so all
// of its code lies in one physical frame, and the frame's code marks cover all of it.

import { Flow, flowOf, immB, immJ, rdOf } from './decode.js';

/** Instructions in a 4 KiB page. */
export const PAGE_WORDS = 1024;

/** The code of one page the translator will cover. */
export interface PageCode {
  /** words[i]: instruction word at page offset 4i (meaningful where present[i]). */
  readonly words: Int32Array;
  /** present[i]: translated. */
  readonly present: Uint8Array;
  /** labels[i]: a segment starts at offset 4i (subset of present). */
  readonly labels: Uint8Array;
  /** flows[i]: how the instruction continues. */
  readonly flows: Uint8Array;
  /** Number of present instructions. */
  count: number;
}

/**
 * Discovers the code reachable from the page offsets `seeds` (word indexes) of the page mapped at virtual
 * `vaPage`, reading its words from `ram` (RAM as int32) from word `frameWord` on; at most `maxInstructions`.
 */
export function discover(ram: Int32Array, frameWord: number, vaPage: number, seeds: Iterable<number>, maxInstructions = PAGE_WORDS): PageCode {
  const code: PageCode = {
    words: ram.slice(frameWord, frameWord + PAGE_WORDS),
    present: new Uint8Array(PAGE_WORDS),
    labels: new Uint8Array(PAGE_WORDS),
    flows: new Uint8Array(PAGE_WORDS),
    count: 0,
  };
  const work: number[] = [];
  const enter = (i: number): void => {
    if (i < 0 || i >= PAGE_WORDS || code.labels[i]) return;
    code.labels[i] = 1;
    work.push(i);
  };
  const targetIndex = (target: number): number => (((target ^ vaPage) & -4096) === 0 ? (target >>> 2) & 1023 : -1);
  for (const s of seeds) enter(s);
  while (work.length > 0) {
    for (let i = work.pop()!; i < PAGE_WORDS && !code.present[i]; i++) {
      if (code.count >= maxInstructions) { // the region is full: what is left stays outside it
        if (!code.present[i]) code.labels[i] = 0;
        break;
      }
      const inst = code.words[i];
      const pc = (vaPage + 4 * i) | 0;
      const flow = flowOf(inst, pc);
      if (flow === Flow.Stop) {
        code.labels[i] = 0; // the interpreter's, not a segment start
        break;
      }
      code.present[i] = 1;
      code.flows[i] = flow;
      code.count++;
      if (flow === Flow.Next) continue;
      if (flow === Flow.Branch) enter(targetIndex(pc + immB(inst)));
      if (flow === Flow.Jump) enter(targetIndex(pc + immJ(inst)));
      // After a call (a jump that links), the callee returns to the next instruction; after a plain jump
      // the next word may be data, so it is followed only if something else leads there.
      if (flow === Flow.Branch || rdOf(inst) !== 0) enter(i + 1);
      break;
    }
  }
  return code;
}
