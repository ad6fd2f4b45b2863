// A static file server for www/ on 127.0.0.1 with the right MIME types (application/wasm
// for .wasm, text/javascript for modules). No dependencies.
//
//   node tools/serve.mjs [--port 8080] [--root www]
//
// Tests import `serve()` to get a server on a free port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/**
 * Serves `root` on 127.0.0.1. `headers(path)` may add response headers (tests use it to
 * send a Content-Security-Policy). Resolves to the listening server.
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
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
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
