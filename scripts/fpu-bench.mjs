// fpu-bench.mjs: nanoseconds per operation of machine/fpu's entry points, as the interpreter will
// call them (register numbers in, result in a register), on operands drawn from ordinary values.
// Reads tsc's output in dist/ (run `npx tsc -p tsconfig.json` or `npm run build` first).
//
//   node scripts/fpu-bench.mjs [--ops N]
//
// Each row runs in its own Node process (rows sharing one process disturb each other's JIT
// feedback) and reports the best of five rounds of CPU time (the machine is shared); the `plain`
// rows, a bare JS double operation through the same register file, give the floor.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'machine', 'fpu');
const load = async (name) => import(pathToFileURL(join(DIST, `${name}.js`)).href);
const { FloatRegisters, setSingle } = await load('float-state');
// Destructured: a call through a module namespace object is not inlined.
const { addSingle, divSingle, fmaSingle, mulSingle, sqrtSingle } = await load('arith-single');
const { addDouble, divDouble, fmaDouble, mulDouble, sqrtDouble } = await load('arith-double');
const { doubleToInt, doubleToSingle, intToDouble, singleToInt } = await load('convert');
const { compareDouble, minMaxDouble } = await load('compare');

const opsArg = process.argv.indexOf('--ops');
const OPS = opsArg > 0 ? Number(process.argv[opsArg + 1]) : 4_000_000;
const [RNE, RTZ, RDN] = [0, 1, 2];

/** f0..f15 hold values in [0.5, 4) (random signs unless `positive`), as singles or doubles. */
function registers(asSingle, positive) {
  const st = new FloatRegisters();
  let seed = 12345;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) | 0) >>> 0) / 2 ** 32;
  for (let n = 0; n < 16; n++) {
    const v = (0.5 + 3.5 * random()) * (random() < 0.5 && !positive ? -1 : 1);
    if (asSingle) setSingle(st, n, Math.fround(v));
    else st.f[n] = v;
  }
  return st;
}

/**
 * Runs `body(st, i)` OPS times and returns the best ns per call of five rounds, after half a second
 * of warm-up (on a loaded machine the optimizing compiler, a background thread, needs that long).
 * Time is this process's CPU time, not the wall clock: other processes' load does not count.
 */
function measure(st, body) {
  const warm = performance.now();
  while (performance.now() - warm < 500) for (let i = 0; i < 100_000; i++) body(st, i);
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const t0 = process.cpuUsage();
    for (let i = 0; i < OPS / 5; i++) body(st, i);
    const t = process.cpuUsage(t0);
    best = Math.min(best, ((t.user + t.system) * 1e3) / (OPS / 5));
  }
  return best;
}

const rows = [
  ['plain f64 a+b', false, (st, i) => { const f = st.f; f[16 + (i & 7)] = f[i & 15] + f[(i + 5) & 15]; }],
  ['plain f64 a*b+c', false, (st, i) => { const f = st.f; f[16 + (i & 7)] = f[i & 15] * f[(i + 5) & 15] + f[(i + 9) & 15]; }],
  ['fadd.d rne', false, (st, i) => addDouble(st, 16 + (i & 7), i & 15, (i + 5) & 15, RNE, false)],
  ['fsub.d rne', false, (st, i) => addDouble(st, 16 + (i & 7), i & 15, (i + 5) & 15, RNE, true)],
  ['fmul.d rne', false, (st, i) => mulDouble(st, 16 + (i & 7), i & 15, (i + 5) & 15, RNE)],
  ['fdiv.d rne', false, (st, i) => divDouble(st, 16 + (i & 7), i & 15, (i + 5) & 15, RNE)],
  ['fsqrt.d rne', false, (st, i) => sqrtDouble(st, 16 + (i & 7), i & 15, RNE), true],
  ['fmadd.d rne', false, (st, i) => fmaDouble(st, 16 + (i & 7), i & 15, (i + 5) & 15, (i + 9) & 15, RNE, false, false)],
  ['fadd.d rtz', false, (st, i) => addDouble(st, 16 + (i & 7), i & 15, (i + 5) & 15, RTZ, false)],
  ['fmul.d rdn', false, (st, i) => mulDouble(st, 16 + (i & 7), i & 15, (i + 5) & 15, RDN)],
  ['fmadd.d rdn', false, (st, i) => fmaDouble(st, 16 + (i & 7), i & 15, (i + 5) & 15, (i + 9) & 15, RDN, false, false)],
  ['fadd.s rne', true, (st, i) => addSingle(st, 16 + (i & 7), i & 15, (i + 5) & 15, RNE, false)],
  ['fmul.s rne', true, (st, i) => mulSingle(st, 16 + (i & 7), i & 15, (i + 5) & 15, RNE)],
  ['fdiv.s rne', true, (st, i) => divSingle(st, 16 + (i & 7), i & 15, (i + 5) & 15, RNE)],
  ['fsqrt.s rne', true, (st, i) => sqrtSingle(st, 16 + (i & 7), i & 15, RNE), true],
  ['fmadd.s rne', true, (st, i) => fmaSingle(st, 16 + (i & 7), i & 15, (i + 5) & 15, (i + 9) & 15, RNE, false, false)],
  ['fadd.s rtz', true, (st, i) => addSingle(st, 16 + (i & 7), i & 15, (i + 5) & 15, RTZ, false)],
  ['fmadd.s rdn', true, (st, i) => fmaSingle(st, 16 + (i & 7), i & 15, (i + 5) & 15, (i + 9) & 15, RDN, false, false)],
  ['fcvt.w.d rtz', false, (st, i) => doubleToInt(st, i & 15, RTZ)],
  ['fcvt.w.s rtz', true, (st, i) => singleToInt(st, i & 15, RTZ)],
  ['fcvt.d.w', false, (st, i) => intToDouble(st, 16 + (i & 7), i * 7919)],
  ['fcvt.s.d rne', false, (st, i) => doubleToSingle(st, 16 + (i & 7), i & 15, RNE)],
  ['flt.d', false, (st, i) => compareDouble(st, i & 15, (i + 5) & 15, 1)],
  ['fmin.d', false, (st, i) => minMaxDouble(st, 16 + (i & 7), i & 15, (i + 5) & 15, false)],
];

const rowArg = process.argv.indexOf('--row');
if (rowArg > 0) {
  const [, asSingle, body, positive] = rows[Number(process.argv[rowArg + 1])];
  console.log(measure(registers(asSingle, positive), body).toFixed(1));
} else {
  console.log(`machine/fpu, ns per operation (best of 5 rounds of ${(OPS / 5).toLocaleString('en')}, one process per row)`);
  const self = fileURLToPath(import.meta.url);
  rows.forEach(([name], i) => {
    // --trace-gc lines count the young-generation collections: an operation that allocates shows them.
    const out = execFileSync(process.execPath, ['--trace-gc', self, '--row', String(i), '--ops', String(OPS)], { encoding: 'utf8' });
    const lines = out.trim().split('\n');
    const ns = lines.find((l) => /^[0-9.]+$/.test(l));
    const scavenges = lines.filter((l) => l.includes('Scavenge')).length;
    console.log(`${name.padEnd(16)} ${ns.padStart(7)} ns/op  ${String(scavenges).padStart(4)} scavenges`);
  });
}
