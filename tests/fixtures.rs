//! Every text under `tests/fixtures/` goes through the whole pipeline into a reviewed
//! snapshot, a human view with `^~~~` under each span mapped back onto its original line:
//! a broken offset map shows in review as carets under the wrong characters. A few
//! fixtures ([`JSON_FIXTURES`]) also keep their JSON report, for the contract's details.
//!
//! One test a fixture, named after it (`cargo test --test fixtures -- tables_tsv`), so a
//! mismatch says which fixture broke; a last test refuses snapshots that no fixture writes.
//!
//! To accept changed snapshots: `INSTA_UPDATE=always cargo test --test fixtures`, then
//! read the diff of `tests/snapshots/`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Failed, Trial};

use envreport::{analyze, MetaField, OffsetEncoding, Options, Report, Section};

/// Columns a character takes in a monospace font (two for CJK).
fn columns(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3FFFD => 2,
            _ => 1,
        })
        .sum()
}

struct Mark {
    start: usize,
    end: usize,
    label: String,
}

fn flatten<'a>(sections: &'a [Section], out: &mut Vec<&'a Section>) {
    for s in sections {
        out.push(s);
        flatten(&s.children, out);
    }
}

fn fmt_num(v: Option<f64>) -> String {
    match v {
        None => "null".into(),
        Some(v) if v.fract() == 0.0 => format!("{}", v as i64),
        Some(v) => format!("{v}"),
    }
}

/// The human view: each original line, and under it a caret line per finding on it.
fn render(text: &str, r: &Report) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut marks: Vec<Mark> = Vec::new();
    let m = &r.meta;
    for (field, span) in &m.spans {
        let value = match *field {
            MetaField::Title => m.title.clone(),
            MetaField::Date => m.date.clone(),
            MetaField::Org => m.org.clone(),
            MetaField::Period => m.period.clone(),
            MetaField::Recipients => m.recipients.clone(),
            MetaField::Cc => m.cc.clone(),
            MetaField::Published => m.published.clone(),
            MetaField::Source => m.source.clone(),
            MetaField::Author => m.author.clone(),
            MetaField::Signature => Some(m.signature.join("、")),
        };
        marks.push(Mark {
            start: span.start,
            end: span.end,
            label: format!("meta.{} = {}", field.name(), value.unwrap_or_default()),
        });
    }
    let mut sections = Vec::new();
    flatten(&r.sections, &mut sections);
    for s in sections {
        marks.push(Mark {
            start: s.heading_start,
            end: s.heading_end,
            label: format!(
                "heading L{} {} {}",
                s.level,
                s.label.as_deref().unwrap_or("·"),
                s.title
            ),
        });
    }
    for i in &r.indicators {
        let mut label = format!(
            "quantity {} {}{}",
            fmt_num(i.value),
            i.unit,
            if i.approx { " approx" } else { "" }
        );
        if i.placeholder {
            label.push_str(" placeholder");
        }
        if i.target {
            label.push_str(" target");
        }
        let _ = write!(label, " | {} | {:?}", i.name, i.category);
        if let Some(id) = &i.canonical {
            let _ = write!(
                label,
                " | {id} = {} {}",
                fmt_num(i.canonical_value),
                i.canonical_unit.as_deref().unwrap_or("")
            );
        }
        marks.push(Mark {
            start: i.start,
            end: i.end,
            label,
        });
    }
    for c in &r.comparisons {
        marks.push(Mark {
            start: c.start,
            end: c.end,
            label: format!(
                "comparison {:?} {} {} basis={} -> indicator {}",
                c.direction,
                fmt_num(c.value),
                c.unit.as_deref().unwrap_or(""),
                c.basis.as_deref().unwrap_or("-"),
                c.indicator.map_or("-".into(), |i| i.to_string())
            ),
        });
    }
    for k in &r.ranks {
        marks.push(Mark {
            start: k.start,
            end: k.end,
            label: format!(
                "rank {} in {} (subject {})",
                k.rank.map_or("null".into(), |n| n.to_string()),
                k.scope.as_deref().unwrap_or("-"),
                k.subject.as_deref().unwrap_or("-")
            ),
        });
    }
    // checks under their last span (the placeholders show as quantities already)
    for c in r
        .checks
        .iter()
        .filter(|c| c.rule != envreport::CheckRule::Placeholder)
    {
        if let Some(s) = c.spans.last() {
            marks.push(Mark {
                start: s.start,
                end: s.end,
                label: format!(
                    "check {} {}: {}",
                    c.rule.name(),
                    c.verdict.name(),
                    c.computed.as_deref().unwrap_or("")
                ),
            });
        }
    }
    for d in r
        .diagnostics
        .iter()
        .filter(|d| d.start.is_some() && d.code != envreport::DiagnosticCode::Placeholder)
    {
        marks.push(Mark {
            start: d.start.unwrap_or(0),
            end: d.end.unwrap_or(0),
            label: format!("dropped: {}", d.code.name()),
        });
    }
    marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));

    let mut out = String::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let len = line.chars().count();
        let line_end = line_start + len;
        let _ = writeln!(out, "│{line}");
        for mk in marks.iter().filter(|mk| {
            (mk.start >= line_start && mk.start < line_end.max(line_start + 1))
                || (mk.start == mk.end && mk.start == line_start && len == 0)
        }) {
            let from: String = chars[line_start..mk.start.min(line_end)].iter().collect();
            let upto = mk.end.min(line_end).max(mk.start);
            let covered: String = chars[mk.start.min(line_end)..upto].iter().collect();
            let width = columns(&covered).max(1);
            let cont = if mk.end > line_end + 1 { "…" } else { "" };
            let _ = writeln!(
                out,
                "│{}^{}{} {}",
                " ".repeat(columns(&from)),
                "~".repeat(width - 1),
                cont,
                mk.label
            );
        }
        line_start = line_end + 1;
    }
    let _ = writeln!(
        out,
        "meta: region={} year={} kind={}",
        m.region.as_deref().unwrap_or("-"),
        m.year.map_or("-".into(), |y| y.to_string()),
        m.kind.as_deref().unwrap_or("-")
    );
    out
}

/// The fixtures whose JSON report is kept as a snapshot too: one for indicators,
/// comparisons and ranks, one for the outline, one for metadata, one for diagnostics.
const JSON_FIXTURES: [&str; 4] = [
    "bulletin_air",
    "headings_gbt_levels",
    "meta_notice_header",
    "noise_web_junk",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The fixtures' names, sorted.
fn fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests/fixtures"))
        .expect("tests/fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().to_string())
        .collect();
    names.sort();
    names
}

/// The snapshots of fixture `name` match.
fn check(name: &str) -> Result<(), Failed> {
    let text = std::fs::read_to_string(root().join("tests/fixtures").join(format!("{name}.txt")))
        .map_err(|e| format!("{name}: {e}"))?;
    let report = analyze(
        &text,
        &Options {
            offsets: OffsetEncoding::Chars,
        },
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(root().join("tests/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_input_file(root().join("tests/fixtures").join(format!("{name}.txt")));
    settings.bind(|| {
        insta::assert_snapshot!(format!("{name}.view"), render(&text, &report));
        if JSON_FIXTURES.contains(&name) {
            insta::assert_json_snapshot!(format!("{name}.report"), report);
        }
    });
    Ok(())
}

/// Every snapshot belongs to a fixture that writes it, and none is pending review.
fn no_stale_snapshots(names: &[String]) -> Result<(), Failed> {
    let mut stale = Vec::new();
    for entry in std::fs::read_dir(root().join("tests/snapshots")).map_err(|e| e.to_string())? {
        let file = entry.map_err(|e| e.to_string())?.file_name();
        let file = file.to_string_lossy();
        let written = names.iter().any(|n| {
            *file == format!("{n}.view.snap")
                || (JSON_FIXTURES.contains(&n.as_str()) && *file == format!("{n}.report.snap"))
        });
        if !written {
            stale.push(file.to_string());
        }
    }
    if stale.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "snapshots no fixture writes (delete them, or review and accept pending ones): {stale:?}"
        )
        .into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let names = fixtures();
    let mut trials: Vec<Trial> = names
        .iter()
        .map(|name| {
            let name = name.clone();
            Trial::test(name.clone(), move || check(&name))
        })
        .collect();
    let all = names.clone();
    trials.push(Trial::test("no_stale_snapshots", move || {
        no_stale_snapshots(&all)
    }));
    trials.push(Trial::test("at_least_forty_fixtures", move || {
        if names.len() >= 40 {
            Ok(())
        } else {
            Err(format!("at least 40 fixtures, found {}", names.len()).into())
        }
    }));
    libtest_mimic::run(&args, trials).exit();
}
