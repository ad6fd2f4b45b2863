//! Copies the lexicons of `data/` into the build's output directory with their comment
//! lines emptied (kept as blank lines, so that an error still names the right line): the
//! comments document the files for people and would otherwise ship in every binary and in
//! the page's WebAssembly.

use std::env;
use std::fs;
use std::path::Path;

const FILES: [&str; 10] = [
    "units.tsv",
    "cues.tsv",
    "indicators.tsv",
    "junk.tsv",
    "t2s.tsv",
    "pinyin.txt",
    "places.txt",
    "catalogue.tsv",
    "limits.tsv",
    "common.tsv",
];

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in FILES {
        let src = Path::new("data").join(name);
        println!("cargo:rerun-if-changed={}", src.display());
        let text = fs::read_to_string(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let stripped: String = text
            .split_inclusive('\n')
            .map(|line| if line.starts_with('#') { "\n" } else { line })
            .collect();
        fs::write(Path::new(&out).join(name), stripped).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}
