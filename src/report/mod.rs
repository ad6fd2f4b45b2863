//! The output contract: a [`Report`] with spans in the caller's encoding.
//!
//! Everything the pipeline finds is located in the normalized text; this module maps each
//! span back to the original through the offset map and converts it to the encoding the
//! caller asked for ([`OffsetEncoding`]): Unicode scalar values for the CLI and the gold
//! scorer, UTF-16 code units for JavaScript (so `text.slice(start, end)` works), or UTF-8
//! bytes. The JSON Schema of the report is `schema/report.schema.json`.

use std::collections::BTreeMap;

use crate::indicators::Findings;
use crate::meta::{Found, MetaFound};
use crate::normalize::Normalized;
use crate::numbers::Mention;
use crate::span::{Normalized as N, Original, Span};
use crate::structure::{HeadingKind, Structure};

mod contract;
mod diagnostics;
mod offsets;

pub use contract::*;
use offsets::OffsetConverter;

/// Everything needed to write a report.
pub(crate) struct Parts<'a> {
    pub original: &'a str,
    pub normalized: &'a Normalized,
    pub structure: &'a Structure,
    pub meta: &'a MetaFound,
    pub mentions: &'a [Mention],
    pub findings: &'a Findings,
    /// Where reading numerals stopped at their limit.
    pub numerals_cut: Option<usize>,
    pub options: &'a Options,
    pub lexicon: &'a crate::lexicon::Lexicon,
}

impl Parts<'_> {
    fn orig(&self, span: Span<N>) -> Span<Original> {
        self.normalized.map.to_original(span)
    }
}

fn heading_span(s: &Structure, section: usize) -> Span<N> {
    let h = &s.headings[s.sections[section].heading];
    let start = h.label.map_or(h.title_span.start(), |l| l.start());
    Span::new(start, h.title_span.end())
}

/// The report of `p`; the checks are taken whole, their texts moved into the report
/// rather than copied (a draft may hold a hundred thousand unfilled placeholders).
pub(crate) fn build(p: &Parts<'_>, checks: Vec<crate::checks::CheckFound>) -> Report {
    let conv = OffsetConverter::new(p.original, p.options.offsets);
    let out = |s: Span<Original>| SpanOut {
        start: conv.get(s.start()),
        end: conv.get(s.end()),
    };
    let orig_text = |s: Span<Original>| s.slice(p.original).to_string();
    let s = p.structure;
    let norm = &p.normalized.text;

    // meta
    let m = p.meta;
    let mut spans = BTreeMap::new();
    let mut field = |name: MetaField, f: &Option<Found<String>>| -> Option<String> {
        let f = f.as_ref()?;
        spans.insert(name, out(p.orig(f.span)));
        Some(f.value.clone())
    };
    let mut meta = Meta {
        title: field(MetaField::Title, &m.title),
        date: field(MetaField::Date, &m.date),
        org: field(MetaField::Org, &m.org),
        period: field(MetaField::Period, &m.period),
        recipients: field(MetaField::Recipients, &m.recipients),
        cc: field(MetaField::Cc, &m.cc),
        published: field(MetaField::Published, &m.published),
        source: field(MetaField::Source, &m.source),
        author: field(MetaField::Author, &m.author),
        region: m.region.clone(),
        year: m.year,
        kind: m.kind.clone(),
        signature: m.signature.iter().map(|f| f.value.clone()).collect(),
        spans: BTreeMap::new(),
    };
    if let (Some(first), Some(last)) = (m.signature.first(), m.signature.last()) {
        spans.insert(
            MetaField::Signature,
            out(p.orig(first.span.cover(last.span))),
        );
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
                    HeadingKind::Numbered(_) => SectionKind::Numbered,
                    HeadingKind::Line => SectionKind::Line,
                    HeadingKind::Lead => SectionKind::Lead,
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
            let unit = mention.unit.as_ref().or(ind.header_unit.as_deref());
            let entry = ind
                .canonical
                .and_then(|c| Some((p.lexicon.catalogue.entries.get(c.entry as usize)?, c.factor)));
            Indicator {
                id,
                name: ind.name.clone(),
                metric: ind.metric.clone(),
                canonical: entry.map(|(e, _)| e.id.to_string()),
                canonical_value: entry.and_then(|(_, k)| Some(mention.value? * k)),
                canonical_unit: entry.map(|(e, _)| e.unit.to_string()),
                category: ind.category,
                value: mention.value,
                low: mention.range.and_then(|r| r.0),
                high: mention.range.and_then(|r| r.1),
                unit: unit.map_or(String::new(), |u| u.text.clone()),
                unit_written: unit.map_or(String::new(), |u| u.written.clone()),
                unit_canonical: unit.map_or(String::new(), |u| u.canonical.clone()),
                unit_category: unit.map(|u| u.category),
                approx: mention.qualifier.is_some(),
                qualifier: mention.qualifier,
                placeholder: mention.is_placeholder(),
                target: ind.target,
                bound: ind.bound,
                baseline: ind.baseline,
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
                baseline: c.baseline,
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
            Rank {
                id,
                scope: r.scope.clone(),
                rank: r.rank,
                placeholder: r.placeholder,
                subject: r.subject.clone(),
                text: orig_text(span),
                start: o.start,
                end: o.end,
                indicator: r.indicator,
            }
        })
        .collect();

    // the checks' spans converted in text order, where the offset maps' searches gallop
    // from one answer to the next (a duplicate's spans lie far apart)
    let mut flat: Vec<(usize, Span<N>)> = checks
        .iter()
        .flat_map(|c| c.spans.iter().copied())
        .enumerate()
        .collect();
    crate::text::sort::by_position(&mut flat, |&(_, s)| s.start());
    let mut converted = vec![SpanOut { start: 0, end: 0 }; flat.len()];
    for (i, s) in flat {
        converted[i] = out(p.orig(s));
    }
    let mut converted = converted.into_iter();
    let checks = checks
        .into_iter()
        .map(|c| Check {
            kind: c.kind,
            rule: c.rule,
            verdict: c.verdict,
            spans: converted.by_ref().take(c.spans.len()).collect(),
            standard: c.standard,
            limit: c.limit,
            class: c.class,
            source: c.source,
            computed: c.computed,
            message: c.message,
            indicators: c.indicators,
        })
        .collect();
    let diagnostics = diagnostics::diagnostics(p, &out);
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
        checks,
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
            low: m.range.and_then(|r| r.0),
            high: m.range.and_then(|r| r.1),
            start: conv.get(s.start()),
            end: conv.get(s.end()),
            kind: m.kind,
            role: m.role,
            unit: m.unit.as_ref().map(|u| u.text.clone()),
            qualifier: m.qualifier,
        })
        .collect()
}
