//! The JavaScript API as compiled to wasm, run by `wasm-bindgen-test-runner` in Node
//! (`make test-wasm`): the shape of the report object, UTF-16 offsets, progress.
#![cfg(target_arch = "wasm32")]

use envreport::wasm::{analyze, numbers, version, Progress};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("a property")
}

fn num(v: &JsValue, key: &str) -> f64 {
    get(v, key)
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number"))
}

fn options(offsets: &str) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"offsets".into(), &offsets.into()).unwrap();
    o.into()
}

#[wasm_bindgen_test]
fn report_is_a_plain_object_with_every_field() {
    let r = analyze(
        "2021年，全区优良天数为287天，同比增加12天，全市排名第2。",
        JsValue::UNDEFINED,
        None,
    )
    .unwrap();
    assert!(r.is_object());
    // a plain object: its prototype is Object.prototype, not a wasm-bindgen class
    let proto = Object::get_prototype_of(&r);
    assert_eq!(
        JsValue::from(proto),
        JsValue::from(Object::get_prototype_of(&Object::new()))
    );
    for key in [
        "schema_version",
        "offsets",
        "meta",
        "sections",
        "indicators",
        "comparisons",
        "ranks",
        "diagnostics",
        "stats",
    ] {
        assert!(Reflect::has(&r, &key.into()).unwrap(), "no {key}");
    }
    assert_eq!(num(&r, "schema_version"), 1.0);
    assert_eq!(get(&r, "offsets").as_string().as_deref(), Some("utf16"));
    let indicators = Array::from(&get(&r, "indicators"));
    let days = indicators.get(0);
    assert_eq!(
        get(&days, "name").as_string().as_deref(),
        Some("全区优良天数")
    );
    assert_eq!(num(&days, "value"), 287.0);
    assert_eq!(num(&get(&r, "meta"), "year"), 2021.0);
    assert_eq!(Array::from(&get(&r, "ranks")).length(), 1);
    // optional fields are null, not undefined
    assert!(get(&days, "section").is_null());
}

#[wasm_bindgen_test]
fn offsets_are_utf16_code_units_by_default() {
    // two astral characters (two code units each) before the indicator
    let text = "𠀀𠀁优良天数为287天。";
    let r = analyze(text, JsValue::NULL, None).unwrap();
    let days = Array::from(&get(&r, "indicators")).get(0);
    let (start, end) = (num(&days, "start") as usize, num(&days, "end") as usize);
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(String::from_utf16(&units[start..end]).unwrap(), "287天");
    assert_eq!((start, end), (9, 13));
    assert_eq!(num(&get(&r, "stats"), "length"), units.len() as f64);

    let chars = analyze(text, options("chars"), None).unwrap();
    let days = Array::from(&get(&chars, "indicators")).get(0);
    assert_eq!(num(&days, "start"), 7.0);
}

#[wasm_bindgen_test]
fn numbers_and_version() {
    let list = Array::from(&numbers("共3.5万口，百分之零点九", JsValue::UNDEFINED).unwrap());
    assert_eq!(list.length(), 2);
    assert_eq!(num(&list.get(0), "value"), 35000.0);
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

/// The objects built from the tape (reports and number lists) are the ones JSON text of
/// the same values parses to, key order included.
#[wasm_bindgen_test]
fn the_report_object_is_what_its_json_parses_to() {
    fn same_as_json(object: &JsValue, value: &impl serde::Serialize, what: &str) {
        let parsed = js_sys::JSON::parse(&serde_json::to_string(value).unwrap()).unwrap();
        assert_eq!(
            js_sys::JSON::stringify(object).unwrap(),
            js_sys::JSON::stringify(&parsed).unwrap(),
            "{what}"
        );
    }
    let odd = "𠀀環(huán)境\u{0}「x」\"\\ 𝟙 PM_{2.5}为35微克/立方米，同比下降5.8%，xx次。\n一、工作\n（一）__proto__";
    for text in [include_str!("../www/example.txt"), odd, ""] {
        for offsets in ["chars", "utf8", "utf16"] {
            let native = envreport::Options {
                offsets: offsets.parse().unwrap(),
            };
            same_as_json(
                &analyze(text, options(offsets), None).unwrap(),
                &envreport::analyze(text, &native),
                &format!("{offsets}: {text:.40}"),
            );
            same_as_json(
                &numbers(text, options(offsets)).unwrap(),
                &envreport::numbers(text, &native),
                &format!("numbers, {offsets}: {text:.40}"),
            );
        }
    }
}

#[wasm_bindgen_test]
fn bad_options_are_an_error_not_a_panic() {
    let err = analyze("文本", options("latin1"), None).unwrap_err();
    let err = JsValue::from(err);
    let message = get(&err, "message").as_string().unwrap();
    assert!(message.contains("bad options"), "{message}");
}

#[wasm_bindgen_test]
fn progress_is_reported_for_each_stage_in_order() {
    let seen = Array::new();
    let record = js_sys::Function::new_with_args(
        "stage, done, total",
        "this.push(stage + ' ' + done + '/' + total)",
    )
    .bind0(&seen);
    analyze(
        "全区优良天数为287天。",
        JsValue::UNDEFINED,
        Some(record.unchecked_into::<Progress>()),
    )
    .unwrap();
    let seen: Vec<String> = seen.iter().filter_map(|v| v.as_string()).collect();
    assert_eq!(
        seen,
        [
            "normalize 0/5",
            "structure 1/5",
            "numbers 2/5",
            "indicators 3/5",
            "report 4/5"
        ]
    );
}
