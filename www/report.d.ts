// The report of envreport, generated from the Rust types by tests/contract.rs: do not
// edit. Offsets are UTF-16 code units unless `offsets` says otherwise, so
// `text.slice(x.start, x.end)` is a span's text.

export type Report = {
  /** The version of this shape (`SCHEMA_VERSION`). */
  schema_version: number;
  /** How the offsets of this report count. */
  offsets: OffsetEncoding;
  /** What the document says about itself. */
  meta: Meta;
  /** The outline: top-level sections, each with its children. */
  sections: Array<Section>;
  /** Every quantity that states a fact, in text order. */
  indicators: Array<Indicator>;
  /** Changes against a basis, in text order. */
  comparisons: Array<Comparison>;
  /** Positions among peers, in text order. */
  ranks: Array<Rank>;
  /** Values against the national standards, numbers against each other, placeholders, in text order of their first span. */
  checks: Array<Check>;
  /** What is worth telling about the input. */
  diagnostics: Array<Diagnostic>;
  /** Sizes of the input and of what was found. */
  stats: Stats;
  /** What the text was read from, when the caller read it from a file (set by the CLI and the page, not by `crate::analyze`). */
  input?: Input;
};

export type Meta = {
  /** The document's title, one line. */
  title: string | null;
  /** Signature or publication date, `YYYY-MM-DD`. */
  date: string | null;
  /** The issuing body (several joined by `、`). */
  org: string | null;
  /** The place the report is about (常州市金坛区). */
  region: string | null;
  /** The year the report covers. */
  year: number | null;
  /** The reporting period (第二季度, 1-6月). */
  period: string | null;
  /** The kind of document (总结, 通报, 综述 …). */
  kind: string | null;
  /** Whom the document is addressed to (各分局，局机关各科室). */
  recipients: string | null;
  /** Who receives copies (抄送). */
  cc: string | null;
  /** The bodies that sign it, in order. */
  signature: Array<string>;
  /** The publication time as the page writes it (`2020-05-13 14:48`). */
  published: string | null;
  /** The source a web page names (来源). */
  source: string | null;
  /** The author a web page names (作者). */
  author: string | null;
  /** Where each field was read. */
  spans: { [key in MetaField]?: SpanOut };
};

export type MetaField = "author" | "cc" | "date" | "org" | "period" | "published" | "recipients" | "signature" | "source" | "title";

export type Section = {
  /** Index of the section in document order. */
  id: number;
  /** GB/T 9704: `一、` 1, `（一）` 2, `1.` 3, `（1）` 4, `①` 5. */
  level: number;
  /** The label as written in normalized form (`一、`, `（一）`), `null` if unnumbered. */
  label: string | null;
  /** The title: no label, no trailing full stop. */
  title: string;
  /** How the heading was recognised. */
  kind: SectionKind;
  /** Where the section starts (its heading). */
  start: number;
  /** Where it ends: at the next heading of the same or a higher level. */
  end: number;
  /** Where the heading itself, label and title, starts. */
  heading_start: number;
  /** Where the heading ends. */
  heading_end: number;
  /** The sections one level down. */
  children: Array<Section>;
};

export type SectionKind = "numbered" | "line" | "lead";

export type Indicator = {
  /** Index of the indicator in text order. */
  id: number;
  /** What is measured, from the words around the number. */
  name: string;
  /** The standard indicator this is an instance of (优良天数), if recognised. */
  metric: string | null;
  /** The id of the catalogue's standard indicator it is (`air.pm25.mean`), if any. */
  canonical: string | null;
  /** The value in the catalogue's unit (0.035 mg/m³ → 35 for μg/m³). */
  canonical_value: number | null;
  /** The catalogue's unit for it (μg/m³); for a count, the catalogue's measure word. */
  canonical_unit: string | null;
  /** The field of environmental work it belongs to. */
  category: Category;
  /** The value in `unit`, 万/亿 folded in; `null` for placeholders and ranges. */
  value: number | null;
  /** The low end of a range (`3-5天` → 3), in `unit`. */
  low: number | null;
  /** The high end of a range (`3-5天` → 5), in `unit`. */
  high: number | null;
  /** The unit as written without 万/亿 (元 for 10万元); empty for an index value. */
  unit: string;
  /** The unit as written (万元). */
  unit_written: string;
  /** The unit in a canonical form (μg/m³ for 微克/立方米). */
  unit_canonical: string;
  /** What the unit measures. */
  unit_category: UnitCategory | null;
  /** The number is approximate (约, 余, 左右, 近). */
  approx: boolean;
  /** How an approximate number relates to the true one. */
  qualifier: Qualifier | null;
  /** The digits are an unfilled placeholder (`xx`). */
  placeholder: boolean;
  /** A goal rather than a result (力争…, 确保…). */
  target: boolean;
  /** A threshold or a bound rather than an exact value: `以上`, `以下`, `以内`, `不低于`, `不超过` (5000平方米以上, 不低于85%); `qualifier` says which side. */
  bound: boolean;
  /** The value of a comparison's basis (`较去年同期51微克/立方米下降5.8%`): last period's figure, not a fact of the period reported. */
  baseline: boolean;
  /** The original text of the quantity. */
  text: string;
  /** Where the quantity starts. */
  start: number;
  /** Where it ends. */
  end: number;
  /** Where its sentence starts. */
  sentence_start: number;
  /** Where its sentence ends. */
  sentence_end: number;
  /** The id of the innermost section. */
  section: number | null;
  /** The title of that section. */
  section_title: string | null;
  /** The id of the comparison that qualifies it. */
  comparison: number | null;
  /** The id of its rank. */
  rank: number | null;
};

export type Comparison = {
  /** Index of the comparison in text order. */
  id: number;
  /** What changed, when the comparison's clause names it. */
  subject: string | null;
  /** 同比, 比去年同期, 较上年, 目标 …; `null` when the text states none. */
  basis: string | null;
  /** Which way the value moved. */
  direction: Direction;
  /** The size of the change in `unit`; `null` when flat or a placeholder. */
  value: number | null;
  /** The unit of the change as written. */
  unit: string | null;
  /** The unit in a canonical form. */
  unit_canonical: string | null;
  /** The change is an unfilled placeholder (`x.x%`). */
  placeholder: boolean;
  /** The original text of the comparison. */
  text: string;
  /** Where it starts. */
  start: number;
  /** Where it ends. */
  end: number;
  /** The id of the indicator it qualifies. */
  indicator: number | null;
  /** The id of the indicator that states its basis's value (`较去年同期51微克/立方米`). */
  baseline: number | null;
};

export type Rank = {
  /** Index of the rank in text order. */
  id: number;
  /** The peers: 全省, 全市, 中心五城区 … */
  scope: string | null;
  /** The position, 1 for the first; `null` for a placeholder. */
  rank: number | null;
  /** The position is an unfilled placeholder (`第x位`). */
  placeholder: boolean;
  /** What is ranked, when the clause names it. */
  subject: string | null;
  /** The original text of the rank. */
  text: string;
  /** Where it starts. */
  start: number;
  /** Where it ends. */
  end: number;
  /** The id of the indicator it ranks. */
  indicator: number | null;
};

export type Diagnostic = {
  /** What it is about. */
  code: DiagnosticCode;
  /** How much it matters. */
  severity: Severity;
  /** A sentence in English; interfaces translate by `code`. */
  message: string;
  /** The original text concerned, if any. */
  text: string | null;
  /** Where that text starts. */
  start: number | null;
  /** Where it ends. */
  end: number | null;
};

export type DiagnosticCode = "placeholder" | "web_junk" | "watermark" | "page_number" | "separator" | "line_rejoined" | "traditional" | "ruby" | "empty" | "no_headings" | "no_indicators" | "not_chinese" | "too_many_sections" | "too_many_numerals" | "too_many_notes";

export type Severity = "info" | "warning";

export type Stats = {
  /** Length of the input in the report's offset encoding. */
  length: number;
  /** Paragraphs (lines of the normalized text). */
  paragraphs: number;
  /** Sentences. */
  sentences: number;
  /** Numerals of every kind, dates and codes included. */
  numbers: number;
  /** Headings. */
  headings: number;
};

export type SpanOut = {
  /** Where the span starts. */
  start: number;
  /** Where it ends (exclusive). */
  end: number;
};

export type Input = {
  /** The encoding of the file's text. */
  encoding: Encoding;
  /** What the text was extracted from. */
  format: Format;
};

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "big5";

export type Format = "text" | "html" | "docx";

export type OffsetEncoding = "chars" | "utf8" | "utf16";

export type Options = {
  /** The encoding of the report's offsets. */
  offsets: OffsetEncoding;
};

export type Category = "air" | "water" | "soil" | "waste" | "ecology" | "climate" | "noise" | "radiation" | "enforcement" | "petitions" | "approval" | "monitoring" | "publicity" | "party" | "meetings" | "funds" | "other";

export type UnitCategory = "count" | "visits" | "time" | "length" | "area" | "volume" | "mass" | "money" | "percent" | "points" | "concentration" | "noise" | "energy" | "power" | "multiple" | "temperature" | "radiation" | "other";

export type Qualifier = "about" | "over" | "under";

export type Direction = "up" | "down" | "flat";

export type NumberOut = {
  /** The original text of the number with its markers and unit. */
  text: string;
  /** Its value in its unit; `null` for placeholders and ranges. */
  value: number | null;
  /** The low end of a range. */
  low: number | null;
  /** The high end of a range. */
  high: number | null;
  /** Where it starts. */
  start: number;
  /** Where it ends. */
  end: number;
  /** Its written form. */
  kind: MentionKind;
  /** What it is in its context. */
  role: Role;
  /** Its unit as written without 万/亿. */
  unit: string | null;
  /** How an approximate number relates to the true one. */
  qualifier: Qualifier | null;
};

export type MentionKind = "integer" | "decimal" | "percent" | "fraction" | "ordinal" | "placeholder" | "year" | "month" | "day" | "date" | "time" | "code";

export type Role = "quantity" | "date" | "ordinal" | "name" | "code" | "label" | "indefinite" | "bare";
