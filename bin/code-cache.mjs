// Loads a CommonJS bundle (dist/cli-bundle/*.cjs, rollup.config.mjs) through V8's code cache: each file's
// compiled code is kept beside it (FILE.v8cache) after its first run, so later starts skip parsing and
// compiling (Node 20 has no compile cache for ES modules; this is what `pagoda run`'s start-up spends most
// on after loading). V8 checks a cache against the source's length only, so each cache starts with the
// SHA-1 of the source it was made from: a rebuilt bundle never runs stale code. A cache that does not match
// (another source, another Node, other flags) is simply rewritten; failing to write one (a read-only
// install) only costs the next start its compile time.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) {';

/** The exports of bundle `file`; its sibling chunks (`require('./x.cjs')`) load the same way. */
export function loadBundle(file) {
  const modules = new Map();
  const uncached = [];
  const load = (path) => {
    const known = modules.get(path);
    if (known) return known.exports;
    const mod = { exports: {} };
    modules.set(path, mod);
    const source = readFileSync(path, 'utf8');
    const digest = createHash('sha1').update(source).digest();
    const cachedData = cacheFor(path, digest);
    const script = new vm.Script(`${WRAPPER_HEAD}${source}\n})`, { filename: path, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) uncached.push({ path, script, digest });
    const outside = createRequire(path);
    const require = (id) => (id.startsWith('./') && id.endsWith('.cjs') ? load(join(dirname(path), id)) : outside(id));
    script.runInThisContext()(mod.exports, require, mod, path, dirname(path));
    return mod.exports;
  };
  const exports = load(file);
  return { exports, saveCodeCache: () => saveCaches(uncached) };
}

/** The code cache kept for `path` when it was made from the source whose SHA-1 is `digest`. */
function cacheFor(path, digest) {
  try {
    const file = readFileSync(path + '.v8cache');
    return file.length > digest.length && digest.equals(file.subarray(0, digest.length)) ? file.subarray(digest.length) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the code cache of every script that had none (after a run: it then covers the functions that ran). */
function saveCaches(scripts) {
  for (const { path, script, digest } of scripts.splice(0)) {
    try {
      const temp = `${path}.v8cache.${process.pid}`;
      writeFileSync(temp, Buffer.concat([digest, script.createCachedData()]));
      renameSync(temp, `${path}.v8cache`);
    } catch {
      // A read-only install: no cache, the next start compiles again.
    }
  }
}
