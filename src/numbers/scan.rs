//! Reading one numeral at a position of the text: Arabic, Chinese or a placeholder, with
//! its multiplier, markers, unit and role.

use super::{Mention, MentionKind, Role, UnitFound};
use crate::lexicon::{Lexicon, Qualifier, UnitCategory};
use crate::span::{Normalized, Span};
use crate::text::chars::{
    char_at, char_before, chinese_big_unit, chinese_digit, is_chinese_numeral,
    is_placeholder_letter, is_space,
};
use crate::text::numerals::{parse_chinese, parse_number};
use crate::text::words::range_dash_at;

pub(super) enum Scan {
    Skip(usize),
    Found(Mention, usize),
}

pub(super) struct Context<'a> {
    pub(super) text: &'a str,
    pub(super) lex: &'a Lexicon,
    pub(super) labels: &'a [Span<Normalized>],
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
    pub(super) fn placeholder_start(&self, i: usize) -> bool {
        !char_before(self.text, i).is_some_and(|c| c.is_ascii_alphanumeric())
    }

    /// An Arabic (or placeholder) numeral at `i`.
    pub(super) fn arabic(&self, i: usize, prev: Option<&Mention>) -> Scan {
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
    pub(super) fn chinese(&self, i: usize) -> Scan {
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
        let kind = if crate::text::search::has(num, '点') {
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
            if digits == 4 && year_like && range_dash_at(&text[look..]).is_some() {
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
                && !day_word(text, look, self.lex)
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
            if let Some((rate, _)) = self.lex.rate_suffix.longest_at(text, look + len) {
                len += rate;
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
fn day_word(text: &str, pos: usize, lex: &Lexicon) -> bool {
    lex.not_day.longest_at(text, pos).is_some()
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
