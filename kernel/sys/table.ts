// System call number -> handler. Numbers come from abi/syscalls.ts, the one source of truth; anything not
// listed returns -ENOSYS.

import { Errno } from '../../abi/errno.js';
import { Sys } from '../../abi/syscalls.js';
import type { Hart } from '../../machine/hart.js';
import type { SysContext, SyscallHandler } from './context.js';
import { sysClose, sysRead, sysReadv, sysWrite, sysWritev } from './io.js';
import {
  sysChdir, sysDup, sysDup3, sysFcntl64, sysGetcwd, sysGetdents64, sysIoctl, sysLlseek, sysMkdirat, sysOpenat, sysPipe2,
  sysFtruncate64, sysRenameat2, sysStatx, sysTruncate64, sysUnlinkat,
} from './fs.js';
import { sysClone, sysExecve, sysExit, sysKill, sysRtSigaction, sysRtSigprocmask, sysWait4, sysWaitid } from './process.js';
import { sysUname } from './info.js';
import { sysBrk, sysMmap2, sysMprotect, sysMunmap, sysSbrk } from './memory.js';
import { sysGetpid, sysGetppid, sysGetuid, sysSetTidAddress } from './ids.js';
import { sysClockGettime64, sysClockNanosleep64 } from './time.js';
import { sysPpollTime64 } from './poll.js';
import { sysFchmod, sysFchmodat, sysLinkat, sysUmask } from './fsmodes.js';
import { sysGetpgid, sysGetsid, sysSetpgid, sysSetsid } from './jobs.js';
import { sysHostExport } from './host.js';
import { sysTimes } from './times.js';
import { sysHeapRegister } from './heap.js';
import { sysSymbolize } from './symbolize.js';
import { sysPerfCtl } from './perf.js';

export const SYSCALLS: ReadonlyMap<number, SyscallHandler> = new Map<number, SyscallHandler>([
  [Sys.read, sysRead],
  [Sys.write, sysWrite],
  [Sys.readv, sysReadv],
  [Sys.writev, sysWritev],
  [Sys.openat, sysOpenat],
  [Sys.close, sysClose],
  [Sys.exit, sysExit],
  [Sys.exit_group, sysExit],
  [Sys.getpid, sysGetpid],
  [Sys.gettid, sysGetpid],
  [Sys.getuid, sysGetuid],
  [Sys.geteuid, sysGetuid],
  [Sys.getgid, sysGetuid],
  [Sys.getegid, sysGetuid],
  [Sys.set_tid_address, sysSetTidAddress],
  [Sys.brk, sysBrk],
  [Sys.sbrk, sysSbrk],
  [Sys.heap_register, sysHeapRegister],
  [Sys.mmap2, sysMmap2],
  [Sys.munmap, sysMunmap],
  [Sys.mprotect, sysMprotect],
  [Sys.uname, sysUname],
  [Sys.times, sysTimes],
  [Sys.clock_gettime64, sysClockGettime64],
  [Sys.clock_nanosleep_time64, sysClockNanosleep64],
  [Sys.ppoll_time64, sysPpollTime64],
  [Sys.getcwd, sysGetcwd],
  [Sys.dup, sysDup],
  [Sys.dup3, sysDup3],
  [Sys.fcntl64, sysFcntl64],
  [Sys.ioctl, sysIoctl],
  [Sys.mkdirat, sysMkdirat],
  [Sys.unlinkat, sysUnlinkat],
  [Sys.renameat2, sysRenameat2],
  [Sys.truncate64, sysTruncate64],
  [Sys.ftruncate64, sysFtruncate64],
  [Sys.chdir, sysChdir],
  [Sys.pipe2, sysPipe2],
  [Sys.getdents64, sysGetdents64],
  [Sys._llseek, sysLlseek],
  [Sys.statx, sysStatx],
  [Sys.clone, sysClone],
  [Sys.execve, sysExecve],
  [Sys.waitid, sysWaitid],
  [Sys.wait4, sysWait4],
  [Sys.kill, sysKill],
  [Sys.getppid, sysGetppid],
  [Sys.rt_sigaction, sysRtSigaction],
  [Sys.rt_sigprocmask, sysRtSigprocmask],
  [Sys.perf_ctl, sysPerfCtl],
  [Sys.setpgid, sysSetpgid],
  [Sys.fchmod, sysFchmod],
  [Sys.fchmodat, sysFchmodat],
  [Sys.linkat, sysLinkat],
  [Sys.umask, sysUmask],
  [Sys.getpgid, sysGetpgid],
  [Sys.getsid, sysGetsid],
  [Sys.setsid, sysSetsid],
  [Sys.host_export, sysHostExport],
  [Sys.symbolize, sysSymbolize],
]);

/** Runs the system call numbered `tf.a7` with arguments a0..a5; -ENOSYS for unknown numbers. */
export function dispatchSyscall(ctx: SysContext, tf: Hart): number | undefined {
  const handler = SYSCALLS.get(tf.a7);
  if (!handler) return -Errno.ENOSYS;
  return handler(ctx, tf.a0, tf.a1, tf.a2, tf.a3, tf.a4, tf.a5);
}
