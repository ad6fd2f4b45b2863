// How the page is served. The privacy promise, enforced: code run inside the analysis
// worker (which holds the text) and in the page cannot reach another origin by fetch,
// XMLHttpRequest, WebSocket or import; the server sends the policies as headers
// (frame-ancestors, referrer, nosniff), brotli or gzip; the page preloads its modules.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, start, waitForRender } from './harness.mjs';

describe('privacy', () => {
  let s;
  let foreign;
  const hits = [];
  before(async () => {
    s = await start();
    foreign = createServer((req, res) => { hits.push(`${req.method} ${req.url}`); res.writeHead(200, { 'access-control-allow-origin': '*' }).end('ok'); });
    foreign.on('upgrade', (req, socket) => { hits.push(`upgrade ${req.url}`); socket.destroy(); });
    await new Promise((ok) => foreign.listen(0, '127.0.0.1', ok));
  });
  after(async () => {
    await s.close();
    await new Promise((ok) => foreign.close(ok));
  });

  /** Every way out a script has, tried from wherever `where` evaluates; resolves to what
   * each attempt gave. */
  const tryEverything = (where, url) => where.evaluate(async (url) => {
    const out = {};
    const attempt = async (name, f) => {
      try { out[name] = `reached: ${await f()}`; } catch (e) { out[name] = `blocked: ${e?.name ?? e}`; }
    };
    await attempt('fetch', async () => (await fetch(`${url}/fetch?text=secret`)).status);
    await attempt('fetch-no-cors', async () => (await fetch(`${url}/no-cors`, { mode: 'no-cors' })).type);
    await attempt('xhr', () => new Promise((ok, fail) => {
      const x = new XMLHttpRequest();
      x.open('GET', `${url}/xhr`);
      x.onload = () => ok(x.status);
      x.onerror = () => fail(new Error('xhr error'));
      x.send();
    }));
    await attempt('websocket', () => new Promise((ok, fail) => {
      const ws = new WebSocket(url.replace('http', 'ws') + '/ws');
      ws.onopen = () => ok('open');
      ws.onerror = () => fail(new Error('ws error'));
    }));
    await attempt('import', async () => { await import(`${url}/module.js`); return 'imported'; });
    return out;
  }, url);

  test('the worker holding the text reaches no other origin, nor does the page', async () => {
    const page = await s.newPage();
    await page.goto(s.url);
    await waitForRender(page, 0);
    const worker = page.workers().find((w) => w.url().endsWith('/worker.js'));
    assert.ok(worker, 'the analysis worker is running');
    const url = `http://127.0.0.1:${foreign.address().port}`;
    const inWorker = await tryEverything(worker, url);
    const inPage = await tryEverything(page, url);
    for (const [where, got] of [['worker', inWorker], ['page', inPage]]) {
      for (const [way, result] of Object.entries(got)) assert.match(result, /^blocked/, `${where} ${way}: ${result}`);
    }
    await new Promise((ok) => setTimeout(ok, 300));
    assert.deepEqual(hits, [], 'the other origin saw no request');
    // and the analysis still works
    assert.match(await page.locator('#meta').textContent(), /青川市生态环境局/);
    await page.close();
  });

  test('the server sends the policies as headers, the worker its own', async () => {
    const head = async (path) => (await fetch(new URL(path, s.url), { headers: { 'accept-encoding': 'gzip' } })).headers;
    const page = await head('/');
    assert.match(page.get('content-security-policy'), /connect-src 'none'/);
    assert.match(page.get('content-security-policy'), /frame-ancestors 'self'/);
    assert.equal(page.get('referrer-policy'), 'no-referrer');
    assert.equal(page.get('x-content-type-options'), 'nosniff');
    assert.equal(page.get('content-encoding'), 'gzip');
    const worker = await head('/worker.js');
    assert.match(worker.get('content-security-policy'), /connect-src http:\/\/127\.0\.0\.1:\d+\/pkg\/envreport_bg\.wasm;/);
    assert.match(worker.get('content-security-policy'), /default-src 'none'/);
    const embed = await head('/embed.html');
    assert.match(embed.get('content-security-policy'), /frame-ancestors 'self'/);
  });

  test('brotli for browsers that accept it (the wasm from the .br the build writes), gzip for the others', async () => {
    const { request } = await import('node:http');
    // the bytes on the wire, not decoded
    const wire = (path, encoding) => new Promise((done, fail) => {
      request(new URL(path, s.url), { headers: { 'accept-encoding': encoding } }, (res) => {
        let n = 0;
        res.on('data', (c) => { n += c.length; });
        res.on('end', () => done({ encoding: res.headers['content-encoding'], bytes: n }));
      }).on('error', fail).end();
    });
    const br = await wire('/pkg/envreport_bg.wasm', 'gzip, deflate, br, zstd');
    const gz = await wire('/pkg/envreport_bg.wasm', 'gzip');
    assert.equal(br.encoding, 'br');
    assert.equal(gz.encoding, 'gzip');
    assert.ok(br.bytes < gz.bytes * 0.9, `brotli ${br.bytes} B, gzip ${gz.bytes} B`);
    assert.equal((await wire('/main.js', 'br')).encoding, 'br');
    console.log(`the wasm on the wire: brotli ${(br.bytes / 1024).toFixed(1)} KB, gzip ${(gz.bytes / 1024).toFixed(1)} KB`);
  });

  test('the page preloads exactly the modules main.js imports and its example', () => {
    const html = readFileSync(join(ROOT, 'www/index.html'), 'utf8');
    const main = readFileSync(join(ROOT, 'www/main.js'), 'utf8');
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]).sort();
    const imported = [...main.matchAll(/^import\s[^'"]*?from\s+'\.\/([^']+)'/gm)].map((m) => m[1]).sort();
    assert.deepEqual(preloaded, [...imported, 'pkg/example.js'].sort(), 'its imports, and the example it opens with');
  });
});
