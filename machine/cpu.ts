// The RV32IMAFD hart in user mode: counters and the interpreter loop over the registers of a Hart (hart.ts);
// the F and D computations and fcsr live in machine/fpu/, FP loads and stores here with the others.
// run(budget) executes until the budget or the timer runs out or an instruction traps; a trap is
// a return value (machine/trap.ts), never a host exception. The hot loop keeps pc and the
// instruction count in locals, allocates nothing, fetches through a page cached until pc leaves
// it, and reaches data through the TLB (one compare and one add); everything rare is a method.

import { Csr } from '../abi/riscv.js';
import { dispatchKey, INSTRUCTIONS, Opcode } from '../abi/isa-table.js';
import { Match, Op } from '../abi/isa-ops.js';
import { executeFloat, readFloatCsr, writeFloatCsr } from './fpu/execute.js';
import { Hart } from './hart.js';
import { Jit } from './jit/jit.js';
import { Mmu } from './mmu.js';
import { mulh, mulhsu, mulhu } from './muldiv.js';
import { PhysicalMemory } from './ram.js';
import { Timer } from './timer.js';
import { Access, Trap } from './trap.js';
import { TLB_MASK } from './tlb.js';

/** One run() slice at most: keeps the instruction count a small integer for the JIT. */
const MAX_SLICE = 0x3fffffff;
const TWO_32 = 4294967296;

/**
 * The machine-level misa CSR of this hart: MXL 1 (RV32) and the extensions I, M, A, F, D (bits 8,
 * 12, 0, 5, 3). User code cannot read misa; the kernel reports it (/proc/cpuinfo's isa line).
 */
export const MISA = 0x40001129;

/** Default source of the `time` CSR: a 10 MHz timebase, as qemu's virt board. */
export const hostTime = (): number => Math.floor(performance.now() * 10_000);

export class Cpu {
  /**
   * The registers and pc this CPU runs from. The kernel switches processes by handing it another process's
   * Hart (its trapframe): one pointer store instead of copying 32 x registers, pc, 256 bytes of f registers
   * and fcsr out and in on every switch. run() caches the registers in locals for one slice, so the hart is
   * only switched between run() calls.
   */
  hart = new Hart();
  /** Trap value of the last trap: faulting address, or instruction bits for illegal ones. */
  tval = 0;
  /** Instructions retired since the machine was built (`cycle` counts the same: CPI 1). */
  instret = 0;
  /** Misaligned loads and stores completed by the machine (Linux fixes these up too). */
  misalignedAccesses = 0;
  /** Physical address reserved by LR.W, or -1. */
  private reservation = -1;
  /** Set by the slow paths when the access faults; Trap.Budget (0) means none. Read by translated code too. */
  pending: Trap = Trap.Budget;
  /** The translating tier (machine/jit/), or undefined: the interpreter runs everything. */
  readonly jit: Jit | undefined;
  /** Physical address of each byte of the current slow-path access (byteAddresses fills it; no allocation). */
  private readonly spanPa = new Int32Array(8);

  constructor(
    private readonly ram: PhysicalMemory,
    readonly mmu: Mmu,
    private readonly timer: Timer,
    private readonly timeSource: () => number = hostTime,
    translate = false,
    hotVisits?: number,
  ) {
    this.jit = translate ? new Jit(this, mmu, ram, hotVisits) : undefined;
  }

  /** x0..x31 of the current hart. */
  get x(): Int32Array {
    return this.hart.x;
  }

  /** Program counter of the current hart, unsigned. */
  get pc(): number {
    return this.hart.pc;
  }

  set pc(value: number) {
    this.hart.pc = value;
  }

  get cycle(): number {
    return this.instret;
  }

  get satp(): number {
    return this.mmu.satp;
  }

  /** Writes satp (bit 31: Sv32; bits 21:0: root PPN; 0: bare, va = pa) and flushes the TLB. */
  setSatp(value: number): void {
    this.mmu.setSatp(value);
  }

  /** sfence.vma: forget all translations, or those of the page holding `va`. */
  flush(va?: number): void {
    if (va === undefined) this.mmu.tlb.flushAll();
    else this.mmu.tlb.flushPage(va);
  }

  /** Drops an LR reservation (the kernel does this when it switches processes). */
  clearReservation(): void {
    this.reservation = -1;
  }

  /**
   * Runs up to `budget` instructions. Returns why it stopped; see machine/trap.ts for what pc
   * and tval then hold. Never throws for anything the program does.
   */
  run(budget: number): Trap {
    const limit = Math.max(0, Math.min(budget, this.timer.budget, MAX_SLICE)) | 0;
    this.tval = 0; // ecall, ebreak, budget and timer report 0
    const hart = this.hart;
    if (hart.pc & 3) {
      this.tval = hart.pc >>> 0;
      return Trap.InstructionMisaligned;
    }
    const before = this.instret;
    // The translator advances instret as it goes (its interpreter steps and csr reads need the running figure).
    const n = this.jit !== undefined ? this.jit.execute(limit) : this.interpret(limit);
    hart.x[0] = 0;
    this.instret = before + n;
    const fired = this.timer.advance(n);
    const trap = this.pending;
    this.pending = Trap.Budget;
    if (trap !== Trap.Budget) return trap;
    return fired ? Trap.Timer : Trap.Budget;
  }

  /**
   * The interpreter: one dispatch switch on the opcode (the exception to "small functions").
   * Returns the number of retired instructions; a trap leaves `pending` set and pc at the
   * trapping instruction. The translator (machine/jit/jit.ts) calls it for cold code and for what it leaves
   * to the interpreter.
   */
  interpret(limit: number): number {
    const hart = this.hart;
    const x = hart.x;
    const ram = this.ram;
    const i32 = ram.i32;
    const u8 = ram.u8;
    const i8 = ram.i8;
    const u16 = ram.u16;
    const i16 = ram.i16;
    const tlb = this.mmu.tlb;
    const fetchTag = tlb.fetchTag;
    const fetchOffs = tlb.fetchOff;
    const loadTag = tlb.loadTag;
    const loadOff = tlb.loadOff;
    const storeTag = tlb.storeTag;
    const storeOff = tlb.storeOff;
    let pc = hart.pc | 0;
    let n = 0;
    let fetchVa = 1; // no page: page addresses have their low bits clear
    let fetchOff = 0;
    let trap: Trap = Trap.Budget;
    let fetchFault = false;

    loop: while (n < limit) {
      if ((pc & -4096) !== fetchVa) {
        const vpn = pc >>> 12;
        const ti = vpn & TLB_MASK;
        if (fetchTag[ti] !== vpn && this.mmu.translate(pc, Access.Fetch) < 0) {
          trap = this.mmu.fault;
          this.tval = pc >>> 0;
          fetchFault = true;
          break;
        }
        fetchOff = fetchOffs[ti];
        fetchVa = pc & -4096;
      }
      const inst = i32[(pc + fetchOff) >> 2];
      n++;
      x[0] = 0;
      // Case labels are the generated dispatch constants of abi/isa-ops.ts (one per abi/isa-table.ts row).
      switch (inst & 0x7f) {
        case Opcode.OP_IMM: {
          const rd = (inst >> 7) & 31;
          const a = x[(inst >> 15) & 31];
          const imm = inst >> 20;
          switch ((inst >> 12) & 7) {
            case Op.ADDI: x[rd] = a + imm; break;
            case Op.SLLI:
              if ((inst >>> 25) !== Match.SLLI >>> 25) { trap = Trap.IllegalInstruction; break loop; }
              x[rd] = a << imm; break;
            case Op.SLTI: x[rd] = a < imm ? 1 : 0; break;
            case Op.SLTIU: x[rd] = (a >>> 0) < (imm >>> 0) ? 1 : 0; break;
            case Op.XORI: x[rd] = a ^ imm; break;
            case Op.SRLI: // and srai, told apart by funct7
              if ((inst >>> 25) === Match.SRLI >>> 25) x[rd] = a >>> imm;
              else if ((inst >>> 25) === Match.SRAI >>> 25) x[rd] = a >> imm;
              else { trap = Trap.IllegalInstruction; break loop; }
              break;
            case Op.ORI: x[rd] = a | imm; break;
            case Op.ANDI: x[rd] = a & imm; break;
          }
          pc = (pc + 4) | 0;
          break;
        }
        case Opcode.OP: { // and M
          const rd = (inst >> 7) & 31;
          const a = x[(inst >> 15) & 31];
          const b = x[(inst >> 20) & 31];
          switch (((inst >>> 22) & 0x3f8) | ((inst >> 12) & 7)) {
            case Op.ADD: x[rd] = a + b; break;
            case Op.SUB: x[rd] = a - b; break;
            case Op.SLL: x[rd] = a << b; break;
            case Op.SLT: x[rd] = a < b ? 1 : 0; break;
            case Op.SLTU: x[rd] = (a >>> 0) < (b >>> 0) ? 1 : 0; break;
            case Op.XOR: x[rd] = a ^ b; break;
            case Op.SRL: x[rd] = a >>> b; break;
            case Op.SRA: x[rd] = a >> b; break;
            case Op.OR: x[rd] = a | b; break;
            case Op.AND: x[rd] = a & b; break;
            case Op.MUL: x[rd] = Math.imul(a, b); break;
            case Op.MULH: x[rd] = mulh(a, b); break;
            case Op.MULHSU: x[rd] = mulhsu(a, b); break;
            case Op.MULHU: x[rd] = mulhu(a, b); break;
            case Op.DIV: x[rd] = b === 0 ? -1 : (a / b) | 0; break;
            case Op.DIVU: x[rd] = b === 0 ? -1 : ((a >>> 0) / (b >>> 0)) >>> 0; break;
            case Op.REM: x[rd] = b === 0 ? a : a % b; break;
            case Op.REMU: x[rd] = b === 0 ? a : (a >>> 0) % (b >>> 0); break;
            default: trap = Trap.IllegalInstruction; break loop;
          }
          pc = (pc + 4) | 0;
          break;
        }
        case Opcode.LOAD: { // TLB hits finish here; misses and misaligned ones go to loadSlow
          const rd = (inst >> 7) & 31;
          const va = (x[(inst >> 15) & 31] + (inst >> 20)) | 0;
          const vpn = va >>> 12;
          const ti = vpn & TLB_MASK;
          const hit = loadTag[ti] === vpn;
          let v: number;
          switch ((inst >> 12) & 7) {
            case Op.LB: if (hit) { x[rd] = i8[(va + loadOff[ti]) | 0]; pc = (pc + 4) | 0; continue loop; }
              v = (this.loadSlow(va, 1) << 24) >> 24; break;
            case Op.LH: if (hit && !(va & 1)) { x[rd] = i16[(va + loadOff[ti]) >> 1]; pc = (pc + 4) | 0; continue loop; }
              v = (this.loadSlow(va, 2) << 16) >> 16; break;
            case Op.LW: if (hit && !(va & 3)) { x[rd] = i32[(va + loadOff[ti]) >> 2]; pc = (pc + 4) | 0; continue loop; }
              v = this.loadSlow(va, 4); break;
            case Op.LBU: if (hit) { x[rd] = u8[(va + loadOff[ti]) | 0]; pc = (pc + 4) | 0; continue loop; }
              v = this.loadSlow(va, 1); break;
            case Op.LHU: if (hit && !(va & 1)) { x[rd] = u16[(va + loadOff[ti]) >> 1]; pc = (pc + 4) | 0; continue loop; }
              v = this.loadSlow(va, 2); break;
            default: trap = Trap.IllegalInstruction; break loop;
          }
          if (this.pending !== Trap.Budget) break loop; // rd untouched: precise
          x[rd] = v;
          pc = (pc + 4) | 0;
          break;
        }
        case Opcode.STORE: { // TLB hits finish here; the rest goes to storeSlow
          const va = (x[(inst >> 15) & 31] + (((inst >> 25) << 5) | ((inst >> 7) & 31))) | 0;
          const v = x[(inst >> 20) & 31];
          const vpn = va >>> 12;
          const ti = vpn & TLB_MASK;
          const hit = storeTag[ti] === vpn;
          switch ((inst >> 12) & 7) {
            case Op.SB: if (hit) { u8[(va + storeOff[ti]) | 0] = v; pc = (pc + 4) | 0; continue loop; }
              this.storeSlow(va, 1, v); break;
            case Op.SH: if (hit && !(va & 1)) { u16[(va + storeOff[ti]) >> 1] = v; pc = (pc + 4) | 0; continue loop; }
              this.storeSlow(va, 2, v); break;
            case Op.SW: if (hit && !(va & 3)) { i32[(va + storeOff[ti]) >> 2] = v; pc = (pc + 4) | 0; continue loop; }
              this.storeSlow(va, 4, v); break;
            default: trap = Trap.IllegalInstruction; break loop;
          }
          if (this.pending !== Trap.Budget) break loop;
          pc = (pc + 4) | 0;
          break;
        }
        case Opcode.BRANCH: {
          const a = x[(inst >> 15) & 31];
          const b = x[(inst >> 20) & 31];
          let taken: boolean;
          switch ((inst >> 12) & 7) {
            case Op.BEQ: taken = a === b; break;
            case Op.BNE: taken = a !== b; break;
            case Op.BLT: taken = a < b; break;
            case Op.BGE: taken = a >= b; break;
            case Op.BLTU: taken = (a >>> 0) < (b >>> 0); break;
            case Op.BGEU: taken = (a >>> 0) >= (b >>> 0); break;
            default: trap = Trap.IllegalInstruction; break loop;
          }
          if (!taken) { pc = (pc + 4) | 0; break; }
          const target = (pc + (((inst >> 31) << 12) | (((inst >> 7) & 1) << 11) | (((inst >> 25) & 0x3f) << 5) | (((inst >> 8) & 0xf) << 1))) | 0;
          if (target & 3) { trap = Trap.InstructionMisaligned; this.tval = target >>> 0; break loop; }
          pc = target;
          break;
        }
        case Opcode.JAL: {
          const target = (pc + (((inst >> 31) << 20) | (inst & 0xff000) | (((inst >> 20) & 1) << 11) | (((inst >> 21) & 0x3ff) << 1))) | 0;
          if (target & 3) { trap = Trap.InstructionMisaligned; this.tval = target >>> 0; break loop; }
          x[(inst >> 7) & 31] = pc + 4;
          pc = target;
          break;
        }
        case Opcode.JALR: {
          if (((inst >> 12) & 7) !== Op.JALR) { trap = Trap.IllegalInstruction; break loop; }
          const target = (x[(inst >> 15) & 31] + (inst >> 20)) & -2;
          if (target & 3) { trap = Trap.InstructionMisaligned; this.tval = target >>> 0; break loop; }
          x[(inst >> 7) & 31] = pc + 4;
          pc = target;
          break;
        }
        case Opcode.LUI:
          x[(inst >> 7) & 31] = inst & 0xfffff000;
          pc = (pc + 4) | 0;
          break;
        case Opcode.AUIPC:
          x[(inst >> 7) & 31] = pc + (inst & 0xfffff000);
          pc = (pc + 4) | 0;
          break;
        case Opcode.AMO: // lr.w, sc.w and the AMOs
          if (!this.atomic(inst)) break loop;
          pc = (pc + 4) | 0;
          break;
        case Opcode.LOAD_FP: // flw, fld (and fsw, fsd below): methods, to keep this loop as small as the integer code needs
          if (!this.floatLoad(inst)) { if (this.pending === Trap.Budget) trap = Trap.IllegalInstruction; break loop; }
          hart.fpUsed = true;
          pc = (pc + 4) | 0;
          break;
        case Opcode.STORE_FP:
          if (!this.floatStore(inst)) { if (this.pending === Trap.Budget) trap = Trap.IllegalInstruction; break loop; }
          pc = (pc + 4) | 0;
          break;
        case Opcode.MADD: case Opcode.MSUB: case Opcode.NMSUB: case Opcode.NMADD: case Opcode.OP_FP: // machine/fpu
          if (!executeFloat(hart, x, inst)) { trap = Trap.IllegalInstruction; break loop; }
          hart.fpUsed = true;
          pc = (pc + 4) | 0;
          break;
        case Opcode.MISC_MEM: { // fence is a no-op on one hart; fence.i too, as every fetch reads RAM.
          const funct3 = (inst >> 12) & 7;
          if (funct3 !== Op.FENCE && funct3 !== Op.FENCE_I) { trap = Trap.IllegalInstruction; break loop; }
          pc = (pc + 4) | 0;
          break;
        }
        case Opcode.SYSTEM: { // ecall, ebreak, and the CSR instructions in csr()
          const funct3 = (inst >> 12) & 7;
          if (funct3 === Op.ECALL) { // and ebreak
            trap = inst === Match.ECALL ? Trap.Ecall : inst === Match.EBREAK ? Trap.Ebreak : Trap.IllegalInstruction;
            break loop;
          }
          if (!this.csr(inst, this.instret + n - 1)) { trap = Trap.IllegalInstruction; break loop; }
          pc = (pc + 4) | 0;
          break;
        }
        default:
          trap = Trap.IllegalInstruction;
          break loop;
      }
    }
    hart.pc = pc >>> 0;
    if (trap === Trap.Budget) trap = this.pending;
    if (trap === Trap.Budget) return n;
    this.pending = trap;
    if (trap === Trap.IllegalInstruction) this.tval = this.ram.i32[(pc + fetchOff) >> 2] >>> 0;
    // A trapping instruction was counted when fetched but does not retire.
    return fetchFault ? n : n - 1;
  }

  /** Translates a data access outside the fast path; -1 with `pending` and `tval` set on a fault. */
  private translateData(va: number, access: Access): number {
    const pa = this.mmu.translate(va, access);
    if (pa < 0) {
      this.pending = this.mmu.fault;
      this.tval = va >>> 0;
    }
    return pa;
  }

  /**
   * Physical addresses of the `size` bytes at `va` into `spanPa` (an access may cross into a second page):
   * both pages are translated before the caller touches anything, so a fault leaves all as it was. False,
   * with `pending` and `tval` set, on a fault. Counts a misaligned access.
   */
  private byteAddresses(va: number, size: number, access: Access): boolean {
    const pa = this.translateData(va, access);
    if (pa < 0) return false;
    const lastVa = (va + size - 1) | 0;
    let lastPa = pa + size - 1;
    if ((lastVa ^ va) & -4096) {
      const second = this.translateData(lastVa & -4096, access);
      if (second < 0) return false;
      lastPa = second + (lastVa & 0xfff);
    }
    if (va & (size - 1)) this.misalignedAccesses++;
    const out = this.spanPa;
    for (let i = 0; i < size; i++) {
      const byteVa = (va + i) | 0;
      out[i] = (byteVa ^ va) & -4096 ? lastPa - (lastVa - byteVa) : pa + i;
    }
    return true;
  }

  /** A load that missed the TLB or is misaligned. Returns the raw little-endian value. */
  loadSlow(va: number, size: number): number {
    const ram = this.ram;
    if (va & (size - 1)) {
      if (!this.byteAddresses(va, size, Access.Load)) return 0;
      let v = 0;
      for (let i = size - 1; i >= 0; i--) v = (v << 8) | ram.u8[this.spanPa[i]];
      return v;
    }
    const pa = this.translateData(va, Access.Load);
    if (pa < 0) return 0;
    return size === 4 ? ram.i32[pa >> 2] : size === 2 ? ram.u16[pa >> 1] : ram.u8[pa];
  }

  /** A store that missed the TLB, is misaligned, or hits a page holding code. */
  storeSlow(va: number, size: number, value: number): void {
    const ram = this.ram;
    if (va & (size - 1)) {
      if (!this.byteAddresses(va, size, Access.Store)) return; // nothing written: the trap stays precise
      for (let i = 0; i < size; i++) ram.u8[this.spanPa[i]] = value >>> (8 * i);
      return;
    }
    const pa = this.translateData(va, Access.Store);
    if (pa < 0) return;
    if (size === 4) ram.i32[pa >> 2] = value;
    else if (size === 2) ram.u16[pa >> 1] = value;
    else ram.u8[pa] = value;
  }

  /** LR.W, SC.W and the AMOs. Returns false when the instruction trapped (pending set). */
  atomic(inst: number): boolean {
    const x = this.x;
    const funct5 = inst >>> 27;
    const rs2 = (inst >> 20) & 31;
    const wordWidth = (Match.LR_W >>> 12) & 7; // funct3 of the .w forms
    if (((inst >> 12) & 7) !== wordWidth || !AMO_FUNCT5[funct5] || (funct5 === Op.LR_W && rs2 !== 0)) {
      return this.illegal();
    }
    const va = x[(inst >> 15) & 31];
    if (va & 3) {
      this.pending = funct5 === Op.LR_W ? Trap.LoadMisaligned : Trap.StoreMisaligned;
      this.tval = va >>> 0;
      return false;
    }
    const rd = (inst >> 7) & 31;
    const i32 = this.ram.i32;
    if (funct5 === Op.LR_W) {
      const pa = this.translateData(va, Access.Load);
      if (pa < 0) return false;
      x[rd] = i32[pa >> 2];
      this.reservation = pa;
      return true;
    }
    const pa = this.translateData(va, Access.Store);
    if (pa < 0) return false;
    const b = x[rs2];
    if (funct5 === Op.SC_W) {
      const ok = this.reservation === pa;
      if (ok) i32[pa >> 2] = b;
      x[rd] = ok ? 0 : 1;
      this.reservation = -1;
      return true;
    }
    const a = i32[pa >> 2];
    i32[pa >> 2] = amoResult(funct5, a, b);
    x[rd] = a;
    return true;
  }

  /**
   * flw, fld: TLB hits of aligned accesses finish here. False when the instruction traps: with
   * `pending` set for a fault, without it for an illegal width.
   */
  floatLoad(inst: number): boolean {
    const rd = (inst >> 7) & 31;
    const va = (this.hart.x[(inst >> 15) & 31] + (inst >> 20)) | 0;
    const vpn = va >>> 12;
    const tlb = this.mmu.tlb;
    const ti = vpn & TLB_MASK;
    const fInts = this.hart.fInts;
    const i32 = this.ram.i32;
    switch ((inst >> 12) & 7) {
      case Op.FLD:
        if (tlb.loadTag[ti] === vpn && !(va & 7)) {
          const w = (va + tlb.loadOff[ti]) >> 2;
          fInts[2 * rd] = i32[w];
          fInts[2 * rd + 1] = i32[w + 1];
          return true;
        }
        return this.loadFloat(va, rd, 8);
      case Op.FLW:
        if (tlb.loadTag[ti] === vpn && !(va & 3)) {
          fInts[2 * rd] = i32[(va + tlb.loadOff[ti]) >> 2];
          fInts[2 * rd + 1] = -1; // NaN-boxed
          return true;
        }
        return this.loadFloat(va, rd, 4);
      default:
        return false;
    }
  }

  /** fsw, fsd, as floatLoad. */
  floatStore(inst: number): boolean {
    const rs2 = (inst >> 20) & 31;
    const va = (this.hart.x[(inst >> 15) & 31] + (((inst >> 25) << 5) | ((inst >> 7) & 31))) | 0;
    const vpn = va >>> 12;
    const tlb = this.mmu.tlb;
    const ti = vpn & TLB_MASK;
    const fInts = this.hart.fInts;
    const i32 = this.ram.i32;
    switch ((inst >> 12) & 7) {
      case Op.FSD:
        if (tlb.storeTag[ti] === vpn && !(va & 7)) {
          const w = (va + tlb.storeOff[ti]) >> 2;
          i32[w] = fInts[2 * rs2];
          i32[w + 1] = fInts[2 * rs2 + 1];
          return true;
        }
        return this.storeFloat(va, rs2, 8);
      case Op.FSW:
        if (tlb.storeTag[ti] === vpn && !(va & 3)) {
          i32[(va + tlb.storeOff[ti]) >> 2] = fInts[2 * rs2];
          return true;
        }
        return this.storeFloat(va, rs2, 4);
      default:
        return false;
    }
  }

  /**
   * flw/fld outside the fast path (TLB miss, misaligned, crossing a page): both pages are
   * translated before f rd changes, so a fault leaves it as it was. A single is NaN-boxed.
   */
  private loadFloat(va: number, rd: number, size: number): boolean {
    if (!this.byteAddresses(va, size, Access.Load)) return false;
    const bytes = this.hart.fBytes;
    for (let i = 0; i < size; i++) bytes[8 * rd + i] = this.ram.u8[this.spanPa[i]];
    if (size === 4) this.hart.fInts[2 * rd + 1] = -1;
    return true;
  }

  /** fsw/fsd outside the fast path: both pages translated before any byte is written (precise). */
  private storeFloat(va: number, rs2: number, size: number): boolean {
    if (!this.byteAddresses(va, size, Access.Store)) return false;
    const bytes = this.hart.fBytes;
    for (let i = 0; i < size; i++) this.ram.u8[this.spanPa[i]] = bytes[8 * rs2 + i];
    return true;
  }

  private illegal(): false {
    this.pending = Trap.IllegalInstruction;
    return false;
  }

  /**
   * Zicsr on the read-only user counters and the floating-point CSRs (fflags, frm, fcsr). False for
   * anything else (illegal instruction).
   */
  csr(inst: number, retired: number): boolean {
    const funct3 = (inst >> 12) & 7;
    const src = (inst >> 15) & 31;
    let writes: boolean;
    switch (funct3) {
      case Op.CSRRW: case Op.CSRRWI: writes = true; break;
      case Op.CSRRS: case Op.CSRRC: case Op.CSRRSI: case Op.CSRRCI: writes = src !== 0; break; // unless rs1/uimm is 0
      default: return false;
    }
    const number = inst >>> 20;
    const old = readFloatCsr(this.hart, number); // fflags, frm, fcsr: read-write
    if (old >= 0) {
      const operand = funct3 & 4 ? src : this.x[src];
      if (writes) {
        const op = funct3 & 3;
        writeFloatCsr(this.hart, number, op === 1 ? operand : op === 2 ? old | operand : old & ~operand);
        this.hart.fpUsed = true;
      }
      this.x[(inst >> 7) & 31] = old;
      return true;
    }
    if (writes) return false; // every other CSR here is a read-only counter
    let value: number;
    switch (number) {
      case Csr.CYCLE: case Csr.INSTRET: value = retired; break;
      case Csr.CYCLEH: case Csr.INSTRETH: value = retired / TWO_32; break;
      case Csr.TIME: value = this.timeSource(); break;
      case Csr.TIMEH: value = this.timeSource() / TWO_32; break;
      default: return false;
    }
    this.x[(inst >> 7) & 31] = Math.floor(value) % TWO_32;
    return true;
  }
}

/** Which dispatch keys of a major opcode name an instruction of the table (slow-path validity checks). */
function keysOf(opcode: Opcode, size: number): readonly boolean[] {
  const ok: boolean[] = new Array(size).fill(false);
  for (const s of INSTRUCTIONS) if (s.fields.opcode === opcode) ok[dispatchKey(s)] = true;
  return ok;
}

/** funct5 values of the A extension that exist. */
const AMO_FUNCT5 = keysOf(Opcode.AMO, 32);

/** The value an AMO writes back, given the old memory value a and rs2 value b. */
function amoResult(funct5: number, a: number, b: number): number {
  switch (funct5) {
    case Op.AMOSWAP_W: return b;
    case Op.AMOADD_W: return (a + b) | 0;
    case Op.AMOXOR_W: return a ^ b;
    case Op.AMOAND_W: return a & b;
    case Op.AMOOR_W: return a | b;
    case Op.AMOMIN_W: return a < b ? a : b;
    case Op.AMOMAX_W: return a > b ? a : b;
    case Op.AMOMINU_W: return (a >>> 0) < (b >>> 0) ? a : b;
    default: return (a >>> 0) > (b >>> 0) ? a : b; // Op.AMOMAXU_W
  }
}
