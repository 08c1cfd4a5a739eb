// What the toolchain commands print when a tool fails in a way its own diagnostics do not cover (an
// exception that is not the tool's error type: a bug). Users get one line naming the tool, saying it is an
// internal error, and the exception's message, and exit status 1 — never a JavaScript stack, unless they
// ask for it with PAGODA_DEBUG=1. The fuzz tests (test/fuzz) call the tools in-process and fail on such
// exceptions, so this hides nothing from them.

import type { ToolHost } from './host.js';

/** The one-line report of an internal error in `tool` (e.g. "pagoda ld"); `debug` adds the stack. */
export function formatInternalError(tool: string, e: unknown, debug = false): string {
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const line = `${tool}: internal error: ${message.split('\n')[0]} (this is a bug; PAGODA_DEBUG=1 shows where)`;
  return debug && e instanceof Error && e.stack ? `${line}\n${e.stack}` : line;
}

/** Prints the report of an internal error in `tool` on the host's stderr and returns the exit status, 1. A
 *  ToolAborted (the process running the tool was killed) is not an error of the tool: it goes on up. */
export function reportInternalError(host: ToolHost, tool: string, e: unknown): number {
  if (e instanceof ToolAborted) throw e;
  host.stderr(formatInternalError(tool, e, Boolean(host.env.PAGODA_DEBUG)) + '\n');
  return 1;
}

/** Thrown by a ToolHost's operations once the tool must stop (its process was killed): never reported. */
export class ToolAborted extends Error {}
