// `pagoda ar`: GNU-like archiver. Keys: r (insert/replace), q (append), t (list), x (extract), d (delete),
// s alone (rewrite the index, like ranlib);
// modifiers c (create silently), s (write the index: always done), v (verbose), u and D (accepted, ignored).
// Errors go to stderr as `pagoda ar: FILE: error: MESSAGE`; exit status 1.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ArchiveFormatError, readArchive, writeArchive, type NewMember } from '../toolchain/ar.js';
import { reportInternalError } from './internal-error.js';

const USAGE = 'usage: pagoda ar {r|q|t|x|d}[csvuD] ARCHIVE [FILES...]\n';

class ArError extends Error {
  constructor(readonly file: string | undefined, message: string) {
    super(message);
  }
}

function readBytes(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new ArError(path, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : String(e));
  }
}

function loadExisting(path: string): NewMember[] {
  if (!existsSync(path)) return [];
  try {
    return readArchive(readBytes(path)).members.map((m) => ({ name: m.name, bytes: m.bytes }));
  } catch (e) {
    if (e instanceof ArchiveFormatError) throw new ArError(path, e.message);
    throw e;
  }
}

/** Runs one ar command; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  const out = (s: string): void => void process.stdout.write(s);
  if (argv[0] === '--help' || argv[0] === '-h') {
    out(USAGE);
    return 0;
  }
  try {
    if (argv.length < 2) {
      process.stderr.write(USAGE);
      return 1;
    }
    const key = argv[0].replace(/^-/, '');
    const op = [...key].find((c) => 'rqtxd'.includes(c));
    const mods = new Set(key);
    for (const c of key) if (!'rqtxdcsvuDS'.includes(c)) throw new ArError(undefined, `invalid option -- '${c}'`);
    const archivePath = argv[1];
    const files = argv.slice(2);
    const verbose = mods.has('v');
    switch (op) {
      case 'r':
      case 'q': {
        const created = !existsSync(archivePath);
        const members = loadExisting(archivePath);
        for (const f of files) {
          const name = basename(f);
          const bytes = readBytes(f);
          const at = op === 'r' ? members.findIndex((m) => m.name === name) : -1;
          if (at >= 0) members[at] = { name, bytes };
          else members.push({ name, bytes });
          if (verbose) out(`${at >= 0 ? 'r' : 'a'} - ${name}\n`);
        }
        if (created && !mods.has('c')) process.stderr.write(`pagoda ar: creating ${archivePath}\n`);
        writeFileSync(archivePath, writeArchive(members, !mods.has('S')));
        return 0;
      }
      case 't':
        for (const m of loadExistingOrFail(archivePath)) if (files.length === 0 || files.includes(m.name)) out(m.name + '\n');
        return 0;
      case 'x':
        for (const m of loadExistingOrFail(archivePath)) {
          if (files.length > 0 && !files.includes(m.name)) continue;
          if (verbose) out(`x - ${m.name}\n`);
          writeFileSync(m.name, m.bytes);
        }
        return 0;
      case 'd': {
        const members = loadExistingOrFail(archivePath).filter((m) => !files.includes(m.name));
        writeFileSync(archivePath, writeArchive(members, true));
        return 0;
      }
      default:
        if (!mods.has('s')) throw new ArError(undefined, 'no operation specified (one of r, q, t, x, d)');
        // `ar s LIB.a` alone: rewrite the symbol index, as ranlib does.
        writeFileSync(archivePath, writeArchive(loadExistingOrFail(archivePath), true));
        return 0;
    }
  } catch (e) {
    if (e instanceof ArError) {
      process.stderr.write(`pagoda ar: ${e.file ? e.file + ': ' : ''}error: ${e.message}\n`);
      return 1;
    }
    // Host errors (an unwritable file: ENOENT, EACCES, ...) are the user's; anything else is a bug.
    if ((e as NodeJS.ErrnoException).code !== undefined) {
      process.stderr.write(`pagoda ar: error: ${(e as Error).message}\n`);
      return 1;
    }
    return reportInternalError('pagoda ar', e);
  }
}

function loadExistingOrFail(path: string): NewMember[] {
  if (!existsSync(path)) throw new ArError(path, 'No such file or directory');
  return loadExisting(path);
}
