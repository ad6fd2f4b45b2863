//! Analyzes one file once and prints nothing: for instruction counts under callgrind.
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let text = std::fs::read_to_string(path).expect("utf-8 text");
    let lex = envreport::Lexicon::builtin();
    let r = envreport::analyze_with(&text, &envreport::Options::default(), lex);
    std::hint::black_box(r);
}
