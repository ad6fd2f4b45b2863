// The page's and the widget's way to the analyzer: one module worker shared by every
// caller in the page, requests matched to answers by id.

let workerURL = new URL('./worker.js', import.meta.url);
let nextId = 1;
const pending = new Map();
// workers[0] serves every request; the others only share the analysis of many reports
const workers = [];

/** Where the worker script is (the single-file build points it at itself). */
export function setWorkerURL(url) {
  workerURL = url;
}

/** The worker start.js started for this page, if it did and it is the one wanted. */
function adoptWorker() {
  const early = globalThis.envreportWorker;
  if (!early) return null;
  globalThis.envreportWorker = undefined; // taken over once
  if (early.failed || String(workerURL) !== new URL('./worker.js', import.meta.url).href) {
    early.terminate();
    return null;
  }
  return early;
}

function getWorker(k = 0) {
  if (!workers[k]) {
    const worker = (k === 0 && adoptWorker())
      || new Worker(workerURL, { type: 'module', name: k ? `envreport-${k}` : 'envreport' });
    worker.onmessage = (event) => {
      const { id, ok, error, progress, ...rest } = event.data;
      const p = pending.get(id);
      if (!p) return;
      if (progress) {
        p.onProgress?.(progress);
        return;
      }
      pending.delete(id);
      if (ok) p.resolve(rest);
      else p.reject(new Error(error));
    };
    worker.onerror = (event) => {
      const error = new Error(event.message || 'the analysis worker failed to start');
      for (const [id, p] of pending) {
        if (p.worker !== k) continue;
        p.reject(error);
        pending.delete(id);
      }
      workers[k] = null;
    };
    workers[k] = worker;
  }
  return workers[k];
}

function call(message, transfer = [], onProgress = undefined, k = 0) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, onProgress, worker: k });
    getWorker(k).postMessage({ id, ...message }, transfer);
  });
}

/** Analyzes a text: resolves to `{ report, ms }`, offsets in UTF-16 code units unless
 * `options.offsets` says otherwise. On long texts `onProgress({ stage, done, total })` is
 * called as each stage of the analysis starts. */
export function analyzeText(text, options = {}, onProgress = undefined) {
  return call({ op: 'analyze', text: String(text), options }, [], onProgress);
}

/** How many workers share the analysis of many reports: the machine's cores, at most 4. */
export const poolSize = () => Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1));

/** Starts the workers that share a comparison's analyses (their wasm compiled, their
 * lexicon built), so that opening the comparison finds them ready. */
export function warmPool() {
  for (let k = 1; k < poolSize(); k++) if (!workers[k]) call({ op: 'analyze', text: '。' }, [], undefined, k).catch(() => {});
}

/** What a comparison needs of each report (see compare.js `entryOf`), the analysis done
 * in workers, as many as the machine has cores (at most four): `docs` is
 * `[{ label, text }]`; resolves to `{ entries }` in the order of `docs`, calling
 * `onProgress({ done, total })` as reports are done. */
export async function compareEntries(docs, onProgress = undefined) {
  const n = Math.max(1, Math.min(poolSize(), Math.ceil(docs.length / 8)));
  const parts = Array.from({ length: n }, (_, k) => docs.slice(Math.floor((k * docs.length) / n), Math.floor(((k + 1) * docs.length) / n)));
  const done = new Array(n).fill(0);
  const report = () => onProgress?.({ done: done.reduce((a, b) => a + b, 0), total: docs.length });
  const got = await Promise.all(parts.map((part, k) => call({ op: 'entries', docs: part }, [],
    (p) => { done[k] = p.done; report(); }, k)));
  return { entries: got.flatMap((g) => g.entries) };
}

/** Reads a dropped or picked file (text in any supported encoding, a web page or a Word
 * document): resolves to `{ text, encoding, format }`. With `entry`, also the file's
 * figures for a comparison (compare.js `entryOf`); `worker` picks which of the pool's
 * workers reads it (see `poolSize`), so that many files are read side by side. */
export async function readFile(file, { entry = false, worker = 0 } = {}) {
  const bytes = await file.arrayBuffer();
  return call({ op: 'read', name: file.name, bytes, entry }, [bytes], undefined, worker);
}

/** The analyzer's version. */
export async function analyzerVersion() {
  return (await call({ op: 'version' })).version;
}
