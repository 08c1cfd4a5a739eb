// `ar`: GNU-like archiver on a ToolHost's files. Keys: r (insert/replace), q (append), t (list), x (extract), d (delete),
// s alone (rewrite the index, like ranlib);
// modifiers c (create silently), s (write the index: always done), v (verbose), u and D (accepted, ignored).
// Errors go to stderr as `pagoda ar: FILE: error: MESSAGE`; exit status 1.

import { ArchiveFormatError, readArchive, writeArchive, type NewMember } from '../ar.js';
import { baseName, ToolFileError, type ToolHost } from './host.js';
import { reportInternalError } from './internal-error.js';

const USAGE = 'usage: pagoda ar {r|q|t|x|d}[csvuD] ARCHIVE [FILES...]\n';

class ArError extends Error {
  constructor(readonly file: string | undefined, message: string) {
    super(message);
  }
}

function readBytes(host: ToolHost, path: string): Uint8Array {
  try {
    return host.readFile(path);
  } catch (e) {
    if (!(e instanceof ToolFileError)) throw e;
    throw new ArError(path, e.code === 'ENOENT' ? 'No such file or directory' : `Error: ${e.message}`);
  }
}

function loadExisting(host: ToolHost, path: string): NewMember[] {
  if (!host.exists(path)) return [];
  try {
    return readArchive(readBytes(host, path)).members.map((m) => ({ name: m.name, bytes: m.bytes }));
  } catch (e) {
    if (e instanceof ArchiveFormatError) throw new ArError(path, e.message);
    throw e;
  }
}

/** Runs one ar command on `host`; returns the exit status. */
export async function arMain(argv: string[], host: ToolHost): Promise<number> {
  const out = (s: string): void => host.stdout(s);
  if (argv[0] === '--help' || argv[0] === '-h') {
    out(USAGE);
    return 0;
  }
  try {
    if (argv.length < 2) {
      host.stderr(USAGE);
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
        const created = !host.exists(archivePath);
        const members = loadExisting(host, archivePath);
        for (const f of files) {
          const name = baseName(f);
          const bytes = readBytes(host, f);
          const at = op === 'r' ? members.findIndex((m) => m.name === name) : -1;
          if (at >= 0) members[at] = { name, bytes };
          else members.push({ name, bytes });
          if (verbose) out(`${at >= 0 ? 'r' : 'a'} - ${name}\n`);
        }
        if (created && !mods.has('c')) host.stderr(`pagoda ar: creating ${archivePath}\n`);
        host.writeFile(archivePath, writeArchive(members, !mods.has('S')));
        return 0;
      }
      case 't':
        for (const m of loadExistingOrFail(host, archivePath)) if (files.length === 0 || files.includes(m.name)) out(m.name + '\n');
        return 0;
      case 'x':
        for (const m of loadExistingOrFail(host, archivePath)) {
          if (files.length > 0 && !files.includes(m.name)) continue;
          if (verbose) out(`x - ${m.name}\n`);
          host.writeFile(m.name, m.bytes);
        }
        return 0;
      case 'd': {
        const members = loadExistingOrFail(host, archivePath).filter((m) => !files.includes(m.name));
        host.writeFile(archivePath, writeArchive(members, true));
        return 0;
      }
      default:
        if (!mods.has('s')) throw new ArError(undefined, 'no operation specified (one of r, q, t, x, d)');
        // `ar s LIB.a` alone: rewrite the symbol index, as ranlib does.
        host.writeFile(archivePath, writeArchive(loadExistingOrFail(host, archivePath), true));
        return 0;
    }
  } catch (e) {
    if (e instanceof ArError) {
      host.stderr(`pagoda ar: ${e.file ? e.file + ': ' : ''}error: ${e.message}\n`);
      return 1;
    }
    // Host errors (an unwritable file: ENOENT, EACCES, ...) are the user's; anything else is a bug.
    if (e instanceof ToolFileError) {
      host.stderr(`pagoda ar: error: ${e.message}\n`);
      return 1;
    }
    return reportInternalError(host, 'pagoda ar', e);
  }
}

function loadExistingOrFail(host: ToolHost, path: string): NewMember[] {
  if (!host.exists(path)) throw new ArError(path, 'No such file or directory');
  return loadExisting(host, path);
}
