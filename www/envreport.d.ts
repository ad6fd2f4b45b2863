// The JavaScript API of envreport. The report's types are generated from the Rust types
// (report.d.ts); offsets are UTF-16 code units unless `offsets` says otherwise, so
// `text.slice(x.start, x.end)` is a span's text.

import type { OffsetEncoding, Report } from './report.js';

export * from './report.js';

export interface AnalyzeOptions {
  /** How start/end count; default `utf16` (JavaScript string indices). */
  offsets?: OffsetEncoding;
}

/** Analyzes the text of a report (in a shared module worker). */
export function analyze(text: string, options?: AnalyzeOptions): Promise<Report>;
/** The analyzer's version. */
export function version(): Promise<string>;
/** Reads a File or Blob as text, detecting UTF-8, UTF-16, GB18030/GBK or Big5. */
export function readFile(file: Blob): Promise<{ text: string; encoding: import('./report.js').Encoding; format: import('./report.js').Format }>;

/** `<envreport-analyzer>`: attributes text, src, lang (zh | en), view, compact. */
export declare class EnvreportAnalyzer extends HTMLElement {
  /** The last report, or null. */
  readonly report: Report | null;
  /** The text last analyzed. */
  readonly text: string;
  /** Analyzes a text, shows it, resolves to the report; fires `envreport-analyzed`. */
  analyze(text: string): Promise<Report>;
}

declare global {
  interface HTMLElementTagNameMap { 'envreport-analyzer': EnvreportAnalyzer }
  interface HTMLElementEventMap {
    'envreport-analyzed': CustomEvent<Report>;
    'envreport-error': CustomEvent<{ message: string }>;
  }
}
