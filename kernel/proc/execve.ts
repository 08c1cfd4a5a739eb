// execve: the caller's program replaced by another from the file tree. Check, build, commit: the new address
// space is built completely (through loader/ and spawn.ts) before the old one is touched, so a failed
// exec returns -errno to a caller left exactly as it was.

import { Errno } from '../../abi/errno.js';
import { ARG_MAX, MAX_ARG_STRLEN, PATH_MAX } from '../../abi/limits.js';
import { LoadRefusal } from '../../loader/refusal.js';
import { buildSpace } from './spawn.js';
import type { Kernel } from '../kernel.js';
import { copyInString, copyInU32 } from '../mem/uaccess.js';
import { normalizePath } from '../fs/vfs.js';
import type { HostFileNode } from '../fs/node.js';
import type { Process } from './process.js';
import { commitExec } from './exec-commit.js';
import { kernelProgramName } from '../../abi/kprogram.js';
import { execKernelProgram } from '../programs/exec.js';
import { MAX_SCRIPT_DEPTH, readScriptLine } from './interp.js';
import { PerfSession } from '../perf/session.js';

/** The strings of a NULL-terminated user array of string pointers at `va` (NULL: none), or -errno. */
export function copyInStringArray(p: Process, va: number): string[] | number {
  const out: string[] = [];
  if (va === 0) return out;
  let total = 0;
  for (let i = 0; ; i++) {
    const ptr = copyInU32(p.space, (va + 4 * i) >>> 0);
    if (ptr < 0) return ptr;
    if (ptr === 0) return out;
    const s = copyInString(p.space, ptr, MAX_ARG_STRLEN);
    if (typeof s === 'number') return s === -Errno.ENAMETOOLONG ? -Errno.E2BIG : s;
    total += new TextEncoder().encode(s).length + 1 + 4;
    if (total > ARG_MAX) return -Errno.E2BIG;
    out.push(s);
  }
}

/** The bytes of the executable at `abs` in the file tree, or -errno (ENOENT, EACCES for directories and
 *  files without an execute bit). */
export function executableAt(k: Kernel, abs: string): Uint8Array | number {
  const node = k.fs.lookup(abs);
  if (typeof node === 'number') return node;
  if ((node.kind !== 'file' && node.kind !== 'hfile') || (node.mode & 0o111) === 0) return -Errno.EACCES;
  if (node.kind === 'hfile') return readWhole(node);
  return node.data.subarray(0, node.size);
}

/** Every byte of host file `f` (an executable: read whole, as the loader wants it). */
function readWhole(f: HostFileNode): Uint8Array | number {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (;;) {
    const got = f.host.port.read(f.rel, at, 1 << 20);
    if (typeof got === 'number') return got;
    if (got.length === 0) break;
    parts.push(got);
    at += got.length;
  }
  const out = new Uint8Array(at);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/**
 * The program execve of `path` runs: the file itself, or for a `#!` script its interpreter (a script naming a
 * script, up to MAX_SCRIPT_DEPTH of them, then ELOOP) with the argv interp.ts describes. -errno when a file
 * is missing or not executable (EACCES) or a `#!` line is unusable (ENOEXEC).
 */
function resolveScripts(k: Kernel, cwd: string, path: string, argv: string[]): { abs: string; bytes: Uint8Array; argv: string[] } | number {
  let name = path;
  let args = argv;
  for (let depth = 0; ; depth++) {
    const abs = normalizePath(cwd, name);
    const bytes = executableAt(k, abs);
    if (typeof bytes === 'number') return bytes;
    const line = readScriptLine(bytes);
    if (line === undefined) return { abs, bytes, argv: args };
    if (typeof line === 'number') return line;
    if (depth >= MAX_SCRIPT_DEPTH) return -Errno.ELOOP;
    args = [line.interpreter, ...(line.argument !== undefined ? [line.argument] : []), name, ...args.slice(1)];
    name = line.interpreter;
  }
}

/**
 * Replaces the program of `p` (on the hart) with the one at `pathVa`, given argv/envp user arrays. Returns
 * undefined on success (registers are already set: nothing to complete), -errno on failure (caller intact).
 */
export function execProcess(k: Kernel, p: Process, pathVa: number, argvVa: number, envpVa: number): number | undefined {
  const path = copyInString(p.space, pathVa, PATH_MAX);
  if (typeof path === 'number') return path;
  if (path === '') return -Errno.ENOENT;
  const argv = copyInStringArray(p, argvVa);
  if (typeof argv === 'number') return argv;
  const envp = copyInStringArray(p, envpVa);
  if (typeof envp === 'number') return envp;
  const found = resolveScripts(k, p.cwd, path, argv);
  if (typeof found === 'number') return found;
  const { abs, bytes } = found;
  const kernelProgram = kernelProgramName(bytes);
  if (kernelProgram !== undefined) return execKernelProgram(k, p, abs, kernelProgram, found.argv, envp);
  let built: ReturnType<typeof buildSpace>;
  try {
    built = buildSpace(k, { path: normalizePath(p.cwd, path), bytes, argv: found.argv, envp });
  } catch (e) {
    if (e instanceof LoadRefusal) return -e.errno;
    throw e;
  }
  commitExec(k, p, built.space, abs, found.argv);
  p.tf.sp = built.sp;
  p.tf.pc = built.entry;
  p.image = bytes;
  if (p.perfAtExec !== undefined) {
    p.perf = new PerfSession(k.machine.ram, p.perfAtExec ?? undefined);
    p.perfAtExec = undefined;
  }
  return undefined;
}
