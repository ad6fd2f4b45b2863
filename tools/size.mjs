// `make size`: what the page downloads to run, gzipped (level 9), against the budget.
// Fails above the budget.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 400 * 1024; // bytes, gzipped: wasm + JS (the limit)
const AIM = 250 * 1024;
const www = new URL('../www/', import.meta.url).pathname;
const files = [
  'pkg/envreport_bg.wasm',
  'pkg/envreport.js',
  // the glue's own modules (src/wasm/tape.js)
  ...readdirSync(join(www, 'pkg', 'snippets'), { recursive: true })
    .filter((f) => f.endsWith('.js')).map((f) => join('pkg', 'snippets', f)),
  ...readdirSync(www).filter((f) => f.endsWith('.js')),
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
if (total > BUDGET) {
  console.error('size: over the budget');
  process.exit(1);
}
