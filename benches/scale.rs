//! `make bench-scale`: analysis time against input size, to show it grows linearly. The
//! seed reports are repeated to 1, 2, 5, 10 and 20 MB; then inputs built to be hostile
//! (a single line, millions of digits, thousands of headings, unbalanced brackets, table
//! rows, control characters) at 1 and 10 MB. Each line prints the time per MB; a ratio near
//! 1 between sizes means linear growth.
//!
//! `ENVREPORT_SCALE_MAX_MB` lowers the largest size (default 20).

use std::hint::black_box;
use std::time::Instant;

use envreport::{analyze, Options};

mod common;

fn seeds() -> String {
    common::seed_texts()
        .iter()
        .map(|s| s.clone() + "\n\n")
        .collect()
}

/// `unit` repeated to at least `bytes`.
fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len().max(1)))
}

/// Milliseconds of one analysis (the fastest of three below 5 MB, of two above).
fn time_ms(text: &str) -> f64 {
    let runs = if text.len() < 5_000_000 { 3 } else { 2 };
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(analyze(black_box(text), &Options::default()));
            t.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    // `cargo test --benches` runs this without --bench: sizes stay small then
    let quick = !std::env::args().any(|a| a == "--bench");
    let max_mb: usize = std::env::var("ENVREPORT_SCALE_MAX_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if quick { 1 } else { 20 });
    let seeds = seeds();
    // the lexicon is built on first use: not part of any figure
    black_box(analyze(&seeds, &Options::default()));
    println!("seed reports repeated, one thread:");
    let mut first = None;
    for mb in [1, 2, 5, 10, 20].into_iter().filter(|&mb| mb <= max_mb) {
        let text = repeat_to(&seeds, mb * 1_000_000);
        let ms = time_ms(&text);
        let per_mb = ms / (text.len() as f64 / 1e6);
        let base = *first.get_or_insert(per_mb);
        println!(
            "  {mb:>3} MB  {ms:>9.1} ms  {per_mb:>6.1} ms/MB  ({:.2}× the 1 MB rate)",
            per_mb / base
        );
    }
    let one_line: String = seeds.split('\n').collect::<Vec<_>>().join("");
    let hostile: [(&str, String); 9] = [
        ("one line, no breaks", one_line),
        ("digits only", "9".repeat(1000)),
        (
            "digits and units",
            "全年完成123456789012345678901234567890吨，".into(),
        ),
        (
            "repeated headings",
            "一、工作情况\n（一）深化\n1. 打好\n".into(),
        ),
        ("unbalanced brackets", "（（（《《“【(((".into()),
        (
            "table rows",
            "指标\t2021年\t2022年\t2023年\n优良天数\t287天\t290天\t300天\n".into(),
        ),
        ("placeholders", "完成xx次，同比增长x.x%，排第xx位，".into()),
        (
            // one sentence of quantities that the checks read against their neighbours
            "one sentence of counts",
            "其中排放9吨，共12家中排名第2位，处罚3起，占比5%，".into(),
        ),
        (
            "controls and marks",
            "\u{202E}\u{0}\u{7}同比\u{200B}下降\u{FEFF}5%\r".into(),
        ),
    ];
    println!(
        "hostile inputs, time per MB at 1 MB and at {} MB:",
        max_mb.min(10)
    );
    for (name, unit) in hostile {
        let small = repeat_to(&unit, 1_000_000);
        let big = repeat_to(&unit, max_mb.min(10) * 1_000_000);
        let a = time_ms(&small) / (small.len() as f64 / 1e6);
        let b = time_ms(&big) / (big.len() as f64 / 1e6);
        println!(
            "  {name:<22} {a:>7.1} ms/MB  {b:>7.1} ms/MB  ({:.2}×)",
            b / a
        );
    }
}
