// `#!` scripts, as Linux's binfmt_script reads them. An executable whose first two bytes are "#!" names its
// interpreter on that line: "#!" then optional spaces/tabs, the interpreter's path, and optionally one
// argument (everything after the next space or tab, trailing blanks trimmed, inner blanks kept). Only the
// first 256 bytes are looked at: a line that does not end there is cut at byte 255, and refused (ENOEXEC)
// when even the interpreter's path does not end before that point. The kernel then runs the interpreter with
// argv = [interpreter, argument (if any), script path as execve got it, the original argv[1..]].

import { Errno } from '../../abi/errno.js';

/** How much of a script's first line the kernel reads (BINPRM_BUF_SIZE). */
export const SCRIPT_HEADER_BYTES = 256;
/** Scripts that may name a script as their interpreter, in a chain, before execve fails with ELOOP. */
export const MAX_SCRIPT_DEPTH = 5;

/** What a `#!` line says. */
export interface ScriptLine {
  interpreter: string;
  argument: string | undefined;
}

const isBlank = (b: number): boolean => b === 0x20 || b === 0x09;
const isEnd = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0;

/** The `#!` line of `bytes`: undefined when the file is no script, -ENOEXEC when the line names no usable
 *  interpreter. */
export function readScriptLine(bytes: Uint8Array): ScriptLine | number | undefined {
  if (bytes.length < 2 || bytes[0] !== 0x23 || bytes[1] !== 0x21) return undefined;
  const buf = bytes.subarray(0, SCRIPT_HEADER_BYTES);
  // The last byte of the buffer is never part of the line (Linux keeps it for a terminating NUL).
  const bufEnd = SCRIPT_HEADER_BYTES - 1;
  let end = buf.indexOf(0x0a);
  if (end < 0) {
    if (buf.length < SCRIPT_HEADER_BYTES) {
      end = buf.length;
    } else {
      let i = 2;
      while (i < bufEnd && isBlank(buf[i])) i++;
      if (i >= bufEnd) return -Errno.ENOEXEC;
      while (i < bufEnd && !isEnd(buf[i])) i++;
      if (i >= bufEnd) return -Errno.ENOEXEC; // the interpreter's path is cut short
      end = bufEnd;
    }
  }
  while (end > 2 && isBlank(buf[end - 1])) end--;
  let i = 2;
  while (i < end && isBlank(buf[i])) i++;
  if (i >= end || buf[i] === 0) return -Errno.ENOEXEC;
  const nameStart = i;
  while (i < end && !isEnd(buf[i])) i++;
  const text = (from: number, to: number): string => new TextDecoder().decode(buf.subarray(from, to));
  const interpreter = text(nameStart, i);
  let argument: string | undefined;
  if (i < end && buf[i] !== 0) {
    while (i < end && isBlank(buf[i])) i++;
    if (i < end) {
      const nul = buf.subarray(i, end).indexOf(0);
      argument = text(i, nul < 0 ? end : i + nul);
    }
  }
  return { interpreter, argument };
}
