// The columns of an `objdump -d` line: the address (leading zeros trimmed per section, as objdump does), the
// raw bytes in chunks (4-byte chunks for 32-bit instructions, 2-byte for 16-bit parcels, 8 bytes a line),
// and the continuation lines of units longer than a line. Follows binutils/objdump.c disassemble_bytes.
// Pure; imports nothing.

const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

/**
 * How many leading characters of an 8-digit address objdump drops in a section ending at `end`: the leading
 * zeros of `end`, minus one, rounded down to a multiple of 4.
 */
export function addressSkip(sectionStart: number, sectionEnd: number): number {
  const text = hex8(sectionEnd);
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '0') zeros++;
  if (zeros === text.length && sectionStart !== 0) return 0;
  return zeros === 0 ? 0 : (zeros - 1) & -4;
}

/** The address column `   10074:` (then a TAB): digits after `skip`, leading zeros as spaces. */
export function addressColumn(address: number, skip: number): string {
  const text = hex8(address).slice(skip);
  const trimmed = text.replace(/^0+/, '');
  const digits = trimmed === '' ? '0' : trimmed;
  return digits.padStart(text.length, ' ') + ':\t';
}

/** One chunk of `size` bytes at `at`, most significant byte first (little-endian display). */
function chunk(bytes: Uint8Array, at: number, size: number): string {
  let out = '';
  for (let k = size - 1; k >= 0; k--) out += (bytes[at + k] ?? 0).toString(16).padStart(2, '0');
  return out;
}

/** Layout of one unit's raw bytes: chunk size and bytes per line, as the RISC-V disassembler sets them. */
export interface ByteLayout {
  readonly chunkSize: number;
  readonly perLine: number;
}

/**
 * A raw line for bytes objdump does not disassemble (a block starting at an OBJECT symbol in a code
 * section): `octets` bytes (at most 16) in chunks of `chunkSize`, chunks running past `blockEnd` left blank,
 * padded to 16 bytes, four spaces, then the bytes as ASCII with `.` for unprintable ones.
 */
export function rawLine(
  bytes: Uint8Array, at: number, octets: number, blockEnd: number, address: number, skip: number, chunkSize: number,
): string {
  let out = addressColumn(address, skip);
  let j = 0;
  for (; j < octets; j += chunkSize) out += (at + j + chunkSize <= blockEnd ? chunk(bytes, at + j, chunkSize) : '') + ' ';
  for (let pad = octets; pad < 16; pad += chunkSize) out += '  '.repeat(chunkSize) + ' ';
  out += '    ';
  for (let k = 0; k < octets; k++) {
    const b = bytes[at + k] ?? 0;
    out += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
  }
  return out + '\n';
}

/**
 * The full text of one unit: address, raw bytes padded to the line width, TAB, `text`, then continuation
 * lines for bytes beyond the first line. Ends with a newline.
 */
export function unitLines(
  bytes: Uint8Array, at: number, size: number, address: number, skip: number, layout: ByteLayout, text: string,
): string {
  const { chunkSize, perLine } = layout;
  let first = Math.min(size, perLine);
  let out = addressColumn(address, skip);
  for (let j = 0; j < first; j += chunkSize) out += (j + chunkSize <= size ? chunk(bytes, at + j, chunkSize) : '') + ' ';
  for (let pad = first; pad < perLine; pad += chunkSize) out += '  '.repeat(chunkSize) + ' ';
  out += '\t' + text;
  while (first < size) {
    out += '\n' + addressColumn(address + first, skip);
    const end = Math.min(first + perLine, size);
    for (let j = first; j < end; j += chunkSize) out += (j + chunkSize <= size ? chunk(bytes, at + j, chunkSize) : '') + ' ';
    first = end;
  }
  return out + '\n';
}
