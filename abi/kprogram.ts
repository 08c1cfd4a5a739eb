// The file format of a kernel-provided program (issue 17): a file in the machine whose body is host code run
// by the kernel (the toolchain: /bin/cc, /bin/as, /bin/ld, /bin/ar, /bin/objdump). The file is a one-line
// marker naming the program; execve recognises it by its first bytes, as it recognises ELF's "\x7fELF":
//
//   "\x7fpagoda-kernel-program " NAME "\n"        (NAME: [a-z0-9_-]{1,32})
//
// `cat /bin/cc` shows the line; the kernel's table of programs (kernel/programs/table.ts) gives its body.

/** The marker's first bytes. */
export const KERNEL_PROGRAM_MAGIC = '\x7fpagoda-kernel-program ';

const NAME = /^[a-z0-9_-]{1,32}$/;

/** The marker file of program `name`. */
export function kernelProgramFile(name: string): Uint8Array {
  if (!NAME.test(name)) throw new Error(`kernelProgramFile: bad program name '${name}'`);
  return new TextEncoder().encode(`${KERNEL_PROGRAM_MAGIC}${name}\n`);
}

/** The program a marker file names; undefined when `bytes` is not a well-formed marker. */
export function kernelProgramName(bytes: Uint8Array): string | undefined {
  const magic = KERNEL_PROGRAM_MAGIC;
  if (bytes.length < magic.length + 2 || bytes.length > magic.length + 33) return undefined;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic.charCodeAt(i)) return undefined;
  if (bytes[bytes.length - 1] !== 0x0a) return undefined;
  const name = String.fromCharCode(...bytes.subarray(magic.length, bytes.length - 1));
  return NAME.test(name) ? name : undefined;
}
