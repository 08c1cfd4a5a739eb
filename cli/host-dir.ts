// The HostDir port (kernel/fs/hostdir.ts) over node:fs: one directory of the host, shared with the machine
// at /host. Containment is checked on every call, not only at open: the name is checked (no NUL, no '.',
// '..' or empty component, no absolute path, no component over NAME_MAX, the host path under PATH_MAX), then
// resolved with realpath, and the real path must be the directory itself or lie below it, so a symbolic link
// (or a directory renamed on the host meanwhile) cannot lead a program outside. Operations on a name itself
// (create, mkdir, unlink, rmdir, rename) resolve its parent that way and act on the last component, which is
// never followed.

import {
  closeSync, mkdirSync, openSync, readdirSync, readSync, realpathSync, renameSync, rmdirSync, statSync, truncateSync,
  unlinkSync, writeSync,
} from 'node:fs';
import { join, sep } from 'node:path';
import { Errno, ERRNO_NAMES } from '../abi/errno.js';
import { NAME_MAX, PATH_MAX } from '../abi/limits.js';
import type { HostDir, HostStat } from '../kernel/fs/hostdir.js';

const ERRNO_BY_NAME = new Map(Object.entries(ERRNO_NAMES).map(([n, name]) => [name, Number(n)]));

/** -errno for a node:fs failure (EIO for anything without a Linux name here). */
function fail(e: unknown): number {
  const code = (e as NodeJS.ErrnoException).code;
  return -(ERRNO_BY_NAME.get(code ?? '') ?? Errno.EIO);
}

/** Runs `f`, turning a thrown node:fs error into -errno. */
function attempt<T>(f: () => T): T | number {
  try {
    return f();
  } catch (e) {
    if (!(e as NodeJS.ErrnoException).code) throw e;
    return fail(e);
  }
}

export class NodeHostDir implements HostDir {
  /** The shared directory's real path (symbolic links resolved). */
  readonly root: string;

  /** Shares `dir` (throws when it is not a directory). */
  constructor(dir: string) {
    this.root = realpathSync(dir);
    if (!statSync(this.root).isDirectory()) throw Object.assign(new Error(`${dir}: not a directory`), { code: 'ENOTDIR' });
  }

  /** True when real path `p` is the shared directory or below it. */
  private inside(p: string): boolean {
    return p === this.root || p.startsWith(this.root.endsWith(sep) ? this.root : this.root + sep);
  }

  /** -errno when `rel` is not a name this port accepts, else 0. */
  private check(rel: string): number {
    if (rel.includes('\0')) return -Errno.EINVAL;
    if (rel === '') return 0;
    for (const c of rel.split('/')) {
      if (c === '' || c === '.' || c === '..') return -Errno.EINVAL;
      if (Buffer.byteLength(c) > NAME_MAX) return -Errno.ENAMETOOLONG;
    }
    if (Buffer.byteLength(join(this.root, rel)) >= PATH_MAX) return -Errno.ENAMETOOLONG;
    return 0;
  }

  /** The real host path of `rel` (links followed), or -errno: EACCES when it leads outside. */
  private real(rel: string): string | number {
    const bad = this.check(rel);
    if (bad < 0) return bad;
    const r = attempt(() => realpathSync(join(this.root, rel)));
    if (typeof r === 'number') return r;
    return this.inside(r) ? r : -Errno.EACCES;
  }

  /** The host path of name `rel` itself (its parent resolved and checked, the last component not followed). */
  private entry(rel: string): string | number {
    const bad = this.check(rel);
    if (bad < 0) return bad;
    if (rel === '') return -Errno.EBUSY;
    const cut = rel.lastIndexOf('/');
    const parent = this.real(cut < 0 ? '' : rel.slice(0, cut));
    if (typeof parent === 'number') return parent;
    return join(parent, rel.slice(cut + 1));
  }

  stat(rel: string): HostStat | number {
    const p = this.real(rel);
    if (typeof p === 'number') return p;
    return attempt(() => {
      const st = statSync(p);
      const kind = st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
      return { kind, perm: st.mode & 0o7777, size: st.size, mtimeMs: st.mtimeMs, ino: st.ino } satisfies HostStat;
    });
  }

  readdir(rel: string): string[] | number {
    const p = this.real(rel);
    if (typeof p === 'number') return p;
    return attempt(() => readdirSync(p));
  }

  read(rel: string, offset: number, length: number): Uint8Array | number {
    const p = this.real(rel);
    if (typeof p === 'number') return p;
    return attempt(() => {
      const fd = openSync(p, 'r');
      try {
        const buf = new Uint8Array(length);
        const n = readSync(fd, buf, 0, length, offset);
        return buf.subarray(0, n);
      } finally {
        closeSync(fd);
      }
    });
  }

  write(rel: string, offset: number, bytes: Uint8Array): number {
    const p = this.real(rel);
    if (typeof p === 'number') return p;
    return attempt(() => {
      const fd = openSync(p, 'r+');
      try {
        return writeSync(fd, bytes, 0, bytes.length, offset);
      } finally {
        closeSync(fd);
      }
    });
  }

  truncate(rel: string, size: number): number {
    const p = this.real(rel);
    if (typeof p === 'number') return p;
    return attempt(() => { truncateSync(p, size); return 0; });
  }

  create(rel: string, perm: number): number {
    const p = this.entry(rel);
    if (typeof p === 'number') return p;
    // 'wx' is O_CREAT|O_EXCL: it fails on any name already there, a symbolic link included (never followed).
    return attempt(() => { closeSync(openSync(p, 'wx', perm)); return 0; });
  }

  mkdir(rel: string, perm: number): number {
    const p = this.entry(rel);
    if (typeof p === 'number') return p;
    return attempt(() => { mkdirSync(p, perm); return 0; });
  }

  unlink(rel: string): number {
    const p = this.entry(rel);
    if (typeof p === 'number') return p;
    return attempt(() => { unlinkSync(p); return 0; });
  }

  rmdir(rel: string): number {
    const p = this.entry(rel);
    if (typeof p === 'number') return p;
    return attempt(() => { rmdirSync(p); return 0; });
  }

  rename(from: string, to: string): number {
    const a = this.entry(from);
    if (typeof a === 'number') return a;
    const b = this.entry(to);
    if (typeof b === 'number') return b;
    return attempt(() => { renameSync(a, b); return 0; });
  }
}
