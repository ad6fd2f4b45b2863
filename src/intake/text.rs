//! Text files: the encoding of their bytes (byte-order marks, UTF-8, UTF-16 without a
//! mark, GB18030 against Big5 by byte structure and the most frequent characters), and the
//! refusal of what is not text (PDF, old Word, other archives, binary data).

use std::sync::OnceLock;

use super::MAX_INPUT_BYTES;
use crate::error::{Error, Result};
use crate::names::named_enum;

named_enum! {
    /// A text encoding the analyzer reads, serialized as its WHATWG label.
    #[non_exhaustive]
    pub enum Encoding {
        /// UTF-8, with or without a byte-order mark.
        Utf8 = "utf-8",
        /// UTF-16, little-endian.
        Utf16Le = "utf-16le",
        /// UTF-16, big-endian.
        Utf16Be = "utf-16be",
        /// GB18030 and its subsets GBK and GB2312.
        Gb18030 = "gb18030",
        /// Big5 (traditional Chinese).
        Big5 = "big5",
    }
}

impl Encoding {
    /// The encoding a label names (`utf8`, `gbk`, `gb2312`, `big5-hkscs`, … any case).
    pub fn from_label(label: &str) -> Result<Encoding> {
        let l = label.trim().to_ascii_lowercase().replace('_', "-");
        Ok(match l.as_str() {
            "utf-8" | "utf8" | "unicode-1-1-utf-8" => Encoding::Utf8,
            "utf-16le" | "utf-16" | "utf16le" | "utf16" => Encoding::Utf16Le,
            "utf-16be" | "utf16be" => Encoding::Utf16Be,
            "gb18030" | "gbk" | "gb2312" | "cp936" | "x-gbk" | "chinese" | "csgb2312"
            | "euc-cn" => Encoding::Gb18030,
            "big5" | "big5-hkscs" | "cn-big5" | "x-x-big5" | "csbig5" | "cp950" => Encoding::Big5,
            _ => {
                return Err(Error::Option {
                    name: "encoding".into(),
                    value: label.into(),
                    expected: "utf-8, utf-16le, utf-16be, gb18030 (gbk) or big5".into(),
                })
            }
        })
    }
}

/// The characters of UTF-16 bytes (an odd last byte is left out), errors for unpaired
/// surrogates.
pub(crate) fn utf16_chars(
    bytes: &[u8],
    big_endian: bool,
) -> impl Iterator<Item = Result<char, std::char::DecodeUtf16Error>> + '_ {
    char::decode_utf16(bytes.chunks_exact(2).map(move |p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    }))
}

/// The outcome of [`detect`]: the encoding and the length of its byte-order mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    /// The encoding of the text.
    pub encoding: Encoding,
    /// Bytes of byte-order mark to skip before decoding.
    pub bom: usize,
}

impl Detected {
    /// The encoding a caller names (`--encoding`), with the byte-order mark of that encoding
    /// skipped when the bytes start with it.
    pub fn given(encoding: Encoding, bytes: &[u8]) -> Detected {
        let bom = match (encoding, bytes) {
            (Encoding::Utf8, [0xEF, 0xBB, 0xBF, ..]) => 3,
            (Encoding::Utf16Le, [0xFF, 0xFE, ..]) | (Encoding::Utf16Be, [0xFE, 0xFF, ..]) => 2,
            _ => 0,
        };
        Detected { encoding, bom }
    }
}

/// Finds the encoding of a text file, or says why the bytes are not a text the analyzer
/// reads.
pub fn detect(bytes: &[u8]) -> Result<Detected> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            bytes: bytes.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let found = |encoding, bom| Ok(Detected { encoding, bom });
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return found(Encoding::Utf8, 3);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return found(Encoding::Utf16Le, 2);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return found(Encoding::Utf16Be, 2);
    }
    refuse_known_formats(bytes)?;
    if let Some(encoding) = utf16_without_bom(bytes) {
        return found(encoding, 0);
    }
    if looks_binary(bytes) {
        return Err(binary());
    }
    if std::str::from_utf8(bytes).is_ok() {
        return found(Encoding::Utf8, 0);
    }
    let gb = score(bytes, Encoding::Gb18030);
    let big5 = score(bytes, Encoding::Big5);
    // A few stray bytes are tolerated (a truncated copy); more mean neither reading is right.
    let readable = |s: &Score| s.invalid * 100 <= s.chars.max(1);
    match (readable(&gb), readable(&big5)) {
        (false, false) => Err(binary()),
        (true, false) => found(Encoding::Gb18030, 0),
        (false, true) => found(Encoding::Big5, 0),
        (true, true) if big5.common > gb.common => found(Encoding::Big5, 0),
        (true, true) => found(Encoding::Gb18030, 0),
    }
}

fn binary() -> Error {
    Error::Input {
        message: "it is not text in UTF-8, UTF-16, GB18030/GBK or Big5 (binary data?)".into(),
    }
}

/// Formats that look like files people drop by mistake, refused by name.
fn refuse_known_formats(bytes: &[u8]) -> Result<()> {
    let refuse = |message: &str| {
        Err(Error::Input {
            message: message.into(),
        })
    };
    if bytes.starts_with(b"%PDF-") {
        return refuse(
            "PDF files are not read yet: open the PDF, select all, copy, and paste the text",
        );
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return refuse("it is a ZIP archive (a .docx?) and not a text file");
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return refuse("old Word (.doc) and Excel files are not read: save the document as .docx or plain text");
    }
    if bytes.starts_with(b"{\\rtf") {
        return refuse("RTF files are not read: save the document as .docx or plain text");
    }
    Ok(())
}

/// UTF-16 without a byte-order mark: many NUL bytes, nearly all at even (big-endian) or
/// odd (little-endian) positions.
fn utf16_without_bom(bytes: &[u8]) -> Option<Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let pairs = sample.len() / 2;
    // Chinese text in UTF-16 has few NULs; ASCII-heavy text has many. Either way the
    // NULs sit on one side only.
    if odd >= pairs / 4 && even == 0 {
        Some(Encoding::Utf16Le)
    } else if even >= pairs / 4 && odd == 0 {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

/// NUL bytes or many C0 control characters: not a text file.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)))
        .count();
    sample.contains(&0) || controls * 100 > sample.len()
}

#[derive(Debug, Default)]
struct Score {
    /// Multibyte characters read.
    chars: usize,
    /// Byte sequences invalid in this encoding.
    invalid: usize,
    /// Characters among the most frequent ones.
    common: usize,
}

/// Reads the bytes by the structure of `encoding` (no decoding), counting characters,
/// invalid sequences and frequent characters.
fn score(bytes: &[u8], encoding: Encoding) -> Score {
    let common = common_pairs();
    let table = if encoding == Encoding::Big5 {
        &common.big5
    } else {
        &common.gb
    };
    let mut s = Score::default();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        let Some(&t) = bytes.get(i + 1) else {
            break; // a truncated last character
        };
        let lead_ok = (0x81..=0xFE).contains(&b);
        let four = encoding == Encoding::Gb18030
            && lead_ok
            && t.is_ascii_digit()
            && matches!(bytes.get(i + 2), Some(0x81..=0xFE))
            && matches!(bytes.get(i + 3), Some(b'0'..=b'9'));
        let pair_ok = lead_ok
            && match encoding {
                Encoding::Big5 => matches!(t, 0x40..=0x7E | 0xA1..=0xFE),
                _ => matches!(t, 0x40..=0x7E | 0x80..=0xFE),
            };
        if four {
            s.chars += 1;
            i += 4;
        } else if pair_ok {
            s.chars += 1;
            if table.binary_search(&u16::from_be_bytes([b, t])).is_ok() {
                s.common += 1;
            }
            i += 2;
        } else {
            s.invalid += 1;
            i += 1;
        }
    }
    s
}

struct CommonPairs {
    gb: Vec<u16>,
    big5: Vec<u16>,
}

/// The byte pairs of the most frequent characters in each encoding, sorted.
fn common_pairs() -> &'static CommonPairs {
    static PAIRS: OnceLock<CommonPairs> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let mut pairs = CommonPairs {
            gb: Vec::new(),
            big5: Vec::new(),
        };
        for line in include_str!(concat!(env!("OUT_DIR"), "/common.tsv")).lines() {
            if line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t').skip(1);
            let mut next = || cols.next().and_then(|h| u16::from_str_radix(h, 16).ok());
            if let (Some(gb), Some(big5)) = (next(), next()) {
                pairs.gb.push(gb);
                pairs.big5.push(big5);
            }
        }
        pairs.gb.sort_unstable();
        pairs.big5.sort_unstable();
        pairs
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_detects(bytes: &[u8], encoding: Encoding) {
        assert_eq!(detect(bytes).map(|d| d.encoding), Ok(encoding));
    }

    #[test]
    fn common_table_parses_in_full() {
        let pairs = common_pairs();
        assert_eq!((pairs.gb.len(), pairs.big5.len()), (1000, 1000));
    }

    #[test]
    fn byte_order_marks() {
        assert_eq!(
            detect(b"\xEF\xBB\xBFabc").unwrap(),
            Detected {
                encoding: Encoding::Utf8,
                bom: 3
            }
        );
        assert_eq!(
            detect(b"\xFF\xFEa\0").unwrap(),
            Detected {
                encoding: Encoding::Utf16Le,
                bom: 2
            }
        );
        assert_eq!(
            detect(b"\xFE\xFF\0a").unwrap(),
            Detected {
                encoding: Encoding::Utf16Be,
                bom: 2
            }
        );
    }

    #[test]
    fn utf8_and_ascii() {
        assert_detects("全区优良天数为287天".as_bytes(), Encoding::Utf8);
        assert_detects(b"plain ascii", Encoding::Utf8);
        assert_detects(b"", Encoding::Utf8);
    }

    #[test]
    fn utf16_without_bom() {
        assert_detects(b"2\x000\x002\x001\x00\x74\x5E", Encoding::Utf16Le);
        assert_detects(b"\x002\x000\x002\x001\x5E\x74", Encoding::Utf16Be);
    }

    // 全区优良天数为287天，同比增加12天。(GB2312 and Big5 bytes written out by hand.)
    const GB: &[u8] = b"\xC8\xAB\xC7\xF8\xD3\xC5\xC1\xBC\xCC\xEC\xCA\xFD\xCE\xAA287\xCC\xEC\xA3\xAC\xCD\xAC\xB1\xC8\xD4\xF6\xBC\xD3" ;
    const BIG5: &[u8] = b"\xA5\xFE\xB0\xCF\xC0\x75\xA8\x7D\xA4\xD1\xBC\xC6\xAC\xB0287\xA4\xD1\xA1\x41\xA6\x50\xA4\xF1\xBC\x57\xA5\x5B";

    #[test]
    fn short_gbk_and_big5_snippets() {
        assert_detects(GB, Encoding::Gb18030);
        assert_detects(BIG5, Encoding::Big5);
    }

    #[test]
    fn refusals_say_what_the_file_is() {
        let message = |b: &[u8]| detect(b).unwrap_err().to_string();
        assert!(message(b"%PDF-1.7\n...").contains("PDF"));
        assert!(message(b"PK\x03\x04....").contains("ZIP"));
        assert!(message(b"\x7FELF\x02\x01\x01\0\0\0\0\0").contains("binary"));
        assert!(message(&[0xFF; 64]).contains("binary"));
    }

    #[test]
    fn labels() {
        assert_eq!(Encoding::from_label("GBK"), Ok(Encoding::Gb18030));
        assert_eq!(Encoding::from_label("utf8"), Ok(Encoding::Utf8));
        assert!(Encoding::from_label("latin1")
            .unwrap_err()
            .to_string()
            .contains("gb18030"));
        for e in [
            Encoding::Utf8,
            Encoding::Utf16Le,
            Encoding::Utf16Be,
            Encoding::Gb18030,
            Encoding::Big5,
        ] {
            assert_eq!(Encoding::from_label(e.name()), Ok(e));
        }
    }
}
