// Mutators for the toolchain fuzzer: small random edits of valid inputs. Binary ones for ELF objects,
// executables and archives (bit flips, interesting words in header and table fields, truncation, splicing);
// text ones for C and assembly (token shuffles, deletions, duplications, dictionary insertions, truncation).
// Each takes the generator and returns a new value; the input is never modified.

import type { Prng } from './prng.js';

/** Values at the edges of the readers' arithmetic: zero, sign bits, all ones, just past small sizes. */
const INTERESTING32 = [0, 1, 2, 3, 4, 7, 8, 16, 0x28, 0x34, 0x7f, 0x80, 0xff, 0x100, 0xffff, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];
const INTERESTING8 = [0, 1, 0x7f, 0x80, 0xff, 0x20, 0x0a, 0x60];

function readU32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function writeU32(b: Uint8Array, at: number, v: number): void {
  if (at < 0 || at + 4 > b.length) return;
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
  b[at + 2] = (v >>> 16) & 0xff;
  b[at + 3] = (v >>> 24) & 0xff;
}

/** Offsets of 32-bit fields worth hitting in an ELF32 file: the header's, and each section/program header's. */
function elfFieldOffsets(b: Uint8Array): number[] {
  if (b.length < 52 || b[0] !== 0x7f || b[1] !== 0x45 || b[2] !== 0x4c || b[3] !== 0x46) return [];
  const fields = [16, 18, 20, 24, 28, 32, 36, 40, 44, 46, 48, 50];
  const shoff = readU32(b, 32);
  const shnum = b[48] | (b[49] << 8);
  for (let i = 0; i < shnum && shoff + (i + 1) * 40 <= b.length; i++) for (let f = 0; f < 40; f += 4) fields.push(shoff + i * 40 + f);
  const phoff = readU32(b, 28);
  const phnum = b[44] | (b[45] << 8);
  for (let i = 0; i < phnum && phoff + (i + 1) * 32 <= b.length; i++) for (let f = 0; f < 32; f += 4) fields.push(phoff + i * 32 + f);
  return fields;
}

/** Offsets of an ar archive's member header fields (name, size, terminator). */
function archiveFieldOffsets(b: Uint8Array): number[] {
  const out: number[] = [];
  let pos = 8;
  while (pos + 60 <= b.length && out.length < 400) {
    out.push(pos, pos + 16, pos + 48, pos + 52, pos + 58);
    let size = 0;
    for (let i = 48; i < 58; i++) {
      const c = b[pos + i];
      if (c < 0x30 || c > 0x39) break;
      size = size * 10 + (c - 0x30);
    }
    pos += 60 + size + (size & 1);
  }
  return out;
}

/** One random edit of binary input `src`; `others` are other valid inputs to splice from. */
export function mutateBytes(rng: Prng, src: Uint8Array, others: readonly Uint8Array[]): Uint8Array {
  let b = src.slice();
  const edits = rng.smallSize(8);
  for (let e = 0; e < edits; e++) {
    switch (rng.below(9)) {
      case 0: // bit flips
        if (b.length) for (let k = rng.smallSize(8); k > 0; k--) b[rng.below(b.length)] ^= 1 << rng.below(8);
        break;
      case 1: // interesting bytes
        if (b.length) for (let k = rng.smallSize(4); k > 0; k--) b[rng.below(b.length)] = rng.pick(INTERESTING8);
        break;
      case 2: // an interesting word anywhere
        writeU32(b, rng.below(Math.max(1, b.length - 3)) & ~(rng.chance(0.7) ? 3 : 0), rng.pick(INTERESTING32));
        break;
      case 3:
      case 4: { // an ELF header or table field, set to an interesting value or nudged
        const fields = elfFieldOffsets(b);
        if (fields.length === 0) break;
        const at = rng.pick(fields);
        writeU32(b, at, rng.chance(0.5) ? rng.pick(INTERESTING32) : (readU32(b, at) + rng.range(-64, 64)) >>> 0);
        break;
      }
      case 5: { // an archive member header field
        const fields = archiveFieldOffsets(b);
        if (fields.length === 0) break;
        const at = rng.pick(fields);
        const text = rng.pick(['0', '-1', '4294967296', '99999999', ' ', '/', '//', '/999', '#1/20', '#1/-5', '`\n', String(rng.below(100000))]);
        for (let i = 0; i < text.length && at + i < b.length; i++) b[at + i] = text.charCodeAt(i);
        break;
      }
      case 6: // truncation
        b = b.slice(0, rng.below(b.length + 1));
        break;
      case 7: { // splice a chunk of another input in
        const other = others.length ? rng.pick(others) : b;
        if (other.length === 0 || b.length === 0) break;
        const from = rng.below(other.length);
        const len = Math.min(rng.smallSize(256), other.length - from);
        const to = rng.below(b.length);
        b.set(other.subarray(from, from + Math.min(len, b.length - to)), to);
        break;
      }
      default: { // insert or delete a run of bytes
        const at = rng.below(b.length + 1);
        if (rng.chance(0.5)) {
          const ins = new Uint8Array(rng.smallSize(64));
          for (let i = 0; i < ins.length; i++) ins[i] = rng.below(256);
          const nb = new Uint8Array(b.length + ins.length);
          nb.set(b.subarray(0, at));
          nb.set(ins, at);
          nb.set(b.subarray(at), at + ins.length);
          b = nb;
        } else {
          const len = rng.smallSize(64);
          const nb = new Uint8Array(Math.max(0, b.length - len));
          nb.set(b.subarray(0, at).subarray(0, nb.length));
          if (at + len < b.length) nb.set(b.subarray(at + len), at);
          b = nb;
        }
      }
    }
  }
  return b;
}

/** Random bytes of a random (skewed small) length; sometimes behind a valid magic, to get past the first check. */
export function randomBytes(rng: Prng): Uint8Array {
  const b = new Uint8Array(rng.smallSize(4096) - 1);
  for (let i = 0; i < b.length; i++) b[i] = rng.below(256);
  const magic = rng.pick(['', '\x7fELF\x01\x01\x01', '!<arch>\n', '!<thin>\n']);
  for (let i = 0; i < magic.length && i < b.length; i++) b[i] = magic.charCodeAt(i);
  return b;
}

/** Splits text into tokens a mutation can move: words, numbers, runs of space, single other characters. */
export function textTokens(text: string): string[] {
  return text.match(/[A-Za-z_.$][\w.$]*|0[xX][0-9a-fA-F]+|\d+|\s+|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[^]/g) ?? [];
}

/** Words that matter to the C compiler and the assembler; inserted at random to reach rarer paths. */
export const C_DICTIONARY = [
  'int', 'char', 'long', 'long long', 'unsigned', 'short', 'void', 'struct', 'union', 'enum', 'typedef', 'static', 'extern',
  'const', 'volatile', 'register', 'inline', '_Bool', 'signed', 'sizeof', '_Alignof', '_Alignas', '_Static_assert',
  '_Generic', 'typeof', '__attribute__((packed))', '__attribute__((aligned(8)))', 'if', 'else', 'while', 'do', 'for',
  'switch', 'case', 'default', 'break', 'continue', 'return', 'goto', '{', '}', '(', ')', '[', ']', ';', ',', '...',
  '*', '&', '+', '-', '/', '%', '<<', '>>', '==', '!=', '<', '>', '=', '+=', '<<=', '?', ':', '->', '.', '++', '--',
  '!', '~', '&&', '||', '#', '##', '\n#define X(a, ...) a ## __VA_ARGS__\n', '\n#if 1\n', '\n#endif\n', '\n#else\n',
  '\n#include "fuzz.c"\n', '\n#include <stdio.h>\n', '\n#undef X\n', '\n#line 0\n', '\n#pragma pack(1)\n', '__VA_ARGS__',
  '__LINE__', '__FILE__', '0x7fffffff', '0xffffffffffffffffffff', '2147483648', '-1', '0', "'\\0'", "'ab'", '"s"', '"\\x"',
  '1e10', '1.5', '08', "L'x'", 'u8"x"', '({', '})', '__builtin_va_arg', 'asm("nop")', '[[', ']]', '\\\n', '/*', '*/', '//',
];

export const ASM_DICTIONARY = [
  'addi', 'lw', 'sw', 'lui', 'auipc', 'jal', 'jalr', 'beq', 'bnez', 'call', 'tail', 'la', 'li', 'csrrw', 'fence', 'ecall',
  'lr.w', 'sc.w', 'amoadd.w.aqrl', 'flw', 'fadd.d', 'fcvt.w.s', 'fmv.x.w', 'mul', 'div', 'a0', 'zero', 'sp', 'ft0', 'fa0',
  'x31', 'x32', 'rtz', '0(', ')', '(', ',', ':', '\n', '.text', '.data', '.bss', '.section', '.globl', '.local', '.weak',
  '.word', '.half', '.byte', '.dword', '.quad', '.string', '.asciz', '.ascii', '.zero', '.space', '.align', '.p2align',
  '.balign', '.rept', '.endr', '.irp', '.endm', '.macro', '.equ', '.set', '.size', '.type', '.comm', '.lcomm', '.option',
  '.attribute', '.org', '.float', '.double', '.uleb128', '.sleb128', '.file', '.loc', '.ident', '%hi(', '%lo(',
  '%pcrel_hi(', '%pcrel_lo(', '1b', '1f', '.', '-', '+', '*', '<<', '>>', '0x7fffffff', '0xffffffff', '-2147483649',
  '99999999999999999999', '"', '\\', '#', '/*', '*/', 'rv32imafd', 'arch', 'push', 'pop', 'norelax',
];

/** One random edit of source text: token-level edits mostly, some character-level ones. */
export function mutateText(rng: Prng, src: string, dictionary: readonly string[], others: readonly string[]): string {
  let toks = textTokens(src);
  const edits = rng.smallSize(8);
  for (let e = 0; e < edits; e++) {
    const n = toks.length;
    const at = rng.below(n + 1);
    switch (rng.below(9)) {
      case 0: { // shuffle a window of tokens
        const len = Math.min(rng.smallSize(32), n - at);
        const w = toks.slice(at, at + len);
        for (let i = w.length - 1; i > 0; i--) {
          const j = rng.below(i + 1);
          [w[i], w[j]] = [w[j], w[i]];
        }
        toks.splice(at, len, ...w);
        break;
      }
      case 1: // delete tokens
        toks.splice(at, rng.smallSize(16));
        break;
      case 2: { // duplicate a run of tokens elsewhere
        const len = Math.min(rng.smallSize(32), n - at);
        toks.splice(rng.below(n + 1), 0, ...toks.slice(at, at + len));
        break;
      }
      case 3:
      case 4: // dictionary insertion, with the spaces the words need
        toks.splice(at, 0, ' ', rng.pick(dictionary), ' ');
        break;
      case 5: // replace a token by a dictionary word
        if (n) toks[rng.below(n)] = rng.pick(dictionary);
        break;
      case 6: { // a run of tokens from another source
        const other = textTokens(others.length ? rng.pick(others) : src);
        const from = rng.below(other.length + 1);
        toks.splice(at, 0, ...other.slice(from, from + rng.smallSize(48)));
        break;
      }
      case 7: // truncation
        toks = toks.slice(0, at);
        break;
      default: { // raw characters: control bytes, quotes, backslashes, non-ASCII
        const ch = rng.pick(['\0', '\\', '"', "'", '\r', '\t', '\f', '\x7f', 'é', '\u2028', '\ud800', '@', '`', '$', '\n']);
        toks.splice(at, 0, ch.repeat(rng.smallSize(3)));
      }
    }
  }
  return toks.join('');
}
