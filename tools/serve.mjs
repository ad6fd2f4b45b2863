// A static file server for www/ on 127.0.0.1 with the right MIME types (application/wasm
// for .wasm, text/javascript for modules), the page's security policy as headers (the
// analysis worker with its own) and brotli or gzip. No dependencies.
//
//   node tools/serve.mjs [--port 8080] [--root www]
//
// Tests import `serve()` to get a server on a free port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.d.ts': 'text/plain; charset=utf-8',
};

/** What every response says: no sniffing of types, no referrer, a window of its own. */
const COMMON = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * The security headers of a response. A document gets the policy of its own
 * `<meta http-equiv="Content-Security-Policy">` (one definition, in the page) as a header,
 * with `frame-ancestors 'self'`, which a meta tag cannot carry. The analysis worker, which
 * holds the text, gets a policy of its own (a worker does not take its page's): scripts
 * from this site, wasm compilation, and one connection, to fetch its wasm.
 */
export function securityHeaders(path, body, origin) {
  if (path.endsWith('.html')) {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(body.toString('utf8'));
    const policy = meta ? `${meta[1]}; frame-ancestors 'self'` : "default-src 'none'; frame-ancestors 'self'";
    return { ...COMMON, 'content-security-policy': policy };
  }
  if (/(^|\/)worker\.js$/.test(path)) {
    const wasm = new URL('pkg/envreport_bg.wasm', new URL(path, origin)).href;
    return { ...COMMON, 'content-security-policy': `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src ${wasm}; base-uri 'none'` };
  }
  return { ...COMMON };
}

/** Types worth compressing: text and wasm (images are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.txt', '.svg', '.d.ts']);
const compressed = new Map(); // `${encoding} ${path}` → { mtime, body }
// brotli's best quality takes a second and a half on the wasm: a big file is served from
// the FILE.br that tools/build-wasm.sh writes beside it, or else compressed a little less
const BROTLI_BEST_UP_TO = 256 * 1024;

/** The body compressed with `encoding` (br or gzip), computed once per version of the file. */
async function compressedOf(encoding, file, mtime, body) {
  const key = `${encoding} ${file}`;
  const hit = compressed.get(key);
  if (hit && hit.mtime === mtime) return hit.body;
  let out;
  if (encoding === 'gzip') {
    out = gzipSync(body, { level: 9 });
  } else {
    const pre = await stat(`${file}.br`).catch(() => null);
    if (pre && pre.mtimeMs >= mtime) {
      out = await readFile(`${file}.br`);
    } else {
      const quality = body.length <= BROTLI_BEST_UP_TO ? 11 : 9;
      out = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
    }
  }
  compressed.set(key, { mtime, body: out });
  return out;
}

/**
 * Serves `root` on 127.0.0.1 with the security headers above, compressed with brotli or
 * gzip for clients that accept it. `headers(path)` may add or replace response headers (tests use it to send
 * another Content-Security-Policy). Resolves to the listening server.
 */
export function serve({ root = 'www', port = 0, headers = () => ({}), log = false } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      let path = decodeURIComponent(url.pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        if (log) console.log(`404 ${path}`);
        return;
      }
      let body = await readFile(file);
      const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
      const extra = securityHeaders(path, body, origin);
      const accepts = req.headers['accept-encoding'] ?? '';
      const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
      if (COMPRESSIBLE.has(extname(file)) && encoding) {
        body = await compressedOf(encoding, file, info.mtimeMs, body);
        extra['content-encoding'] = encoding;
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        vary: 'accept-encoding',
        ...extra,
        ...headers(path),
      });
      res.end(body);
      if (log) console.log(`200 ${path}`);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : def;
  };
  const port = Number(opt('--port', process.env.PORT ?? 8080));
  const root = opt('--root', 'www');
  const server = await serve({ root, port, log: args.includes('--log') });
  console.log(`envreport: serving ${root}/ on http://127.0.0.1:${server.address().port}/ (Ctrl-C stops)`);
}
