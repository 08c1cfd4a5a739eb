// CSR names the assembler accepts in place of a number: the names objdump prints (abi/csr-names.ts), so
// whatever the disassembler prints assembles back.

import { csrNumberOfName } from '../../abi/csr-names.js';

/** The CSR number for a name such as `cycle` or `mstatus`, or undefined. */
export function csrNumber(name: string): number | undefined {
  return csrNumberOfName(name);
}
