// -g: writes debugging information entries as assembler data lines for `.debug_info` (the way gcc does:
// the assembler and linker relocate addresses, and turn code-label differences into ADD/SUB pairs), with
// names in `.debug_str`. References between entries are DW_FORM_ref4 offsets from the unit's start.

import { Abbrev } from './abbrev.js';
import { escapeString } from './line-marks.js';

export class DieWriter {
  readonly lines: string[] = [];
  private readonly strings = new Map<string, string>();
  private labels = 0;

  /** `unitLabel` is the label at the start of the unit header (what ref4 offsets count from). */
  constructor(private readonly unitLabel: string) {}

  /** A fresh label for an entry that others refer to. */
  newLabel(): string {
    return `.Ldie${this.labels++}`;
  }

  /** Starts an entry (with its label when something refers to it). */
  die(label: string | null, abbrev: Abbrev): void {
    if (label !== null) this.lines.push(`${label}:`);
    this.lines.push(`\t.uleb128 ${abbrev}`);
  }

  /** Ends the children of the last entry that has them. */
  end(): void {
    this.lines.push('\t.byte 0');
  }

  data1(v: number): void { this.lines.push(`\t.byte ${v & 0xff}`); }
  data4(v: number): void { this.lines.push(`\t.4byte ${v >>> 0}`); }
  udata(v: number): void { this.lines.push(`\t.uleb128 ${v}`); }
  sdata(v: bigint): void { this.lines.push(`\t.sleb128 ${BigInt.asIntN(64, v)}`); }
  flag(v: boolean): void { this.data1(v ? 1 : 0); }
  /** DW_FORM_addr: the address of `symbol` (an R_RISCV_32 relocation). */
  addr(symbol: string): void { this.lines.push(`\t.4byte ${symbol}`); }
  /** DW_FORM_data4 holding `end - start` (an ADD32/SUB32 pair across code). */
  length(end: string, start: string): void { this.lines.push(`\t.4byte ${end}-${start}`); }
  ref(label: string): void { this.lines.push(`\t.4byte ${label}-${this.unitLabel}`); }

  /** DW_FORM_exprloc: a location expression given as bytes. */
  exprloc(bytes: number[]): void {
    this.udata(bytes.length);
    if (bytes.length > 0) this.lines.push(`\t.byte ${bytes.join(', ')}`);
  }

  /** DW_FORM_strp: `s` in .debug_str (each distinct string once). */
  strp(s: string): void {
    let label = this.strings.get(s);
    if (label === undefined) this.strings.set(s, label = `.LASF${this.strings.size}`);
    this.lines.push(`\t.4byte ${label}`);
  }

  /** The `.debug_str` section lines. */
  stringSection(): string[] {
    const out = ['\t.section .debug_str,"MS",@progbits,1'];
    for (const [s, label] of this.strings) out.push(`${label}:`, `\t.string "${escapeString(s)}"`);
    return out;
  }
}
