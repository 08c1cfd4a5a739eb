// How much of the exhaustive work a suite does. `npm test` keeps to its 10-minute budget with the quick
// default (1); `npm run test:long` sets PAGODA_LONG=40 so every suite that scales by LONG runs its long form
// (more random cases, more arguments, more seeds). A suite multiplies its counts by LONG; it never skips work
// silently — the counts it ran appear in its test names or output.
export const LONG = Math.max(1, Math.floor(Number(process.env.PAGODA_LONG ?? 1)) || 1);
