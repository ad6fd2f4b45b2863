//! The embedded lexicons: units, cue words, indicator names, web junk, the traditional →
//! simplified table, pinyin syllables and place names.
//!
//! Each lexicon is a plain UTF-8 file under `data/` (documented in `data/README.md`),
//! compiled into the binary and parsed once on first use ([`Lexicon::builtin`]). The same
//! parsers read a caller's own files ([`Lexicon::extended`]), so a malformed line is an
//! [`Error::Lexicon`] naming the file and line.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use serde::Serialize;

use crate::error::{Error, Result};

/// A small, fast hasher for the lexicon's keys (characters and short phrases).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.write_u64(u64::from_le_bytes([
                w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7],
            ]));
        }
        // the last one to seven bytes as one word, their count in the top byte so that
        // trailing zeros count
        let rest = words.remainder();
        let n = rest.len();
        let tail = if n >= 4 {
            // two reads of four bytes, overlapping when there are fewer than eight
            let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
            let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
            u64::from(lo) | u64::from(hi) << 32
        } else if n > 0 {
            u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
        } else {
            return;
        };
        self.write_u64(tail ^ (n as u64) << 59);
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(n as u64);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A set of phrases with a value each, matched longest first at a position of a text, or
/// ending at a position.
#[derive(Debug, Clone)]
pub struct PhraseSet<V> {
    entries: Vec<(Box<str>, V)>,
    /// Entry indices by first character, longest phrase first.
    by_first: FxMap<char, Vec<u32>>,
    /// Entry indices by last character, longest phrase first.
    by_last: FxMap<char, Vec<u32>>,
    /// Which characters start or end a phrase: most characters of a text do neither, and a
    /// bit test is much cheaper than a hash lookup.
    first_bits: CharBits,
    last_bits: CharBits,
}

impl<V> Default for PhraseSet<V> {
    fn default() -> Self {
        PhraseSet {
            entries: Vec::new(),
            by_first: FxMap::default(),
            by_last: FxMap::default(),
            first_bits: CharBits::default(),
            last_bits: CharBits::default(),
        }
    }
}

/// A set of characters: a bitmap of the Basic Multilingual Plane, and "maybe" above it.
#[derive(Debug, Clone, Default)]
pub struct CharBits {
    bits: Vec<u64>,
    astral: bool,
}

impl CharBits {
    /// Adds `c` to the set.
    pub fn insert(&mut self, c: char) {
        let code = c as usize;
        if code > 0xFFFF {
            self.astral = true;
            return;
        }
        if self.bits.is_empty() {
            self.bits = vec![0; 0x10000 / 64];
        }
        self.bits[code / 64] |= 1 << (code % 64);
    }

    /// The byte offsets of the characters of `text` in the set, in order. Walks the text
    /// decoding characters by hand (most are three bytes) and tests each with one bit.
    pub fn positions(&self, text: &str) -> Vec<usize> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            let x = b[i];
            let (code, len) = if x < 0x80 {
                (x as u32, 1)
            } else if (0xE0..0xF0).contains(&x) && i + 2 < b.len() {
                (
                    ((x as u32 & 0x0F) << 12)
                        | ((b[i + 1] as u32 & 0x3F) << 6)
                        | (b[i + 2] as u32 & 0x3F),
                    3,
                )
            } else {
                let c = text[i..].chars().next().map_or(0, |c| c as u32);
                (c, char::from_u32(c).map_or(1, char::len_utf8))
            };
            if let Some(c) = char::from_u32(code) {
                if self.may_contain(c) {
                    out.push(i);
                }
            }
            i += len.max(1);
        }
        out
    }

    /// Whether `c` is in the set (characters beyond the BMP: whether any is).
    #[inline]
    pub fn may_contain(&self, c: char) -> bool {
        let code = c as usize;
        if code > 0xFFFF {
            return self.astral;
        }
        self.bits
            .get(code / 64)
            .is_some_and(|w| w & (1 << (code % 64)) != 0)
    }
}

impl<V> PhraseSet<V> {
    /// Adds a phrase; a phrase already present gets the new value.
    pub fn insert(&mut self, phrase: &str, value: V) {
        let (Some(first), Some(last)) = (phrase.chars().next(), phrase.chars().next_back()) else {
            return;
        };
        if let Some(i) = self.by_first.get(&first).and_then(|v| {
            v.iter()
                .copied()
                .find(|&i| &*self.entries[i as usize].0 == phrase)
        }) {
            self.entries[i as usize].1 = value;
            return;
        }
        let idx = self.entries.len() as u32;
        self.entries.push((phrase.into(), value));
        self.first_bits.insert(first);
        self.last_bits.insert(last);
        let entries = &self.entries;
        for list in [
            self.by_first.entry(first).or_default(),
            self.by_last.entry(last).or_default(),
        ] {
            let at = list.partition_point(|&i| entries[i as usize].0.len() >= phrase.len());
            list.insert(at, idx);
        }
    }

    /// The longest phrase that starts at byte `pos` of `text`: its length in bytes and value.
    pub fn longest_at(&self, text: &str, pos: usize) -> Option<(usize, &V)> {
        let rest = text.get(pos..)?;
        let first = rest.chars().next()?;
        if !self.first_bits.may_contain(first) {
            return None;
        }
        self.by_first.get(&first)?.iter().find_map(|&i| {
            let (p, v) = &self.entries[i as usize];
            rest.starts_with(&**p).then_some((p.len(), v))
        })
    }

    /// The longest phrase that ends at byte `end` of `text`: its length in bytes and value.
    pub fn longest_ending_at(&self, text: &str, end: usize) -> Option<(usize, &V)> {
        let head = text.get(..end)?;
        let last = head.chars().next_back()?;
        if !self.last_bits.may_contain(last) {
            return None;
        }
        self.by_last.get(&last)?.iter().find_map(|&i| {
            let (p, v) = &self.entries[i as usize];
            head.ends_with(&**p).then_some((p.len(), v))
        })
    }

    /// The characters that start a phrase.
    pub fn first_chars(&self) -> &CharBits {
        &self.first_bits
    }

    /// Whether some phrase starts with `c` (cheap: a bit test).
    #[inline]
    pub fn may_start(&self, c: char) -> bool {
        self.first_bits.may_contain(c)
    }

    /// Whether `text` starts with one of the phrases.
    pub fn starts(&self, text: &str) -> bool {
        self.longest_at(text, 0).is_some()
    }

    /// The value of exactly this phrase.
    pub fn get(&self, phrase: &str) -> Option<&V> {
        let first = phrase.chars().next()?;
        self.by_first.get(&first)?.iter().find_map(|&i| {
            let (p, v) = &self.entries[i as usize];
            (&**p == phrase).then_some(v)
        })
    }

    pub fn contains(&self, phrase: &str) -> bool {
        self.get(phrase).is_some()
    }

    /// The first (leftmost, then longest) phrase occurring in `text`: its byte range and value.
    pub fn find(&self, text: &str) -> Option<(usize, usize, &V)> {
        text.char_indices().find_map(|(i, c)| {
            if !self.first_bits.may_contain(c) {
                return None;
            }
            self.longest_at(text, i).map(|(len, v)| (i, i + len, v))
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.entries.iter().map(|(p, v)| (&**p, v))
    }
}

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitCategory {
    Count,
    Visits,
    Time,
    Length,
    Area,
    Volume,
    Mass,
    Money,
    Percent,
    Points,
    Concentration,
    Noise,
    Energy,
    Power,
    Multiple,
}

impl UnitCategory {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "count" => Self::Count,
            "visits" => Self::Visits,
            "time" => Self::Time,
            "length" => Self::Length,
            "area" => Self::Area,
            "volume" => Self::Volume,
            "mass" => Self::Mass,
            "money" => Self::Money,
            "percent" => Self::Percent,
            "points" => Self::Points,
            "concentration" => Self::Concentration,
            "noise" => Self::Noise,
            "energy" => Self::Energy,
            "power" => Self::Power,
            "multiple" => Self::Multiple,
            _ => return None,
        })
    }
}

/// A unit or measure word.
#[derive(Debug, Clone)]
pub struct UnitInfo {
    pub canonical: Box<str>,
    pub category: UnitCategory,
    /// Characters that may not follow the unit (方 in 方面).
    pub not_before: Box<str>,
}

/// How an approximate number relates to the true one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 约, 左右: about.
    About,
    /// 余, 多, 以上, 逾: more than.
    Over,
    /// 近, 不足: less than.
    Under,
}

/// The direction of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
    Flat,
}

/// The field an indicator belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Air,
    Water,
    Soil,
    Waste,
    Ecology,
    Climate,
    Noise,
    Radiation,
    Enforcement,
    Petitions,
    Approval,
    Monitoring,
    Publicity,
    Party,
    Meetings,
    Funds,
    Other,
}

impl Category {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "air" => Self::Air,
            "water" => Self::Water,
            "soil" => Self::Soil,
            "waste" => Self::Waste,
            "ecology" => Self::Ecology,
            "climate" => Self::Climate,
            "noise" => Self::Noise,
            "radiation" => Self::Radiation,
            "enforcement" => Self::Enforcement,
            "petitions" => Self::Petitions,
            "approval" => Self::Approval,
            "monitoring" => Self::Monitoring,
            "publicity" => Self::Publicity,
            "party" => Self::Party,
            "meetings" => Self::Meetings,
            "funds" => Self::Funds,
            "other" => Self::Other,
            _ => return None,
        })
    }

    /// The category's name as written in the lexicon and the report.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Air => "air",
            Self::Water => "water",
            Self::Soil => "soil",
            Self::Waste => "waste",
            Self::Ecology => "ecology",
            Self::Climate => "climate",
            Self::Noise => "noise",
            Self::Radiation => "radiation",
            Self::Enforcement => "enforcement",
            Self::Petitions => "petitions",
            Self::Approval => "approval",
            Self::Monitoring => "monitoring",
            Self::Publicity => "publicity",
            Self::Party => "party",
            Self::Meetings => "meetings",
            Self::Funds => "funds",
            Self::Other => "other",
        }
    }
}

/// Administrative level of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlaceLevel {
    Province,
    City,
    County,
}

/// A province, city or county of the gazetteer.
#[derive(Debug, Clone)]
pub struct Place {
    pub name: Box<str>,
    /// The name without its administrative suffix (金坛区 → 金坛), if at least two characters.
    pub short: Option<Box<str>>,
    pub level: PlaceLevel,
    pub parent: Option<u32>,
}

/// The gazetteer: places by full and short name.
#[derive(Debug, Clone, Default)]
pub struct Places {
    pub list: Vec<Place>,
    /// Full names, for finding places in running text.
    pub full: PhraseSet<Vec<u32>>,
    /// Short names, for names that prefix an organisation (金坛生态环境局).
    pub short: PhraseSet<Vec<u32>>,
}

impl Places {
    /// The full name of a place with its parents down from the city (常州市金坛区).
    pub fn qualified_name(&self, idx: u32) -> String {
        let place = &self.list[idx as usize];
        match (place.level, place.parent) {
            (PlaceLevel::County, Some(p)) if self.list[p as usize].level == PlaceLevel::City => {
                format!("{}{}", self.list[p as usize].name, place.name)
            }
            _ => place.name.to_string(),
        }
    }

    /// Whether `ancestor` is `idx` or one of its parents.
    pub fn is_within(&self, idx: u32, ancestor: u32) -> bool {
        let mut cur = Some(idx);
        while let Some(i) = cur {
            if i == ancestor {
                return true;
            }
            cur = self.list[i as usize].parent;
        }
        false
    }
}

/// Simplified forms of traditional characters.
#[derive(Debug, Clone, Default)]
pub struct T2s {
    /// Simplified character for each of U+3400..=U+9FFF, 0 where there is none.
    dense: Vec<u16>,
    /// One bit for each of U+3400..=U+9FFF: whether `dense` has an entry. Small enough for
    /// the first-level cache, so that the common simplified character costs one bit test.
    dense_bits: Vec<u64>,
    /// Characters outside the dense range.
    other: FxMap<char, char>,
    /// Traditional characters that are also used as they are (乾, 於): converted only in
    /// documents that are mostly traditional.
    ambiguous: Vec<char>,
}

const DENSE_START: u32 = 0x3400;
const DENSE_END: u32 = 0x9FFF;

impl T2s {
    fn insert(&mut self, trad: char, simp: char) {
        let code = trad as u32;
        if (DENSE_START..=DENSE_END).contains(&code) && (simp as u32) <= 0xFFFF {
            let n = (DENSE_END - DENSE_START + 1) as usize;
            if self.dense.is_empty() {
                self.dense = vec![0; n];
                self.dense_bits = vec![0; n.div_ceil(64)];
            }
            let k = (code - DENSE_START) as usize;
            self.dense[k] = simp as u32 as u16;
            self.dense_bits[k / 64] |= 1 << (k % 64);
        } else {
            self.other.insert(trad, simp);
        }
    }

    /// The simplified form of `c`, if `c` is a traditional character.
    #[inline]
    pub fn get(&self, c: char) -> Option<char> {
        let code = c as u32;
        if (DENSE_START..=DENSE_END).contains(&code) {
            let k = (code - DENSE_START) as usize;
            if self
                .dense_bits
                .get(k / 64)
                .is_none_or(|w| w & (1 << (k % 64)) == 0)
            {
                return None;
            }
            let s = *self.dense.get(k)?;
            return if s == 0 {
                None
            } else {
                char::from_u32(s as u32)
            };
        }
        if code < 0x3400 || self.other.is_empty() {
            return None;
        }
        self.other.get(&c).copied()
    }

    /// Points every character at the end of its chain (薴 → 苧 → 苎 becomes 薴 → 苎), so
    /// that converting twice gives what converting once does (found by fuzzing).
    fn resolve_chains(&mut self) {
        let last = |t: &T2s, mut c: char| {
            for _ in 0..4 {
                match t.get(c) {
                    Some(next) if next != c => c = next,
                    _ => break,
                }
            }
            c
        };
        let dense: Vec<(char, char)> = (0..self.dense.len())
            .filter(|&k| self.dense[k] != 0)
            .filter_map(|k| {
                let trad = char::from_u32(DENSE_START + k as u32)?;
                Some((trad, char::from_u32(u32::from(self.dense[k]))?))
            })
            .collect();
        let other: Vec<(char, char)> = self.other.iter().map(|(&a, &b)| (a, b)).collect();
        for (trad, simp) in dense.into_iter().chain(other) {
            let end = last(self, simp);
            if end != simp && end != trad {
                self.insert(trad, end);
            }
        }
    }

    /// Whether converting `c` needs a document that is mostly traditional.
    pub fn is_ambiguous(&self, c: char) -> bool {
        self.ambiguous.contains(&c)
    }

    pub fn len(&self) -> usize {
        self.dense.iter().filter(|&&s| s != 0).count() + self.other.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// All the lexicons the analyzer uses.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub units: PhraseSet<UnitInfo>,
    pub approx_prefix: PhraseSet<Qualifier>,
    pub approx_suffix: PhraseSet<Qualifier>,
    pub basis: PhraseSet<Box<str>>,
    pub direction: PhraseSet<Direction>,
    pub target: PhraseSet<Box<str>>,
    pub rank_scope: PhraseSet<()>,
    pub rank_verb: PhraseSet<()>,
    pub link: PhraseSet<()>,
    pub name_lead: PhraseSet<()>,
    pub title_lead: PhraseSet<()>,
    pub not_title: PhraseSet<()>,
    pub doc_kind: PhraseSet<Box<str>>,
    pub org_suffix: PhraseSet<()>,
    pub footer: PhraseSet<Box<str>>,
    pub source: PhraseSet<Box<str>>,
    pub period: PhraseSet<()>,
    pub ordinal_measure: PhraseSet<()>,
    pub verb: PhraseSet<()>,
    pub not_approx: PhraseSet<()>,
    pub not_link: PhraseSet<()>,
    pub target_cue: PhraseSet<()>,
    pub noun_end: PhraseSet<()>,
    pub shared_head: PhraseSet<()>,
    pub value_column: PhraseSet<()>,
    pub numbered_name: PhraseSet<()>,
    /// Every character of the numbered names, to know how far back one may start.
    pub numbered_name_chars: CharBits,
    pub junk_line: PhraseSet<()>,
    pub junk_prefix: PhraseSet<()>,
    pub junk_inline: PhraseSet<()>,
    pub indicator_names: PhraseSet<Category>,
    pub category_keywords: PhraseSet<Category>,
    pub t2s: T2s,
    /// Toneless pinyin syllables (ü as v), packed into integers and sorted.
    pub pinyin: Vec<u64>,
    pub places: Places,
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
}

impl LexiconFile {
    /// Every file, in the order they are read.
    pub const ALL: [LexiconFile; 7] = [
        LexiconFile::Units,
        LexiconFile::Cues,
        LexiconFile::Indicators,
        LexiconFile::Junk,
        LexiconFile::T2s,
        LexiconFile::Pinyin,
        LexiconFile::Places,
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
            LexiconFile::Units => include_str!("../data/units.tsv"),
            LexiconFile::Cues => include_str!("../data/cues.tsv"),
            LexiconFile::Indicators => include_str!("../data/indicators.tsv"),
            LexiconFile::Junk => include_str!("../data/junk.tsv"),
            LexiconFile::T2s => include_str!("../data/t2s.tsv"),
            LexiconFile::Pinyin => include_str!("../data/pinyin.txt"),
            LexiconFile::Places => include_str!("../data/places.txt"),
        }
    }
}

/// The lines of a data file that hold data, with their line numbers.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

struct LineError<'a> {
    file: LexiconFile,
    line: usize,
    text: &'a str,
}

impl LineError<'_> {
    fn err(&self, message: impl Into<String>) -> Error {
        Error::Lexicon {
            file: self.file.file_name().to_string(),
            line: self.line,
            message: format!("{} in {:?}", message.into(), self.text),
        }
    }
}

fn columns<'a>(at: &LineError<'a>, min: usize, max: usize) -> Result<Vec<&'a str>> {
    let cols: Vec<&str> = at.text.split('\t').collect();
    if cols.len() < min || cols.len() > max {
        let want = if min == max {
            format!("{min}")
        } else {
            format!("{min} to {max}")
        };
        return Err(at.err(format!(
            "expected {want} tab-separated columns, found {}",
            cols.len()
        )));
    }
    if cols[0].trim().is_empty() {
        return Err(at.err("the first column is empty"));
    }
    Ok(cols)
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
        }
    }

    fn add_units(&mut self, text: &str) -> Result<()> {
        for (line, l) in data_lines(text) {
            let at = LineError {
                file: LexiconFile::Units,
                line,
                text: l,
            };
            let cols = columns(&at, 3, 4)?;
            let category = UnitCategory::parse(cols[2])
                .ok_or_else(|| at.err(format!("unknown unit category {:?}", cols[2])))?;
            if cols[1].is_empty() {
                return Err(at.err("the canonical form is empty"));
            }
            let info = UnitInfo {
                canonical: cols[1].into(),
                category,
                not_before: cols.get(3).copied().unwrap_or("").into(),
            };
            self.units.insert(cols[0], info);
        }
        Ok(())
    }

    fn add_cues(&mut self, text: &str) -> Result<()> {
        for (line, l) in data_lines(text) {
            let at = LineError {
                file: LexiconFile::Cues,
                line,
                text: l,
            };
            let cols = columns(&at, 2, 3)?;
            let (role, phrase) = (cols[0], cols[1]);
            let value = cols.get(2).copied().unwrap_or("");
            if phrase.is_empty() {
                return Err(at.err("the phrase is empty"));
            }
            let qualifier = || match value {
                "about" => Ok(Qualifier::About),
                "over" => Ok(Qualifier::Over),
                "under" => Ok(Qualifier::Under),
                _ => Err(at.err("the value must be about, over or under")),
            };
            let text_value = || -> Result<Box<str>> {
                if value.is_empty() {
                    Err(at.err(format!("role {role} needs a value in the third column")))
                } else {
                    Ok(value.into())
                }
            };
            match role {
                "approx_prefix" => self.approx_prefix.insert(phrase, qualifier()?),
                "approx_suffix" => self.approx_suffix.insert(phrase, qualifier()?),
                "basis" => self.basis.insert(phrase, text_value()?),
                "direction" => {
                    let d = match value {
                        "up" => Direction::Up,
                        "down" => Direction::Down,
                        "flat" => Direction::Flat,
                        _ => return Err(at.err("the direction must be up, down or flat")),
                    };
                    self.direction.insert(phrase, d)
                }
                "target" => self.target.insert(phrase, text_value()?),
                "rank_scope" => self.rank_scope.insert(phrase, ()),
                "rank_verb" => self.rank_verb.insert(phrase, ()),
                "link" => self.link.insert(phrase, ()),
                "name_lead" => self.name_lead.insert(phrase, ()),
                "title_lead" => self.title_lead.insert(phrase, ()),
                "not_title" => self.not_title.insert(phrase, ()),
                "doc_kind" => self.doc_kind.insert(phrase, text_value()?),
                "org_suffix" => self.org_suffix.insert(phrase, ()),
                "footer" => self.footer.insert(phrase, text_value()?),
                "source" => self.source.insert(phrase, text_value()?),
                "period" => self.period.insert(phrase, ()),
                "ordinal_measure" => self.ordinal_measure.insert(phrase, ()),
                "verb" => self.verb.insert(phrase, ()),
                "not_approx" => self.not_approx.insert(phrase, ()),
                "not_link" => self.not_link.insert(phrase, ()),
                "target_cue" => self.target_cue.insert(phrase, ()),
                "noun_end" => self.noun_end.insert(phrase, ()),
                "shared_head" => self.shared_head.insert(phrase, ()),
                "value_column" => self.value_column.insert(phrase, ()),
                "numbered_name" => {
                    self.numbered_name.insert(phrase, ());
                    phrase
                        .chars()
                        .for_each(|c| self.numbered_name_chars.insert(c));
                }
                _ => return Err(at.err(format!("unknown role {role:?}"))),
            }
        }
        Ok(())
    }

    fn add_indicators(&mut self, text: &str) -> Result<()> {
        for (line, l) in data_lines(text) {
            let at = LineError {
                file: LexiconFile::Indicators,
                line,
                text: l,
            };
            let cols = columns(&at, 3, 3)?;
            let category = Category::parse(cols[2])
                .ok_or_else(|| at.err(format!("unknown category {:?}", cols[2])))?;
            if cols[1].is_empty() {
                return Err(at.err("the phrase is empty"));
            }
            match cols[0] {
                "name" => self.indicator_names.insert(cols[1], category),
                "keyword" => self.category_keywords.insert(cols[1], category),
                other => {
                    return Err(at.err(format!("unknown kind {other:?}; expected name or keyword")))
                }
            }
        }
        Ok(())
    }

    fn add_junk(&mut self, text: &str) -> Result<()> {
        for (line, l) in data_lines(text) {
            let at = LineError {
                file: LexiconFile::Junk,
                line,
                text: l,
            };
            let cols = columns(&at, 2, 2)?;
            if cols[1].is_empty() {
                return Err(at.err("the phrase is empty"));
            }
            match cols[0] {
                "line" => self.junk_line.insert(cols[1], ()),
                "prefix" => self.junk_prefix.insert(cols[1], ()),
                "inline" => self.junk_inline.insert(cols[1], ()),
                other => {
                    return Err(at.err(format!(
                        "unknown kind {other:?}; expected line, prefix or inline"
                    )))
                }
            }
        }
        Ok(())
    }

    fn add_t2s(&mut self, text: &str) -> Result<()> {
        for (line, l) in data_lines(text) {
            let at = LineError {
                file: LexiconFile::T2s,
                line,
                text: l,
            };
            let cols = columns(&at, 2, 3)?;
            let one = |s: &str| {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Ok(c),
                    _ => Err(at.err(format!("{s:?} is not a single character"))),
                }
            };
            let (trad, simp) = (one(cols[0])?, one(cols[1])?);
            self.t2s.insert(trad, simp);
            match cols.get(2).copied() {
                None | Some("") => {}
                Some("ambiguous") => self.t2s.ambiguous.push(trad),
                Some(other) => {
                    return Err(at.err(format!("unknown flag {other:?}; expected ambiguous")))
                }
            }
        }
        self.t2s.resolve_chains();
        Ok(())
    }

    fn add_pinyin(&mut self, text: &str) -> Result<()> {
        for (line, l) in data_lines(text) {
            let s = l.trim();
            let at = LineError {
                file: LexiconFile::Pinyin,
                line,
                text: l,
            };
            if !s.bytes().all(|b| b.is_ascii_lowercase()) {
                return Err(at.err("a syllable is written in the letters a-z (ü as v)"));
            }
            self.pinyin.push(
                pack_syllable(s).ok_or_else(|| at.err("a syllable has at most eight letters"))?,
            );
        }
        self.pinyin.sort_unstable();
        self.pinyin.dedup();
        Ok(())
    }

    fn add_places(&mut self, text: &str) -> Result<()> {
        // parents by indentation depth: [province, city]
        let mut stack: [Option<u32>; 2] = [None, None];
        for (line, l) in data_lines(text) {
            let depth = l.bytes().take_while(|&b| b == b'\t').count();
            let name = l[depth..].trim();
            let at = LineError {
                file: LexiconFile::Places,
                line,
                text: l,
            };
            if name.is_empty() || name.contains('\t') {
                return Err(at.err("a place is one name, indented by tabs"));
            }
            let (level, parent) = match depth {
                0 => (PlaceLevel::Province, None),
                1 => (PlaceLevel::City, stack[0]),
                2 => (PlaceLevel::County, stack[1]),
                _ => return Err(at.err("places nest at most two tabs deep")),
            };
            if depth > 0 && parent.is_none() {
                return Err(at.err("an indented place has no parent above it"));
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
    pub fn is_pinyin_syllable(&self, s: &str) -> bool {
        let key = if crate::chars::has(s, 'ü') {
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

/// The name of a place without its administrative suffix, when two characters or more
/// remain: 金坛区 → 金坛, 广西壮族自治区 → 广西, 恩施土家族苗族自治州 → 恩施.
fn short_place_name(name: &str) -> Option<&str> {
    const AUTONOMOUS: [&str; 4] = ["自治区", "自治州", "自治县", "自治旗"];
    const SUFFIXES: [&str; 12] = [
        "特别行政区",
        "地区",
        "林区",
        "矿区",
        "新区",
        "省",
        "市",
        "区",
        "县",
        "旗",
        "盟",
        "州",
    ];
    if AUTONOMOUS.iter().any(|s| name.ends_with(s)) {
        // the ethnic names before 自治… start where the place name ends: take two characters
        let end = name.char_indices().nth(2).map(|(i, _)| i)?;
        return Some(&name[..end]);
    }
    let stem = SUFFIXES.iter().find_map(|s| name.strip_suffix(s))?;
    (stem.chars().count() >= 2).then_some(stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_file_parses() {
        for file in LexiconFile::ALL {
            let mut lex = Lexicon::default();
            lex.add(file, file.builtin_text())
                .unwrap_or_else(|e| panic!("{e}"));
        }
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
