// The fuzz loop: input `index` of a run with `seed` is made from its own generator (inputSeed), so any
// input is regenerated from (tool, seed, index) alone — the long run's watchdog relies on that to name an
// input that hung in a worker it had to kill.

import { loadCorpus, type Corpus } from './corpus.js';
import { ASM_DICTIONARY, C_DICTIONARY, mutateBytes, mutateText, randomBytes } from './mutate.js';
import { pathologicalAsm, pathologicalC } from './pathological.js';
import { Prng, inputSeed } from './prng.js';
import { runTool, type FuzzInput, type LinkShape, type Tool, type Verdict } from './targets.js';

const DEPTHS = [10, 100, 1000, 10_000];
const SHAPES: readonly LinkShape[] = ['alone', 'after-valid', 'archive-member', 'group'];

function randomText(rng: Prng): string {
  let s = '';
  const n = rng.smallSize(2000);
  for (let i = 0; i < n; i++) s += String.fromCharCode(rng.chance(0.9) ? rng.range(9, 126) : rng.below(0x3000));
  return s;
}

function textInput(tool: 'cc' | 'as', rng: Prng, seeds: readonly string[], dictionary: readonly string[]): FuzzInput {
  const opt = tool === 'cc' ? rng.below(2) : undefined;
  const roll = rng.below(100);
  if (roll < 8) {
    const cases = tool === 'cc' ? pathologicalC(rng.pick(DEPTHS)) : pathologicalAsm(rng.pick(DEPTHS));
    const c = rng.pick(cases);
    // Sometimes mutated, to reach the same depth from a different path.
    const text = rng.chance(0.3) ? mutateText(rng, c.text, dictionary, seeds) : c.text;
    return { tool, how: `pathological: ${c.name}`, text, opt };
  }
  if (roll < 12) return { tool, how: 'random text', text: randomText(rng), opt };
  let text = rng.pick(seeds);
  const rounds = rng.smallSize(4);
  for (let i = 0; i < rounds; i++) text = mutateText(rng, text, dictionary, seeds);
  return { tool, how: `mutated source (${rounds} rounds)`, text, opt };
}

function binaryInput(tool: 'ld' | 'ar' | 'objdump', rng: Prng, corpus: Corpus): FuzzInput {
  const shape = tool === 'ld' ? rng.pick(SHAPES) : undefined;
  if (rng.below(100) < 8) return { tool, how: 'random bytes', bytes: randomBytes(rng), shape };
  const pools: [string, readonly Uint8Array[]][] = [
    ['object', corpus.objects],
    ['executable', corpus.executables],
    ['archive', corpus.archives],
  ];
  const weights = tool === 'ar' ? [1, 0, 3] : tool === 'objdump' ? [2, 2, 1] : [4, 1, 2];
  let pick = rng.below(weights[0] + weights[1] + weights[2]);
  let k = 0;
  while (pick >= weights[k] || pools[k][1].length === 0) {
    pick = Math.max(0, pick - weights[k]);
    k = (k + 1) % 3;
  }
  const [kind, pool] = pools[k];
  const all = [...corpus.objects, ...corpus.archives];
  const bytes = mutateBytes(rng, rng.pick(pool), all);
  return { tool, how: `mutated ${kind}`, bytes, shape };
}

/** Input `index` of the run of `tool` seeded with `seed`. */
export function makeInput(tool: Tool, seed: number, index: number, corpus: Corpus = loadCorpus()): FuzzInput {
  const rng = new Prng(inputSeed(seed, index));
  switch (tool) {
    case 'cc': return textInput('cc', rng, corpus.c, C_DICTIONARY);
    case 'as': return textInput('as', rng, corpus.asm, ASM_DICTIONARY);
    default: return binaryInput(tool, rng, corpus);
  }
}

/** A bug the fuzzer found: enough to regenerate the input and to read why it is a bug. */
export interface Finding {
  readonly tool: Tool;
  readonly seed: number;
  readonly index: number;
  readonly how: string;
  readonly message: string;
}

export interface FuzzStats {
  inputs: number;
  ok: number;
  rejected: number;
  findings: Finding[];
}

export interface FuzzOptions {
  readonly tool: Tool;
  readonly seed: number;
  /** Stop after this many inputs... */
  readonly count?: number;
  /** ...or at this time (Date.now()), whichever comes first. */
  readonly until?: number;
  /** First index (a restarted worker continues after the input that killed its predecessor). */
  readonly from?: number;
  /** A run longer than this is a bug. */
  readonly limitMs?: number;
  /** Called before each input runs (the watchdog's heartbeat). */
  readonly beforeEach?: (index: number) => void;
}

/** Fuzzes one tool in-process; returns counts and every bug found. */
export function fuzz(options: FuzzOptions): FuzzStats {
  const corpus = loadCorpus();
  const stats: FuzzStats = { inputs: 0, ok: 0, rejected: 0, findings: [] };
  const end = options.from ?? 0;
  for (let index = end; ; index++) {
    if (options.count !== undefined && index - end >= options.count) break;
    if (options.until !== undefined && Date.now() >= options.until) break;
    options.beforeEach?.(index);
    const input = makeInput(options.tool, options.seed, index, corpus);
    const v: Verdict = runTool(input, corpus, options.limitMs);
    stats.inputs++;
    if (v.kind === 'bug') stats.findings.push({ tool: options.tool, seed: options.seed, index, how: input.how, message: v.message });
    else if (v.kind === 'ok') stats.ok++;
    else stats.rejected++;
  }
  return stats;
}
