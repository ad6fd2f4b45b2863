//! The embedded lexicons: units, cue words, indicator names, web junk, the traditional →
//! simplified table, pinyin syllables and place names.
//!
//! Each lexicon is a plain UTF-8 file under `data/` (documented in `data/README.md`),
//! compiled into the binary and parsed once on first use ([`Lexicon::builtin`]). The same
//! parsers read a caller's own files ([`Lexicon::extended`]), so a malformed line is an
//! [`Error::Lexicon`] naming the file and line.

use std::sync::OnceLock;

use crate::error::Result;
use crate::names::named_enum;

mod catalogue;
mod phrases;
mod places;
mod rows;
mod t2s;

pub(crate) use catalogue::{Alias, Catalogue, Entry, Limit, GAP};
pub use catalogue::{Better, Bound, CatalogueEntry, Period};
pub(crate) use phrases::FxMap;
pub(crate) use phrases::{CharBits, PhraseSet};
use places::short_place_name;
pub(crate) use places::{Place, PlaceLevel, Places};
use rows::rows;
pub(crate) use t2s::T2s;

named_enum! {
    /// What a unit measures.
    pub enum UnitCategory {
        /// Things counted: 家, 个, 项, 件.
        Count = "count",
        /// Counts of visits or times: 次, 人次, 家次.
        Visits = "visits",
        /// Durations: 天, 小时, 年.
        Time = "time",
        /// Lengths: 公里, 米.
        Length = "length",
        /// Areas: 平方公里, 亩, 公顷.
        Area = "area",
        /// Volumes: 立方米, 方, 升.
        Volume = "volume",
        /// Masses: 吨, 千克.
        Mass = "mass",
        /// Amounts of money: 元.
        Money = "money",
        /// Shares: %, ‰.
        Percent = "percent",
        /// Changes of a share: 个百分点.
        Points = "points",
        /// Concentrations: 微克/立方米, 毫克/升.
        Concentration = "concentration",
        /// Sound levels: 分贝, dB(A).
        Noise = "noise",
        /// Energy: 千瓦时, 吨标准煤.
        Energy = "energy",
        /// Power: 千瓦, 兆瓦.
        Power = "power",
        /// Multiples: 倍.
        Multiple = "multiple",
        /// Temperatures: ℃, 摄氏度.
        Temperature = "temperature",
        /// Radiation: dose rates (纳戈瑞/小时, 微西弗/小时) and activities (贝可).
        Radiation = "radiation",
        /// Other physical measures: voltages (千伏), pressures (兆帕), speeds (公里/小时).
        Other = "other",
    }
}

/// A unit or measure word.
#[derive(Debug, Clone)]
pub(crate) struct UnitInfo {
    pub canonical: Box<str>,
    pub category: UnitCategory,
    /// Characters that may not follow the unit (方 in 方面).
    pub not_before: Box<str>,
}

named_enum! {
    /// How an approximate number relates to the true one.
    pub enum Qualifier {
        /// 约, 左右: about.
        About = "about",
        /// 余, 多, 以上, 逾: more than.
        Over = "over",
        /// 近, 不足: less than.
        Under = "under",
    }
}

named_enum! {
    /// The direction of a change.
    pub enum Direction {
        /// The value rose (上升, 增加, 提高).
        Up = "up",
        /// The value fell (下降, 减少, 改善 of a concentration).
        Down = "down",
        /// No change (持平, 基本稳定).
        Flat = "flat",
    }
}

named_enum! {
    /// The field an indicator belongs to.
    pub enum Category {
        /// Air quality and air pollution.
        Air = "air",
        /// Surface water, drinking water, sewage.
        Water = "water",
        /// Soil and land.
        Soil = "soil",
        /// Solid and hazardous waste.
        Waste = "waste",
        /// Ecology, nature reserves, greening.
        Ecology = "ecology",
        /// Climate, carbon and energy.
        Climate = "climate",
        /// Noise.
        Noise = "noise",
        /// Radiation.
        Radiation = "radiation",
        /// Inspections, cases and penalties.
        Enforcement = "enforcement",
        /// Complaints and petitions (信访).
        Petitions = "petitions",
        /// Approvals and permits (环评, 排污许可).
        Approval = "approval",
        /// Monitoring stations and sampling.
        Monitoring = "monitoring",
        /// Publicity and education.
        Publicity = "publicity",
        /// Party building.
        Party = "party",
        /// Meetings and training.
        Meetings = "meetings",
        /// Funds and investment.
        Funds = "funds",
        /// None of the above.
        Other = "other",
    }
}

/// All the lexicons the analyzer uses.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub(crate) units: PhraseSet<UnitInfo>,
    pub(crate) approx_prefix: PhraseSet<Qualifier>,
    pub(crate) approx_suffix: PhraseSet<Qualifier>,
    pub(crate) basis: PhraseSet<Box<str>>,
    pub(crate) direction: PhraseSet<Direction>,
    pub(crate) comparative: PhraseSet<Direction>,
    pub(crate) target: PhraseSet<Box<str>>,
    pub(crate) rank_scope: PhraseSet<()>,
    pub(crate) rank_verb: PhraseSet<()>,
    pub(crate) link: PhraseSet<()>,
    pub(crate) name_lead: PhraseSet<()>,
    pub(crate) title_lead: PhraseSet<()>,
    pub(crate) not_title: PhraseSet<()>,
    pub(crate) doc_kind: PhraseSet<Box<str>>,
    pub(crate) org_suffix: PhraseSet<()>,
    pub(crate) footer: PhraseSet<Box<str>>,
    pub(crate) source: PhraseSet<Box<str>>,
    pub(crate) period: PhraseSet<()>,
    pub(crate) ordinal_measure: PhraseSet<()>,
    pub(crate) verb: PhraseSet<()>,
    pub(crate) general_verb: PhraseSet<()>,
    pub(crate) recipient_word: PhraseSet<()>,
    pub(crate) plan_word: PhraseSet<()>,
    pub(crate) plan_kind: PhraseSet<()>,
    pub(crate) rate_suffix: PhraseSet<()>,
    pub(crate) index_word: PhraseSet<()>,
    pub(crate) not_day: PhraseSet<()>,
    pub(crate) not_numeral: PhraseSet<()>,
    pub(crate) named_after: PhraseSet<()>,
    pub(crate) official_title: PhraseSet<()>,
    pub(crate) closing_line: PhraseSet<()>,
    pub(crate) media_suffix: PhraseSet<()>,
    pub(crate) learned_verb: PhraseSet<()>,
    pub(crate) before_org: PhraseSet<()>,
    pub(crate) review_kind: PhraseSet<()>,
    pub(crate) not_org: PhraseSet<()>,
    /// Measures that name no subject of their own (总投资, 罚款): they measure what was
    /// counted just before them.
    pub(crate) bare_measure: PhraseSet<()>,
    /// Words that make a number a bound (以上, 不低于).
    pub(crate) bound: PhraseSet<()>,
    /// The halves of a contrast (昼间 and 夜间), valued by their contrast.
    pub(crate) contrast: PhraseSet<Box<str>>,
    pub(crate) report_verb: PhraseSet<Box<str>>,
    pub(crate) not_approx: PhraseSet<()>,
    pub(crate) not_link: PhraseSet<()>,
    pub(crate) target_cue: PhraseSet<()>,
    pub(crate) noun_end: PhraseSet<()>,
    pub(crate) shared_head: PhraseSet<()>,
    pub(crate) value_column: PhraseSet<()>,
    pub(crate) numbered_name: PhraseSet<()>,
    /// Every character of the numbered names, to know how far back one may start.
    pub(crate) numbered_name_chars: CharBits,
    pub(crate) junk_line: PhraseSet<()>,
    pub(crate) junk_prefix: PhraseSet<()>,
    pub(crate) junk_inline: PhraseSet<()>,
    pub(crate) junk_exact: PhraseSet<()>,
    pub(crate) junk_spam: PhraseSet<()>,
    /// Words that open a row of navigation links (首页 新闻 公告).
    pub(crate) junk_home: PhraseSet<()>,
    /// Marks of a photo caption (摄影/, 供图): a short line holding one is dropped.
    pub(crate) junk_caption: PhraseSet<()>,
    pub(crate) indicator_names: PhraseSet<Category>,
    pub(crate) category_keywords: PhraseSet<Category>,
    pub(crate) t2s: T2s,
    /// Toneless pinyin syllables (ü as v), packed into integers and sorted.
    pub(crate) pinyin: Vec<u64>,
    pub(crate) places: Places,
    /// The standard indicators (`catalogue.tsv`).
    pub(crate) catalogue: Catalogue,
}

/// The lexicon files, by what they hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LexiconFile {
    /// `units.tsv`: units and measure words.
    Units,
    /// `cues.tsv`: cue words by role.
    Cues,
    /// `indicators.tsv`: indicator names and category keywords.
    Indicators,
    /// `junk.tsv`: web junk lines and fragments.
    Junk,
    /// `t2s.tsv`: traditional → simplified characters.
    T2s,
    /// `pinyin.txt`: toneless pinyin syllables.
    Pinyin,
    /// `places.txt`: the gazetteer.
    Places,
    /// `catalogue.tsv`: the standard indicators and unit conversions.
    Catalogue,
    /// `limits.tsv`: the limits of the national standards (after the catalogue).
    Limits,
}

impl LexiconFile {
    /// Every file, in the order they are read.
    pub const ALL: [LexiconFile; 9] = [
        LexiconFile::Units,
        LexiconFile::Cues,
        LexiconFile::Indicators,
        LexiconFile::Junk,
        LexiconFile::T2s,
        LexiconFile::Pinyin,
        LexiconFile::Places,
        LexiconFile::Catalogue,
        LexiconFile::Limits,
    ];

    /// The file's name under `data/`.
    pub fn file_name(self) -> &'static str {
        match self {
            LexiconFile::Units => "units.tsv",
            LexiconFile::Cues => "cues.tsv",
            LexiconFile::Indicators => "indicators.tsv",
            LexiconFile::Junk => "junk.tsv",
            LexiconFile::T2s => "t2s.tsv",
            LexiconFile::Pinyin => "pinyin.txt",
            LexiconFile::Places => "places.txt",
            LexiconFile::Catalogue => "catalogue.tsv",
            LexiconFile::Limits => "limits.tsv",
        }
    }

    /// The file for a name as given on a command line (`units`, `units.tsv`).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.file_name() == name || f.file_name().split('.').next() == Some(name))
    }

    /// The built-in text of this file.
    pub fn builtin_text(self) -> &'static str {
        match self {
            LexiconFile::Units => include_str!(concat!(env!("OUT_DIR"), "/units.tsv")),
            LexiconFile::Cues => include_str!(concat!(env!("OUT_DIR"), "/cues.tsv")),
            LexiconFile::Indicators => include_str!(concat!(env!("OUT_DIR"), "/indicators.tsv")),
            LexiconFile::Junk => include_str!(concat!(env!("OUT_DIR"), "/junk.tsv")),
            LexiconFile::T2s => include_str!(concat!(env!("OUT_DIR"), "/t2s.tsv")),
            LexiconFile::Pinyin => include_str!(concat!(env!("OUT_DIR"), "/pinyin.txt")),
            LexiconFile::Places => include_str!(concat!(env!("OUT_DIR"), "/places.txt")),
            LexiconFile::Catalogue => include_str!(concat!(env!("OUT_DIR"), "/catalogue.tsv")),
            LexiconFile::Limits => include_str!(concat!(env!("OUT_DIR"), "/limits.tsv")),
        }
    }
}

impl Lexicon {
    /// The built-in lexicon, parsed on first use.
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN: OnceLock<Lexicon> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            let mut lex = Lexicon::default();
            for file in LexiconFile::ALL {
                // The built-in files are checked by the tests; a failure here would leave
                // that lexicon empty rather than stop the analyzer.
                let _ = lex.add(file, file.builtin_text());
            }
            lex
        })
    }

    /// The built-in lexicon extended with a caller's own file of the given kind: its
    /// entries are added to (and override) the built-in ones.
    pub fn extended(file: LexiconFile, text: &str) -> Result<Lexicon> {
        let mut lex = Lexicon::builtin().clone();
        lex.add(file, text)?;
        Ok(lex)
    }

    /// Parses `text` as a file of the given kind into this lexicon.
    pub fn add(&mut self, file: LexiconFile, text: &str) -> Result<()> {
        match file {
            LexiconFile::Units => self.add_units(text),
            LexiconFile::Cues => self.add_cues(text),
            LexiconFile::Indicators => self.add_indicators(text),
            LexiconFile::Junk => self.add_junk(text),
            LexiconFile::T2s => self.add_t2s(text),
            LexiconFile::Pinyin => self.add_pinyin(text),
            LexiconFile::Places => self.add_places(text),
            LexiconFile::Catalogue => {
                let units = &self.units;
                self.catalogue
                    .add(text, |u| units.get(u).map(|info| info.category))
            }
            LexiconFile::Limits => self.catalogue.add_limits(text),
        }
    }

    fn add_units(&mut self, text: &str) -> Result<()> {
        for row in rows(LexiconFile::Units, text, 3, 4) {
            let row = row?;
            let category = UnitCategory::from_name(row.col(2))
                .ok_or_else(|| row.err(format!("unknown unit category {:?}", row.col(2))))?;
            if row.col(1).is_empty() {
                return Err(row.err("the canonical form is empty"));
            }
            let info = UnitInfo {
                canonical: row.col(1).into(),
                category,
                not_before: row.col(3).into(),
            };
            self.units.insert(row.col(0), info);
        }
        Ok(())
    }

    /// The phrase set of a cue role whose phrases carry no value.
    fn plain_role(&mut self, role: &str) -> Option<&mut PhraseSet<()>> {
        Some(match role {
            "rank_scope" => &mut self.rank_scope,
            "rank_verb" => &mut self.rank_verb,
            "link" => &mut self.link,
            "name_lead" => &mut self.name_lead,
            "title_lead" => &mut self.title_lead,
            "not_title" => &mut self.not_title,
            "org_suffix" => &mut self.org_suffix,
            "period" => &mut self.period,
            "ordinal_measure" => &mut self.ordinal_measure,
            "verb" => &mut self.verb,
            "general_verb" => &mut self.general_verb,
            "not_approx" => &mut self.not_approx,
            "not_link" => &mut self.not_link,
            "target_cue" => &mut self.target_cue,
            "noun_end" => &mut self.noun_end,
            "shared_head" => &mut self.shared_head,
            "value_column" => &mut self.value_column,
            "recipient_word" => &mut self.recipient_word,
            "plan_word" => &mut self.plan_word,
            "plan_kind" => &mut self.plan_kind,
            "rate_suffix" => &mut self.rate_suffix,
            "bare_measure" => &mut self.bare_measure,
            "bound" => &mut self.bound,
            "index_word" => &mut self.index_word,
            "not_day" => &mut self.not_day,
            "not_numeral" => &mut self.not_numeral,
            "named_after" => &mut self.named_after,
            "official_title" => &mut self.official_title,
            "closing_line" => &mut self.closing_line,
            "media_suffix" => &mut self.media_suffix,
            "learned_verb" => &mut self.learned_verb,
            "before_org" => &mut self.before_org,
            "review_kind" => &mut self.review_kind,
            "not_org" => &mut self.not_org,
            _ => return None,
        })
    }

    /// The phrase set of a cue role whose phrases carry a text value.
    fn text_role(&mut self, role: &str) -> Option<&mut PhraseSet<Box<str>>> {
        Some(match role {
            "basis" => &mut self.basis,
            "target" => &mut self.target,
            "doc_kind" => &mut self.doc_kind,
            "footer" => &mut self.footer,
            "source" => &mut self.source,
            "report_verb" => &mut self.report_verb,
            "contrast" => &mut self.contrast,
            _ => return None,
        })
    }

    fn add_cues(&mut self, text: &str) -> Result<()> {
        for row in rows(LexiconFile::Cues, text, 2, 3) {
            let row = row?;
            let (role, phrase, value) = (row.col(0), row.col(1), row.col(2));
            if phrase.is_empty() {
                return Err(row.err("the phrase is empty"));
            }
            let qualifier = || {
                Qualifier::from_name(value)
                    .ok_or_else(|| row.err("the value must be about, over or under"))
            };
            match role {
                "approx_prefix" => self.approx_prefix.insert(phrase, qualifier()?),
                "approx_suffix" => self.approx_suffix.insert(phrase, qualifier()?),
                "direction" | "comparative" => {
                    let d = Direction::from_name(value)
                        .ok_or_else(|| row.err("the direction must be up, down or flat"))?;
                    let set = if role == "direction" {
                        &mut self.direction
                    } else {
                        &mut self.comparative
                    };
                    set.insert(phrase, d)
                }
                "numbered_name" => {
                    self.numbered_name.insert(phrase, ());
                    phrase
                        .chars()
                        .for_each(|c| self.numbered_name_chars.insert(c));
                }
                _ => {
                    if let Some(set) = self.plain_role(role) {
                        set.insert(phrase, ());
                    } else if value.is_empty() && self.text_role(role).is_some() {
                        return Err(
                            row.err(format!("role {role} needs a value in the third column"))
                        );
                    } else if let Some(set) = self.text_role(role) {
                        set.insert(phrase, value.into());
                    } else {
                        return Err(row.err(format!("unknown role {role:?}")));
                    }
                }
            }
        }
        Ok(())
    }

    fn add_indicators(&mut self, text: &str) -> Result<()> {
        for row in rows(LexiconFile::Indicators, text, 3, 3) {
            let row = row?;
            let category = Category::from_name(row.col(2))
                .ok_or_else(|| row.err(format!("unknown category {:?}", row.col(2))))?;
            if row.col(1).is_empty() {
                return Err(row.err("the phrase is empty"));
            }
            match row.col(0) {
                "name" => self.indicator_names.insert(row.col(1), category),
                "keyword" => self.category_keywords.insert(row.col(1), category),
                other => {
                    return Err(row.err(format!("unknown kind {other:?}; expected name or keyword")))
                }
            }
        }
        Ok(())
    }

    fn add_junk(&mut self, text: &str) -> Result<()> {
        for row in rows(LexiconFile::Junk, text, 2, 2) {
            let row = row?;
            if row.col(1).is_empty() {
                return Err(row.err("the phrase is empty"));
            }
            let set = match row.col(0) {
                "line" => &mut self.junk_line,
                "prefix" => &mut self.junk_prefix,
                "inline" => &mut self.junk_inline,
                "exact" => &mut self.junk_exact,
                "spam" => &mut self.junk_spam,
                "home" => &mut self.junk_home,
                "caption" => &mut self.junk_caption,
                other => {
                    return Err(row.err(format!(
                        "unknown kind {other:?}; expected line, prefix, inline, exact, spam, home or caption"
                    )))
                }
            };
            set.insert(row.col(1), ());
        }
        Ok(())
    }

    fn add_t2s(&mut self, text: &str) -> Result<()> {
        for row in rows(LexiconFile::T2s, text, 2, 3) {
            let row = row?;
            let one = |s: &str| {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Ok(c),
                    _ => Err(row.err(format!("{s:?} is not a single character"))),
                }
            };
            let (trad, simp) = (one(row.col(0))?, one(row.col(1))?);
            self.t2s.insert(trad, simp);
            match row.col(2) {
                "" => {}
                "ambiguous" => self.t2s.ambiguous.push(trad),
                other => return Err(row.err(format!("unknown flag {other:?}; expected ambiguous"))),
            }
        }
        self.t2s.resolve_chains();
        Ok(())
    }

    fn add_pinyin(&mut self, text: &str) -> Result<()> {
        for row in rows(LexiconFile::Pinyin, text, 1, 0) {
            let row = row?;
            let s = row.col(0).trim();
            if !s.bytes().all(|b| b.is_ascii_lowercase()) {
                return Err(row.err("a syllable is written in the letters a-z (ü as v)"));
            }
            self.pinyin.push(
                pack_syllable(s).ok_or_else(|| row.err("a syllable has at most eight letters"))?,
            );
        }
        self.pinyin.sort_unstable();
        self.pinyin.dedup();
        Ok(())
    }

    fn add_places(&mut self, text: &str) -> Result<()> {
        // parents by indentation depth: [province, city]
        let mut stack: [Option<u32>; 2] = [None, None];
        for row in rows(LexiconFile::Places, text, 1, 0) {
            let row = row?;
            let l = row.text();
            let depth = l.bytes().take_while(|&b| b == b'\t').count();
            let name = l[depth..].trim();
            if name.is_empty() || name.contains('\t') {
                return Err(row.err("a place is one name, indented by tabs"));
            }
            let (level, parent) = match depth {
                0 => (PlaceLevel::Province, None),
                1 => (PlaceLevel::City, stack[0]),
                2 => (PlaceLevel::County, stack[1]),
                _ => return Err(row.err("places nest at most two tabs deep")),
            };
            if depth > 0 && parent.is_none() {
                return Err(row.err("an indented place has no parent above it"));
            }
            let idx = self.places.list.len() as u32;
            let short = short_place_name(name).map(Box::from);
            for (set, key) in [
                (&mut self.places.full, Some(name)),
                (&mut self.places.short, short.as_deref()),
            ] {
                if let Some(key) = key {
                    let mut list = set.get(key).cloned().unwrap_or_default();
                    list.push(idx);
                    set.insert(key, list);
                }
            }
            self.places.list.push(Place {
                name: name.into(),
                short,
                level,
                parent,
            });
            if depth < 2 {
                stack[depth] = Some(idx);
                if depth == 0 {
                    stack[1] = None;
                }
            }
        }
        Ok(())
    }

    /// Whether `s` is a pinyin syllable (toneless, ü written as v or ü).
    pub(crate) fn is_pinyin_syllable(&self, s: &str) -> bool {
        let key = if crate::text::search::has(s, 'ü') {
            pack_syllable(&s.replace('ü', "v"))
        } else {
            pack_syllable(s)
        };
        key.is_some_and(|k| self.pinyin.binary_search(&k).is_ok())
    }
}

/// A syllable of up to eight ASCII letters as one integer, for fast lookups.
fn pack_syllable(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 8 || !s.is_ascii() {
        return None;
    }
    Some(s.bytes().fold(0u64, |k, b| (k << 8) | b as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_file_parses() {
        // in order, as the built-in lexicon reads them: the limits name catalogue entries
        let mut all = Lexicon::default();
        for file in LexiconFile::ALL {
            all.add(file, file.builtin_text())
                .unwrap_or_else(|e| panic!("{e}"));
        }
        assert!(all.catalogue.entries.len() >= 150);
        assert!(all.catalogue.limits.len() >= 75);
        let lex = Lexicon::builtin();
        assert!(lex.units.len() > 100);
        assert!(lex.t2s.len() > 2500);
        assert!(lex.pinyin.len() > 400);
        assert!(lex.places.list.len() > 3000);
        assert!(lex.verb.len() > 50);
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let err = Lexicon::extended(LexiconFile::Units, "# units\n吨\tt\tweight\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "lexicon units.tsv, line 2: unknown unit category \"weight\" in \"吨\\tt\\tweight\"; fix the line or remove it"
        );
        let err = Lexicon::extended(LexiconFile::Cues, "direction\t涨\tsideways").unwrap_err();
        assert!(err.to_string().contains("line 1"), "{err}");
        let err = Lexicon::extended(LexiconFile::T2s, "國家\t国").unwrap_err();
        assert!(err.to_string().contains("not a single character"), "{err}");
        let err = Lexicon::extended(LexiconFile::Places, "\t\t\t太深").unwrap_err();
        assert!(err.to_string().contains("two tabs"), "{err}");
        assert!(Lexicon::extended(LexiconFile::Pinyin, "Huán").is_err());
        assert!(Lexicon::extended(LexiconFile::Junk, "somewhere\t广告").is_err());
        assert!(Lexicon::extended(LexiconFile::Indicators, "name\t碳排放强度").is_err());
    }

    #[test]
    fn user_entries_extend_the_builtin() {
        let lex = Lexicon::extended(LexiconFile::Units, "羽\t羽\tcount\n").unwrap();
        assert!(lex.units.get("羽").is_some());
        assert!(lex.units.get("个").is_some());
    }

    #[test]
    fn phrase_set_matches_longest() {
        let mut set = PhraseSet::default();
        set.insert("个", 1);
        set.insert("个百分点", 2);
        set.insert("百分点", 3);
        assert_eq!(
            set.longest_at("个百分点。", 0),
            Some(("个百分点".len(), &2))
        );
        assert_eq!(set.longest_at("个人", 0), Some((3, &1)));
        assert_eq!(
            set.longest_ending_at("上升3个百分点", "上升3个百分点".len()),
            Some(("个百分点".len(), &2))
        );
        assert_eq!(set.find("下降了2个"), Some((10, 13, &1)));
        set.insert("个", 9);
        assert_eq!(set.get("个"), Some(&9));
    }

    #[test]
    fn t2s_and_places() {
        let lex = Lexicon::builtin();
        assert_eq!(lex.t2s.get('環'), Some('环'));
        // a chain in the table is followed to its end
        assert_eq!(lex.t2s.get('薴'), Some('苎'));
        assert_eq!(lex.t2s.get('环'), None);
        assert!(lex.t2s.is_ambiguous('乾'));
        assert!(
            lex.is_pinyin_syllable("huan")
                && lex.is_pinyin_syllable("lü")
                && !lex.is_pinyin_syllable("wxyz")
        );
        let jintan = lex.places.short.get("金坛").expect("金坛");
        assert_eq!(lex.places.qualified_name(jintan[0]), "常州市金坛区");
        assert_eq!(short_place_name("广西壮族自治区"), Some("广西"));
        assert_eq!(short_place_name("城区"), None);
    }
}
