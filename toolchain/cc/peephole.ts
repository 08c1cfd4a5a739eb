// Post-pass over one function's assembly lines: removes jumps to the next line and self-moves, and
// rewrites conditional branches whose target may be beyond the +-4 KiB B-type range into an inverted
// branch over a `j` (the assembler does not relax branches).

const INVERT: Record<string, string> = {
  beq: 'bne', bne: 'beq', blt: 'bge', bge: 'blt', bltu: 'bgeu', bgeu: 'bltu', beqz: 'bnez', bnez: 'beqz',
  ble: 'bgt', bgt: 'ble', bleu: 'bgtu', bgtu: 'bleu', blez: 'bgtz', bgtz: 'blez', bltz: 'bgez', bgez: 'bltz',
};

/** Upper bound of the bytes an assembly line assembles to. */
function sizeOfLine(line: string): number {
  if (!line.startsWith('\t')) return 0;
  const op = line.trim().split(/\s/, 1)[0];
  if (op === 'li' || op === 'call' || op === 'la' || op === 'tail') return 8;
  return 4;
}

let fixLabel = 0;

export function peephole(lines: string[], opt: number): string[] {
  let out = lines;
  if (opt > 0) {
    out = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      const m = /^\tmv (\w+), (\w+)$/.exec(l);
      if (m && m[1] === m[2]) continue;
      const j = /^\tj (\S+)$/.exec(l);
      if (j) {
        // a jump to a label that directly follows (possibly after other labels)
        let k = i + 1;
        let hit = false;
        while (k < lines.length && !lines[k].startsWith('\t')) {
          if (lines[k] === `${j[1]}:`) hit = true;
          k++;
        }
        if (hit) continue;
      }
      out.push(l);
    }
  }
  for (let pass = 0; pass < 8; pass++) {
    const before = out.length;
    out = relaxBranches(out);
    if (out.length === before) break;
  }
  return out;
}

function relaxBranches(lines: string[]): string[] {
  const pos = new Map<string, number>();
  let pc = 0;
  const at: number[] = [];
  for (const l of lines) {
    at.push(pc);
    if (!l.startsWith('\t') && l.endsWith(':')) pos.set(l.slice(0, -1), pc);
    pc += sizeOfLine(l);
  }
  // rewrites grow the code, so passes repeat until nothing changes; keep a margin below 4096
  const limit = 3900;
  const out: string[] = [];
  lines.forEach((l, i) => {
    const m = /^\t(b\w+) (.*), (\.L\S+)$/.exec(l);
    if (m && INVERT[m[1]]) {
      const target = pos.get(m[3]);
      if (target !== undefined && Math.abs(target - at[i]) > limit) {
        const skip = `.Lfar${fixLabel++}`;
        out.push(`\t${INVERT[m[1]]} ${m[2]}, ${skip}`);
        out.push(`\tj ${m[3]}`);
        out.push(`${skip}:`);
        return;
      }
    }
    out.push(l);
  });
  return out;
}
