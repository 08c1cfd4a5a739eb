// `pagoda web`'s static server: MIME types, index.html for /, the boot image, refusals (traversal, methods),
// and the same-origin Content-Security-Policy.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mimeTypeOf, parseWebArgs, resolveRequestPath, startWebServer, type RunningWebServer } from '../../cli/web.js';

/** A raw request (the path is sent exactly as given, unlike fetch, which normalizes dot segments). */
function get(port: number, path: string, method = 'GET'): Promise<{ status: number; type: string; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the web server', () => {
  let root: string;
  let outside: string;
  let server: RunningWebServer;

  beforeAll(async () => {
    const base = mkdtempSync(join(tmpdir(), 'pagoda-web-'));
    root = join(base, 'www');
    outside = join(base, 'secret.txt');
    mkdirSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(root, 'app.js'), 'export {};');
    writeFileSync(join(root, 'style.css'), 'body{}');
    writeFileSync(join(root, 'sub', 'data.bin'), 'xyz');
    writeFileSync(outside, 'secret');
    server = await startWebServer({ root, port: 0, bootImage: new Uint8Array([0x30, 0x37, 0x30, 0x37]) });
  });

  afterAll(async () => {
    await server.close();
    rmSync(join(root, '..'), { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 on the port it picked', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves / as index.html, and files with their MIME types', async () => {
    expect(await get(server.port, '/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>t</title>' });
    expect((await get(server.port, '/app.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await get(server.port, '/style.css')).type).toBe('text/css; charset=utf-8');
    expect((await get(server.port, '/sub/data.bin')).type).toBe('application/octet-stream');
  });

  it('serves the boot image as /boot.cpio when the root has none', async () => {
    expect(await get(server.port, '/boot.cpio')).toMatchObject({ status: 200, type: 'application/octet-stream', body: '0707' });
  });

  it('sends a same-origin Content-Security-Policy and nosniff', async () => {
    const r = await get(server.port, '/');
    expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers HEAD without a body and refuses other methods with 405', async () => {
    expect(await get(server.port, '/app.js', 'HEAD')).toMatchObject({ status: 200, body: '' });
    const post = await get(server.port, '/app.js', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('refuses to leave the root, however the path is spelled', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/sub/..%2f..%2fsecret.txt', '/sub/../../secret.txt', '/..%5csecret.txt']) {
      const r = await get(server.port, path);
      expect([400, 403], path).toContain(r.status);
      expect(r.body).not.toContain('secret');
    }
  });

  it('answers 404 for what is not there, including directories, and 400 for a malformed path', async () => {
    expect((await get(server.port, '/nope.js')).status).toBe(404);
    expect((await get(server.port, '/sub')).status).toBe(404);
    expect((await get(server.port, '/%E0%A4%A')).status).toBe(400);
    expect((await get(server.port, '/a%00b')).status).toBe(400);
  });
});

describe('resolveRequestPath and friends', () => {
  it('maps paths under the root and refuses the rest', () => {
    expect(resolveRequestPath('/srv/www', '/a/b.js?x=1')).toBe('/srv/www/a/b.js');
    expect(resolveRequestPath('/srv/www', '/sub/')).toBe('/srv/www/sub/index.html');
    expect(resolveRequestPath('/srv/www', '/a/../b')).toBe(403);
    expect(resolveRequestPath('/srv/www', 'relative')).toBe(400);
  });

  it('knows the page\'s MIME types and falls back to octet-stream', () => {
    expect(mimeTypeOf('x.HTML')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('x.wasm')).toBe('application/wasm');
    expect(mimeTypeOf('README')).toBe('application/octet-stream');
  });

  it('parses --port and refuses a bad one precisely', () => {
    expect(parseWebArgs([])).toEqual({ port: 8080 });
    expect(parseWebArgs(['--port', '0'])).toEqual({ port: 0 });
    expect(parseWebArgs(['--port=9000'])).toEqual({ port: 9000 });
    expect(parseWebArgs(['--port', '70000'])).toBe("--port takes a number from 0 to 65535, got '70000'");
    expect(parseWebArgs(['--port'])).toBe("--port takes a number from 0 to 65535, got ''");
    expect(parseWebArgs(['-x'])).toBe("unknown argument '-x'");
  });
});

const ROOT = join(__dirname, '..', '..');
const builtPage = existsSync(join(ROOT, 'dist', 'cli', 'web.js')) && existsSync(join(ROOT, 'dist', 'www', 'index.html'));
if (!builtPage) console.warn('dist/www or dist/cli/web.js not built (npm run build): skipping the pagoda web command test');

describe.skipIf(!builtPage)('pagoda web', () => {
  it('serves the built page on 127.0.0.1 and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'pagoda.mjs'), 'web', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`pagoda web exited with ${code}: ${out}`)));
    });
    const port = Number(new URL(url).port);
    const page = await get(port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script type="module" src="app.js"></script>');
    expect((await get(port, '/worker.js')).type).toBe('text/javascript; charset=utf-8');
    const code = await new Promise<number | null>((resolve) => { child.on('exit', resolve); child.kill('SIGTERM'); });
    expect(code).toBe(0);
  });

  it('refuses a bad port with a usage message and status 2', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'pagoda.mjs'), 'web', '--port', 'x'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toContain("pagoda web: --port takes a number from 0 to 65535, got 'x'");
  });
});
