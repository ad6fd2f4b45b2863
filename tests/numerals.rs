//! The grammar of numerals, class by class (`tests/numerals.tsv`): each row a text and the
//! number `envreport::numbers` must read in it, or that it must not read. Every failing row
//! is reported, grouped by class, not only the first.

use std::collections::BTreeMap;

use envreport::{numbers, NumberOut, OffsetEncoding, Options, Role};

struct Case<'a> {
    class: &'a str,
    text: &'a str,
    mention: &'a str,
    value: &'a str,
    unit: &'a str,
    qualifier: &'a str,
    role: &'a str,
}

fn cases() -> Vec<Case<'static>> {
    include_str!("numerals.tsv")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert_eq!(c.len(), 7, "a row of 7 columns: {l:?}");
            Case {
                class: c[0],
                text: c[1],
                mention: c[2],
                value: c[3],
                unit: c[4],
                qualifier: c[5],
                role: c[6],
            }
        })
        .collect()
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// What is wrong with the number read for `case`, if anything.
fn check(case: &Case, found: &[NumberOut]) -> Option<String> {
    let role: Role = Role::from_name(case.role).unwrap_or_else(|| panic!("role {}", case.role));
    if case.mention == "-" {
        let wrong: Vec<&str> = found
            .iter()
            .filter(|n| n.role == role)
            .map(|n| n.text.as_str())
            .collect();
        return (!wrong.is_empty()).then(|| format!("read {wrong:?} as {}", case.role));
    }
    let Some(n) = found.iter().find(|n| n.text == case.mention) else {
        let all: Vec<&str> = found.iter().map(|n| n.text.as_str()).collect();
        return Some(format!("no mention {:?} (read {all:?})", case.mention));
    };
    let mut wrong = Vec::new();
    if n.role != role {
        wrong.push(format!("role {} not {}", n.role.name(), case.role));
    }
    match case.value {
        "null" => {
            if n.value.is_some() || n.low.is_some() {
                wrong.push(format!("value {:?} not null", n.value));
            }
        }
        v if v.contains('~') => {
            let (l, h) = v.split_once('~').unwrap();
            let (l, h): (f64, f64) = (l.parse().unwrap(), h.parse().unwrap());
            if !(n.low.is_some_and(|x| same(x, l))
                && n.high.is_some_and(|x| same(x, h))
                && n.value.is_none())
            {
                wrong.push(format!(
                    "range {:?}~{:?} (value {:?}) not {v}",
                    n.low, n.high, n.value
                ));
            }
        }
        v => {
            let v: f64 = v.parse().unwrap_or_else(|_| panic!("value {v:?}"));
            if !n.value.is_some_and(|x| same(x, v)) {
                wrong.push(format!("value {:?} not {v}", n.value));
            }
        }
    }
    if n.unit.as_deref().unwrap_or("") != case.unit {
        wrong.push(format!("unit {:?} not {:?}", n.unit, case.unit));
    }
    let q = n.qualifier.map_or("-", |q| q.name());
    if q != case.qualifier {
        wrong.push(format!("qualifier {q} not {}", case.qualifier));
    }
    (!wrong.is_empty()).then(|| wrong.join(", "))
}

#[test]
fn the_grammar_of_numerals() {
    let cases = cases();
    assert!(cases.len() >= 300, "{} cases", cases.len());
    let options = Options {
        offsets: OffsetEncoding::Chars,
    };
    let mut failures: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut classes: BTreeMap<&str, usize> = BTreeMap::new();
    for case in &cases {
        *classes.entry(case.class).or_default() += 1;
        if let Some(why) = check(case, &numbers(case.text, &options)) {
            failures
                .entry(case.class)
                .or_default()
                .push(format!("  {}: {why}", case.text));
        }
    }
    let report: Vec<String> = failures
        .iter()
        .map(|(class, f)| {
            format!(
                "{class} ({} of {}):\n{}",
                f.len(),
                classes[class],
                f.join("\n")
            )
        })
        .collect();
    assert!(report.is_empty(), "{}", report.join("\n"));
}
