// One line of `pagoda bench`: a group, a name and the figures measured.

export interface BenchRow {
  group: string;
  name: string;
  [figure: string]: string | number;
}

/** A benchmark group: produces its rows (each run once; noisy machines, so report, never assert). */
export type BenchGroup = () => Promise<BenchRow[]> | BenchRow[];
