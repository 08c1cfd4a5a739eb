// Types for build-gcc.mjs (the gcc build of userland used by the tests).
export interface Manifest {
  comment: string;
  includeDirs: string[];
  crt0: string;
  libc: string[];
  programs: Record<string, string[]>;
  tests: Record<string, string[]>;
}
export const USERLAND: string;
export const GCC: string;
export const AR: string;
export function haveGcc(): boolean;
export function scanManifest(): Manifest;
export function readManifest(): Manifest;
export function buildLibc(outDir: string, manifest?: Manifest): { crt0: string; libc: string };
export function buildProgram(outDir: string, name: string, sources: string[], manifest?: Manifest): string;
