// Finding the boot image on the host: $PAGODA_BOOT_IMAGE, else dist/boot.cpio (written by `npm run build`).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest directory above this file holding package.json (from cli/ or dist/cli/). */
export const PAGODA_ROOT = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

/** The path of the boot image to use, if one exists. */
export function bootImagePath(): string | undefined {
  const candidates = [process.env.PAGODA_BOOT_IMAGE, join(PAGODA_ROOT, 'dist', 'boot.cpio')];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

/** The boot image's bytes, if one exists. */
export function readBootImage(): Uint8Array | undefined {
  const path = bootImagePath();
  return path === undefined ? undefined : new Uint8Array(readFileSync(path));
}
