// The back end's instruction-info table (toolchain/cc/back/insn-info.ts) knows every mnemonic the code
// generator can emit, and a pass that meets one it does not know stops with a located internal error
// instead of quietly leaving the function alone.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../toolchain/as/index.js';
import { SourceFile } from '../../toolchain/cc/diagnostics.js';
import { keepParamsInArgRegs } from '../../toolchain/cc/back/param-regs.js';
import { UnitLabels } from '../../toolchain/cc/back/unit-labels.js';
import { Flow, Operands, INSNS, insnInfo } from '../../toolchain/cc/back/insn-info.js';
import { compile } from '../../toolchain/cc/index.js';
import { peephole } from '../../toolchain/cc/back/peephole.js';
import { tokenize } from '../../toolchain/cc/front/tokenize.js';

const ROOT = resolve(__dirname, '../..');
const BACK_END = join(ROOT, 'toolchain/cc/back');
const GENERATORS = /^(gen-.*|codegen|peephole|param-regs)\.ts$/;

/** True when our assembler accepts `word` as an instruction mnemonic (it then only misses operands). */
function isMnemonic(word: string): boolean {
  const r = assemble(`\t${word}\n`, 'probe.s');
  const msg = r.diagnostics?.[0]?.message ?? '';
  return !/unknown instruction|unknown directive/.test(msg);
}

function cSources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...cSources(path));
    else if (name.endsWith('.c')) out.push(path);
  }
  return out;
}

const readFile = (p: string): string | null => {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return null;
  }
};

/** A token for the function name `name`, as the passes get from the parser. */
function nameToken(name: string) {
  return tokenize(new SourceFile('unit.c', `int ${name};`))[1];
}

describe('the instruction-info table', () => {
  it('has one entry per mnemonic, and every conditional branch has a known inverse that inverts back', () => {
    const names = INSNS.map((i) => i.mnemonic);
    expect(new Set(names).size).toBe(names.length);
    for (const i of INSNS) {
      if (i.flow !== Flow.BRANCH) continue;
      expect(insnInfo(i.inverse!)?.inverse, i.mnemonic).toBe(i.mnemonic);
    }
  });

  it('knows every mnemonic spelled in the code generator\'s sources', () => {
    // every string literal that starts like an instruction line ("\tmv ...", "sltiu", `\t${...}` aside)
    const words = new Set<string>();
    for (const name of readdirSync(BACK_END).filter((n) => GENERATORS.test(n))) {
      const text = readFileSync(join(BACK_END, name), 'utf8');
      for (const m of text.matchAll(/['`](?:\\t)?([a-z][a-z0-9.]*)(?=[ '`])/g)) words.add(m[1]);
      for (const m of text.matchAll(/emit\(['`]([a-z][a-z0-9.]*)/g)) words.add(m[1]);
    }
    const mnemonics = [...words].filter(isMnemonic);
    expect(mnemonics.length).toBeGreaterThan(30); // the scan found the generator's instructions
    expect(mnemonics.filter((m) => insnInfo(m) === undefined)).toEqual([]);
  });

  it('knows every instruction in the code compiled from the C corpus (userland and test/cc), at -O0 and -O1', () => {
    const files = [...cSources(join(ROOT, 'userland')), ...cSources(join(ROOT, 'test/cc'))];
    expect(files.length).toBeGreaterThan(100);
    const seen = new Set<string>();
    const failed: string[] = [];
    for (const file of files) {
      for (const opt of [0, 1]) {
        const r = compile(readFileSync(file, 'utf8'), file, {
          opt, readFile,
          includeDirs: [dirname(file), join(ROOT, 'test/cc/support')],
          systemIncludeDirs: [join(ROOT, 'toolchain/cc/include'), join(ROOT, 'userland/libc/include')],
        });
        if (!r.ok) failed.push(`${file} -O${opt}: ${r.diagnostics[0]?.message}`);
        let inlineAsm = false; // lines between #APP and #NO_APP are the program's own (extended asm)
        for (const line of r.asm.split('\n')) {
          if (line === '\t#APP' || line === '\t#NO_APP') inlineAsm = line === '\t#APP';
          if (inlineAsm || line === '\t#NO_APP') continue;
          if (line.charCodeAt(0) !== 9 || line.charCodeAt(1) === 46) continue; // labels and directives
          const sp = line.indexOf(' ');
          seen.add(sp < 0 ? line.slice(1) : line.slice(1, sp));
        }
      }
    }
    expect(failed).toEqual([]);
    expect(seen.size).toBeGreaterThan(40);
    expect([...seen].filter((m) => insnInfo(m) === undefined)).toEqual([]);
  }, 120_000);

  it('says which operand an instruction writes: the first for ALU ops and loads, none for stores and branches', () => {
    expect(insnInfo('lw')!.operands).toBe(Operands.DEST_FIRST);
    expect(insnInfo('mulhu')!.operands).toBe(Operands.DEST_FIRST);
    expect(insnInfo('sw')!.operands).toBe(Operands.ALL_READ);
    expect(insnInfo('bgeu')!.operands).toBe(Operands.ALL_READ);
    expect(insnInfo('jalr')!.flow).toBe(Flow.CALL_REG);
    expect(insnInfo('fcvt.l.d')).toBeUndefined(); // RV64 only: never generated
  });
});

describe('a post-codegen pass meeting an instruction it does not know', () => {
  const code = { name: 'f', tok: nameToken('f'), inlineAsm: new Set<string>(), varRegs: new Set<string>() };
  const lines = ['\tli t0, 1', '\tfcvt.l.d a0, fa1', '\tmv a2, t0', '\tret'];

  it('peephole: throws an internal error naming the instruction and the function, located at the function', () => {
    let error: unknown;
    try {
      peephole([...lines], 1, code, new UnitLabels());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("internal compiler error: peephole: unknown instruction 'fcvt.l.d a0, fa1' in the code generated for 'f'");
    expect((error as { loc: unknown }).loc).toBe(code.tok);
  });

  it('keeping parameters in argument registers: throws too, rather than leaving the function alone', () => {
    const body = ['\tmv a2, a0', '\tfcvt.l.d a0, fa0', '\tadd a0, a2, a0', '.L0:', '\tret'];
    expect(() => keepParamsInArgRegs(body, [{ reg: 'a2', incoming: 'a0' }], '.L0', code))
      .toThrow("internal compiler error: keeping parameters in argument registers: unknown instruction 'fcvt.l.d a0, fa0' in the code generated for 'f'");
  });

  it('accepts it when the line came from inline assembly, and keeps it as written', () => {
    const r = compile('int g(int x) { int y = x * 3; __asm__("csrr t0, cycle"); return y + x; }', 'asm.c', { opt: 1 });
    expect(r.diagnostics).toEqual([]);
    expect(r.asm).toContain('\tcsrr t0, cycle\n');
    const asm = [...lines];
    asm[1] = '\tcsrr t0, cycle';
    expect(() => peephole(asm, 1, { ...code, inlineAsm: new Set([asm[1]]) }, new UnitLabels())).not.toThrow();
  });
});
