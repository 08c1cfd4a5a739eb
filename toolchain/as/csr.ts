// CSR names the assembler accepts in place of a number (Privileged ISA 20211203, tables 2.2-2.6).

const NAMES: Array<[string, number]> = [
  ['fflags', 0x001], ['frm', 0x002], ['fcsr', 0x003],
  ['cycle', 0xc00], ['time', 0xc01], ['instret', 0xc02],
  ['cycleh', 0xc80], ['timeh', 0xc81], ['instreth', 0xc82],
  ['sstatus', 0x100], ['sie', 0x104], ['stvec', 0x105], ['scounteren', 0x106], ['senvcfg', 0x10a],
  ['sscratch', 0x140], ['sepc', 0x141], ['scause', 0x142], ['stval', 0x143], ['sip', 0x144], ['satp', 0x180],
  ['mstatus', 0x300], ['misa', 0x301], ['medeleg', 0x302], ['mideleg', 0x303], ['mie', 0x304],
  ['mtvec', 0x305], ['mcounteren', 0x306], ['mstatush', 0x310], ['mcountinhibit', 0x320],
  ['mscratch', 0x340], ['mepc', 0x341], ['mcause', 0x342], ['mtval', 0x343], ['mip', 0x344],
  ['mtinst', 0x34a], ['mtval2', 0x34b], ['menvcfg', 0x30a], ['menvcfgh', 0x31a],
  ['pmpcfg0', 0x3a0], ['pmpcfg1', 0x3a1], ['pmpcfg2', 0x3a2], ['pmpcfg3', 0x3a3],
  ['mcycle', 0xb00], ['minstret', 0xb02], ['mcycleh', 0xb80], ['minstreth', 0xb82],
  ['mvendorid', 0xf11], ['marchid', 0xf12], ['mimpid', 0xf13], ['mhartid', 0xf14], ['mconfigptr', 0xf15],
];

const CSRS = new Map<string, number>(NAMES);
for (let i = 3; i < 32; i++) {
  CSRS.set(`hpmcounter${i}`, 0xc00 + i);
  CSRS.set(`hpmcounter${i}h`, 0xc80 + i);
  CSRS.set(`mhpmcounter${i}`, 0xb00 + i);
  CSRS.set(`mhpmcounter${i}h`, 0xb80 + i);
  CSRS.set(`mhpmevent${i}`, 0x320 + i);
}
for (let i = 0; i < 16; i++) CSRS.set(`pmpaddr${i}`, 0x3b0 + i);

/** The CSR number for a name such as `cycle` or `mstatus`, or undefined. */
export function csrNumber(name: string): number | undefined {
  return CSRS.get(name);
}
