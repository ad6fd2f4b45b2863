//! Reading one numeral at a position of the text, by the grammar of `text::numerals`, and
//! what stands around it: a code it is part of (`PM2.5`, `GB 3095-2012`, a telephone
//! number), a date or a time, an ordinal, approximation markers, its unit, and its role.

use super::{Mention, MentionKind, Role, UnitFound};
use crate::lexicon::{Lexicon, Qualifier, UnitCategory, UnitInfo};
use crate::span::{Normalized, Span};
use crate::text::chars::{char_at, char_before, chinese_digit, is_chinese_numeral, is_space};
use crate::text::numerals::{read, Numeral};
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
    /// Whether the numeral at `start..end` stands in a numbered name or slogan (五位一体,
    /// 日最大8小时), which starts at most four characters before the number.
    fn in_name(&self, start: usize, end: usize) -> bool {
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
        let k = self.labels.partition_point(|l| l.start() <= start);
        k > 0 && self.labels[k - 1].end() > start
    }

    /// The unit (or measure word) at `pos`, if any: byte length and lexicon entry.
    fn unit_at(&self, pos: usize) -> Option<(usize, &'a UnitInfo)> {
        let text = self.text;
        let (len, info) = self.lex.units.longest_at(text, pos)?;
        if let Some(a) = char_at(text, pos + len) {
            if info.not_before.contains(a) {
                return None;
            }
            // Latin units end at a word boundary: 5m, not 5mg
            let latin = text[pos..pos + len].ends_with(|c: char| c.is_ascii_alphanumeric());
            if latin && a.is_ascii_alphanumeric() {
                return None;
            }
        }
        Some((len, info))
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
            range: None,
        }
    }

    /// The numeral that may start at `i` (a digit, a placeholder, a Chinese numeral or a
    /// sign), with what stands around it. `prev` is the mention found before it.
    pub(super) fn numeral(&self, i: usize, prev: Option<&Mention>) -> Scan {
        let text = self.text;
        let first = char_at(text, i).unwrap_or(' ');
        if !first.is_ascii() {
            // 百分之五十, 千分之三
            for (prefix, unit) in [("百分之", "%"), ("千分之", "‰")] {
                if let Some(rest) = text[i..].strip_prefix(prefix) {
                    if let Some(n) = self.read(i + prefix.len()) {
                        if !n.bare_multiplier || rest.starts_with('百') {
                            return self.percent(i, i + prefix.len(), prefix, unit, n);
                        }
                    }
                }
            }
        }
        if let Some(found) = self.two_digits(i) {
            return found;
        }
        let Some(n) = self.read(i) else {
            return Scan::Skip(i + first.len_utf8());
        };
        let end = i + n.len;
        if n.arabic && !n.chinese {
            if let Some(found) = self.code_or_time(i, end, &n, prev) {
                return found;
            }
        }
        if n.chinese && !n.arabic {
            if let Some(skip) = self.chinese_word(i, end, &n) {
                return skip;
            }
            // X分之Y, X又Y分之Z: a fraction, read as a share
            if let Some(found) = self.fraction(i, end, &n) {
                return found;
            }
        }
        // X成: tenths, a share (三成 = 30%)
        if let Some(rest) = text[end..].strip_prefix('成') {
            let tenth = n
                .value
                .is_some_and(|v| (0.0..=10.0).contains(&v) && v.fract() == 0.0);
            if tenth
                && !n.bare_multiplier
                && !rest.starts_with(['为', '立', '功', '绩', '效', '本', '员', '果'])
            {
                let mut m = self.simple(
                    i,
                    end + '成'.len_utf8(),
                    n.value.map(|v| v * 10.0),
                    MentionKind::Percent,
                    Role::Quantity,
                );
                m.chinese = n.chinese;
                m.number = Span::new(i, end);
                m.unit = Some(UnitFound {
                    span: Span::new(end, end + '成'.len_utf8()),
                    text: "%".into(),
                    written: "成".into(),
                    canonical: "%".into(),
                    category: UnitCategory::Percent,
                });
                let m = self.markers_after(m);
                return Scan::Found(self.qualified(m), end);
            }
        }
        self.finish(i, &n)
    }

    /// The numeral at `i`, a multiplier that begins a unit (千米) left to the unit. After
    /// Arabic digits, 千 and 百 multiply only before a unit, a larger multiplier or an
    /// approximation (5千元, 2千万, 3百余家), not in 750千伏 or 3百姓.
    fn read(&self, i: usize) -> Option<Numeral> {
        let text = self.text;
        read(text, i, &|at| {
            let c = char_at(text, at).unwrap_or(' ');
            // only a unit longer than the multiplier itself counts (千米, not 千)
            if self.unit_at(at).is_some_and(|(len, _)| len > c.len_utf8()) {
                return true;
            }
            let after_digit = char_before(text, at).is_some_and(|p| p.is_ascii_digit());
            if after_digit && matches!(c, '千' | '百' | '十') {
                let next = at + c.len_utf8();
                let multiplies = self.unit_at(next).is_some()
                    || char_at(text, next).is_some_and(|n| {
                        matches!(n, '万' | '亿' | '萬' | '億' | '余' | '多') || n.is_ascii_digit()
                    });
                return !multiplies;
            }
            false
        })
    }

    /// Two neighbouring digits for "this or the next": `三四个月`, `七八万元`, `两三家` — a
    /// range from the first to the second, approximate.
    fn two_digits(&self, i: usize) -> Option<Scan> {
        let text = self.text;
        let a = char_at(text, i)?;
        let d1 = chinese_digit(a).filter(|&d| d > 0)?;
        let j = i + a.len_utf8();
        let d2 = char_at(text, j).and_then(chinese_digit)?;
        if d2 != d1 + 1 {
            return None;
        }
        let high = self.read(j)?;
        let Scan::Found(mut m, next) = self.finish(j, &high) else {
            return None;
        };
        if m.role != Role::Quantity || high.bare_multiplier {
            return None;
        }
        let h = m.value?;
        m.span.set_start(i);
        m.number.set_start(i);
        m.value = None;
        m.range = Some((Some(h * f64::from(d1) / f64::from(d2)), Some(h)));
        m.qualifier = Some(Qualifier::About);
        Some(Scan::Found(m, next))
    }

    /// A percentage written in words: `百分之五十`, `千分之三`.
    fn percent(&self, i: usize, at: usize, prefix: &str, unit: &str, n: Numeral) -> Scan {
        let end = at + n.len;
        let mut m = self.simple(i, end, n.value, MentionKind::Percent, Role::Quantity);
        m.chinese = true;
        m.unit = Some(UnitFound {
            span: Span::new(i, at),
            text: unit.into(),
            written: prefix.into(),
            canonical: unit.into(),
            category: UnitCategory::Percent,
        });
        let m = self.markers_after(m);
        let next = m.span.end();
        Scan::Found(self.qualified(m), next)
    }

    /// Codes (PM2.5, NO2, DB51/2672, GB 3095-2012, 3D, 5G, telephone numbers), times
    /// (14:48) and dates written with digits (2020-05-13, 2020.5.13, 2020/5/13).
    fn code_or_time(
        &self,
        i: usize,
        j: usize,
        n: &Numeral,
        prev: Option<&Mention>,
    ) -> Option<Scan> {
        let text = self.text;
        let b = text.as_bytes();
        let start = i + n.sign_len;
        let before = char_before(text, start);
        let after = char_at(text, j);
        let code = |end: usize| {
            let mut end = end;
            while let Some(c) = char_at(text, end).filter(|c| c.is_ascii_alphanumeric()) {
                end += c.len_utf8();
            }
            Scan::Found(
                self.simple(start, end, None, MentionKind::Code, Role::Code),
                end,
            )
        };
        // letters before, a part of a code before (DB51/2672), letters after that are no unit
        let letter_before = before.is_some_and(|c| c.is_ascii_alphabetic());
        let code_chain = matches!(before, Some('/' | '-' | '.'))
            && prev.is_some_and(|p| p.role == Role::Code && p.span.end() + 1 == start);
        let unit_here =
            self.unit_at(j).is_some() || (n.placeholder && lost_exponent(&text[j..]).is_some());
        let letter_after = after.is_some_and(|c| c.is_ascii_alphabetic()) && !unit_here;
        if letter_before || code_chain || (letter_after && !n.placeholder) {
            return Some(code(j));
        }
        if n.placeholder && letter_after {
            // xD气溶胶雷达: a placeholder inside a code
            let end = j + after.map_or(0, char::len_utf8);
            return Some(Scan::Found(
                self.simple(start, end, None, MentionKind::Code, Role::Code),
                end,
            ));
        }
        // a standard's number after its code and a space: GB 3095-2012, HJ 633
        let head = text[..start].trim_end_matches(' ');
        if head.len() < start && head.ends_with(|c: char| c.is_ascii_uppercase()) {
            let letters = head
                .bytes()
                .rev()
                .take_while(|c| c.is_ascii_uppercase() || *c == b'/')
                .count();
            if (1..=5).contains(&letters) {
                let mut end = j;
                while matches!(b.get(end), Some(b'-' | b'.'))
                    && b.get(end + 1).is_some_and(u8::is_ascii_digit)
                {
                    end += 1;
                    while b.get(end).is_some_and(u8::is_ascii_digit) {
                        end += 1;
                    }
                }
                return Some(Scan::Found(
                    self.simple(start, end, None, MentionKind::Code, Role::Code),
                    end,
                ));
            }
        }
        // a telephone number: 0571-88888888, 0571-8888XXXX, 12369-5
        if b.get(start) == Some(&b'0') && n.digits >= 3 && b.get(j) == Some(&b'-') {
            let tail = b[j + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || matches!(c, b'x' | b'X'))
                .count();
            if tail >= 7 {
                let end = j + 1 + tail;
                return Some(Scan::Found(
                    self.simple(start, end, None, MentionKind::Code, Role::Code),
                    end,
                ));
            }
        }
        if n.placeholder || n.negative {
            return None;
        }
        let digits_at = |k: usize| {
            b[k.min(b.len())..]
                .iter()
                .take_while(|x| x.is_ascii_digit())
                .count()
        };
        let sep = *b.get(j)?;
        // 14:48, 10:48:54
        if sep == b':' && j - i <= 2 && digits_at(j + 1) == 2 {
            let mut end = j + 3;
            if b.get(end) == Some(&b':') && digits_at(end + 1) == 2 {
                end += 3;
            }
            return Some(Scan::Found(
                self.simple(i, end, None, MentionKind::Time, Role::Date),
                end,
            ));
        }
        // 2020-05-13, 2020.5.13, 2020/5/13, and 2021-6-4
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

    /// A Chinese numeral that stands in a word rather than for a number: `统一`, `进一步`
    /// (a single numeral without a unit, a date word or an ordinal), `五台县` (a place),
    /// `千吨` and `百姓` (a bare multiplier without an approximation).
    fn chinese_word(&self, i: usize, end: usize, n: &Numeral) -> Option<Scan> {
        let text = self.text;
        let after = char_at(text, end);
        let before = char_before(text, i);
        let chars = text[i..end].chars().count();
        let range_follows = range_dash_at(&text[end..]).is_some_and(|d| {
            char_at(text, end + d.len())
                .is_some_and(|c| is_chinese_numeral(c) || c.is_ascii_digit())
        });
        let may_be_number = chars >= 2
            || range_follows
            || matches!(before, Some('第' | '届'))
            || after.is_some_and(|c| {
                matches!(
                    c,
                    '余' | '多' | '年' | '月' | '日' | '号' | '分' | '成' | '又' | ' '
                ) || self.lex.units.may_start(c)
                    || self.lex.ordinal_measure.may_start(c)
            });
        let word = self
            .lex
            .not_numeral
            .longest_at(text, i)
            .is_some_and(|(l, _)| l >= end - i)
            && self.unit_at(end).is_none();
        if !may_be_number || word {
            return Some(Scan::Skip(end));
        }
        // 五台县, 七台河市: a place name that starts with a numeral
        let places = &self.lex.places;
        if let Some((len, _)) = places
            .full
            .longest_at(text, i)
            .or_else(|| places.short.longest_at(text, i))
        {
            return Some(Scan::Skip(i + len));
        }
        // 千吨, 万人, 百姓: a bare multiplier is a number only when something says how many
        // (百余篇, 近千家, 逾百万, 上万人次, 数十家)
        if n.bare_multiplier && !n.approx {
            let approx_after = after.is_some_and(|c| c == '余' || c == '多');
            let approx_before = self.lex.approx_prefix.longest_ending_at(text, i).is_some()
                || text[..i].ends_with('上');
            if !approx_after && !approx_before && before != Some('第') {
                return Some(Scan::Skip(end));
            }
        }
        None
    }

    /// `三分之二`, `一又三分之一`: a fraction, as a share in percent.
    fn fraction(&self, i: usize, end: usize, n: &Numeral) -> Option<Scan> {
        let text = self.text;
        // 一又三分之一: a whole and a fraction
        let (whole, den_at) = match text[end..].strip_prefix('又') {
            Some(_) => (n.value?, end + '又'.len_utf8()),
            None => (0.0, i),
        };
        let den = if den_at == i { *n } else { self.read(den_at)? };
        let den_end = den_at + den.len;
        text[den_end..].strip_prefix("分之")?;
        let num_at = den_end + "分之".len();
        let num = self.read(num_at)?;
        let (d, v) = (den.value?, num.value?);
        if d == 0.0 {
            return None;
        }
        let share = (whole + v / d) * 100.0;
        let run = num_at + num.len;
        let mut m = self.simple(i, run, Some(share), MentionKind::Fraction, Role::Quantity);
        m.chinese = true;
        m.unit = Some(UnitFound {
            span: Span::new(den_end, num_at),
            text: "%".into(),
            written: "分之".into(),
            canonical: "%".into(),
            category: UnitCategory::Percent,
        });
        let m = self.markers_after(m);
        let next = m.span.end();
        Some(Scan::Found(self.qualified(m), next))
    }

    /// Completes a numeral: ordinal, date, approximation, unit, role.
    fn finish(&self, start: usize, n: &Numeral) -> Scan {
        let text = self.text;
        let end = start + n.len;
        let before = char_before(text, start);
        let kind = if n.placeholder {
            MentionKind::Placeholder
        } else if n.decimal {
            MentionKind::Decimal
        } else {
            MentionKind::Integer
        };
        let mut m = Mention {
            span: Span::new(start, end),
            number: Span::new(start, end),
            value: n.value,
            kind,
            role: Role::Bare,
            unit: None,
            qualifier: n.approx.then_some(Qualifier::Over),
            chinese: n.chinese,
            range: None,
        };
        // 82 2%: a decimal point lost in a converted PDF, in prose (a table's cells are
        // parted by spaces too)
        if let Some((len, value)) = self.lost_point(start, end, n) {
            m.value = Some(value);
            m.kind = MentionKind::Decimal;
            m.number.set_end(end + len);
            m.span.set_end(end + len);
            let n = Numeral {
                len: n.len + len,
                value: Some(value),
                decimal: true,
                ..*n
            };
            return self.finish(start, &n);
        }
        // a space inside a non-prose line: 2022 年
        let mut look = end;
        while let Some(c) = char_at(text, look).filter(|&c| is_space(c) && c != '\t') {
            look += c.len_utf8();
        }
        let after = char_at(text, look);

        // ordinals: 第三批, 第xx位, 十九届, and a count after 届 (十一届九次全会)
        // (届 after Arabic digits counts sessions: 连续举行4届)
        let ordinal_measure = self
            .lex
            .ordinal_measure
            .longest_at(text, look)
            .map(|(l, _)| l)
            .filter(|_| n.chinese || before == Some('第'));
        if before == Some('第') || ordinal_measure.is_some() || before == Some('届') {
            if before == Some('第') {
                m.span.set_start(start - '第'.len_utf8());
            }
            m.kind = MentionKind::Ordinal;
            m.role = Role::Ordinal;
            let measure = ordinal_measure.or_else(|| self.unit_at(look).map(|(l, _)| l));
            if let Some(len) = measure {
                m.span.set_end(look + len);
            } else if let Some(c) =
                after.filter(|&c| (c == '位' || c == '名') && before == Some('第'))
            {
                m.span.set_end(look + c.len_utf8());
            }
            let next = m.span.end();
            return Scan::Found(m, next);
        }

        // dates: 2019年, 20xx年, 二〇二一年, 6月, 31日, and the first year of 2016-2030
        if let Some(c) = after.filter(|_| !n.negative) {
            let digits = n.digits;
            let v = n.value.unwrap_or(f64::NAN);
            let year_like = digits == 4
                && (n.digit_string || !n.chinese)
                && n.multiplier_at.is_none()
                && (n.placeholder || (1900.0..=2100.0).contains(&v));
            if c == '年' && year_like {
                m.kind = MentionKind::Year;
                m.role = Role::Date;
                m.span.set_end(look + c.len_utf8());
                if text[m.span.end()..].starts_with('度') {
                    m.span.set_end(m.span.end() + '度'.len_utf8());
                }
                let next = m.span.end();
                return Scan::Found(m, next);
            }
            if year_like && range_dash_at(&text[look..]).is_some() {
                m.kind = MentionKind::Year;
                m.role = Role::Date;
                return Scan::Found(m, end);
            }
            let small = n.value.is_none_or(|v| v.fract() == 0.0)
                && digits <= 2
                && n.multiplier_at.is_none();
            if c == '月' && small && n.value.is_none_or(|v| (1.0..=12.0).contains(&v)) {
                m.kind = MentionKind::Month;
                m.role = Role::Date;
                m.span.set_end(look + c.len_utf8());
                let next = m.span.end();
                return Scan::Found(m, next);
            }
            if (c == '日' || c == '号')
                && small
                && n.value.is_none_or(|v| (1.0..=31.0).contains(&v))
                && self.lex.not_day.longest_at(text, look).is_none()
            {
                m.kind = MentionKind::Day;
                m.role = Role::Date;
                m.span.set_end(look + c.len_utf8());
                let next = m.span.end();
                return Scan::Found(m, next);
            }
        }

        // approximation after the number: 30余次, 百余篇, 二十万余, 30多个 (多 only before a
        // unit: not 多年)
        let mut pos = end;
        if let Some(c) = char_at(text, look).filter(|&c| c == '余' || c == '多') {
            let next = look + c.len_utf8();
            if c == '余' || self.unit_at(next).is_some() {
                m.qualifier = Some(Qualifier::Over);
                pos = next;
                look = next;
            }
        }
        // the unit, with a rate or a second unit after it (吨/日, 元/吨, 吨/平方公里·月)
        if let Some((len, info)) = self.unit_at(look) {
            let mut unit_end = look + len;
            if let Some((rate, _)) = self.lex.rate_suffix.longest_at(text, unit_end) {
                unit_end += rate;
            } else if text[unit_end..].starts_with('/') {
                if let Some((len2, _)) = self.unit_at(unit_end + 1) {
                    unit_end += 1 + len2;
                }
            }
            // ·月: a deposition over a month (吨/平方公里·月)
            if text[unit_end..].starts_with("·月") && text[look..unit_end].contains('/') {
                unit_end += "·月".len();
            }
            let unit_text = &text[look..unit_end];
            // 2022年 was a year above; here 年 is a duration only for small numbers
            if !(unit_text == "年" && n.value.is_some_and(|v| v >= 1000.0)) {
                let written = match n.multiplier_at {
                    Some(k) => format!("{}{unit_text}", &text[start + k..end]),
                    None => unit_text.to_string(),
                };
                m.unit = Some(UnitFound {
                    span: Span::new(look, unit_end),
                    text: unit_text.to_string(),
                    written,
                    canonical: info.canonical.to_string(),
                    category: info.category,
                });
                pos = unit_end;
                if info.category == UnitCategory::Percent && m.kind != MentionKind::Placeholder {
                    m.kind = MentionKind::Percent;
                }
                // 3元5角: 角 and 分 after 元 are tenths and hundredths of it
                if unit_text == "元" || unit_text == "圆" {
                    pos = self.jiao_fen(&mut m, pos);
                }
            }
        } else if let Some((len, canonical)) =
            lost_exponent(&text[look..]).filter(|_| n.placeholder)
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
        m.span.set_end(pos);
        m.role = if m.unit.is_some() {
            Role::Quantity
        } else {
            Role::Bare
        };
        let m = self.markers_after(m);
        // 覆盖人口50万左右: a number in 万 or 亿 is a magnitude even without a unit
        let mut m = m;
        let big = n
            .multiplier_at
            .is_some_and(|k| matches!(char_at(text, start + k), Some('万' | '萬' | '亿' | '億')))
            || (n.value.is_some_and(|v| v >= 1e4) && n.chinese && !n.digit_string);
        if m.unit.is_none() && big {
            m.role = Role::Quantity;
        }
        // 前10个月, 近3年, 过去5年: a period, not a quantity
        let period_unit = m
            .unit
            .as_ref()
            .is_some_and(|u| matches!(u.text.as_str(), "个月" | "年" | "季度" | "个季度"));
        if period_unit
            && (text[..start].ends_with("过去")
                || text[..start].ends_with("最后")
                || (matches!(before, Some('前' | '近' | '后' | '头'))
                    && !text[..start].ends_with("提前")
                    && !text[..start].ends_with("落后")))
        {
            m.role = Role::Date;
            m.kind = MentionKind::Date;
            let next = m.span.end();
            return Scan::Found(m, next);
        }
        // 三年行动, 二期工程, “三北”工程六期, 750千伏输变电工程: a count of years or phases,
        // or a voltage, that names a plan, a project or a line
        let unit_is = |names: &[&str]| {
            m.unit
                .as_ref()
                .is_some_and(|u| names.contains(&u.text.as_str()))
        };
        let project_before = unit_is(&["期"])
            && ["工程", "项目", "”"]
                .iter()
                .any(|w| text[..start].ends_with(w));
        if unit_is(&["年", "期", "千伏", "kV"])
            && (self
                .lex
                .named_after
                .longest_at(text, m.span.end())
                .is_some()
                || project_before)
        {
            m.role = Role::Name;
        }
        // 前30名, 排名前三位的: the size of a leading group, not a quantity
        if before == Some('前') && unit_is(&["名", "位"]) {
            m.role = Role::Ordinal;
            m.kind = MentionKind::Ordinal;
        }
        // 一项重要任务, 一方净土, 新的一年: a Chinese 一 with a measure word is an article
        if n.chinese && &text[start..end] == "一" && m.unit.is_some() && m.qualifier.is_none() {
            m.role = Role::Indefinite;
        }
        let m = self.qualified(m);
        let next = m.span.end().max(end);
        Scan::Found(m, next)
    }

    /// The decimals of an integer whose point a converter turned into a space (`82 2%`,
    /// `53 2分贝`): one or two digits and a unit after one space, in a line of prose.
    /// Returns their length with the space and the value.
    fn lost_point(&self, start: usize, end: usize, n: &Numeral) -> Option<(usize, f64)> {
        let text = self.text;
        let b = text.as_bytes();
        if !n.arabic
            || n.chinese
            || n.decimal
            || n.placeholder
            || n.digits > 3
            || b.get(end) != Some(&b' ')
        {
            return None;
        }
        let digits = b[end + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if !(1..=2).contains(&digits) || self.unit_at(end + 1 + digits).is_none() {
            return None;
        }
        // the 120 bytes before it on its line (not the line back to its start)
        let lo = crate::text::chars::floor_boundary(text, start.saturating_sub(120));
        let line_start = text[lo..start].rfind('\n').map_or(lo, |i| lo + i + 1);
        let prose = text[line_start..start].contains(['，', '。', '：']);
        let int = n.value?;
        let frac: f64 = format!("0.{}", &text[end + 1..end + 1 + digits])
            .parse()
            .ok()?;
        prose.then_some((1 + digits, int + frac))
    }

    /// `元` followed by `5角` and `3分`: the value gains the tenths and hundredths.
    fn jiao_fen(&self, m: &mut Mention, mut pos: usize) -> usize {
        for (unit, part) in [('角', 0.1), ('分', 0.01)] {
            let Some(d) = char_at(self.text, pos)
                .filter(|c| c.is_ascii_digit() || chinese_digit(*c).is_some())
            else {
                break;
            };
            let digit = d.to_digit(10).or_else(|| chinese_digit(d)).unwrap_or(0);
            let after = pos + d.len_utf8();
            if char_at(self.text, after) != Some(unit) {
                break;
            }
            m.value = m.value.map(|v| v + f64::from(digit) * part);
            if m.kind == MentionKind::Integer {
                m.kind = MentionKind::Decimal;
            }
            pos = after + unit.len_utf8();
        }
        pos
    }

    /// An approximation after the unit (3天左右, 100家以上), unless one was read already.
    fn markers_after(&self, mut m: Mention) -> Mention {
        if m.unit.is_none() && m.role != Role::Quantity && !m.chinese {
            return m;
        }
        if let Some((len, q)) = self.lex.approx_suffix.longest_at(self.text, m.span.end()) {
            let word = &self.text[m.span.end()..m.span.end() + len];
            if word != "余" && word != "多" && m.qualifier.is_none() {
                m.qualifier = Some(*q);
                m.span.set_end(m.span.end() + len);
            }
        }
        m
    }

    /// Adds an approximation marker before the number (约, 近, 超过, and 上 before a bare
    /// multiplier: 上万人次) and settles names and labels.
    fn qualified(&self, mut m: Mention) -> Mention {
        let text = self.text;
        if let Some((len, q)) = self
            .lex
            .approx_prefix
            .longest_ending_at(text, m.span.start())
        {
            let at = m.span.start() - len;
            let word_before = self
                .lex
                .not_approx
                .longest_ending_at(text, m.span.start())
                .is_some_and(|(l, _)| l > len);
            if !word_before {
                m.span.set_start(at);
                if m.qualifier.is_none() {
                    m.qualifier = Some(*q);
                }
            }
        } else if text[..m.span.start()].ends_with('上')
            && m.chinese
            && char_at(text, m.span.start())
                .is_some_and(|c| matches!(c, '十' | '百' | '千' | '万' | '亿'))
        {
            m.span.set_start(m.span.start() - '上'.len_utf8());
            m.qualifier = Some(Qualifier::Over);
        }
        if self.in_label(m.number.start()) {
            m.role = Role::Label;
        } else if self.in_name(m.number.start(), m.number.end()) {
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
            let ok = r.starts_with(crate::text::chars::is_placeholder_letter)
                && !r[1..].starts_with(|c: char| c.is_ascii_alphanumeric());
            ok.then_some((unit.len() + 1, canonical))
        })
}

/// Whether a Chinese numeral may start at `c` (a numeral character, or a sign before one).
pub(super) fn may_start_chinese(text: &str, i: usize, c: char) -> bool {
    is_chinese_numeral(c)
        || ((c == '负' || c == '数' || c == '几')
            && char_at(text, i + c.len_utf8()).is_some_and(is_chinese_numeral))
}
