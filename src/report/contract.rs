//! The output contract: the report and its parts, as JSON and as JavaScript objects.
//!
//! These types are the one definition of the contract. The JSON Schema
//! (`schema/report.schema.json`) and the TypeScript declarations (`www/report.d.ts`) are
//! generated from them by `tests/contract.rs`, which fails when a committed file differs
//! from what the types say, so neither can drift.

use std::collections::BTreeMap;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

pub use crate::checks::{CheckKind, CheckRule, Verdict};
use crate::error::Error;
use crate::intake::{Encoding, Format};
use crate::lexicon::{Category, Direction, Qualifier, UnitCategory};
use crate::names::named_enum;
use crate::numbers::{MentionKind, Role};

/// Version of the report's shape; bumped when a field changes meaning or disappears.
pub const SCHEMA_VERSION: u32 = 1;

/// How `start`/`end` offsets count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum OffsetEncoding {
    /// Unicode scalar values (Python's `str` indices).
    #[default]
    Chars,
    /// UTF-8 bytes (Rust's `str` indices).
    Utf8,
    /// UTF-16 code units (JavaScript's string indices).
    Utf16,
}

impl FromStr for OffsetEncoding {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "chars" => Ok(Self::Chars),
            "utf8" | "bytes" => Ok(Self::Utf8),
            "utf16" => Ok(Self::Utf16),
            _ => Err(Error::Option {
                name: "offsets".into(),
                value: s.into(),
                expected: "chars, utf8 or utf16".into(),
            }),
        }
    }
}

/// Options of an analysis.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
#[serde(default)]
pub struct Options {
    /// The encoding of the report's offsets.
    pub offsets: OffsetEncoding,
}

/// The analysis of one report.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Report {
    /// The version of this shape ([`SCHEMA_VERSION`]).
    #[cfg_attr(feature = "schema", schemars(extend("const" = 1)))]
    pub schema_version: u32,
    /// How the offsets of this report count.
    pub offsets: OffsetEncoding,
    /// What the document says about itself.
    pub meta: Meta,
    /// The outline: top-level sections, each with its children.
    pub sections: Vec<Section>,
    /// Every quantity that states a fact, in text order.
    pub indicators: Vec<Indicator>,
    /// Changes against a basis, in text order.
    pub comparisons: Vec<Comparison>,
    /// Positions among peers, in text order.
    pub ranks: Vec<Rank>,
    /// Values against the national standards, numbers against each other, placeholders,
    /// in text order of their first span.
    pub checks: Vec<Check>,
    /// What is worth telling about the input.
    pub diagnostics: Vec<Diagnostic>,
    /// Sizes of the input and of what was found.
    pub stats: Stats,
    /// What the text was read from, when the caller read it from a file (set by the CLI
    /// and the page, not by [`crate::analyze`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", ts(optional))]
    pub input: Option<Input>,
}

/// How the analyzed text was read from a file.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Input {
    /// The encoding of the file's text.
    pub encoding: Encoding,
    /// What the text was extracted from.
    pub format: Format,
}

/// A span in the caller's encoding, end exclusive.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct SpanOut {
    /// Where the span starts.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
}

named_enum! {
    /// A field of [`Meta`] read from a span of the text.
    pub enum MetaField {
        /// [`Meta::author`].
        Author = "author",
        /// [`Meta::cc`].
        Cc = "cc",
        /// [`Meta::date`].
        Date = "date",
        /// [`Meta::org`].
        Org = "org",
        /// [`Meta::period`].
        Period = "period",
        /// [`Meta::published`].
        Published = "published",
        /// [`Meta::recipients`].
        Recipients = "recipients",
        /// [`Meta::signature`].
        Signature = "signature",
        /// [`Meta::source`].
        Source = "source",
        /// [`Meta::title`].
        Title = "title",
    }
}

/// What the document says about itself.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Meta {
    /// The document's title, one line.
    pub title: Option<String>,
    /// Signature or publication date, `YYYY-MM-DD`.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))
    )]
    pub date: Option<String>,
    /// The issuing body (several joined by `、`).
    pub org: Option<String>,
    /// The place the report is about (常州市金坛区).
    pub region: Option<String>,
    /// The year the report covers.
    pub year: Option<i32>,
    /// The reporting period (第二季度, 1-6月).
    pub period: Option<String>,
    /// The kind of document (总结, 通报, 综述 …).
    pub kind: Option<String>,
    /// Whom the document is addressed to (各分局，局机关各科室).
    pub recipients: Option<String>,
    /// Who receives copies (抄送).
    pub cc: Option<String>,
    /// The bodies that sign it, in order.
    pub signature: Vec<String>,
    /// The publication time as the page writes it (`2020-05-13 14:48`).
    pub published: Option<String>,
    /// The source a web page names (来源).
    pub source: Option<String>,
    /// The author a web page names (作者).
    pub author: Option<String>,
    /// Where each field was read.
    pub spans: BTreeMap<MetaField, SpanOut>,
}

named_enum! {
    /// How a heading was recognised.
    pub enum SectionKind {
        /// By a GB/T 9704 label (`一、`, `（一）`, `1.`, `（1）`, `①`, `第一部分`).
        Numbered = "numbered",
        /// A short line standing alone that titles what follows.
        Line = "line",
        /// The lead sentence of a paragraph in a parallel series.
        Lead = "lead",
    }
}

/// A section of the outline.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Section {
    /// Index of the section in document order.
    pub id: usize,
    /// GB/T 9704: `一、` 1, `（一）` 2, `1.` 3, `（1）` 4, `①` 5.
    pub level: u8,
    /// The label as written in normalized form (`一、`, `（一）`), `null` if unnumbered.
    pub label: Option<String>,
    /// The title: no label, no trailing full stop.
    pub title: String,
    /// How the heading was recognised.
    pub kind: SectionKind,
    /// Where the section starts (its heading).
    pub start: usize,
    /// Where it ends: at the next heading of the same or a higher level.
    pub end: usize,
    /// Where the heading itself, label and title, starts.
    pub heading_start: usize,
    /// Where the heading ends.
    pub heading_end: usize,
    /// The sections one level down.
    pub children: Vec<Section>,
}

/// A quantity that states a fact.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Indicator {
    /// Index of the indicator in text order.
    pub id: usize,
    /// What is measured, from the words around the number.
    pub name: String,
    /// The standard indicator this is an instance of (优良天数), if recognised.
    pub metric: Option<String>,
    /// The id of the catalogue's standard indicator it is (`air.pm25.mean`), if any.
    pub canonical: Option<String>,
    /// The value in the catalogue's unit (0.035 mg/m³ → 35 for μg/m³).
    pub canonical_value: Option<f64>,
    /// The catalogue's unit for it (μg/m³); for a count, the catalogue's measure word.
    pub canonical_unit: Option<String>,
    /// The field of environmental work it belongs to.
    pub category: Category,
    /// The value in `unit`, 万/亿 folded in; `null` for placeholders and ranges.
    pub value: Option<f64>,
    /// The low end of a range (`3-5天` → 3), in `unit`.
    pub low: Option<f64>,
    /// The high end of a range (`3-5天` → 5), in `unit`.
    pub high: Option<f64>,
    /// The unit as written without 万/亿 (元 for 10万元); empty for an index value.
    pub unit: String,
    /// The unit as written (万元).
    pub unit_written: String,
    /// The unit in a canonical form (μg/m³ for 微克/立方米).
    pub unit_canonical: String,
    /// What the unit measures.
    pub unit_category: Option<UnitCategory>,
    /// The number is approximate (约, 余, 左右, 近).
    pub approx: bool,
    /// How an approximate number relates to the true one.
    pub qualifier: Option<Qualifier>,
    /// The digits are an unfilled placeholder (`xx`).
    pub placeholder: bool,
    /// A goal rather than a result (力争…, 确保…).
    pub target: bool,
    /// A threshold or a bound rather than an exact value: `以上`, `以下`, `以内`, `不低于`,
    /// `不超过` (5000平方米以上, 不低于85%); `qualifier` says which side.
    pub bound: bool,
    /// The value of a comparison's basis (`较去年同期51微克/立方米下降5.8%`): last period's
    /// figure, not a fact of the period reported.
    pub baseline: bool,
    /// The original text of the quantity.
    pub text: String,
    /// Where the quantity starts.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// Where its sentence starts.
    pub sentence_start: usize,
    /// Where its sentence ends.
    pub sentence_end: usize,
    /// The id of the innermost section.
    pub section: Option<usize>,
    /// The title of that section.
    pub section_title: Option<String>,
    /// The id of the comparison that qualifies it.
    pub comparison: Option<usize>,
    /// The id of its rank.
    pub rank: Option<usize>,
}

/// A change against a basis.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Comparison {
    /// Index of the comparison in text order.
    pub id: usize,
    /// What changed, when the comparison's clause names it.
    pub subject: Option<String>,
    /// 同比, 比去年同期, 较上年, 目标 …; `null` when the text states none.
    pub basis: Option<String>,
    /// Which way the value moved.
    pub direction: Direction,
    /// The size of the change in `unit`; `null` when flat or a placeholder.
    pub value: Option<f64>,
    /// The unit of the change as written.
    pub unit: Option<String>,
    /// The unit in a canonical form.
    pub unit_canonical: Option<String>,
    /// The change is an unfilled placeholder (`x.x%`).
    pub placeholder: bool,
    /// The original text of the comparison.
    pub text: String,
    /// Where it starts.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// The id of the indicator it qualifies.
    pub indicator: Option<usize>,
    /// The id of the indicator that states its basis's value (`较去年同期51微克/立方米`).
    pub baseline: Option<usize>,
}

/// A position among peers.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Rank {
    /// Index of the rank in text order.
    pub id: usize,
    /// The peers: 全省, 全市, 中心五城区 …
    pub scope: Option<String>,
    /// The position, 1 for the first; `null` for a placeholder.
    pub rank: Option<u32>,
    /// The position is an unfilled placeholder (`第x位`).
    pub placeholder: bool,
    /// What is ranked, when the clause names it.
    pub subject: Option<String>,
    /// The original text of the rank.
    pub text: String,
    /// Where it starts.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// The id of the indicator it ranks.
    pub indicator: Option<usize>,
}

/// A check of the report: a value against a national standard, numbers against each
/// other, an unfilled placeholder.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Check {
    /// What it compares.
    pub kind: CheckKind,
    /// Which check it is: a stable code that interfaces translate.
    pub rule: CheckRule,
    /// What it found.
    pub verdict: Verdict,
    /// The standard cited (`GB 3095-2012`).
    pub standard: Option<String>,
    /// The limit, in the catalogue unit of the indicator checked.
    pub limit: Option<f64>,
    /// The class the limit is for: `2` (grade II), `Ⅲ` (a water class), `4a` (a noise
    /// zone), `良` (an AQI level).
    pub class: Option<String>,
    /// The table and clause of the standard.
    pub source: Option<String>,
    /// What was computed, to cite: `45 + 15 = 60 ✓`, `287 / 365 = 78.6% ✓`.
    pub computed: Option<String>,
    /// A sentence in English; interfaces translate by `rule`.
    pub message: String,
    /// The ids of the indicators involved.
    pub indicators: Vec<usize>,
    /// Every span involved, in the report's offsets.
    pub spans: Vec<SpanOut>,
}

named_enum! {
    /// What a diagnostic is about: a stable code that interfaces translate.
    pub enum DiagnosticCode {
        /// An unfilled placeholder (`xx`) stands where a number belongs.
        Placeholder = "placeholder",
        /// A line of web page furniture was ignored.
        WebJunk = "web_junk",
        /// A watermark was ignored.
        Watermark = "watermark",
        /// A page number was ignored.
        PageNumber = "page_number",
        /// A line of symbols was ignored.
        Separator = "separator",
        /// A line broken inside a sentence was joined to the next.
        LineRejoined = "line_rejoined",
        /// Traditional characters were read as simplified.
        Traditional = "traditional",
        /// Pinyin annotations after characters were ignored.
        Ruby = "ruby",
        /// The input holds no text.
        Empty = "empty",
        /// No headings were found.
        NoHeadings = "no_headings",
        /// No quantities were found.
        NoIndicators = "no_indicators",
        /// The text is mostly in another language than Chinese.
        NotChinese = "not_chinese",
        /// The report has more headings than the analyzer lists; the later ones are read
        /// as body text.
        TooManySections = "too_many_sections",
        /// The report has more numerals than the analyzer reads; the text after the last
        /// one read gives no indicators.
        TooManyNumerals = "too_many_numerals",
        /// More notes of one kind than the analyzer lists; the rest are counted.
        TooManyNotes = "too_many_notes",
    }
}

named_enum! {
    /// How much a diagnostic matters.
    pub enum Severity {
        /// Something done to the text, for the record.
        Info = "info",
        /// Something the author should look at.
        Warning = "warning",
    }
}

/// Something worth telling about the input.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Diagnostic {
    /// What it is about.
    pub code: DiagnosticCode,
    /// How much it matters.
    pub severity: Severity,
    /// A sentence in English; interfaces translate by `code`.
    pub message: String,
    /// The original text concerned, if any.
    pub text: Option<String>,
    /// Where that text starts.
    pub start: Option<usize>,
    /// Where it ends.
    pub end: Option<usize>,
}

/// Sizes of the input and of what was found.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Stats {
    /// Length of the input in the report's offset encoding.
    pub length: usize,
    /// Paragraphs (lines of the normalized text).
    pub paragraphs: usize,
    /// Sentences.
    pub sentences: usize,
    /// Numerals of every kind, dates and codes included.
    pub numbers: usize,
    /// Headings.
    pub headings: usize,
}

/// A number of the text, for `envreport numbers`.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct NumberOut {
    /// The original text of the number with its markers and unit.
    pub text: String,
    /// Its value in its unit; `null` for placeholders and ranges.
    pub value: Option<f64>,
    /// The low end of a range.
    pub low: Option<f64>,
    /// The high end of a range.
    pub high: Option<f64>,
    /// Where it starts.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// Its written form.
    pub kind: MentionKind,
    /// What it is in its context.
    pub role: Role,
    /// Its unit as written without 万/亿.
    pub unit: Option<String>,
    /// How an approximate number relates to the true one.
    pub qualifier: Option<Qualifier>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_parse() {
        assert_eq!(
            "utf16".parse::<OffsetEncoding>().unwrap(),
            OffsetEncoding::Utf16
        );
        assert!("latin1"
            .parse::<OffsetEncoding>()
            .unwrap_err()
            .to_string()
            .contains("chars, utf8 or utf16"));
    }
}
