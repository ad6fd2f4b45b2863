// Files as users drop them on the page: a Word document, a saved web page in GBK, a file
// over the size limit; a 20 MB paste with its progress; lone surrogates from JavaScript.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTIFACTS, ROOT, cliReport, openPage as openHarnessPage, renders, seeds, startForTests, waitForRender,
} from './harness.mjs';
import { docx, encodeWith } from './files.mjs';

const s = startForTests();

const openPage = () => openHarnessPage(s);

/** Drops files `{ name, data: number[] }` on the page, as a drag from the desktop does. */
async function drop(page, files) {
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([new Uint8Array(f.data)], f.name));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, files.map((f) => ({ name: f.name, data: [...f.data] })));
}

/** Writes a file the CLI can read, under target/. */
function saved(name, data) {
  const dir = join(ROOT, 'target', 'browser-files');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), data);
  return join(dir, name);
}

const countSections = (list) => list.reduce((n, x) => n + 1 + countSections(x.children), 0);

describe('file intake in the page', () => {
  test('a Word document shows its paragraphs, with headings rebuilt from its numbering', async () => {
    const page = await openPage();
    const data = docx([
      ['青川市生态环境局2023年工作总结'],
      ['主要工作成效', 0],
      ['大气环境质量持续改善', 1],
      ['全市优良天数为287天，同比增加12天，全省排名第3。'],
      ['水环境质量稳步提升', 1],
      ['国考断面水质优良比例达到100%。'],
      ['存在的问题', 0],
      ['部分区域臭氧浓度仍然偏高。'],
    ], { header: '内部资料 请勿外传' });
    const n = await renders(page);
    await drop(page, [{ name: '工作总结.docx', data }]);
    await waitForRender(page, n);
    const text = await page.inputValue('#text');
    assert.ok(text.startsWith('青川市生态环境局2023年工作总结\n一、主要工作成效\n（一）大气环境质量持续改善\n'), text);
    assert.ok(!text.includes('内部资料'), 'the page header is not body text');
    assert.match(await page.locator('#file-list').textContent(), /工作总结\.docx.*Word 文档/);
    const cli = cliReport(saved('report.docx', data));
    assert.equal(cli.input.format, 'docx');
    assert.equal(await page.locator('#outline [role="treeitem"]').count(), countSections(cli.sections));
    assert.equal(await page.locator('#source mark.hl-indicator').count(), cli.indicators.length);
    assert.match(await page.locator('#outline').textContent(), /一、\s*主要工作成效/);
    await page.screenshot({ path: join(ARTIFACTS, 'intake-docx.png') });
    await page.close();
  });

  test('a saved web page in GBK is decoded by its meta charset and stripped to its article', async () => {
    const page = await openPage();
    const html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
      <title>青川市2023年环境状况公报_青川市人民政府</title><script>alert("不应执行")</script></head>
      <body><ul class="nav"><li>首页</li><li>政务公开</li></ul>
      <div class="content"><h1>青川市2023年环境状况公报</h1><p>一、大气环境</p>
      <p>全市优良天数为287天，同比增加12天。</p><p>&lt;img src=x onerror=alert(1)&gt;</p></div>
      <div class="footer">版权所有</div></body></html>`;
    const n = await renders(page);
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs++; d.dismiss(); });
    await drop(page, [{ name: 'gongbao.htm', data: encodeWith(html, 'gbk') }]);
    await waitForRender(page, n);
    const text = await page.inputValue('#text');
    assert.equal(text, '青川市2023年环境状况公报\n一、大气环境\n全市优良天数为287天，同比增加12天。\n<img src=x onerror=alert(1)>\n');
    assert.match(await page.locator('#status').textContent(), /网页 · gb18030/);
    assert.equal(await page.locator('#source img').count(), 0);
    assert.equal(dialogs, 0);
    await page.close();
  });

  test('a file over the size limit is refused at once and the text on screen stays', async () => {
    const page = await openPage();
    const before = await page.inputValue('#text');
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(65 * 1024 * 1024).fill(0x41)], 'huge.log'));
      document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    });
    await page.waitForSelector('#status .error', { timeout: 60000 });
    assert.match(await page.locator('#status').textContent(), /huge\.log: .*68\.2 MB.*64 MB/);
    assert.equal(await page.inputValue('#text'), before);
    await page.close();
  });

  test('a 20 MB paste shows progress by stage and is analyzed like the CLI does', async () => {
    const page = await openPage();
    const unit = seeds().map((x) => x.text).join('\n\n') + '\n\n';
    const text = unit.repeat(Math.ceil(20e6 / Buffer.byteLength(unit)));
    const n = await renders(page);
    const started = Date.now();
    // set the value in the page (typing 20 MB through the protocol would take minutes)
    await page.evaluate((t) => {
      const area = document.getElementById('text');
      area.value = t;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    await page.waitForSelector('#status progress', { timeout: 30000 });
    const stage = await page.locator('#status').textContent();
    assert.match(stage, /分析中.*\(\d\/5\)/);
    await waitForRender(page, n, 180000);
    const ms = Date.now() - started;
    const cli = cliReport(saved('twenty.txt', text));
    assert.match(await page.locator('#ind-count').textContent(), new RegExp(`${cli.indicators.length}`));
    const memory = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
    console.log(`20 MB paste (${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB, ${cli.indicators.length} indicators): rendered in ${(ms / 1000).toFixed(1)} s, JS heap ${(memory / 1e6).toFixed(0)} MB`);
    await page.screenshot({ path: join(ARTIFACTS, 'intake-20mb.png') });
    await page.close();
  });

  test('lone surrogates typed or pasted from JavaScript do not break the offsets', async () => {
    const page = await openPage();
    const text = '全区优良天数为287天\uD800，同比增加12天\uDC00。';
    const n = await renders(page);
    await page.fill('#text', text);
    await waitForRender(page, n);
    const marks = await page.locator('#source mark.hl-indicator').allTextContents();
    assert.deepEqual(marks, ['287天']);
    assert.equal(await page.locator('#source mark.hl-comparison').textContent(), '同比增加12天');
    await page.close();
  });
});
