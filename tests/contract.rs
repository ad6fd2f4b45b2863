//! The contract exists once, in the Rust types of the report (`src/report/contract.rs` and
//! the vocabulary enums); these tests write everything derived from them:
//!
//! - `schema/report.schema.json`, the JSON Schema (schemars);
//! - `www/report.d.ts`, the TypeScript declarations (ts-rs);
//! - the object literals of `src/wasm/tape.js`, one per object shape of the contract, with
//!   which the wasm build's JavaScript side builds reports.
//!
//! Each test compares the file with what the types give. When they differ it rewrites the
//! file and fails, naming it: run the tests again, review the diff and commit it. CI runs on
//! a clean clone, so a contract change without its generated files cannot land.

use std::path::Path;

use envreport::{
    Category, Comparison, Diagnostic, DiagnosticCode, Direction, Indicator, Input, MentionKind,
    Meta, MetaField, NumberOut, OffsetEncoding, Options, Qualifier, Rank, Report, Role, Section,
    SectionKind, Severity, SpanOut, Stats, UnitCategory,
};
use serde_json::Value;
use ts_rs::TS;

/// Compares `path` (from the crate root) with `content`; rewrites it and fails if they differ.
#[track_caller]
fn generated(path: &str, content: &str) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let old = std::fs::read_to_string(&file).unwrap_or_default();
    if old != content {
        std::fs::write(&file, content).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
        panic!("{path} did not match the Rust types and has been rewritten: review and commit it");
    }
}

/// The JSON Schema of `T` as serialized (fields skipped when empty are not required).
fn root_schema<T: schemars::JsonSchema>() -> schemars::Schema {
    schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .root_schema_for::<T>()
}

/// The JSON Schema of the report.
fn schema() -> Value {
    let mut schema = serde_json::to_value(root_schema::<Report>()).unwrap();
    let root = schema.as_object_mut().unwrap();
    root.insert(
        "$id".into(),
        "https://envreport.example/schema/report.schema.json".into(),
    );
    root.insert("title".into(), "envreport report".into());
    root.insert(
        "description".into(),
        "What envreport finds in one Chinese government environmental report. Every \
         start/end is an offset into the original input text (end exclusive), counted in \
         the encoding named by `offsets`. Generated from the Rust types by tests/contract.rs."
            .into(),
    );
    schema
}

#[test]
fn the_json_schema_is_the_types() {
    let text = serde_json::to_string_pretty(&schema()).unwrap() + "\n";
    generated("schema/report.schema.json", &text);
}

#[test]
fn the_typescript_declarations_are_the_types() {
    let cfg = ts_rs::Config::new();
    let decls = [
        Report::decl(&cfg),
        Meta::decl(&cfg),
        MetaField::decl(&cfg),
        Section::decl(&cfg),
        SectionKind::decl(&cfg),
        Indicator::decl(&cfg),
        Comparison::decl(&cfg),
        Rank::decl(&cfg),
        Diagnostic::decl(&cfg),
        DiagnosticCode::decl(&cfg),
        Severity::decl(&cfg),
        Stats::decl(&cfg),
        SpanOut::decl(&cfg),
        Input::decl(&cfg),
        envreport::intake::Encoding::decl(&cfg),
        envreport::intake::Format::decl(&cfg),
        OffsetEncoding::decl(&cfg),
        Options::decl(&cfg),
        Category::decl(&cfg),
        UnitCategory::decl(&cfg),
        Qualifier::decl(&cfg),
        Direction::decl(&cfg),
        NumberOut::decl(&cfg),
        MentionKind::decl(&cfg),
        Role::decl(&cfg),
    ];
    let mut text = String::from(
        "// The report of envreport, generated from the Rust types by tests/contract.rs: do not\n\
         // edit. Offsets are UTF-16 code units unless `offsets` says otherwise, so\n\
         // `text.slice(x.start, x.end)` is a span's text.\n",
    );
    for decl in decls {
        text.push('\n');
        text.push_str(&tidy(&decl));
    }
    generated("www/report.d.ts", &text);
}

/// A ts-rs declaration as a person would write it: one field a line, indented, each with
/// its documentation as one JSDoc line, rustdoc links as plain code.
fn tidy(decl: &str) -> String {
    let decl = decl.replace("[`", "`").replace("`]", "`");
    let Some((head, body)) = decl.split_once("= {") else {
        return format!("export {};\n", decl.trim().trim_end_matches(';'));
    };
    let mut out = format!("export {}= {{\n", head.trim_start());
    let mut doc: Vec<String> = Vec::new();
    for line in body.lines().map(str::trim) {
        match line {
            "" | "/**" => {}
            "*/" => {}
            l if l.starts_with("* ") || l == "*" => {
                doc.push(l.trim_start_matches('*').trim().to_string())
            }
            l => {
                let field = l.trim_end_matches("};").trim().trim_end_matches(',');
                if field.is_empty() {
                    continue;
                }
                if !doc.is_empty() {
                    out.push_str(&format!("  /** {} */\n", doc.join(" ")));
                    doc.clear();
                }
                out.push_str(&format!("  {field};\n"));
            }
        }
    }
    out.push_str("};\n");
    out
}

/// The key lists of every object shape of the contract: each struct's properties in
/// declaration order (as serde writes them), without those skipped when empty.
fn shapes(schema: &Value) -> Vec<(String, Vec<String>)> {
    let keys = |def: &Value| -> Option<Vec<String>> {
        let properties = def.get("properties")?.as_object()?;
        let required: Vec<&str> = def["required"]
            .as_array()
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        Some(
            properties
                .keys()
                .filter(|k| required.contains(&k.as_str()))
                .cloned()
                .collect(),
        )
    };
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    out.extend(keys(schema).map(|k| ("Report".to_string(), k)));
    for (name, def) in schema["$defs"].as_object().into_iter().flatten() {
        out.extend(keys(def).map(|k| (name.clone(), k)));
    }
    // numbers() returns a list of NumberOut, which the report does not hold
    let number = serde_json::to_value(root_schema::<NumberOut>()).unwrap();
    out.extend(keys(&number).map(|k| ("NumberOut".to_string(), k)));
    out.sort();
    out
}

#[test]
fn the_tape_decoder_has_a_literal_for_every_shape() {
    const BEGIN: &str = "// BEGIN GENERATED by tests/contract.rs";
    const END: &str = "// END GENERATED";
    let mut block = format!("{BEGIN}: one literal an object shape of the contract.\n");
    block.push_str("const LITERALS = [\n");
    for (name, keys) in shapes(&schema()) {
        let fields: Vec<String> = keys.iter().map(|k| format!("{k}: v()")).collect();
        block.push_str(&format!(
            "  // {name}\n  (v) => ({{ {} }}),\n",
            fields.join(", ")
        ));
    }
    // each literal's keys, from the object it makes
    block.push_str(&format!(
        "].map((make) => ({{ key: Object.keys(make(() => null)).join(','), make }}));\n{END}"
    ));
    let path = "src/wasm/tape.js";
    let js = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    let (Some(a), Some(b)) = (js.find(BEGIN), js.find(END)) else {
        panic!("{path} has no generated block ({BEGIN} … {END})");
    };
    let updated = format!("{}{block}{}", &js[..a], &js[b + END.len()..]);
    generated(path, &updated);
}

/// The schema is not a formality: a report of every fixture validates against it (see
/// tests/schema.rs), and the declared shapes are the ones reports have.
#[test]
fn the_shapes_cover_a_real_report() {
    let text = include_str!("../www/example.txt");
    let report = serde_json::to_value(envreport::analyze(text, &Options::default())).unwrap();
    let shapes = shapes(&schema());
    fn objects<'a>(v: &'a Value, out: &mut Vec<&'a serde_json::Map<String, Value>>) {
        match v {
            Value::Object(m) => {
                out.push(m);
                m.values().for_each(|v| objects(v, out));
            }
            Value::Array(a) => a.iter().for_each(|v| objects(v, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    objects(&report, &mut all);
    let spans = &report["meta"]["spans"];
    for o in all {
        let keys: Vec<String> = o.keys().cloned().collect();
        if std::ptr::eq(o, spans.as_object().unwrap()) {
            continue; // a map from field names, not a struct
        }
        assert!(
            shapes.iter().any(|(_, k)| *k == keys),
            "no generated shape for {keys:?}"
        );
    }
}
