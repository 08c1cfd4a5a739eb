// The console as a controlling terminal (Linux's tty_jobctrl.c for the one terminal Pagoda has). The console
// belongs to one session — the first program the host starts (init) claims it — and has a foreground process
// group, which receives the signals typed at it (Ctrl-C SIGINT, Ctrl-\ SIGQUIT, Ctrl-Z SIGTSTP) and may read it.
// A process of that session outside the foreground group that reads the terminal stops its group with SIGTTIN
// (EIO when SIGTTIN is ignored or blocked, or nobody could continue the group: an orphaned group); one that
// writes with TOSTOP set gets SIGTTOU likewise (the write goes ahead when SIGTTOU is ignored or blocked), and
// so does one changing the terminal (TIOCSPGRP, TCSETS*). The ioctls: TIOCGPGRP/TIOCSPGRP (tcgetpgrp,
// tcsetpgrp), TIOCGSID, TIOCSCTTY, TIOCNOTTY. Only an interactive console (one with a line discipline) is a
// terminal: `pagoda run`'s byte-stream console answers ENOTTY, as for TCGETS.

import { Errno } from '../../abi/errno.js';
import { SA_RESTART, Signal } from '../../abi/signals.js';
import { TCSETS, TCSETSF, TCSETSW, TIOCGPGRP, TIOCGSID, TIOCNOTTY, TIOCSCTTY, TIOCSPGRP, TOSTOP } from '../../abi/termios.js';
import { ConsoleFile } from '../dev/console.js';
import type { IoctlMemory, OpenFile } from '../dev/file.js';
import type { Kernel } from '../kernel.js';
import { orphanedGroup } from '../proc/jobstop.js';
import type { Process } from '../proc/process.js';
import { blocksOrIgnores, signalGroup } from '../proc/signal.js';

/** The console's job-control state: its session (0: none) and foreground process group. */
export interface TerminalJobs {
  session: number;
  foreground: number;
}

/** What a job-control check says: go ahead, fail with -errno, or run the call again (the caller's group was
 *  sent a stop signal: the call restarts once it is continued). */
export type TtyCheck = 0 | number | 'restart';

const jobsOf = (k: Kernel): TerminalJobs => k.consoleInput.jobs;

/** True when `p`'s controlling terminal is the console. */
export function hasConsole(k: Kernel, p: Process): boolean {
  const j = jobsOf(k);
  return j.session !== 0 && p.sid === j.session && !p.detachedTty;
}

/** True while some live process belongs to session `sid`. */
function sessionLive(k: Kernel, sid: number): boolean {
  for (const p of k.processes.values()) if (p.alive && p.sid === sid) return true;
  return false;
}

/** A program the host starts (a session leader) takes the console when no live session holds it. */
export function claimConsole(k: Kernel, p: Process): void {
  const j = jobsOf(k);
  if (j.session !== 0 && j.session !== p.sid && sessionLive(k, j.session)) return;
  j.session = p.sid;
  j.foreground = p.pgid;
}

/** A signal typed at the console: to its foreground process group (init takes only what it handles). */
export function signalForeground(k: Kernel, sig: number): void {
  const j = jobsOf(k);
  if (j.session !== 0) signalGroup(k, j.foreground, sig, true);
}

/**
 * The check before `p` uses the console for `use` (Linux's __tty_check_change for writes and changes, and
 * job_control for reads): processes outside the console's session, and the foreground group, go ahead.
 */
export function checkTtyAccess(k: Kernel, p: Process, use: 'read' | 'write' | 'change'): TtyCheck {
  const j = jobsOf(k);
  const d = k.consoleInput.discipline;
  if (!d || !hasConsole(k, p) || p.pgid === j.foreground) return 0;
  if (use === 'write' && (d.termios.lflag & TOSTOP) === 0) return 0;
  const sig = use === 'read' ? Signal.SIGTTIN : Signal.SIGTTOU;
  if (blocksOrIgnores(p, sig)) return use === 'read' ? -Errno.EIO : 0;
  if (orphanedGroup(k, p.pgid)) return -Errno.EIO;
  signalGroup(k, p.pgid, sig);
  // A handler without SA_RESTART makes the call fail with EINTR once it has run (Linux's -ERESTARTSYS).
  const act = p.sigactions.get(sig);
  if (act && (act.flags & SA_RESTART) === 0) return -Errno.EINTR;
  return 'restart';
}

/** The check for a read or write of `file` by `p`: only the console is checked. */
export function checkFileAccess(k: Kernel, p: Process, file: OpenFile, use: 'read' | 'write'): TtyCheck {
  return file instanceof ConsoleFile ? checkTtyAccess(k, p, use) : 0;
}

const int32 = (n: number): Uint8Array => {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setInt32(0, n, true);
  return out;
};

/**
 * The job-control ioctls on the console, and the check TCSETS* needs: the call's result (a value or -errno),
 * 'restart' when the call is to run again after a stop, or undefined when the console's own ioctl answers.
 */
export function consoleJobIoctl(k: Kernel, p: Process, file: OpenFile, request: number, arg: number, mem: IoctlMemory): TtyCheck | undefined {
  if (!(file instanceof ConsoleFile)) return undefined;
  const j = jobsOf(k);
  const terminal = k.consoleInput.discipline !== undefined;
  switch (request) {
    case TCSETS: case TCSETSW: case TCSETSF: {
      const c = checkTtyAccess(k, p, 'change');
      return c === 0 ? undefined : c;
    }
    case TIOCGPGRP: case TIOCGSID:
      if (!terminal || !hasConsole(k, p)) return -Errno.ENOTTY;
      return mem.copyOut(arg, int32(request === TIOCGPGRP ? j.foreground : j.session));
    case TIOCSPGRP: {
      if (!terminal || !hasConsole(k, p)) return -Errno.ENOTTY;
      const raw = mem.copyIn(arg, 4);
      if (typeof raw === 'number') return raw;
      const pgid = new DataView(raw.buffer).getInt32(0, true);
      if (pgid < 0) return -Errno.EINVAL;
      const c = checkTtyAccess(k, p, 'change');
      if (c !== 0) return c;
      let exists = false;
      for (const q of k.processes.values()) {
        if (!q.alive || q.pgid !== pgid) continue;
        exists = true;
        if (q.sid === p.sid) {
          j.foreground = pgid;
          return 0;
        }
      }
      return exists ? -Errno.EPERM : -Errno.ESRCH;
    }
    case TIOCSCTTY: {
      if (!terminal) return -Errno.ENOTTY;
      if (hasConsole(k, p)) return 0;
      // Only a session leader without a terminal may take one; a terminal held by a live session only by force
      // (arg 1, which root may ask for: everyone is root here).
      if (p.sid !== p.pid) return -Errno.EPERM;
      if (j.session !== 0 && sessionLive(k, j.session) && arg !== 1) return -Errno.EPERM;
      j.session = p.sid;
      j.foreground = p.pgid;
      p.detachedTty = false;
      return 0;
    }
    case TIOCNOTTY: {
      if (!terminal || !hasConsole(k, p)) return -Errno.ENOTTY;
      if (p.sid === p.pid) {
        // The session leader gives the terminal up: its foreground group is hung up and continued.
        const fg = j.foreground;
        j.session = 0;
        j.foreground = 0;
        signalGroup(k, fg, Signal.SIGHUP);
        signalGroup(k, fg, Signal.SIGCONT);
      } else {
        p.detachedTty = true;
      }
      return 0;
    }
    default:
      return undefined;
  }
}
