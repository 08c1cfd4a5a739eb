// Test helpers for the linker and archiver: GNU tools (when installed) to build inputs and references,
// qemu-riscv32 to run executables, and shortcuts around our own link().

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findSection, findSymbolTable, readElf, readSymbols, sectionBytes } from '../../abi/elfread.js';
import { formatDiagnostic, link, type LinkGroup, type LinkInput, type LinkOptions } from '../../toolchain/ld/index.js';

export const GAS = '/usr/bin/riscv64-unknown-elf-as';
export const GCC = '/usr/bin/riscv64-unknown-elf-gcc';
export const GLD = '/usr/bin/riscv64-unknown-elf-ld';
export const READELF = '/usr/bin/riscv64-unknown-elf-readelf';
export const QEMU = '/usr/bin/qemu-riscv32';

export const hasGas = existsSync(GAS);
export const hasGcc = existsSync(GCC);
export const hasGld = existsSync(GLD);
export const hasReadelf = existsSync(READELF);
export const hasQemu = existsSync(QEMU);

/** Prints the visible notice for a skipped group. */
export function noteMissing(what: string, ok: boolean): void {
  if (!ok) console.warn(`skipping ${what}: tool not installed`);
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'pagoda-ld-'));
}

/** Assembles `source` with GNU as (rv32ima_zicsr, ilp32, no relaxation) and returns the object bytes. */
export function gas(dir: string, name: string, source: string, extra: string[] = []): Uint8Array {
  const src = join(dir, name + '.s');
  const obj = join(dir, name + '.o');
  writeFileSync(src, source);
  execFileSync(GAS, ['-march=rv32ima_zicsr', '-mabi=ilp32', '-mno-relax', ...extra, '-o', obj, src]);
  return new Uint8Array(readFileSync(obj));
}

/** Compiles C `source` with gcc -O2 -mno-relax for rv32im/ilp32 and returns the object bytes. */
export function gccObject(dir: string, name: string, source: string, extra: string[] = []): Uint8Array {
  const src = join(dir, name + '.c');
  const obj = join(dir, name + '.o');
  writeFileSync(src, source);
  execFileSync(GCC, ['-march=rv32im', '-mabi=ilp32', '-mno-relax', '-O2', '-ffreestanding', ...extra, '-c', '-o', obj, src]);
  return new Uint8Array(readFileSync(obj));
}

/** Links with our linker; fails the test with the diagnostics when no executable comes out. */
export function linkOk(inputs: (LinkInput | LinkGroup)[], options: LinkOptions = {}): Uint8Array {
  const r = link(inputs, options);
  if (!r.executable) throw new Error('link failed:\n' + r.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
  return r.executable;
}

/** Error and warning lines our linker reports for `inputs` (formatted as the CLI prints them). */
export function linkMessages(inputs: LinkInput[], options: LinkOptions = {}): string[] {
  return link(inputs, options).diagnostics.map((d) => formatDiagnostic(d));
}

/** A linker script that gives GNU ld exactly our layout, so section contents can be compared byte for byte. */
export const SAME_LAYOUT_SCRIPT = `
ENTRY(_start)
SECTIONS {
  . = 0x10000;
  .text : { *(.text .text.*) }
  . = ALIGN(0x1000);
  .rodata : { *(.rodata .rodata.* .srodata .srodata.*) }
  . = ALIGN(0x1000);
  __gp_base = .;
  .preinit_array : { *(.preinit_array) }
  .init_array : { *(SORT_BY_INIT_PRIORITY(.init_array.*)) *(.init_array) }
  .fini_array : { *(SORT_BY_INIT_PRIORITY(.fini_array.*)) *(.fini_array) }
  .data : { *(.data .data.*) }
  .sdata : { *(.sdata .sdata.*) }
  .sbss : { *(.sbss .sbss.*) }
  .bss : { *(.bss .bss.*) *(COMMON) }
  __global_pointer$ = (SIZEOF(.sdata) > 0 ? ADDR(.sdata) : __gp_base) + 0x800;
  /DISCARD/ : { *(.eh_frame) *(.comment) *(.note.GNU-stack) }
}
`;

/** Links object files with GNU ld (optionally with SAME_LAYOUT_SCRIPT) into `out`; returns its bytes. */
export function gnuLink(dir: string, out: string, files: string[], sameLayout: boolean, extra: string[] = []): Uint8Array {
  const args = ['-m', 'elf32lriscv', '--no-relax', '-o', join(dir, out)];
  if (sameLayout) {
    writeFileSync(join(dir, 'same.ld'), SAME_LAYOUT_SCRIPT);
    args.push('-T', join(dir, 'same.ld'));
  }
  execFileSync(GLD, [...args, ...files, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Uint8Array(readFileSync(join(dir, out)));
}

/** Contents of a named section of an ELF file. */
export function sectionOf(bytes: Uint8Array, name: string): Uint8Array {
  const elf = readElf(bytes);
  const s = findSection(elf, name);
  if (!s) throw new Error(`no section ${name}`);
  return sectionBytes(elf, s);
}

/** Address of a named symbol in an executable (first match). */
export function symbolAddress(bytes: Uint8Array, name: string): number {
  const elf = readElf(bytes);
  const s = readSymbols(elf, findSymbolTable(elf)!).find((x) => x.name === name);
  if (!s) throw new Error(`no symbol ${name}`);
  return s.value;
}

/** Writes an executable and runs it under qemu-riscv32: stdout text and exit status. */
export function runQemu(dir: string, name: string, exe: Uint8Array, args: string[] = []): { stdout: string; status: number } {
  const path = join(dir, name);
  writeFileSync(path, exe, { mode: 0o755 });
  const r = spawnSync(QEMU, [path, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { stdout: r.stdout, status: r.status ?? -1 };
}

/** Runs readelf -a on an executable; returns its stderr (warnings) and stdout. */
export function readelfAll(dir: string, name: string, exe: Uint8Array): { stdout: string; stderr: string } {
  const path = join(dir, name);
  writeFileSync(path, exe);
  const r = spawnSync(READELF, ['-a', '-W', path], { encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr };
}

/** Hand-written Linux syscall stubs and a _start that calls main and exits with its result. */
export const START_AND_SYSCALLS = `
  .text
  .globl _start
_start:
  lui gp, %hi(__global_pointer$)
  addi gp, gp, %lo(__global_pointer$)
  lw a0, 0(sp)
  addi a1, sp, 4
  call main
  li a7, 93
  ecall
  .globl sys_write
sys_write:
  li a7, 64
  ecall
  ret
  .globl sys_exit
sys_exit:
  li a7, 93
  ecall
`;
