// The machine's thread: a Web Worker running a console session (kernel/session.ts), so the page never freezes
// however long a guest computes. Output is batched per slice and sent with credit-based flow control (the page
// acknowledges what xterm.js has parsed; past OUTPUT_HIGH_WATER unacknowledged bytes the guest is paused).
// A memory snapshot goes to the page every SNAPSHOT_INTERVAL_MS, with the heap panel's walk (throttled to a tenth
// of the time). The boot image is ./boot.cpio, if served.
// /home: a kept one arrives with the boot message and replaces the image's; every HOME_SYNC_INTERVAL_MS (and
// when the page asks) a changed /home goes back to the page, which keeps it. Files programs export
// (`download FILE`) go to the page as they are handed over.

import { ConsoleSession, type SessionEnd } from '../kernel/session.js';
import { homeSignature, listHome, restoreHome } from './home-files.js';
import { heapBuffers, snapshotHeap } from './heapview-model.js';
import { snapshotMemory } from './memview-model.js';
import {
  HOME_SYNC_INTERVAL_MS, OUTPUT_BATCH_BYTES, OUTPUT_HIGH_WATER, OUTPUT_LOW_WATER, SNAPSHOT_INTERVAL_MS,
  type FromWorker, type ToWorker,
} from './protocol.js';

/** The worker global as this file uses it (the DOM lib types `self` as a Window). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let session: ConsoleSession | undefined;
let running = false;
let batch: Uint8Array[] = [];
let batchBytes = 0;
let flushQueued = false;
let unacked = 0;
/** homeSignature() of the /home last sent (or restored). */
let homeSent = '';
/** The process whose heap the page's panel shows. */
let heapPid: number | undefined;
/** A heap walk costs about 1-1.5 us per block (100,000 blocks: ~100-150 ms), so the next one waits ten times
 *  as long as the last took: the panel never takes more than a tenth of the machine's time. */
let nextHeapWalkMs = 0;

function post(message: FromWorker, transfer?: Transferable[]): void { scope.postMessage(message, transfer); }

/** Sends the batched output as one message. */
function flushOutput(): void {
  flushQueued = false;
  if (batchBytes === 0) return;
  const bytes = new Uint8Array(batchBytes);
  let at = 0;
  for (const b of batch) { bytes.set(b, at); at += b.length; }
  batch = [];
  batchBytes = 0;
  unacked += bytes.length;
  if (unacked > OUTPUT_HIGH_WATER) session?.pause();
  post({ type: 'output', bytes }, [bytes.buffer]);
}

/** Collects console output; flushed when the current slice ends (a microtask) or the batch is full. */
function onOutput(bytes: Uint8Array): void {
  batch.push(bytes.slice());
  batchBytes += bytes.length;
  if (batchBytes >= OUTPUT_BATCH_BYTES) flushOutput();
  else if (!flushQueued) {
    flushQueued = true;
    queueMicrotask(flushOutput);
  }
}

const say = (line: string): void => onOutput(new TextEncoder().encode(line + '\n'));

/** A macrotask turn without setTimeout's clamping: pending messages (keys, acks) are handled meanwhile. */
const channel = new MessageChannel();
const turnWaiters: (() => void)[] = [];
channel.port1.onmessage = (): void => { turnWaiters.shift()?.(); };
function yieldTurn(): Promise<void> {
  flushOutput();
  return new Promise((resolve) => {
    turnWaiters.push(resolve);
    channel.port2.postMessage(0);
  });
}

async function fetchBootImage(): Promise<Uint8Array | undefined> {
  try {
    const r = await fetch(new URL('boot.cpio', import.meta.url));
    return r.ok ? new Uint8Array(await r.arrayBuffer()) : undefined;
  } catch {
    return undefined;
  }
}

function describeEnd(end: SessionEnd): string {
  if (end.kind === 'init-exited') return `exited with status ${end.status}`;
  return end.kind === 'power-off' ? 'powered off' : end.message;
}

/** Runs `path` (or the boot program) to its end, then reports. */
async function runSession(path?: string): Promise<void> {
  if (!session || running) return;
  running = true;
  const ending = session.start(path);
  // start() has spawned the program (or found none) before its first await
  const pid = session.initPid;
  if (pid !== undefined) post({ type: 'started', path: path ?? session.initPath() ?? 'init', pid });
  const end = await ending;
  running = false;
  flushOutput();
  postSnapshot();
  if (end.kind === 'no-init') say(`pagoda: ${end.message}; drop an ELF file onto the page to run it`);
  else say(`pagoda: ${path ?? 'init'} ${describeEnd(end)}`);
  flushOutput();
  post({ type: 'ended', how: describeEnd(end) });
}

/** Retired instructions and the time at the last snapshot: the page shows the rate between two (MIPS). */
let rateFrom = { instret: 0, ms: 0 };

function postSnapshot(): void {
  if (!session) return;
  const instret = session.kernel.machine.cpu.instret;
  const ms = performance.now();
  const mips = ms > rateFrom.ms ? (instret - rateFrom.instret) / (ms - rateFrom.ms) / 1000 : 0;
  rateFrom = { instret, ms };
  post({ type: 'memory', snapshot: snapshotMemory(session.kernel), winsize: session.winsize, mips });
  postHeap(false);
}

/** Sends /home to the page when it changed since last sent. */
function syncHome(): void {
  if (!session) return;
  const signature = homeSignature(session.kernel.fs);
  if (signature === homeSent) return;
  homeSent = signature;
  const entries = listHome(session.kernel.fs);
  if (!entries) return post({ type: 'home-too-big' });
  post({ type: 'home', entries }, entries.flatMap((e) => (e.bytes ? [e.bytes.buffer as ArrayBuffer] : [])));
}

/** A file a program exported: to the page, as a download. */
function exportFile(path: string, bytes: Uint8Array): void {
  post({ type: 'download', path, bytes }, [bytes.buffer as ArrayBuffer]);
}

/** Sends the panel's heap, unless the last walk was too recent (`now`: regardless). */
function postHeap(now: boolean): void {
  const t0 = performance.now();
  if (!session || (!now && t0 < nextHeapWalkMs)) return;
  const heap = heapPid === undefined ? undefined : snapshotHeap(session.kernel, heapPid);
  nextHeapWalkMs = t0 + 10 * (performance.now() - t0);
  post({ type: 'heap', heap }, heap ? heapBuffers(heap) : []);
}

async function bootMachine(msg: Extract<ToWorker, { type: 'boot' }>): Promise<void> {
  const bootImage = await fetchBootImage();
  session = new ConsoleSession({
    memMiB: msg.memMiB, bootImage, init: msg.init, audit: msg.audit, jit: msg.jit, output: onOutput, yieldToHost: yieldTurn,
    terminal: true, // xterm.js is a terminal: the kernel's line discipline edits, echoes and raises Ctrl-C
    exportFile,
  });
  session.resize(msg.cols, msg.rows);
  if (msg.home) restoreHome(session.kernel.fs, msg.home);
  homeSent = homeSignature(session.kernel.fs);
  setInterval(() => { if (running) postSnapshot(); }, SNAPSHOT_INTERVAL_MS);
  setInterval(syncHome, HOME_SYNC_INTERVAL_MS);
  postSnapshot();
  await runSession();
}

/** A dropped file goes to /home/NAME (writable, executable); with nothing running, it is run at once. */
function addFile(name: string, bytes: Uint8Array): void {
  if (!session) return;
  const path = '/home/' + (name.replace(/[^A-Za-z0-9._+-]/g, '_').replace(/^\.+/, '') || 'file');
  session.addFile(path, bytes);
  const ran = !running;
  post({ type: 'file-added', path, bytes: bytes.length, ran });
  // While a program runs the console is its own: the page's status line says where the file went.
  if (ran) {
    say(`pagoda: running ${path}`);
    void runSession(path);
  }
}

function handle(msg: ToWorker): void {
  switch (msg.type) {
    case 'boot': return void bootMachine(msg).catch(fatal);
    case 'input': return session?.input(msg.bytes);
    case 'resize':
      session?.resize(msg.cols, msg.rows);
      return postSnapshot();
    case 'ack':
      unacked = Math.max(0, unacked - msg.bytes);
      if (unacked < OUTPUT_LOW_WATER) session?.resume();
      return;
    case 'file': return addFile(msg.name, msg.bytes);
    case 'snapshot': return postSnapshot();
    case 'sync-home': return syncHome();
    case 'heap-pid':
      heapPid = msg.pid;
      return postHeap(true);
  }
}

function fatal(e: unknown): void {
  flushOutput();
  post({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
}

scope.onmessage = (e) => {
  try {
    handle(e.data);
  } catch (err) {
    fatal(err);
  }
};
