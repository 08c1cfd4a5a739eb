// Strict commit accounting (Linux's overcommit mode 2, simplified): every page of every region counts against
// a limit fixed at boot, so mmap/brk/exec refuse with ENOMEM while the frames to back them still exist, and
// demand faults inside regions do not run out of memory. A reserve is kept for page-table pages.

import { panic } from '../panic.js';

export class CommitLedger {
  private _committed = 0;

  /** A ledger allowing `limitPages` pages committed at once. */
  constructor(readonly limitPages: number) {}

  /** Pages committed now. */
  get committedPages(): number { return this._committed; }

  /** Commits `pages` and returns true, or returns false (changing nothing) if that would pass the limit. */
  reserve(pages: number): boolean {
    if (this._committed + pages > this.limitPages) return false;
    this._committed += pages;
    return true;
  }

  /** Gives back `pages` committed earlier (panic if more than committed). */
  release(pages: number): void {
    if (!(pages >= 0 && pages <= this._committed)) panic(`CommitLedger.release: ${pages} of ${this._committed}`);
    this._committed -= pages;
  }
}
