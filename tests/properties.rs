//! Properties that hold for any input: analysis never panics, every span is in bounds and on
//! character boundaries, normalization is idempotent, the offset map is monotonic, and the
//! UTF-16 offsets agree with `encode_utf16`.

use proptest::prelude::*;

mod common;

#[path = "../fuzz/checks.rs"]
mod checks;
use checks::{check_normalization, check_report};

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
        let _ = envreport::numbers(&s, &envreport::Options::default());
    }

    #[test]
    fn numeral_parser_never_panics(s in "[一二三四五六七八九十百千万亿零〇两壹贰叁佰仟点分之0-9.,]{0,12}") {
        let _ = envreport::internals::parse_number(&s);
    }
}

#[test]
fn seeds_and_real_reports_hold_the_properties() {
    for (_, text) in common::seeds().into_iter().chain(common::real()) {
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
