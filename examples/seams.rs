fn main() {
    let lex = envreport::lexicon::Lexicon::builtin();
    for t in ["打2^2", "5方𠀀微（持v八打2^2", "微（持v八打2^2", "（持2^2", "（2^2)", "a2^2"] {
        println!("{t:?} -> {:?}", envreport::normalize::fold_chars(t, lex).text);
    }
}
