// Child process of programs.test.ts: compiles one program with the built pagoda cc and runs each of its
// command lines on a freshly booted test kernel whose /host is the given directory (the program starts there).
// A fresh kernel per command line, as `pagoda run` boots one: console input a run left unread would
// otherwise reach the next run.
// Runs under plain Node on dist/ because vitest's module transform makes every cross-module call of the
// interpreter a property lookup (a 156M-instruction run took 28 s instead of 2.5 s in-process).
//   node run-in-pagoda.mjs JOB.json   ->   JSON on stdout: { stdout, stderr, statuses, messages, leaked }
// JOB: { source, fileName, opt, dir, runs: string[][], stdin: base64, name }
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const { assertNothingLeaked, bootTestKernel, compileC } = await import(join(dist, 'harness/index.js'));
const { NodeHostDir } = await import(join(dist, 'cli/host-dir.js'));

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const exe = compileC(job.source, { fileName: job.fileName, opt: job.opt });
const stdin = Buffer.from(job.stdin, 'base64');
const out = { stdout: '', stderr: '', statuses: [], messages: [], leaked: '' };
for (const args of job.runs) {
  const kernel = bootTestKernel({ memMiB: 64, hostDir: new NodeHostDir(job.dir) });
  const r = await kernel.run(exe, { argv: [job.name, ...args], envp: ['TZ=UTC'], cwd: '/host', stdin: new Uint8Array(stdin), path: `/bin/${job.name}` });
  out.stdout += r.stdout;
  out.stderr += r.stderr;
  out.statuses.push(r.status);
  out.messages.push(...r.messages);
  try { assertNothingLeaked(kernel); } catch (e) { out.leaked += String(e); }
}
process.stdout.write(JSON.stringify(out));
