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

#[wasm_bindgen]
extern "C" {
    /// A progress callback: `(stage, done, total) => void`, called as each stage starts.
    pub type Progress;

    #[wasm_bindgen(method, js_name = call)]
    fn report(this: &Progress, this_arg: &JsValue, stage: &str, done: u32, total: u32);
}

/// Analyzes a report: `analyze(text, { offsets: "utf16" }, onProgress?)` → the report as a
/// plain object. Texts over the size limit are refused with a message.
#[wasm_bindgen]
pub fn analyze(
    text: &str,
    options: JsValue,
    progress: Option<Progress>,
) -> Result<JsValue, JsError> {
    let options = self::options(options)?;
    if text.len() > crate::intake::MAX_INPUT_BYTES {
        let e = crate::Error::TooLarge {
            bytes: text.len(),
            limit: crate::intake::MAX_INPUT_BYTES,
        };
        return Err(JsError::new(&e.to_string()));
    }
    let total = crate::Stage::ALL.len() as u32;
    let mut on_stage = |stage: crate::Stage| {
        if let Some(p) = &progress {
            let done = crate::Stage::ALL
                .iter()
                .position(|&s| s == stage)
                .unwrap_or(0) as u32;
            p.report(&JsValue::NULL, stage.name(), done, total);
        }
    };
    let report =
        crate::analyze_with_progress(text, &options, crate::Lexicon::builtin(), &mut on_stage);
    // JSON text parsed by the engine builds the objects much faster than setting their
    // properties one call at a time across the boundary.
    let json = serde_json::to_string(&report)
        .map_err(|e| JsError::new(&format!("cannot return the result: {e}")))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("cannot return the result"))
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

#[wasm_bindgen]
extern "C" {
    /// What the caller decodes legacy encodings with: `{ decode(bytes, label) }`, in the
    /// browser `new TextDecoder(label, { fatal: true }).decode(bytes)`.
    pub type Decoder;

    #[wasm_bindgen(method, catch)]
    fn decode(this: &Decoder, bytes: &[u8], label: &str) -> Result<String, JsValue>;
}

/// Reads a file's bytes as a report: `readDocument(name, bytes, decoder)` →
/// `{ text, encoding, format }`, format being `text`, `html` or `docx`. Web pages give
/// their article text and Word documents their paragraphs; throws a readable message for
/// PDF, binary data, damaged documents and inputs over the size limit.
#[wasm_bindgen(js_name = readDocument)]
pub fn read_document(name: &str, bytes: &[u8], decoder: &Decoder) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Read {
        text: String,
        encoding: &'static str,
        format: &'static str,
    }
    let document = crate::intake::read(name, bytes, None, |bytes, encoding| {
        decoder
            .decode(bytes, encoding.label())
            .map_err(|_| crate::Error::Input {
                message: format!("it is not valid {} text", encoding.label()),
            })
    })
    .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&Read {
        text: document.text,
        encoding: document.encoding.label(),
        format: document.format.label(),
    })
}

/// The version of the analyzer.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
