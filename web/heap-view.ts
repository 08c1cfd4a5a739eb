// The heap panel: every block of the chosen process's malloc heap on a canvas, laid end to end in address order
// (the heap's blocks tile it; mapped blocks follow) and wrapped into rows of cells. Each cell is a bucket of
// bytes: its colour blends the states of the blocks in it by their bytes (used, free, cached, top, mmapped,
// gap), so 100,000 blocks stay readable as a density picture; a block wider than a few cells gets a darker
// first cell, its edge. Hovering a cell shows the block under the mouse (address, size, state, list), or what
// the bucket aggregates. One pass over the blocks and one over the cells per redraw; no DOM node per block.

import { BLOCK_STATE_NAMES, listLabel } from '../kernel/mem/heap/blocks.js';
import type { HeapSnapshot } from './heapview-model.js';

/** Colours by BlockState: used, free, cached, top, mmapped, gap. */
const STATE_RGB: readonly [number, number, number][] = [
  [63, 159, 107], [42, 49, 58], [208, 163, 60], [60, 86, 112], [47, 163, 163], [163, 95, 199],
];
const CELL_PX = 3;
const HEIGHT_PX = 180;

const hex8 = (n: number): string => '0x' + (n >>> 0).toString(16).padStart(8, '0');

/** One line per block, as /proc/PID/heap prints it. */
export function blockLine(h: HeapSnapshot, i: number): string {
  const where = listLabel(h.list[i]);
  return `${hex8(h.addr[i])} ${h.size[i]} ${BLOCK_STATE_NAMES[h.state[i]]}${where ? ' ' + where : ''}`;
}

export class HeapView {
  private readonly summary: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private heap: HeapSnapshot | undefined;
  /** Display offset of block i's first byte (blocks end to end); offsets[count] is the total. */
  private offsets = new Float64Array(1);
  private cols = 1;
  private cells = 1;
  private drawnKey = '';

  constructor(root: HTMLElement, private readonly tip: HTMLElement) {
    this.summary = root.appendChild(document.createElement('div'));
    this.summary.className = 'summary heap-summary';
    this.canvas = root.appendChild(document.createElement('canvas'));
    this.canvas.className = 'heap-canvas';
    const legend = root.appendChild(document.createElement('div'));
    legend.className = 'chunk-legend';
    for (const name of BLOCK_STATE_NAMES) {
      const key = legend.appendChild(document.createElement('span'));
      key.className = `key heap-${name}`;
      key.textContent = name;
    }
    this.canvas.addEventListener('mousemove', (e) => this.hover(e));
    this.canvas.addEventListener('mouseleave', () => { this.tip.hidden = true; });
  }

  /** The snapshot drawn last. */
  get shown(): HeapSnapshot | undefined { return this.heap; }

  /** Draws `h` (or a note when there is no process); skips the work when nothing changed. */
  render(h: HeapSnapshot | undefined): void {
    this.heap = h;
    if (!h) {
      this.summary.textContent = 'no process';
      this.drawnKey = '';
      this.canvas.getContext('2d')?.clearRect(0, 0, this.canvas.width, this.canvas.height);
      return;
    }
    const s = h.summary;
    const counts = BLOCK_STATE_NAMES.map((n, i) => (s.counts[i] ? `${s.counts[i]} ${n}` : '')).filter(Boolean).join(', ');
    this.summary.textContent = h.policy === 'none'
      ? `pid ${h.pid}: no heap registered (no malloc yet, or a libc that does not publish one)`
      : `${h.policy} · ${h.count} blocks (${counts}) · in use ${s.inUseBytes} B · free ${s.freeBytes} B · largest free ${s.largestFree} B · fragmentation ${s.fragmentation.toFixed(1)}%`
        + (h.corrupt.length ? ` · ${h.corrupt.length} corrupt: ${h.corrupt[0].what} at ${hex8(h.corrupt[0].addr)}` : '');
    this.summary.classList.toggle('corrupt', h.corrupt.length > 0);
    this.summary.dataset.blocks = String(h.count);
    this.layout(h);
    const key = `${h.pid}:${h.count}:${this.offsets[h.count]}:${this.canvas.width}x${this.canvas.height}:${checksum(h)}`;
    if (key !== this.drawnKey) {
      this.draw(h);
      this.drawnKey = key;
    }
  }

  /** Sizes the canvas to its box and computes the blocks' display offsets. */
  private layout(h: HeapSnapshot): void {
    const ratio = window.devicePixelRatio || 1;
    const widthCss = Math.max(60, this.canvas.clientWidth || 340);
    this.cols = Math.floor(widthCss / CELL_PX);
    const rows = Math.floor(HEIGHT_PX / CELL_PX);
    this.cells = this.cols * rows;
    this.canvas.style.height = `${rows * CELL_PX}px`;
    const width = Math.round(this.cols * CELL_PX * ratio);
    const height = Math.round(rows * CELL_PX * ratio);
    // Assigning a canvas's size clears it, even to the same value: only when it changes (draw() follows then).
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
    if (this.offsets.length !== h.count + 1) this.offsets = new Float64Array(h.count + 1);
    let at = 0;
    for (let i = 0; i < h.count; i++) {
      this.offsets[i] = at;
      at += h.size[i];
    }
    this.offsets[h.count] = at;
  }

  /** Buckets every block's bytes into the cells, then paints each cell its blend. */
  private draw(h: HeapSnapshot): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const n = this.cells;
    const total = this.offsets[h.count] || 1;
    const perCell = total / n;
    const bytes = new Float64Array(n * 6);
    const edge = new Uint8Array(n);
    for (let i = 0; i < h.count; i++) {
      const from = this.offsets[i];
      const to = this.offsets[i + 1];
      const first = Math.min(n - 1, Math.floor(from / perCell));
      const last = Math.min(n - 1, Math.floor((to - 1e-9) / perCell));
      if (last - first >= 2) edge[first] = 1;
      for (let c = first; c <= last; c++) {
        const lo = Math.max(from, c * perCell);
        const hi = Math.min(to, (c + 1) * perCell);
        if (hi > lo) bytes[c * 6 + h.state[i]] += hi - lo;
      }
    }
    const ratio = this.canvas.width / (this.cols * CELL_PX);
    const image = ctx.createImageData(this.canvas.width, this.canvas.height);
    const px = image.data;
    for (let c = 0; c < n; c++) {
      let r = 0, g = 0, b = 0, sum = 0;
      for (let s = 0; s < 6; s++) {
        const w = bytes[c * 6 + s];
        if (w === 0) continue;
        r += STATE_RGB[s][0] * w; g += STATE_RGB[s][1] * w; b += STATE_RGB[s][2] * w; sum += w;
      }
      if (sum === 0) continue; // past the last block: background
      const shade = edge[c] ? 0.6 : 1;
      const x0 = Math.round((c % this.cols) * CELL_PX * ratio);
      const y0 = Math.round(Math.floor(c / this.cols) * CELL_PX * ratio);
      const x1 = Math.round(((c % this.cols) + 1) * CELL_PX * ratio);
      const y1 = Math.round((Math.floor(c / this.cols) + 1) * CELL_PX * ratio);
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const o = (y * this.canvas.width + x) * 4;
          px[o] = (r / sum) * shade; px[o + 1] = (g / sum) * shade; px[o + 2] = (b / sum) * shade; px[o + 3] = 255;
        }
      }
    }
    ctx.putImageData(image, 0, 0);
  }

  /** The blocks overlapping cell `c`: [first, last] indexes, or undefined past the end. */
  private blocksIn(c: number): [number, number] | undefined {
    const h = this.heap;
    if (!h || h.count === 0) return undefined;
    const perCell = this.offsets[h.count] / this.cells;
    const from = c * perCell;
    const to = (c + 1) * perCell;
    if (from >= this.offsets[h.count]) return undefined;
    const find = (x: number): number => { // the last block starting at or before x
      let lo = 0, hi = h.count - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (this.offsets[mid] <= x) lo = mid; else hi = mid - 1;
      }
      return lo;
    };
    return [find(from), find(Math.max(from, to - 1e-9))];
  }

  /** The tooltip text for cell `c` ('' past the last block). */
  describeCell(c: number): string {
    const h = this.heap;
    const range = this.blocksIn(c);
    if (!h || !range) return '';
    const [first, last] = range;
    if (first === last) return blockLine(h, first);
    const tally = new Array<number>(6).fill(0);
    for (let i = first; i <= last; i++) tally[h.state[i]]++;
    const parts = BLOCK_STATE_NAMES.map((n, s) => (tally[s] ? `${tally[s]} ${n}` : '')).filter(Boolean).join(', ');
    return `${last - first + 1} blocks (${parts}) ${hex8(h.addr[first])}-${hex8(h.addr[last] + h.size[last])}\n`
      + `${blockLine(h, first)}\n…\n${blockLine(h, last)}`;
  }

  private hover(e: MouseEvent): void {
    const box = this.canvas.getBoundingClientRect();
    const col = Math.floor((e.clientX - box.left) / CELL_PX);
    const row = Math.floor((e.clientY - box.top) / CELL_PX);
    const text = col >= 0 && col < this.cols ? this.describeCell(row * this.cols + col) : '';
    this.tip.hidden = text === '';
    if (!text) return;
    this.tip.textContent = text;
    this.tip.style.left = `${Math.max(4, box.left - this.tip.offsetWidth - 8)}px`;
    this.tip.style.top = `${e.clientY}px`;
  }
}

/** A cheap fingerprint of the blocks' states and sizes (a redraw only when the heap changed). */
function checksum(h: HeapSnapshot): number {
  let x = 0;
  for (let i = 0; i < h.count; i++) x = (Math.imul(x, 31) + h.size[i] * 7 + h.state[i]) | 0;
  return x;
}
