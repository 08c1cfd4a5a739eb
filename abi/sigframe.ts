// The signal frame a handler runs on: Linux's RISC-V `struct rt_sigframe` as a 32-bit process sees it
// (arch/riscv/kernel/signal.c; uapi asm/ucontext.h, asm/sigcontext.h, asm/ptrace.h), byte offsets from the
// frame's start. A handler declared with SA_SIGINFO finds siginfo at a1 and the ucontext at a2, as on Linux.
// This file imports nothing.
//
//   0    siginfo_t info                      128 bytes; si_signo, si_errno, si_code first
//   128  struct ucontext uc
//          +0   uc_flags, +4 uc_link, +8 uc_stack (ss_sp, ss_flags, ss_size)
//          +20  uc_sigmask                   64 bits (2 words)
//          +28  padding to 1024 bits of mask, then to the 16-byte alignment of uc_mcontext
//          +160 uc_mcontext = struct sigcontext
//                 +0   sc_regs               pc, then x1..x31 (user_regs_struct), 32 words
//                 +128 sc_fpregs             union __riscv_fp_state, 528 bytes (its q form)
//                        +0   f[32]          64 bits each (__riscv_d_ext_state)
//                        +256 fcsr
//   944  end (16-byte aligned)

/** siginfo_t: its size and the fields the kernel fills. */
export const SIGINFO_BYTES = 128;
export const SI_SIGNO = 0;
export const SI_ERRNO = 4;
export const SI_CODE = 8;
/** si_code of a signal sent by kill(). */
export const SI_USER = 0;

/** The ucontext, from the frame's start. */
export const UC_OFFSET = SIGINFO_BYTES;
/** uc_sigmask, from the ucontext's start. */
export const UC_SIGMASK = 20;
/** uc_mcontext (struct sigcontext), from the ucontext's start. */
export const UC_MCONTEXT = 160;
/** sc_regs: pc at word 0, x_r at word r (r = 1..31), from the sigcontext's start. */
export const SC_REGS = 0;
/** sc_fpregs: f0..f31 (8 bytes each, little-endian) then fcsr, from the sigcontext's start. */
export const SC_FPREGS = 128;
/** fcsr, from sc_fpregs. */
export const FP_FCSR = 256;
/** sizeof(union __riscv_fp_state): the q-extension form, 64 x 64 bits + fcsr + 3 reserved words. */
export const FP_STATE_BYTES = 528;

/** sizeof(struct rt_sigframe) on rv32. */
export const SIGFRAME_BYTES = UC_OFFSET + UC_MCONTEXT + SC_FPREGS + FP_STATE_BYTES;
