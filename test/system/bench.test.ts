// The proc benchmarks run and measure something (figures are reported by `pagoda bench`, never asserted).
import { describe, expect, it } from 'vitest';
import { measureConsole, measureForkExecWait, measurePipe } from '../../bench/proc.js';

describe('proc benchmarks', () => {
  it('measure fork+exec+wait, pipe and console rates', async () => {
    const forks = await measureForkExecWait(100);
    const pipe = await measurePipe(4);
    const consoleRate = await measureConsole(2);
    console.log(`fork-exec-wait ${forks.toFixed(0)}/s, pipe ${pipe.toFixed(1)} MB/s, console ${consoleRate.toFixed(1)} MB/s`);
    expect(forks).toBeGreaterThan(0);
    expect(pipe).toBeGreaterThan(0);
    expect(consoleRate).toBeGreaterThan(0);
  }, 120_000);
});
