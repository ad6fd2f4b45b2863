//! Many reports side by side: districts against each other, a year against the last.
//!
//! Each analyzed [`Report`] gives an [`Entry`]: its region, year and period, and its
//! figure for each indicator it states (the first statement of a catalogue indicator that
//! is a fact of the period reported: not last year's basis, not a goal, not a bound).
//! [`table`] sets entries side by side: rows are indicators by catalogue id (uncatalogued
//! ones by name and unit), columns are the reports in the order asked for, each cell the
//! value in the catalogue's unit with its change from the previous column, its check
//! against a standard and where it stands in its report. [`TidyRow`] is the long form
//! of both a report and a table, one value a row, for pandas, R and spreadsheets.

mod tidy;

pub use tidy::{tidy, TidyRow};

use serde::Serialize;

use crate::report::Report;
use std::cmp::Ordering;

use crate::lexicon::FxMap as HashMap;
use crate::{Better, Category, Lexicon};

/// One report as a comparison sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
pub struct Entry {
    /// What the report is called in the table: its file name, or what the user gave.
    pub label: String,
    /// The report's title.
    pub title: Option<String>,
    /// The region it reports on (editable: the metadata may be wrong).
    pub region: Option<String>,
    /// The year it reports on.
    pub year: Option<i32>,
    /// The period within the year (上半年, 1-10月), if any.
    pub period: Option<String>,
    /// Its figure for each indicator it states, in text order.
    pub figures: Vec<Figure>,
}

/// A report's figure for one indicator: the indicator's [`TidyRow`] and the row of the
/// comparison it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
pub struct Figure {
    /// The row it belongs to: the catalogue id, or `name|unit` for an uncatalogued one.
    pub key: String,
    /// The catalogue's name, or the indicator's own.
    pub name: String,
    /// The field it belongs to.
    pub category: Category,
    /// Which way is an improvement, for a catalogued indicator.
    pub better: Option<Better>,
    /// How many other statements of the same indicator the report has (of its parts,
    /// other places, other periods).
    pub more: usize,
    /// The indicator: its value in the catalogue's unit, how it was written, its
    /// comparison, rank, check and span.
    pub row: TidyRow,
}

/// How the columns of a [`table`] are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// By region, then year (one region's reports fall in year order).
    #[default]
    Region,
    /// By year, then region.
    Year,
    /// As given.
    Input,
}

impl std::str::FromStr for Order {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<Self> {
        match s {
            "region" => Ok(Order::Region),
            "year" => Ok(Order::Year),
            "input" => Ok(Order::Input),
            _ => Err(crate::Error::Input {
                message: format!("unknown order {s:?}: expected region, year or input"),
            }),
        }
    }
}

/// What [`table`] shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompareOptions {
    /// How the columns are ordered.
    pub order: Order,
    /// Only rows present in at least this many reports (2 hides the rows of one report).
    pub min_reports: usize,
    /// Only the rows of this category.
    pub category: Option<Category>,
    /// Only catalogued indicators (uncatalogued names rarely match across reports).
    pub catalogued_only: bool,
}

/// The reports side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
pub struct Table {
    /// The reports, in the order of the cells of each row.
    pub columns: Vec<Column>,
    /// The indicators: catalogued ones in catalogue order, then the others by category
    /// (its name) and name.
    pub rows: Vec<Row>,
}

/// A report as a column of a [`Table`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
pub struct Column {
    /// The index of the report among those given to [`table`].
    pub report: usize,
    /// Its label.
    pub label: String,
    /// Its title.
    pub title: Option<String>,
    /// Its region.
    pub region: Option<String>,
    /// Its year.
    pub year: Option<i32>,
    /// Its period.
    pub period: Option<String>,
}

/// An indicator across the reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
pub struct Row {
    /// The catalogue id, or `name|unit`.
    pub key: String,
    /// The catalogue id, if catalogued.
    pub canonical: Option<String>,
    /// Its name.
    pub name: String,
    /// Its field.
    pub category: Category,
    /// The unit of every cell's value.
    pub unit: String,
    /// Which way is an improvement, if known.
    pub better: Option<Better>,
    /// How many reports state it.
    pub reports: usize,
    /// One cell a column; `null` where that report does not state it.
    pub cells: Vec<Option<Cell>>,
}

/// One report's figure in a [`Row`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema, ts_rs::TS))]
pub struct Cell {
    /// The report's figure.
    pub figure: Figure,
    /// The value minus the value of the nearest column to the left that has one (in
    /// percentage points for a share).
    pub change: Option<f64>,
    /// That change as a percentage of the earlier value; `null` for a share or from 0.
    pub change_percent: Option<f64>,
    /// Whether the change is an improvement, when the catalogue says which way is better.
    pub improved: Option<bool>,
}

/// The comparison's view of a report: its figure for each indicator it states. `text` is
/// the text analyzed, for the figures' sentences (`""` leaves them empty).
pub fn entry(label: &str, report: &Report, text: &str) -> Entry {
    entry_with(label, report, text, Lexicon::builtin())
}

/// [`entry`] with the given lexicon (the one the report was analyzed with).
pub fn entry_with(label: &str, report: &Report, text: &str, lex: &Lexicon) -> Entry {
    let catalogue = &lex.catalogue.entries;
    let mut figures: Vec<Figure> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::default();
    for row in tidy(label, report, text) {
        if row.aside.is_some() || row.name.is_empty() && row.canonical.is_none() {
            continue;
        }
        let entry = row
            .canonical
            .as_deref()
            .and_then(|id| catalogue.iter().find(|e| &*e.id == id));
        let key = entry.map_or_else(
            || format!("{}|{}", row.name, row.unit),
            |e| e.id.to_string(),
        );
        if let Some(&k) = at.get(&key) {
            let f: &mut Figure = &mut figures[k];
            f.more += 1;
            continue;
        }
        at.insert(key.clone(), figures.len());
        figures.push(Figure {
            key,
            name: entry.map_or_else(|| row.name.clone(), |e| e.name.to_string()),
            category: entry.map_or_else(
                || Category::from_name(&row.category).unwrap_or(Category::Other),
                |e| e.category,
            ),
            better: entry.map(|e| e.better),
            more: 0,
            row,
        });
    }
    Entry {
        label: label.to_string(),
        title: report.meta.title.clone(),
        region: report.meta.region.clone(),
        year: report.meta.year,
        period: report.meta.period.clone(),
        figures,
    }
}

/// `0..n` sorted by `cmp` (ties by index). One sort for every order of this module,
/// through a `dyn` comparison: each closure of its own would be a sort of its own in the
/// wasm.
fn sorted(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    idx
}

/// The column order: missing regions and years last, then the label.
fn ordered(entries: &[Entry], order: Order) -> Vec<usize> {
    fn region(e: &Entry) -> (bool, &str) {
        (e.region.is_none(), e.region.as_deref().unwrap_or_default())
    }
    fn year(e: &Entry) -> (bool, i32, Option<&str>) {
        (e.year.is_none(), e.year.unwrap_or(0), e.period.as_deref())
    }
    sorted(entries.len(), &|a, b| {
        let (a, b) = (&entries[a], &entries[b]);
        let by = match order {
            Order::Input => Ordering::Equal,
            Order::Region => region(a).cmp(&region(b)).then(year(a).cmp(&year(b))),
            Order::Year => year(a).cmp(&year(b)).then(region(a).cmp(&region(b))),
        };
        if order == Order::Input {
            by
        } else {
            by.then(a.label.cmp(&b.label))
        }
    })
}

/// The reports side by side (see [the module](self)).
pub fn table(entries: &[Entry], options: &CompareOptions) -> Table {
    table_with(entries, options, Lexicon::builtin())
}

/// [`table`] with the given lexicon (for the catalogue's order of the rows).
pub fn table_with(entries: &[Entry], options: &CompareOptions, lex: &Lexicon) -> Table {
    let order = ordered(entries, options.order);
    let columns: Vec<Column> = order
        .iter()
        .map(|&k| {
            let e = &entries[k];
            Column {
                report: k,
                label: e.label.clone(),
                title: e.title.clone(),
                region: e.region.clone(),
                year: e.year,
                period: e.period.clone(),
            }
        })
        .collect();
    let mut rows: Vec<Row> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::default();
    for (c, &k) in order.iter().enumerate() {
        for f in &entries[k].figures {
            if options.category.is_some_and(|cat| cat != f.category)
                || (options.catalogued_only && f.row.canonical.is_none())
            {
                continue;
            }
            let r = *at.entry(&f.key).or_insert_with(|| {
                rows.push(Row {
                    key: f.key.clone(),
                    canonical: f.row.canonical.clone(),
                    name: f.name.clone(),
                    category: f.category,
                    unit: f.row.unit.clone(),
                    better: f.better,
                    reports: 0,
                    cells: vec![None; order.len()],
                });
                rows.len() - 1
            });
            let row = &mut rows[r];
            row.reports += 1;
            row.cells[c] = Some(Cell {
                figure: f.clone(),
                change: None,
                change_percent: None,
                improved: None,
            });
        }
    }
    rows.retain(|r| r.reports >= options.min_reports);
    for row in &mut rows {
        changes(row);
    }
    // catalogued rows in catalogue order, then the others by category and name
    let rank: HashMap<&str, usize> = lex
        .catalogue
        .entries
        .iter()
        .enumerate()
        .map(|(k, e)| (&*e.id, k))
        .collect();
    let place = |r: &Row| r.canonical.as_deref().and_then(|id| rank.get(id)).copied();
    let order = sorted(rows.len(), &|a, b| {
        let (a, b) = (&rows[a], &rows[b]);
        match (place(a), place(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => (a.category.name(), &a.name).cmp(&(b.category.name(), &b.name)),
        }
    });
    let mut slots: Vec<Option<Row>> = rows.into_iter().map(Some).collect();
    let rows = order.into_iter().filter_map(|k| slots[k].take()).collect();
    Table { columns, rows }
}

/// Each cell's change from the nearest cell to its left that has a value.
fn changes(row: &mut Row) {
    let share = row.unit == "%";
    let mut previous: Option<f64> = None;
    for cell in row.cells.iter_mut().flatten() {
        let Some(v) = cell.figure.row.value else {
            continue;
        };
        if let Some(p) = previous {
            let change = v - p;
            cell.change = Some(round(change));
            cell.change_percent = (!share && p != 0.0).then(|| round(change / p.abs() * 100.0));
            cell.improved = match row.better {
                Some(Better::Up) if change != 0.0 => Some(change > 0.0),
                Some(Better::Down) if change != 0.0 => Some(change < 0.0),
                _ => None,
            };
        }
        previous = Some(v);
    }
}

/// `x` to 6 significant decimals, so that 45.1 - 47.7 prints as -2.6.
fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Options};

    fn entry_of(label: &str, text: &str) -> Entry {
        entry(label, &analyze(text, &Options::default()), text)
    }

    fn cell<'t>(t: &'t Table, key: &str, col: usize) -> Option<&'t Cell> {
        t.rows.iter().find(|r| r.key == key)?.cells[col].as_ref()
    }

    #[test]
    fn a_report_figure_is_its_first_fact_not_last_years_basis_nor_a_goal() {
        let e = entry_of(
            "a.txt",
            "2023年甲县生态环境状况公报\n全县PM2.5平均浓度为0.0351毫克/立方米，较上年（38微克/立方米）下降7.6%。\
             城区PM2.5平均浓度为36微克/立方米。力争PM2.5平均浓度降至33微克/立方米。",
        );
        let f = e
            .figures
            .iter()
            .find(|f| f.key == "air.pm25.mean")
            .expect("PM2.5");
        assert_eq!(f.row.value, Some(35.1));
        assert_eq!(f.row.unit, "μg/m³");
        assert_eq!(
            f.more, 1,
            "the town's figure counts as one more, not the goal or the basis"
        );
        assert_eq!(e.year, Some(2023));
    }

    #[test]
    fn columns_by_region_then_year_with_changes_and_improvement() {
        let a = entry_of(
            "a",
            "2022年，甲县PM2.5平均浓度为40微克/立方米，优良天数比例为80.0%。",
        );
        let b = entry_of(
            "b",
            "2023年，甲县PM2.5平均浓度为36微克/立方米，优良天数比例为82.5%。",
        );
        let c = entry_of("c", "2023年，乙县PM2.5平均浓度为30微克/立方米。");
        let mut entries = vec![b, c, a];
        for (e, region) in entries.iter_mut().zip(["甲县", "乙县", "甲县"]) {
            e.region = Some(region.into()); // as a user sets them
        }
        let t = table(&entries, &CompareOptions::default());
        let labels: Vec<&str> = t.columns.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            ["c", "a", "b"],
            "乙县 sorts before 甲县 by code point"
        );
        let pm = cell(&t, "air.pm25.mean", 2).unwrap();
        assert_eq!(
            (pm.change, pm.change_percent, pm.improved),
            (Some(-4.0), Some(-10.0), Some(true))
        );
        // the change runs from the nearest column with a value
        let share = cell(&t, "air.good_days.share", 2).unwrap();
        assert_eq!(
            (share.change, share.change_percent),
            (Some(2.5), None),
            "a share changes in points"
        );
        assert!(cell(&t, "air.good_days.share", 0).is_none());
        // by year
        let t = table(
            &entries,
            &CompareOptions {
                order: Order::Year,
                ..Default::default()
            },
        );
        let labels: Vec<&str> = t.columns.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["a", "c", "b"]);
    }

    #[test]
    fn rows_of_one_report_and_other_categories_can_be_hidden() {
        let a = entry_of(
            "a",
            "2022年，甲县PM2.5平均浓度为40微克/立方米，查处环境违法案件12件。",
        );
        let b = entry_of("b", "2023年，甲县PM2.5平均浓度为36微克/立方米。");
        let all = table(&[a.clone(), b.clone()], &CompareOptions::default());
        assert!(all.rows.iter().any(|r| r.reports == 1));
        let shared = table(
            &[a.clone(), b.clone()],
            &CompareOptions {
                min_reports: 2,
                ..Default::default()
            },
        );
        assert!(shared.rows.iter().all(|r| r.reports == 2) && !shared.rows.is_empty());
        let air = table(
            &[a, b],
            &CompareOptions {
                category: Some(Category::Air),
                ..Default::default()
            },
        );
        assert!(air.rows.iter().all(|r| r.category == Category::Air) && !air.rows.is_empty());
    }
}
