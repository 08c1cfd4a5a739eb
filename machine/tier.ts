// Which CPU tier a machine gets when its builder does not say: the translator (machine/jit/), unless the
// environment variable PAGODA_JIT is "0" (tests and scripts run the whole suite on the interpreter that way).
// The page passes its `?jit=0` explicitly; the CLI its `--no-jit`.

/** True unless PAGODA_JIT=0 is set in the host's environment (none in a browser). */
export function translatorByDefault(): boolean {
  const host = globalThis as { process?: { env?: Record<string, string | undefined> } };
  return host.process?.env?.PAGODA_JIT !== '0';
}
