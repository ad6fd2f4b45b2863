//! `envreport compare`: the reports side by side, as a readable table, a wide or long CSV,
//! JSON or an .xlsx workbook.

use std::fmt::Write as _;
use std::io::{self, Write};

use envreport::compare::{Cell, Table, TidyRow};

use crate::cli_text::{csv_line, fit, pad, width};

/// A number as people read it: no trailing zeros, at most six decimals.
fn num(v: f64) -> String {
    let r = (v * 1e6).round() / 1e6;
    if r.fract() == 0.0 && r.abs() < 1e15 {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

/// A cell's value as the text view shows it: `36 ↓4 (-10%)`, `~3-5`, `xx`, `⚠` above a
/// limit.
pub fn cell_text(cell: &Cell, share: bool) -> String {
    let f = &cell.figure.row;
    let mut s = match (f.value, f.low, f.high) {
        (Some(v), _, _) => num(v),
        (None, Some(lo), Some(hi)) => format!("{}-{}", num(lo), num(hi)),
        _ => "xx".to_string(),
    };
    if f.approx {
        s.insert(0, '~');
    }
    if let Some(change) = cell.change.filter(|c| *c != 0.0) {
        let arrow = if change > 0.0 { '↑' } else { '↓' };
        let _ = write!(s, " {arrow}{}", num(change.abs()));
        if share {
            s.push_str("pt");
        } else if let Some(p) = cell.change_percent {
            let _ = write!(
                s,
                " ({}{}%)",
                if p > 0.0 { "+" } else { "" },
                num((p * 10.0).round() / 10.0)
            );
        }
    }
    match f.check.as_deref() {
        Some("above" | "below") => s.push_str(" ⚠"),
        Some("within") => s.push_str(" ✓"),
        _ => {}
    }
    s
}

/// A column's heading: its label, region and year.
fn heading(t: &Table, c: usize) -> String {
    let col = &t.columns[c];
    let mut s = col
        .label
        .rsplit('/')
        .next()
        .unwrap_or(&col.label)
        .to_string();
    let what: Vec<String> = [
        col.region.clone(),
        col.year.map(|y| y.to_string()),
        col.period.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !what.is_empty() {
        let _ = write!(s, " ({})", what.join(" "));
    }
    s
}

/// The readable table: one indicator a line, one report a column (each as wide as its
/// widest cell, at most 20 columns of the terminal).
pub fn render(t: &Table) -> String {
    let name_w = 24;
    let unit_w = 8;
    let texts: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|row| {
            row.cells
                .iter()
                .map(|cell| {
                    cell.as_ref()
                        .map_or("·".to_string(), |c| cell_text(c, row.unit == "%"))
                })
                .collect()
        })
        .collect();
    let widths: Vec<usize> = (0..t.columns.len())
        .map(|c| {
            texts
                .iter()
                .map(|r| width(&r[c]))
                .chain([width(&format!("[{}]", c + 1))])
                .max()
                .unwrap_or(1)
                .min(20)
        })
        .collect();
    let mut s = String::new();
    for c in 0..t.columns.len() {
        let _ = writeln!(s, "[{}] {}", c + 1, heading(t, c));
    }
    let _ = write!(
        s,
        "{}{}",
        pad("指标 indicator", name_w + 1),
        pad("单位", unit_w + 1)
    );
    for (c, w) in widths.iter().enumerate() {
        let _ = write!(s, "{} ", pad(&format!("[{}]", c + 1), *w));
    }
    s.truncate(s.trim_end().len());
    s.push('\n');
    for (row, cells) in t.rows.iter().zip(&texts) {
        let _ = write!(
            s,
            "{} {} ",
            pad(&fit(&row.name, name_w), name_w),
            pad(&fit(&row.unit, unit_w), unit_w)
        );
        for (text, w) in cells.iter().zip(&widths) {
            let _ = write!(s, "{} ", pad(&fit(text, *w), *w));
        }
        s.truncate(s.trim_end().len());
        s.push('\n');
    }
    if t.rows.is_empty() {
        s.push_str("no indicator to compare\n");
    }
    s
}

/// The wide CSV's header: the row's columns, then one value column a report, headed by
/// its label.
fn wide_header(t: &Table) -> Vec<String> {
    let mut h: Vec<String> = [
        "key",
        "canonical",
        "name",
        "category",
        "unit",
        "better",
        "reports",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    h.extend(t.columns.iter().map(|c| c.label.clone()));
    h
}

/// A row of the wide CSV: the indicator, then each report's value (empty where it has none).
fn wide_row(t: &Table, r: usize) -> Vec<String> {
    let row = &t.rows[r];
    let mut v = vec![
        row.key.clone(),
        row.canonical.clone().unwrap_or_default(),
        row.name.clone(),
        row.category.name().to_string(),
        row.unit.clone(),
        row.better.map_or(String::new(), |b| b.name().to_string()),
        row.reports.to_string(),
    ];
    v.extend(row.cells.iter().map(|c| {
        c.as_ref()
            .and_then(|c| c.figure.row.value)
            .map_or(String::new(), num)
    }));
    v
}

/// The wide CSV: one indicator a row, one report a column.
pub fn write_wide_csv(out: &mut impl Write, t: &Table) -> io::Result<()> {
    csv_line(out, &wide_header(t))?;
    for r in 0..t.rows.len() {
        csv_line(out, &wide_row(t, r))?;
    }
    Ok(())
}

/// The long CSV: one cell a row, in the columns of [`TidyRow`].
pub fn write_long_csv(out: &mut impl Write, t: &Table) -> io::Result<()> {
    writeln!(out, "{}", TidyRow::COLUMNS.join(","))?;
    for row in t.tidy() {
        csv_line(out, &row.cells())?;
    }
    Ok(())
}

/// The workbook: a sheet 对比 (the wide table, with each report's region and year above
/// its column) and a sheet 明细 (the long table).
pub fn xlsx(t: &Table) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let err = |e: rust_xlsxwriter::XlsxError| format!("cannot write the workbook: {e}");
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let wide = book.add_worksheet().set_name("对比").map_err(err)?;
    let header = wide_header(t);
    let fixed = header.len() - t.columns.len();
    for (c, h) in header.iter().enumerate() {
        wide.write_string_with_format(0, c as u16, h, &bold)
            .map_err(err)?;
    }
    for (k, col) in t.columns.iter().enumerate() {
        let c = (fixed + k) as u16;
        wide.write_string(1, c, col.region.as_deref().unwrap_or(""))
            .map_err(err)?;
        if let Some(y) = col.year {
            wide.write_number(2, c, y as f64).map_err(err)?;
        }
    }
    wide.write_string(1, 0, "region").map_err(err)?;
    wide.write_string(2, 0, "year").map_err(err)?;
    for (r, row) in t.rows.iter().enumerate() {
        let line = (r + 3) as u32;
        for (c, v) in wide_row(t, r).iter().enumerate().take(fixed) {
            wide.write_string(line, c as u16, v).map_err(err)?;
        }
        for (k, cell) in row.cells.iter().enumerate() {
            if let Some(v) = cell.as_ref().and_then(|c| c.figure.row.value) {
                wide.write_number(line, (fixed + k) as u16, v)
                    .map_err(err)?;
            }
        }
    }
    let long = book.add_worksheet().set_name("明细").map_err(err)?;
    for (c, h) in TidyRow::COLUMNS.iter().enumerate() {
        long.write_string_with_format(0, c as u16, *h, &bold)
            .map_err(err)?;
    }
    let numeric = [
        "year",
        "indicator",
        "value",
        "written_value",
        "low",
        "high",
        "comparison_value",
        "rank",
        "check_limit",
        "start",
        "end",
    ];
    for (r, row) in t.tidy().iter().enumerate() {
        for (c, (v, name)) in row.cells().iter().zip(TidyRow::COLUMNS).enumerate() {
            if v.is_empty() {
                continue;
            }
            let (line, col) = ((r + 1) as u32, c as u16);
            match v.parse::<f64>() {
                Ok(n) if numeric.contains(&name) => long.write_number(line, col, n),
                _ => long.write_string(line, col, v),
            }
            .map_err(err)?;
        }
    }
    book.save_to_buffer().map_err(err)
}
