//! The catalogue of standard indicators (`data/catalogue.tsv`): a stable id, the Chinese
//! name, the category, the canonical unit, which way is better, the period measured over
//! and the aliases reports write; and the factors that bring a written unit to a canonical
//! one.

use super::rows::{rows, Row};
use super::{Category, FxMap, LexiconFile, PhraseSet, UnitCategory};
use crate::error::Result;
use crate::names::named_enum;

named_enum! {
    /// Which way an indicator improves.
    pub enum Better {
        /// More is better (优良天数比例).
        Up = "up",
        /// Less is better (PM2.5平均浓度).
        Down = "down",
        /// Neither (案件数, 投资额).
        None = "none",
    }
}

named_enum! {
    /// What an indicator's value covers.
    pub enum Period {
        /// A mean or share over the year (or the period reported).
        Year = "year",
        /// A 24-hour value.
        Day = "day",
        /// An 8-hour value (臭氧日最大8小时).
        EightHours = "8h",
        /// A sum over the period (减排量, 案件数).
        Total = "total",
        /// A count or an amount at a date (断面数, 森林覆盖率).
        Stock = "stock",
    }
}

/// A standard indicator.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub id: Box<str>,
    pub name: Box<str>,
    pub category: Category,
    /// The canonical unit; empty for an index without a unit.
    pub unit: Box<str>,
    /// What the unit measures, when the units lexicon knows it.
    pub unit_category: Option<UnitCategory>,
    pub better: Better,
    pub period: Period,
    /// Any name measured in the entry's unit is this indicator (an alias `*`): the unit says
    /// it all (纳戈瑞/小时 is a dose rate).
    pub any_name: bool,
}

/// A standard indicator of the catalogue, as [`crate::catalogue`] lists it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CatalogueEntry {
    /// The stable id (`air.pm25.mean`).
    pub id: String,
    /// The Chinese name a table column would carry.
    pub name: String,
    /// The field it belongs to.
    pub category: Category,
    /// The canonical unit; empty for an index.
    pub unit: String,
    /// Which way is an improvement.
    pub better: Better,
    /// What its value covers.
    pub period: Period,
    /// The aliases as the data file writes them (`PM2.5*浓度`).
    pub aliases: Vec<String>,
}

impl Catalogue {
    /// Every entry with its aliases, in the order of the file.
    pub(crate) fn list(&self) -> Vec<CatalogueEntry> {
        self.entries
            .iter()
            .enumerate()
            .map(|(k, e)| CatalogueEntry {
                id: e.id.to_string(),
                name: e.name.to_string(),
                category: e.category,
                unit: e.unit.to_string(),
                better: e.better,
                period: e.period,
                aliases: self
                    .aliases
                    .iter()
                    .filter(|a| a.entry as usize == k)
                    .map(|a| {
                        let mut s = a.parts.join("*");
                        if a.open_end {
                            s.push('*');
                        }
                        s
                    })
                    .chain(e.any_name.then(|| "*".to_string()))
                    .collect(),
            })
            .collect()
    }
}

/// An alias of an entry: its parts in order, with up to [`GAP`] other characters between.
#[derive(Debug, Clone)]
pub(crate) struct Alias {
    pub entry: u32,
    pub parts: Vec<Box<str>>,
    /// The alias ends in `*`: up to [`GAP`] characters may follow its last part.
    pub open_end: bool,
    /// Characters of its parts together.
    pub chars: usize,
}

/// How many characters a `*` of an alias stands for at most.
pub(crate) const GAP: usize = 10;

/// A factor as written: a number (`1000`) or a fraction (`1/15`), so that 亩 → 公顷 is
/// exact.
fn parse_factor(s: &str) -> Option<f64> {
    match s.split_once('/') {
        Some((a, b)) => Some(a.trim().parse::<f64>().ok()? / b.trim().parse::<f64>().ok()?),
        None => s.trim().parse().ok(),
    }
}

/// The catalogue: entries, aliases indexed by their last part, unit conversions.
#[derive(Debug, Clone, Default)]
pub(crate) struct Catalogue {
    pub entries: Vec<Entry>,
    pub aliases: Vec<Alias>,
    /// The indices of the aliases that end where the name ends, by their last part.
    pub by_last_part: PhraseSet<Vec<u32>>,
    /// The indices of the aliases ending in `*`, by their last part.
    pub open_by_last_part: PhraseSet<Vec<u32>>,
    /// The entries any name measured in their unit is (an alias `*`).
    pub any_name: Vec<u32>,
    conversions: Vec<(Box<str>, Box<str>, f64)>,
    /// The limits of the national standards (`limits.tsv`).
    pub limits: Vec<Limit>,
}

impl Catalogue {
    /// The factor that takes a value in `from` to `to`, if one is known.
    pub(crate) fn conversion(&self, from: &str, to: &str) -> Option<f64> {
        if from == to {
            return Some(1.0);
        }
        self.conversions
            .iter()
            .find(|(f, t, _)| &**f == from && &**t == to)
            .map(|&(_, _, k)| k)
    }

    /// Parses the rows of a catalogue file; `unit_category` tells what a unit measures.
    pub(super) fn add(
        &mut self,
        text: &str,
        unit_category: impl Fn(&str) -> Option<UnitCategory>,
    ) -> Result<()> {
        for row in rows(LexiconFile::Catalogue, text, 4, 8) {
            let row = row?;
            match row.col(0) {
                "indicator" => self.add_indicator(&row, &unit_category)?,
                "unit" => {
                    let factor = parse_factor(row.col(3))
                        .filter(|f: &f64| f.is_finite() && *f > 0.0)
                        .ok_or_else(|| row.err("the factor is not a positive number"))?;
                    if row.col(1).is_empty() || row.col(2).is_empty() {
                        return Err(row.err("a conversion needs both units"));
                    }
                    self.conversions
                        .retain(|(f, t, _)| !(&**f == row.col(1) && &**t == row.col(2)));
                    self.conversions
                        .push((row.col(1).into(), row.col(2).into(), factor));
                }
                other => {
                    return Err(row.err(format!(
                        "unknown kind {other:?}; expected indicator or unit"
                    )))
                }
            }
        }
        self.index();
        Ok(())
    }

    fn add_indicator(
        &mut self,
        row: &Row<'_>,
        unit_category: &impl Fn(&str) -> Option<UnitCategory>,
    ) -> Result<()> {
        if row.cols.len() != 8 {
            return Err(row.err("an indicator row has 8 columns"));
        }
        let id = row.col(1);
        let valid_id = id.split('.').count() >= 2
            && id.split('.').all(|p| {
                !p.is_empty()
                    && p.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            });
        if !valid_id {
            return Err(row.err(format!("{id:?} is no dotted id of lower-case words")));
        }
        let category = Category::from_name(row.col(3))
            .ok_or_else(|| row.err(format!("unknown category {:?}", row.col(3))))?;
        let better = Better::from_name(row.col(5))
            .ok_or_else(|| row.err(format!("unknown direction {:?}", row.col(5))))?;
        let period = Period::from_name(row.col(6))
            .ok_or_else(|| row.err(format!("unknown period {:?}", row.col(6))))?;
        let entry = Entry {
            id: id.into(),
            name: row.col(2).into(),
            category,
            unit: row.col(4).into(),
            unit_category: unit_category(row.col(4)),
            better,
            period,
            any_name: row.col(7).split('|').any(|a| a == "*"),
        };
        let k = match self.entries.iter().position(|e| e.id == entry.id) {
            Some(k) => {
                self.entries[k] = entry;
                self.aliases.retain(|a| a.entry as usize != k);
                k
            }
            None => {
                self.entries.push(entry);
                self.entries.len() - 1
            }
        };
        for alias in row.col(7).split('|').filter(|a| !a.is_empty() && *a != "*") {
            let parts: Vec<Box<str>> = alias
                .split('*')
                .filter(|p| !p.is_empty())
                .map(Into::into)
                .collect();
            if parts.is_empty() {
                return Err(row.err(format!("the alias {alias:?} has no words")));
            }
            self.aliases.push(Alias {
                entry: k as u32,
                chars: parts.iter().map(|p| p.chars().count()).sum(),
                parts,
                open_end: alias.ends_with('*'),
            });
        }
        Ok(())
    }

    /// Rebuilds the index of the aliases by their last part.
    fn index(&mut self) {
        let build = |open: bool| {
            let mut lists: FxMap<&str, Vec<u32>> = FxMap::default();
            let mut order: Vec<&str> = Vec::new();
            for (i, a) in self.aliases.iter().enumerate() {
                let Some(last) = a.parts.last().filter(|_| a.open_end == open) else {
                    continue;
                };
                lists
                    .entry(last)
                    .or_insert_with(|| {
                        order.push(last);
                        Vec::new()
                    })
                    .push(i as u32);
            }
            let mut index = PhraseSet::default();
            for p in order {
                index.insert(p, lists.remove(p).unwrap_or_default());
            }
            index
        };
        self.by_last_part = build(false);
        self.open_by_last_part = build(true);
        self.any_name = (0..self.entries.len() as u32)
            .filter(|&k| self.entries[k as usize].any_name)
            .collect();
    }
}

named_enum! {
    /// Which side of a limit a value must stay on.
    pub enum Bound {
        /// The value may not exceed the limit.
        Max = "max",
        /// The value may not fall below it (溶解氧).
        Min = "min",
    }
}

/// A limit of a national standard for an indicator of the catalogue (`data/limits.tsv`).
#[derive(Debug, Clone)]
pub(crate) struct Limit {
    /// As reports cite it: GB 3095-2012.
    pub standard: Box<str>,
    /// In force from this date (`YYYY-MM-DD`), to that one (inclusive; `None`: still).
    pub from: (i32, u32, u32),
    pub to: Option<(i32, u32, u32)>,
    /// The entry of the catalogue it applies to.
    pub entry: u32,
    /// The class it is for: 2 (grade II), Ⅲ (a water class), 4a (a noise zone), 良.
    pub class: Box<str>,
    pub limit: f64,
    pub bound: Bound,
    /// The table and clause of the standard.
    pub source: Box<str>,
}

impl Limit {
    /// Whether the limit is in force on the last day of `year`.
    pub(crate) fn in_force(&self, year: i32) -> bool {
        let day = (year, 12, 31);
        self.from <= day && self.to.is_none_or(|to| day <= to)
    }
}

fn parse_date(s: &str) -> Option<(i32, u32, u32)> {
    let mut p = s.split('-');
    let date = (
        p.next()?.parse().ok()?,
        p.next()?.parse().ok()?,
        p.next()?.parse().ok()?,
    );
    (p.next().is_none() && (1..=12).contains(&date.1) && (1..=31).contains(&date.2)).then_some(date)
}

impl Catalogue {
    /// Parses the rows of a limits file: each names an entry already in the catalogue, in
    /// its unit.
    pub(super) fn add_limits(&mut self, text: &str) -> Result<()> {
        for row in rows(LexiconFile::Limits, text, 9, 9) {
            let row = row?;
            let from =
                parse_date(row.col(1)).ok_or_else(|| row.err("the start date is no YYYY-MM-DD"))?;
            let to = match row.col(2) {
                "" => None,
                d => Some(parse_date(d).ok_or_else(|| row.err("the end date is no YYYY-MM-DD"))?),
            };
            let entry = self
                .entries
                .iter()
                .position(|e| &*e.id == row.col(3))
                .ok_or_else(|| row.err(format!("no catalogue entry {:?}", row.col(3))))?;
            if self.entries[entry].unit.as_ref() != row.col(6).trim() {
                return Err(row.err(format!(
                    "the unit {:?} is not the catalogue's unit {:?}",
                    row.col(6),
                    self.entries[entry].unit
                )));
            }
            let limit: f64 = row
                .col(5)
                .parse()
                .ok()
                .filter(|f: &f64| f.is_finite())
                .ok_or_else(|| row.err("the limit is not a number"))?;
            let bound = Bound::from_name(row.col(7)).ok_or_else(|| {
                row.err(format!(
                    "unknown bound {:?}; expected max or min",
                    row.col(7)
                ))
            })?;
            if row.col(4).is_empty() {
                return Err(row.err("the class is empty"));
            }
            self.limits.push(Limit {
                standard: row.col(0).into(),
                from,
                to,
                entry: entry as u32,
                class: row.col(4).into(),
                limit,
                bound,
                source: row.col(8).into(),
            });
        }
        Ok(())
    }
}
