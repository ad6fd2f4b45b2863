// Shared set-up of the browser tests: the static server on 127.0.0.1, Debian's Chromium
// driven by playwright-core, and guards that fail a test on any console error, page
// error or request that leaves the origin.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serve } from '../../tools/serve.mjs';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const SHARED = process.env.SHARED ?? join(ROOT, '..', 'shared');
export const ARTIFACTS = join(ROOT, 'target', 'browser-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Debian's Chromium (or $CHROMIUM), headless. */
export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export function seeds() {
  const dir = join(SHARED, 'seeds');
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => ({ name: f, path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
}

/** The CLI's report of a file (target/release/envreport must be built: `make cli`). */
export function cliReport(path, ...args) {
  const out = execFileSync(join(ROOT, 'target/release/envreport'), ['analyze', '--offsets', 'utf16', ...args, path],
    { encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(out);
}

/**
 * Starts the server and the browser. `headers(path)` adds response headers. Returns
 * `{ url, browser, newPage, problems, close }`; `problems` collects console errors, page
 * errors and requests to other origins from every page made by `newPage()`.
 */
export async function start({ root = join(ROOT, 'www'), headers } = {}) {
  const server = await serve({ root, headers });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launchChromium();
  const problems = [];
  const contexts = [];
  async function newPage({ permissions = [] } = {}) {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1360, height: 900 } });
    if (permissions.length) await context.grantPermissions(permissions, { origin: url });
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    context.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(url) && !u.startsWith('blob:') && !u.startsWith('data:')) problems.push(`request to another origin: ${u}`);
    });
    return page;
  }
  async function close() {
    for (const c of contexts) await c.close().catch(() => {});
    await browser.close();
    await new Promise((ok) => server.close(ok));
  }
  return { url, browser, newPage, problems, close };
}

/** How many analyses the page has rendered so far. */
export async function renders(page) {
  return Number(await page.evaluate(() => document.body.dataset.rendered ?? 0));
}

/** Puts `text` in the page's text box as a paste would (one input event), without the
 * driver typing it. */
export function putText(page, text) {
  return page.evaluate((t) => {
    const box = document.querySelector('#text');
    box.value = t;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** Waits until the page has rendered more than `after` analyses. */
export async function waitForRender(page, after, timeout = 60000) {
  await page.waitForFunction((n) => Number(document.body.dataset.rendered ?? 0) > n, after, { timeout });
}

/**
 * Starts the server and browser before a test file's tests and closes them after, failing
 * on any console error or request to another origin. Returns `start()`'s object, filled in
 * once the tests begin.
 */
export function startForTests() {
  const s = {};
  before(async () => { Object.assign(s, await start()); });
  after(async () => {
    await s.close();
    assert.deepEqual(s.problems, [], 'console errors or requests to other origins');
  });
  return s;
}

/** Opens the page and waits until it shows the example report. */
export async function openPage(s) {
  const page = await s.newPage();
  await page.goto(s.url);
  await waitForRender(page, 0); // the example report
  return page;
}
