// The types an encoding prefix gives character constants and string literal elements (C11 6.4.4.4, 6.4.5),
// with gcc's choices for RISC-V ilp32 (riscv64-unknown-elf-gcc -march=rv32im -mabi=ilp32 -dM -E):
//   ''  'x' is int, "x" has char elements     L  wchar_t = int                (__WCHAR_TYPE__)
//   u8  "x" has char elements (UTF-8)           u  char16_t = unsigned short    (__CHAR16_TYPE__)
//                                               U  char32_t = unsigned long     (__CHAR32_TYPE__, as uint_least32_t)
import type { Token } from './tokenize.js';
import { Type, ty } from './types.js';

/** The prefix a character constant or string literal token is spelled with ('' for none). */
export function encodingPrefix(tok: Token): '' | 'L' | 'u' | 'U' | 'u8' {
  const c = tok.text[0];
  if (c === 'L' || c === 'U') return c;
  if (c === 'u') return tok.text[1] === '8' ? 'u8' : 'u';
  return '';
}

/** The type of a character constant: int, or the prefix's character type. */
export function charConstantType(tok: Token): Type {
  switch (encodingPrefix(tok)) {
    case 'u': return ty.ushort;
    case 'U': return ty.ulong;
    default: return ty.int; // '' and L (wchar_t is int)
  }
}

/** The element type of a string literal of this prefix. */
export function stringElementType(prefix: '' | 'L' | 'u' | 'U' | 'u8'): Type {
  switch (prefix) {
    case 'u': return ty.ushort;
    case 'U': return ty.ulong;
    case 'L': return ty.int;
    default: return ty.char;
  }
}
