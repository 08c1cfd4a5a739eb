// The kernel keeps the machine's code marks true: every write it makes into a frame (zeroing a frame it hands
// out, freeing one, copy-on-write copies, loading, copyOut, page-table entries) goes through the one door,
// CodeMarks.written, so a frame that held code never keeps a stale mark, and each write to code is reported
// with its frame. Processes here are driven step by step (switchTo, forkProcess, exitProcess: the kernel's own
// paths), stopping at ecalls, with page faults serviced as the trap handler does.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Prot } from '../../../abi/mman.js';
import { encode, Program } from '../../../bench/program.js';
import { assemble } from '../../../toolchain/as/index.js';
import { link } from '../../../toolchain/ld/index.js';
import { bootTestKernel } from '../../harness.js';
import { boot } from '../../../kernel/boot.js';
import type { Kernel } from '../../../kernel/kernel.js';
import { AddressSpace, FaultResult } from '../../../kernel/mem/addrspace.js';
import { copyOut } from '../../../kernel/mem/uaccess.js';
import { forkProcess } from '../../../kernel/proc/fork.js';
import { exitProcess, switchTo } from '../../../kernel/proc/lifecycle.js';
import { Process } from '../../../kernel/proc/process.js';
import { Access, Trap } from '../../../machine/trap.js';

const R = { zero: 0, ra: 1, t0: 5, s0: 8, a0: 10, a1: 11 } as const;
const TEXT = 0x10000;
const RX = Prot.READ | Prot.EXEC;
const RW = Prot.READ | Prot.WRITE;
const RWX = Prot.READ | Prot.WRITE | Prot.EXEC;
const FAULT_ACCESS = new Map<Trap, Access>([
  [Trap.InstructionPageFault, Access.Fetch], [Trap.LoadPageFault, Access.Load], [Trap.StorePageFault, Access.Store],
]);
const EXITED = { kind: 'exited', code: 0 } as const;

interface Setup {
  k: Kernel;
  /** Frame numbers the code marks reported, in order. */
  reported: number[];
}

function setup(): Setup {
  const k = boot({ memMiB: 16, sinks: { bootLog: () => {}, message: () => {} } });
  const reported: number[] = [];
  k.machine.mmu.code.listener = (frame) => reported.push(frame);
  return { k, reported };
}

/** A process (not on the hart) whose space holds `code` at TEXT in a region with `prot`, starting there. */
function spawn(k: Kernel, code: Program, prot: number, textBytes = 0x1000): Process {
  const space = AddressSpace.create(k.machine.ram, k.frames, k.commit, (va) => k.machine.cpu.flush(va))!;
  space.addRegion(TEXT, TEXT + textBytes, prot, 'text', '/prog');
  space.writeInitial(TEXT, code.bytes());
  const p = new Process(k.nextPid++, '/prog', space);
  p.tf.pc = TEXT;
  k.processes.set(p.pid, p);
  return p;
}

/** Puts `p` on the hart and runs it to its next ecall, servicing page faults; then steps past the ecall. */
function runToEcall(k: Kernel, p: Process): void {
  switchTo(k, p);
  const cpu = k.machine.cpu;
  for (let slices = 0; slices < 100; slices++) {
    const trap = k.machine.run(100_000);
    if (trap === Trap.Ecall) {
      cpu.pc += 4;
      return;
    }
    if (trap === Trap.Budget || trap === Trap.Timer) continue;
    const access = FAULT_ACCESS.get(trap);
    if (access === undefined || p.space.handleFault(cpu.tval, access) !== FaultResult.MAPPED) {
      throw new Error(`pid ${p.pid}: trap ${trap} at pc 0x${cpu.pc.toString(16)}, tval 0x${cpu.tval.toString(16)}`);
    }
  }
  throw new Error(`pid ${p.pid}: no ecall`);
}

const a0 = (k: Kernel): number => k.machine.cpu.x[R.a0];
const frameAt = (p: Process, va: number): number => p.space.pageTable.translate(va) >>> 12;
const holdsCode = (k: Kernel, frame: number): boolean => k.machine.mmu.code.holdsCode(frame);
const addi = (rd: number, imm: number): number => encode('addi', [rd, R.zero, imm]);
const le32 = (w: number): Uint8Array => new Uint8Array(new Uint32Array([w]).buffer);

describe('code marks through the kernel', () => {
  it('a frame that held code is freed, reused for data, then for other code: marks and reports at each step', () => {
    const { k, reported } = setup();
    // Text is two pages: main at TEXT, a routine at TEXT+0x1000. main stops at an ecall after each stage.
    const main = new Program(TEXT)
      .li(R.s0, TEXT + 0x1000).emit('jalr', R.ra, R.s0, 0).emit('ecall')           // 1: call the routine
      .li(R.s0, 0x20000).li(R.t0, 16).label('fill').emit('sw', R.t0, R.s0, 0)       // 2: data stores
      .emit('addi', R.t0, R.t0, -1).emit('bne', R.t0, R.zero, 'fill').emit('ecall')
      .li(R.s0, 0x30000).emit('jalr', R.ra, R.s0, 0)                                // 3: call new code,
      .li(R.a1, addi(R.a0, 4)).emit('sw', R.a1, R.s0, 0).emit('fence.i')            //    patch it,
      .emit('jalr', R.ra, R.s0, 0).emit('ecall');                                   //    call it again
    const p = spawn(k, main, RX, 0x2000);
    p.space.writeInitial(TEXT + 0x1000, new Program(TEXT + 0x1000).li(R.a0, 1).emit('jalr', R.zero, R.ra, 0).bytes());
    const main0 = frameAt(p, TEXT);
    const f = frameAt(p, TEXT + 0x1000);

    runToEcall(k, p);
    expect(a0(k)).toBe(1);
    expect([holdsCode(k, main0), holdsCode(k, f)]).toEqual([true, true]);
    expect(reported, 'loading fresh frames reports nothing').toEqual([]);

    p.space.removeRange(TEXT + 0x1000, TEXT + 0x2000);
    expect(reported, 'freeing the routine').toEqual([f]);
    expect(holdsCode(k, f)).toBe(false);

    p.space.addRegion(0x20000, 0x21000, RW, 'mmap', '');
    runToEcall(k, p);
    expect(frameAt(p, 0x20000), 'the freed frame is handed out again, as data').toBe(f);
    expect(k.machine.ram.read32(f * 4096)).toBe(1);
    expect(copyOut(p.space, 0x20004, le32(0xdead))).toBe(0);
    expect(holdsCode(k, f)).toBe(false);
    expect(reported, 'data stores, by the program and by copyOut, are not code writes').toEqual([f]);

    p.space.removeRange(0x20000, 0x21000);
    expect(reported, 'freeing a data frame').toEqual([f]);
    p.space.addRegion(0x30000, 0x31000, RWX, 'mmap', '');
    p.space.writeInitial(0x30000, new Program(0x30000).li(R.a0, 3).emit('jalr', R.zero, R.ra, 0).bytes());
    expect(frameAt(p, 0x30000), 'the same frame again, now for other code').toBe(f);
    runToEcall(k, p);
    expect(a0(k), 'the patched instruction ran').toBe(4);
    expect(holdsCode(k, f)).toBe(true);
    expect(reported, "the program's store into its new code").toEqual([f, f]);

    exitProcess(k, p, EXITED);
    expect(reported, 'exit frees both code frames').toEqual([f, f, main0, f]);
    expect(k.machine.mmu.code.markedFrames()).toEqual([]);
  });

  it('a kernel copyOut into a code frame is reported, and the program then runs the new code', () => {
    const { k, reported } = setup();
    const routine = TEXT + 0x100;
    const main = new Program(TEXT).emit('jal', R.ra, 'r').emit('ecall').emit('jal', R.ra, 'r').emit('ecall');
    while (main.here < routine) main.emit('ebreak');
    main.label('r').li(R.a0, 1).emit('jalr', R.zero, R.ra, 0);
    const p = spawn(k, main, RWX);
    const f = frameAt(p, TEXT);
    runToEcall(k, p);
    expect(a0(k)).toBe(1);
    expect(copyOut(p.space, routine, le32(addi(R.a0, 7)))).toBe(0);
    expect(reported).toEqual([f]);
    expect(holdsCode(k, f)).toBe(false);
    runToEcall(k, p);
    expect(a0(k)).toBe(7);
    expect(holdsCode(k, f), 'running it marks the frame again').toBe(true);
    exitProcess(k, p, EXITED);
  });

  it('switching to another process and back keeps the marks of both', () => {
    const { k, reported } = setup();
    const a = spawn(k, new Program(TEXT).emit('ecall').li(R.s0, TEXT).li(R.t0, 0).emit('sw', R.t0, R.s0, 0x7fc).emit('ecall'), RWX);
    const b = spawn(k, new Program(TEXT).emit('ecall'), RX);
    const fa = frameAt(a, TEXT);
    const fb = frameAt(b, TEXT);
    runToEcall(k, a);
    runToEcall(k, b);
    expect(k.machine.cpu.satp).toBe(b.space.satp);
    expect([holdsCode(k, fa), holdsCode(k, fb)]).toEqual([true, true]);
    switchTo(k, a);
    expect([holdsCode(k, fa), holdsCode(k, fb)]).toEqual([true, true]);
    runToEcall(k, a);
    expect(reported, "a's store into its own code frame, after the round trip").toEqual([fa]);
    exitProcess(k, a, EXITED);
    exitProcess(k, b, EXITED);
  });

  it('copy-on-write after fork of a program that rewrites its code: each side writes its own frame', () => {
    const { k, reported } = setup();
    // main calls r, stops (the test forks there: a0 = child pid in the parent, 0 in the child), then patches r
    // with `li a0, 2` (child) or `li a0, 3` (parent) and calls it again.
    const routine = TEXT + 0x100;
    const main = new Program(TEXT).emit('jal', R.ra, 'r').emit('ecall')
      .li(R.a1, addi(R.a0, 3)).emit('bne', R.a0, R.zero, 'patch').li(R.a1, addi(R.a0, 2))
      .label('patch').li(R.s0, routine).emit('sw', R.a1, R.s0, 0).emit('fence.i')
      .emit('jal', R.ra, 'r').emit('ecall');
    while (main.here < routine) main.emit('ebreak');
    main.label('r').li(R.a0, 1).emit('jalr', R.zero, R.ra, 0);
    const parent = spawn(k, main, RWX);
    const f = frameAt(parent, TEXT);
    runToEcall(k, parent);
    expect(a0(k)).toBe(1);

    const pid = forkProcess(k, parent);
    expect(pid).toBeGreaterThan(0);
    k.machine.cpu.x[R.a0] = pid;
    const child = k.processes.get(pid)!;
    expect(k.frames.owners(f * 4096)).toBe(2);
    expect(reported, 'fork writes page tables only').toEqual([]);

    runToEcall(k, child);
    expect(a0(k), 'the child ran its own patch').toBe(2);
    const g = frameAt(child, TEXT);
    expect(g).not.toBe(f);
    expect([holdsCode(k, f), holdsCode(k, g)]).toEqual([true, true]);
    expect(reported, 'the child stores into its copy, from which it already runs that very store').toEqual([g]);
    expect(k.machine.ram.read32(f * 4096 + 0x100), "the parent's frame keeps its code").toBe(addi(R.a0, 1));

    runToEcall(k, parent);
    expect(a0(k), 'the parent ran its own patch, not the child\'s').toBe(3);
    expect(frameAt(parent, TEXT), 'the last owner keeps the frame').toBe(f);
    expect(reported, "the parent's store into the code it runs").toEqual([g, f]);

    exitProcess(k, child, EXITED);
    exitProcess(k, parent, EXITED);
    expect(reported, 'each exit frees its code frame').toEqual([g, f, g, f]);
    expect(k.machine.mmu.code.markedFrames()).toEqual([]);
  });
});

describe('a whole program run', () => {
  it('leaves no frame marked once it has exited, and its text was reported freed', async () => {
    const as = assemble(readFileSync(join(__dirname, '..', 'asm', 'hello.s'), 'utf8'), 'hello.s');
    const ld = link([{ name: 'hello.o', bytes: as.object! }]);
    const t = bootTestKernel({ memMiB: 16 });
    const code = t.kernel.machine.mmu.code;
    const reported: number[] = [];
    code.listener = (frame) => reported.push(frame);
    const r = await t.run(ld.executable!);
    expect(r.status).toBe(7);
    expect(reported.length, 'the text frame, freed at exit').toBeGreaterThan(0);
    expect(code.markedFrames()).toEqual([]);
  });
});

describe('kernel writes into frames', () => {
  const KERNEL = resolve(__dirname, '../../../kernel');
  /** Files allowed to write RAM directly: the frame allocator (the one door) and the chunk map (chunk 0). */
  const ALLOWED = ['mem/frames.ts', 'mem/chunks.ts'];
  const WRITES = [
    /\.(u8|i8|u16|i16|i32)\.(set|fill|copyWithin)\(/,
    /\.(u8|i8|u16|i16|i32)\[[^\]]+\]\s*(=(?!=)|\+=|-=|\|=|&=|\+\+|--)/,
    /\.(write8|write16|write32|writeBytes)\(/,
    /\bram\.fill\(/,
    /\.view\.set/,
  ];

  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
    });
  }

  it('go only through the frame allocator, which tells the code marks', () => {
    const found: string[] = [];
    for (const file of sources(KERNEL)) {
      const name = relative(KERNEL, file).split('\\').join('/');
      if (ALLOWED.includes(name)) continue;
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (WRITES.some((w) => w.test(line))) found.push(`kernel/${name}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });
});
