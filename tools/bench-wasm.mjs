// `make bench-wasm`: times `analyze` of the wasm build (www/pkg/) in Node and in headless
// Chromium on the five seeds concatenated to about 1 MB, and prints MB/s next to the
// native CLI's figure on the same text. Set ENVREPORT_BENCH_MB to change the size.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { initSync, analyze } from '../www/pkg/envreport.js';

const root = new URL('..', import.meta.url).pathname;
const shared = process.env.SHARED ?? join(root, '..', 'shared');
const seedsDir = join(shared, 'seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => readFileSync(join(seedsDir, f), 'utf8'));
const target = Number(process.env.ENVREPORT_BENCH_MB ?? 1) * 1e6;
let text = '';
while (Buffer.byteLength(text) < target) text += seeds.join('\n\n') + '\n\n';
const mb = Buffer.byteLength(text) / 1e6;

initSync({ module: readFileSync(join(root, 'www/pkg/envreport_bg.wasm')) });
const time = (f, runs) => {
  const t = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    f();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { median: t[t.length >> 1], fastest: t[0] };
};
analyze(text); // warm up
const wasm = time(() => analyze(text, { offsets: 'utf16' }), 15);

// The native figure: the same text through the CLI's library, timed inside the process.
mkdirSync(join(root, 'target'), { recursive: true });
const file = join(root, 'target', 'bench-wasm-input.txt');
writeFileSync(file, text);
const native = JSON.parse(execFileSync(join(root, 'target/release/envreport'),
  ['bench', '--runs', '15', file], { encoding: 'utf8' }));

// The same in headless Chromium (the browser the page tests use), on a page of the served
// directory without the page's Content-Security-Policy.
async function inChromium() {
  const { serve } = await import('./serve.mjs');
  const { launchChromium } = await import('../tests/browser/harness.mjs');
  const server = await serve({ root: join(root, 'www') });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/example.txt`);
    return await page.evaluate(async ({ text, runs }) => {
      const m = await import('/pkg/envreport.js');
      await m.default();
      m.analyze(text);
      const t = [];
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        m.analyze(text, { offsets: 'utf16' });
        t.push(performance.now() - s);
      }
      t.sort((a, b) => a - b);
      return { median: t[t.length >> 1], fastest: t[0] };
    }, { text, runs: 15 }).then((r) => ({ ...r, version: browser.version() }));
  } finally {
    await browser.close();
    server.close();
  }
}
const chrome = await inChromium().catch((e) => ({ error: e.message.split('\n')[0] }));

const rate = (ms) => (mb / (ms / 1000)).toFixed(1);
console.log(`input: ${mb.toFixed(2)} MB (${seeds.length} seeds repeated)`);
console.log(`wasm   (Node ${process.version}): median ${wasm.median.toFixed(1)} ms = ${rate(wasm.median)} MB/s, fastest ${rate(wasm.fastest)} MB/s`);
console.log(`native (CLI, one thread):   median ${native.median_ms.toFixed(1)} ms = ${rate(native.median_ms)} MB/s, fastest ${rate(native.fastest_ms)} MB/s`);
if (chrome.error) console.log(`wasm   (Chromium): not measured (${chrome.error})`);
else console.log(`wasm   (Chromium ${chrome.version}): median ${chrome.median.toFixed(1)} ms = ${rate(chrome.median)} MB/s, fastest ${rate(chrome.fastest)} MB/s`);
console.log(`wasm / native (median): ${(native.median_ms / wasm.median).toFixed(2)} in Node${chrome.error ? '' : `, ${(native.median_ms / chrome.median).toFixed(2)} in Chromium`} (target ≥ 0.5)`);
