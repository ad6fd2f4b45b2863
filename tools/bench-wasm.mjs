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
mkdirSync(join(root, 'target'), { recursive: true });
const file = join(root, 'target', 'bench-wasm-input.txt');
writeFileSync(file, text);

const summary = (t) => {
  t.sort((a, b) => a - b);
  return { median: t[t.length >> 1], fastest: t[0] };
};
const timeRuns = (f, runs) => {
  const t = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    f();
    t.push(performance.now() - s);
  }
  return t;
};

// Reports one at a time, as the page analyzes them: the seeds (6–26 KB) and the real
// texts of ../shared/real (1–9 KB). Each engine times every report PER_REPORT times; the
// figure is the sum over a set of each report's median.
const realDir = join(shared, 'real', 'docs');
const sets = {
  seeds: seeds,
  real: readdirSync(realDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(realDir, f), 'utf8')),
};
const PER_REPORT = 25;

// Headless Chromium (the browser the page tests use), on a page of the served directory
// without the page's Content-Security-Policy: `runs(n)` times n analyses there.
async function openChromium() {
  const { serve } = await import('./serve.mjs');
  const { launchChromium } = await import('../tests/browser/harness.mjs');
  const server = await serve({ root: join(root, 'www') });
  const browser = await launchChromium().catch((e) => { server.close(); throw e; });
  const close = async () => { await browser.close(); server.close(); };
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/example.txt`);
    await page.evaluate(async ({ text, sets }) => {
      const m = await import('/pkg/envreport.js');
      await m.default();
      const time = (t, f) => { const s = performance.now(); f(); t.push(performance.now() - s); };
      globalThis.benchRuns = (runs) => {
        const t = [];
        for (let i = 0; i < runs; i++) time(t, () => m.analyze(text, { offsets: 'utf16' }));
        return t;
      };
      globalThis.benchReports = (name, runs) => sets[name].map((doc) => {
        const t = [];
        for (let i = 0; i < runs; i++) time(t, () => m.analyze(doc, { offsets: 'utf16' }));
        return t;
      });
    }, { text, sets });
    return {
      version: browser.version(),
      runs: (n) => page.evaluate((n) => globalThis.benchRuns(n), n),
      reports: (name, n) => page.evaluate(([name, n]) => globalThis.benchReports(name, n), [name, n]),
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
const chrome = await openChromium().catch((e) => ({ error: e.message.split('\n')[0] }));

// Warm up each engine (its compiler tiers up over the first runs), then take turns in
// rounds, so that a change in the machine's load weighs on all three alike.
const ROUNDS = 5;
const PER_ROUND = 4;
timeRuns(() => analyze(text, { offsets: 'utf16' }), 3);
if (!chrome.error) await chrome.runs(3);
const times = { wasm: [], native: [], chrome: [] };
for (let r = 0; r < ROUNDS; r++) {
  times.wasm.push(...timeRuns(() => analyze(text, { offsets: 'utf16' }), PER_ROUND));
  // the CLI's library, timed inside its process (after a warm-up run of its own)
  const out = execFileSync(join(root, 'target/release/envreport'),
    ['bench', '--runs', String(PER_ROUND), file], { encoding: 'utf8' });
  times.native.push(...JSON.parse(out).times_ms);
  if (!chrome.error) times.chrome.push(...await chrome.runs(PER_ROUND));
}
// per report: rounds of PER_REPORT / 5 runs each, alternating engines
const perReport = {};
for (const [name, docs] of Object.entries(sets)) {
  const node = docs.map(() => []);
  const browser = docs.map(() => []);
  for (let r = 0; r < 5; r++) {
    docs.forEach((doc, k) => node[k].push(...timeRuns(() => analyze(doc, { offsets: 'utf16' }), PER_REPORT / 5)));
    if (!chrome.error) (await chrome.reports(name, PER_REPORT / 5)).forEach((t, k) => browser[k].push(...t));
  }
  const sum = (lists) => lists.reduce((a, t) => a + summary(t).median, 0);
  perReport[name] = { docs: docs.length, kb: docs.reduce((a, d) => a + Buffer.byteLength(d), 0) / 1024, node: sum(node), chrome: chrome.error ? null : sum(browser) };
}
if (!chrome.error) await chrome.close();
const wasm = summary(times.wasm);
const native = summary(times.native);
if (!chrome.error) Object.assign(chrome, summary(times.chrome));

const rate = (ms) => (mb / (ms / 1000)).toFixed(1);
console.log(`input: ${mb.toFixed(2)} MB (${seeds.length} seeds repeated)`);
console.log(`wasm   (Node ${process.version}): median ${wasm.median.toFixed(1)} ms = ${rate(wasm.median)} MB/s, fastest ${rate(wasm.fastest)} MB/s`);
console.log(`native (CLI, one thread):   median ${native.median.toFixed(1)} ms = ${rate(native.median)} MB/s, fastest ${rate(native.fastest)} MB/s`);
if (chrome.error) console.log(`wasm   (Chromium): not measured (${chrome.error})`);
else console.log(`wasm   (Chromium ${chrome.version}): median ${chrome.median.toFixed(1)} ms = ${rate(chrome.median)} MB/s, fastest ${rate(chrome.fastest)} MB/s`);
for (const [name, p] of Object.entries(perReport)) {
  console.log(`per report, ${name} (${p.docs} reports, ${p.kb.toFixed(0)} KB): sum of medians ${p.node.toFixed(2)} ms in Node${p.chrome == null ? '' : `, ${p.chrome.toFixed(2)} ms in Chromium`}`);
}
console.log(`wasm / native (median): ${(native.median / wasm.median).toFixed(2)} in Node${chrome.error ? '' : `, ${(native.median / chrome.median).toFixed(2)} in Chromium`} (target ≥ 0.5)`);
