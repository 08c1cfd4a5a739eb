// Renders abi/isa-ops.ts from abi/isa-table.ts: the interpreter's case labels are generated, never typed by
// hand, so the table and the switch in machine/cpu.ts cannot drift apart. test/abi/isa-table.test.ts
// compares the file with this text (and rewrites it when run with UPDATE_ISA_OPS=1).

import {
  constantName, DispatchKey, dispatchKey, dispatchKeyKind, INSTRUCTIONS, OPCODE_NAMES, type InstrSpec,
} from '../../abi/isa-table.js';

const KEY_WORDS: Record<DispatchKey, string> = {
  [DispatchKey.NONE]: 'opcode alone',
  [DispatchKey.FUNCT3]: 'funct3',
  [DispatchKey.FUNCT7_FUNCT3]: 'funct7 << 3 | funct3',
  [DispatchKey.FUNCT5]: 'funct5',
  [DispatchKey.FUNCT7]: 'funct7',
  [DispatchKey.FMT]: 'fmt',
};

const hex = (n: number): string => '0x' + (n >>> 0).toString(16);
const opcodeOf = (s: InstrSpec): number => s.fields.opcode;

/** The text of abi/isa-ops.ts for the current table. */
export function renderIsaOps(): string {
  const lines = [
    '// GENERATED from abi/isa-table.ts by test/abi/isa-ops-render.ts — do not edit. To regenerate after changing',
    '// the table: UPDATE_ISA_OPS=1 npx vitest run test/abi/isa-table.test.ts',
    "// The interpreter's case labels (machine/cpu.ts): for each instruction, the value the inner switch of its",
    '// major opcode dispatches on (isa-table.ts dispatchKeyKind), and its fixed bits. Imports nothing.',
    '',
    '/** Dispatch key of each instruction within its major opcode. */',
    'export const enum Op {',
  ];
  for (const s of INSTRUCTIONS) {
    const kind = KEY_WORDS[dispatchKeyKind(opcodeOf(s))];
    lines.push(`  /** ${s.name}: ${OPCODE_NAMES[opcodeOf(s)]}, ${kind} */`);
    lines.push(`  ${constantName(s)} = ${hex(dispatchKey(s))},`);
  }
  lines.push('}', '', '/** The fixed bits of each instruction (isa-table.ts `match`), unsigned. */', 'export const enum Match {');
  for (const s of INSTRUCTIONS) lines.push(`  ${constantName(s)} = ${hex(s.match)},`);
  lines.push('}', '');
  return lines.join('\n');
}
