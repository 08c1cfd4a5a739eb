// Layout: places every fragment of a section, growing conditional branches whose target is not
// provably within reach (another section, undefined, weak, or more than +-4 KiB away) from 4 to 8
// bytes (inverted branch over a `jal x0`), exactly as GNU as's branch relaxation does. Sizes only
// grow, so the loop ends.

import { SymBind } from '../../abi/elf.js';
import { AsmError } from './diagnostics.js';
import { evaluate, type Val } from './eval.js';
import { VarKind, type Frag, type Section } from './section.js';
import { SymKind } from './symbol.js';

/** Evaluated branch targets, per fragment (filled once, before the relaxation loop). */
export type BranchTargets = Map<Frag, Val | null>;

/** Evaluates each branch target once; errors are reported through `report` and give null. */
export function branchTargets(sec: Section, report: (e: AsmError, f: Frag) => void): BranchTargets {
  const m: BranchTargets = new Map();
  for (const f of sec.frags) {
    if (f.varKind !== VarKind.BRANCH) continue;
    try {
      const v = evaluate(f.target, true);
      if (v.sub !== null || v.sym === null) throw new AsmError('branch target must be a symbol', f.col);
      m.set(f, v);
    } catch (e) {
      if (!(e instanceof AsmError)) throw e;
      report(e, f);
      m.set(f, null);
    }
  }
  return m;
}

/** True when the branch in `f` can use the 4-byte form at the current addresses. */
function branchReaches(f: Frag, sec: Section, v: Val | null): boolean {
  if (v === null) return true;
  const s = v.sym;
  if (s === null || s.kind !== SymKind.LABEL || s.section !== sec || s.bind === SymBind.WEAK) return false;
  const dist = s.address + v.add - (f.address + f.fixedLen);
  return dist >= -4096 && dist <= 4095;
}

/** Assigns fragment addresses and the section size; returns true if any branch grew. */
function place(sec: Section, targets: BranchTargets): boolean {
  let addr = 0;
  for (const f of sec.frags) {
    f.address = addr;
    addr += f.fixedLen;
    if (f.varKind === VarKind.ALIGN) {
      const pad = (f.alignBytes - (addr % f.alignBytes)) % f.alignBytes;
      f.varSize = f.maxSkip !== 0 && pad > f.maxSkip ? 0 : pad;
    }
    addr += f.varSize;
  }
  sec.size = addr;
  let grew = false;
  for (const [f, v] of targets) {
    if (f.varSize === 4 && !branchReaches(f, sec, v)) {
      f.varSize = 8;
      grew = true;
    }
  }
  return grew;
}

/** Lays out one section until its branch sizes are stable. */
export function layoutSection(sec: Section, targets: BranchTargets): void {
  sec.finish();
  while (place(sec, targets)) { /* a branch grew: place again */ }
}
