//! The JavaScript boundary: the only module that names wasm-bindgen.
//!
//! Results cross as plain objects, never as class instances, equal to what `JSON.parse`
//! of their JSON gives; offsets default to UTF-16 code units, so that
//! `text.slice(start, end)` in JavaScript gives a span's text.
//!
//! - Reports, which are large (a 1 MB text gives 4,000 indicators, 2.6 MB of JSON), cross
//!   as a [tape](tape): words, floats and each distinct string once, which `tape.js`
//!   turns into objects with one literal per shape of the contract (generated from the
//!   Rust types by `tests/contract.rs`). Measured against serde-wasm-bindgen, interleaved
//!   in one Node process: 28 ms against 45 ms for 1 MB of seeds, 2.7 ms against 3.3 ms for
//!   the five seeds one by one.
//! - Everything else (options in, numbers, detected encodings, read documents) crosses by
//!   serde-wasm-bindgen.
//!
//! `bind` holds the exports (wasm32 only); `tape` is pure Rust, tested natively too.

#[cfg(target_arch = "wasm32")]
mod bind;
#[cfg(any(target_arch = "wasm32", test))]
mod tape;

#[cfg(target_arch = "wasm32")]
pub use bind::*;
