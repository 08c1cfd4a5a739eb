// `pagoda web [--port N]`: serves the browser page (dist/www, built by `npm run build`) on 127.0.0.1, and the
// boot image as /boot.cpio. Static files only: GET and HEAD, MIME types by extension, no directory listing,
// nothing outside the root (.. and encoded tricks are refused), and a Content-Security-Policy that keeps the
// page from reaching any other origin.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, posix, resolve, sep } from 'node:path';
import { PAGODA_ROOT, readBootImage } from './boot-image.js';

export const DEFAULT_WEB_PORT = 8080;
export const WEB_ROOT = join(PAGODA_ROOT, 'dist', 'www');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.cpio': 'application/octet-stream',
};

/** The Content-Type for a file name (application/octet-stream when unknown). */
export function mimeTypeOf(name: string): string {
  return MIME[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Same origin only; xterm.js sets inline styles on its elements. The worker's CPU translates hot guest code to
 * JS functions (machine/jit/, `new Function`), which needs 'unsafe-eval' for scripts: the narrowest source that
 * allows it ('wasm-unsafe-eval' covers WebAssembly only). The page runs with ?jit=0 without it.
 */
const CSP = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";

/**
 * The file under `root` a request path names, or an HTTP status: 400 for a malformed path, 403 for one that
 * tries to leave the root. "/" is index.html. (Whether the file exists is checked by the caller.)
 */
export function resolveRequestPath(root: string, urlPath: string): string | 400 | 403 {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return 400;
  }
  if (!path.startsWith('/') || path.includes('\0') || path.includes('\\')) return 400;
  const normal = posix.normalize(path);
  if (normal !== path.replace(/\/{2,}/g, '/') || normal.split('/').includes('..')) return 403;
  const full = resolve(root, '.' + (normal.endsWith('/') ? normal + 'index.html' : normal));
  const base = resolve(root);
  return full === base || full.startsWith(base + sep) ? full : 403;
}

export interface WebServerOptions {
  /** The directory served (default: dist/www). */
  root?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Served as /boot.cpio when the root has none (default: the host's boot image, if any). */
  bootImage?: Uint8Array;
}

export interface RunningWebServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

function reply(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}

function serve(root: string, bootImage: Uint8Array | undefined, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return reply(res, 405, 'method not allowed\n');
  }
  const file = resolveRequestPath(root, req.url ?? '/');
  if (file === 400) return reply(res, 400, 'bad request path\n');
  if (file === 403) return reply(res, 403, 'forbidden\n');
  let body: Uint8Array | undefined;
  if (existsSync(file) && statSync(file).isFile()) body = readFileSync(file);
  else if (file === resolve(root, 'boot.cpio')) body = bootImage;
  if (!body) return reply(res, 404, 'not found\n');
  res.writeHead(200, {
    'Content-Type': mimeTypeOf(file),
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': CSP,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Starts serving on 127.0.0.1; resolves once listening (rejects when the port is taken). */
export function startWebServer(opts: WebServerOptions = {}): Promise<RunningWebServer> {
  const root = opts.root ?? WEB_ROOT;
  const bootImage = opts.bootImage ?? readBootImage();
  const server = createServer((req, res) => {
    try {
      serve(root, bootImage, req, res);
    } catch (e) {
      reply(res, 500, `server error: ${(e as Error).message}\n`);
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEFAULT_WEB_PORT, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolvePromise({
        server, port, url: `http://127.0.0.1:${port}/`,
        close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}

const USAGE = 'usage: pagoda web [--port N]   (serves the page on 127.0.0.1; default port 8080, 0 picks one)\n';

/** Parses `[--port N]`; a message on bad input. */
export function parseWebArgs(argv: string[]): { port: number } | string {
  let port = DEFAULT_WEB_PORT;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port' || a.startsWith('--port=')) {
      const v = a === '--port' ? argv[++i] : a.slice(7);
      port = Number(v);
      if (v === undefined || v === '' || !Number.isInteger(port) || port < 0 || port > 65535) return `--port takes a number from 0 to 65535, got '${v ?? ''}'`;
    } else return `unknown argument '${a}'`;
  }
  return { port };
}

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const args = parseWebArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`pagoda web: ${args}\n${USAGE}`);
    return 2;
  }
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    process.stderr.write(`pagoda web: ${WEB_ROOT} has no page; run npm run build first\n`);
    return 1;
  }
  let running: RunningWebServer;
  try {
    running = await startWebServer({ port: args.port });
  } catch (e) {
    process.stderr.write(`pagoda web: cannot listen on 127.0.0.1:${args.port}: ${(e as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`pagoda web: serving ${WEB_ROOT} at ${running.url} (Ctrl-C stops)\n`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await running.close();
  return 0;
}
