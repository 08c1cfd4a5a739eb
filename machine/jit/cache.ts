// The code cache: compiled regions, found by the physical address of any of their labels, and what the
// dispatcher learned of code not compiled yet (how often the interpreter started there), with bounds on both.
//
// Keys are physical addresses, not virtual ones: the translation depends only on the frame's bytes, which
// survive satp switches, and fork shares them. A region also records the virtual page it was generated for
// (auipc and link values are virtual) and is used only from that page. Regions are small (one entry point
// and the code reachable from it inside its page, at most MAX_REGION_INSTRUCTIONS): V8 optimizes a small
// function soon, and a page's new entry points get regions of their own instead of recompiling a big one.
// All regions of a frame are dropped when the frame is written — by the CPU (a store to a frame holding code,
// reported before the store) or by anyone else (the kernel loading, zeroing, copying on write, freeing:
// CodeMarks.written) — so no stale translation can run. A frame the program rewrites over and over (code
// generated in a loop) is left to the interpreter once it has been translated MAX_FRAME_TRANSLATIONS times.
//
// Bounded memory: at most MAX_REGIONS compiled functions and MAX_SOURCE_BYTES of their source; past either,
// everything is dropped at once (the code is retranslated as it gets hot again) and `flushes` counts it.

import type { PhysicalMemory } from '../ram.js';
import type { Tlb } from '../tlb.js';
import { Flow, flowOf } from './decode.js';
import { discover, PAGE_WORDS } from './discover.js';
import { compileRegion, RegionCode, regionSource, RegionWorld, segmentTails } from './region.js';

/** Compiled functions kept at most (each may be optimized by V8: a few to tens of KiB of host memory). */
export const MAX_REGIONS = 4096;
/** Generated source of the compiled functions kept at most, in characters. */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;
/**
 * Instructions in one region at most. Small on purpose: TurboFan's compile time grows fast with a region's
 * labels and live register locals (a 700-instruction region took 0.7 s to optimize on a loaded machine, running
 * unoptimized meanwhile), and the dispatcher chains small regions cheaply.
 */
export const MAX_REGION_INSTRUCTIONS = 64;
/**
 * Instructions the interpreter runs in a frame before any region is compiled in it: a region costs a compile
 * and a warm-up in V8 (milliseconds), which short-lived code (a shell command, most of usertests) never repays.
 */
export const HOT_FRAME_INSTRUCTIONS = 200_000;
/** Then: times the interpreter starts at an address before a region is compiled there. */
export const HOT_VISITS = 2;
/** Regions compiled in one frame before it is left to the interpreter (until the kernel rewrites it). */
const MAX_FRAME_TRANSLATIONS = 64;
/** Slots of the entry table (a power of two): labels of compiled regions, by physical word address. */
const TABLE_BITS = 16;
const TABLE_MASK = (1 << TABLE_BITS) - 1;

export interface Region {
  readonly run: RegionCode;
  /** The virtual page the code was generated for. */
  readonly vaPage: number;
  /** Physical address of the page. */
  readonly paPage: number;
  /** labels[i]: the region can be entered at page offset 4i. */
  readonly labels: Uint8Array;
  readonly sourceBytes: number;
  readonly instructions: number;
}

/** Counts for reports and tests. */
export interface CacheStats {
  regions: number;
  sourceBytes: number;
  translations: number;
  /** Functions compiled (translations whose source text was new). */
  compiles: number;
  invalidations: number;
  flushes: number;
  /** Calls into regions, and the instructions they retired (their ratio: instructions per dispatch). */
  entries: number;
  retired: number;
}

export class CodeCache {
  /** slotKey[s]: physical address whose region is in slotRegion[s] (-1: empty); s = (pa >>> 2) & TABLE_MASK. */
  readonly slotKey = new Int32Array(TABLE_MASK + 1).fill(-1);
  readonly slotRegion: (Region | undefined)[] = new Array<Region | undefined>(TABLE_MASK + 1).fill(undefined);
  /** Set when a frame holding code is written; the running region checks it after each slow store. */
  readonly context = { dirty: false };
  readonly stats: CacheStats = { regions: 0, sourceBytes: 0, translations: 0, compiles: 0, invalidations: 0, flushes: 0, entries: 0, retired: 0 };
  /** Interpreter starts per slot since it was last compiled (collisions only make code hot sooner). */
  private readonly heat = new Uint8Array(TABLE_MASK + 1);
  /** Regions compiled per frame since the kernel last wrote it. */
  private readonly translated: Uint8Array;
  /** Instructions interpreted per frame (saturating): a frame becomes hot past hotFrame. */
  private readonly frameHeat: Uint32Array;
  private readonly hotFrame: number;
  /**
   * Compiled functions by their source text: identical code at the same virtual page (a program run again, a
   * frame reloaded with the same bytes, a region dropped and rebuilt) reuses the function V8 has already
   * optimized instead of compiling and warming up a new one. Dropped with everything else by flush().
   */
  private readonly bySource = new Map<string, RegionCode>();
  private bySourceBytes = 0;
  /** The regions of each frame that has any. */
  private readonly byFrame = new Map<number, Region[]>();
  /** Per frame with regions: for each instruction in one, how many run to the end of its segment. */
  private readonly tails = new Map<number, Uint16Array>();
  private readonly world: RegionWorld;

  /** `hotVisits` 1 compiles code the first time it runs (tests); any other value keeps the default warm-up. */
  constructor(private readonly ram: PhysicalMemory, tlb: Tlb, cpu: unknown, private readonly hotVisits = HOT_VISITS) {
    this.translated = new Uint8Array(ram.sizeBytes >>> 12);
    this.frameHeat = new Uint32Array(ram.sizeBytes >>> 12);
    this.hotFrame = hotVisits <= 1 ? 0 : HOT_FRAME_INSTRUCTIONS;
    this.world = { cpu, ram, tlb, context: this.context };
  }

  /**
   * Instructions the interpreter should run from physical `pa` to reach the end of a compiled segment (where
   * a label is), or 0 when no region holds pa: a slice that ended inside a region comes back to it soon.
   */
  tailAt(pa: number): number {
    const tails = this.tails.get(pa >>> 12);
    return tails === undefined ? 0 : tails[(pa >>> 2) & (PAGE_WORDS - 1)];
  }

  /**
   * The interpreter is about to run from `pc` (physical `pa`, in the page mapped at `vaPage`): counts it, and
   * once hot compiles a region entered there. Returns that region, or undefined.
   */
  visit(pa: number, vaPage: number, pc: number): Region | undefined {
    const slot = (pa >>> 2) & TABLE_MASK;
    const frame = pa >>> 12;
    if (this.frameHeat[frame] < this.hotFrame) return undefined;
    // An instruction only the interpreter runs (ecall, ebreak, an illegal word) starts no region.
    if (flowOf(this.ram.i32[pa >>> 2], pc) === Flow.Stop) return undefined;
    if (++this.heat[slot] < this.hotVisits || this.translated[frame] >= MAX_FRAME_TRANSLATIONS) return undefined;
    this.heat[slot] = 0;
    const region = this.translate(frame, vaPage, (pc >>> 2) & (PAGE_WORDS - 1));
    return region.labels[(pc >>> 2) & (PAGE_WORDS - 1)] ? region : undefined;
  }

  /** The interpreter ran `instructions` from physical address `pa` on. */
  warm(pa: number, instructions: number): void {
    const frame = pa >>> 12;
    if (this.frameHeat[frame] < this.hotFrame) this.frameHeat[frame] += instructions;
  }

  private translate(frame: number, vaPage: number, entry: number): Region {
    if (this.bySource.size >= MAX_REGIONS || this.bySourceBytes >= MAX_SOURCE_BYTES) this.flush();
    const code = discover(this.ram.i32, frame << 10, vaPage, [entry], MAX_REGION_INSTRUCTIONS);
    const source = regionSource(code, vaPage);
    const sourceBytes = source.length;
    let run = this.bySource.get(source);
    if (run === undefined) {
      run = compileRegion(code, source, this.world);
      this.bySource.set(source, run);
      this.bySourceBytes += sourceBytes;
      this.stats.compiles++;
    }
    const paPage = frame << 12;
    const region: Region = { run, vaPage, paPage, labels: code.labels, sourceBytes, instructions: code.count };
    for (let i = 0; i < PAGE_WORDS; i++) {
      if (!code.labels[i]) continue;
      const slot = ((paPage >>> 2) + i) & TABLE_MASK;
      this.slotKey[slot] = paPage + 4 * i;
      this.slotRegion[slot] = region;
    }
    let list = this.byFrame.get(frame);
    if (!list) this.byFrame.set(frame, (list = []));
    list.push(region);
    let tails = this.tails.get(frame);
    if (!tails) this.tails.set(frame, (tails = new Uint16Array(PAGE_WORDS)));
    const own = segmentTails(code);
    for (let i = 0; i < PAGE_WORDS; i++) if (own[i] !== 0 && tails[i] === 0) tails[i] = own[i];
    this.translated[frame]++;
    this.stats.regions++;
    this.stats.sourceBytes += sourceBytes;
    this.stats.translations++;
    return region;
  }

  /**
   * Frame `frame` was written (or is about to be): its regions go. A frame the program itself rewrites
   * (`byCpu`) keeps counting its translations, so endless code generation in one place ends up interpreted;
   * one the kernel reloads (exec, copy on write, freeing) starts afresh.
   */
  invalidate(frame: number, byCpu: boolean): void {
    this.context.dirty = true;
    if (frame >= this.translated.length) return;
    if (!byCpu) this.translated[frame] = 0;
    const list = this.byFrame.get(frame);
    if (!list) return;
    this.byFrame.delete(frame);
    this.tails.delete(frame);
    for (const region of list) {
      for (let i = 0; i < PAGE_WORDS; i++) {
        if (!region.labels[i]) continue;
        const slot = ((region.paPage >>> 2) + i) & TABLE_MASK;
        if (this.slotRegion[slot] === region) {
          this.slotKey[slot] = -1;
          this.slotRegion[slot] = undefined;
        }
      }
      this.stats.regions--;
      this.stats.sourceBytes -= region.sourceBytes;
      this.stats.invalidations++;
    }
  }

  /** Drops every region and compiled function (the cache is full). */
  flush(): void {
    this.bySource.clear();
    this.bySourceBytes = 0;
    this.frameHeat.fill(0);
    this.slotKey.fill(-1);
    this.slotRegion.fill(undefined);
    this.byFrame.clear();
    this.tails.clear();
    this.translated.fill(0);
    this.stats.regions = 0;
    this.stats.sourceBytes = 0;
    this.stats.flushes++;
  }
}
