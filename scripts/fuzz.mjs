#!/usr/bin/env node
// `npm run fuzz -- [--seconds N] [--tool cc|as|ld|ar|objdump] [--seed S] [--timeout MS] [--memory MB]`
// The long toolchain fuzz run (the short one, with fixed seeds, is in `npm test`: test/fuzz/). Compiles
// test/fuzz with tsc into dist/fuzz, then fuzzes every selected tool for N seconds in parallel, one worker
// thread each. A watchdog reads the index each worker is running from shared memory: an input that runs
// longer than --timeout, or that exhausts the worker's --memory, kills the worker and is reported as a
// hang or an out-of-memory; the worker restarts after it. Every bug's input is saved under
// test-output/fuzz/ (TOOL-sSEED-iINDEX.{c,s,bin}) and the exit status is 1 when there is any.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS = ['cc', 'as', 'ld', 'ar', 'objdump'];

function parseArgs(argv) {
  const o = { seconds: 60, tools: TOOLS, seed: Date.now() % 1_000_000, timeout: 30_000, memory: 1536 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--seconds') o.seconds = Number(value());
    else if (a === '--tool') o.tools = value().split(',');
    else if (a === '--seed') o.seed = Number(value());
    else if (a === '--timeout') o.timeout = Number(value());
    else if (a === '--memory') o.memory = Number(value());
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: npm run fuzz -- [--seconds N] [--tool T[,T...]] [--seed S] [--timeout MS] [--memory MB]\n');
      process.exit(0);
    } else throw new Error(`unknown option '${a}'`);
  }
  for (const t of o.tools) if (!TOOLS.includes(t)) throw new Error(`unknown tool '${t}' (one of ${TOOLS.join(', ')})`);
  if (!(o.seconds > 0) || !Number.isInteger(o.seed)) throw new Error('--seconds must be positive and --seed an integer');
  return o;
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`fuzz: ${e.message}\n`);
  process.exit(2);
}

execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'test/fuzz/tsconfig.json')], { stdio: 'inherit' });
const engine = await import(pathToFileURL(join(root, 'dist/fuzz/test/fuzz/engine.js')).href);
const workerUrl = pathToFileURL(join(root, 'dist/fuzz/test/fuzz/worker.js'));
const outDir = join(root, 'test-output/fuzz');
const until = Date.now() + options.seconds * 1000;

/** Saves a finding's input and prints it; returns nothing. */
function report(f) {
  const input = engine.makeInput(f.tool, f.seed, f.index);
  mkdirSync(outDir, { recursive: true });
  const ext = f.tool === 'cc' ? 'c' : f.tool === 'as' ? 's' : 'bin';
  const file = join(outDir, `${f.tool}-s${f.seed}-i${f.index}.${ext}`);
  writeFileSync(file, input.text ?? input.bytes);
  process.stdout.write(`BUG ${f.tool} seed ${f.seed} index ${f.index} (${f.how}${input.shape ? `, ${input.shape}` : ''}${input.opt ? ', -O1' : ''}): ${f.message.split('\n')[0]}\n    input: ${file}\n`);
}

/** Fuzzes one tool until the deadline, restarting the worker after each hang or crash. */
async function fuzzTool(tool) {
  const totals = { tool, inputs: 0, ok: 0, rejected: 0, findings: [] };
  let from = 0;
  while (Date.now() < until) {
    const progress = new SharedArrayBuffer(4);
    const current = new Int32Array(progress);
    Atomics.store(current, 0, -1);
    const worker = new Worker(workerUrl, {
      workerData: { tool, seed: options.seed, from, until, limitMs: options.timeout, progress },
      resourceLimits: { maxOldGenerationSizeMb: options.memory, stackSizeMb: 4 },
    });
    const outcome = await new Promise((resolve) => {
      let last = -1;
      let since = Date.now();
      const timer = setInterval(() => {
        const now = Atomics.load(current, 0);
        if (now !== last) {
          last = now;
          since = Date.now();
        } else if (now >= 0 && Date.now() - since > options.timeout * 2) {
          clearInterval(timer);
          void worker.terminate();
          resolve({ kind: 'hang', index: now });
        }
      }, 250);
      worker.on('message', (m) => {
        if (m.type === 'finding') {
          totals.findings.push(m.finding);
          report(m.finding);
        } else if (m.type === 'done') {
          clearInterval(timer);
          resolve({ kind: 'done', ...m });
        }
      });
      worker.on('error', (e) => {
        clearInterval(timer);
        resolve({ kind: 'crash', index: Atomics.load(current, 0), message: `${e.code ?? e.name}: ${e.message}` });
      });
      worker.on('exit', () => {
        clearInterval(timer);
        resolve({ kind: 'crash', index: Atomics.load(current, 0), message: 'worker exited' });
      });
    });
    if (outcome.kind === 'done') {
      totals.inputs += outcome.inputs;
      totals.ok += outcome.ok;
      totals.rejected += outcome.rejected;
      break;
    }
    // The worker died on input `index`: count the inputs it finished, report that one, go on after it.
    const index = outcome.index < 0 ? from : outcome.index;
    totals.inputs += index - from + 1;
    const input = engine.makeInput(tool, options.seed, index);
    const f = {
      tool, seed: options.seed, index, how: input.how,
      message: outcome.kind === 'hang' ? `no result after ${options.timeout * 2} ms (hang)` : `worker died: ${outcome.message}`,
    };
    totals.findings.push(f);
    report(f);
    from = index + 1;
  }
  return totals;
}

process.stdout.write(`fuzzing ${options.tools.join(', ')} for ${options.seconds} s each (in parallel), seed ${options.seed}\n`);
const results = await Promise.all(options.tools.map(fuzzTool));
process.stdout.write('\ntool      inputs        ok  rejected  bugs\n');
for (const r of results) {
  process.stdout.write(`${r.tool.padEnd(8)}${String(r.inputs).padStart(8)}${String(r.ok).padStart(10)}${String(r.rejected).padStart(10)}${String(r.findings.length).padStart(6)}\n`);
}
process.exitCode = results.some((r) => r.findings.length > 0) ? 1 : 0;
