// What an audit found: one line per broken invariant, each naming the structure, the address or pid, and
// the two values that disagree. A non-empty list is a kernel panic (kernel/audit/audit.ts).

/** Lines kept in the panic message; the rest are counted. */
const MAX_REPORTED = 24;

export class Findings {
  private readonly lines: string[] = [];
  private dropped = 0;

  /** Records one broken invariant. */
  add(line: string): void {
    if (this.lines.length < MAX_REPORTED) this.lines.push(line);
    else this.dropped++;
  }

  get count(): number { return this.lines.length + this.dropped; }
  get empty(): boolean { return this.count === 0; }

  /** The report: one line per finding, then how many more were left out. */
  report(): string {
    const more = this.dropped > 0 ? [`... and ${this.dropped} more`] : [];
    return [...this.lines, ...more].map((l) => '  ' + l).join('\n');
  }
}

/** `pid 1 (prog)`, as kernel messages name a process. */
export const who = (p: { pid: number; name: string }): string => `pid ${p.pid} (${p.name})`;
