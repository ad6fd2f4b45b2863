//! Inputs the fuzzers found (`fuzz/regressions/<target>/`), replayed through the same checks
//! the fuzz targets run. A crash input goes there under a name saying what broke.

use std::path::Path;

#[path = "../fuzz/checks.rs"]
mod checks;

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|n| n == "README.md") {
            continue;
        }
        let data = std::fs::read(&path).unwrap();
        eprintln!("replaying {}", path.display());
        check(&data);
        count += 1;
    }
    assert!(
        count > 0,
        "{} replays nothing: add an input or drop the folder",
        dir.display()
    );
    count
}

#[test]
fn analyze_regressions() {
    replay("analyze", checks::analyze_bytes);
}

#[test]
fn numerals_regressions() {
    replay("numerals", checks::numerals);
}

#[test]
fn docx_regressions() {
    replay("docx", checks::docx);
}

#[test]
fn html_regressions() {
    replay("html", checks::html);
}
