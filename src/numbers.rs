//! Numbers: every numeral of the normalized text, what form it has and what role it plays.
//!
//! A [`Mention`] is a numeral with what belongs to it: an approximation marker before or
//! after (`约`, `近`, `余`, `多`, `左右`), the `万`/`亿` folded into its value, and the unit
//! or measure word that follows (`家`, `微克/立方米`, `家（次）`, `个百分点`). Its
//! [`Role`] says what it is: a quantity, a date, an ordinal, part of a name (`十四五`,
//! `PM2.5`, `“六个结合”`), a heading label, or an indefinite `一` (`一项重要任务`).
//! Whether a quantity is an indicator, a comparison or a rank is decided later, in
//! [`crate::indicators`].

use serde::Serialize;

use crate::chars::{
    chinese_big_unit, chinese_digit, is_chinese_numeral, is_placeholder_letter, is_space,
};
use crate::lexicon::{Lexicon, Qualifier, UnitCategory};
use crate::numerals::{parse_chinese, parse_number};
use crate::offset_map::{Normalized, Span};

/// The written form of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    Integer,
    Decimal,
    Percent,
    Fraction,
    Ordinal,
    Placeholder,
    Year,
    Month,
    Day,
    Date,
    Time,
    Code,
}

/// What a number is in its context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A counted or measured fact with a unit.
    Quantity,
    /// A date, year, month, day or time.
    Date,
    /// 第三批, 十九届: an ordinal.
    Ordinal,
    /// Part of a name: 十四五, “六个结合”, 《…2021年…》, 五位一体.
    Name,
    /// Part of a code or formula: PM2.5, NO2, DB51/2672, 3D.
    Code,
    /// A heading label: 1. or （一）.
    Label,
    /// An indefinite 一 (一项重要任务, 一批).
    Indefinite,
    /// A number without a unit.
    Bare,
}

/// A unit found after a number.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitFound {
    pub span: Span<Normalized>,
    /// The unit as written, without 万/亿 (元 for 10万元).
    pub text: String,
    /// The unit as written, with 万/亿 (万元).
    pub written: String,
    pub canonical: String,
    pub category: UnitCategory,
}

/// A number of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The numeral with its markers and unit.
    pub span: Span<Normalized>,
    /// The numeral alone, 万/亿 included.
    pub number: Span<Normalized>,
    /// The value in the unit (3.5万口 → 35000); `None` for placeholders.
    pub value: Option<f64>,
    pub kind: MentionKind,
    pub role: Role,
    pub unit: Option<UnitFound>,
    pub qualifier: Option<Qualifier>,
    /// Written with Chinese numerals.
    pub chinese: bool,
}

impl Mention {
    pub fn is_placeholder(&self) -> bool {
        self.kind == MentionKind::Placeholder
    }
}

/// Finds every number of `text`. `labels` are the spans of heading labels.
pub fn find(text: &str, labels: &[Span<Normalized>], lex: &Lexicon) -> Vec<Mention> {
    const OPEN_QUOTE: &[u8] = "“".as_bytes();
    const CLOSE_QUOTE: &[u8] = "”".as_bytes();
    const OPEN_TITLE: &[u8] = "《".as_bytes();
    const CLOSE_TITLE: &[u8] = "》".as_bytes();
    const OPEN_PAREN: &[u8] = "（".as_bytes();
    let ctx = Context { text, lex, labels };
    let mut out: Vec<Mention> = Vec::with_capacity(text.len() / 96);
    let bytes = text.as_bytes();
    // names the numbers may stand in: “short quotations” (decided when they close),
    // 《book titles》, and （三次回收）: short brackets opening with a Chinese numeral
    let mut quote: Option<(usize, usize)> = None; // (start, index of the first mention after it)
    let mut in_title = false;
    let mut paren_name_end = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let next = if b.is_ascii_digit() {
            ctx.arabic(i, out.last())
        } else if b < 0x80 {
            if b == b'\n' {
                quote = None;
                in_title = false;
            }
            if is_placeholder_letter(b as char) && ctx.placeholder_start(i) {
                ctx.arabic(i, out.last())
            } else {
                Scan::Skip(i + 1)
            }
        } else if (0xE2..=0xEF).contains(&b) && i + 2 < bytes.len() {
            let rest = &bytes[i..];
            if matches!(b, 0xE2 | 0xE3 | 0xEF) {
                // punctuation and symbols: the marks that enclose names
                if rest.starts_with(OPEN_QUOTE) {
                    quote = Some((i, out.len()));
                } else if rest.starts_with(CLOSE_QUOTE) {
                    if let Some((s, first)) = quote.take() {
                        if text[s..i].chars().count() <= 17 {
                            for m in &mut out[first..] {
                                if m.role != Role::Label {
                                    m.role = Role::Name;
                                }
                            }
                        }
                    }
                } else if rest.starts_with(OPEN_TITLE) {
                    in_title = true;
                } else if rest.starts_with(CLOSE_TITLE) {
                    in_title = false;
                } else if rest.starts_with(OPEN_PAREN) {
                    let from = i + 3;
                    let inner = &text[from..crate::normalize::floor_boundary(text, from + 24)];
                    if let Some(close) = inner.find('）') {
                        let content = &inner[..close];
                        if content.chars().count() <= 6 && content.starts_with(is_chinese_numeral) {
                            paren_name_end = from + close;
                        }
                    }
                }
            }
            // a three-byte character: decode it by hand, most are not numerals
            let code = ((b as u32 & 0x0F) << 12)
                | ((bytes[i + 1] as u32 & 0x3F) << 6)
                | (bytes[i + 2] as u32 & 0x3F);
            match char::from_u32(code) {
                Some(c) if is_chinese_numeral(c) => ctx.chinese(i),
                _ => Scan::Skip(i + 3),
            }
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c == '×' && ctx.placeholder_start(i) {
                ctx.arabic(i, out.last())
            } else if is_chinese_numeral(c) {
                ctx.chinese(i)
            } else {
                Scan::Skip(i + c.len_utf8())
            }
        };
        match next {
            Scan::Skip(n) => i = n.max(i + 1),
            Scan::Found(mut m, n) => {
                if (in_title || m.number.start < paren_name_end) && m.role != Role::Label {
                    m.role = Role::Name;
                }
                out.push(m);
                i = n.max(i + 1);
            }
        }
        while i < bytes.len() && (bytes[i] & 0xC0) == 0x80 {
            i += 1;
        }
    }
    link_ranges(text, &mut out);
    out
}

enum Scan {
    Skip(usize),
    Found(Mention, usize),
}

struct Context<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    labels: &'a [Span<Normalized>],
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

impl<'a> Context<'a> {
    /// Whether the numeral at `start..end` stands in a numbered name or slogan.
    fn in_name(&self, start: usize, end: usize) -> bool {
        // numbered names and slogans (五位一体, 日最大8小时), which start at most four
        // characters before the number
        let mut pos = start;
        for _ in 0..=4 {
            if let Some((len, _)) = self.lex.numbered_name.longest_at(self.text, pos) {
                if pos + len >= end {
                    return true;
                }
            }
            match char_before(self.text, pos) {
                Some(c) if self.lex.numbered_name_chars.may_contain(c) => pos -= c.len_utf8(),
                _ => break,
            }
        }
        false
    }

    fn in_label(&self, start: usize) -> bool {
        let k = self.labels.partition_point(|l| l.start <= start);
        k > 0 && self.labels[k - 1].end > start
    }

    /// Whether a placeholder letter at `i` starts a number (not a word like NOx or max).
    fn placeholder_start(&self, i: usize) -> bool {
        !char_before(self.text, i).is_some_and(|c| c.is_ascii_alphanumeric())
    }

    /// An Arabic (or placeholder) numeral at `i`.
    fn arabic(&self, i: usize, prev: Option<&Mention>) -> Scan {
        let text = self.text;
        let b = text.as_bytes();
        let is_digitish = |j: usize| -> Option<usize> {
            let c = char_at(text, j)?;
            (c.is_ascii_digit() || is_placeholder_letter(c)).then(|| c.len_utf8())
        };
        // integer part with thousands groups
        let mut j = i;
        while let Some(l) = is_digitish(j) {
            j += l;
        }
        loop {
            if b.get(j) == Some(&b',')
                && b.get(j + 1..j + 4)
                    .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                && !b.get(j + 4).is_some_and(u8::is_ascii_digit)
            {
                j += 4;
            } else {
                break;
            }
        }
        // decimals
        if b.get(j) == Some(&b'.') && is_digitish(j + 1).is_some() {
            j += 1;
            while let Some(l) = is_digitish(j) {
                j += l;
            }
        }
        let num = &text[i..j];
        let placeholder = num.chars().any(is_placeholder_letter);
        let before = char_before(text, i);
        let after = char_at(text, j);

        // codes: PM2.5, NO2, DB51/2672, GB3095-2012, 3D, 5G
        let letter_before = before.is_some_and(|c| c.is_ascii_alphabetic());
        let code_chain = matches!(before, Some('/' | '-' | '.'))
            && prev.is_some_and(|p| p.role == Role::Code && p.span.end + 1 == i);
        let unit_here =
            self.unit_at(j).is_some() || (placeholder && lost_exponent(&text[j..]).is_some());
        let letter_after = after.is_some_and(|c| c.is_ascii_alphabetic()) && !unit_here;
        if letter_before || code_chain || (letter_after && !placeholder) {
            let mut end = j;
            while let Some(c) = char_at(text, end).filter(|c| c.is_ascii_alphanumeric()) {
                end += c.len_utf8();
            }
            return Scan::Found(
                self.simple(i, end, None, MentionKind::Code, Role::Code),
                end,
            );
        }
        if placeholder && letter_after {
            // xD气溶胶雷达: a placeholder inside a code
            let end = j + after.map_or(0, char::len_utf8);
            return Scan::Found(
                self.simple(i, end, None, MentionKind::Code, Role::Code),
                end,
            );
        }

        // times and ISO dates: 14:48, 2020-05-13, 2020.5.13
        if !placeholder {
            if let Some(end) = self.time_or_date(i, j) {
                return end;
            }
        }

        let mut value = if placeholder { None } else { parse_number(num) };
        let mut num_end = j;
        // 万/亿 (and 千 before a unit or 万): 3.5万, 3万4000, 1,100万, 5千元
        let mut multiplier = 1.0;
        if let Some(c) = char_at(text, j) {
            let big = chinese_big_unit(c).or_else(|| {
                (c == '千'
                    && (self.unit_at(j + 3).is_some()
                        || char_at(text, j + 3).is_some_and(|n| chinese_big_unit(n).is_some())))
                .then_some(1e3)
            });
            if let Some(u) = big {
                multiplier = u;
                num_end = j + c.len_utf8();
                // 3万4000
                let rest_digits = text[num_end..]
                    .bytes()
                    .take_while(u8::is_ascii_digit)
                    .count();
                if rest_digits > 0 && u >= 1e4 && !placeholder {
                    let full = &text[i..num_end + rest_digits];
                    if let Some(v) = parse_number(full) {
                        value = Some(v);
                        multiplier = 1.0;
                        num_end += rest_digits;
                    }
                } else if let Some(v) = value {
                    value = Some(v * u);
                }
                // 2千万
                if let Some(c2) = char_at(text, num_end).and_then(chinese_big_unit) {
                    if u == 1e3 {
                        value = value.map(|v| v * c2);
                        multiplier *= c2;
                        num_end += 3;
                    }
                }
            }
        }
        let kind = if placeholder {
            MentionKind::Placeholder
        } else if num.contains('.') {
            MentionKind::Decimal
        } else {
            MentionKind::Integer
        };
        self.finish(i, num_end, value, kind, multiplier, false, num)
    }

    /// Times (14:48) and numeric dates (2020-05-13) starting at `i` whose first number ends at `j`.
    fn time_or_date(&self, i: usize, j: usize) -> Option<Scan> {
        let text = self.text;
        let b = text.as_bytes();
        let digits_at = |k: usize| {
            b[k.min(b.len())..]
                .iter()
                .take_while(|x| x.is_ascii_digit())
                .count()
        };
        let sep = *b.get(j)?;
        if sep == b':' && j - i <= 2 {
            let d = digits_at(j + 1);
            if d == 2 {
                let end = j + 1 + d;
                return Some(Scan::Found(
                    self.simple(i, end, None, MentionKind::Time, Role::Date),
                    end,
                ));
            }
        }
        if matches!(sep, b'-' | b'.' | b'/') && j - i == 4 {
            let d1 = digits_at(j + 1);
            if (1..=2).contains(&d1) && b.get(j + 1 + d1) == Some(&sep) {
                let d2 = digits_at(j + 2 + d1);
                if (1..=2).contains(&d2) {
                    let end = j + 2 + d1 + d2;
                    let y: f64 = text[i..j].parse().ok()?;
                    return Some(Scan::Found(
                        self.simple(i, end, Some(y), MentionKind::Date, Role::Date),
                        end,
                    ));
                }
            }
        }
        None
    }

    fn simple(
        &self,
        start: usize,
        end: usize,
        value: Option<f64>,
        kind: MentionKind,
        role: Role,
    ) -> Mention {
        let span = Span::new(start, end);
        Mention {
            span,
            number: span,
            value,
            kind,
            role,
            unit: None,
            qualifier: None,
            chinese: false,
        }
    }

    /// A Chinese numeral at `i`.
    fn chinese(&self, i: usize) -> Scan {
        let text = self.text;
        let first = char_at(text, i).unwrap_or(' ');
        // 百分之五十, 千分之三
        for (prefix, permille) in [("百分之", false), ("千分之", true)] {
            if text[i..].starts_with(prefix) {
                let s = i + prefix.len();
                let run = numeral_run(text, s);
                if run > s {
                    let value = parse_chinese(&text[s..run]);
                    let unit = if permille { "‰" } else { "%" };
                    let mut m = self.simple(i, run, value, MentionKind::Percent, Role::Quantity);
                    m.chinese = true;
                    m.unit = Some(UnitFound {
                        span: Span::new(i, i + prefix.len()),
                        text: unit.into(),
                        written: prefix.into(),
                        canonical: unit.into(),
                        category: UnitCategory::Percent,
                    });
                    return Scan::Found(self.qualified(m), run);
                }
            }
        }
        let end = numeral_run(text, i);
        if end == i {
            return Scan::Skip(i + first.len_utf8());
        }
        // most Chinese numerals stand in words (统一, 进一步, 一体化): only one followed by a
        // unit, an approximation, a date word, 分之 or an ordinal measure, or after 第 or 届,
        // can be a number
        let after = char_at(text, end);
        let before = char_before(text, i);
        let may_be_number = matches!(before, Some('第' | '届'))
            || after.is_some_and(|c| {
                matches!(c, '余' | '多' | '年' | '月' | '日' | '号' | '分' | ' ')
                    || self.lex.units.may_start(c)
                    || self.lex.ordinal_measure.may_start(c)
            });
        if !may_be_number {
            return Scan::Skip(end);
        }
        // 五台县, 七台河市: a place name that starts with a numeral
        let places = &self.lex.places;
        if let Some((len, _)) = places
            .full
            .longest_at(text, i)
            .or_else(|| places.short.longest_at(text, i))
        {
            return Scan::Skip(i + len);
        }
        let num = &text[i..end];
        // X分之Y
        if let Some(after) = text[end..].strip_prefix("分之") {
            let s = end + "分之".len();
            let run = numeral_run(text, s);
            if run > s && !after.is_empty() {
                let value = parse_chinese(&text[i..run]);
                let mut m = self.simple(i, run, value, MentionKind::Fraction, Role::Bare);
                m.chinese = true;
                return Scan::Found(m, run);
            }
        }
        let has_digit = num.chars().any(|c| chinese_digit(c).is_some());
        let approx_after = after.is_some_and(|c| c == '余' || c == '多');
        if !has_digit && !approx_after && before != Some('第') {
            // 千吨, 万人, 百姓: a bare multiplier is not a number
            return Scan::Skip(end);
        }
        let value = parse_chinese(num);
        let Some(value) = value else {
            return Scan::Skip(end);
        };
        let digit_string =
            num.chars().count() >= 2 && num.chars().all(|c| chinese_digit(c).is_some());
        let kind = if crate::chars::has(num, '点') {
            MentionKind::Decimal
        } else {
            MentionKind::Integer
        };
        let m = self.finish(i, end, Some(value), kind, 1.0, true, num);
        match m {
            Scan::Found(mut m, n) => {
                // a Chinese numeral is only a number in the text with a unit, a date or an ordinal
                let keep = m.unit.is_some() || matches!(m.role, Role::Date | Role::Ordinal);
                if !keep || (digit_string && m.kind != MentionKind::Year) {
                    return Scan::Skip(end);
                }
                m.chinese = true;
                Scan::Found(m, n)
            }
            skip => skip,
        }
    }

    /// The unit (or measure word) at `pos`, if any: byte length and lexicon entry.
    fn unit_at(&self, pos: usize) -> Option<(usize, &'a crate::lexicon::UnitInfo)> {
        let text = self.text;
        let (len, info) = self.lex.units.longest_at(text, pos)?;
        let after = char_at(text, pos + len);
        if let Some(a) = after {
            if info.not_before.contains(a) {
                return None;
            }
            // Latin units end at a word boundary: 5m, not 5mg
            let latin = text[pos..pos + len].ends_with(|c: char| c.is_ascii_alphanumeric());
            if latin && (a.is_ascii_alphanumeric()) {
                return None;
            }
        }
        Some((len, info))
    }

    /// Completes a numeral `start..end`: markers, unit, role.
    #[allow(clippy::too_many_arguments)]
    fn finish(
        &self,
        start: usize,
        end: usize,
        value: Option<f64>,
        kind: MentionKind,
        multiplier: f64,
        chinese: bool,
        num: &str,
    ) -> Scan {
        let text = self.text;
        let before = char_before(text, start);
        let mut m = Mention {
            span: Span::new(start, end),
            number: Span::new(start, end),
            value,
            kind,
            role: Role::Bare,
            unit: None,
            qualifier: None,
            chinese,
        };
        let mut pos = end;
        // a space inside a non-prose line: 2022 年
        let mut look = pos;
        while let Some(c) = char_at(text, look).filter(|&c| is_space(c) && c != '\t') {
            look += c.len_utf8();
        }
        let after = char_at(text, look);

        // ordinals: 第三批, 第xx位, 十九届
        if before == Some('第') {
            m.span = Span::new(start - '第'.len_utf8(), end);
            m.kind = MentionKind::Ordinal;
            m.role = Role::Ordinal;
            let measure = self.unit_at(look).map(|(l, _)| l).or_else(|| {
                self.lex
                    .ordinal_measure
                    .longest_at(text, look)
                    .map(|(l, _)| l)
            });
            if let Some(len) = measure {
                m.span.end = look + len;
            } else if let Some(c) = after.filter(|&c| c == '位' || c == '名') {
                m.span.end = look + c.len_utf8();
            }
            let n = m.span.end;
            return Scan::Found(m, n);
        }
        if let Some((len, _)) = self.lex.ordinal_measure.longest_at(text, look) {
            m.kind = MentionKind::Ordinal;
            m.role = Role::Ordinal;
            m.span.end = look + len;
            let n = m.span.end;
            return Scan::Found(m, n);
        }
        // 十一届九次全会: a count after 届 is an ordinal too
        if before == Some('届') {
            m.kind = MentionKind::Ordinal;
            m.role = Role::Ordinal;
            if let Some((len, _)) = self.unit_at(look) {
                m.span.end = look + len;
            }
            let n = m.span.end;
            return Scan::Found(m, n);
        }

        // dates: 2019年, 20xx年, 二〇二一年, 6月, 31日
        if let Some(c) = after {
            let placeholder_chars = num.chars().filter(|&c| is_placeholder_letter(c)).count();
            let digits = num.chars().count();
            let v = value.unwrap_or(f64::NAN);
            let year_like = (digits == 4
                && (placeholder_chars > 0 || (1900.0..=2100.0).contains(&v)))
                || (chinese && digits == 4 && (1900.0..=2100.0).contains(&v));
            if c == '年' && year_like {
                m.kind = MentionKind::Year;
                m.role = Role::Date;
                m.span.end = look + c.len_utf8();
                if text[m.span.end..].starts_with('度') {
                    m.span.end += '度'.len_utf8();
                }
                let n = m.span.end;
                return Scan::Found(m, n);
            }
            if digits == 4 && year_like && matches!(c, '-' | '—' | '–' | '至' | '~') {
                // 2016-2030, xxxx-xxxx: a year range; the second year follows
                m.kind = MentionKind::Year;
                m.role = Role::Date;
                return Scan::Found(m, end);
            }
            let small = value.is_none_or(|v| v.fract() == 0.0) && digits <= 2;
            if c == '月' && small && value.is_none_or(|v| (1.0..=12.0).contains(&v)) {
                m.kind = MentionKind::Month;
                m.role = Role::Date;
                m.span.end = look + c.len_utf8();
                let n = m.span.end;
                return Scan::Found(m, n);
            }
            if (c == '日' || c == '号')
                && small
                && value.is_none_or(|v| (1.0..=31.0).contains(&v))
                && !day_word(text, look)
            {
                m.kind = MentionKind::Day;
                m.role = Role::Date;
                m.span.end = look + c.len_utf8();
                let n = m.span.end;
                return Scan::Found(m, n);
            }
        }

        // approximation after the number: 30余次, 百余篇, 二十万余
        let mut qualifier_after = None;
        if let Some(c) = char_at(text, look).filter(|&c| c == '余' || c == '多') {
            // 多 is an approximation only before a unit (30多个), not in 30多家… it is; but not 多年
            let next = look + c.len_utf8();
            if c == '余' || self.unit_at(next).is_some() {
                qualifier_after = Some(Qualifier::Over);
                pos = next;
                look = next;
            }
        }
        // the unit, with a rate after it (吨/日)
        if let Some((mut len, info)) = self.unit_at(look) {
            if let Some(rate) = [
                "/日", "/天", "/年", "/月", "/小时", "/时", "/h", "/d", "/a", "/人",
            ]
            .iter()
            .find(|r| text[look + len..].starts_with(*r))
            {
                len += rate.len();
            }
            let unit_text = &text[look..look + len];
            let is_year_unit = unit_text == "年";
            // 2022年 was a year above; here 年 is a duration only for small numbers
            if !(is_year_unit && value.is_some_and(|v| v >= 1000.0)) {
                // the unit as written keeps the multiplier: 万元, 千万元
                let written = if multiplier != 1.0 {
                    let numeral = m.number.slice(text);
                    let big: Vec<char> = numeral
                        .chars()
                        .rev()
                        .take_while(|&c| chinese_big_unit(c).is_some() || c == '千')
                        .collect();
                    big.iter()
                        .rev()
                        .chain(unit_text.chars().collect::<Vec<_>>().iter())
                        .collect()
                } else {
                    unit_text.to_string()
                };
                m.unit = Some(UnitFound {
                    span: Span::new(look, look + len),
                    text: unit_text.to_string(),
                    written,
                    canonical: info.canonical.to_string(),
                    category: info.category,
                });
                pos = look + len;
                if info.category == UnitCategory::Percent && m.kind != MentionKind::Placeholder {
                    m.kind = MentionKind::Percent;
                }
            }
        } else if let Some((len, canonical)) =
            lost_exponent(&text[look..]).filter(|_| m.is_placeholder())
        {
            m.unit = Some(UnitFound {
                span: Span::new(look, look + len),
                text: canonical.to_string(),
                written: text[look..look + len].to_string(),
                canonical: canonical.to_string(),
                category: UnitCategory::Area,
            });
            pos = look + len;
        }
        // approximation after the unit: 3天左右, 100家以上
        if m.unit.is_some() {
            if let Some((len, q)) = self.lex.approx_suffix.longest_at(text, pos) {
                let word = &text[pos..pos + len];
                if word != "余" && word != "多" && qualifier_after.is_none() {
                    qualifier_after = Some(*q);
                    pos += len;
                }
            }
        }
        m.span.end = pos;
        m.qualifier = qualifier_after;
        m.role = if m.unit.is_some() {
            Role::Quantity
        } else {
            Role::Bare
        };
        // 覆盖人口50万左右: a number in 万 or 亿 is a magnitude even without a unit
        if m.unit.is_none() && (multiplier >= 1e4 || (chinese && num.contains(['万', '亿']))) {
            if let Some((len, q)) = self.lex.approx_suffix.longest_at(text, pos) {
                if m.qualifier.is_none() {
                    m.qualifier = Some(*q);
                }
                m.span.end = pos + len;
            }
            m.role = Role::Quantity;
        }
        // 前10个月, 近3年, 过去5年: a period, not a quantity
        let period_unit = m
            .unit
            .as_ref()
            .is_some_and(|u| matches!(u.text.as_str(), "个月" | "年" | "季度" | "个季度"));
        if period_unit
            && (text[..start].ends_with("过去")
                || (matches!(before, Some('前' | '近')) && !text[..start].ends_with("提前")))
        {
            m.role = Role::Date;
            m.kind = MentionKind::Date;
            let n = m.span.end;
            return Scan::Found(m, n);
        }
        // 一项重要任务, 一方净土, 新的一年: a Chinese 一 with a measure word is an article
        if chinese && num == "一" && m.unit.is_some() && m.qualifier.is_none() {
            m.role = Role::Indefinite;
        }
        let m = self.qualified(m);
        let n = m.span.end.max(end);
        Scan::Found(m, n)
    }

    /// Adds an approximation marker before the number (约, 近, 超过) and settles names
    /// and labels.
    fn qualified(&self, mut m: Mention) -> Mention {
        let text = self.text;
        if let Some((len, q)) = self.lex.approx_prefix.longest_ending_at(text, m.span.start) {
            let at = m.span.start - len;
            let word_before = self
                .lex
                .not_approx
                .longest_ending_at(text, m.span.start)
                .is_some_and(|(l, _)| l > len);
            if !word_before {
                m.span.start = at;
                if m.qualifier.is_none() {
                    m.qualifier = Some(*q);
                }
            }
        }
        if self.in_label(m.number.start) {
            m.role = Role::Label;
        } else if self.in_name(m.number.start, m.number.end) {
            m.role = Role::Name;
        }
        m
    }
}

/// `mx`, `kmx` after a placeholder number: a square unit whose exponent became a
/// placeholder too in a draft (约xxxxxmx). Returns the length and the unit.
fn lost_exponent(rest: &str) -> Option<(usize, &'static str)> {
    [("km", "km²"), ("m", "m²")]
        .into_iter()
        .find_map(|(unit, canonical)| {
            let r = rest.strip_prefix(unit)?;
            let ok = r.starts_with(is_placeholder_letter)
                && !r[1..].starts_with(|c: char| c.is_ascii_alphanumeric());
            ok.then_some((unit.len() + 1, canonical))
        })
}

/// Whether 日/号 at `pos` begins a word (日常, 号召) rather than a day.
fn day_word(text: &str, pos: usize) -> bool {
    let rest = &text[pos..];
    ["日常", "日益", "日趋", "号召", "号线"]
        .iter()
        .any(|w| rest.starts_with(w))
}

/// The end of a run of Chinese numeral characters starting at `i` (with 点 between digits).
fn numeral_run(text: &str, i: usize) -> usize {
    let mut end = i;
    let mut prev_digit = false;
    for (k, c) in text[i..].char_indices() {
        let at = i + k;
        if is_chinese_numeral(c) || c == '○' {
            end = at + c.len_utf8();
            prev_digit = true;
        } else if c == '点'
            && prev_digit
            && text[at + c.len_utf8()..].starts_with(|n: char| chinese_digit(n).is_some())
        {
            prev_digit = false;
        } else {
            break;
        }
    }
    end
}

/// Links ranges: in `1-6月` the 1 is a month too, in `3—5天` the 3 takes the unit.
fn link_ranges(text: &str, mentions: &mut [Mention]) {
    for k in 1..mentions.len() {
        let (a, b) = mentions.split_at_mut(k);
        let (prev, cur) = (&mut a[k - 1], &b[0]);
        let between = &text[prev.span.end.min(cur.span.start)..cur.span.start];
        let dash = matches!(between, "-" | "—" | "–" | "~" | "～" | "至" | "到");
        if !dash || prev.role != Role::Bare {
            continue;
        }
        match cur.kind {
            MentionKind::Month | MentionKind::Year | MentionKind::Day => {
                prev.kind = cur.kind;
                prev.role = Role::Date;
            }
            _ => {}
        }
    }
    // 2016-2030, xxxx-xxxx: the year after a year and a dash
    for k in 1..mentions.len() {
        let (a, b) = mentions.split_at_mut(k);
        let (prev, cur) = (&a[k - 1], &mut b[0]);
        let between = &text[prev.span.end.min(cur.span.start)..cur.span.start];
        let four = cur.number.slice(text).chars().count() == 4;
        if prev.kind == MentionKind::Year
            && matches!(between, "-" | "—" | "–" | "~" | "至")
            && four
            && cur.role == Role::Bare
        {
            cur.kind = MentionKind::Year;
            cur.role = Role::Date;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str) -> Vec<Mention> {
        let lex = Lexicon::builtin();
        let n = crate::normalize::normalize(text, lex);
        find(&n.text, &[], lex)
    }

    #[track_caller]
    fn assert_quantity(text: &str, value: Option<f64>, unit: &str, qualifier: Option<Qualifier>) {
        let ms = mentions(text);
        let q: Vec<&Mention> = ms.iter().filter(|m| m.role == Role::Quantity).collect();
        assert_eq!(q.len(), 1, "{text}: {ms:#?}");
        let m = q[0];
        assert_eq!(m.value, value, "{text}");
        assert_eq!(
            m.unit.as_ref().map(|u| u.text.as_str()),
            Some(unit),
            "{text}"
        );
        assert_eq!(m.qualifier, qualifier, "{text}");
    }

    #[track_caller]
    fn assert_no_quantity(text: &str) {
        let ms = mentions(text);
        assert!(
            ms.iter().all(|m| m.role != Role::Quantity),
            "{text}: {ms:#?}"
        );
    }

    #[track_caller]
    fn assert_role(text: &str, role: Role, kind: MentionKind) {
        let ms = mentions(text);
        assert!(
            ms.iter().any(|m| m.role == role && m.kind == kind),
            "{text}: {ms:#?}"
        );
    }

    #[test]
    fn quantities() {
        assert_quantity("关闭企业10家", Some(10.0), "家", None);
        assert_quantity("清理网箱3.5万口", Some(35000.0), "口", None);
        assert_quantity("筹措奖金10万元", Some(100000.0), "元", None);
        assert_quantity("会议30余次", Some(30.0), "次", Some(Qualifier::Over));
        assert_quantity("转载百余篇", Some(100.0), "篇", Some(Qualifier::Over));
        assert_quantity("浓度为34.2微克/立方米", Some(34.2), "微克/立方米", None);
        assert_quantity("优良率为78.6%", Some(78.6), "%", None);
        assert_quantity("帮扶80家（次）", Some(80.0), "家（次）", None);
        assert_quantity("增长6.5%左右", Some(6.5), "%", Some(Qualifier::About));
        assert_quantity("约20万人", Some(200000.0), "人", Some(Qualifier::About));
        assert_quantity("两个试点项目", Some(2.0), "个", None);
        assert_quantity("八个专项工作组", Some(8.0), "个", None);
        assert_quantity("3万4000吨", Some(34000.0), "吨", None);
        assert_quantity("1,100万元", Some(11_000_000.0), "元", None);
        assert_quantity("下降3个百分点", Some(3.0), "个百分点", None);
        assert_quantity("百分之零点九", Some(0.9), "%", None);
        assert_quantity("二十万余株", Some(200000.0), "株", Some(Qualifier::Over));
        assert_quantity("6 项重点任务", Some(6.0), "项", None);
    }

    #[test]
    fn placeholders() {
        assert_quantity("召开会议xx次", None, "次", None);
        assert_quantity("上升x.x%", None, "%", None);
        assert_quantity("罚款XX万元", None, "元", None);
        assert_quantity("检查xxx余家(次)", None, "家（次）", Some(Qualifier::Over));
        assert_quantity("阅读量近x万次", None, "次", Some(Qualifier::Under));
        assert_quantity("构建约xxxxxmx", None, "m²", Some(Qualifier::About));
        assert_role("20xx年是开局之年", Role::Date, MentionKind::Year);
    }

    #[test]
    fn not_quantities() {
        assert_no_quantity("2019年春节期间");
        assert_no_quantity("5月31日取得批复");
        assert_no_quantity("1-6月空气质量");
        assert_no_quantity("第三批示范县");
        assert_no_quantity("“十四五”规划");
        assert_no_quantity("实现“两个一百年”奋斗目标");
        assert_no_quantity("突出“六个结合”");
        assert_no_quantity("PM2.5浓度");
        assert_no_quantity("Ⅲ类水质");
        assert_no_quantity("《x市锅炉大气污染排放标准》(DBxx/xxxx-xxxx)");
        assert_no_quantity("作为一项重要政治任务");
        assert_no_quantity("十九届六中全会和市委十三届九次全会");
        assert_no_quantity("统一思想，进一步推进");
        assert_no_quantity("农村万人千吨水源地");
        assert_no_quantity("千方百计推进五位一体");
        assert_no_quantity("二〇二一年工作");
        assert_no_quantity("排污许可标准DB51/2672");
        assert_no_quantity("安装xD气溶胶雷达");
        assert_no_quantity("节约用水");
    }

    #[test]
    fn kinds() {
        assert_role("2019年", Role::Date, MentionKind::Year);
        assert_role("二〇二一年", Role::Date, MentionKind::Year);
        assert_role("6月1日", Role::Date, MentionKind::Day);
        assert_role("发布时间 14:48", Role::Date, MentionKind::Time);
        assert_role("2020-05-13", Role::Date, MentionKind::Date);
        assert_role("第三批", Role::Ordinal, MentionKind::Ordinal);
        assert_role("排名第xx位", Role::Ordinal, MentionKind::Ordinal);
        assert_role("PM2.5", Role::Code, MentionKind::Code);
        assert_role("三分之一", Role::Bare, MentionKind::Fraction);
        assert_role("1-6月", Role::Date, MentionKind::Month);
        assert_role("一项任务", Role::Indefinite, MentionKind::Integer);
    }

    #[test]
    fn spans_cover_markers() {
        let t = "阅读量近x万次，会议30余次";
        let ms = find(t, &[], Lexicon::builtin());
        let texts: Vec<&str> = ms.iter().map(|m| m.span.slice(t)).collect();
        assert_eq!(texts, vec!["近x万次", "30余次"]);
    }
}
