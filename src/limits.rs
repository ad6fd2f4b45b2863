//! The most the analyzer lists of one report. A real report, even a long bulletin, stays
//! far below each; a hostile or broken input (a document of three million one-character
//! paragraphs, a table of a million cells) is cut at the limit, so that work and memory
//! stay bounded, and a diagnostic says what was cut and where.

/// The most sections (headings) of one report; later headings are read as body lines.
pub const MAX_SECTIONS: usize = 10_000;

/// The most numerals read from one report; the text after the last one is not read for
/// numbers, so no more indicators come from it.
pub const MAX_NUMERALS: usize = 100_000;

/// The most notes of one kind (one diagnostic code); one more note says how many were
/// left out.
pub const MAX_NOTES_PER_KIND: usize = 1_000;
