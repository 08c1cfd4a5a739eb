// The code cache: compiled regions by physical frame, what the dispatcher learned about each frame (how often
// the interpreter ran there, from which entry points), and the bounds on all of it.
//
// Keys are frames, not virtual pages: the translation depends only on the frame's bytes, which survive satp
// switches, and fork shares them. A region also records the virtual page it was generated for (auipc and link
// values are virtual), and is used only from that page. A region is dropped when its frame is written — by the
// CPU (a store to a frame holding code, reported before the store) or by anyone else (the kernel loading,
// zeroing, copying on write, freeing: CodeMarks.written) — so no stale translation can run. A frame rewritten
// over and over (a program generating code in a loop) is left to the interpreter once it passes a limit.
//
// Bounded memory: at most MAX_REGIONS regions and MAX_SOURCE_BYTES of generated source are kept; past either,
// everything is dropped at once (the code is retranslated as it gets hot again) and `flushes` counts it.

import type { PhysicalMemory } from '../ram.js';
import type { Tlb } from '../tlb.js';
import { discover, PAGE_WORDS } from './discover.js';
import { compileRegion, RegionCode, RegionWorld, segmentTails } from './region.js';

/** Regions kept at most (each is a JS function V8 may optimize: a few to tens of KiB of host memory). */
export const MAX_REGIONS = 2048;
/** Generated source kept at most, in characters. */
export const MAX_SOURCE_BYTES = 24 * 1024 * 1024;
/** Interpreter visits of a frame before its code is translated. */
export const HOT_VISITS = 24;
/** Translations of one frame before it is left to the interpreter (new entry points, rewritten code). */
const MAX_TRANSLATIONS = 48;
/** Entry points remembered per frame. */
const MAX_SEEDS = 256;

export interface Region {
  readonly run: RegionCode;
  /** The virtual page the code was generated for. */
  readonly vaPage: number;
  /** labels[i]: the region can be entered at page offset 4i. */
  readonly labels: Uint8Array;
  /** tails[i]: instructions from offset 4i to the end of its segment (region.ts segmentTails). */
  readonly tails: Uint16Array;
  readonly sourceBytes: number;
  readonly instructions: number;
}

/** Counts for reports and tests. */
export interface CacheStats {
  regions: number;
  sourceBytes: number;
  translations: number;
  invalidations: number;
  flushes: number;
}

export class CodeCache {
  /** The region of each frame, if any. */
  readonly regions: (Region | undefined)[];
  /** Set when a frame holding code is written; the running region checks it after each slow store. */
  readonly context = { dirty: false };
  readonly stats: CacheStats = { regions: 0, sourceBytes: 0, translations: 0, invalidations: 0, flushes: 0 };
  /** Interpreter visits since the frame was last translated. */
  private readonly heat: Uint16Array;
  /** Translations of the frame since the last flush (capped: see MAX_TRANSLATIONS). */
  private readonly translated: Uint8Array;
  /** Entry points (word indexes) seen per frame. */
  private readonly seeds = new Map<number, Set<number>>();
  private readonly world: RegionWorld;

  constructor(private readonly ram: PhysicalMemory, tlb: Tlb, cpu: unknown, private readonly hotVisits = HOT_VISITS) {
    const frames = ram.sizeBytes >>> 12;
    this.regions = new Array<Region | undefined>(frames).fill(undefined);
    this.heat = new Uint16Array(frames);
    this.translated = new Uint8Array(frames);
    this.world = { cpu, ram, tlb, context: this.context };
  }

  /**
   * The interpreter is about to run from `pc` in `frame` (the page mapped at `vaPage`). Remembers the entry,
   * and translates the frame once it is hot. Returns the region to run now, if any covers pc.
   */
  visit(frame: number, vaPage: number, pc: number): Region | undefined {
    const index = (pc >>> 2) & (PAGE_WORDS - 1);
    let seeds = this.seeds.get(frame);
    if (!seeds) this.seeds.set(frame, (seeds = new Set()));
    if (seeds.size < MAX_SEEDS) seeds.add(index);
    if (++this.heat[frame] < this.hotVisits || this.translated[frame] >= MAX_TRANSLATIONS) return undefined;
    this.heat[frame] = 0;
    this.translated[frame]++;
    const old = this.regions[frame];
    if (old && old.vaPage === vaPage) for (let i = 0; i < PAGE_WORDS; i++) if (old.labels[i]) seeds.add(i);
    const region = this.translate(frame, vaPage, seeds);
    return region.labels[index] ? region : undefined;
  }

  private translate(frame: number, vaPage: number, seeds: Set<number>): Region {
    this.drop(frame);
    if (this.stats.regions >= MAX_REGIONS || this.stats.sourceBytes >= MAX_SOURCE_BYTES) this.flush();
    const code = discover(this.ram.i32, frame << 10, vaPage, seeds);
    const { run, sourceBytes } = compileRegion(code, vaPage, this.world);
    const region: Region = { run, vaPage, labels: code.labels, tails: segmentTails(code), sourceBytes, instructions: code.count };
    this.regions[frame] = region;
    this.stats.regions++;
    this.stats.sourceBytes += sourceBytes;
    this.stats.translations++;
    return region;
  }

  private drop(frame: number): void {
    const region = this.regions[frame];
    if (!region) return;
    this.regions[frame] = undefined;
    this.stats.regions--;
    this.stats.sourceBytes -= region.sourceBytes;
  }

  /**
   * Frame `frame` was written (or is about to be): its translation and what was learned of it go. A frame the
   * program itself rewrites (`byCpu`) keeps counting its translations, so endless code generation in one
   * place ends up interpreted; one the kernel reloads (exec, copy on write, freeing) starts afresh.
   */
  invalidate(frame: number, byCpu: boolean): void {
    this.context.dirty = true;
    if (frame >= this.regions.length) return;
    if (this.regions[frame]) this.stats.invalidations++;
    this.drop(frame);
    this.heat[frame] = 0;
    this.seeds.delete(frame);
    if (!byCpu) this.translated[frame] = 0;
  }

  /** Drops every region (the cache is full, or the caller wants a clean start). */
  flush(): void {
    this.regions.fill(undefined);
    this.heat.fill(0);
    this.translated.fill(0);
    this.seeds.clear();
    this.stats.regions = 0;
    this.stats.sourceBytes = 0;
    this.stats.flushes++;
  }
}
