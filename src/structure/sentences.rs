//! Sentences: each line split at its full stops.

use crate::span::{Normalized, Span};

/// Splits each line into sentences at 。！？； (and their ASCII forms, and a Latin full
/// stop before a space). Scans bytes: the stops are ASCII or three-byte sequences.
pub(super) fn split(text: &str, lines: &[Span<Normalized>]) -> Vec<Span<Normalized>> {
    const STOPS: [&[u8]; 4] = [
        "。".as_bytes(),
        "！".as_bytes(),
        "？".as_bytes(),
        "；".as_bytes(),
    ];
    const CLOSERS: [&[u8]; 3] = ["”".as_bytes(), "’".as_bytes(), "）".as_bytes()];
    // at least one a line
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let s = line.slice(text).as_bytes();
        let mut start = 0;
        // the bytes that may start a stop: ! ? ; . and the lead bytes of 。(E3) and ！？；(EF)
        const STOP_BYTES: crate::text::search::ByteSet =
            crate::text::search::ByteSet::of(b"!?;.\xE3\xEF");
        let mut i = 0;
        while let Some(at) = STOP_BYTES.find(s, i) {
            i = at;
            let b = s[i];
            let stop_len = match b {
                b'!' | b'?' | b';' => 1,
                // a full stop of Latin text: "in 2023. 全市…"
                b'.' if i > 0
                    && s[i - 1].is_ascii_alphanumeric()
                    && (s.get(i + 1) == Some(&b' ')
                        || s.get(i + 1).is_some_and(|&n| n >= 0xE0)) =>
                {
                    1
                }
                0xE3 | 0xEF if STOPS.iter().any(|st| s[i..].starts_with(st)) => 3,
                _ => 0,
            };
            if stop_len == 0 {
                i += 1;
                continue;
            }
            let mut end = i + stop_len;
            // a closing quote after the stop belongs to the sentence
            if let Some(q) = CLOSERS.iter().find(|q| s[end..].starts_with(q)) {
                end += q.len();
            }
            if end > start {
                out.push(Span::new(line.start() + start, line.start() + end));
            }
            start = end;
            i = end;
        }
        if start < s.len() {
            out.push(Span::new(line.start() + start, line.end()));
        }
    }
    out
}
