//! Wall-clock time of each stage of one analysis, the fastest of 30 runs.
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let text = std::fs::read_to_string(path).unwrap();
    let lex = envreport::Lexicon::builtin();
    let mut best = [f64::MAX; 6];
    let mut sub = [f64::MAX; 2];
    for _ in 0..30 {
        let t0 = Instant::now();
        let n = envreport::normalize::normalize(&text, lex);
        let t1 = Instant::now();
        let s = envreport::structure::analyze(&n.text, lex);
        let t2 = Instant::now();
        let m = envreport::numbers::find(&n.text, &s.label_spans(), lex);
        let t3 = Instant::now();
        let f = envreport::indicators::find(&n.text, &s, &m, lex);
        let t4 = Instant::now();
        drop((n, s, m, f));
        let t5 = Instant::now();
        let r = envreport::analyze(&text, &envreport::Options::default());
        let t6 = Instant::now();
        drop(r);
        let t7 = Instant::now();
        let c = envreport::normalize::fold_chars(&text, lex);
        let t8 = Instant::now();
        let l = envreport::normalize::fold_lines(&c.text, lex);
        let t9 = Instant::now();
        drop((c, l));
        sub[0] = sub[0].min((t8 - t7).as_secs_f64() * 1e3);
        sub[1] = sub[1].min((t9 - t8).as_secs_f64() * 1e3);
        for (k, (a, b)) in [(t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5), (t5, t6)]
            .iter()
            .enumerate()
        {
            best[k] = best[k].min((*b - *a).as_secs_f64() * 1e3);
        }
        let _ = t7;
    }
    for (name, v) in [
        "normalize",
        "structure",
        "numbers",
        "indicators",
        "drop",
        "analyze",
    ]
    .iter()
    .zip(best)
    {
        println!("{name:<11} {v:7.2} ms");
    }
}
