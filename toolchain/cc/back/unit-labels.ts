// Code generation state shared by the functions of one translation unit: the counters that keep assembler
// labels unique within the unit. A fresh UnitLabels per codegen call (never module-level counters), so a
// unit's assembly depends only on its source: compiling it twice, or after another unit, gives the same text.

/** Label numbering for one unit (see the file comment). */
export class UnitLabels {
  private nextLabel = 0;
  private nextCopy = 0;
  private nextFar = 0;

  /** A fresh local label for branches and jumps: `.L0`, `.L1`, ... */
  label(): string {
    return `.L${this.nextLabel++}`;
  }

  /** A fresh number for the loop labels of block copies and fills (`.Lcopy3_f`, `.Lzero4_f`). */
  copyNumber(): number {
    return this.nextCopy++;
  }

  /** A fresh label for the skip over a relaxed far branch (`.Lfar0`, ...). */
  farLabel(): string {
    return `.Lfar${this.nextFar++}`;
  }
}
