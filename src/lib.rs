//! envreport: an analyzer for Chinese government environmental reports (生态环境局
//! 工作总结, 通报, 整改报告, 环境状况公报, press releases).
//!
//! [`analyze`] turns the text of a report into a [`Report`]: its metadata, its section
//! tree and every quantitative indicator, each linked to the span of the original text it
//! came from. Analysis is total: it never fails and never panics; odd input gives a report
//! with fewer findings and [`Diagnostic`]s.
//!
//! ```
//! use envreport::{analyze, Options};
//!
//! let report = analyze("2021年，全区优良天数为287天，同比增加12天，全市排名第2。", &Options::default());
//! let days = &report.indicators[0];
//! assert_eq!((days.name.as_str(), days.value, days.unit.as_str()), ("全区优良天数", Some(287.0), "天"));
//! assert_eq!(report.comparisons[0].value, Some(12.0));
//! assert_eq!(report.ranks[0].rank, Some(2));
//! assert_eq!(report.meta.year, Some(2021));
//! ```
//!
//! # The pipeline
//!
//! Text flows one way, each stage a pure function of the ones before (the modules are
//! private; `ARCHITECTURE.md` draws them):
//!
//! 1. `normalize`: one canonical text (half-width digits, Chinese punctuation, simplified
//!    characters, no ruby or web junk, broken lines rejoined) and a map back to the
//!    original;
//! 2. `structure`: line roles (header, body, footer), headings, sections, sentences and
//!    clauses;
//! 3. `meta`: title, date, issuing body, region, year, period from the classified lines;
//! 4. `numbers`: every numeral with its unit, approximation and role;
//! 5. `indicators`: which quantities are indicators, comparisons and ranks, their names,
//!    and what links to what;
//! 6. `report`: the output contract ([`Report`]), with spans mapped to the original in the
//!    caller's encoding.
//!
//! Below them, `text` holds the language every stage reads (character classes, the
//! numeral grammar, dates, GB/T 9704 labels) and `lexicon` the word lists, data files
//! compiled in ([`Lexicon`], [`LexiconFile`]). [`intake`] reads files (encodings, Word
//! documents, web pages) before any of this.

#![deny(missing_docs)]

mod checks;
pub mod compare;
mod error;
mod indicators;
pub mod intake;
mod lexicon;
pub mod limits;
mod meta;
mod names;
mod normalize;
mod numbers;
mod report;
mod span;
mod structure;
mod text;
#[cfg(any(target_arch = "wasm32", test))]
pub mod wasm;

pub use error::{Error, Result};
pub use lexicon::{
    Better, Bound, CatalogueEntry, Category, Direction, Lexicon, LexiconFile, Period, Qualifier,
    UnitCategory,
};
pub use numbers::{MentionKind, Role};
pub use report::{
    Check, CheckKind, CheckRule, Comparison, Diagnostic, DiagnosticCode, Indicator, Input, Meta,
    MetaField, NumberOut, OffsetEncoding, Options, Rank, Report, Section, SectionKind, Severity,
    SpanOut, Stats, Verdict, SCHEMA_VERSION,
};

/// The stages one by one, for the benchmarks, the fuzz targets and the property tests.
/// Not a stable API.
#[doc(hidden)]
pub mod internals {
    pub use crate::indicators::find as indicators;
    pub use crate::intake::docx::{
        extract as docx_extract, extract_parts as docx_extract_parts, is_docx,
    };
    pub use crate::intake::html::{
        charset as html_charset, extract as html_extract, looks_like_html,
    };
    pub use crate::meta::extract as meta;
    pub use crate::normalize::{fold_chars, fold_lines, normalize};
    pub use crate::numbers::find as numbers;
    pub use crate::span::Span;
    pub use crate::structure::analyze as structure;
    pub use crate::text::numerals::{parse_arabic, parse_chinese, parse_number};
}

/// The version of this crate.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Analyzes the text of a report with the built-in lexicon.
pub fn analyze(text: &str, options: &Options) -> Report {
    analyze_with(text, options, Lexicon::builtin())
}

/// Analyzes the text of a report with the given lexicon.
pub fn analyze_with(text: &str, options: &Options, lex: &Lexicon) -> Report {
    analyze_with_progress(text, options, lex, &mut |_| {})
}

/// A stage of the analysis, as [`analyze_with_progress`] reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// One canonical text and the map back to the original.
    Normalize,
    /// Line roles, headings, sections, sentences and metadata.
    Structure,
    /// Every numeral with its unit and role.
    Numbers,
    /// Indicators, comparisons and ranks.
    Indicators,
    /// The output contract.
    Report,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 5] = [
        Stage::Normalize,
        Stage::Structure,
        Stage::Numbers,
        Stage::Indicators,
        Stage::Report,
    ];

    /// The stage's name: `normalize`, `structure`, `numbers`, `indicators`, `report`.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Normalize => "normalize",
            Stage::Structure => "structure",
            Stage::Numbers => "numbers",
            Stage::Indicators => "indicators",
            Stage::Report => "report",
        }
    }
}

/// [`analyze_with`], calling `progress` as each stage starts (for a progress bar on large
/// inputs).
pub fn analyze_with_progress(
    text: &str,
    options: &Options,
    lex: &Lexicon,
    progress: &mut dyn FnMut(Stage),
) -> Report {
    progress(Stage::Normalize);
    let normalized = normalize::normalize(text, lex);
    progress(Stage::Structure);
    let mut structure = structure::analyze(&normalized.text, lex);
    let meta = meta::extract(&normalized.text, &structure, lex);
    progress(Stage::Numbers);
    let (mentions, numerals_cut) =
        numbers::find_capped(&normalized.text, &structure.label_spans(), lex);
    progress(Stage::Indicators);
    let findings = indicators::find(&normalized.text, &structure, &meta, &mentions, lex);
    let checks = checks::find(
        &normalized.text,
        &structure,
        &meta,
        &mentions,
        &findings,
        lex,
    );
    structure.drop_clauses();
    progress(Stage::Report);
    report::build(
        &report::Parts {
            original: text,
            normalized: &normalized,
            structure: &structure,
            meta: &meta,
            mentions: &mentions,
            findings: &findings,
            numerals_cut,
            options,
            lexicon: lex,
        },
        checks,
    )
}

/// The catalogue of standard indicators that [`Indicator::canonical`] names, in the order
/// of `data/catalogue.tsv`.
pub fn catalogue() -> Vec<CatalogueEntry> {
    Lexicon::builtin().catalogue.list()
}

/// The normalized text the analysis reads: one paragraph a line, half-width digits and
/// Latin letters, Chinese punctuation, simplified characters, no ruby or web junk.
pub fn normalize(text: &str) -> String {
    normalize::normalize(text, Lexicon::builtin()).text
}

/// The normalized text line by line, each line with the role the analysis gives it
/// (`title`, `source`, `body`, `heading 2`, `signature`, …). For debugging.
pub fn line_roles(text: &str) -> Vec<(String, String)> {
    let lex = Lexicon::builtin();
    let normalized = normalize::normalize(text, lex);
    let structure = structure::analyze(&normalized.text, lex);
    structure
        .lines
        .iter()
        .zip(&structure.roles)
        .enumerate()
        .map(|(i, (span, role))| {
            let heading = structure.headings.iter().find(|h| h.line == i);
            let name = match heading {
                Some(h) => format!("heading {}", h.level),
                None => format!("{role:?}").to_lowercase(),
            };
            (name, span.slice(&normalized.text).to_string())
        })
        .collect()
}

/// Every number of the text, including those that are not indicators: dates, ordinals,
/// codes, labels. For checking the numeral parser and for debugging.
pub fn numbers(text: &str, options: &Options) -> Vec<NumberOut> {
    let lex = Lexicon::builtin();
    let normalized = normalize::normalize(text, lex);
    let structure = structure::analyze(&normalized.text, lex);
    let mentions = numbers::find(&normalized.text, &structure.label_spans(), lex);
    report::numbers_out(text, &normalized, &mentions, options)
}

#[cfg(feature = "json")]
impl Report {
    /// The report as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The report as indented JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
