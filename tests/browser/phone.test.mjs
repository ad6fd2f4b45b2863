// The page and the widget at phone size (390 × 844): indicators as labelled cards that fit
// the screen, and a tap on a row or a heading lands the text on its target.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, renders, seeds, startForTests, waitForRender } from './harness.mjs';

const s = startForTests();
const PHONE = { width: 390, height: 844 };

/** Whether an element is inside both the window and its scrolling pane. */
const inView = (locator, pane) => locator.evaluate((el, pane) => {
  const r = el.getBoundingClientRect();
  const p = document.querySelector(pane).getBoundingClientRect();
  return r.top >= Math.max(0, p.top) - 1 && r.bottom <= Math.min(innerHeight, p.bottom) + 1;
}, pane);

describe('at phone size', () => {
  test('the page: cards that fit, jumps that land', async () => {
    const page = await s.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(s.url);
    await waitForRender(page, 0);
    const n = await renders(page);
    await page.fill('#text', seeds()[2].text);
    await waitForRender(page, n);
    const name = page.locator('#table tbody tr').first().locator('td[data-col=name]');
    const box = await name.boundingBox();
    assert.ok(box.width > 250, `the name spans the card (${box.width} px)`);
    const tall = await page.locator('#table tbody tr').first().boundingBox();
    assert.ok(tall.height < 200, `a card is ${tall.height} px tall`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1), 'nothing wider than the screen');
    assert.match(await page.locator('#table tbody tr').first().locator('td[data-col=valueText]').evaluate((el) => getComputedStyle(el, '::before').content), /数值/);
    // a row far down the list: its mark in the text comes into view
    const row = page.locator('#table tbody tr').nth(30);
    const id = await row.getAttribute('data-id');
    await row.click();
    await page.waitForTimeout(100);
    assert.ok(await inView(page.locator(`#source mark[data-id="${id}"]`).first(), '#source'), 'the indicator is on screen');
    // the last heading of the outline, likewise
    const labels = page.locator('#outline .tree-label');
    const last = labels.nth((await labels.count()) - 1);
    const section = await last.getAttribute('data-section');
    await last.click();
    await page.waitForTimeout(100);
    assert.ok(await inView(page.locator(`#source .section-anchor[data-section="${section}"]`), '#source'), 'the heading is on screen');
    await page.screenshot({ path: join(ARTIFACTS, 'page-phone.png') });
    await page.close();
  });

  test('the widget: cards that fit', async () => {
    const page = await s.newPage();
    await page.setViewportSize(PHONE);
    await page.goto(`${s.url}embed.html`);
    await page.waitForFunction(() => document.getElementById('first')?.report);
    const cell = page.locator('#first').locator('tbody tr').first().locator('td[data-col=name]');
    const box = await cell.boundingBox();
    assert.ok(box.width > 200, `the name spans the card (${box.width} px)`);
    await page.locator('#first').screenshot({ path: join(ARTIFACTS, 'widget-phone.png') });
    await page.close();
  });
});
