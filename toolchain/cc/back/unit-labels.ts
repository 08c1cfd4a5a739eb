// Code generation state shared by the functions of one translation unit: the counters that keep assembler
// labels unique within the unit. A fresh UnitLabels per codegen call (never module-level counters), so a
// unit's assembly depends only on its source: compiling it twice, or after another unit, gives the same text.

/** Label numbering for one unit (see the file comment). */
export class UnitLabels {
  private nextLabel = 0;
  private nextCopy = 0;
  private nextFar = 0;
  /** Floating constants of the unit, by "size:bits", each emitted once in .rodata (see floatPool). */
  private readonly floats = new Map<string, string>();

  /** A fresh local label for branches and jumps: `.L0`, `.L1`, ... */
  label(): string {
    return `.L${this.nextLabel++}`;
  }

  /** A fresh number for the loop labels of block copies and fills (`.Lcopy3_f`, `.Lzero4_f`). */
  copyNumber(): number {
    return this.nextCopy++;
  }

  /** The label of the unit's read-only copy of a `size`-byte floating constant with these IEEE bits. */
  floatConstant(bits: bigint, size: 4 | 8 | 16): string {
    const key = `${size}:${bits}`;
    let l = this.floats.get(key);
    if (l === undefined) {
      l = `.LCF${this.floats.size}`;
      this.floats.set(key, l);
    }
    return l;
  }

  /** The constant pool: assembly for every floating constant asked for, little-endian words. */
  floatPool(): string[] {
    const out: string[] = [];
    for (const [key, label] of this.floats) {
      const [size, bitsText] = key.split(':');
      let bits = BigInt(bitsText);
      const n = Number(size);
      out.push(`\t.section .rodata\n\t.p2align ${Math.log2(n)}\n${label}:`);
      for (let i = 0; i < n; i += 4) {
        out.push(`\t.word ${Number(bits & 0xffffffffn)}`);
        bits >>= 32n;
      }
    }
    return out;
  }

  /** A fresh label for the skip over a relaxed far branch (`.Lfar0`, ...). */
  farLabel(): string {
    return `.Lfar${this.nextFar++}`;
  }
}
