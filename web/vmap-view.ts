// The chosen process's virtual address space: spans from vmap-layout.ts stacked with high addresses on top
// (as pmap and /proc/PID/maps readers picture it), each region showing the share of its pages that are
// resident; hovering a region shows its /proc/PID/maps line.

import type { ProcessView } from './memview-model.js';
import { formatSize, layoutSpans, type Span } from './vmap-layout.js';

const hex8 = (n: number): string => '0x' + (n >>> 0).toString(16).padStart(8, '0');

function labelOf(s: Span): string {
  const size = formatSize(s.end - s.start);
  if (!s.region) return `${s.kind === 'null-guard' ? 'NULL guard' : s.kind === 'kernel-half' ? 'kernel half' : s.kind} ${size}`;
  const r = s.region;
  return `${r.kind}${r.name && !r.name.startsWith('[') ? ' ' + r.name.split('/').pop() : ''} ${size} · ${r.resident}/${r.pages} resident`;
}

export class VmapView {
  private readonly list: HTMLElement;

  constructor(private readonly root: HTMLElement, private readonly tip: HTMLElement) {
    this.list = root.appendChild(document.createElement('div'));
    this.list.className = 'vmap';
  }

  /** Draws `p`'s address space, or a note when there is no process. */
  render(p: ProcessView | undefined): void {
    this.list.innerHTML = '';
    if (!p) {
      this.list.textContent = 'no process running';
      return;
    }
    for (const s of layoutSpans(p.regions).reverse()) this.list.appendChild(this.spanElement(s));
  }

  private spanElement(s: Span): HTMLElement {
    const el = document.createElement('div');
    el.className = `span ${s.kind}`;
    el.style.height = `${s.height}px`;
    el.dataset.start = hex8(s.start);
    const label = el.appendChild(document.createElement('span'));
    label.className = 'label';
    label.textContent = labelOf(s);
    const addr = el.appendChild(document.createElement('span'));
    addr.className = 'addr';
    addr.textContent = hex8(s.start);
    if (s.region) {
      const bar = el.insertBefore(document.createElement('div'), label);
      bar.className = 'resident';
      bar.style.width = `${(100 * s.region.resident) / Math.max(1, s.region.pages)}%`;
      el.dataset.maps = s.region.maps;
      el.addEventListener('mouseenter', () => this.showTip(s.region!.maps, el));
      el.addEventListener('mouseleave', () => { this.tip.hidden = true; });
    }
    return el;
  }

  private showTip(text: string, el: HTMLElement): void {
    this.tip.textContent = text;
    this.tip.hidden = false;
    const box = el.getBoundingClientRect();
    this.tip.style.left = `${Math.max(4, box.left - this.tip.offsetWidth - 8)}px`;
    this.tip.style.top = `${box.top}px`;
  }
}
