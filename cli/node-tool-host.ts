// The host CLI's ToolHost: the toolchain drivers (toolchain/driver/) on Node's file system, process.stdout and
// process.stderr, with the repository's headers, crt0 source and the libc.a that `npm run build` wrote.

import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ToolFileError, type ToolHost, type ToolPaths } from '../toolchain/driver/host.js';

/** Repository root: this file is cli/node-tool-host.ts, or dist/cli/node-tool-host.js once built. */
function repoRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const up = resolve(here, '..');
  return basename(up) === 'dist' ? resolve(up, '..') : up;
}

/** The repository's system parts, as `pagoda cc` has always used them. */
export function repositoryToolPaths(root = repoRoot()): ToolPaths {
  return {
    systemIncludeDirs: [join(root, 'toolchain/cc/include'), join(root, 'userland/libc/include')],
    libDirs: [join(root, 'dist/userland')],
    crt0: join(root, 'userland/crt/crt0.s'),
  };
}

/** Runs `f`, turning a Node file error into a ToolFileError for `path`. */
function fileOp<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === undefined) throw e;
    throw new ToolFileError(code, path, (e as Error).message);
  }
}

/** A ToolHost on this process's file system and streams. */
export function nodeToolHost(): ToolHost {
  return {
    readFile: (path) => fileOp(path, () => new Uint8Array(readFileSync(path))),
    writeFile: (path, data, mode) => fileOp(path, () => {
      writeFileSync(path, data);
      if (mode !== undefined) chmodSync(path, mode);
    }),
    exists: (path) => existsSync(path),
    isFile: (path) => {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    },
    stdout: (data) => void process.stdout.write(data),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    paths: repositoryToolPaths(),
    checkpoint: () => Promise.resolve(),
  };
}
