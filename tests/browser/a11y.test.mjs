// axe-core's accessibility rules (WCAG 2.2 A and AA, and its best practices) on the page
// in both languages at desktop and phone size, with a long table, the comparison view and
// the widget: no finding of serious or critical impact. The script is run through the
// driver, not as a page script, so the pages keep their Content-Security-Policy.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, putText, renders, seeds, startForTests, waitForRender } from './harness.mjs';

const s = startForTests();
const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 390, height: 844 };

/** The serious and critical findings of axe on the page as it stands, one line each. */
async function findings(page) {
  await page.evaluate(AXE);
  const results = await page.evaluate(async () => {
    const r = await globalThis.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.join(', ')})`);
}

async function paste(page, text) {
  const n = await renders(page);
  await putText(page, text);
  await waitForRender(page, n);
}

describe('accessibility (axe-core)', () => {
  test('the page, in Chinese and English, at desktop and phone size', async () => {
    for (const viewport of [null, PHONE]) {
      const page = await s.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(s.url);
      await waitForRender(page, 0);
      assert.deepEqual(await findings(page), [], `the example, ${viewport ? 'phone' : 'desktop'}, Chinese`);
      // a long report: the table draws only the rows near the view
      await paste(page, seeds().map((x) => x.text).join('\n\n').repeat(2));
      assert.deepEqual(await findings(page), [], `a long report, ${viewport ? 'phone' : 'desktop'}`);
      await page.click('#lang');
      assert.deepEqual(await findings(page), [], `${viewport ? 'phone' : 'desktop'}, English`);
      await page.close();
    }
  });

  test('the comparison view', async () => {
    const page = await s.newPage();
    await page.goto(s.url);
    await waitForRender(page, 0);
    await page.setInputFiles('#files', seeds().slice(0, 3).map((x) => x.path));
    await page.waitForFunction(() => document.querySelectorAll('#files-list li, .file-list li').length >= 3
      || Number(document.body.dataset.rendered ?? 0) > 1);
    await page.click('#compare-open');
    await page.waitForSelector('#compare table.compare');
    assert.deepEqual(await findings(page), [], 'the comparison');
    await page.close();
  });

  test('the widget', async () => {
    const page = await s.newPage();
    await page.goto(`${s.url}embed.html`);
    await page.waitForFunction(() => [...document.querySelectorAll('envreport-analyzer')].every((w) => w.report));
    assert.deepEqual(await findings(page), [], 'the embedding page with two widgets');
    await page.close();
  });
});
