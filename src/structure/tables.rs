//! Tables: runs of lines whose cells are separated by tabs (as Word documents, spreadsheets
//! and many web pages give them). The first line of a run is its header row.

use super::Structure;
use crate::span::{Normalized, Span};

/// A table of the text.
#[derive(Debug, Clone)]
pub struct Table {
    /// Its lines, header first: a range of [`Structure::lines`].
    pub lines: std::ops::Range<usize>,
}

/// How many rows below its header a row may stand and still be read with it: further down,
/// a header scrolled out of sight is no longer what a reader pairs the row with.
const HEADER_REACH: usize = 200;

/// The tables of `lines`: each run of two lines or more that hold a tab.
pub(super) fn find(text: &str, lines: &[Span<Normalized>]) -> Vec<Table> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let has_tab = |k: usize| crate::text::search::has(lines[k].slice(text), '\t');
        if !has_tab(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && has_tab(i) {
            i += 1;
        }
        out.push(Table { lines: start..i });
    }
    out
}

impl Structure {
    /// The index of the line holding `pos`.
    pub fn line_at(&self, pos: usize) -> Option<usize> {
        let i = self.lines.partition_point(|l| l.end < pos);
        (i < self.lines.len() && self.lines[i].start <= pos).then_some(i)
    }

    /// The header line of the table row `line`, if the line is a row below a header it can
    /// still be read with.
    pub fn table_header(&self, line: usize) -> Option<usize> {
        let i = self.tables.partition_point(|t| t.lines.end <= line);
        let t = self.tables.get(i).filter(|t| t.lines.start <= line)?;
        (line > t.lines.start && line - t.lines.start <= HEADER_REACH).then_some(t.lines.start)
    }
}
