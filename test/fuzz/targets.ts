// The five tools as the fuzzer drives them, in-process, through the same pure functions their CLIs call.
// A run ends in one of three verdicts:
//   ok        the tool succeeded (and what it made is itself readable by the next tool)
//   rejected  the tool refused the input with its own located diagnostic (what the CLI prints, exit 1)
//   bug       anything else: a host exception (not the tool's own error type), an "internal error"
//             diagnostic (a caught exception), an error without a location, or a run over the time limit
// The fuzz tests fail on every bug; the CLIs print bugs as one line, never as a stack (cli/*.ts).

import { ArchiveFormatError, readArchive, writeArchive } from '../../toolchain/ar.js';
import { assemble } from '../../toolchain/as/index.js';
import { compile } from '../../toolchain/cc/index.js';
import { link, type LinkInput } from '../../toolchain/ld/index.js';
import { ObjdumpError, objdumpDisassemble } from '../../toolchain/objdump.js';
import { ElfFormatError, readElf } from '../../abi/elfread.js';
import type { Corpus } from './corpus.js';

export type Tool = 'cc' | 'as' | 'ld' | 'ar' | 'objdump';
export const TOOLS: readonly Tool[] = ['cc', 'as', 'ld', 'ar', 'objdump'];

/** How ld sees a fuzzed binary: alone, after a valid object, as an archive member, or in a group. */
export type LinkShape = 'alone' | 'after-valid' | 'archive-member' | 'group';

/** One input: text for cc/as, bytes for the binary tools. `how` says how it was made (for reports). */
export interface FuzzInput {
  readonly tool: Tool;
  readonly how: string;
  readonly text?: string;
  readonly bytes?: Uint8Array;
  /** cc: -O level. */
  readonly opt?: number;
  readonly shape?: LinkShape;
}

export type Verdict = { readonly kind: 'ok' | 'rejected' } | { readonly kind: 'bug'; readonly message: string };

const OK: Verdict = { kind: 'ok' };
const REJECTED: Verdict = { kind: 'rejected' };

function bug(message: string): Verdict {
  return { kind: 'bug', message };
}

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}\n${(e.stack ?? '').split('\n').slice(1, 8).join('\n')}`;
  return String(e);
}

/** Outputs larger than this are only read, not disassembled (1 MiB of code prints 20 MiB of text). */
const DISASSEMBLE_LIMIT = 256 << 10;

/** The objdump of a file one of our tools just produced: any failure to read it is the producer's bug. */
function checkReadable(what: string, bytes: Uint8Array): Verdict {
  try {
    if (bytes.length <= DISASSEMBLE_LIMIT) objdumpDisassemble('out', bytes);
    else readElf(bytes);
    return OK;
  } catch (e) {
    return bug(`${what} made a file objdump cannot read: ${describe(e)}`);
  }
}

function runCc(input: FuzzInput, corpus: Corpus): Verdict {
  const text = input.text ?? '';
  const r = compile(text, 'fuzz.c', {
    systemIncludeDirs: [...corpus.systemIncludeDirs],
    // The unit can include itself ("fuzz.c" is its own name), and the real system headers.
    readFile: (path) => (path === 'fuzz.c' ? text : corpus.readSystemFile(path)),
    opt: input.opt ?? 0,
  });
  for (const d of r.diagnostics) {
    if (/internal compiler error/.test(d.message)) return bug(`cc: ${d.message} at ${d.fileName}:${d.line}:${d.col}`);
    if (d.severity === 'error' && (d.fileName === '' || d.line < 0)) return bug(`cc: error without a location: ${d.message}`);
  }
  if (!r.ok) return REJECTED;
  const obj = assemble(r.asm, 'fuzz.s');
  if (!obj.object) return bug(`cc: output rejected by the assembler: ${obj.diagnostics.slice(0, 3).map((d) => `${d.line}: ${d.message}`).join('; ')}`);
  return checkReadable('cc+as', obj.object);
}

function runAs(input: FuzzInput): Verdict {
  const r = assemble(input.text ?? '', 'fuzz.s', { march: 'rv32imafd' });
  for (const d of r.diagnostics) {
    if (/internal assembler error/.test(d.message)) return bug(`as: ${d.message} at line ${d.line}`);
    if (!(d.line >= 1)) return bug(`as: error without a line: ${d.message}`);
  }
  if (!r.object) return REJECTED;
  return checkReadable('as', r.object);
}

/** A valid object defining _start and a few symbols, to link the fuzzed input against. */
function runLd(input: FuzzInput, corpus: Corpus): Verdict {
  const fuzzed: LinkInput = { name: 'fuzz.o', bytes: input.bytes ?? new Uint8Array() };
  const valid: LinkInput = { name: 'valid.o', bytes: corpus.objects[0] };
  let inputs: (LinkInput | { group: LinkInput[] })[];
  switch (input.shape ?? 'alone') {
    case 'alone':
      inputs = [fuzzed];
      break;
    case 'after-valid':
      inputs = [valid, fuzzed];
      break;
    case 'archive-member':
      inputs = [valid, { name: 'libfuzz.a', bytes: writeArchive([{ name: 'fuzz.o', bytes: fuzzed.bytes }], true) }];
      break;
    case 'group':
      inputs = [valid, { group: [fuzzed, { name: 'lib.a', bytes: corpus.archives[0] }] }];
  }
  let r;
  try {
    r = link(inputs);
  } catch (e) {
    return bug(`ld threw: ${describe(e)}`);
  }
  if (!r.executable) {
    if (!r.diagnostics.some((d) => d.severity === 'error')) return bug('ld: no executable and no error');
    return REJECTED;
  }
  return checkReadable('ld', r.executable);
}

function runAr(input: FuzzInput): Verdict {
  const bytes = input.bytes ?? new Uint8Array();
  try {
    // `ar r lib.a fuzz.o`: the member's symbols are read for the index.
    writeArchive([{ name: 'fuzz.o', bytes }], true);
  } catch (e) {
    return bug(`ar: indexing a member threw: ${describe(e)}`);
  }
  let members;
  try {
    members = readArchive(bytes).members;
  } catch (e) {
    if (e instanceof ArchiveFormatError) return REJECTED;
    return bug(`ar: reading threw: ${describe(e)}`);
  }
  try {
    // `ar t`/`ar x` print names and write members; `ar r` on it rewrites the whole archive.
    const again = readArchive(writeArchive(members.map((m) => ({ name: m.name, bytes: m.bytes })), true));
    if (again.members.length !== members.length) return bug('ar: rewriting the archive changed its member count');
  } catch (e) {
    return bug(`ar: rewriting a read archive threw: ${describe(e)}`);
  }
  return OK;
}

function runObjdump(input: FuzzInput): Verdict {
  try {
    objdumpDisassemble('fuzz', input.bytes ?? new Uint8Array());
    return OK;
  } catch (e) {
    if (e instanceof ElfFormatError || e instanceof ObjdumpError) return REJECTED;
    return bug(`objdump threw: ${describe(e)}`);
  }
}

/** Runs `input` through its tool and judges the outcome; `limitMs` turns a slow run into a bug. */
export function runTool(input: FuzzInput, corpus: Corpus, limitMs = Infinity): Verdict {
  const start = performance.now();
  let v: Verdict;
  try {
    switch (input.tool) {
      case 'cc': v = runCc(input, corpus); break;
      case 'as': v = runAs(input); break;
      case 'ld': v = runLd(input, corpus); break;
      case 'ar': v = runAr(input); break;
      case 'objdump': v = runObjdump(input); break;
    }
  } catch (e) {
    v = bug(`${input.tool} threw: ${describe(e)}`);
  }
  const ms = performance.now() - start;
  if (v.kind !== 'bug' && ms > limitMs) return bug(`${input.tool} took ${Math.round(ms)} ms (limit ${limitMs} ms)`);
  return v;
}
