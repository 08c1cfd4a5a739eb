// Which CPU tier a machine gets when its builder does not say: the translator (machine/jit/), unless the
// environment variable PAGODA_JIT is "0" (tests and scripts run the whole suite on the interpreter that way);
// PAGODA_JIT=eager translates code the first time it runs instead of once it is hot (the strictest test of the
// translator: nearly every instruction then runs translated). The page passes its `?jit=0` explicitly; the CLI
// its `--no-jit`.

const tierSetting = (): string | undefined =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.PAGODA_JIT;

/** True unless PAGODA_JIT=0 is set in the host's environment (none in a browser). */
export function translatorByDefault(): boolean {
  return tierSetting() !== '0';
}

/** Interpreter visits of a frame before the translator compiles it: 1 under PAGODA_JIT=eager, else undefined. */
export function hotVisitsByDefault(): number | undefined {
  return tierSetting() === 'eager' ? 1 : undefined;
}
