// What a toolchain driver (cc, as, ld, ar, objdump) needs from the place it runs in: files, the two output
// streams, the environment, and where the system headers and libraries are. The same driver code serves the
// host CLI (cli/node-tool-host.ts: node:fs and process.*) and the machine (kernel/programs/vfs-tool-host.ts:
// the kernel's file tree, with the calling process's cwd and fds). Nothing here imports Node: the drivers are
// bundled into the page's worker too.

/** A file the host could not read or write. `code` is the errno name ('ENOENT', 'EISDIR', ...); `message`
 *  reads as Node's ("ENOENT: no such file or directory, open 'x.o'"), on either host. */
export class ToolFileError extends Error {
  constructor(readonly code: string, readonly path: string, message: string) {
    super(message);
  }
}

/** Where the C compiler driver finds the system's parts. */
export interface ToolPaths {
  /** The system include directories, searched after -I (the compiler's own headers first, then libc's). */
  readonly systemIncludeDirs: readonly string[];
  /** Where libc.a, libm.a (and crt0.o) are found, after -L. */
  readonly libDirs: readonly string[];
  /** The start-up file: an object (`crt0.o`) or its assembly source (`crt0.s`, assembled on each link). */
  readonly crt0: string;
}

export interface ToolHost {
  /** The bytes of regular file `path` (relative paths against the host's cwd); ToolFileError otherwise. */
  readFile(path: string): Uint8Array;
  /** Creates or replaces `path` with `data`; `mode` (e.g. 0o755) sets the permission bits. ToolFileError. */
  writeFile(path: string, data: Uint8Array | string, mode?: number): void;
  /** True when `path` names an existing file or directory. */
  exists(path: string): boolean;
  /** True when `path` names a regular file. */
  isFile(path: string): boolean;
  /** Standard output and error (text is encoded as UTF-8). */
  stdout(data: string | Uint8Array): void;
  stderr(text: string): void;
  /** The working directory, absolute (DW_AT_comp_dir of -g objects). */
  readonly cwd: string;
  /** The environment (PAGODA_DEBUG asks for stacks in internal-error reports). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The system headers and libraries of this host. */
  readonly paths: ToolPaths;
  /**
   * Called between phases (each file compiled, assembled, the link): the machine's host lets the scheduler
   * run and signals land here (a killed compile stops at the next phase: this rejects). The host CLI's
   * resolves at once.
   */
  checkpoint(): Promise<void>;
}

/** `dir/name` (POSIX paths: the drivers see the same paths on both hosts). */
export function joinPath(dir: string, name: string): string {
  if (dir === '' || dir === '.') return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** The last component of `path`. */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** The contents of `path` as UTF-8 text when it is a regular file, else null (what the compiler's
 *  include search wants). */
export function readTextOrNull(host: ToolHost, path: string): string | null {
  try {
    if (!host.isFile(path)) return null;
    return new TextDecoder().decode(host.readFile(path));
  } catch (e) {
    if (e instanceof ToolFileError) return null;
    throw e;
  }
}
