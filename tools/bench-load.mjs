// `make bench-load`: the page opened in headless Chromium from `make serve`'s server, on
// desktop and on a phone profile (CPU 4× slower, 1.6 Mbps down, 150 ms latency); prints
// the time from navigation to the example report analyzed and on screen, and the bytes
// the page's own requests transferred (the worker's are counted by the server).
import { join } from 'node:path';
import { launchChromium } from '../tests/browser/harness.mjs';
import { serve } from './serve.mjs';

const root = new URL('..', import.meta.url).pathname;
let served = 0;
const server = await serve({ root: join(root, 'www') });
server.on('request', (req, res) => {
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  res.write = (chunk, ...rest) => { served += chunk?.length ?? 0; return write(chunk, ...rest); };
  res.end = (chunk, ...rest) => { if (chunk && typeof chunk !== 'function') served += chunk.length; return end(chunk, ...rest); };
});
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await launchChromium();
const runs = Number(process.env.RUNS ?? 3);

async function once(profile) {
  const context = await browser.newContext(profile.phone ? { viewport: { width: 390, height: 844 }, isMobile: true } : {});
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (profile.phone) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  served = 0;
  await page.goto(url);
  await page.waitForFunction(() => Number(document.body.dataset.rendered ?? 0) > 0, null, { timeout: 120000 });
  const ms = await page.evaluate(() => performance.getEntriesByName('envreport:rendered')[0].startTime);
  await context.close();
  return { ms, bytes: served };
}

// one load first, not counted: the server compresses each file once (brotli's best quality
// takes a moment), as it will have when a user comes
await once({});
for (const profile of [{ name: 'desktop' }, { name: 'phone (4× CPU, 1.6 Mbps, 150 ms)', phone: true }]) {
  const all = [];
  for (let k = 0; k < runs; k++) all.push(await once(profile));
  all.sort((a, b) => a.ms - b.ms);
  const mid = all[all.length >> 1];
  console.log(`${profile.name}: example analyzed and on screen ${mid.ms.toFixed(0)} ms after navigation (median of ${runs}; `
    + `fastest ${all[0].ms.toFixed(0)} ms), ${(mid.bytes / 1024).toFixed(0)} KB transferred`);
}
await browser.close();
server.close();
