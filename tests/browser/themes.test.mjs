// Print and dark mode, for the page and the widget: a print shows the metadata, the whole
// outline and table and no controls; the dark theme follows the system.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, openPage, renders, seeds, startForTests, waitForRender } from './harness.mjs';

const s = startForTests();

/** The luminance (0 dark … 1 light) of an element's computed background colour. */
const luminance = (locator) => locator.evaluate((el) => {
  const [r, g, b] = getComputedStyle(el).backgroundColor.match(/\d+/g).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
});

describe('print and dark mode', () => {
  test('a print of the page: metadata, outline, the whole table and text, no controls', async () => {
    const page = await openPage(s);
    const text = [1, 2, 3].map(() => seeds().map((x) => x.text).join('\n\n')).join('\n\n');
    const n = await renders(page);
    await page.fill('#text', text);
    await waitForRender(page, n);
    const total = await page.evaluate(() => document.querySelectorAll('#source mark.hl-indicator').length);
    assert.ok(total > 500, `${total} indicators, more than the rows near the view`);
    const drawn = () => page.locator('#table tbody tr[data-id]').count();
    assert.ok(await drawn() < total, 'only the rows near the view are drawn');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    assert.equal(await drawn(), total, 'every row printed');
    assert.equal(await page.locator('#table tbody tr.spacer:not([hidden])').count(), 0, 'no spacer printed');
    for (const hidden of ['.input', '#export-csv', '#filter', '#lang', '.privacy', '.foot']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} not printed`);
    }
    for (const shown of ['#meta', '#outline', '#table', '#source']) assert.ok(await page.locator(shown).isVisible(), shown);
    assert.equal(await page.locator('#table').evaluate((el) => getComputedStyle(el).maxHeight), 'none');
    const closed = await page.locator('#outline [aria-expanded=false] > ul').count();
    if (closed) assert.ok(await page.locator('#outline [aria-expanded=false] > ul').first().isVisible(), 'closed branches printed');
    await page.pdf({ path: join(ARTIFACTS, 'page-print.pdf') }).catch(() => {}); // headless only
    await page.screenshot({ path: join(ARTIFACTS, 'page-print.png') });
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    assert.ok(await drawn() < total, 'back to the rows near the view');
    await page.close();
  });

  test('the dark theme follows the system, for the page and the widget', async () => {
    const page = await s.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(s.url);
    await waitForRender(page, 0);
    assert.ok(await luminance(page.locator('body')) < 0.2 || await luminance(page.locator('html')) < 0.2, 'a dark page');
    assert.ok(await luminance(page.locator('.card').first()) < 0.2, 'dark cards');
    const ink = await page.locator('#meta').evaluate((el) => getComputedStyle(el).color.match(/\d+/g).map(Number));
    assert.ok(ink[0] > 180, 'light text');
    await page.screenshot({ path: join(ARTIFACTS, 'page-dark.png'), fullPage: false });
    await page.goto(`${s.url}embed.html`);
    await page.waitForFunction(() => document.getElementById('first')?.report);
    const root = page.locator('#first').locator('.root');
    assert.ok(await luminance(root) < 0.2, 'a dark widget');
    await page.locator('#first').screenshot({ path: join(ARTIFACTS, 'widget-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    assert.ok(await luminance(root) > 0.8, 'and light again');
    await page.close();
  });
});
