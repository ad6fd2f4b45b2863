// The module API: `import { analyze, version } from './envreport.js'`. Analysis runs in a
// module worker shared by every caller (and by every <envreport-analyzer> of the page);
// the wasm is loaded relative to this file.
import { analyzeText, analyzerVersion, readFile as readInWorker } from './client.js';

/**
 * Analyzes the text of a report. Resolves to the report (see envreport.d.ts); offsets are
 * UTF-16 code units, so `text.slice(i.start, i.end)` is the span's text.
 */
export async function analyze(text, options = {}) {
  return (await analyzeText(text, options)).report;
}

/** The analyzer's version. */
export function version() {
  return analyzerVersion();
}

/** Reads a File or Blob as text, detecting its encoding: `{ text, encoding, format }`. */
export function readFile(file) {
  return readInWorker(file);
}
