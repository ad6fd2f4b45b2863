// <envreport-analyzer>, the module API and the single-file build in headless Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, ROOT, cliReport, seeds, start, startForTests } from './harness.mjs';

const s = startForTests();

/** Opens embed.html with every widget event recorded in window.__events. */
async function openEmbed() {
  const page = await s.newPage();
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['envreport-analyzed', 'envreport-error']) {
      addEventListener(type, (e) => window.__events.push({ type, id: e.target.id, detail: e.detail }));
    }
  });
  await page.goto(`${s.url}embed.html`);
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'envreport-analyzed').length >= 2);
  return page;
}

const inner = (page, id, selector) => page.locator(`#${id}`).locator(selector);

describe('the widget', () => {
  test('its parts do not take the look or the place of what they hold (.meta, .source)', async () => {
    const page = await openEmbed();
    // the heading of 基本信息 stands above its list, not in the list's grid beside it
    const [heading, list] = await Promise.all([inner(page, 'first', 'section[part=meta] h2').boundingBox(),
      inner(page, 'first', 'section[part=meta] dl.meta').boundingBox()]);
    assert.ok(heading.y + heading.height <= list.y + 1, `h2 ${JSON.stringify(heading)} above dl ${JSON.stringify(list)}`);
    // a row far down scrolls the text's own pane to its mark
    const rows = inner(page, 'first', 'tbody tr');
    await rows.nth((await rows.count()) - 1).click();
    await page.waitForTimeout(100);
    const scrolled = await page.evaluate(() => {
      const root = document.getElementById('first').shadowRoot;
      return { pane: root.querySelector('.source').scrollTop, part: root.querySelector('section[part=source]').scrollTop,
        panes: root.querySelectorAll('.source').length };
    });
    assert.equal(scrolled.panes, 1, 'one element is .source');
    assert.ok(scrolled.pane > 0, 'the pane scrolled to the last row\'s mark');
    assert.equal(scrolled.part, 0);
    await page.close();
  });

  test('two widgets on one page analyze different texts independently', async () => {
    const page = await openEmbed();
    const reports = await page.evaluate(() => ({
      first: document.getElementById('first').report,
      second: document.getElementById('second').report,
    }));
    assert.equal(reports.first.meta.org, '青川市生态环境局');
    assert.equal(reports.second.indicators.length, 3);
    assert.equal(await inner(page, 'first', 'tbody tr').count(), reports.first.indicators.length);
    assert.equal(await inner(page, 'second', 'tbody tr').count(), 3);
    // both share one worker: analyzing in one does not touch the other
    const before = await inner(page, 'first', 'tbody tr').count();
    await page.evaluate(() => document.getElementById('second').analyze('关闭企业7家。'));
    assert.equal(await inner(page, 'second', 'tbody tr').count(), 1);
    assert.equal(await inner(page, 'first', 'tbody tr').count(), before);
    await page.screenshot({ path: join(ARTIFACTS, 'embed.png'), fullPage: true });
    await page.close();
  });

  test('host CSS does not change the widget\'s look', async () => {
    const page = await openEmbed();
    const styles = () => page.evaluate(() => {
      const root = document.getElementById('first').shadowRoot;
      const props = ['font-family', 'color', 'letter-spacing', 'line-height', 'font-size', 'background-color', 'border-top-style', 'border-top-width', 'padding-top', 'text-transform', 'border-radius'];
      const pick = (sel) => {
        const el = root.querySelector(sel);
        const cs = getComputedStyle(el);
        return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      };
      return ['.root', 'h2', 'td', 'th', 'mark', '.tree-label', '.source-text', 'dd'].map((sel) => [sel, pick(sel)]);
    });
    const hostile = await styles();
    await page.evaluate(() => document.getElementById('host-css').remove());
    const clean = await styles();
    assert.deepEqual(hostile, clean);
    await page.close();
  });

  test('attributes: lang, view, compact, text and src', async () => {
    const page = await openEmbed();
    // the second widget: English, table and source only
    assert.equal(await inner(page, 'second', 'section[part=table] h2').textContent(), 'Indicators');
    assert.equal(await inner(page, 'second', 'section[part=meta]').isHidden(), true);
    assert.equal(await inner(page, 'second', 'section[part=outline]').isHidden(), true);
    assert.equal(await inner(page, 'second', 'section[part=source]').isVisible(), true);
    assert.equal(await inner(page, 'first', 'section[part=table] h2').textContent(), '指标');
    assert.equal(await inner(page, 'first', 'section[part=outline]').isVisible(), true);
    const pad = (id) => inner(page, id, '.root').evaluate((el) => getComputedStyle(el).paddingTop);
    assert.equal(await pad('second'), '8px');
    assert.equal(await pad('first'), '14px');
    // the themed accent reaches the inside through the custom property
    assert.equal(await inner(page, 'second', '.sort-mark').first().evaluate((el) => getComputedStyle(el).color), 'rgb(138, 43, 226)');

    // changing attributes re-renders
    await page.evaluate(() => {
      const w = document.getElementById('second');
      w.setAttribute('lang', 'zh');
      w.setAttribute('view', 'outline input');
    });
    assert.equal(await inner(page, 'second', 'section[part=outline] h2').textContent(), '提纲');
    assert.equal(await inner(page, 'second', 'section[part=table]').isHidden(), true);
    assert.equal(await inner(page, 'second', 'textarea').isVisible(), true);
    const n = await page.evaluate(() => window.__events.length);
    await page.evaluate(() => document.getElementById('second').setAttribute('text', '一、大气\n优良天数为300天。'));
    await page.waitForFunction((k) => window.__events.length > k, n);
    assert.equal(await inner(page, 'second', '[role=treeitem]').count(), 1);

    // the checks view: a summary and one item a check, problems first
    await page.evaluate(() => {
      const w = document.getElementById('second');
      w.setAttribute('view', 'checks');
      w.setAttribute('text', '2022年工作总结\n全市PM2.5平均浓度为45.1微克/立方米。完成投资（待填）万元。');
    });
    await page.waitForFunction(() => document.getElementById('second').report?.checks?.length === 2);
    const items = await inner(page, 'second', 'section[part=checks] li').allTextContents();
    assert.equal(items.length, 2);
    assert.match(items[0], /超标/);
    assert.match(items[1], /（待填）/);
    await page.evaluate(() => document.getElementById('second').setAttribute('view', 'outline input'));

    // the input pane analyzes what is typed
    const m = await page.evaluate(() => window.__events.length);
    await inner(page, 'second', 'textarea').fill('关闭企业7家，处罚12起。');
    await page.waitForFunction((k) => window.__events.length > k, m);
    assert.equal(await page.evaluate(() => document.getElementById('second').report.indicators.length), 2);

    // src: a missing file is an envreport-error event and a message
    const e = await page.evaluate(() => window.__events.length);
    await page.evaluate(() => document.getElementById('first').setAttribute('src', 'missing.txt'));
    await page.waitForFunction((k) => window.__events.slice(k).some((x) => x.type === 'envreport-error'), e);
    assert.match(await inner(page, 'first', '.status').textContent(), /missing\.txt: HTTP 404/);
    // (the 404 itself shows up as a console error; it is the point of this check)
    s.problems.splice(0, s.problems.length, ...s.problems.filter((p) => !p.includes('404')));
    await page.close();
  });

  test('analyze() resolves to the report; the event carries it; .report keeps it', async () => {
    const page = await openEmbed();
    const got = await page.evaluate(async () => {
      const w = document.getElementById('first');
      const events = [];
      w.addEventListener('envreport-analyzed', (e) => events.push(e.detail));
      const report = await w.analyze('全区优良天数为287天，同比增加12天。');
      return { report, event: events[0], prop: w.report, text: w.text };
    });
    assert.equal(got.report.indicators[0].value, 287);
    assert.deepEqual(got.event, got.report);
    assert.deepEqual(got.prop, got.report);
    assert.equal(got.text, '全区优良天数为287天，同比增加12天。');
    // clicking a row marks it and flashes its span in the source view
    await inner(page, 'first', 'tbody tr').first().click();
    assert.equal(await inner(page, 'first', 'tbody tr').first().getAttribute('class'), 'selected');
    assert.match(await inner(page, 'first', 'mark.hl-indicator').first().getAttribute('class'), /flash/);
    await page.close();
  });

  test('the module API returns the CLI\'s report for each seed', async () => {
    const page = await s.newPage();
    await page.goto(`${s.url}embed.html`);
    for (const seed of seeds()) {
      const got = await page.evaluate(async (text) => {
        const api = await import('./envreport.js');
        return { report: await api.analyze(text), version: await api.version() };
      }, seed.text);
      const { input, ...cli } = cliReport(seed.path);
      assert.deepEqual(got.report, cli, seed.name);
      assert.equal(got.version, '0.1.0');
    }
    await page.close();
  });
});

describe('the single-file build', () => {
  let strict;
  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'envreport-single-'));
    copyFileSync(join(ROOT, 'www/pkg/envreport-single.js'), join(dir, 'envreport-single.js'));
    writeFileSync(join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>single</title>
<script type="module" src="envreport-single.js"></script>
<envreport-analyzer id="w" lang="en" text="全区优良天数为287天，同比增加12天，全市排名第2。"></envreport-analyzer>`);
    // The strictest policy the build supports, sent as a header (it then binds the worker too).
    const csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; connect-src 'none'; base-uri 'none'";
    strict = await start({ root: dir, headers: () => ({ 'content-security-policy': csp }) });
  });
  after(async () => {
    await strict.close();
    assert.deepEqual(strict.problems, [], 'console errors (CSP violations) or requests to other origins');
  });

  test('works from a page served with a strict CSP and no .wasm file', async () => {
    const page = await strict.newPage();
    await page.goto(strict.url);
    await page.waitForFunction(() => document.getElementById('w')?.report);
    assert.equal(await page.locator('#w').locator('tbody tr').count(), 1);
    const seed = seeds()[3];
    const report = await page.evaluate(async (text) => (await import('./envreport-single.js')).analyze(text), seed.text);
    const { input, ...cli } = cliReport(seed.path);
    assert.deepEqual(report, cli);
    await page.close();
  });
});
