//! Properties that hold for any input: analysis never panics, every span is in bounds and on
//! character boundaries, normalization is idempotent, the offset map is monotonic, and the
//! UTF-16 offsets agree with `encode_utf16`.

use envreport::lexicon::Lexicon;
use envreport::normalize::normalize;
use envreport::offset_map::Span;
use envreport::{analyze, OffsetEncoding, Options, Report, Section};
use proptest::prelude::*;

/// Characters that exercise the analyzer: CJK and its punctuation, full-width forms,
/// numerals, placeholders, units, astral characters, controls, bidi marks, ruby and
/// converter junk.
fn interesting_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(
            "一二三四五六七八九十百千万亿零〇两余多约近第年月日个家次项件起天吨元亩方米%．，。、；：（）()“”\"《》【】\n\n \t-—~xX×.0123456789环境保护督察組環國（次）是同比下降上升持平排名全省第位为达到共计优良天数微克立方米PM_{2.5}**扫一扫在手机打开当前页|".chars().collect::<Vec<_>>()
        ),
        1 => prop::sample::select(vec!['\u{0}', '\u{7}', '\r', '\u{202E}', '\u{200B}', '\u{FEFF}', '\u{3000}', '\u{FF10}', '\u{FF21}', 'á', 'ǎ', 'ü', '𠀀', '𝄞', '😀', '\u{10FFFF}', 'Ⅲ', '①', '₂', '²']),
        1 => any::<char>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(interesting_char(), 0..200).prop_map(|v| v.into_iter().collect())
}

/// Report-like text built from fragments of real reports, shuffled.
fn reportish() -> impl Strategy<Value = String> {
    let fragments = prop::sample::select(vec![
        "一、工作情况\n",
        "（一）深学细悟\n",
        "1. 打好蓝天保卫战。",
        "（1）细项。",
        "①",
        "一是加强管控。",
        "全年召开会议30余次，",
        "优良天数为287天，",
        "同比下降5.8%；",
        "全市排名第2。",
        "比去年同期上升x.x%，",
        "清理网箱3.5万口",
        "筹措奖金10万元。",
        "环(huán)境保護(hù)",
        "PM_{2.5}平均浓度34微克/立方米",
        "**三是**",
        "6\n\n月1日",
        "扫一扫在手机打开当前页\n",
        "( wWw.x.cOm 转载请注明 )",
        "--标题\n",
        "发布时间:2020-05-13 14:48 来源:市局\n",
        "中共安康市委 安康市人民政府\n2018年8月31日\n",
        "抄送：市纪委。\n",
        "在中心五城区排第x位，",
        "超省考核任务15天，",
        "各分局，局机关各科室：\n",
        "xx余家(次)",
        "二〇二一年",
        "第三批",
        "“十四五”",
        "１，２００万元",
        "\t",
        "\n",
    ]);
    prop::collection::vec(fragments, 0..40).prop_map(|v| v.concat())
}

fn sections_flat<'a>(s: &'a [Section], out: &mut Vec<&'a Section>) {
    for x in s {
        out.push(x);
        sections_flat(&x.children, out);
    }
}

/// Every span of the report, as (start, end).
fn spans(r: &Report) -> Vec<(usize, usize)> {
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

fn check_report(input: &str) {
    let chars = input.chars().count();
    let r = analyze(
        input,
        &Options {
            offsets: OffsetEncoding::Chars,
        },
    );
    for (s, e) in spans(&r) {
        assert!(
            s <= e && e <= chars,
            "span {s}..{e} out of 0..{chars} in {input:?}"
        );
    }
    // UTF-8 spans are on character boundaries
    let r8 = analyze(
        input,
        &Options {
            offsets: OffsetEncoding::Utf8,
        },
    );
    for (s, e) in spans(&r8) {
        assert!(
            input.is_char_boundary(s) && input.is_char_boundary(e),
            "{s}..{e} not on boundaries in {input:?}"
        );
    }
    // UTF-16 offsets are the UTF-8 offsets converted by encode_utf16
    let r16 = analyze(
        input,
        &Options {
            offsets: OffsetEncoding::Utf16,
        },
    );
    for ((s8, e8), (s16, e16)) in spans(&r8).into_iter().zip(spans(&r16)) {
        assert_eq!(input[..s8].encode_utf16().count(), s16);
        assert_eq!(input[..e8].encode_utf16().count(), e16);
    }
    // the quoted text of each finding is the original slice
    for i in &r8.indicators {
        assert_eq!(i.text, input[i.start..i.end]);
    }
}

fn check_normalization(input: &str) {
    let lex = Lexicon::builtin();
    let once = normalize(input, lex);
    let twice = normalize(&once.text, lex);
    assert_eq!(
        twice.text, once.text,
        "normalize is not idempotent on {input:?}"
    );
    // the map is monotonic and in bounds, for starts and for ends
    let mut last_start = 0;
    let mut last_end = 0;
    let mut pos = 0;
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
        assert!(span.start <= span.end);
        last_start = s;
        last_end = e;
        match once.text[pos..].chars().next() {
            Some(c) => pos += c.len_utf8(),
            None => break,
        }
    }
}

/// A fixed seed, so the suite runs the same cases every time; `PROPTEST_CASES` and
/// `PROPTEST_RNG_SEED` explore more.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(400);
    let mut c = ProptestConfig {
        cases,
        ..ProptestConfig::default()
    };
    let seed = std::env::var("PROPTEST_RNG_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_E4E0);
    c.rng_seed = proptest::test_runner::RngSeed::Fixed(seed);
    c.failure_persistence = None;
    c
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn never_panics_and_spans_hold(s in text()) {
        check_report(&s);
    }

    #[test]
    fn never_panics_on_report_fragments(s in reportish()) {
        check_report(&s);
    }

    #[test]
    fn normalization_is_idempotent_and_monotonic(s in text()) {
        check_normalization(&s);
    }

    #[test]
    fn normalization_holds_on_report_fragments(s in reportish()) {
        check_normalization(&s);
    }

    #[test]
    fn numbers_never_panic(s in text()) {
        let _ = envreport::numbers(&s, &Options::default());
    }

    #[test]
    fn numeral_parser_never_panics(s in "[一二三四五六七八九十百千万亿零〇两壹贰叁佰仟点分之0-9.,]{0,12}") {
        let _ = envreport::numerals::parse_number(&s);
    }
}

#[test]
fn seeds_hold_the_properties() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for e in entries.flatten() {
        let text = std::fs::read_to_string(e.path()).unwrap();
        check_report(&text);
        check_normalization(&text);
    }
}

#[test]
fn hostile_inputs() {
    let long_digits = "9".repeat(100_000);
    let long_line = "同比下降".repeat(20_000);
    let headings = "一、工作\n".repeat(5_000);
    let brackets = "（（（（《《“".repeat(5_000);
    for s in [
        "",
        " ",
        "\n\n\n",
        "\u{0}\u{0}",
        "（",
        "）",
        "第",
        "万",
        "x",
        "xx.",
        ".5",
        "1,",
        "1,000,",
        "一是",
        "一、",
        "\u{202E}同比下降5%",
        "\r\r\r",
        "𝄞𝄞𝄞12家",
        &long_digits,
        &long_line,
        &headings,
        &brackets,
    ] {
        check_report(s);
        check_normalization(s);
    }
}

#[test]
fn regression_tab_after_heading() {
    check_normalization("一、工作情况\n\txx余家(次)抄送：市纪委。");
    check_normalization("一、工作情况\t\nxx余家(次)");
}
