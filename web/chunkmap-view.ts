// The physical memory view: one cell per 2 MiB chunk, coloured by what it holds (free, kernel, page tables,
// user frames), filled to the share of its 512 frames in use, with the counts underneath.

import { CHUNK_KIND_NAMES, FRAMES_PER_CHUNK_VIEW, type MemorySnapshot } from './memview-model.js';

const KIND_CLASSES = ['free', 'kernel', 'pagetables', 'user'];
const MIB = 1024 * 1024;
const CHUNK_BYTES = 2 * MIB;

export class ChunkMapView {
  private cells: HTMLElement[] = [];
  private readonly grid: HTMLElement;
  private readonly legend: HTMLElement;

  constructor(private readonly root: HTMLElement) {
    this.grid = root.appendChild(document.createElement('div'));
    this.grid.className = 'chunk-grid';
    this.legend = root.appendChild(document.createElement('div'));
    this.legend.className = 'chunk-legend';
  }

  /** Redraws from `s` (cells are made once per chunk count and then only updated). */
  render(s: MemorySnapshot): void {
    if (this.cells.length !== s.chunkKinds.length) this.makeCells(s.chunkKinds.length);
    s.chunkKinds.forEach((kind, i) => {
      const cell = this.cells[i];
      const pt = s.chunkPageTableFrames[i];
      const user = s.chunkUserFrames[i];
      cell.className = `chunk ${KIND_CLASSES[kind]}`;
      // Full for kernel chunks; otherwise the share of frames in use, never less than a visible sliver.
      const fill = kind === 1 && pt + user === 0 ? 1 : Math.max(pt + user > 0 ? 0.12 : 0, (pt + user) / FRAMES_PER_CHUNK_VIEW);
      (cell.firstChild as HTMLElement).style.height = `${Math.round(Math.min(1, fill) * 100)}%`;
      cell.title = `chunk ${i} (0x${(i * CHUNK_BYTES).toString(16).padStart(8, '0')}): ${CHUNK_KIND_NAMES[kind]}` +
        (pt + user > 0 ? ` (${user} user frames, ${pt} page-table frames)` : '');
    });
    const c = s.counts;
    const f = s.frames;
    this.legend.innerHTML = '';
    const items: [string, string][] = [
      ['free', `free ${c.free}`], ['kernel', `kernel ${c.kernel}`],
      ['pagetables', `page tables ${c.pageTables}`], ['user', `user ${c.user}`],
    ];
    for (const [cls, label] of items) {
      const span = this.legend.appendChild(document.createElement('span'));
      span.className = `key ${cls}`;
      span.dataset.count = cls;
      span.textContent = label;
    }
    const frames = this.legend.appendChild(document.createElement('div'));
    frames.className = 'frame-counts';
    frames.textContent = `${s.ramMiB} MiB, ${s.chunkKinds.length} chunks · frames: ${f.user} user, ${f.pageTables} page-table, ${f.kernel} kernel`;
  }

  private makeCells(n: number): void {
    this.grid.innerHTML = '';
    this.cells = [];
    for (let i = 0; i < n; i++) {
      const cell = this.grid.appendChild(document.createElement('div'));
      cell.appendChild(document.createElement('div')).className = 'fill';
      this.cells.push(cell);
    }
  }
}
