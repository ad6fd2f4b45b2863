//! The wasm-bindgen exports: `analyze`, `numbers`, `readDocument`, `detectEncoding`,
//! `version`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{OffsetEncoding, Options};

use super::tape;

/// Options as JavaScript passes them: `{ offsets: "chars" | "utf8" | "utf16" }`, every
/// field optional, offsets in UTF-16 unless said. Read field by field rather than by
/// serde: a `Deserialize` here would bring serde's error messages, and with them float
/// formatting, into the wasm (5 KB gzipped).
fn options(value: JsValue) -> Result<Options, JsError> {
    let mut options = Options {
        offsets: OffsetEncoding::Utf16,
    };
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() {
        return Err(JsError::new("bad options: expected an object"));
    }
    let offsets = js_sys::Reflect::get(&value, &JsValue::from_str("offsets"))
        .map_err(|_| JsError::new("bad options: cannot read offsets"))?;
    if !offsets.is_undefined() && !offsets.is_null() {
        let name = offsets
            .as_string()
            .ok_or_else(|| JsError::new("bad options: offsets must be a string"))?;
        options.offsets = name
            .parse()
            .map_err(|e: crate::Error| JsError::new(&format!("bad options: {e}")))?;
    }
    Ok(options)
}

/// `value` as a plain JavaScript value.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot return the result: {e}")))
}

#[wasm_bindgen(module = "/src/wasm/tape.js")]
extern "C" {
    #[wasm_bindgen(js_name = decodeTape, catch)]
    fn decode_tape(
        words: &[u32],
        floats: &[f64],
        strings: &str,
        ends: &[u32],
        shapes: &[u32],
    ) -> Result<JsValue, JsValue>;
}

/// A report as a plain JavaScript value, by way of a tape (see [the module](super)).
fn report_to_js(report: &crate::Report) -> Result<JsValue, JsError> {
    let tape = tape::encode(report)
        .map_err(|e| JsError::new(&format!("cannot return the result: {e}")))?;
    decode_tape(
        &tape.words,
        &tape.floats,
        &tape.strings,
        &tape.ends,
        &tape.shapes,
    )
    .map_err(|_| JsError::new("cannot return the result"))
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
    report_to_js(&report)
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
        encoding: d.encoding.name(),
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
            .decode(bytes, encoding.name())
            .map_err(|_| crate::Error::Input {
                message: format!("it is not valid {} text", encoding.name()),
            })
    })
    .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&Read {
        text: document.text,
        encoding: document.encoding.name(),
        format: document.format.name(),
    })
}

/// The version of the analyzer.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
