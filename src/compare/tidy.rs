//! The long ("tidy") form: one value a row, with the report it came from.

use serde::Serialize;

use super::Table;
use crate::lexicon::FxMap;
use crate::report::{CheckKind, OffsetEncoding, Report};

/// One value of one report, with everything needed to read it without the report: the
/// columns of `envreport analyze --format csv`, of the comparison's long export and of
/// the Python package's data frame.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
pub struct TidyRow {
    /// The report's label (its file name).
    pub report: String,
    /// The report's title.
    pub title: Option<String>,
    /// The region it reports on.
    pub region: Option<String>,
    /// The year it reports on.
    pub year: Option<i32>,
    /// The period within the year.
    pub period: Option<String>,
    /// The indicator's id in its report.
    pub indicator: usize,
    /// The catalogue id, if catalogued.
    pub canonical: Option<String>,
    /// The indicator's name: as the report words it (a report's row), or the catalogue's
    /// (a comparison's row).
    pub name: String,
    /// Its field, by name (`air`, `water`, …).
    pub category: String,
    /// The value: in the catalogue's unit when catalogued, else in `unit_written` without
    /// 万/亿.
    pub value: Option<f64>,
    /// The unit of `value`.
    pub unit: String,
    /// The value in the unit as written, 万/亿 folded in (360000 for 36万吨).
    pub written_value: Option<f64>,
    /// That unit (吨 for 36万吨).
    pub written_unit: String,
    /// The low end of a range.
    pub low: Option<f64>,
    /// The high end of a range.
    pub high: Option<f64>,
    /// The number as written.
    pub text: String,
    /// The number is approximate.
    pub approx: bool,
    /// An unfilled placeholder.
    pub placeholder: bool,
    /// Last period's figure, a goal or a bound rather than a fact of the period.
    pub aside: Option<String>,
    /// The basis of its comparison (同比, 较上年).
    pub comparison_basis: Option<String>,
    /// Which way it changed (`up`, `down`, `flat`).
    pub comparison_direction: Option<String>,
    /// By how much.
    pub comparison_value: Option<f64>,
    /// In what unit (`%`, `个百分点`, …).
    pub comparison_unit: Option<String>,
    /// Its rank.
    pub rank: Option<u32>,
    /// Among what (全市, 全省).
    pub rank_scope: Option<String>,
    /// Its check against a national standard (`within`, `above`, …).
    pub check: Option<String>,
    /// The limit checked against.
    pub check_limit: Option<f64>,
    /// The standard of that limit.
    pub check_standard: Option<String>,
    /// The title of its section.
    pub section: Option<String>,
    /// Where the quantity starts in its report.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// The sentence it stands in.
    pub sentence: String,
}

/// Every indicator of a report as a [`TidyRow`]; `text` is the text analyzed, for the
/// sentences (`""` leaves them empty).
pub fn tidy(label: &str, report: &Report, text: &str) -> Vec<TidyRow> {
    // each indicator's check against a standard, and the sentences' byte positions, found
    // once for the report rather than once an indicator
    let mut standard: FxMap<usize, &crate::report::Check> = FxMap::default();
    for c in report
        .checks
        .iter()
        .filter(|c| c.kind == CheckKind::Standard)
    {
        for &id in &c.indicators {
            standard.entry(id).or_insert(c);
        }
    }
    let bytes = BytePositions::new(
        text,
        report.offsets,
        report
            .indicators
            .iter()
            .flat_map(|i| [i.sentence_start, i.sentence_end]),
    );
    report
        .indicators
        .iter()
        .map(|i| {
            let c = i.comparison.and_then(|k| report.comparisons.get(k));
            let r = i.rank.and_then(|k| report.ranks.get(k));
            let check = standard.get(&i.id).copied();
            let catalogued = i.canonical.is_some() && i.canonical_value.is_some();
            let factor = match (i.value, i.canonical_value) {
                (Some(v), Some(c)) if v != 0.0 => c / v,
                _ => 1.0,
            };
            let scaled = |v: Option<f64>| v.map(|v| if catalogued { v * factor } else { v });
            let aside = if i.baseline {
                Some("baseline")
            } else if i.target {
                Some("target")
            } else if i.bound {
                Some("bound")
            } else {
                None
            };
            TidyRow {
                report: label.to_string(),
                title: report.meta.title.clone(),
                region: report.meta.region.clone(),
                year: report.meta.year,
                period: report.meta.period.clone(),
                indicator: i.id,
                canonical: i.canonical.clone(),
                name: i.name.clone(),
                category: i.category.name().to_string(),
                value: if catalogued {
                    i.canonical_value
                } else {
                    i.value
                },
                unit: if catalogued {
                    i.canonical_unit.clone().unwrap_or_default()
                } else {
                    i.unit.clone()
                },
                written_value: i.value,
                written_unit: i.unit.clone(),
                low: scaled(i.low),
                high: scaled(i.high),
                text: i.text.clone(),
                approx: i.approx,
                placeholder: i.placeholder,
                aside: aside.map(str::to_string),
                comparison_basis: c.and_then(|c| c.basis.clone()),
                comparison_direction: c.map(|c| c.direction.name().to_string()),
                comparison_value: c.and_then(|c| c.value),
                comparison_unit: c.and_then(|c| c.unit.clone()),
                rank: r.and_then(|r| r.rank),
                rank_scope: r.and_then(|r| r.scope.clone()),
                check: check.map(|c| c.verdict.name().to_string()),
                check_limit: check.and_then(|c| c.limit),
                check_standard: check.and_then(|c| c.standard.clone()),
                section: i.section_title.clone(),
                start: i.start,
                end: i.end,
                sentence: bytes.slice(text, i.sentence_start, i.sentence_end),
            }
        })
        .collect()
}

impl TidyRow {
    /// The column names, in the order of [`TidyRow::cells`].
    pub const COLUMNS: [&'static str; 32] = [
        "report",
        "title",
        "region",
        "year",
        "period",
        "indicator",
        "canonical",
        "name",
        "category",
        "value",
        "unit",
        "written_value",
        "written_unit",
        "low",
        "high",
        "text",
        "approx",
        "placeholder",
        "aside",
        "comparison_basis",
        "comparison_direction",
        "comparison_value",
        "comparison_unit",
        "rank",
        "rank_scope",
        "check",
        "check_limit",
        "check_standard",
        "section",
        "start",
        "end",
        "sentence",
    ];

    /// The row's fields as text, for a CSV or a spreadsheet row (empty for none).
    pub fn cells(&self) -> Vec<String> {
        fn text(s: &Option<String>) -> String {
            s.clone().unwrap_or_default()
        }
        fn num(v: Option<f64>) -> String {
            v.map_or(String::new(), |v| v.to_string())
        }
        fn int<T: ToString>(v: Option<T>) -> String {
            v.map_or(String::new(), |v| v.to_string())
        }
        vec![
            self.report.clone(),
            text(&self.title),
            text(&self.region),
            int(self.year),
            text(&self.period),
            self.indicator.to_string(),
            text(&self.canonical),
            self.name.clone(),
            self.category.clone(),
            num(self.value),
            self.unit.clone(),
            num(self.written_value),
            self.written_unit.clone(),
            num(self.low),
            num(self.high),
            self.text.clone(),
            self.approx.to_string(),
            self.placeholder.to_string(),
            text(&self.aside),
            text(&self.comparison_basis),
            text(&self.comparison_direction),
            num(self.comparison_value),
            text(&self.comparison_unit),
            int(self.rank),
            text(&self.rank_scope),
            text(&self.check),
            num(self.check_limit),
            text(&self.check_standard),
            text(&self.section),
            self.start.to_string(),
            self.end.to_string(),
            self.sentence.clone(),
        ]
    }
}

impl Table {
    /// The table's cells as [`TidyRow`]s, column by column, with the region, year and
    /// period of their column (which the user may have corrected).
    pub fn tidy(&self) -> Vec<TidyRow> {
        let mut out = Vec::new();
        for (c, col) in self.columns.iter().enumerate() {
            for row in &self.rows {
                let Some(cell) = &row.cells[c] else { continue };
                out.push(TidyRow {
                    report: col.label.clone(),
                    title: col.title.clone(),
                    region: col.region.clone(),
                    year: col.year,
                    period: col.period.clone(),
                    ..cell.figure.row.clone()
                });
            }
        }
        out
    }
}

/// Byte positions of offsets counted as a report counts them (characters, UTF-16 units or
/// bytes), found in one walk of the text.
struct BytePositions {
    /// `(offset, byte)`, by offset; empty for UTF-8, where they are the same.
    map: Vec<(usize, usize)>,
    utf8: bool,
}

impl BytePositions {
    fn new(text: &str, offsets: OffsetEncoding, wanted: impl Iterator<Item = usize>) -> Self {
        if offsets == OffsetEncoding::Utf8 {
            return BytePositions {
                map: Vec::new(),
                utf8: true,
            };
        }
        let mut wanted: Vec<usize> = wanted.collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut map = Vec::with_capacity(wanted.len());
        let mut next = wanted.iter().copied().peekable();
        let mut units = 0;
        for (i, c) in text.char_indices().chain([(text.len(), '\0')]) {
            while next.peek() == Some(&units) {
                map.push((units, i));
                next.next();
            }
            if next.peek().is_none() {
                break;
            }
            units += if offsets == OffsetEncoding::Utf16 {
                c.len_utf16()
            } else {
                1
            };
        }
        BytePositions { map, utf8: false }
    }

    fn byte(&self, text: &str, at: usize) -> Option<usize> {
        if self.utf8 {
            return text.is_char_boundary(at).then_some(at);
        }
        let k = self.map.binary_search_by_key(&at, |&(u, _)| u).ok()?;
        Some(self.map[k].1)
    }

    /// The text between two offsets, trimmed; empty when they do not fall in `text`.
    fn slice(&self, text: &str, start: usize, end: usize) -> String {
        match (self.byte(text, start), self.byte(text, end)) {
            (Some(a), Some(b)) if a <= b => text[a..b].trim().to_string(),
            _ => String::new(),
        }
    }
}
