//! Tables: the name of a number in a cell, from its row label and column header.

use super::naming::Memo;
use crate::lexicon::Lexicon;

/// The name of a number in a table cell: the row's first cell and the column's header
/// (PM2.5 + 浓度 for `PM2.5\t32微克/立方米` under `项目\t浓度`).
pub(super) fn table_cell_name(
    text: &str,
    pos: usize,
    memo: &Memo,
    lex: &Lexicon,
) -> Option<String> {
    let line_start = row_start(text, pos)?;
    let column = text[line_start..pos].matches('\t').count();
    if column == 0 {
        return None;
    }
    let limit = crate::text::chars::floor_boundary(text, pos + ROW_MAX);
    let line_end = match text[pos..limit].find('\n') {
        Some(i) => pos + i,
        None if limit == text.len() => limit,
        None => return None,
    };
    let line = &text[line_start..line_end];
    let row_label = line.split('\t').next()?.trim();
    // the header: the first of the tab-separated lines above, known from the row above when
    // that was looked at, else looked for in the 200 lines above at most
    let top = match memo.rows.get() {
        Some((row, row_end, top)) if row == line_start || row_end + 1 == line_start => top,
        _ => {
            let mut top = (line_start, line_end);
            for lines in 0..=200 {
                let end = top.0;
                if end == 0 {
                    break;
                }
                let Some(start) = row_start(text, end - 1) else {
                    break;
                };
                if !text[start..end - 1].contains('\t') {
                    break;
                }
                if lines == 200 {
                    // too far up to be this row's header
                    top = (line_start, line_end);
                    break;
                }
                top = (start, end - 1);
            }
            top
        }
    };
    memo.rows.set(Some((line_start, line_end, top)));
    let header = (top.0 != line_start).then(|| &text[top.0..top.1]);
    let column_name = header
        .and_then(|h| h.split('\t').nth(column))
        .map(str::trim)
        .filter(|c| {
            !c.is_empty()
                && !c.starts_with(|x: char| x.is_ascii_digit())
                && !lex.value_column.contains(c)
        })
        .unwrap_or("");
    let name = format!("{row_label}{column_name}");
    (!name.is_empty()).then_some(name)
}

/// A line's (start, end).
pub(super) type Line = (usize, usize);

/// A table row is short: looking no further than this for its edges keeps the cost per
/// number bounded on a text that is one endless line.
const ROW_MAX: usize = 4096;

/// The start of the line holding `pos`, if it starts within [`ROW_MAX`] bytes before.
fn row_start(text: &str, pos: usize) -> Option<usize> {
    let mut window = pos.saturating_sub(ROW_MAX);
    while !text.is_char_boundary(window) {
        window += 1;
    }
    match text[window..pos].rfind('\n') {
        Some(i) => Some(window + i + 1),
        None if window == 0 => Some(0),
        None => None,
    }
}
