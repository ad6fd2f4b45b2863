// The analysis worker: loads the wasm core once, then decodes files and analyzes texts on
// request, so the page never freezes. Messages in: {id, op: 'analyze', text} or
// {id, op: 'read', name, bytes}; out: {id, ok: true, ...} or {id, ok: false, error}.
import init, { analyze, detectEncoding, version } from './pkg/envreport.js';

const ready = init({ module_or_path: new URL('./pkg/envreport_bg.wasm', import.meta.url) });

/** Decodes a text file's bytes by the encoding the core detects. */
function readText(bytes) {
  const { encoding, bom } = detectEncoding(bytes);
  const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bom));
  return { text, encoding, format: 'text' };
}

self.onmessage = async (event) => {
  const { id, op } = event.data;
  try {
    await ready;
    if (op === 'analyze') {
      const start = performance.now();
      const report = analyze(event.data.text, { offsets: 'utf16' });
      self.postMessage({ id, ok: true, report, ms: performance.now() - start });
    } else if (op === 'read') {
      const bytes = new Uint8Array(event.data.bytes);
      self.postMessage({ id, ok: true, ...readText(bytes) });
    } else if (op === 'version') {
      self.postMessage({ id, ok: true, version: version() });
    } else {
      throw new Error(`unknown operation ${op}`);
    }
  } catch (e) {
    self.postMessage({ id, ok: false, error: String(e && e.message ? e.message : e) });
  }
};
