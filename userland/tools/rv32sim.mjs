// rv32sim.mjs: a small RV32IM user-mode simulator that counts retired instructions exactly,
// for measuring userland programs (mallocbench) where qemu-riscv32 cannot: qemu's user-mode
// `instret` CSR returns host clock ticks, not retired instructions. It implements the Linux
// RISC-V 32-bit user ABI subset those programs use: write/writev, read (end of file), brk,
// mmap2/munmap (anonymous), exit/exit_group, kill (ends the run with that signal), and answers
// 0 to the signal-mask calls and -ENOSYS to the rest. Pages appear on first touch inside the
// program's segments, its heap, its mappings and its 8 MiB stack; other addresses fault.
//
//   node userland/tools/rv32sim.mjs [--env NAME=VALUE]... PROGRAM [ARGS...]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PAGE = 4096;
const STACK_TOP = 0xc0000000;
const STACK_SIZE = 8 * 1024 * 1024;
const MMAP_TOP = 0x80000000;
const ENOMEM = 12, EINVAL = 22, ENOTTY = 25, ENOSYS = 38;

class Fault extends Error {}

/** Runs an ELF32 RISC-V executable. Returns { exitCode, signal, stdout, stderr, instret }. */
export function runRv32(elf, { argv = ['prog'], env = [], maxInstructions = 5e9, profile = null } = {}) {
  const pages = new Array(1 << 20);
  const regions = []; // [start, end) ranges where pages may appear on first touch
  const view = new DataView(elf.buffer, elf.byteOffset, elf.byteLength);
  if (view.getUint32(0, false) !== 0x7f454c46 || elf[4] !== 1 || view.getUint16(18, true) !== 243) {
    throw new Error('rv32sim: not an ELF32 RISC-V executable');
  }
  const page = (addr) => {
    const n = addr >>> 12;
    let p = pages[n];
    if (!p) {
      const a = addr >>> 0;
      if (!regions.some(([s, e]) => a >= s && a < e)) throw new Fault(`fault at 0x${a.toString(16)}`);
      p = pages[n] = new Uint8Array(PAGE);
    }
    return p;
  };
  const lb = (a) => page(a)[a & 4095];
  const sb = (a, v) => { page(a)[a & 4095] = v; };
  const lw = (a) => {
    const o = a & 4095;
    if (o > 4092) return lb(a) | (lb(a + 1) << 8) | (lb(a + 2) << 16) | (lb(a + 3) << 24);
    const p = page(a);
    return p[o] | (p[o + 1] << 8) | (p[o + 2] << 16) | (p[o + 3] << 24);
  };
  const sw = (a, v) => {
    const o = a & 4095;
    if (o > 4092) { sb(a, v & 255); sb(a + 1, (v >> 8) & 255); sb(a + 2, (v >> 16) & 255); sb(a + 3, (v >>> 24)); return; }
    const p = page(a);
    p[o] = v; p[o + 1] = v >> 8; p[o + 2] = v >> 16; p[o + 3] = v >> 24;
  };

  // load PT_LOAD segments
  const entry = view.getUint32(24, true), phoff = view.getUint32(28, true);
  const phentsize = view.getUint16(42, true), phnum = view.getUint16(44, true);
  let highest = 0;
  for (let i = 0; i < phnum; i++) {
    const ph = phoff + i * phentsize;
    if (view.getUint32(ph, true) !== 1) continue;
    const off = view.getUint32(ph + 4, true), vaddr = view.getUint32(ph + 8, true);
    const filesz = view.getUint32(ph + 16, true), memsz = view.getUint32(ph + 20, true);
    regions.push([vaddr, vaddr + memsz]);
    for (let k = 0; k < filesz; k++) sb(vaddr + k, elf[off + k]);
    highest = Math.max(highest, vaddr + memsz);
  }
  const heapStart = Math.ceil(highest / PAGE) * PAGE;
  let brk = heapStart;
  const heap = [heapStart, heapStart];
  regions.push(heap);
  regions.push([STACK_TOP - STACK_SIZE, STACK_TOP]);
  let mmapTop = MMAP_TOP;

  // initial stack: strings, then argc, argv, envp, auxv
  const x = new Int32Array(32);
  let sp = STACK_TOP - 16;
  const pushString = (s) => {
    const bytes = Buffer.from(s + '\0', 'utf8');
    sp -= bytes.length;
    for (let k = 0; k < bytes.length; k++) sb(sp + k, bytes[k]);
    return sp;
  };
  const argvPtrs = argv.map(pushString), envPtrs = env.map(pushString);
  const words = [argv.length, ...argvPtrs, 0, ...envPtrs, 0, 6, PAGE, 9, entry, 0, 0];
  sp = (sp - words.length * 4) & ~15;
  words.forEach((w, k) => sw(sp + k * 4, w));
  x[2] = sp;

  let stdout = '', stderr = '';
  let instret = 0;
  let pc = entry >>> 0;
  let done = null;
  const readBytes = (a, n) => { const b = Buffer.alloc(n); for (let k = 0; k < n; k++) b[k] = lb(a + k); return b; };
  const output = (fd, buf) => {
    if (fd === 1) stdout += buf.toString('latin1');
    else if (fd === 2) stderr += buf.toString('latin1');
    else return -9;
    return buf.length;
  };
  const dropPages = (start, end) => { for (let a = start; a < end; a += PAGE) pages[a >>> 12] = undefined; };
  const syscall = (n, a0, a1, a2) => {
    switch (n) {
      case 64: return output(a0, readBytes(a1, a2 >>> 0));
      case 66: { let total = 0; for (let k = 0; k < a2; k++) { const r = output(a0, readBytes(lw(a1 + 8 * k), lw(a1 + 8 * k + 4) >>> 0)); if (r < 0) return r; total += r; } return total; }
      case 63: return 0;
      case 29: return -ENOTTY;
      case 93: case 94: done = { exitCode: a0 & 255, signal: 0 }; return 0;
      case 129: done = { exitCode: 128 + a1, signal: a1 }; return 0;
      case 134: case 135: return 0;
      case 172: case 173: return 1;
      case 214: {
        const want = a0 >>> 0;
        if (want >= heapStart && want < mmapTop - 16 * 1024 * 1024) {
          if (want < brk) dropPages(Math.ceil(want / PAGE) * PAGE, Math.ceil(brk / PAGE) * PAGE);
          brk = want;
          heap[1] = Math.ceil(brk / PAGE) * PAGE;
        }
        return brk | 0;
      }
      case 222: {
        const len = Math.ceil((a1 >>> 0) / PAGE) * PAGE;
        if (len === 0) return -EINVAL;
        if (mmapTop - len < heap[1] + 16 * 1024 * 1024) return -ENOMEM;
        mmapTop -= len;
        regions.push([mmapTop, mmapTop + len]);
        return mmapTop | 0;
      }
      case 215: {
        const start = a0 >>> 0, end = start + Math.ceil((a1 >>> 0) / PAGE) * PAGE;
        dropPages(start, end);
        for (let k = regions.length - 1; k >= 3; k--) {
          const [s, e] = regions[k];
          if (s >= start && e <= end) regions.splice(k, 1);
        }
        return 0;
      }
      default: return -ENOSYS;
    }
  };
  const mulhu = (a, b) => Number((BigInt(a >>> 0) * BigInt(b >>> 0)) >> 32n) | 0;
  const mulh = (a, b) => Number((BigInt(a | 0) * BigInt(b | 0)) >> 32n) | 0;
  const mulhsu = (a, b) => Number((BigInt(a | 0) * BigInt(b >>> 0)) >> 32n) | 0;

  try {
    while (!done) {
      if (instret >= maxInstructions) throw new Error(`rv32sim: instruction budget ${maxInstructions} used up`);
      const ins = lw(pc);
      const op = ins & 0x7f, rd = (ins >> 7) & 31, f3 = (ins >> 12) & 7, rs1 = (ins >> 15) & 31, rs2 = (ins >> 20) & 31;
      const a = x[rs1], b = x[rs2];
      let next = (pc + 4) >>> 0, v = 0, write = true;
      switch (op) {
        case 0x37: v = ins & 0xfffff000; break;
        case 0x17: v = (pc + (ins & 0xfffff000)) | 0; break;
        case 0x6f: {
          const imm = ((ins >> 31) << 20) | (((ins >> 12) & 0xff) << 12) | (((ins >> 20) & 1) << 11) | (((ins >> 21) & 0x3ff) << 1);
          v = next | 0; next = (pc + imm) >>> 0; break;
        }
        case 0x67: v = next | 0; next = ((a + (ins >> 20)) & ~1) >>> 0; break;
        case 0x63: {
          write = false;
          const imm = ((ins >> 31) << 12) | (((ins >> 7) & 1) << 11) | (((ins >> 25) & 0x3f) << 5) | (((ins >> 8) & 15) << 1);
          let t;
          switch (f3) {
            case 0: t = a === b; break; case 1: t = a !== b; break;
            case 4: t = a < b; break; case 5: t = a >= b; break;
            case 6: t = (a >>> 0) < (b >>> 0); break; case 7: t = (a >>> 0) >= (b >>> 0); break;
            default: throw new Fault('illegal branch');
          }
          if (t) next = (pc + imm) >>> 0;
          break;
        }
        case 0x03: {
          const addr = (a + (ins >> 20)) >>> 0;
          switch (f3) {
            case 0: v = (lb(addr) << 24) >> 24; break;
            case 1: v = ((lb(addr) | (lb(addr + 1) << 8)) << 16) >> 16; break;
            case 2: v = lw(addr); break;
            case 4: v = lb(addr); break;
            case 5: v = lb(addr) | (lb(addr + 1) << 8); break;
            default: throw new Fault('illegal load');
          }
          break;
        }
        case 0x23: {
          write = false;
          const addr = (a + (((ins >> 25) << 5) | ((ins >> 7) & 31))) >>> 0;
          if (f3 === 0) sb(addr, b & 255);
          else if (f3 === 1) { sb(addr, b & 255); sb(addr + 1, (b >> 8) & 255); }
          else if (f3 === 2) sw(addr, b);
          else throw new Fault('illegal store');
          break;
        }
        case 0x13: {
          const imm = ins >> 20;
          switch (f3) {
            case 0: v = (a + imm) | 0; break;
            case 1: v = a << (imm & 31); break;
            case 2: v = a < imm ? 1 : 0; break;
            case 3: v = (a >>> 0) < (imm >>> 0) ? 1 : 0; break;
            case 4: v = a ^ imm; break;
            case 5: v = (ins >>> 30) & 1 ? a >> (imm & 31) : (a >>> (imm & 31)) | 0; break;
            case 6: v = a | imm; break;
            case 7: v = a & imm; break;
          }
          break;
        }
        case 0x33: {
          const f7 = ins >>> 25;
          if (f7 === 1) {
            switch (f3) {
              case 0: v = Math.imul(a, b); break;
              case 1: v = mulh(a, b); break;
              case 2: v = mulhsu(a, b); break;
              case 3: v = mulhu(a, b); break;
              case 4: v = b === 0 ? -1 : a === -0x80000000 && b === -1 ? a : (a / b) | 0; break;
              case 5: v = b === 0 ? -1 : ((a >>> 0) / (b >>> 0)) | 0; break;
              case 6: v = b === 0 ? a : a === -0x80000000 && b === -1 ? 0 : a % b; break;
              case 7: v = b === 0 ? a : ((a >>> 0) % (b >>> 0)) | 0; break;
            }
          } else {
            switch (f3) {
              case 0: v = f7 === 0x20 ? (a - b) | 0 : (a + b) | 0; break;
              case 1: v = a << (b & 31); break;
              case 2: v = a < b ? 1 : 0; break;
              case 3: v = (a >>> 0) < (b >>> 0) ? 1 : 0; break;
              case 4: v = a ^ b; break;
              case 5: v = f7 === 0x20 ? a >> (b & 31) : (a >>> (b & 31)) | 0; break;
              case 6: v = a | b; break;
              case 7: v = a & b; break;
            }
          }
          break;
        }
        case 0x0f: write = false; break;
        case 0x73: {
          if (f3 === 0) {
            write = false;
            if (ins === 0x73) x[10] = syscall(x[17], x[10], x[11], x[12], x[13], x[14], x[15]);
            else throw new Fault(`ebreak at 0x${pc.toString(16)}`);
          } else if (f3 === 2 && rs1 === 0) {
            const csr = ins >>> 20;
            if (csr === 0xc00 || csr === 0xc02 || csr === 0xc01) v = instret | 0;
            else if (csr === 0xc80 || csr === 0xc82 || csr === 0xc81) v = Math.floor(instret / 2 ** 32) | 0;
            else throw new Fault(`unsupported csr 0x${csr.toString(16)}`);
          } else {
            throw new Fault(`unsupported system instruction 0x${(ins >>> 0).toString(16)}`);
          }
          break;
        }
        default:
          throw new Fault(`illegal instruction 0x${(ins >>> 0).toString(16)} at 0x${pc.toString(16)}`);
      }
      if (write && rd !== 0) x[rd] = v;
      if (profile) profile[pc >>> 2] = (profile[pc >>> 2] || 0) + 1;
      pc = next;
      instret++;
    }
  } catch (e) {
    if (!(e instanceof Fault)) throw e;
    stderr += `rv32sim: ${e.message} (pc 0x${pc.toString(16)})\n`;
    done = { exitCode: 139, signal: 11 };
  }
  return { ...done, stdout, stderr, instret };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const env = [];
  while (args[0] === '--env') { env.push(args[1]); args.splice(0, 2); }
  if (!args.length) {
    console.error('usage: node userland/tools/rv32sim.mjs [--env NAME=VALUE]... PROGRAM [ARGS...]');
    process.exit(2);
  }
  try {
    const r = runRv32(readFileSync(args[0]), { argv: args, env });
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    process.exit(r.exitCode);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
