// `make bench-compare`: the page in headless Chromium opening 100 reports of about 30 KB
// at once (picked as files) and comparing them; prints, by the page's own clock, the time
// from the files given to the first report on screen and to the comparison drawn (the
// click on 对比 made as soon as the first report shows).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tests/browser/harness.mjs';
import { serve } from './serve.mjs';

const root = new URL('..', import.meta.url).pathname;
const shared = process.env.SHARED ?? join(root, '..', 'shared');
const n = Number(process.env.N_REPORTS ?? 100);
const size = Number(process.env.REPORT_BYTES ?? 30000);
const texts = [...readdirSync(join(shared, 'seeds')).map((f) => join(shared, 'seeds', f)),
  ...readdirSync(join(shared, 'real', 'docs')).filter((f) => f.endsWith('.txt')).map((f) => join(shared, 'real', 'docs', f))]
  .sort().map((p) => readFileSync(p, 'utf8'));
const files = [];
for (let k = 0; files.length < n; k++) {
  let t = '';
  for (let j = k; Buffer.byteLength(t) < size; j++) t += texts[j % texts.length] + '\n\n';
  files.push({ name: `report-${String(k).padStart(3, '0')}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`${t}（第${k}份）\n`) });
}
const bytes = files.reduce((m, f) => m + f.buffer.length, 0);

const server = await serve({ root: join(root, 'www') });
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launchChromium();
const page = await (await browser.newContext()).newPage();
await page.goto(url);
await page.waitForFunction(() => Number(document.body.dataset.rendered ?? 0) > 0);
const rendered = await page.evaluate(() => Number(document.body.dataset.rendered));
let start = Date.now();
await page.setInputFiles('#files', files);
await page.waitForFunction((r) => Number(document.body.dataset.rendered) > r, rendered, { timeout: 120000 });
const open = Date.now() - start;
start = Date.now();
await page.click('#compare-open');
await page.waitForFunction(() => document.getElementById('compare').dataset.rendered === '1'
  && document.getElementById('compare').dataset.state === 'ready', null, { timeout: 120000 });
const compare = Date.now() - start;
const rows = await page.locator('#compare table.compare tbody tr').count();
const timing = JSON.parse(await page.evaluate(() => document.getElementById('compare').dataset.timing));
// the page's own clock (User Timing marks), from the files handed to it to the table laid
// out: what a user waits for (the test harness's transfer of the files is not)
const marks = await page.evaluate(() => Object.fromEntries(['open-files', 'rendered', 'compare-drawn']
  .map((m) => [m, Math.max(...performance.getEntriesByName(`envreport:${m}`).map((e) => e.startTime))])));
const opened = marks.rendered - marks['open-files'];
const drawn = marks['compare-drawn'] - marks['open-files'];
console.log(`${n} reports, ${(bytes / 1e6).toFixed(1)} MB: first report on screen ${opened.toFixed(0)} ms after the files were `
  + `given, comparison drawn at ${drawn.toFixed(0)} ms (of which the click to the drawn table ${compare} ms: analysis `
  + `${timing.analyze} ms, table ${timing.table} ms, drawing ${timing.draw} ms; ${rows} rows); the harness's round trip `
  + `${open + compare} ms`);
await browser.close();
server.close();
