// The auditor: checks every invariant the memory system and its neighbours rely on, and panics with a precise
// report when one is broken. Cheap enough to run after every kernel test and, with --audit (boot option
// `audit`), after every process exit. Read-only: it changes nothing, so a clean audit leaves no trace.
//   physical  chunk map in RAM vs the frame allocator; the allocator's own books
//   spaces    regions, page tables walked in RAM, frame owners vs mappings (COW), commit
//   files     fd reference counts, pipe reader/writer counts
//   processes process tree, zombies, the hart's process

import type { Kernel } from '../kernel.js';
import { panic } from '../panic.js';
import { auditFiles } from './files.js';
import { Findings } from './findings.js';
import { auditPhysical } from './physical.js';
import { auditProcesses } from './processes.js';
import { auditSpaces } from './spaces.js';

/** Every broken invariant of `k`, one line each (empty when all hold). */
export function findViolations(k: Kernel): Findings {
  const f = new Findings();
  auditPhysical(k, f);
  auditSpaces(k, f);
  auditFiles(k, f);
  auditProcesses(k, f);
  return f;
}

/** Checks `k`; a broken invariant is a KernelPanic naming `when` and every finding. */
export function auditKernel(k: Kernel, when: string): void {
  const f = findViolations(k);
  if (!f.empty) panic(`audit ${when}: ${f.count} broken invariant${f.count === 1 ? '' : 's'}\n${f.report()}`);
}
