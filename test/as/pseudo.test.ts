// Pseudo-instructions, branches and jumps: expansions, relocations and branch relaxation, with
// expectations recorded from GNU as 2.40 (-mno-relax).

import { describe, expect, it } from 'vitest';
import { asm, hexWords, relocs } from './helpers.js';

describe('li', () => {
  const cases: Array<[string, string[]]> = [
    ['5', ['00500513']],
    ['-2048', ['80000513']],
    ['0x1000', ['00001537']],
    ['0x800', ['00001537', '80050513']],
    ['0x12345678', ['12345537', '67850513']],
    ['0x7fffffff', ['80000537', 'fff50513']],
    ['0x80000000', ['80000537']],
    ['0xffffffff', ['fff00513']],
    ['0xfffff800', ['80000513']],
    ['0x100000000', ['00000537']],
    ['-0x80000001', ['80000537', 'fff50513']],
    ['0x100000800', ['00001537', '80050513']],
    ['0x1fffff7ff', ['fffff537', '7ff50513']],
    ['-4097', ['fffff537', 'fff50513']],
    ['0x7ff00000', ['7ff00537']],
  ];
  it.each(cases)('li a0, %s expands as GNU as does', (value, words) => {
    expect(hexWords(asm(`\tli a0, ${value}\n`))).toEqual(words);
  });
});

describe('address and call pseudo-instructions', () => {
  it('la/lla emit auipc+addi with PCREL_HI20 and a PCREL_LO12_I against the label of the auipc', () => {
    const elf = asm('\tla a0, sym\n\tlla a1, sym+8\n');
    expect(hexWords(elf)).toEqual(['00000517', '00050513', '00000597', '00058593']);
    expect(relocs(elf)).toEqual(['0 PCREL_HI20 sym', '4 PCREL_LO12_I .L0 ', '8 PCREL_HI20 sym+8', 'c PCREL_LO12_I .L0 ']);
    expect(elf.symbols.filter((s) => s.name === '.L0 ').map((s) => s.value)).toEqual([0, 8]);
  });

  it('la under .option pic loads the address from the GOT', () => {
    const elf = asm('\t.option pic\n\tla a0, sym\n');
    expect(hexWords(elf)).toEqual(['00000517', '00052503']);
    expect(relocs(elf)).toEqual(['0 GOT_HI20 sym', '4 PCREL_LO12_I .L0 ']);
  });

  it('call/tail emit auipc+jalr with one CALL_PLT relocation', () => {
    const elf = asm('\tcall f\n\tcall t0, f\n\ttail f\n');
    expect(hexWords(elf)).toEqual(['00000097', '000080e7', '00000317', '000302e7', '00000317', '00030067']);
    expect(relocs(elf)).toEqual(['0 CALL_PLT f', '8 CALL_PLT f', '10 CALL_PLT f']);
  });

  it('accepts the @plt suffix on call and tail targets', () => {
    expect(relocs(asm('\tcall foo@plt\n\ttail bar@plt\n'))).toEqual(['0 CALL_PLT foo', '8 CALL_PLT bar']);
  });

  it('lw/sw with a symbol use auipc and %pcrel_lo', () => {
    const elf = asm('\tlw a0, v\n\tsw a1, v+4, t0\n');
    expect(hexWords(elf)).toEqual(['00000517', '00052503', '00000297', '00b2a023']);
    expect(relocs(elf)).toEqual(['0 PCREL_HI20 v', '4 PCREL_LO12_I .L0 ', '8 PCREL_HI20 v+4', 'c PCREL_LO12_S .L0 ']);
  });

  it('%hi/%lo give HI20/LO12 relocations and keep the addend in the instruction as GNU as does', () => {
    const elf = asm('\tlui a0, %hi(x+0x1234)\n\taddi a0, a0, %lo(x+4)\n\tsw a1, %lo(x+4)(a0)\n');
    expect(hexWords(elf)).toEqual(['00001537', '00450513', '00b52223']);
    expect(relocs(elf)).toEqual(['0 HI20 x+4660', '4 LO12_I x+4', '8 LO12_S x+4']);
  });

  it('%hi/%lo of constants are computed by the assembler', () => {
    expect(hexWords(asm('\tlui a0, %hi(0x12345fff)\n\taddi a0, a0, %lo(0x12345fff)\n'))).toEqual(['12346537', 'fff50513']);
  });

  it('%pcrel_lo names the auipc label, numeric or not', () => {
    const elf = asm('1:\tauipc a0, %pcrel_hi(sym)\n\taddi a0, a0, %pcrel_lo(1b)\n');
    expect(relocs(elf)).toEqual(['0 PCREL_HI20 sym', '4 PCREL_LO12_I .L1\u00021']);
  });
});

describe('branches and jumps', () => {
  it('encodes every branch with a BRANCH relocation and the offset filled in', () => {
    const src = 'top:\n\tbeq a0, a1, top\n\tbne a0, a1, top\n\tblt a0, a1, top\n\tbge a0, a1, top\n' +
      '\tbltu a0, a1, top\n\tbgeu a0, a1, top\n';
    const elf = asm(src);
    expect(hexWords(elf)).toEqual(['00b50063', 'feb51ee3', 'feb54ce3', 'feb55ae3', 'feb568e3', 'feb576e3']);
    expect(relocs(elf)).toEqual(['0 BRANCH top', '4 BRANCH top', '8 BRANCH top', 'c BRANCH top', '10 BRANCH top', '14 BRANCH top']);
  });

  it('swaps or zero-fills operands for the branch pseudo-instructions', () => {
    const src = '\tbeqz a0, L\n\tbnez a0, L\n\tblez a0, L\n\tbgez a0, L\n\tbltz a0, L\n\tbgtz a0, L\n' +
      '\tbgt a0, a1, L\n\tble a0, a1, L\n\tbgtu a0, a1, L\n\tbleu a0, a1, L\nL:\n';
    expect(hexWords(asm(src))).toEqual([
      '02050463', '02051263', '02a05063', '00055e63', '00054c63', '00a04a63', '00a5c863', '00a5d663', '00a5e463', '00a5f263',
    ]);
  });

  it('jal/j/jal rd carry a JAL relocation, also to local labels', () => {
    const elf = asm('a:\tj a\n\tjal a\n\tjal t0, b\nb:\n');
    expect(hexWords(elf)).toEqual(['0000006f', 'ffdff0ef', '004002ef']);
    expect(relocs(elf)).toEqual(['0 JAL a', '4 JAL a', '8 JAL b']);
  });

  it('numeric local labels resolve 1b to the latest and 1f to the next definition', () => {
    const elf = asm('1:\tnop\n1:\tj 1b\n\tj 1f\n1:\tnop\n');
    expect(relocs(elf)).toEqual(['4 JAL .L1\u00022', '8 JAL .L1\u00023']);
    expect(hexWords(elf)).toEqual(['00000013', '0000006f', '0040006f', '00000013']);
  });

  it('relaxes a branch to an undefined, weak or other-section target into an inverted branch + j', () => {
    const elf = asm('\tbeq a0, a1, ext\n\t.weak w\nw:\tblt a0, a1, w\n\tbnez a0, d\n\t.data\nd:\n');
    expect(hexWords(elf)).toEqual(['00b51463', 'ffdff06f', '00b55463', 'ffdff06f', '00050463', 'fedff06f']);
    expect(relocs(elf)).toEqual(['4 JAL ext', 'c JAL w', '14 JAL d']);
  });

  it('relaxes a branch whose local target is more than 4 KiB away', () => {
    const elf = asm('a:\tbeq a0, a1, far\n\t.space 5000\nfar:\tbeq a0, a1, a\n');
    const w = hexWords(elf);
    expect(w.slice(0, 2)).toEqual(['00b51463', '38c0106f']);
    expect(relocs(elf)).toEqual(['4 JAL far', '1394 JAL a']);
  });

  it('keeps a branch at exactly -4096 bytes short', () => {
    const elf = asm('a:\t.space 4096\n\tbeq a0, a1, a\n');
    expect(elf.section('.text').size).toBe(4100);
    expect(relocs(elf)).toEqual(['1000 BRANCH a']);
  });

  it('treats a register name in a target position as a symbol, as GNU as does', () => {
    expect(relocs(asm('a3:\tj a3\n\tbnez a0, a3\n'))).toEqual(['0 JAL a3', '4 BRANCH a3']);
  });

  it('jr/jalr/ret forms', () => {
    expect(hexWords(asm('\tjr a0\n\tjr 8(a0)\n\tjalr t1\n\tjalr a3, a4\n\tjalr t0, -4(a1)\n\tret\n'))).toEqual([
      '00050067', '00850067', '000300e7', '000706e7', 'ffc582e7', '00008067',
    ]);
  });
});

describe('other pseudo-instructions gcc and people use', () => {
  it('expands sgt/sgtu, sext.b/sext.h/zext.b/zext.h and jump as GNU as does', () => {
    const elf = asm('\tsgt a0, a1, a2\n\tsgtu a0, a1, a2\n\tsext.b a0, a1\n\tsext.h a0, a1\n\tzext.b a0, a1\n' +
      '\tzext.h a0, a1\n\tjump far_away, t0\n');
    expect(hexWords(elf)).toEqual([
      '00b62533', '00b63533', '01859513', '41855513', '01059513', '41055513', '0ff5f513', '01059513', '01055513',
      '00000297', '00028067',
    ]);
    expect(relocs(elf)).toEqual(['24 CALL_PLT far_away']);
  });
});

describe('CSR and counter pseudo-instructions', () => {
  it('encode csrr/csrw/csrs/csrc and their immediate forms', () => {
    const src = '\tcsrr a0, cycle\n\tcsrw mscratch, a0\n\tcsrs mstatus, a1\n\tcsrc mstatus, a2\n' +
      '\tcsrwi mscratch, 3\n\tcsrsi mstatus, 8\n\tcsrci mstatus, 31\n\tcsrw fflags, 5\n';
    expect(hexWords(asm(src))).toEqual([
      'c0002573', '34051073', '3005a073', '30063073', '3401d073', '30046073', '300ff073', '0012d073',
    ]);
  });

  it('encode rdcycle/rdtime/rdinstret and their high halves', () => {
    expect(hexWords(asm('\trdcycle a0\n\trdcycleh a1\n\trdtime a2\n\trdtimeh a3\n\trdinstret a4\n\trdinstreth a5\n'))).toEqual([
      'c0002573', 'c80025f3', 'c0102673', 'c81026f3', 'c0202773', 'c82027f3',
    ]);
  });
});
