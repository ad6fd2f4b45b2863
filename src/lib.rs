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
//! Text flows one way, each stage a pure function of the one before:
//!
//! 1. [`normalize`]: one canonical text (half-width digits, Chinese punctuation, simplified
//!    characters, no ruby or web junk, broken lines rejoined) and an
//!    [`offset_map::MapChain`] back to the original;
//! 2. [`structure`]: header and footer lines, headings, sections, sentences, and
//!    [`meta`]data;
//! 3. [`mod@numbers`]: every numeral with its unit, approximation and role (the grammar of
//!    numerals itself is in [`numerals`]);
//! 4. [`indicators`]: which quantities are indicators, comparisons and ranks, and their
//!    names;
//! 5. [`report`]: the output contract, with spans mapped to the original in the caller's
//!    encoding.
//!
//! The lexicons these stages read (units, cue words, indicator names, web junk, the
//! traditional → simplified table, pinyin, places) are data files compiled in, see
//! [`lexicon`].

pub mod chars;
pub mod docx;
pub mod error;
pub mod html;
pub mod indicators;
pub mod intake;
pub mod labels;
pub mod lexicon;
pub mod markup;
#[cfg(any(all(target_family = "wasm", target_os = "unknown"), test))]
mod mem;
pub mod meta;
pub mod normalize;
pub mod numbers;
pub mod numerals;
pub mod offset_map;
pub mod report;
pub mod structure;
pub mod tape;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::{Error, Result};
pub use lexicon::{Category, Direction, Lexicon, LexiconFile, Qualifier, UnitCategory};
pub use numbers::{MentionKind, Role};
pub use report::{
    Comparison, Diagnostic, Indicator, Input, Meta, NumberOut, OffsetEncoding, Options, Rank,
    Report, Section, SpanOut, Stats, SCHEMA_VERSION,
};

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
    Normalize,
    Structure,
    Numbers,
    Indicators,
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
    let structure = structure::analyze(&normalized.text, lex);
    progress(Stage::Numbers);
    let mentions = numbers::find(&normalized.text, &structure.label_spans(), lex);
    progress(Stage::Indicators);
    let findings = indicators::find(&normalized.text, &structure, &mentions, lex);
    progress(Stage::Report);
    report::build(&report::Parts {
        original: text,
        normalized: &normalized,
        structure: &structure,
        mentions: &mentions,
        findings: &findings,
        options,
    })
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
