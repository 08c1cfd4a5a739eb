// abi/sigframe.ts's offsets are Linux's rt_sigframe as a 32-bit RISC-V compiler lays it out: the structs
// are declared below from the uapi headers' field lists (asm/ucontext.h, asm/sigcontext.h, asm/ptrace.h,
// asm-generic/signal.h), and gcc itself checks every offset abi/ claims (passed in with -D), so an arithmetic
// slip in abi/ fails here. Skipped without riscv64-unknown-elf-gcc.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as frame from '../../../abi/sigframe.js';
import { F_STATE_BYTES } from '../../../machine/hart.js';
import { hasGcc } from '../progs/build.js';

const LAYOUT_C = `
#include <stddef.h>
typedef struct { unsigned long sig[2]; } k_sigset_t;
typedef struct { void *ss_sp; int ss_flags; unsigned long ss_size; } k_stack_t;
struct user_regs_struct { unsigned long pc, ra, sp, gp, tp, t0, t1, t2, s0, s1, a0, a1, a2, a3, a4, a5, a6, a7,
  s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, t3, t4, t5, t6; };
struct d_ext_state { unsigned long long f[32]; unsigned int fcsr; };
struct q_ext_state { unsigned long long f[64] __attribute__((aligned(16))); unsigned int fcsr; unsigned int reserved[3]; };
union fp_state { struct d_ext_state d; struct q_ext_state q; };
struct sigcontext { struct user_regs_struct sc_regs; union fp_state sc_fpregs; };
struct ucontext { unsigned long uc_flags; struct ucontext *uc_link; k_stack_t uc_stack; k_sigset_t uc_sigmask;
  unsigned char unused[1024 / 8 - sizeof(k_sigset_t)]; struct sigcontext uc_mcontext; };
typedef struct { int si_signo, si_errno, si_code; int rest[29]; } k_siginfo_t;
struct rt_sigframe { k_siginfo_t info; struct ucontext uc; };
#define CHECK(what, value) _Static_assert((what) == (value), #what " is not " #value)
CHECK(sizeof(k_siginfo_t), SIGINFO_BYTES);
CHECK(offsetof(k_siginfo_t, si_signo), SI_SIGNO);
CHECK(offsetof(k_siginfo_t, si_errno), SI_ERRNO);
CHECK(offsetof(k_siginfo_t, si_code), SI_CODE);
CHECK(offsetof(struct rt_sigframe, uc), UC_OFFSET);
CHECK(offsetof(struct ucontext, uc_sigmask), UC_SIGMASK);
CHECK(offsetof(struct ucontext, uc_mcontext), UC_MCONTEXT);
CHECK(offsetof(struct sigcontext, sc_regs), SC_REGS);
CHECK(offsetof(struct sigcontext, sc_regs.ra), SC_REGS + 4);
CHECK(offsetof(struct sigcontext, sc_regs.t6), SC_REGS + 4 * 31);
CHECK(offsetof(struct sigcontext, sc_fpregs), SC_FPREGS);
CHECK(offsetof(struct d_ext_state, fcsr), FP_FCSR);
CHECK(sizeof(((struct d_ext_state *)0)->f), F_STATE_BYTES);
CHECK(sizeof(union fp_state), FP_STATE_BYTES);
CHECK(sizeof(struct rt_sigframe), SIGFRAME_BYTES);
`;

describe.skipIf(!hasGcc)('the signal frame layout', () => {
  it('matches what gcc lays out for rv32 (ilp32d) from the Linux uapi field lists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pagoda-sigframe-'));
    try {
      const src = join(dir, 'layout.c');
      writeFileSync(src, LAYOUT_C);
      const defines = Object.entries({ ...frame, F_STATE_BYTES }).filter(([, v]) => typeof v === 'number').map(([k, v]) => `-D${k}=${v}`);
      expect(defines.length).toBeGreaterThan(10);
      let errors = '';
      try {
        execFileSync('riscv64-unknown-elf-gcc', ['-march=rv32imafd', '-mabi=ilp32d', '-fsyntax-only', ...defines, src], { stdio: 'pipe' });
      } catch (e) {
        errors = String((e as { stderr?: Buffer }).stderr ?? e);
      }
      expect(errors).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
