// The dl policy's realloc placement (userland/libc/malloc/dl_resize.c): blocks sink (a shrink moves into
// the lowest hole below that fits, a growth that must move takes the lowest hole below), a shrink to 3/4
// or less with no hole below moves into the best-fitting free chunk, a growth that no free chunk serves
// slides over the free chunk before it. dl-realloc.c checks each rule on a fresh heap under rv32sim, built with gcc.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLibc, buildProgram, haveGcc, readManifest } from '../../userland/build-gcc.mjs';
import { runRv32 } from '../../userland/tools/rv32sim.mjs';

const hasGcc = haveGcc();
if (!hasGcc) console.warn('test/userland: riscv64-unknown-elf-gcc missing: dl realloc placement tests skipped');

describe.skipIf(!hasGcc)('dl realloc placement', () => {
  let dir = '';
  let out = '';
  let exitCode = -1;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pagoda-dl-realloc-'));
    const manifest = readManifest();
    buildLibc(dir, manifest);
    const elf = readFileSync(buildProgram(dir, 'dl-realloc', ['../test/userland/dl-realloc.c'], manifest));
    const r = runRv32(elf, { argv: ['dl-realloc'], env: ['MALLOC_POLICY=dl'] });
    out = r.stdout + r.stderr;
    exitCode = r.exitCode;
  }, 600_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const expectLine = (line: string): void => {
    expect(out).toContain(`ok ${line}`);
  };

  it('slides a growing block down over the free chunk before it when no free chunk fits', () => {
    expectLine('a growth no free chunk serves slides down over the free chunk before it');
    expectLine('the slid block keeps its contents');
    expectLine('the heap is consistent after sliding');
  });

  it('moves a block shrinking to a quarter into the best-fitting free chunk', () => {
    expectLine('a shrink to a quarter moves into the best-fitting free chunk');
    expectLine('the moved block keeps its contents');
    expectLine('the heap is consistent after the move');
  });

  it('shrinks in place when no free chunk fits', () => {
    expectLine('a shrink with no fitting free chunk stays in place');
    expectLine('the shrunk block keeps its contents');
  });

  it('sinks a shrinking block into the lowest hole below it that fits, not the best-fitting one', () => {
    expectLine('a shrinking block sinks into the lowest hole below it that fits, not the best fit');
    expectLine('the sunk block keeps its contents');
  });

  it('grows in place into the free chunk after a block even when a lower hole fits', () => {
    expectLine('a growth into the free chunk after the block stays in place even when a lower hole fits');
    expectLine('the block grown in place keeps its contents');
  });

  it('moves a growth that cannot happen in place into the lowest hole below that fits', () => {
    expectLine('a growth that must move takes the lowest hole below that fits, not the best fit');
    expectLine('the moved block keeps its contents');
    expectLine('the heap is consistent after sinking');
  });

  it('exits 0 with a consistent heap at the end', () => {
    expectLine('the heap is consistent at the end');
    expect(out).not.toContain('FAIL');
    expect(exitCode).toBe(0);
  });
});
