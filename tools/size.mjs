// `make size`: what the page and the widget download to run, gzipped (level 9): the
// modules their entry points import (followed import by import, the worker's too), the
// wasm and the example. Fails when the page's first load is above the budget. What loads
// only when a user asks (the comparison, the .xlsx writer) is listed apart.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET = 392 * 1024; // bytes, gzipped: the page's first load, a ratchet at the level reached (the limit was 400 KB)
const AIM = 250 * 1024;
const www = new URL('../www/', import.meta.url).pathname;
const gz = (f) => gzipSync(readFileSync(join(www, f)), { level: 9 }).length;
// what make serve sends browsers that accept brotli (the wasm's FILE.br, quality 11)
const brotliSizes = new Map();
const br = (f) => {
  if (brotliSizes.has(f)) return brotliSizes.get(f);
  const pre = join(www, `${f}.br`);
  if (existsSync(pre)) return brotliSizes.set(f, readFileSync(pre).length).get(f);
  const body = readFileSync(join(www, f));
  return brotliSizes.set(f, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: body.length <= 256 * 1024 || f.endsWith('.wasm') ? 11 : 9,
    [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length).get(f);
};

/** What loads only when a user asks for it: the comparison and its catalogue, the .xlsx
 * writer. */
const ON_DEMAND = new Set(['compare.js', 'compare-view.js', 'exports.js', 'pkg/catalogue.js', 'pkg/vendor/write-excel-file.min.js']);

/** The modules `entries` load before anything is asked for: imports (static and dynamic,
 * but for ON_DEMAND's), the worker a module starts (`new URL('./worker.js', …)`), the
 * wasm the worker fetches. */
function firstLoad(entries) {
  const seen = new Set();
  const todo = [...entries];
  while (todo.length) {
    const f = normalize(todo.pop());
    if (seen.has(f) || ON_DEMAND.has(f) || !existsSync(join(www, f))) continue;
    seen.add(f);
    if (!f.endsWith('.js')) continue;
    const code = readFileSync(join(www, f), 'utf8');
    const refs = [
      ...[...code.matchAll(/^\s*import\s[^'"]*?from\s+'(\.[^']+)'/gm)].map((m) => m[1]),
      ...[...code.matchAll(/^\s*import\s+'(\.[^']+)'/gm)].map((m) => m[1]),
      ...[...code.matchAll(/\bimport\('(\.[^']+)'\)/g)].map((m) => m[1]),
      ...[...code.matchAll(/new URL\('(\.\/[^']+\.(?:js|wasm))', import\.meta\.url\)/g)].map((m) => m[1]),
    ];
    for (const r of refs) todo.push(join(dirname(f), r));
  }
  return [...seen].sort();
}

function report(name, list) {
  let total = 0, brotli = 0;
  console.log(`${name}:`);
  for (const f of list) {
    const raw = readFileSync(join(www, f)).length;
    const g = gz(f);
    const b = br(f);
    total += g;
    brotli += b;
    console.log(`  ${f.padEnd(36)} ${String(raw).padStart(9)} B  ${String(g).padStart(8)} B gzipped  ${String(b).padStart(8)} B brotli`);
  }
  report.brotli = brotli;
  return total;
}

const kb = (n) => (n / 1024).toFixed(1) + ' KB';
// the page's example report is a module it imports when it opens with it
const page = report('the page (index.html)', firstLoad(['start.js', 'main.js']));
console.log(`  ${'total'.padEnd(36)} ${' '.repeat(11)}  ${kb(page).padStart(8)} gzipped (budget ${kb(BUDGET)}, aim ${kb(AIM)}), ${kb(report.brotli)} brotli`);
const widget = report('the widget (widget.js)', firstLoad(['widget.js']));
console.log(`  ${'total'.padEnd(36)} ${' '.repeat(11)}  ${kb(widget).padStart(8)} gzipped, ${kb(report.brotli)} brotli`);
const later = ['compare-view.js', 'compare.js', 'pkg/catalogue.js'].filter((f) => existsSync(join(www, f)));

console.log(`on demand: the comparison ${kb(later.reduce((n, f) => n + gz(f), 0))}, the exports ${kb(gz('exports.js'))}, the .xlsx writer `
  + `${existsSync(join(www, 'pkg/vendor/write-excel-file.min.js')) ? kb(gz('pkg/vendor/write-excel-file.min.js')) : 'not built'} gzipped`);
if (page > BUDGET) {
  console.error('size: the page is over the budget');
  process.exit(1);
}
