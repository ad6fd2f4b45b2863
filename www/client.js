// The page's and the widget's way to the analyzer: one module worker shared by every
// caller in the page, requests matched to answers by id.

let worker = null;
let nextId = 1;
const pending = new Map();
let workerURL = new URL('./worker.js', import.meta.url);

/** Where the worker script is (the single-file build points it at itself). */
export function setWorkerURL(url) {
  workerURL = url;
}

function getWorker() {
  if (!worker) {
    worker = new Worker(workerURL, { type: 'module', name: 'envreport' });
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
      for (const p of pending.values()) p.reject(error);
      pending.clear();
      worker = null;
    };
  }
  return worker;
}

function call(message, transfer = [], onProgress = undefined) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, onProgress });
    getWorker().postMessage({ id, ...message }, transfer);
  });
}

/** Analyzes a text: resolves to `{ report, ms }`, offsets in UTF-16 code units unless
 * `options.offsets` says otherwise. On long texts `onProgress({ stage, done, total })` is
 * called as each stage of the analysis starts. */
export function analyzeText(text, options = {}, onProgress = undefined) {
  return call({ op: 'analyze', text: String(text), options }, [], onProgress);
}

/** Reads a dropped or picked file (text in any supported encoding, a web page or a Word
 * document): resolves to `{ text, encoding, format }`. */
export async function readFile(file) {
  const bytes = await file.arrayBuffer();
  return call({ op: 'read', name: file.name, bytes }, [bytes]);
}

/** The analyzer's version. */
export async function analyzerVersion() {
  return (await call({ op: 'version' })).version;
}
