// The comparison of several reports in the page: 3 seeds and 2 real reports opened at
// once, the table against the command line's on the same files and against each single
// report, both CSV shapes exported and re-read, corrections kept across a reload, and
// "clear everything". The harness fails the run on any request off the origin.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ARTIFACTS, ROOT, SHARED, openPage, renders, seeds, startForTests, waitForRender } from './harness.mjs';

const s = startForTests();

function reports() {
  const real = join(SHARED, 'real', 'docs');
  const picked = [...seeds().slice(0, 3).map((x) => x.path),
    ...readdirSync(real).filter((f) => f.endsWith('.txt')).sort().slice(0, 2).map((f) => join(real, f))];
  assert.equal(picked.length, 5, 'three seeds and two real reports');
  return picked;
}

/** The command line's comparison of the same files (spans in UTF-16, as in the page). */
function cliTable(paths) {
  const out = execFileSync(join(ROOT, 'target/release/envreport'), ['compare', '--format', 'json', '--offsets', 'utf16', ...paths],
    { encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(out);
}

/** A CSV text as rows of fields (quotes, doubled quotes and line breaks in quotes). */
function parseCSV(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

async function downloadText(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8').replace(/^\uFEFF/, '') };
}

async function compareRendered(page, after) {
  await page.waitForFunction((n) => Number(document.getElementById('compare').dataset.rendered ?? 0) > n
    && document.getElementById('compare').dataset.state === 'ready', after, { timeout: 60000 });
}
const compareRenders = (page) => page.evaluate(() => Number(document.getElementById('compare').dataset.rendered ?? 0));

describe('the comparison', () => {
  test('five reports side by side: the command line\'s table, exports, a reload, clearing', async () => {
    const paths = reports();
    const page = await s.newPage();
    await page.goto(s.url);
    await waitForRender(page, 0);
    let n = await renders(page);
    await page.setInputFiles('#files', paths.map((p) => ({ name: basename(p), mimeType: 'text/plain', buffer: readFileSync(p) })));
    await waitForRender(page, n);
    assert.equal(await page.locator('#file-list button').count(), 5);
    await page.click('#compare-open');
    await compareRendered(page, 0);

    // the same columns and cells as `envreport compare` on the same files
    const cli = cliTable(paths);
    const table = await page.evaluate(() => window.envreportCompare?.table());
    assert.ok(table, 'the view exposes its table');
    assert.deepEqual(table.columns.map((c) => c.label), cli.columns.map((c) => basename(c.label)));
    assert.equal(table.rows.length, cli.rows.length);
    for (const [k, row] of cli.rows.entries()) {
      const mine = table.rows[k];
      assert.equal(mine.key, row.key);
      assert.deepEqual(mine.cells.map((c) => c?.figure.row.value ?? null), row.cells.map((c) => c?.figure.row.value ?? null), row.key);
      assert.deepEqual(mine.cells.map((c) => c?.change ?? null), row.cells.map((c) => c?.change ?? null), row.key);
      assert.deepEqual(mine.cells.map((c) => c?.figure.row.start ?? null), row.cells.map((c) => c?.figure.row.start ?? null), row.key);
    }
    // and each cell is its own report's indicator, as the page analyzes that report alone
    const singles = await page.evaluate(async (texts) => {
      const { analyzeText } = await import('./client.js');
      return Promise.all(texts.map(async (t) => (await analyzeText(t)).report.indicators));
    }, paths.map((p) => readFileSync(p, 'utf8')));
    let checked = 0;
    for (const row of table.rows) {
      row.cells.forEach((cell, c) => {
        if (!cell) return;
        const file = paths.findIndex((p) => basename(p) === table.columns[c].label);
        const ind = singles[file].find((i) => i.id === cell.figure.row.indicator);
        assert.equal(cell.figure.row.value, ind.canonical ? ind.canonical_value : ind.value, `${row.key} in ${table.columns[c].label}`);
        assert.equal(cell.figure.row.start, ind.start);
        checked += 1;
      });
    }
    assert.ok(checked > 20, `${checked} cells checked`);
    await page.locator('#compare').screenshot({ path: join(ARTIFACTS, 'compare.png') });
    const shown = await page.locator('#compare table.compare tbody tr').count();
    assert.equal(shown, cli.rows.length);
    assert.ok(shown > 5, `${shown} rows`);

    // a cell jumps to its report, where the indicator has that value
    const pm = table.rows.findIndex((r) => r.cells.filter(Boolean).length >= 2);
    const c = table.rows[pm].cells.findIndex(Boolean);
    const cell = table.rows[pm].cells[c];
    await page.locator('#compare table.compare tbody tr').nth(pm).locator('td.cell button.value').first().click();
    await page.waitForFunction((id) => document.querySelector('#table tr.selected')?.dataset.id === String(id),
      cell.figure.row.indicator, { timeout: 60000 });
    assert.equal(Number(await page.locator('#table tr.selected').getAttribute('data-id')), cell.figure.row.indicator);
    assert.equal(await page.locator('#file-list button[aria-pressed=true]').textContent().then((t) => t.startsWith(table.columns[c].label)), true);

    // both CSV shapes, re-read
    const wide = await downloadText(page, '#compare .export-wide');
    const wrows = parseCSV(wide.text);
    assert.deepEqual(wrows[0].slice(7), table.columns.map((x) => x.label));
    assert.equal(wrows.length - 1, table.rows.length);
    for (const [k, row] of table.rows.entries()) {
      assert.equal(wrows[k + 1][0], row.key);
      assert.deepEqual(wrows[k + 1].slice(7).map((v) => (v === '' ? null : Number(v))), row.cells.map((x) => x?.figure.row.value ?? null));
    }
    const long = await downloadText(page, '#compare .export-long');
    const lrows = parseCSV(long.text);
    const head = lrows[0];
    for (const col of ['report', 'region', 'year', 'canonical', 'name', 'value', 'unit', 'comparison_basis', 'rank', 'check', 'start', 'end']) {
      assert.ok(head.includes(col), `${col} in the long CSV`);
    }
    const cells = table.rows.reduce((m, r) => m + r.cells.filter(Boolean).length, 0);
    assert.equal(lrows.length - 1, cells);
    const cliLong = parseCSV(execFileSync(join(ROOT, 'target/release/envreport'),
      ['compare', '--format', 'csv', '--long', '--offsets', 'utf16', ...paths], { encoding: 'utf8' }));
    assert.deepEqual(cliLong[0], head, 'the same columns as the command line');
    const at = (rows, name) => rows.slice(1).map((r) => r[head.indexOf(name)]);
    for (const col of ['canonical', 'value', 'unit', 'start', 'end', 'check', 'region', 'year']) {
      assert.deepEqual(at(lrows, col), at(cliLong, col), col);
    }

    // a chart of one indicator, saved as SVG
    await page.locator('#compare table.compare tbody tr').nth(pm).locator('th button.link').click();
    assert.equal(await page.locator('#compare svg.chart').count(), 1);
    await page.locator('#compare .compare-chart').screenshot({ path: join(ARTIFACTS, 'compare-chart.png') });
    const svg = await downloadText(page, '#compare .save-svg');
    assert.match(svg.text, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);

    // a correction of the region shows in the table and survives a reload
    let m = await compareRenders(page);
    const region = page.locator('#compare table.reports input.edit-region').first();
    await region.fill('测试区');
    await region.dispatchEvent('change');
    await compareRendered(page, m);
    assert.match(await page.locator('#compare table.compare thead').textContent(), /测试区/);
    await page.waitForTimeout(600); // the session is saved a moment after the change
    await page.reload();
    await page.waitForFunction(() => document.getElementById('compare').dataset.state === 'ready'
      && Number(document.getElementById('compare').dataset.rendered ?? 0) > 0, null, { timeout: 60000 });
    assert.equal(await page.locator('#file-list button').count(), 5);
    assert.match(await page.locator('#compare table.compare thead').textContent(), /测试区/);

    // clearing everything forgets the reports here and after a reload
    await page.click('#compare .clear-all');
    assert.equal(await page.locator('#file-list button').count(), 0);
    assert.equal(await page.locator('#compare').isHidden(), true);
    await page.reload();
    await waitForRender(page, 0);
    assert.equal(await page.locator('#file-list button').count(), 0);
    assert.match(await page.locator('#meta').textContent(), /青川市生态环境局/, 'the example again');
    await page.close();
  });

  test('a dropped folder gives its reports, subfolders too, in path order', async () => {
    const page = await openPage(s);
    const names = await page.evaluate(async () => {
      const { droppedFiles } = await import('./drop.js');
      const file = (name) => ({ isFile: true, isDirectory: false, name, file: (ok) => ok(new File(['x'], name)) });
      const dir = (name, children) => ({
        isFile: false, isDirectory: true, name,
        createReader: () => { let given = false; return { readEntries: (ok) => { ok(given ? [] : children); given = true; } }; },
      });
      const folder = dir('reports', [file('b.txt'), file('notes.pdf'), file('.hidden.txt'), dir('sub', [file('c.html')]), file('a.docx')]);
      const items = [folder, file('x.pdf')].map((e) => ({ webkitGetAsEntry: () => e }));
      return (await droppedFiles({ items, files: [] })).map((f) => f.name);
    });
    assert.deepEqual(names, ['a.docx', 'b.txt', 'c.html', 'x.pdf'], 'a PDF dropped itself is kept, to be refused with its message');
    await page.close();
  });

  test('texts pasted one after another are compared too', async () => {
    const page = await openPage(s);
    const texts = ['2022年，德清县PM2.5平均浓度为40微克/立方米，优良天数比例为80.0%。', '2023年，德清县PM2.5平均浓度为0.036毫克/立方米，优良天数比例为82.5%。'];
    for (const text of texts) {
      const n = await renders(page);
      await page.fill('#text', text);
      await waitForRender(page, n);
      await page.click('#add-text');
    }
    assert.equal(await page.locator('#file-list button').count(), 2);
    await page.click('#compare-open');
    await compareRendered(page, 0);
    const table = await page.evaluate(() => window.envreportCompare.table());
    const pm = table.rows.find((r) => r.key === 'air.pm25.mean');
    assert.deepEqual(pm.cells.map((c) => c.figure.row.value), [40, 36]);
    assert.equal(pm.cells[1].change, -4);
    assert.equal(pm.cells[1].improved, true);
    assert.match(await page.locator('#compare table.compare tbody').textContent(), /▼4/);
    // one region over two years: a line
    await page.locator('#compare table.compare tbody tr[data-key="air.pm25.mean"] th button.link').click();
    assert.equal(await page.locator('#compare svg.chart path').count(), 1);
    assert.equal(await page.locator('#compare svg.chart circle').count(), 2);
    const png = await Promise.all([page.waitForEvent('download'), page.click('#compare .save-png')]);
    assert.equal(png[0].suggestedFilename(), 'envreport-air.pm25.mean.png');
    assert.deepEqual([...readFileSync(await png[0].path()).subarray(1, 4)], [0x50, 0x4E, 0x47], 'a PNG');
    // a report removed leaves one: nothing to compare, and the list says so
    await page.click('#compare table.reports tbody tr:first-child button');
    await page.waitForFunction(() => document.querySelectorAll('#file-list button').length === 1);
    assert.equal(await page.locator('#compare table.reports tbody tr').count(), 1);
    assert.equal(await page.locator('#compare table.compare').count(), 0);
    assert.match(await page.locator('#compare .status').textContent(), /两份或更多/);
    await page.close();
  });
});
