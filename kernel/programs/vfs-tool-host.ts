// A ToolHost (toolchain/driver/host.ts) inside the machine: the toolchain's drivers read and write the
// kernel's file tree as the calling process would (its cwd, openat's rules: read-only places, ramfs limits,
// the host directory at /host), and their output goes to the process's fds 1 and 2 through the run
// (run.ts), which writes it between phases. Every operation first checks that the process is still alive:
// a killed compile stops at its next file operation (ToolAborted), and writes nothing more.

import { ERRNO_NAMES, Errno } from '../../abi/errno.js';
import { O_CREAT, O_RDONLY, O_TRUNC, O_WRONLY } from '../../abi/fcntl.js';
import { ToolFileError, type ToolHost, type ToolPaths } from '../../toolchain/driver/host.js';
import { ToolAborted } from '../../toolchain/driver/internal-error.js';
import { WOULD_BLOCK, type OpenFile } from '../dev/file.js';
import { normalizePath } from '../fs/vfs.js';
import type { Process } from '../proc/process.js';
import type { SysContext } from '../sys/context.js';
import { openPath } from '../sys/fs.js';

/** How Node words the errors a driver's messages may quote (so both hosts print the same text). */
const DESCRIPTIONS: Readonly<Record<number, string>> = {
  [Errno.ENOENT]: 'no such file or directory',
  [Errno.EISDIR]: 'illegal operation on a directory',
  [Errno.EACCES]: 'permission denied',
  [Errno.ENOTDIR]: 'not a directory',
  [Errno.ENOSPC]: 'no space left on device',
  [Errno.EEXIST]: 'file already exists',
  [Errno.ENAMETOOLONG]: 'name too long',
};

/** The error for -errno `r` on `path` by system call `call`. */
function fileError(r: number, call: string, path: string): ToolFileError {
  const code = ERRNO_NAMES[-r] ?? `E${-r}`;
  return new ToolFileError(code, path, `${code}: ${DESCRIPTIONS[-r] ?? code.toLowerCase()}, ${call} '${path}'`);
}

/** Bytes a read takes at once. */
const READ_PIECE = 1 << 20;

/** The whole contents of open file `f`; -errno, or -EAGAIN when it would block (a console or pipe). */
function readAll(f: OpenFile): Uint8Array | number {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const got = f.read(READ_PIECE);
    if (got === WOULD_BLOCK) return -Errno.EAGAIN;
    if (typeof got === 'number') return got;
    if (got.length === 0) break;
    parts.push(got.slice());
    total += got.length;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** What the run gives the host: the process's system-call context, its output queue and its checkpoint. */
export interface ToolRunSide {
  readonly ctx: SysContext;
  /** Queues bytes for fd 1 or 2 (written at the next checkpoint, and at the end). */
  output(fd: 1 | 2, bytes: Uint8Array): void;
  checkpoint(): Promise<void>;
}

/** A ToolHost for process `p` running a kernel program, with the environment `envp`. */
export function vfsToolHost(side: ToolRunSide, envp: readonly string[], paths: ToolPaths): ToolHost {
  const ctx = side.ctx;
  const p: Process = ctx.proc;
  const fs = ctx.kernel.fs;
  const live = (): void => {
    if (!p.alive) throw new ToolAborted(`pid ${p.pid} was killed`);
  };
  const abs = (path: string): string => normalizePath(p.cwd, path);
  const env: Record<string, string> = {};
  for (const e of envp) {
    const eq = e.indexOf('=');
    if (eq > 0) env[e.slice(0, eq)] = e.slice(eq + 1);
  }
  const enc = new TextEncoder();
  return {
    readFile(path) {
      live();
      const f = openPath(ctx, abs(path), O_RDONLY, 0);
      if (typeof f === 'number') throw fileError(f, 'open', path);
      const data = readAll(f);
      f.onLastClose?.();
      if (typeof data === 'number') throw fileError(data, 'read', path);
      return data;
    },
    writeFile(path, data, mode) {
      live();
      const at = abs(path);
      const f = openPath(ctx, at, O_WRONLY | O_CREAT | O_TRUNC, mode ?? 0o644);
      if (typeof f === 'number') throw fileError(f, 'open', path);
      let bytes = typeof data === 'string' ? enc.encode(data) : data;
      try {
        while (bytes.length > 0) {
          const n = f.write(bytes);
          if (n === WOULD_BLOCK) throw fileError(-Errno.EAGAIN, 'write', path);
          if (n < 0) throw fileError(n, 'write', path);
          bytes = bytes.subarray(n);
        }
      } finally {
        f.onLastClose?.();
      }
      // An existing file keeps its inode; the mode asked for is applied, as chmod after the write does.
      const node = fs.lookup(at);
      if (mode !== undefined && typeof node !== 'number' && node.kind === 'file') node.mode = (node.mode & ~0o7777) | mode;
    },
    exists(path) {
      live();
      return typeof fs.lookup(abs(path)) !== 'number';
    },
    isFile(path) {
      live();
      const n = fs.lookup(abs(path));
      return typeof n !== 'number' && (n.kind === 'file' || n.kind === 'hfile');
    },
    stdout(data) {
      live();
      side.output(1, typeof data === 'string' ? enc.encode(data) : data.slice());
    },
    stderr(text) {
      live();
      side.output(2, enc.encode(text));
    },
    cwd: p.cwd,
    env,
    paths,
    checkpoint: () => side.checkpoint(),
  };
}
