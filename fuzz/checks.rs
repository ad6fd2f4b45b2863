//! What must hold for any input, shared by the fuzz targets (`fuzz/fuzz_targets/`), the
//! property tests and the replay of crash inputs (`tests/fuzz_regressions.rs`).
#![allow(dead_code)]

use envreport::internals::{self, normalize, Span};
use envreport::Lexicon;
use envreport::{analyze, intake, OffsetEncoding, Options, Report, Section};

fn sections_flat<'a>(s: &'a [Section], out: &mut Vec<&'a Section>) {
    for x in s {
        out.push(x);
        sections_flat(&x.children, out);
    }
}

/// Every span of the report, as (start, end).
pub fn spans(r: &Report) -> Vec<(usize, usize)> {
    let mut v = Vec::new();
    let mut secs = Vec::new();
    sections_flat(&r.sections, &mut secs);
    for s in secs {
        v.push((s.start, s.end));
        v.push((s.heading_start, s.heading_end));
    }
    for i in &r.indicators {
        v.push((i.start, i.end));
        v.push((i.sentence_start, i.sentence_end));
    }
    v.extend(r.comparisons.iter().map(|c| (c.start, c.end)));
    v.extend(r.ranks.iter().map(|c| (c.start, c.end)));
    v.extend(r.meta.spans.values().map(|s| (s.start, s.end)));
    v.extend(
        r.diagnostics
            .iter()
            .filter_map(|d| Some((d.start?, d.end?))),
    );
    v
}

fn options(offsets: OffsetEncoding) -> Options {
    Options { offsets }
}

/// Analysis never panics; spans are in bounds, on character boundaries, the same in every
/// offset encoding, and quote the original text.
pub fn check_report(input: &str) {
    let chars = input.chars().count();
    let r = analyze(input, &options(OffsetEncoding::Chars));
    for (s, e) in spans(&r) {
        assert!(
            s <= e && e <= chars,
            "span {s}..{e} out of 0..{chars} in {input:?}"
        );
    }
    let r8 = analyze(input, &options(OffsetEncoding::Utf8));
    for (s, e) in spans(&r8) {
        assert!(
            input.is_char_boundary(s) && input.is_char_boundary(e),
            "{s}..{e} not on boundaries in {input:?}"
        );
    }
    let r16 = analyze(input, &options(OffsetEncoding::Utf16));
    for ((s8, e8), (s16, e16)) in spans(&r8).into_iter().zip(spans(&r16)) {
        assert_eq!(input[..s8].encode_utf16().count(), s16);
        assert_eq!(input[..e8].encode_utf16().count(), e16);
    }
    for i in &r8.indicators {
        assert_eq!(i.text, input[i.start..i.end]);
    }
}

/// Normalization is idempotent and its offset map monotonic, in bounds and on boundaries.
pub fn check_normalization(input: &str) {
    let lex = Lexicon::builtin();
    let once = normalize(input, lex);
    let twice = normalize(&once.text, lex);
    assert_eq!(
        twice.text, once.text,
        "normalize is not idempotent on {input:?}"
    );
    let (mut last_start, mut last_end, mut pos) = (0, 0, 0);
    loop {
        let s = once.map.start_to_original(pos);
        let e = once.map.end_to_original(pos);
        assert!(
            s >= last_start && e >= last_end,
            "map not monotonic at {pos} in {input:?}"
        );
        assert!(s <= input.len() && e <= input.len());
        assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
        let span = once.map.to_original(Span::new(pos, pos));
        assert!(span.start() <= span.end());
        (last_start, last_end) = (s, e);
        match once.text[pos..].chars().next() {
            Some(c) => pos += c.len_utf8(),
            None => break,
        }
    }
}

/// The `analyze` target: any bytes, read as UTF-8 with replacement characters.
pub fn analyze_bytes(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    check_report(&text);
    check_normalization(&text);
}

/// The `numerals` target: the numeral grammar on any string, and the number finder.
pub fn numerals(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    for parsed in [
        internals::parse_chinese(&s),
        internals::parse_arabic(&s),
        internals::parse_number(&s),
    ]
    .into_iter()
    .flatten()
    {
        assert!(!parsed.is_nan(), "NaN from {s:?}");
    }
    // plain digits read as Rust reads them
    if !s.is_empty() && s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit()) {
        assert_eq!(internals::parse_arabic(&s), s.parse::<f64>().ok(), "{s:?}");
    }
    for n in envreport::numbers(&s, &options(OffsetEncoding::Utf8)) {
        assert!(
            n.start <= n.end
                && n.end <= s.len()
                && s.is_char_boundary(n.start)
                && s.is_char_boundary(n.end)
        );
        assert_eq!(n.text, s[n.start..n.end]);
    }
}

/// Decoding for the readers' legacy encodings: lossy, as the targets need no tables.
fn lossy(bytes: &[u8], _: intake::Encoding) -> envreport::Result<String> {
    Ok(String::from_utf8_lossy(bytes).into_owned())
}

/// A short text read from a file is analyzed too.
fn analyze_read(text: &str) {
    if text.len() <= 16 * 1024 {
        check_report(text);
    }
}

/// The `docx` target. An even first byte: the bytes are a file (ZIP parsing, inflating,
/// relationships). An odd one: the rest holds XML parts separated by 0xFF bytes (main
/// document, numbering, styles), which reaches the body and numbering logic far more often.
pub fn docx(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 0 {
        let is_docx = internals::is_docx(rest);
        match internals::docx_extract(rest) {
            Ok(text) => {
                assert!(is_docx, "extracted a document is_docx refuses");
                analyze_read(&text);
            }
            Err(e) => assert!(!e.to_string().is_empty()),
        }
        let _ = intake::read("report.docx", rest, None, lossy);
    } else {
        let mut parts = rest.split(|&b| b == 0xFF).map(String::from_utf8_lossy);
        let document = parts.next().unwrap_or_default();
        let numbering = parts.next().unwrap_or_default();
        let styles = parts.next().unwrap_or_default();
        let text = internals::docx_extract_parts(&document, &numbering, &styles);
        analyze_read(&text);
    }
}

/// The `html` target: charset sniffing and article extraction on any bytes.
pub fn html(data: &[u8]) {
    let _ = internals::html_charset(data);
    let _ = internals::looks_like_html(data);
    let text = internals::html_extract(&String::from_utf8_lossy(data));
    analyze_read(&text);
    if let Ok(document) = intake::read("page.html", data, None, lossy) {
        assert_eq!(document.format, intake::Format::Html);
    }
}
