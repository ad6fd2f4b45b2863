//! Runs one stage of the pipeline N times on a file, for instruction counts per stage:
//! `stage <name> <times> <file>` with name one of chars, lines, normalize, structure,
//! numbers, indicators, report, analyze.
use envreport::lexicon::Lexicon;
use std::hint::black_box;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (stage, times, path) = (&args[1], args[2].parse::<usize>().unwrap(), &args[3]);
    let text = std::fs::read_to_string(path).unwrap();
    let lex = Lexicon::builtin();
    let opts = envreport::Options::default();
    let n = envreport::normalize::normalize(&text, lex);
    let s = envreport::structure::analyze(&n.text, lex);
    let m = envreport::numbers::find(&n.text, &s.label_spans(), lex);
    let f = envreport::indicators::find(&n.text, &s, &m, lex);
    let c = envreport::normalize::fold_chars(&text, lex);
    for _ in 0..times {
        match stage.as_str() {
            "chars" => drop(black_box(envreport::normalize::fold_chars(&text, lex))),
            "lines" => drop(black_box(envreport::normalize::fold_lines(&c.text, lex))),
            "normalize" => drop(black_box(envreport::normalize::normalize(&text, lex))),
            "structure" => drop(black_box(envreport::structure::analyze(&n.text, lex))),
            "numbers" => drop(black_box(envreport::numbers::find(
                &n.text,
                &s.label_spans(),
                lex,
            ))),
            "indicators" => drop(black_box(envreport::indicators::find(&n.text, &s, &m, lex))),
            "analyze" => drop(black_box(envreport::analyze(&text, &opts))),
            _ => panic!("unknown stage"),
        }
    }
    black_box(f);
}
