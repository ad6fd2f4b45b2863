//! Reading the rows of a lexicon file: comments and blank lines skipped, tab-separated
//! columns counted, errors naming the file and line.

use super::LexiconFile;
use crate::error::{Error, Result};

/// The lines of a data file that hold data, with their line numbers.
pub(super) fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

pub(super) struct LineError<'a> {
    pub(super) file: LexiconFile,
    pub(super) line: usize,
    pub(super) text: &'a str,
}

impl LineError<'_> {
    pub(super) fn err(&self, message: impl Into<String>) -> Error {
        Error::Lexicon {
            file: self.file.file_name().to_string(),
            line: self.line,
            message: format!("{} in {:?}", message.into(), self.text),
        }
    }
}

pub(super) fn columns<'a>(at: &LineError<'a>, min: usize, max: usize) -> Result<Vec<&'a str>> {
    let cols: Vec<&str> = at.text.split('\t').collect();
    if cols.len() < min || cols.len() > max {
        let want = if min == max {
            format!("{min}")
        } else {
            format!("{min} to {max}")
        };
        return Err(at.err(format!(
            "expected {want} tab-separated columns, found {}",
            cols.len()
        )));
    }
    if cols[0].trim().is_empty() {
        return Err(at.err("the first column is empty"));
    }
    Ok(cols)
}
