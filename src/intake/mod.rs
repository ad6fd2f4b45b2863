//! What a file is before it is text: its format (plain text, a web page, a Word
//! document), the encoding of a text file, and refusals for what cannot be read (PDF,
//! binary data, inputs over the size limit). [`read`] does all of it.
//!
//! Detection needs no decoding tables, so the browser build can run it and decode with
//! its own `TextDecoder`: byte-order marks first, then UTF-8 validity, then GB18030 against
//! Big5, told apart by the byte structure of each and by how many of the 1000 most frequent
//! Chinese characters (`data/common.tsv`) each reading finds. A 30-character snippet is
//! enough: a gov report in GBK read as Big5 gives mostly rare traditional characters.

use crate::error::{Error, Result};
use crate::names::named_enum;

pub(crate) mod docx;
pub(crate) mod html;
mod markup;
mod text;

pub(crate) use text::utf16_chars;
pub use text::{detect, Detected, Encoding};

/// The largest input analyzed, in bytes of text. Larger inputs are refused with a message
/// rather than freezing a browser tab.
pub const MAX_INPUT_BYTES: usize = 64_000_000;

named_enum! {
    /// What kind of file a report came in.
    #[non_exhaustive]
    pub enum Format {
        /// Plain text.
        Text = "text",
        /// A saved web page; its article text is analyzed.
        Html = "html",
        /// A Word document; its paragraphs are analyzed.
        Docx = "docx",
    }
}

/// A report read from a file: the text spans refer to, and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The text, as the analysis reads it: spans of its report refer to it.
    pub text: String,
    /// The encoding of the file's text (UTF-8 for Word documents).
    pub encoding: Encoding,
    /// What the text was extracted from.
    pub format: Format,
}

/// The format of a file, from its content and then its name (`report.htm`).
pub fn sniff(name: &str, bytes: &[u8]) -> Format {
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if bytes.starts_with(b"PK\x03\x04") {
        // Word or not, the Word reader says what a ZIP archive is.
        return Format::Docx;
    }
    if matches!(extension.as_str(), "html" | "htm" | "xhtml" | "shtml")
        || crate::intake::html::looks_like_html(bytes)
    {
        return Format::Html;
    }
    Format::Text
}

/// [`read`] with the legacy encodings decoded by encoding_rs: what the command line and
/// the Python package read files with.
#[cfg(feature = "encodings")]
pub fn read_native(name: &str, bytes: &[u8], encoding: Option<Encoding>) -> Result<Document> {
    read(name, bytes, encoding, |bytes, encoding| {
        let decoder = encoding_rs::Encoding::for_label(encoding.name().as_bytes())
            .unwrap_or(encoding_rs::UTF_8);
        decoder
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|text| text.into_owned())
            .ok_or_else(|| Error::Input {
                message: format!("it is not valid {} text", encoding.name()),
            })
    })
}

/// Reads a file: finds its format and encoding and returns its text, or says why it
/// cannot be read. `decode` turns bytes in a legacy encoding (GB18030, Big5) into text;
/// natively that is encoding_rs, in the browser `TextDecoder`. `encoding`, when given,
/// overrides detection for text and web pages.
pub fn read(
    name: &str,
    bytes: &[u8],
    encoding: Option<Encoding>,
    decode: impl Fn(&[u8], Encoding) -> Result<String>,
) -> Result<Document> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            bytes: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let format = sniff(name, bytes);
    if format == Format::Docx {
        return Ok(Document {
            text: crate::intake::docx::extract(bytes)?,
            encoding: Encoding::Utf8,
            format,
        });
    }
    let detected = match (encoding, format) {
        (Some(e), _) => Detected::given(e, bytes),
        (None, Format::Html) => match crate::intake::html::charset(bytes) {
            Some(e) => Detected::given(e, bytes),
            None => detect(bytes)?,
        },
        (None, _) => detect(bytes)?,
    };
    let text = decode_with(&bytes[detected.bom..], detected.encoding, decode)?;
    let text = if format == Format::Html {
        crate::intake::html::extract(&text)
    } else {
        text
    };
    Ok(Document {
        text,
        encoding: detected.encoding,
        format,
    })
}

/// Decodes UTF-8 and UTF-16 here, legacy encodings with `decode`; invalid bytes are an
/// error, not replacement characters.
fn decode_with(
    bytes: &[u8],
    encoding: Encoding,
    decode: impl Fn(&[u8], Encoding) -> Result<String>,
) -> Result<String> {
    let invalid = || Error::Input {
        message: format!("it is not valid {} text", encoding.name()),
    };
    match encoding {
        Encoding::Utf8 => String::from_utf8(bytes.to_vec()).map_err(|_| invalid()),
        Encoding::Utf16Le | Encoding::Utf16Be => {
            if bytes.len() % 2 != 0 {
                return Err(invalid());
            }
            utf16_chars(bytes, encoding == Encoding::Utf16Be)
                .collect::<Result<String, _>>()
                .map_err(|_| invalid())
        }
        _ => decode(bytes, encoding),
    }
}
