// Reads the file-level attributes (Tag_RISCV_arch and the others) from a `.riscv.attributes` section (ELF build attributes, format version 'A': a
// "riscv" vendor subsection holding a Tag_File list of ULEB128 tags; odd tags carry strings, even tags
// ULEB128 numbers, as RISC-V psABI "Attributes" specifies). Pure; imports nothing.

const TAG_FILE = 1;
const TAG_RISCV_ARCH = 5;

function uleb(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  let i = at;
  while (i < bytes.length) {
    const b = bytes[i++]!;
    if (shift < 28) value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) break;
  }
  return [value, i];
}

function cString(bytes: Uint8Array, at: number): [text: string, next: number] {
  let end = at;
  while (end < bytes.length && bytes[end] !== 0) end++;
  return [String.fromCharCode(...bytes.subarray(at, end)), end + 1];
}

const u32 = (b: Uint8Array, at: number): number => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** The arch string of the file-level riscv attributes, or undefined when absent or malformed. */
export function riscvArchAttribute(section: Uint8Array): string | undefined {
  const arch = riscvFileAttributes(section)?.get(TAG_RISCV_ARCH);
  return typeof arch === 'string' ? arch : undefined;
}

/**
 * Every file-level attribute of the "riscv" vendor subsection, tag -> value (strings for odd tags, numbers for
 * even ones), or undefined when there is no such subsection or it is malformed.
 */
export function riscvFileAttributes(section: Uint8Array): Map<number, number | string> | undefined {
  if (section.length < 1 || section[0] !== 0x41) return undefined;
  let at = 1;
  while (at + 4 <= section.length) {
    const length = u32(section, at);
    const end = at + length;
    if (length < 4 || end > section.length) return undefined;
    const [vendor, afterVendor] = cString(section, at + 4);
    if (vendor === 'riscv') return attributesInVendorBlock(section, afterVendor, end);
    at = end;
  }
  return undefined;
}

function attributesInVendorBlock(bytes: Uint8Array, start: number, end: number): Map<number, number | string> | undefined {
  const attrs = new Map<number, number | string>();
  let at = start;
  while (at + 5 <= end) {
    const tag = bytes[at]!;
    const length = u32(bytes, at + 1);
    const blockEnd = at + length;
    if (length < 5 || blockEnd > end) return undefined;
    if (tag === TAG_FILE) {
      let p = at + 5;
      while (p < blockEnd) {
        const [attr, afterTag] = uleb(bytes, p);
        if (attr % 2 === 1) {
          const [text, next] = cString(bytes, afterTag);
          attrs.set(attr, text);
          p = next;
        } else {
          const [value, next] = uleb(bytes, afterTag);
          attrs.set(attr, value);
          p = next;
        }
      }
    }
    at = blockEnd;
  }
  return attrs;
}
