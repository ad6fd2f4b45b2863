//! Reading the rows of a lexicon file, for every file alike: comments and blank lines
//! skipped, tab-separated columns counted, errors naming the file and line.

use super::LexiconFile;
use crate::error::{Error, Result};

/// A data row of a lexicon file.
pub(super) struct Row<'a> {
    file: LexiconFile,
    line: usize,
    text: &'a str,
    /// The row's columns (between `min` and `max` of them, the first not empty).
    pub(super) cols: Vec<&'a str>,
}

impl Row<'_> {
    /// An error about this row.
    pub(super) fn err(&self, message: impl Into<String>) -> Error {
        Error::Lexicon {
            file: self.file.file_name().to_string(),
            line: self.line,
            message: format!("{} in {:?}", message.into(), self.text),
        }
    }

    /// Column `i`, or the empty string when the row is shorter.
    pub(super) fn col(&self, i: usize) -> &str {
        self.cols.get(i).copied().unwrap_or("")
    }

    /// The row's text as written, without the line end.
    pub(super) fn text(&self) -> &str {
        self.text
    }
}

/// The data rows of `text`, a file of kind `file` whose rows have `min` to `max`
/// tab-separated columns. `max` 0 takes the line whole, unsplit (one name a line).
pub(super) fn rows(
    file: LexiconFile,
    text: &str,
    min: usize,
    max: usize,
) -> impl Iterator<Item = Result<Row<'_>>> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(move |(line, text)| {
            let cols = if max == 0 {
                vec![text]
            } else {
                text.split('\t').collect()
            };
            let row = Row {
                file,
                line,
                text,
                cols,
            };
            if max > 0 && (row.cols.len() < min || row.cols.len() > max) {
                let want = if min == max {
                    format!("{min}")
                } else {
                    format!("{min} to {max}")
                };
                return Err(row.err(format!(
                    "expected {want} tab-separated columns, found {}",
                    row.cols.len()
                )));
            }
            if row.cols[0].trim().is_empty() {
                return Err(row.err("the first column is empty"));
            }
            Ok(row)
        })
}
