// Linker diagnostics: what `link()` reports instead of throwing. The CLI prints them as
// `pagoda ld: FILE: error: MESSAGE` (or `warning:`); the C compiler driver shows them the same way.

/** One message. `file` names the input (an object, or `lib.a(member.o)`) when there is one. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly file?: string;
  readonly message: string;
}

/** Formats a diagnostic the GNU way, prefixed with the tool name: `pagoda ld: a.o: error: ...`. */
export function formatDiagnostic(d: Diagnostic, tool = 'pagoda ld'): string {
  return `${tool}: ${d.file ? d.file + ': ' : ''}${d.severity}: ${d.message}`;
}

/** Thrown internally to stop a link after a fatal error (the diagnostic is already recorded). */
export class LinkAbort extends Error {
  constructor() {
    super('link aborted');
  }
}

const MAX_ERRORS = 100;

/** Collects diagnostics in order; stops the link (LinkAbort) once too many errors pile up. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];
  private errorCount = 0;

  error(file: string | undefined, message: string): void {
    this.errorCount++;
    if (this.errorCount > MAX_ERRORS) {
      this.list.push({ severity: 'error', message: 'too many errors; stopping' });
      throw new LinkAbort();
    }
    this.list.push({ severity: 'error', file, message });
  }

  warning(file: string | undefined, message: string): void {
    this.list.push({ severity: 'warning', file, message });
  }

  /** Records an error and stops the link at once. */
  fatal(file: string | undefined, message: string): never {
    this.list.push({ severity: 'error', file, message });
    throw new LinkAbort();
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }
}
