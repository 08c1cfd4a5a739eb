// The page: xterm.js showing the console of a machine that runs in a Web Worker (web/worker.ts), with the live
// memory views beside it (chunk map, the chosen process's address space). Keys go to the worker; output comes
// back in batches and is written with flow control (output-pump.ts). Dropping a file puts it in /home; /home
// is kept in IndexedDB across reloads (home-store.ts) until "Reset /home"; a file a program exports
// (`download FILE`) is downloaded. The address-space view follows the newest process until one is picked.
// URL parameters: ?mem=MiB (RAM size), ?init=PATH (boot program). window.pagoda is the automation handle.

import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import debounce from 'lodash-es/debounce.js';
import throttle from 'lodash-es/throttle.js';
import { ChunkMapView } from './chunkmap-view.js';
import { clearHome, loadHome, saveHome } from './home-store.js';
import { HeapView } from './heap-view.js';
import type { HeapSnapshot } from './heapview-model.js';
import type { ChunkCounts, FrameCounts, MemorySnapshot, ProcessView } from './memview-model.js';
import { OutputPump, type OutputStats } from './output-pump.js';
import { SNAPSHOT_INTERVAL_MS, type FromWorker, type ToWorker } from './protocol.js';
import { VmapView } from './vmap-view.js';
import { perfStripText } from './perf-strip.js';

/** What tests and the console can reach as window.pagoda. */
export interface PagodaHandle {
  term: Terminal;
  /** Chunk-map counts of the latest snapshot (all zero before the first). */
  chunkCounts(): ChunkCounts;
  frameCounts(): FrameCounts | undefined;
  snapshot(): MemorySnapshot | undefined;
  /** The terminal size the guest was last told (from the latest snapshot). */
  guestWinsize(): { cols: number; rows: number } | undefined;
  /** Asks the worker for a fresh snapshot. */
  refresh(): Promise<MemorySnapshot>;
  /** The process the address-space view shows; select another by pid. */
  selectedPid(): number | undefined;
  selectPid(pid: number): void;
  /** The heap panel's latest snapshot (the selected process's blocks), and its hover text for cell `c`. */
  heap(): HeapSnapshot | undefined;
  heapCellText(c: number): string;
  /** Types `text` as if from the keyboard. */
  type(text: string): void;
  /** Puts a file into /home as a drop would. */
  addFile(name: string, bytes: Uint8Array): void;
  output: OutputStats;
  /** performance.now() at page start, first output, and session end (0 until then). */
  timing: { startMs: number; firstOutputMs: number; endedMs: number };
  /** How many times /home was kept in IndexedDB since the page loaded, and the paths kept the last time. */
  homeSaves: number;
  keptPaths: string[];
  /** Files downloaded at a program's request (`download FILE`), in order. */
  downloads: { name: string; bytes: number }[];
  /** Forgets the kept /home and reloads the page (the "Reset /home" button). */
  resetHome(): Promise<void>;
  /** Set when the session ended (init exited / no boot program), or the worker failed. */
  ended: string | undefined;
  fatal: string | undefined;
}

declare global {
  interface Window { pagoda: PagodaHandle }
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const params = new URLSearchParams(location.search);
const startMs = performance.now();

const term = new Terminal({
  convertEol: true, cursorBlink: true, scrollback: 2000, fontSize: 14,
  fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
  theme: { background: '#101418', foreground: '#d8dee4' },
});
const fit = new FitAddon();
term.loadAddon(fit);
term.open($('terminal'));
fit.fit();
term.focus();

const worker = new Worker(new URL('worker.js', import.meta.url), { type: 'module' });
const send = (msg: ToWorker, transfer?: Transferable[]): void => worker.postMessage(msg, transfer ?? []);
const pump = new OutputPump(term, (bytes) => send({ type: 'ack', bytes }));

const chunkView = new ChunkMapView($('chunkmap'));
const vmapView = new VmapView($('vmap'), $('maps-tip'));
const heapView = new HeapView($('heap'), $('maps-tip'));
let heapPid: number | undefined;
const procSelect = $<HTMLSelectElement>('process');
let latest: MemorySnapshot | undefined;
let guestWinsize: { cols: number; rows: number } | undefined;
let chosenPid: number | undefined;
const snapshotWaiters: ((s: MemorySnapshot) => void)[] = [];

const handle: PagodaHandle = {
  term,
  chunkCounts: () => latest?.counts ?? { free: 0, kernel: 0, pageTables: 0, user: 0 },
  frameCounts: () => latest?.frames,
  snapshot: () => latest,
  guestWinsize: () => guestWinsize,
  refresh: () => new Promise((resolve) => { snapshotWaiters.push(resolve); send({ type: 'snapshot' }); }),
  selectedPid: () => shownProcess()?.pid,
  selectPid: (pid) => { chosenPid = pid; renderViews(); },
  heap: () => heapView.shown,
  heapCellText: (c) => heapView.describeCell(c),
  type: (text) => send({ type: 'input', bytes: new TextEncoder().encode(text) }),
  addFile: (name, bytes) => send({ type: 'file', name, bytes }),
  output: pump.stats,
  timing: { startMs, firstOutputMs: 0, endedMs: 0 },
  homeSaves: 0,
  keptPaths: [],
  downloads: [],
  resetHome,
  ended: undefined,
  fatal: undefined,
};
window.pagoda = handle;

/**
 * The process picked in the list while it lives; otherwise the newest one (the highest pid), which is what the
 * user just started — a program run from the shell, not the shell waiting for it.
 */
function shownProcess(): ProcessView | undefined {
  const ps = latest?.processes ?? [];
  const chosen = ps.find((p) => p.pid === chosenPid);
  if (chosen) return chosen;
  return ps.reduce<ProcessView | undefined>((newest, p) => (!newest || p.pid > newest.pid ? p : newest), undefined);
}

function renderProcessChoice(): void {
  const ps = latest?.processes ?? [];
  const shown = shownProcess();
  const options = ps.map((p) => `${p.pid}:${p.name}`).join('|');
  if (procSelect.dataset.options !== options) {
    procSelect.innerHTML = '';
    for (const p of ps) {
      const o = procSelect.appendChild(document.createElement('option'));
      o.value = String(p.pid);
      o.textContent = `${p.pid} ${p.name}`;
    }
    procSelect.dataset.options = options;
  }
  if (shown) procSelect.value = String(shown.pid);
  const summary = $('process-summary');
  summary.textContent = shown
    ? `${shown.residentPages} resident pages, ${shown.pageTablePages} page-table pages, brk 0x${shown.brk.toString(16)}`
    : '';
  $('perf-strip').textContent = shown ? perfStripText(shown.perf) : '';
}

let drawnChunks = '';
let drawnProcess = '';

/** Redraws what changed in the views, at most a few times per second. */
const renderViews = throttle((): void => {
  if (!latest) return;
  const chunks = JSON.stringify([latest.chunkKinds, latest.chunkPageTableFrames, latest.chunkUserFrames]);
  if (chunks !== drawnChunks) {
    chunkView.render(latest);
    drawnChunks = chunks;
  }
  renderProcessChoice();
  const shown = shownProcess();
  const key = JSON.stringify(shown ?? null);
  if (key !== drawnProcess) {
    vmapView.render(shown);
    drawnProcess = key;
  }
  if (shown?.pid !== heapPid) {
    heapPid = shown?.pid;
    send({ type: 'heap-pid', pid: heapPid });
  }
}, SNAPSHOT_INTERVAL_MS, { leading: true, trailing: true });

procSelect.addEventListener('change', () => handle.selectPid(Number(procSelect.value)));

worker.onmessage = (e: MessageEvent<FromWorker>): void => {
  const msg = e.data;
  switch (msg.type) {
    case 'output':
      if (handle.timing.firstOutputMs === 0) handle.timing.firstOutputMs = performance.now();
      pump.push(msg.bytes);
      return;
    case 'memory':
      latest = msg.snapshot;
      guestWinsize = msg.winsize;
      if (msg.mips !== undefined) $('mips').textContent = `${msg.mips.toFixed(0)} MIPS${params.get('jit') === '0' ? ' (interpreter)' : ''}`;
      for (const w of snapshotWaiters.splice(0)) w(msg.snapshot);
      renderViews();
      return;
    case 'started':
      $('status').textContent = `running ${msg.path} (pid ${msg.pid})`;
      return;
    case 'home':
      if (resetting) return;
      void saveHome(msg.entries).then((ok) => {
        if (!ok) return;
        handle.homeSaves++;
        handle.keptPaths = msg.entries.map((e) => e.path);
      });
      return;
    case 'home-too-big':
      $('status').textContent = '/home is too big to keep: the last kept state stays';
      return;
    case 'download':
      download(msg.path, msg.bytes);
      return;
    case 'heap':
      if (!msg.heap || msg.heap.pid === heapPid) heapView.render(msg.heap);
      return;
    case 'file-added':
      $('status').textContent = `${msg.path} added (${msg.bytes} bytes)${msg.ran ? ', running' : ''}`;
      return;
    case 'ended':
      handle.ended = msg.how;
      handle.timing.endedMs = performance.now();
      $('status').textContent = `session ended: ${msg.how}`;
      return;
    case 'fatal':
      handle.fatal = msg.message;
      $('status').textContent = `machine stopped: ${msg.message}`;
      term.write(`\r\n\x1b[31mpagoda: ${msg.message}\x1b[0m\r\n`);
      return;
  }
};
worker.onerror = (e): void => {
  handle.fatal = e.message || 'the worker failed to start';
  $('status').textContent = `machine stopped: ${handle.fatal}`;
};

term.onData((data) => send({ type: 'input', bytes: new TextEncoder().encode(data) }));
term.onBinary((data) => send({ type: 'input', bytes: Uint8Array.from(data, (c) => c.charCodeAt(0) & 0xff) }));
term.onResize(({ cols, rows }) => send({ type: 'resize', cols, rows }));
window.addEventListener('resize', debounce(() => fit.fit(), 100));

/** Offers `bytes` to the user as a file download, named after the path's last component. */
function download(path: string, bytes: Uint8Array): void {
  const name = path.split('/').pop() || 'file';
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  handle.downloads.push({ name, bytes: bytes.length });
  $('status').textContent = `${path} downloaded (${bytes.length} bytes)`;
}

/** Set while /home is being reset: the worker's last sends are not kept. */
let resetting = false;

async function resetHome(): Promise<void> {
  resetting = true;
  worker.terminate();
  await clearHome();
  location.reload();
}
$('reset-home').addEventListener('click', () => { void resetHome(); });
// A page being hidden or closed may not come back: ask for /home now rather than at the next interval.
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') send({ type: 'sync-home' }); });

/** Files dropped onto the page (or chosen with the button) go to /home. */
async function addFiles(files: FileList | null): Promise<void> {
  for (const f of Array.from(files ?? [])) {
    const bytes = new Uint8Array(await f.arrayBuffer());
    send({ type: 'file', name: f.name, bytes }, [bytes.buffer]);
  }
}
document.addEventListener('dragover', (e) => { e.preventDefault(); document.body.classList.add('dropping'); });
document.addEventListener('dragleave', () => document.body.classList.remove('dropping'));
document.addEventListener('drop', (e) => {
  e.preventDefault();
  document.body.classList.remove('dropping');
  void addFiles(e.dataTransfer?.files ?? null);
});
const picker = $<HTMLInputElement>('file-input');
picker.addEventListener('change', () => { void addFiles(picker.files); picker.value = ''; });

const mem = Number(params.get('mem') ?? '128');
void loadHome().then((home) => {
  send({
    type: 'boot', cols: term.cols, rows: term.rows, memMiB: Number.isInteger(mem) ? mem : 128,
    init: params.get('init') ?? undefined, audit: params.get('audit') === '1', home,
    jit: params.get('jit') !== '0',
  });
});
