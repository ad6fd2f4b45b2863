//! `make bench`: the five seed reports concatenated to about 1 MB, analyzed on one thread;
//! prints the median throughput in MB/s and the time of each stage.
//!
//! Run with `cargo bench --bench throughput`. Set `ENVREPORT_BENCH_MB` to change the size
//! and `ENVREPORT_SEEDS` to read the reports from another directory.

use std::hint::black_box;
use std::time::{Duration, Instant};

use envreport::internals;
use envreport::Lexicon;
use envreport::{analyze, Options};

mod common;

fn corpus(target_bytes: usize) -> String {
    let seeds = common::seed_texts();
    let mut text = String::with_capacity(target_bytes + 64 * 1024);
    while text.len() < target_bytes {
        for s in &seeds {
            text.push_str(s);
            text.push_str("\n\n");
        }
    }
    text
}

/// The median and the fastest run: on a shared machine the fastest is the steadiest.
fn median(mut v: Vec<Duration>) -> (Duration, Duration) {
    v.sort();
    (v[v.len() / 2], v[0])
}

/// Times `f` over at least `runs` runs and one second; returns the median.
fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    f(); // warm up
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < runs || start.elapsed() < Duration::from_secs(1) {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
        if times.len() >= 200 {
            break;
        }
    }
    median(times)
}

fn main() {
    // `cargo test --benches` runs this with --bench absent: do one quick pass only
    let quick = !std::env::args().any(|a| a == "--bench");
    let mb: f64 = std::env::var("ENVREPORT_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    let text = corpus((mb * 1e6) as usize);
    let megabytes = text.len() as f64 / 1e6;
    let lex = Lexicon::builtin();
    let options = Options::default();
    let runs = if quick { 1 } else { 15 };

    let whole = time(runs, || {
        black_box(analyze(black_box(&text), &options));
    });
    let normalized = internals::normalize(&text, lex);
    let t_normalize = time(runs, || {
        black_box(internals::normalize(black_box(&text), lex));
    });
    let t_chars = time(runs, || {
        black_box(internals::fold_chars(black_box(&text), lex));
    });
    let folded = internals::fold_chars(&text, lex);
    let t_lines = time(runs, || {
        black_box(internals::fold_lines(black_box(&folded.text), lex));
    });
    let structure = internals::structure(&normalized.text, lex);
    let t_structure = time(runs, || {
        black_box(internals::structure(black_box(&normalized.text), lex));
    });
    let labels = structure.label_spans();
    let mentions = internals::numbers(&normalized.text, &labels, lex);
    let t_numbers = time(runs, || {
        black_box(internals::numbers(
            black_box(&normalized.text),
            &labels,
            lex,
        ));
    });
    let meta = internals::meta(&normalized.text, &structure, lex);
    let t_indicators = time(runs, || {
        black_box(internals::indicators(
            &normalized.text,
            &structure,
            &meta,
            &mentions,
            lex,
        ));
    });

    let rate = |d: Duration| megabytes / d.as_secs_f64();
    println!(
        "input: {megabytes:.2} MB (the seed reports concatenated), one thread; median (fastest)"
    );
    let line = |name: &str, (med, min): (Duration, Duration)| {
        println!(
            "{name:<12}{:>8.2} ms ({:>6.2})  {:>7.1} MB/s ({:>6.1})",
            med.as_secs_f64() * 1e3,
            min.as_secs_f64() * 1e3,
            rate(med),
            rate(min)
        )
    };
    line("analyze", whole);
    println!("  report      {:>8.2} ms (the rest)", {
        let stages = t_normalize.0 + t_structure.0 + t_numbers.0 + t_indicators.0;
        whole.0.saturating_sub(stages).as_secs_f64() * 1e3
    });
    for (name, d) in [
        ("normalize", t_normalize),
        ("  chars", t_chars),
        ("  lines", t_lines),
        ("structure", t_structure),
        ("numbers", t_numbers),
        ("indicators", t_indicators),
    ] {
        line(&format!("  {name}"), d);
    }
    println!(
        "throughput: {:.1} MB/s (median), {:.1} MB/s (fastest run)",
        rate(whole.0),
        rate(whole.1)
    );
}
