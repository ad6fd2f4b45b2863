// The report of envreport and its JavaScript API. Hand-written to match
// schema/report.schema.json (schema_version 1); offsets are UTF-16 code units unless
// `offsets` says otherwise, so `text.slice(x.start, x.end)` is a span's text.

export type Offsets = 'chars' | 'utf8' | 'utf16';

export interface AnalyzeOptions {
  /** How start/end count; default `utf16` (JavaScript string indices). */
  offsets?: Offsets;
}

export interface Span { start: number; end: number }

export interface Meta {
  title: string | null;
  /** Signature or publication date, YYYY-MM-DD. */
  date: string | null;
  org: string | null;
  region: string | null;
  year: number | null;
  period: string | null;
  kind: string | null;
  recipients: string | null;
  cc: string | null;
  signature: string | null;
  published: string | null;
  source: string | null;
  author: string | null;
  /** Where each field was read, by field name. */
  spans: Partial<Record<'title' | 'date' | 'org' | 'period' | 'recipients' | 'cc' | 'published' | 'source' | 'author' | 'signature', Span>>;
}

export interface Section {
  id: number;
  /** GB/T 9704: 一、 1, （一） 2, 1. 3, （1） 4, ① 5. */
  level: number;
  label: string | null;
  title: string;
  kind: 'numbered' | 'line' | 'lead';
  start: number;
  end: number;
  heading_start: number;
  heading_end: number;
  children: Section[];
}

export type Category = 'air' | 'water' | 'soil' | 'waste' | 'ecology' | 'climate' | 'noise' | 'radiation'
  | 'enforcement' | 'petitions' | 'approval' | 'monitoring' | 'publicity' | 'party' | 'meetings' | 'funds' | 'other';

export type UnitCategory = 'count' | 'visits' | 'time' | 'length' | 'area' | 'volume' | 'mass' | 'money'
  | 'percent' | 'points' | 'concentration' | 'noise' | 'energy' | 'power' | 'multiple';

export interface Indicator {
  id: number;
  /** What is measured, from the words around the number. */
  name: string;
  /** The standard indicator it is an instance of (优良天数, PM2.5浓度). */
  metric: string | null;
  category: Category;
  /** In `unit`, with 万/亿 folded in; null for an `xx` placeholder. */
  value: number | null;
  unit: string;
  unit_written: string;
  unit_canonical: string;
  unit_category: UnitCategory | null;
  approx: boolean;
  qualifier: 'about' | 'over' | 'under' | null;
  placeholder: boolean;
  /** A goal (力争, 确保) rather than a result. */
  target: boolean;
  text: string;
  start: number;
  end: number;
  sentence_start: number;
  sentence_end: number;
  section: number | null;
  section_title: string | null;
  comparison: number | null;
  rank: number | null;
}

export interface Comparison {
  id: number;
  subject: string | null;
  /** 同比, 比去年同期, 较上年, 目标 … */
  basis: string | null;
  direction: 'up' | 'down' | 'flat';
  value: number | null;
  unit: string | null;
  unit_canonical: string | null;
  placeholder: boolean;
  text: string;
  start: number;
  end: number;
  indicator: number | null;
}

export interface Rank {
  id: number;
  scope: string | null;
  rank: number | null;
  placeholder: boolean;
  subject: string | null;
  text: string;
  start: number;
  end: number;
  indicator: number | null;
}

export interface Diagnostic {
  code: 'placeholder' | 'web_junk' | 'watermark' | 'page_number' | 'separator' | 'line_rejoined'
    | 'traditional' | 'ruby' | 'empty' | 'no_headings' | 'no_indicators';
  severity: 'info' | 'warning';
  message: string;
  text: string | null;
  start: number | null;
  end: number | null;
}

export interface Report {
  schema_version: 1;
  offsets: Offsets;
  meta: Meta;
  sections: Section[];
  indicators: Indicator[];
  comparisons: Comparison[];
  ranks: Rank[];
  diagnostics: Diagnostic[];
  stats: { length: number; paragraphs: number; sentences: number; numbers: number; headings: number };
  /** Present when the text was read from a file by the CLI. */
  input?: { encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5'; format: 'text' | 'docx' | 'html' };
}

/** Analyzes the text of a report (in a shared module worker). */
export function analyze(text: string, options?: AnalyzeOptions): Promise<Report>;
/** The analyzer's version. */
export function version(): Promise<string>;
/** Reads a File or Blob as text, detecting UTF-8, UTF-16, GB18030/GBK or Big5. */
export function readFile(file: Blob): Promise<{ text: string; encoding: string; format: 'text' }>;

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
