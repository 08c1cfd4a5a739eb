// Assembler diagnostics: every error carries the file, 1-based line and 1-based column.

/** One error found while assembling. */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  message: string;
}

/**
 * Thrown inside the handling of one statement; the driver catches it, records a Diagnostic at the
 * current line and goes on with the next statement. `col` is 0-based within the line.
 */
export class AsmError extends Error {
  constructor(message: string, public readonly col: number) {
    super(message);
  }
}

/** Formats a diagnostic the way `pagoda as` prints it (without the tool prefix). */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: error: ${d.message}`;
}
