// `make size`: what the page downloads to run, gzipped (level 9), against the budget.
// Fails above the budget.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 400 * 1024; // bytes, gzipped: wasm + JS (the limit)
const AIM = 250 * 1024;
const www = new URL('../www/', import.meta.url).pathname;
// What the page loads only when a user asks for it (the comparison and its catalogue),
// counted apart from the first load.
const ON_DEMAND = ['compare.js', 'compare-view.js'];
const files = [
  'pkg/envreport_bg.wasm',
  'pkg/envreport.js',
  // the glue's own modules (src/wasm/tape.js)
  ...readdirSync(join(www, 'pkg', 'snippets'), { recursive: true })
    .filter((f) => f.endsWith('.js')).map((f) => join('pkg', 'snippets', f)),
  ...readdirSync(www).filter((f) => f.endsWith('.js') && !ON_DEMAND.includes(f)),
];
let total = 0;
for (const f of files) {
  const raw = readFileSync(join(www, f));
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  console.log(`${f.padEnd(32)} ${String(raw.length).padStart(9)} B  ${String(gz).padStart(8)} B gzipped`);
}
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
console.log(`${'total'.padEnd(32)} ${' '.repeat(11)}  ${kb(total).padStart(8)} gzipped (budget ${kb(BUDGET)}, aim ${kb(AIM)})`);
let later = 0;
for (const f of [...ON_DEMAND, 'pkg/catalogue.js']) {
  try {
    later += gzipSync(readFileSync(join(www, f)), { level: 9 }).length;
  } catch {
    // not built
  }
}
console.log(`${'on demand (comparison)'.padEnd(32)} ${' '.repeat(11)}  ${kb(later).padStart(8)} gzipped`);
if (total > BUDGET) {
  console.error('size: over the budget');
  process.exit(1);
}
