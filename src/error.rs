//! The one error type: what a caller can fix.

use std::fmt;

/// Errors are for what the caller can fix: an unreadable input, a bad option, a malformed
/// lexicon. Analysis itself never fails; odd text gives a report with fewer findings and
/// diagnostics.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A lexicon file has a line that cannot be read.
    Lexicon {
        /// The file's name (`units.tsv`, or the caller's).
        file: String,
        /// The line, counted from 1.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// An option has a value the analyzer does not know.
    Option {
        /// The option's name.
        name: String,
        /// The value given.
        value: String,
        /// The values it may take.
        expected: String,
    },
    /// The input cannot be read as a report (binary data, a PDF, an unknown encoding).
    Input {
        /// What the input is and what to do with it.
        message: String,
    },
    /// The input is larger than the analyzer accepts.
    TooLarge {
        /// The size of the input in bytes.
        bytes: usize,
        /// The largest input accepted, in bytes.
        limit: usize,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Lexicon {
                file,
                line,
                message,
            } => {
                write!(
                    f,
                    "lexicon {file}, line {line}: {message}; fix the line or remove it"
                )
            }
            Error::Option {
                name,
                value,
                expected,
            } => {
                write!(f, "option {name} cannot be {value:?}; expected {expected}")
            }
            Error::Input { message } => f.write_str(message),
            // megabytes by integer arithmetic: float formatting would add 15 KB to the wasm
            Error::TooLarge { bytes, limit } => {
                let tenths = (bytes + 50_000) / 100_000;
                write!(
                    f,
                    "the input is {}.{} MB, more than the {} MB the analyzer accepts; split it into smaller files",
                    tenths / 10,
                    tenths % 10,
                    (limit + 500_000) / 1_000_000
                )
            }
        }
    }
}

impl std::error::Error for Error {}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
