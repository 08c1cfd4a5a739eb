// Audit of open files: each open file's reference count equals the fds that refer to it across every
// process's table, and each pipe's reader and writer counts equal its ends still open somewhere.

import type { OpenFile } from '../dev/file.js';
import { Pipe, PipeReader, PipeWriter } from '../fs/pipe.js';
import type { Kernel } from '../kernel.js';
import { referenceCount } from '../proc/fdtable.js';
import { who as describe, type Findings } from './findings.js';

export function auditFiles(k: Kernel, f: Findings): void {
  const fds = new Map<OpenFile, { n: number; where: string }>();
  const pipes = new Map<Pipe, { readers: Set<PipeReader>; writers: Set<PipeWriter> }>();
  for (const p of k.processes.values()) {
    for (const fd of p.fds.openFds()) {
      const file = p.fds.get(fd)!;
      const e = fds.get(file) ?? { n: 0, where: `fd ${fd} of ${describe(p)}` };
      e.n++;
      fds.set(file, e);
      if (file instanceof PipeReader || file instanceof PipeWriter) {
        const ends = pipes.get(file.pipe) ?? { readers: new Set(), writers: new Set() };
        if (file instanceof PipeReader) ends.readers.add(file);
        else ends.writers.add(file);
        pipes.set(file.pipe, ends);
      }
    }
  }
  for (const [file, e] of fds) {
    const kept = referenceCount(file);
    if (kept !== e.n) f.add(`fds: ${file.name} (${e.where}) is on ${e.n} fds, its reference count says ${kept}`);
  }
  for (const [pipe, ends] of pipes) {
    if (pipe.readers !== ends.readers.size) f.add(`pipe ${pipe.ino}: reader count ${pipe.readers}, ${ends.readers.size} read ends open`);
    if (pipe.writers !== ends.writers.size) f.add(`pipe ${pipe.ino}: writer count ${pipe.writers}, ${ends.writers.size} write ends open`);
  }
}
