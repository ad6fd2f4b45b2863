//! What the integration tests share: the texts of `../shared` (the seeds and the real
//! reports), found through `SHARED` or beside the project. A missing directory fails the
//! test that needs it, with a message, rather than letting it pass on nothing.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// `../shared` (or `$SHARED`).
pub fn shared() -> PathBuf {
    std::env::var_os("SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

/// The `.txt` files of `dir`, sorted, as (path, text); panics when there are none.
pub fn texts_in(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e} (set SHARED to the shared directory)",
                dir.display()
            )
        })
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "{} holds no .txt file", dir.display());
    paths
        .into_iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, text)
        })
        .collect()
}

/// The five seed reports.
pub fn seeds() -> Vec<(PathBuf, String)> {
    texts_in(&shared().join("seeds"))
}

/// The real public reports of `../shared/real/docs`.
pub fn real() -> Vec<(PathBuf, String)> {
    texts_in(&shared().join("real/docs"))
}

/// The fixture texts of `tests/fixtures`.
pub fn fixtures() -> Vec<(PathBuf, String)> {
    texts_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"))
}
