// What the analysis worker does, given a promise of the initialized wasm module. Messages
// in: {id, op: 'analyze', text, options} | {id, op: 'read', name, bytes} | {id, op: 'version'};
// out: {id, ok: true, ...} or {id, ok: false, error}.
import { analyze, detectEncoding, version } from './pkg/envreport.js';

/** Decodes a text file's bytes by the encoding the core detects. */
function readText(bytes) {
  const { encoding, bom } = detectEncoding(bytes);
  const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bom));
  return { text, encoding, format: 'text' };
}

export function serveRequests(ready) {
  self.onmessage = async (event) => {
    const { id, op } = event.data;
    try {
      await ready;
      if (op === 'analyze') {
        const start = performance.now();
        const report = analyze(event.data.text, { offsets: 'utf16', ...(event.data.options ?? {}) });
        self.postMessage({ id, ok: true, report, ms: performance.now() - start });
      } else if (op === 'read') {
        self.postMessage({ id, ok: true, ...readText(new Uint8Array(event.data.bytes)) });
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
