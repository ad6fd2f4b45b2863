//! Word documents (`.docx`): the text of the main document, paragraph by paragraph.
//!
//! A `.docx` is a ZIP archive of XML parts. This reader opens the archive itself (stored
//! and deflated entries, with a limit on what inflating may produce), finds the main
//! document through the package relationships and walks its body:
//!
//! - each paragraph is a line; runs' text, tabs and line breaks are kept, deleted text of
//!   tracked changes and field codes are not;
//! - automatic list numbering (`numbering.xml`, directly on the paragraph or through its
//!   style) is written out as Word shows it, so `一、`/`（一）`/`1.` headings numbered by
//!   Word are recognised like typed ones;
//! - a table row is one line with its cells separated by tabs;
//! - headers, footers, footnotes and comments live in other parts and are never read.
//!
//! The text returned is what spans then refer to.

use std::borrow::Cow;

use crate::error::{Error, Result};
use crate::intake::markup::{attr, decode_entities, Token, Tokens};
use crate::intake::MAX_INPUT_BYTES;

/// The most bytes one part of the archive may inflate to: the input limit, so that a small
/// archive declaring (or holding) a huge part stops inflating there instead of filling
/// memory first. The XML of a Word document is several times its text: a document whose
/// text is near the limit is refused, and one of several hundred pages is read.
const MAX_PART_BYTES: usize = MAX_INPUT_BYTES;

/// Whether the bytes are a ZIP archive holding a Word document.
pub fn is_docx(bytes: &[u8]) -> bool {
    Zip::open(bytes).is_ok_and(|zip| zip.main_document().is_some())
}

/// The text of a Word document, or why it cannot be read.
pub fn extract(bytes: &[u8]) -> Result<String> {
    let zip = Zip::open(bytes)?;
    let main = zip
        .main_document()
        .ok_or_else(|| not_a_word_document(&zip))?;
    let document = zip
        .read(&main)?
        .ok_or_else(|| damaged("the main document is missing"))?;
    let rels = zip.relationships(&main)?;
    let part = |kind: &str| -> Result<Option<Vec<u8>>> {
        match rels.iter().find(|(t, _)| t == kind) {
            Some((_, target)) => zip.read(target),
            None => Ok(None),
        }
    };
    let numbering = part("numbering")?;
    let styles = part("styles")?;
    let text = extract_parts(
        &xml_text(&document),
        &xml_text(numbering.as_deref().unwrap_or_default()),
        &xml_text(styles.as_deref().unwrap_or_default()),
    );
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            bytes: text.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(text)
}

/// The text of a Word document given the XML of its parts: the main document, the
/// numbering definitions and the styles (empty when the document has none).
pub fn extract_parts(document: &str, numbering: &str, styles: &str) -> String {
    Body::new(&Numbering::parse(numbering), &Styles::parse(styles)).read(document)
}

fn damaged(why: &str) -> Error {
    Error::Input {
        message: format!("the Word document is damaged ({why}); open it in Word and save it again, or copy its text"),
    }
}

/// A ZIP archive that is not a Word document, named by what it holds.
fn not_a_word_document(zip: &Zip) -> Error {
    let message = if zip.entry("xl/workbook.xml").is_some() {
        "Excel workbooks (.xlsx) are not read: copy the cells as text"
    } else if zip.entry("ppt/presentation.xml").is_some() {
        "PowerPoint files (.pptx) are not read: copy the slides' text"
    } else if zip.entry("content.xml").is_some() {
        "OpenDocument files (.odt) are not read: save the document as .docx or plain text"
    } else {
        "it is a ZIP archive, not a Word document (.docx): unpack it and open the report inside"
    };
    Error::Input {
        message: message.into(),
    }
}

/// The text of an XML part: UTF-8, or UTF-16 with a byte-order mark.
fn xml_text(bytes: &[u8]) -> Cow<'_, str> {
    let utf16 = |big_endian: bool| {
        let chars = crate::intake::utf16_chars(&bytes[2..], big_endian);
        Cow::Owned(chars.map(|c| c.unwrap_or('\u{FFFD}')).collect())
    };
    match bytes {
        [0xFF, 0xFE, ..] => utf16(false),
        [0xFE, 0xFF, ..] => utf16(true),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest),
        _ => String::from_utf8_lossy(bytes),
    }
}

// ---------------------------------------------------------------------------------------
// The archive.

struct Zip<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry<'a>>,
}

struct Entry<'a> {
    name: &'a [u8],
    method: u16,
    flags: u16,
    compressed: usize,
    size: usize,
    local_header: usize,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize)
}

impl<'a> Zip<'a> {
    /// Reads the central directory.
    fn open(bytes: &'a [u8]) -> Result<Zip<'a>> {
        const END: &[u8] = b"PK\x05\x06";
        let search_from = bytes.len().saturating_sub(22 + 0xFFFF);
        let end = bytes[search_from..]
            .windows(4)
            .rposition(|w| w == END)
            .map(|i| search_from + i)
            .ok_or_else(|| damaged("no ZIP directory; the file may be cut short"))?;
        let count = u16_at(bytes, end + 10).ok_or_else(|| damaged("short ZIP directory"))?;
        let mut at = u32_at(bytes, end + 16).ok_or_else(|| damaged("short ZIP directory"))?;
        if at == 0xFFFF_FFFF {
            return Err(damaged("ZIP64 archives are not read"));
        }
        let mut entries = Vec::with_capacity(usize::from(count).min(4096));
        for _ in 0..count {
            let read = || -> Option<(Entry<'a>, usize)> {
                if bytes.get(at..at + 4)? != b"PK\x01\x02" {
                    return None;
                }
                let name_len = usize::from(u16_at(bytes, at + 28)?);
                let extra = usize::from(u16_at(bytes, at + 30)?);
                let comment = usize::from(u16_at(bytes, at + 32)?);
                let entry = Entry {
                    flags: u16_at(bytes, at + 8)?,
                    method: u16_at(bytes, at + 10)?,
                    compressed: u32_at(bytes, at + 20)?,
                    size: u32_at(bytes, at + 24)?,
                    local_header: u32_at(bytes, at + 42)?,
                    name: bytes.get(at + 46..at + 46 + name_len)?,
                };
                Some((entry, at + 46 + name_len + extra + comment))
            };
            let (entry, next) = read().ok_or_else(|| damaged("a broken ZIP directory entry"))?;
            entries.push(entry);
            at = next;
        }
        Ok(Zip { bytes, entries })
    }

    fn entry(&self, name: &str) -> Option<&Entry<'a>> {
        self.entries
            .iter()
            .find(|e| e.name.eq_ignore_ascii_case(name.as_bytes()))
    }

    /// The inflated bytes of the part at `name`, `None` when the archive has no such part.
    fn read(&self, name: &str) -> Result<Option<Vec<u8>>> {
        let Some(e) = self.entry(name) else {
            return Ok(None);
        };
        if e.flags & 1 != 0 {
            return Err(Error::Input {
                message: "the Word document is encrypted: open it in Word, remove the password and save it again".into(),
            });
        }
        let data = || -> Option<&[u8]> {
            let at = e.local_header;
            if self.bytes.get(at..at + 4)? != b"PK\x03\x04" {
                return None;
            }
            let start = at
                + 30
                + usize::from(u16_at(self.bytes, at + 26)?)
                + usize::from(u16_at(self.bytes, at + 28)?);
            self.bytes.get(start..start.checked_add(e.compressed)?)
        };
        let data = data().ok_or_else(|| damaged("a part lies outside the file"))?;
        match e.method {
            0 => Ok(Some(data.to_vec())),
            8 => {
                if e.size > MAX_PART_BYTES {
                    return Err(too_large(e.size));
                }
                miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_PART_BYTES)
                    .map(Some)
                    .map_err(|err| match err.status {
                        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                            too_large(MAX_PART_BYTES + 1)
                        }
                        _ => damaged("a part does not inflate"),
                    })
            }
            m => Err(damaged(&format!("compression method {m} is not read"))),
        }
    }

    /// `(type, target)` of the relationships of a part, `type` being the last segment of
    /// the relationship type URI (`officeDocument`, `numbering`, `styles`) and `target` a
    /// path inside the archive.
    fn relationships(&self, part: &str) -> Result<Vec<(String, String)>> {
        let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
        let rels_path = if dir.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{dir}/_rels/{file}.rels")
        };
        let Some(xml) = self.read(&rels_path)? else {
            return Ok(Vec::new());
        };
        let xml = xml_text(&xml);
        let mut rels = Vec::new();
        for token in Tokens::xml(&xml) {
            if let Token::Start {
                name: "Relationship",
                attrs,
                ..
            } = token
            {
                let kind = attr(attrs, "Type").unwrap_or_default();
                let target = attr(attrs, "Target").unwrap_or_default();
                if attr(attrs, "TargetMode").as_deref() == Some("External") {
                    continue;
                }
                let kind = kind.rsplit('/').next().unwrap_or_default().to_string();
                rels.push((kind, resolve(dir, &target)));
            }
        }
        Ok(rels)
    }

    /// The path of the main document part.
    fn main_document(&self) -> Option<String> {
        let rels = self.relationships("").ok()?;
        let found = rels
            .into_iter()
            .find(|(kind, _)| kind == "officeDocument")
            .map(|(_, target)| target);
        match found {
            Some(target) if self.entry(&target).is_some() => Some(target),
            _ => self
                .entry("word/document.xml")
                .map(|_| "word/document.xml".into()),
        }
    }
}

/// A relationship target resolved against the directory of its source part.
fn resolve(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_string();
    } else {
        dir.split('/').filter(|p| !p.is_empty()).collect()
    };
    for piece in target.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn too_large(bytes: usize) -> Error {
    Error::TooLarge {
        bytes,
        limit: MAX_PART_BYTES,
    }
}

// ---------------------------------------------------------------------------------------
// Numbering and styles.

#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    suffix: String,
    /// Writes every level's number in Arabic digits (`isLgl`).
    legal: bool,
}

/// A small map by string id. Documents define tens of lists and styles, so a vector
/// searched in order is fast enough, and much smaller in the wasm build than a hash map.
#[derive(Debug)]
struct ById<V>(Vec<(String, V)>);

impl<V> Default for ById<V> {
    fn default() -> Self {
        ById(Vec::new())
    }
}

impl<V: Default> ById<V> {
    fn get(&self, id: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, v)| v)
    }

    fn entry(&mut self, id: &str) -> &mut V {
        let i = match self.0.iter().position(|(k, _)| k == id) {
            Some(i) => i,
            None => {
                self.0.push((id.to_string(), V::default()));
                self.0.len() - 1
            }
        };
        &mut self.0[i].1
    }
}

#[derive(Debug, Default)]
struct Numbering {
    /// The levels of each abstract numbering.
    abstracts: ById<Vec<Level>>,
    /// numId → (abstractNumId, start overrides by level).
    nums: ById<(String, Vec<(usize, u32)>)>,
}

/// `(numId, ilvl)` of a paragraph's numbering properties.
#[derive(Debug, Clone, Default, PartialEq)]
struct NumPr {
    id: Option<String>,
    level: Option<usize>,
}

impl Numbering {
    fn parse(xml: &str) -> Numbering {
        let mut n = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut override_level: Option<usize> = None;
        let mut level: Option<(usize, Level)> = None;
        for token in Tokens::xml(xml) {
            match token {
                Token::Start { name, attrs, .. } => {
                    let val = || {
                        attr(attrs, "w:val")
                            .map(Cow::into_owned)
                            .unwrap_or_default()
                    };
                    match name {
                        "w:abstractNum" => {
                            abstract_id = attr(attrs, "w:abstractNumId").map(Cow::into_owned)
                        }
                        "w:num" => num_id = attr(attrs, "w:numId").map(Cow::into_owned),
                        "w:lvl" => {
                            let ilvl = attr(attrs, "w:ilvl")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(0);
                            let lvl = Level {
                                start: 1,
                                format: "decimal".into(),
                                suffix: "tab".into(),
                                ..Level::default()
                            };
                            level = Some((ilvl, lvl));
                        }
                        "w:lvlOverride" => {
                            override_level = attr(attrs, "w:ilvl").and_then(|v| v.parse().ok())
                        }
                        "w:abstractNumId" => {
                            if let Some(id) = &num_id {
                                n.nums.entry(id).0 = val();
                            }
                        }
                        "w:startOverride" => {
                            if let (Some(id), Some(l)) = (&num_id, override_level) {
                                let start = val().parse().unwrap_or(1);
                                n.nums.entry(id).1.push((l, start));
                            }
                        }
                        _ => {
                            if let Some((_, lvl)) = &mut level {
                                match name {
                                    "w:start" => lvl.start = val().parse().unwrap_or(1),
                                    "w:numFmt" => lvl.format = val(),
                                    "w:lvlText" => lvl.text = val(),
                                    "w:suff" => lvl.suffix = val(),
                                    "w:isLgl" => lvl.legal = val() != "0" && val() != "false",
                                    _ => {}
                                }
                            }
                        }
                    }
                }
                Token::End { name } => match name {
                    "w:lvl" => {
                        if let (Some(id), Some((ilvl, lvl))) = (&abstract_id, level.take()) {
                            let levels = n.abstracts.entry(id);
                            if ilvl < 9 {
                                if levels.len() <= ilvl {
                                    levels.resize(ilvl + 1, Level::default());
                                }
                                levels[ilvl] = lvl;
                            }
                        }
                    }
                    "w:abstractNum" => abstract_id = None,
                    "w:num" => num_id = None,
                    "w:lvlOverride" => override_level = None,
                    _ => {}
                },
                _ => {}
            }
        }
        n
    }
}

/// Paragraph styles that carry numbering, with their `basedOn` chain.
#[derive(Debug, Default)]
struct Styles {
    /// styleId → (numbering, basedOn).
    styles: ById<(NumPr, Option<String>)>,
}

impl Styles {
    fn parse(xml: &str) -> Styles {
        let mut s = Styles::default();
        let mut current: Option<(String, NumPr, Option<String>)> = None;
        for token in Tokens::xml(xml) {
            match token {
                Token::Start { name, attrs, .. } => {
                    let val = || attr(attrs, "w:val").map(Cow::into_owned);
                    match (name, &mut current) {
                        ("w:style", _) => {
                            current = attr(attrs, "w:styleId")
                                .map(|id| (id.into_owned(), NumPr::default(), None));
                        }
                        ("w:basedOn", Some(c)) => c.2 = val(),
                        ("w:numId", Some(c)) => c.1.id = val(),
                        ("w:ilvl", Some(c)) => c.1.level = val().and_then(|v| v.parse().ok()),
                        _ => {}
                    }
                }
                Token::End { name: "w:style" } => {
                    if let Some((id, num, based_on)) = current.take() {
                        *s.styles.entry(&id) = (num, based_on);
                    }
                }
                _ => {}
            }
        }
        s
    }

    /// The numbering a paragraph style gives, following `basedOn`.
    fn numbering(&self, style: &str) -> NumPr {
        let mut found = NumPr::default();
        let mut id = style;
        for _ in 0..16 {
            let Some((num, based_on)) = self.styles.get(id) else {
                break;
            };
            found.id = found.id.or_else(|| num.id.clone());
            found.level = found.level.or(num.level);
            match based_on {
                Some(b) => id = b,
                None => break,
            }
        }
        found
    }
}

/// The running counters of the lists, by abstract numbering, and the numbers already seen
/// (so a start override applies when its list first appears).
#[derive(Default)]
struct Counters {
    by_list: ById<[Option<u32>; 9]>,
    seen_nums: Vec<String>,
}

impl Numbering {
    /// The label Word shows before a paragraph with numbering `num`, advancing the count.
    fn label(&self, num: &NumPr, counters: &mut Counters) -> String {
        let (Some(id), level) = (&num.id, num.level.unwrap_or(0).min(8)) else {
            return String::new();
        };
        let Some((abstract_id, overrides)) = self.nums.get(id) else {
            return String::new();
        };
        let Some(levels) = self.abstracts.get(abstract_id) else {
            return String::new();
        };
        let counts = counters.by_list.entry(abstract_id);
        if !counters.seen_nums.contains(id) {
            counters.seen_nums.push(id.clone());
            for &(l, start) in overrides {
                if l < 9 {
                    counts[l] = Some(start.saturating_sub(1));
                }
            }
        }
        let start = |l: usize| levels.get(l).map_or(1, |lvl| lvl.start);
        counts[level] = Some(counts[level].map_or(start(level), |c| c.saturating_add(1)));
        for deeper in counts.iter_mut().skip(level + 1) {
            *deeper = None;
        }
        let Some(lvl) = levels.get(level) else {
            return String::new();
        };
        if lvl.format == "bullet" {
            return String::new();
        }
        let mut label = String::new();
        let mut chars = lvl.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let l = d as usize - 1;
                    let n = counts[l].unwrap_or_else(|| start(l));
                    let format = match levels.get(l) {
                        _ if lvl.legal => "decimal",
                        Some(other) => other.format.as_str(),
                        None => "decimal",
                    };
                    label.push_str(&format_number(n, format));
                }
                _ => label.push(c),
            }
        }
        if label.is_empty()
            || lvl.suffix == "nothing"
            || label.ends_with(['、', '，', '．', '：', '）', ')', '〕', '】'])
        {
            return label;
        }
        label.push(' ');
        label
    }
}

/// A list number in one of Word's formats (`numFmt`).
fn format_number(n: u32, format: &str) -> String {
    const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    const TIANGAN: &str = "甲乙丙丁戊己庚辛壬癸";
    const DIZHI: &str = "子丑寅卯辰巳午未申酉戌亥";
    let nth = |set: &str| {
        let i = n.checked_sub(1)? as usize;
        set.chars().nth(i).map(String::from)
    };
    let formatted = match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "ideographLegalTraditional" => Some(chinese(n, false)),
        "chineseLegalSimplified" => Some(chinese(n, true)),
        "ideographDigital" | "japaneseDigitalTenThousand" | "taiwaneseDigital" => Some(
            n.to_string()
                .chars()
                .map(|d| {
                    "〇一二三四五六七八九"
                        .chars()
                        .nth(d.to_digit(10).unwrap_or(0) as usize)
                        .unwrap_or('〇')
                })
                .collect(),
        ),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => nth(CIRCLED),
        "ideographTraditional" => nth(TIANGAN),
        "ideographZodiac" => nth(DIZHI),
        "decimalFullWidth" | "decimalFullWidth2" => Some(
            n.to_string()
                .chars()
                .map(|d| char::from_u32(d as u32 - '0' as u32 + '０' as u32).unwrap_or(d))
                .collect(),
        ),
        "decimalZero" if n < 10 => Some(format!("0{n}")),
        "upperLetter" | "lowerLetter" => {
            let letter = char::from(b'A' + ((n.max(1) - 1) % 26) as u8);
            let repeat = ((n.max(1) - 1) / 26 + 1).min(16) as usize;
            let s = letter.to_string().repeat(repeat);
            Some(if format == "lowerLetter" {
                s.to_ascii_lowercase()
            } else {
                s
            })
        }
        "upperRoman" | "lowerRoman" if (1..4000).contains(&n) => {
            let s = roman(n);
            Some(if format == "lowerRoman" {
                s.to_ascii_lowercase()
            } else {
                s
            })
        }
        "none" => Some(String::new()),
        _ => None,
    };
    formatted.unwrap_or_else(|| n.to_string())
}

/// `n` in Chinese numerals as list numbers are written: 一, 十, 十一, 二十, 一百零一;
/// `legal` uses the financial forms 壹, 拾.
fn chinese(n: u32, legal: bool) -> String {
    let (digits, units): (Vec<char>, [&str; 4]) = if legal {
        (
            "零壹贰叁肆伍陆柒捌玖".chars().collect(),
            ["", "拾", "佰", "仟"],
        )
    } else {
        (
            "零一二三四五六七八九".chars().collect(),
            ["", "十", "百", "千"],
        )
    };
    if n == 0 {
        return digits[0].to_string();
    }
    if n >= 10_000 {
        let high = chinese(n / 10_000, legal);
        let low = n % 10_000;
        let mut s = format!("{high}万");
        if low > 0 {
            if low < 1000 {
                s.push(digits[0]);
            }
            s.push_str(&chinese(low, legal));
        }
        return s;
    }
    let mut s = String::new();
    let mut zero = false;
    for place in (0..4).rev() {
        let d = (n / 10u32.pow(place)) % 10;
        if d == 0 {
            zero = !s.is_empty();
            continue;
        }
        if zero {
            s.push(digits[0]);
            zero = false;
        }
        // 十一, not 一十一, when ten leads the number.
        if !(d == 1 && place == 1 && s.is_empty() && !legal) {
            s.push(digits[d as usize]);
        }
        s.push_str(units[place as usize]);
    }
    s
}

fn roman(mut n: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            s.push_str(numeral);
            n -= value;
        }
    }
    s
}

// ---------------------------------------------------------------------------------------
// The body.

/// A paragraph being read: its text and numbering.
#[derive(Default)]
struct Paragraph {
    text: String,
    num: NumPr,
    style: Option<String>,
}

struct Body<'n> {
    numbering: &'n Numbering,
    styles: &'n Styles,
    counters: Counters,
    out: String,
    /// Paragraphs open, innermost last (a text box's paragraphs sit inside another one).
    paragraphs: Vec<Paragraph>,
    /// Tables open: the cells of the current row of each, and the cell being read.
    tables: Vec<(Vec<String>, String)>,
    /// Elements whose content is skipped, by name, with their nesting depth.
    skipping: Option<(&'static str, usize)>,
    in_text: bool,
    in_run: usize,
    in_ppr: bool,
}

/// Elements whose whole content is not the document's text.
const SKIPPED: [&str; 7] = [
    "w:del",
    "w:delText",
    "w:instrText",
    "mc:Fallback",
    "w:pPrChange",
    "w:rPrChange",
    "w:footnoteReference",
];

impl<'n> Body<'n> {
    fn new(numbering: &'n Numbering, styles: &'n Styles) -> Self {
        Body {
            numbering,
            styles,
            counters: Counters::default(),
            out: String::new(),
            paragraphs: Vec::new(),
            tables: Vec::new(),
            skipping: None,
            in_text: false,
            in_run: 0,
            in_ppr: false,
        }
    }

    fn read(mut self, xml: &str) -> String {
        for token in Tokens::xml(xml) {
            if let Some((skipped, depth)) = &mut self.skipping {
                match token {
                    Token::Start {
                        name,
                        self_closing: false,
                        ..
                    } if name == *skipped => *depth += 1,
                    Token::End { name } if name == *skipped => {
                        *depth -= 1;
                        if *depth == 0 {
                            self.skipping = None;
                        }
                    }
                    _ => {}
                }
                continue;
            }
            match token {
                Token::Start {
                    name,
                    attrs,
                    self_closing,
                } => self.start(name, attrs, self_closing),
                Token::End { name } => self.end(name),
                Token::Text(text) if self.in_text => {
                    let text = decode_entities(text);
                    self.push_text(&text);
                }
                Token::Raw(text) if self.in_text => self.push_text(text),
                _ => {}
            }
        }
        // Whatever an unclosed document left open.
        while !self.paragraphs.is_empty() {
            self.end("w:p");
        }
        while !self.tables.is_empty() {
            self.end("w:tbl");
        }
        let trimmed = self.out.trim_end_matches('\n').len();
        self.out.truncate(trimmed);
        self.out.push('\n');
        self.out
    }

    fn push_text(&mut self, text: &str) {
        match self.paragraphs.last_mut() {
            Some(p) => p.text.push_str(text),
            None => self.out.push_str(text),
        }
    }

    fn start(&mut self, name: &str, attrs: &str, self_closing: bool) {
        if let Some(&skipped) = SKIPPED.iter().find(|&&s| s == name) {
            if !self_closing {
                self.skipping = Some((skipped, 1));
            }
            return;
        }
        let val = || attr(attrs, "w:val");
        match name {
            "w:p" => {
                self.paragraphs.push(Paragraph::default());
                if self_closing {
                    self.end("w:p");
                }
            }
            "w:pPr" if !self_closing => self.in_ppr = true,
            "w:pStyle" if self.in_ppr => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.style = val().map(Cow::into_owned);
                }
            }
            "w:numId" if self.in_ppr => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.num.id = val().map(Cow::into_owned);
                }
            }
            "w:ilvl" if self.in_ppr => {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.num.level = val().and_then(|v| v.parse().ok());
                }
            }
            "w:r" if !self_closing => self.in_run += 1,
            "w:t" if !self_closing => self.in_text = true,
            "w:tab" if self.in_run > 0 => self.push_text("\t"),
            "w:br" | "w:cr" if self.in_run > 0 => self.push_text("\n"),
            "w:noBreakHyphen" => self.push_text("-"),
            "w:tbl" if !self_closing => self.tables.push((Vec::new(), String::new())),
            "w:tc" if !self_closing => {
                if let Some((_, cell)) = self.tables.last_mut() {
                    cell.clear();
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "w:pPr" => self.in_ppr = false,
            "w:r" => self.in_run = self.in_run.saturating_sub(1),
            "w:t" => self.in_text = false,
            "w:p" => {
                let Some(p) = self.paragraphs.pop() else {
                    return;
                };
                let mut num = p.num;
                if let Some(style) = &p.style {
                    let from_style = self.styles.numbering(style);
                    num.id = num.id.or(from_style.id);
                    num.level = num.level.or(from_style.level);
                }
                let label = if num.id.as_deref().is_some_and(|id| id != "0") {
                    self.numbering.label(&num, &mut self.counters)
                } else {
                    String::new()
                };
                let line = label + &p.text;
                match self.tables.last_mut() {
                    Some((_, cell)) => {
                        if !cell.is_empty() && !line.is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(&line.replace(['\n', '\t'], " "));
                    }
                    // A text box's paragraph, too, is a line of its own, before the
                    // paragraph that anchors it.
                    None => {
                        self.out.push_str(&line);
                        self.out.push('\n');
                    }
                }
            }
            "w:tc" => {
                if let Some((row, cell)) = self.tables.last_mut() {
                    row.push(std::mem::take(cell).trim().to_string());
                }
            }
            "w:tr" => {
                if let Some((row, _)) = self.tables.last_mut() {
                    let line = std::mem::take(row).join("\t");
                    self.out.push_str(line.trim_end_matches('\t'));
                    self.out.push('\n');
                }
            }
            "w:tbl" => {
                let Some((row, cell)) = self.tables.pop() else {
                    return;
                };
                // A table inside a cell: its text joins the outer cell.
                let rest = row.join(" ") + &cell;
                if let Some((_, outer)) = self.tables.last_mut() {
                    outer.push_str(&rest);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_list_numbers() {
        let cases = [
            (1, "一"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (1005, "一千零五"),
            (10001, "一万零一"),
        ];
        for (n, s) in cases {
            assert_eq!(chinese(n, false), s, "{n}");
        }
        assert_eq!(chinese(12, true), "壹拾贰");
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(25, "decimalEnclosedCircle"), "25");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
        assert_eq!(format_number(28, "upperLetter"), "BB");
        assert_eq!(format_number(14, "lowerRoman"), "xiv");
        assert_eq!(format_number(7, "somethingNew"), "7");
    }

    #[test]
    fn relationship_targets_resolve() {
        assert_eq!(resolve("word", "numbering.xml"), "word/numbering.xml");
        assert_eq!(
            resolve("word", "../customXml/item.xml"),
            "customXml/item.xml"
        );
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(resolve("word", "/word/styles.xml"), "word/styles.xml");
    }

    use super::extract_parts as body;

    const NUMBERING: &str = r#"<w:numbering>
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    </w:numbering>"#;

    fn para(num: Option<(u32, u32)>, text: &str) -> String {
        let ppr = num.map_or(String::new(), |(id, l)| {
            format!(
                r#"<w:pPr><w:numPr><w:ilvl w:val="{l}"/><w:numId w:val="{id}"/></w:numPr></w:pPr>"#
            )
        });
        format!("<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    #[test]
    fn numbering_is_written_out_as_word_shows_it() {
        let xml = [
            para(Some((1, 0)), "总体情况"),
            para(Some((1, 1)), "大气"),
            para(Some((1, 2)), "优良天数287天"),
            para(Some((1, 2)), "重污染天数0天"),
            para(Some((1, 1)), "水"),
            para(Some((1, 0)), "存在问题"),
            para(Some((1, 1)), "短板"),
            para(None, "正文。"),
        ]
        .concat();
        assert_eq!(
            body(&xml, NUMBERING, ""),
            "一、总体情况\n（一）大气\n1. 优良天数287天\n2. 重污染天数0天\n（二）水\n二、存在问题\n（一）短板\n正文。\n"
        );
    }

    #[test]
    fn start_override_and_style_numbering() {
        let styles = r#"<w:styles><w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
            <w:style w:styleId="H1x"><w:basedOn w:val="H1"/></w:style></w:styles>"#;
        let xml =
            r#"<w:p><w:pPr><w:pStyle w:val="H1x"/></w:pPr><w:r><w:t>工作计划</w:t></w:r></w:p>"#;
        assert_eq!(body(xml, NUMBERING, styles), "五、工作计划\n");
    }

    #[test]
    fn tables_tabs_breaks_and_what_is_not_text() {
        let xml = r#"<w:body>
          <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">PM</w:t></w:r><w:r><w:t>2.5</w:t><w:tab/><w:t>32</w:t><w:br/><w:t>下一行</w:t></w:r></w:p>
          <w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText><w:t>&amp;&lt;</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>
          <w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>数值</w:t></w:r></w:p><w:p><w:r><w:t>(天)</w:t></w:r></w:p></w:tc></w:tr>
                 <w:tr><w:tc><w:p><w:r><w:t>优良天数</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>287</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
          <w:p/>
          <mc:AlternateContent><mc:Choice><w:p><w:r><w:t>文本框</w:t></w:r></w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>文本框</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>
        </w:body>"#;
        assert_eq!(
            body(xml, "", ""),
            "PM2.5\t32\n下一行\n保留&<\n指标\t数值 (天)\n优良天数\t287\n\n文本框\n"
        );
    }

    #[test]
    fn broken_documents_do_not_fail() {
        for xml in [
            "<w:p><w:r><w:t>未闭合",
            "</w:p></w:tbl></w:tc>",
            "<w:tbl><w:tr><w:tc><w:p>",
            "<w:del>",
        ] {
            let _ = body(xml, NUMBERING, "");
        }
        assert!(extract(b"PK\x03\x04 not really")
            .unwrap_err()
            .to_string()
            .contains("damaged"));
        assert!(extract(b"").is_err());
    }
}
