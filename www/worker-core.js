// What the analysis worker does, given a promise of the initialized wasm module. Messages
// in: {id, op: 'analyze', text, options} | {id, op: 'entries', docs: [{label, text}]} |
// {id, op: 'read', name, bytes, entry?} | {id, op: 'version'};
// out: {id, progress: {stage, done, total}} while a large text is analyzed, then
// {id, ok: true, ...} or {id, ok: false, error}.
import { analyze, readDocument, version } from './pkg/envreport.js';

// Texts this long report each stage of the analysis, for a progress bar.
const PROGRESS_FROM = 200_000;

// What the core decodes GB18030 and Big5 with.
const decoder = {
  decode(bytes, label) {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  },
};

let asked = false;
// a report's shapes (heading, quantities, change, rank, share): warming up reaches most code
const SAMPLE = '一、大气环境\n2023年，全市PM2.5平均浓度为30微克/立方米，同比下降5.2%，优良天数300天，占82.2%，在全省排名第3位。';

/** With no request yet, one small analysis: the lexicon built, the code compiled. */
export function warmUp() {
  if (asked) return;
  try {
    analyze(SAMPLE, { offsets: 'utf16' });
  } catch {
    // the first real request reports what is wrong
  }
}

export function serveRequests(ready) {
  self.onmessage = async (event) => {
    asked = true;
    const { id, op } = event.data;
    try {
      await ready;
      if (op === 'analyze') {
        const { text } = event.data;
        const start = performance.now();
        const onProgress = text.length >= PROGRESS_FROM
          ? (stage, done, total) => self.postMessage({ id, progress: { stage, done, total } })
          : undefined;
        const report = analyze(text, { offsets: 'utf16', ...(event.data.options ?? {}) }, onProgress);
        self.postMessage({ id, ok: true, report, ms: performance.now() - start });
      } else if (op === 'entries') {
        // what a comparison needs of each report, computed here so that only that crosses
        const { entryOf } = await import('./compare.js');
        const entries = event.data.docs.map(({ label, text }, k) => {
          self.postMessage({ id, progress: { done: k, total: event.data.docs.length } });
          return entryOf(label, analyze(text, { offsets: 'utf16' }), text);
        });
        self.postMessage({ id, ok: true, entries });
      } else if (op === 'read') {
        const name = event.data.name ?? '';
        const { text, encoding, format } = readDocument(name, new Uint8Array(event.data.bytes), decoder);
        // a file opened for a comparison: its figures now, while this worker has it
        const entry = event.data.entry ? (await import('./compare.js')).entryOf(name, analyze(text, { offsets: 'utf16' }), text) : undefined;
        self.postMessage({ id, ok: true, text, encoding, format, entry });
      } else if (op === 'version') {
        self.postMessage({ id, ok: true, version: version() });
      } else {
        throw new Error(`unknown operation ${op}`);
      }
    } catch (e) {
      self.postMessage({ id, ok: false, error: String(e && e.message ? e.message : e) });
    }
  };
}
