// `pagoda bench`'s grind row measures something (figures are reported, never asserted).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grindBench, measureGrind } from '../../bench/grind.js';

const IMAGE = join(resolve(__dirname, '..', '..'), 'dist', 'boot.cpio');

describe.skipIf(!existsSync(IMAGE))('grind benchmark', () => {
  it('reports checked operations per second, plain and audited', async () => {
    const image = new Uint8Array(readFileSync(IMAGE));
    expect(await measureGrind(image, 1, true)).toBeGreaterThan(0);
    expect(await grindBench(undefined)).toEqual([]);
  }, 60_000);
});
