//! The catalogue at work through the whole pipeline (`tests/canonical.tsv`): each row a
//! sentence, a quantity in it, the catalogue id it must get ("-" for none) and its value in
//! the catalogue's unit. Every failing row is reported, not only the first.

use envreport::{analyze, Options};

#[test]
fn quantities_get_their_catalogue_ids() {
    let mut failures = Vec::new();
    let mut rows = 0;
    for line in include_str!("canonical.tsv").lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        rows += 1;
        let c: Vec<&str> = line.split('\t').collect();
        assert!(c.len() == 3 || c.len() == 4, "3 or 4 columns: {line:?}");
        let (text, quantity, id) = (c[0], c[1], c[2]);
        let report = analyze(text, &Options::default());
        let Some(ind) = report.indicators.iter().find(|i| i.text == quantity) else {
            failures.push(format!("{text}: no indicator {quantity}"));
            continue;
        };
        let want = (id != "-").then_some(id);
        if ind.canonical.as_deref() != want {
            failures.push(format!(
                "{text}: {quantity} ({}) got {:?}, expected {want:?}",
                ind.name, ind.canonical
            ));
            continue;
        }
        if let Some(v) = c.get(3) {
            let v: f64 = v.parse().expect("a number");
            let got = ind.canonical_value.unwrap_or(f64::NAN);
            if (got - v).abs() > 1e-6 * v.abs().max(1.0) {
                failures.push(format!(
                    "{text}: {quantity} is {got} in the catalogue's unit, expected {v}"
                ));
            }
        }
    }
    assert!(rows >= 40, "at least 40 rows, found {rows}");
    assert!(
        failures.is_empty(),
        "{} of {rows} rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
