//! Copies the lexicons of `data/` into the build's output directory with their comment
//! lines emptied (kept as blank lines, so that an error still names the right line): the
//! comments document the files for people and would otherwise ship in every binary and in
//! the page's WebAssembly.

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    // the whole folder: a file added or changed there rebuilds
    println!("cargo:rerun-if-changed=data");
    let entries = fs::read_dir("data").unwrap_or_else(|e| panic!("data/: {e}"));
    for entry in entries.flatten() {
        let src = entry.path();
        let lexicon = src.extension().is_some_and(|x| x == "tsv" || x == "txt");
        if !lexicon {
            continue;
        }
        let text = fs::read_to_string(&src).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        let stripped: String = text
            .split_inclusive('\n')
            .map(|line| if line.starts_with('#') { "\n" } else { line })
            .collect();
        let name = entry.file_name();
        fs::write(Path::new(&out).join(&name), stripped)
            .unwrap_or_else(|e| panic!("{}: {e}", src.display()));
    }
}
