//! The JavaScript binding: the only file that names wasm-bindgen.
//!
//! Reports cross the boundary as plain objects (serde-wasm-bindgen's JSON-compatible
//! serializer), never as class instances. Offsets default to UTF-16 code units, so that
//! `text.slice(start, end)` in JavaScript gives the span's text.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{OffsetEncoding, Options};

/// Options as JavaScript passes them: every field optional, offsets in UTF-16 unless said.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct JsOptions {
    offsets: Option<OffsetEncoding>,
}

fn options(value: JsValue) -> Result<Options, JsError> {
    let js: JsOptions = if value.is_undefined() || value.is_null() {
        JsOptions::default()
    } else {
        serde_wasm_bindgen::from_value(value)
            .map_err(|e| JsError::new(&format!("bad options: {e}")))?
    };
    Ok(Options {
        offsets: js.offsets.unwrap_or(OffsetEncoding::Utf16),
    })
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot return the result: {e}")))
}

/// Analyzes a report: `analyze(text, { offsets: "utf16" })` → the report as a plain object.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = self::options(options)?;
    to_js(&crate::analyze(text, &options))
}

/// Every number mention of the text, including those that are not indicators.
#[wasm_bindgen]
pub fn numbers(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = self::options(options)?;
    to_js(&crate::numbers(text, &options))
}

/// What a file's bytes are: `{ encoding, bom }` with the WHATWG label for `TextDecoder`
/// and the length of the byte-order mark; throws a readable message for PDF, binary data
/// and inputs over the size limit.
#[wasm_bindgen(js_name = detectEncoding)]
pub fn detect_encoding(bytes: &[u8]) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Detected {
        encoding: &'static str,
        bom: usize,
    }
    let d = crate::intake::detect(bytes).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&Detected {
        encoding: d.encoding.label(),
        bom: d.bom,
    })
}

/// The version of the analyzer.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
