import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { objdumpDisassemble } from '../../toolchain/objdump.js';
import { main } from '../../cli/objdump.js';

const sources = new URL('./objdump/', import.meta.url).pathname;
const fixtures = join(sources, 'fixtures');
const recordedWith = readFileSync(join(fixtures, 'TOOL'), 'utf8').trim();

/** One `objdump -d` line, split into the fields compared instruction by instruction. */
interface Row {
  kind: 'insn' | 'other';
  address?: string;
  bytes?: string;
  mnemonic?: string;
  operands?: string;
  line: string;
}

function rows(text: string): Row[] {
  return text.split('\n').map((line) => {
    const m = /^ *([0-9a-f]+):\t([^\t]*)\t?([^\t]*)\t?(.*)$/.exec(line);
    if (!m) return { kind: 'other', line };
    return { kind: 'insn', address: m[1], bytes: m[2]!.trim(), mnemonic: m[3], operands: m[4], line };
  });
}

/** Field-by-field differences between GNU's and our output (at most 20), readable in a failure. */
function compare(gnu: string, ours: string): string[] {
  const g = rows(gnu);
  const o = rows(ours);
  const diffs: string[] = [];
  for (let i = 0; i < Math.max(g.length, o.length) && diffs.length < 20; i++) {
    const a = g[i];
    const b = o[i];
    if (!a || !b || a.line === b.line) {
      if (!a || !b) diffs.push(`line ${i + 1}: objdump ${JSON.stringify(a?.line)} pagoda ${JSON.stringify(b?.line)}`);
      continue;
    }
    const fields = (['address', 'bytes', 'mnemonic', 'operands'] as const).filter((f) => a[f] !== b[f]);
    diffs.push(`line ${i + 1} (${fields.join(', ') || 'layout'}):\n  objdump ${JSON.stringify(a.line)}\n  pagoda  ${JSON.stringify(b.line)}`);
  }
  return diffs;
}

describe(`objdump -d against output recorded from ${recordedWith}`, () => {
  for (const file of ['arith.o', 'calls.o', 'edge.o', 'float.o', 'prog', 'prog-stripped']) {
    it(`prints ${file} exactly as GNU objdump did`, () => {
      const bytes = readFileSync(join(fixtures, file));
      const expected = readFileSync(join(fixtures, `${file}.objdump`), 'utf8');
      const ours = objdumpDisassemble(file, bytes);
      expect(compare(expected, ours)).toEqual([]);
      expect(ours).toBe(expected);
    });
  }

  it('names every block start, annotates targets and shows zero runs and raw OBJECT bytes', () => {
    const text = objdumpDisassemble('edge.o', readFileSync(join(fixtures, 'edge.o')));
    expect(text).toContain('\n00000000 <f-0x4>:\n');
    expect(text).toContain('\tj\t3 <f-0x1>\n');
    expect(text).toContain('\n\t...\n');
    expect(text).toContain('    ABCDEFGHIJKLMNOP\n');
    expect(text).toContain('\t.word\t0x12345678\n');
    expect(text).toContain('\tjalr\tra # 0 <h>\n');
  });
});

describe('objdump errors', () => {
  it('rejects a file that is not ELF with the reader\'s message', () => {
    expect(() => objdumpDisassemble('x', new TextEncoder().encode('hello world, not an object file'))).toThrow(/not an ELF file/);
  });

  it('rejects an ELF file for another machine', () => {
    const bytes = new Uint8Array(readFileSync(join(fixtures, 'arith.o')));
    bytes[18] = 3; // e_machine = EM_386
    expect(() => objdumpDisassemble('x', bytes)).toThrow(/e_machine is 3, not EM_RISCV/);
  });

  it('never throws anything but its two error types on truncated or corrupted files', () => {
    const good = readFileSync(join(fixtures, 'prog'));
    for (let cut = 0; cut < good.length; cut += 97) {
      try {
        objdumpDisassemble('x', good.subarray(0, cut));
      } catch (e) {
        expect((e as Error).name).toMatch(/^(ElfFormatError|ObjdumpError)$/);
      }
    }
  });
});

describe('pagoda objdump command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pagoda-objdump-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function runCli(argv: string[]): Promise<{ status: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    try {
      return { status: await main(argv), out, err };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  }

  it('prints the disassembly of each file and exits 0', async () => {
    const file = join(fixtures, 'arith.o');
    const r = await runCli(['-d', file]);
    expect(r).toMatchObject({ status: 0, err: '' });
    expect(r.out).toBe(objdumpDisassemble(file, readFileSync(file)));
  });

  it('reports a missing file as FILE: error: and exits 1', async () => {
    const r = await runCli(['-d', join(dir, 'nope.o')]);
    expect(r.status).toBe(1);
    expect(r.err).toBe(`pagoda objdump: ${join(dir, 'nope.o')}: error: no such file\n`);
  });

  it('reports a non-ELF file and still dumps the good ones', async () => {
    const bad = join(dir, 'bad.o');
    writeFileSync(bad, 'garbage');
    const r = await runCli(['-d', bad, join(fixtures, 'edge.o')]);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/^pagoda objdump: .*bad\.o: error: not an ELF file/);
    expect(r.out).toContain('Disassembly of section .text.other:');
  });

  it('requires -d and at least one file', async () => {
    expect((await runCli([join(fixtures, 'edge.o')])).err).toMatch(/only -d/);
    expect((await runCli(['-d'])).err).toMatch(/no input files/);
    expect((await runCli(['-x', 'f'])).status).toBe(1);
  });
});

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const tools = hasTool('riscv64-unknown-elf-gcc') && hasTool('riscv64-unknown-elf-objdump');
if (!tools) console.warn('SKIPPED: live objdump comparison (riscv64-unknown-elf-gcc/objdump not installed)');

describe.skipIf(!tools)('objdump -d of freshly compiled gcc code against riscv64-unknown-elf-objdump', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pagoda-objdump-gcc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const variants: [string, string[]][] = [
    ['-O2 -mno-relax', ['-O2', '-mno-relax']],
    ['-O0 -mno-relax', ['-O0', '-mno-relax']],
    ['-Os -mcmodel=medany', ['-Os', '-mno-relax', '-mcmodel=medany']],
    ['-O2 with relaxation (gp-relative)', ['-O2', '-mrelax']],
  ];

  for (const [label, flags] of variants) {
    it(`matches for objects and a linked executable built with ${label}`, () => {
      const gcc = ['-march=rv32im', '-mabi=ilp32', ...flags];
      const sub = mkdtempSync(join(dir, 'v-'));
      const files: string[] = [];
      for (const name of ['start', 'arith', 'calls']) {
        const obj = join(sub, `${name}.o`);
        execFileSync('riscv64-unknown-elf-gcc', [...gcc, '-c', join(sources, `${name}.c`), '-o', obj]);
        files.push(obj);
      }
      const exe = join(sub, 'prog');
      execFileSync('riscv64-unknown-elf-gcc', [...gcc, '-nostdlib', '-static', ...files, '-lgcc', '-o', exe]);
      files.push(exe);
      for (const file of files) {
        const gnu = execFileSync('riscv64-unknown-elf-objdump', ['-d', file], { maxBuffer: 1 << 26 }).toString();
        const ours = objdumpDisassemble(file, readFileSync(file));
        expect(compare(gnu, ours), file).toEqual([]);
        expect(ours).toBe(gnu);
      }
    });
  }
});
