//! The output contract: a [`Report`] with spans in the caller's encoding.
//!
//! Everything the pipeline finds is located in the normalized text; this module maps each
//! span back to the original through the offset map and converts it to the encoding the
//! caller asked for ([`OffsetEncoding`]): Unicode scalar values for the CLI and the gold
//! scorer, UTF-16 code units for JavaScript (so `text.slice(start, end)` works), or UTF-8
//! bytes. The JSON Schema of the report is `schema/report.schema.json`.

use std::collections::BTreeMap;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::indicators::Findings;
use crate::lexicon::{Category, Direction, Qualifier, UnitCategory};
use crate::normalize::{Normalized, RemovedKind};
use crate::numbers::{Mention, MentionKind, Role};
use crate::offset_map::{Normalized as N, Original, Span};
use crate::structure::{HeadingKind, Structure};

/// Version of the report's shape; bumped when a field changes meaning or disappears.
pub const SCHEMA_VERSION: u32 = 1;

/// How `start`/`end` offsets count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
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
#[serde(default)]
pub struct Options {
    /// The encoding of the report's offsets.
    pub offsets: OffsetEncoding,
}

/// The analysis of one report.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    pub schema_version: u32,
    pub offsets: OffsetEncoding,
    pub meta: Meta,
    pub sections: Vec<Section>,
    pub indicators: Vec<Indicator>,
    pub comparisons: Vec<Comparison>,
    pub ranks: Vec<Rank>,
    pub diagnostics: Vec<Diagnostic>,
    pub stats: Stats,
    /// What the text was read from, when the caller read it from a file
    /// ([`Report::input`] is set by the CLI and the page, not by [`crate::analyze`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<Input>,
}

/// How the analyzed text was read from a file.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Input {
    /// The WHATWG label of the encoding decoded (`utf-8`, `gb18030`, `big5`, …).
    pub encoding: &'static str,
    /// `text`, `docx` or `html`: what the text was extracted from.
    pub format: &'static str,
}

/// A span in the caller's encoding.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
}

/// What the document says about itself.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    /// Signature or publication date, `YYYY-MM-DD`.
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
    pub recipients: Option<String>,
    pub cc: Option<String>,
    pub signature: Vec<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    /// Where each field was read, by field name.
    pub spans: BTreeMap<&'static str, SpanOut>,
}

/// A section of the outline.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Section {
    /// Index of the section in document order.
    pub id: usize,
    pub level: u8,
    /// The label as written in normalized form (`一、`, `（一）`), `null` if unnumbered.
    pub label: Option<String>,
    pub title: String,
    /// `numbered`, `line` (a heading line) or `lead` (a paragraph's lead sentence).
    pub kind: &'static str,
    pub start: usize,
    pub end: usize,
    /// The heading itself: label and title.
    pub heading_start: usize,
    pub heading_end: usize,
    pub children: Vec<Section>,
}

/// A quantity that states a fact.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Indicator {
    pub id: usize,
    pub name: String,
    /// The standard indicator this is an instance of (优良天数), if recognised.
    pub metric: Option<String>,
    pub category: Category,
    /// The value in `unit`, 万/亿 folded in; `null` for placeholders.
    pub value: Option<f64>,
    /// The unit as written without 万/亿 (元 for 10万元); empty for an index value.
    pub unit: String,
    /// The unit as written (万元).
    pub unit_written: String,
    /// The unit in a canonical form (μg/m³ for 微克/立方米).
    pub unit_canonical: String,
    pub unit_category: Option<UnitCategory>,
    pub approx: bool,
    pub qualifier: Option<Qualifier>,
    pub placeholder: bool,
    /// A goal rather than a result (力争…, 确保…).
    pub target: bool,
    /// The original text of the quantity.
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub sentence_start: usize,
    pub sentence_end: usize,
    /// The id of the innermost section.
    pub section: Option<usize>,
    pub section_title: Option<String>,
    /// The id of the comparison that qualifies it.
    pub comparison: Option<usize>,
    /// The id of its rank.
    pub rank: Option<usize>,
}

/// A change against a basis.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Comparison {
    pub id: usize,
    /// What changed, when the comparison's clause names it.
    pub subject: Option<String>,
    /// 同比, 比去年同期, 较上年, 目标 …; `null` when the text states none.
    pub basis: Option<String>,
    pub direction: Direction,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub unit_canonical: Option<String>,
    pub placeholder: bool,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The id of the indicator it qualifies.
    pub indicator: Option<usize>,
}

/// A position among peers.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Rank {
    pub id: usize,
    /// 全省, 全市, 中心五城区 …
    pub scope: Option<String>,
    /// `null` for a placeholder.
    pub rank: Option<u32>,
    pub placeholder: bool,
    /// What is ranked, when the clause names it.
    pub subject: Option<String>,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub indicator: Option<usize>,
}

/// Something worth telling about the input.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Diagnostic {
    /// A stable code: `placeholder`, `web_junk`, `watermark`, `page_number`, `separator`,
    /// `line_rejoined`, `traditional`, `ruby`, `empty`, `no_headings`, `no_indicators`.
    pub code: &'static str,
    /// `info` or `warning`.
    pub severity: &'static str,
    pub message: String,
    /// The original text concerned, if any.
    pub text: Option<String>,
    pub start: Option<usize>,
    pub end: Option<usize>,
}

/// Sizes of the input and of what was found.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Stats {
    /// Length of the input in the report's offset encoding.
    pub length: usize,
    pub paragraphs: usize,
    pub sentences: usize,
    pub numbers: usize,
    pub headings: usize,
}

/// A number of the text, for `envreport numbers`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NumberOut {
    pub text: String,
    pub value: Option<f64>,
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
    pub role: Role,
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
}

/// Converts byte offsets of the original to the requested encoding: the count of code
/// units before every [`BLOCK`]th byte, then the characters that start between that byte
/// and the offset. Counting the bytes that start characters needs no character
/// boundaries, no sorting, and memory of one entry a block.
pub(crate) struct OffsetConverter<'a> {
    text: &'a str,
    encoding: OffsetEncoding,
    /// Code units of the characters that start before byte `k * BLOCK`.
    checkpoints: Vec<usize>,
}

const BLOCK: usize = 32;

/// Code units of the characters that start within `bytes`: one a character, and a second
/// for each character beyond the Basic Multilingual Plane in UTF-16.
fn units(bytes: &[u8], encoding: OffsetEncoding) -> usize {
    match encoding {
        OffsetEncoding::Utf8 => bytes.len(),
        OffsetEncoding::Chars => bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count(),
        OffsetEncoding::Utf16 => bytes
            .iter()
            .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
            .sum(),
    }
}

impl<'a> OffsetConverter<'a> {
    pub(crate) fn new(text: &'a str, encoding: OffsetEncoding) -> Self {
        let mut checkpoints = Vec::new();
        if encoding != OffsetEncoding::Utf8 {
            checkpoints.reserve(text.len() / BLOCK + 1);
            let mut count = 0;
            checkpoints.push(0);
            for block in text.as_bytes().chunks(BLOCK) {
                let c = crate::chars::count_bytes(block);
                count += c.chars
                    + if encoding == OffsetEncoding::Utf16 {
                        c.astral
                    } else {
                        0
                    };
                checkpoints.push(count);
            }
        }
        OffsetConverter {
            text,
            encoding,
            checkpoints,
        }
    }

    pub(crate) fn get(&self, byte: usize) -> usize {
        if self.encoding == OffsetEncoding::Utf8 {
            return byte;
        }
        let byte = byte.min(self.text.len());
        let k = byte / BLOCK;
        self.checkpoints.get(k).copied().unwrap_or(0)
            + units(&self.text.as_bytes()[k * BLOCK..byte], self.encoding)
    }
}

/// Everything needed to write a report.
pub(crate) struct Parts<'a> {
    pub original: &'a str,
    pub normalized: &'a Normalized,
    pub structure: &'a Structure,
    pub mentions: &'a [Mention],
    pub findings: &'a Findings,
    pub options: &'a Options,
}

impl Parts<'_> {
    fn orig(&self, span: Span<N>) -> Span<Original> {
        self.normalized.map.to_original(span)
    }
}

fn heading_span(s: &Structure, section: usize) -> Span<N> {
    let h = &s.headings[s.sections[section].heading];
    let start = h.label.map_or(h.title_span.start, |l| l.start);
    Span::new(start, h.title_span.end)
}

pub(crate) fn build(p: &Parts<'_>) -> Report {
    let conv = OffsetConverter::new(p.original, p.options.offsets);
    let out = |s: Span<Original>| SpanOut {
        start: conv.get(s.start),
        end: conv.get(s.end),
    };
    let orig_text = |s: Span<Original>| s.slice(p.original).to_string();
    let s = p.structure;
    let norm = &p.normalized.text;

    // meta
    let m = &s.meta;
    let mut spans = BTreeMap::new();
    let mut field =
        |name: &'static str, f: &Option<crate::meta::Found<String>>| -> Option<String> {
            let f = f.as_ref()?;
            spans.insert(name, out(p.orig(f.span)));
            Some(f.value.clone())
        };
    let mut meta = Meta {
        title: field("title", &m.title),
        date: field("date", &m.date),
        org: field("org", &m.org),
        period: field("period", &m.period),
        recipients: field("recipients", &m.recipients),
        cc: field("cc", &m.cc),
        published: field("published", &m.published),
        source: field("source", &m.source),
        author: field("author", &m.author),
        region: m.region.clone(),
        year: m.year,
        kind: m.kind.clone(),
        signature: m.signature.iter().map(|f| f.value.clone()).collect(),
        spans: BTreeMap::new(),
    };
    if let (Some(first), Some(last)) = (m.signature.first(), m.signature.last()) {
        spans.insert("signature", out(p.orig(first.span.cover(last.span))));
    }
    meta.spans = spans;

    // sections, nested
    let flat: Vec<Section> = s
        .sections
        .iter()
        .enumerate()
        .map(|(i, sec)| {
            let h = &s.headings[sec.heading];
            let span = out(p.orig(sec.span));
            let hs = out(p.orig(heading_span(s, i)));
            Section {
                id: i,
                level: h.level,
                label: h.label.map(|l| l.slice(norm).trim().to_string()),
                title: h.title.clone(),
                kind: match h.kind {
                    HeadingKind::Numbered(_) => "numbered",
                    HeadingKind::Line => "line",
                    HeadingKind::Lead => "lead",
                },
                start: span.start,
                end: span.end,
                heading_start: hs.start,
                heading_end: hs.end,
                children: Vec::new(),
            }
        })
        .collect();
    let sections = nest(
        flat,
        &s.sections.iter().map(|x| x.parent).collect::<Vec<_>>(),
    );

    let indicators = p
        .findings
        .indicators
        .iter()
        .enumerate()
        .map(|(id, ind)| {
            let mention = &p.mentions[ind.mention];
            let span = p.orig(mention.span);
            let o = out(span);
            let sentence = out(p.orig(ind.sentence));
            let unit = mention.unit.as_ref();
            Indicator {
                id,
                name: ind.name.clone(),
                metric: ind.metric.clone(),
                category: ind.category,
                value: mention.value,
                unit: unit.map_or(String::new(), |u| u.text.clone()),
                unit_written: unit.map_or(String::new(), |u| u.written.clone()),
                unit_canonical: unit.map_or(String::new(), |u| u.canonical.clone()),
                unit_category: unit.map(|u| u.category),
                approx: mention.qualifier.is_some(),
                qualifier: mention.qualifier,
                placeholder: mention.is_placeholder(),
                target: ind.target,
                text: orig_text(span),
                start: o.start,
                end: o.end,
                sentence_start: sentence.start,
                sentence_end: sentence.end,
                section: ind.section,
                section_title: ind
                    .section
                    .map(|k| s.headings[s.sections[k].heading].title.clone()),
                comparison: ind.comparison,
                rank: ind.rank,
            }
        })
        .collect();

    let comparisons = p
        .findings
        .comparisons
        .iter()
        .enumerate()
        .map(|(id, c)| {
            let span = p.orig(c.span);
            let o = out(span);
            let mention = c.mention.map(|k| &p.mentions[k]);
            let unit = mention.and_then(|m| m.unit.as_ref());
            Comparison {
                id,
                subject: c.subject.clone(),
                basis: c.basis.clone(),
                direction: c.direction,
                value: mention.and_then(|m| m.value),
                unit: unit.map(|u| u.text.clone()),
                unit_canonical: unit.map(|u| u.canonical.clone()),
                placeholder: mention.is_some_and(|m| m.is_placeholder()),
                text: orig_text(span),
                start: o.start,
                end: o.end,
                indicator: c.indicator,
            }
        })
        .collect();

    let ranks = p
        .findings
        .ranks
        .iter()
        .enumerate()
        .map(|(id, r)| {
            let span = p.orig(r.span);
            let o = out(span);
            let mention = &p.mentions[r.mention];
            Rank {
                id,
                scope: r.scope.clone(),
                rank: mention
                    .value
                    .filter(|v| *v >= 0.0 && *v < 1e6)
                    .map(|v| v as u32),
                placeholder: mention.is_placeholder(),
                subject: r.subject.clone(),
                text: orig_text(span),
                start: o.start,
                end: o.end,
                indicator: r.indicator,
            }
        })
        .collect();

    let diagnostics = diagnostics(p, &out);
    let stats = Stats {
        length: conv.get(p.original.len()),
        paragraphs: s.lines.len(),
        sentences: s.sentences.len(),
        numbers: p.mentions.len(),
        headings: s.headings.len(),
    };
    Report {
        schema_version: SCHEMA_VERSION,
        offsets: p.options.offsets,
        meta,
        sections,
        indicators,
        comparisons,
        ranks,
        diagnostics,
        stats,
        input: None,
    }
}

/// Builds the tree from sections in document order and their parents.
fn nest(flat: Vec<Section>, parents: &[Option<usize>]) -> Vec<Section> {
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); flat.len()];
    let mut roots = Vec::new();
    for (i, p) in parents.iter().enumerate() {
        match p {
            Some(p) => children[*p].push(i),
            None => roots.push(i),
        }
    }
    let mut slots: Vec<Option<Section>> = flat.into_iter().map(Some).collect();
    // children come after their parents: fill from the last section up
    for i in (0..slots.len()).rev() {
        let kids: Vec<Section> = children[i]
            .iter()
            .filter_map(|&c| slots[c].take())
            .collect();
        if let Some(s) = slots[i].as_mut() {
            s.children = kids;
        }
    }
    roots.into_iter().filter_map(|r| slots[r].take()).collect()
}

fn diagnostics(p: &Parts<'_>, out: &dyn Fn(Span<Original>) -> SpanOut) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    let mut push = |code: &'static str,
                    severity: &'static str,
                    message: String,
                    span: Option<Span<Original>>| {
        let o = span.map(out);
        d.push(Diagnostic {
            code,
            severity,
            message,
            text: span.map(|s| s.slice(p.original).to_string()),
            start: o.map(|o| o.start),
            end: o.map(|o| o.end),
        });
    };
    if p.original.trim().is_empty() {
        push("empty", "info", "the input holds no text".into(), None);
        return d;
    }
    if p.normalized.traditional {
        push(
            "traditional",
            "info",
            "traditional characters were read as simplified".into(),
            None,
        );
    }
    if p.normalized.ruby > 0 {
        push(
            "ruby",
            "info",
            format!(
                "{} pinyin annotations after characters were ignored",
                p.normalized.ruby
            ),
            None,
        );
    }
    for r in &p.normalized.removed {
        let (code, what) = match r.kind {
            RemovedKind::WebJunk => ("web_junk", "a line of web page furniture was ignored"),
            RemovedKind::Watermark => ("watermark", "a watermark was ignored"),
            RemovedKind::PageNumber => ("page_number", "a page number was ignored"),
            RemovedKind::Separator => ("separator", "a line of symbols was ignored"),
        };
        push(code, "info", what.into(), Some(r.span));
    }
    for r in &p.normalized.rejoined {
        push(
            "line_rejoined",
            "info",
            "a line broken inside a sentence was joined to the next".into(),
            Some(*r),
        );
    }
    for m in p
        .mentions
        .iter()
        .filter(|m| m.is_placeholder() && m.role != crate::numbers::Role::Code)
    {
        let span = p.normalized.map.to_original(m.span);
        push(
            "placeholder",
            "warning",
            "an unfilled placeholder (xx) stands where a number belongs".into(),
            Some(span),
        );
    }
    if p.structure.headings.is_empty() {
        push(
            "no_headings",
            "info",
            "no headings were found: the outline is empty".into(),
            None,
        );
    }
    if p.findings.indicators.is_empty() {
        push(
            "no_indicators",
            "info",
            "no quantities were found".into(),
            None,
        );
    }
    d
}

/// The number mentions as reported by `envreport numbers`.
pub(crate) fn numbers_out(
    original: &str,
    normalized: &Normalized,
    mentions: &[Mention],
    options: &Options,
) -> Vec<NumberOut> {
    let spans: Vec<Span<Original>> = mentions
        .iter()
        .map(|m| normalized.map.to_original(m.span))
        .collect();
    let conv = OffsetConverter::new(original, options.offsets);
    mentions
        .iter()
        .zip(&spans)
        .map(|(m, s)| NumberOut {
            text: s.slice(original).to_string(),
            value: m.value,
            start: conv.get(s.start),
            end: conv.get(s.end),
            kind: m.kind,
            role: m.role,
            unit: m.unit.as_ref().map(|u| u.text.clone()),
            qualifier: m.qualifier,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converter_counts_each_encoding() {
        let t = "a环𝄞b";
        let chars = OffsetConverter::new(t, OffsetEncoding::Chars);
        assert_eq!([0, 1, 4, 8, 9].map(|b| chars.get(b)), [0, 1, 2, 3, 4]);
        let utf16 = OffsetConverter::new(t, OffsetEncoding::Utf16);
        assert_eq!([0, 1, 4, 8, 9].map(|b| utf16.get(b)), [0, 1, 2, 4, 5]);
        // across many blocks
        let long = "环境𝄞a".repeat(500);
        let chars = OffsetConverter::new(&long, OffsetEncoding::Chars);
        let utf16 = OffsetConverter::new(&long, OffsetEncoding::Utf16);
        for (b, _) in long.char_indices().step_by(7).chain([(long.len(), ' ')]) {
            assert_eq!(chars.get(b), long[..b].chars().count());
            assert_eq!(utf16.get(b), long[..b].encode_utf16().count());
        }
    }

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
