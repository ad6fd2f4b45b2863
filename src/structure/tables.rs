//! Tables, in the shapes a copy of a report gives them:
//!
//! - rows whose cells are parted by tabs (Word documents, spreadsheets, many web pages);
//! - rows whose cells are parted by `|` (`| 项目 | 浓度 |`, Markdown and text exports);
//! - rows aligned by runs of spaces (`PM2.5      32微克/立方米     下降5.9%`, PDF copies);
//! - one cell a line, each ending in `|`, as a web page's table comes out of a copy: the
//!   header's cells, then each row's (`点位名称 |`, `监测天数 |`, …, `柴庄 |`, `31 |`, …).
//!
//! Each table is a grid of cells, its header row first. A table's lines are never headings.

use super::Structure;
use crate::span::{Normalized, Span};

/// A table of the text.
#[derive(Debug, Clone)]
pub struct Table {
    /// Its lines: a range of [`Structure::lines`].
    pub lines: std::ops::Range<usize>,
    /// Its rows of cells, the header row first. Cells span their text without the
    /// separators and the spaces around them.
    pub rows: Vec<Vec<Span<Normalized>>>,
}

/// How many rows below its header a row may stand and still be read with it: further down,
/// a header scrolled out of sight is no longer what a reader pairs the row with.
const HEADER_REACH: usize = 200;

/// The cells of `line` (starting at `base`) parted by `sep`, trimmed; empty edge cells
/// (`| a | b |`) dropped.
fn split_cells(
    line: &str,
    base: usize,
    sep: impl Fn(&str, usize) -> Option<usize>,
) -> Vec<Span<Normalized>> {
    let mut cells = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < line.len() {
        if let Some(len) = sep(line, i) {
            cells.push((start, i));
            i += len;
            start = i;
        } else {
            i += line[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    cells.push((start, line.len()));
    let trimmed: Vec<Span<Normalized>> = cells
        .into_iter()
        .map(|(s, e)| {
            let cell = &line[s..e];
            let lead = cell.len() - cell.trim_start().len();
            let t = cell.trim();
            Span::new(base + s + lead, base + s + lead + t.len())
        })
        .collect();
    // a row written | a | b | has empty cells outside its first and last bars
    let first = trimmed
        .iter()
        .position(|c| c.start() < c.end())
        .unwrap_or(0);
    let last = trimmed
        .iter()
        .rposition(|c| c.start() < c.end())
        .map_or(0, |i| i + 1);
    trimmed[first..last.max(first)].to_vec()
}

/// A run of two spaces or more at `i` (the gap of a space-aligned row).
fn space_gap(line: &str, i: usize) -> Option<usize> {
    let b = line.as_bytes();
    if b[i] != b' ' || i == 0 || b.get(i + 1) != Some(&b' ') {
        return None;
    }
    Some(b[i..].iter().take_while(|&&x| x == b' ').count())
}

/// Whether a line reads as prose (a table row holds no sentence).
fn prose(line: &str) -> bool {
    line.contains(['。', '，', '；', '：']) && line.chars().count() > 24
}

/// Whether a cell holds a value: a number, with its unit or a sign.
fn value_cell(cell: &str) -> bool {
    let t = cell.trim();
    t.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '<' || c == '＜')
        && t.chars().filter(|c| c.is_ascii_digit()).count() * 2
            >= t.chars().filter(|&c| c != '.').count().min(8)
}

/// The tables of `lines`.
pub(super) fn find(text: &str, lines: &[Span<Normalized>]) -> Vec<Table> {
    let line = |k: usize| lines[k].slice(text);
    // the shape of each line's row, if it is one: its cells
    #[derive(PartialEq, Clone, Copy)]
    enum Shape {
        Tab,
        Bar,
        Spaced,
        OneCell,
    }
    let shape = |k: usize| -> Option<Shape> {
        let s = line(k);
        if crate::text::search::has(s, '\t') {
            return Some(Shape::Tab);
        }
        let bars = s.matches('|').count();
        if bars == 1 && s.trim_end().ends_with('|')
            || s.trim().chars().all(|c| c == '|') && bars > 0
        {
            return Some(Shape::OneCell);
        }
        if bars >= 2 && !prose(s) {
            return Some(Shape::Bar);
        }
        if !prose(s) && s.contains("  ") && s.len() <= 400 {
            return Some(Shape::Spaced);
        }
        None
    };
    let cells = |k: usize, shape: Shape| -> Vec<Span<Normalized>> {
        let (s, base) = (line(k), lines[k].start());
        match shape {
            Shape::Tab => split_cells(s, base, |l, i| (l.as_bytes()[i] == b'\t').then_some(1)),
            Shape::Bar | Shape::OneCell => {
                split_cells(s, base, |l, i| (l.as_bytes()[i] == b'|').then_some(1))
            }
            Shape::Spaced => split_cells(s, base, space_gap),
        }
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(sh) = shape(i) else {
            i += 1;
            continue;
        };
        let start = i;
        while i < lines.len() && shape(i) == Some(sh) {
            i += 1;
        }
        let run = start..i;
        let rows: Vec<Vec<Span<Normalized>>> = match sh {
            Shape::Tab | Shape::Bar => run.clone().map(|k| cells(k, sh)).collect(),
            Shape::Spaced => {
                let rows: Vec<_> = run.clone().map(|k| cells(k, sh)).collect();
                // aligned rows: the same number of cells, two or more
                let n = rows[0].len();
                let values = rows.iter().flatten().any(|c| value_cell(c.slice(text)));
                if n < 2 || !values || rows.iter().any(|r| r.len() != n) {
                    Vec::new()
                } else {
                    rows
                }
            }
            Shape::OneCell => one_cell_rows(
                text,
                run.clone().map(|k| cells(k, sh)).collect(),
                lines[start].start(),
            ),
        };
        if rows.len() >= 2 {
            out.push(Table { lines: run, rows });
        }
    }
    out
}

/// The rows of a table copied one cell a line: the header is the cells before the first row,
/// whose label stands just before its first value (`点位名称 | 监测天数 | … | 柴庄 | 31 |`).
fn one_cell_rows(
    text: &str,
    lines: Vec<Vec<Span<Normalized>>>,
    start: usize,
) -> Vec<Vec<Span<Normalized>>> {
    // a line of bars alone is an empty cell
    let cells: Vec<Span<Normalized>> = lines
        .into_iter()
        .map(|c| c.into_iter().next().unwrap_or(Span::new(start, start)))
        .collect();
    let is_value = |c: &Span<Normalized>| value_cell(c.slice(text));
    let Some(first_value) = cells.iter().position(is_value) else {
        return Vec::new();
    };
    if first_value < 3 || is_value(&cells[first_value - 1]) {
        return Vec::new();
    }
    let columns = first_value - 1;
    // a header of named columns (a merged header leaves empty cells and cannot be read)
    if cells[..columns]
        .iter()
        .any(|c| c.start() == c.end() || is_value(c))
    {
        return Vec::new();
    }
    let rows: Vec<Vec<Span<Normalized>>> = cells.chunks(columns).map(<[_]>::to_vec).collect();
    // each full row opens with a label and holds a value
    let full = rows.iter().skip(1).take_while(|r| {
        r.len() == columns
            && r[0].start() < r[0].end()
            && !is_value(&r[0])
            && r.iter().any(is_value)
    });
    let n = 1 + full.count();
    if n < 2 {
        return Vec::new();
    }
    // each column holds values in every row or in none (a lost empty cell shifts the rest)
    let data = &rows[1..n];
    let mixed = (1..columns).any(|c| {
        let values = data.iter().filter(|r| is_value(&r[c])).count();
        values > 0 && values < data.len()
    });
    if mixed {
        return Vec::new();
    }
    rows.into_iter().take(n).collect()
}

impl Structure {
    /// The index of the line holding `pos`.
    pub fn line_at(&self, pos: usize) -> Option<usize> {
        let i = self.lines.partition_point(|l| l.end() < pos);
        (i < self.lines.len() && self.lines[i].start() <= pos).then_some(i)
    }

    /// The table cell holding `pos`, below a header it can still be read with: the table,
    /// the row and the column.
    pub fn table_cell(&self, pos: usize) -> Option<(&Table, usize, usize)> {
        let line = self.line_at(pos)?;
        let i = self.tables.partition_point(|t| t.lines.end <= line);
        let t = self.tables.get(i).filter(|t| t.lines.contains(&line))?;
        // only the rows a header reaches: a table of thousands of rows is not read through
        // for each of its cells
        let (r, c) = t
            .rows
            .iter()
            .take(HEADER_REACH + 1)
            .enumerate()
            .find_map(|(r, row)| {
                row.iter()
                    .position(|c| c.start() <= pos && pos < c.end().max(c.start() + 1))
                    .map(|c| (r, c))
            })?;
        (r > 0 && r <= HEADER_REACH).then_some((t, r, c))
    }

    /// Whether line `line` is a row of a table.
    pub fn in_table(&self, line: usize) -> bool {
        let i = self.tables.partition_point(|t| t.lines.end <= line);
        self.tables.get(i).is_some_and(|t| t.lines.contains(&line))
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicon;

    /// The cells of the tables of `text`, row by row.
    fn tables(text: &str) -> Vec<Vec<Vec<String>>> {
        let lex = Lexicon::builtin();
        let n = crate::normalize::normalize(text, lex);
        let s = super::super::analyze(&n.text, lex);
        s.tables
            .iter()
            .map(|t| {
                t.rows
                    .iter()
                    .map(|r| r.iter().map(|c| c.slice(&n.text).to_string()).collect())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn shapes() {
        let tab = tables("表1\n项目\t浓度\nPM2.5\t32微克/立方米\n");
        assert_eq!(tab, [[["项目", "浓度"], ["PM2.5", "32微克/立方米"]]]);
        let bar = tables("| 项目 | 浓度 |\n| PM2.5 | 32 |\n| PM10 | 58 |\n");
        assert_eq!(
            bar,
            [[
                vec!["项目", "浓度"],
                vec!["PM2.5", "32"],
                vec!["PM10", "58"]
            ]]
        );
        let spaced = tables("项目      浓度      同比\nPM2.5     32        -5.9%\n");
        assert_eq!(
            spaced,
            [[["项目", "浓度", "同比"], ["PM2.5", "32", "-5.9%"]]]
        );
        let one = tables("点位名称 |\n监测天数 |\n平均值 |\n城东站 |\n31 |\n85.4 |\n城西站 |\n30 |\n86.1 |\n正文。\n");
        assert_eq!(
            one,
            [[
                ["点位名称", "监测天数", "平均值"],
                ["城东站", "31", "85.4"],
                ["城西站", "30", "86.1"]
            ]]
        );
    }

    #[test]
    fn prose_is_no_table() {
        assert!(tables("全市共完成治理项目12个，  总投资3.5亿元，  同比增长12%，较上年明显提高。\n第二段也是正文内容，  没有表格，  只有文字和数字5个。\n").is_empty());
    }
}
