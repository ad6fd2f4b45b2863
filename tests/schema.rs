//! The report matches its documented JSON Schema (`schema/report.schema.json`) on every
//! fixture and seed, in every offset encoding.
//!
//! The validator here covers the keywords the schema uses: `type`, `const`, `enum`,
//! `properties`, `required`, `additionalProperties`, `items`, `$ref`, `minimum`, `maximum`,
//! `oneOf`, `propertyNames` and the date `pattern`. A tampered report is refused, so the
//! validator is known to check.

use std::path::Path;

mod common;

use envreport::{analyze, OffsetEncoding, Options};
use serde_json::Value;

struct Validator {
    root: Value,
}

impl Validator {
    fn resolve<'a>(&'a self, schema: &'a Value) -> &'a Value {
        match schema.get("$ref").and_then(Value::as_str) {
            Some(r) => {
                let path = r.strip_prefix("#/").expect("local references only");
                let mut node = &self.root;
                for part in path.split('/') {
                    node = &node[part];
                }
                self.resolve(node)
            }
            None => schema,
        }
    }

    fn type_ok(t: &str, v: &Value) -> bool {
        match t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "integer" => v.is_u64() || v.is_i64(),
            "number" => v.is_number(),
            "boolean" => v.is_boolean(),
            "null" => v.is_null(),
            _ => panic!("unknown type {t}"),
        }
    }

    fn check(&self, schema: &Value, v: &Value, path: &str, errors: &mut Vec<String>) {
        let s = self.resolve(schema);
        if let Some(t) = s.get("type") {
            let ok = match t {
                Value::String(t) => Self::type_ok(t, v),
                Value::Array(ts) => ts.iter().any(|t| Self::type_ok(t.as_str().unwrap(), v)),
                _ => panic!("bad type"),
            };
            if !ok {
                errors.push(format!("{path}: {v} is not of type {t}"));
                return;
            }
        }
        if let Some(c) = s.get("const") {
            if c != v {
                errors.push(format!("{path}: {v} is not {c}"));
            }
        }
        if let Some(e) = s.get("enum").and_then(Value::as_array) {
            if !e.contains(v) {
                errors.push(format!("{path}: {v} is not one of {e:?}"));
            }
        }
        if let Some(alts) = s.get("oneOf").and_then(Value::as_array) {
            let n = alts
                .iter()
                .filter(|a| {
                    let mut e = Vec::new();
                    self.check(a, v, path, &mut e);
                    e.is_empty()
                })
                .count();
            if n != 1 {
                errors.push(format!("{path}: {v} matches {n} of oneOf"));
            }
        }
        if let (Some(min), Some(x)) = (s.get("minimum").and_then(Value::as_f64), v.as_f64()) {
            if x < min {
                errors.push(format!("{path}: {x} < {min}"));
            }
        }
        if let (Some(max), Some(x)) = (s.get("maximum").and_then(Value::as_f64), v.as_f64()) {
            if x > max {
                errors.push(format!("{path}: {x} > {max}"));
            }
        }
        if let (Some(p), Some(x)) = (s.get("pattern").and_then(Value::as_str), v.as_str()) {
            assert_eq!(
                p, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                "the only pattern the validator knows"
            );
            let b = x.as_bytes();
            let ok = b.len() == 10
                && b.iter().enumerate().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        *c == b'-'
                    } else {
                        c.is_ascii_digit()
                    }
                });
            if !ok {
                errors.push(format!("{path}: {x} is not a date"));
            }
        }
        if let Some(obj) = v.as_object() {
            let props = s.get("properties").and_then(Value::as_object);
            for r in s
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                if !obj.contains_key(r.as_str().unwrap()) {
                    errors.push(format!("{path}: missing {r}"));
                }
            }
            for (k, val) in obj {
                if let Some(names) = s.get("propertyNames") {
                    self.check(
                        names,
                        &Value::String(k.clone()),
                        &format!("{path}.{k} (name)"),
                        errors,
                    );
                }
                match props.and_then(|p| p.get(k)) {
                    Some(ps) => self.check(ps, val, &format!("{path}.{k}"), errors),
                    None => match s.get("additionalProperties") {
                        Some(Value::Bool(false)) => {
                            errors.push(format!("{path}: unexpected property {k}"))
                        }
                        Some(extra @ Value::Object(_)) => {
                            self.check(extra, val, &format!("{path}.{k}"), errors)
                        }
                        _ => {}
                    },
                }
            }
        }
        if let (Some(items), Some(arr)) = (s.get("items"), v.as_array()) {
            for (i, item) in arr.iter().enumerate() {
                self.check(items, item, &format!("{path}[{i}]"), errors);
            }
        }
    }

    fn errors(&self, v: &Value) -> Vec<String> {
        let mut errors = Vec::new();
        self.check(&self.root, v, "$", &mut errors);
        errors
    }
}

fn validator() -> Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/report.schema.json");
    let root: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    Validator { root }
}

fn texts() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = common::fixtures()
        .into_iter()
        .chain(common::seeds())
        .chain(common::real())
        .map(|(p, t)| (p.display().to_string(), t))
        .collect();
    out.push(("empty".into(), String::new()));
    out
}

#[test]
fn every_report_matches_the_schema() {
    let v = validator();
    let texts = texts();
    assert!(texts.len() >= 40);
    for (name, text) in &texts {
        for offsets in [
            OffsetEncoding::Chars,
            OffsetEncoding::Utf8,
            OffsetEncoding::Utf16,
        ] {
            let report = serde_json::to_value(analyze(text, &Options { offsets })).unwrap();
            let errors = v.errors(&report);
            assert!(errors.is_empty(), "{name} ({offsets:?}): {errors:#?}");
        }
    }
}

#[test]
fn tampered_reports_are_refused() {
    let v = validator();
    let report = serde_json::to_value(analyze(
        "全年优良天数为287天，同比增加12天，全市排名第2。",
        &Options::default(),
    ))
    .unwrap();
    assert!(v.errors(&report).is_empty());
    let mut bad = report.clone();
    bad["indicators"][0]["value"] = Value::String("287".into());
    assert!(!v.errors(&bad).is_empty(), "a string value");
    let mut bad = report.clone();
    bad["comparisons"][0]["direction"] = Value::String("sideways".into());
    assert!(!v.errors(&bad).is_empty(), "an unknown direction");
    let mut bad = report.clone();
    bad["meta"]["date"] = Value::String("2021/1/1".into());
    assert!(!v.errors(&bad).is_empty(), "a date not in ISO form");
    let mut bad = report;
    bad.as_object_mut()
        .unwrap()
        .insert("extra".into(), Value::Null);
    assert!(!v.errors(&bad).is_empty(), "an undocumented field");
}
