//! The grammar of numerals: what a numeral written at a position of a text is worth.
//!
//! One reader ([`read`]) takes every form official Chinese writes a number in:
//!
//! - Arabic digits with thousands groups and decimals: `1,100`, `3.5`, and placeholders
//!   `xx`, `x.x`;
//! - Chinese numerals: `一万零十二`, `两千五` (2500), `壹佰`, `三点二六`, `十`, digit
//!   strings as years are written (`二〇二一`);
//! - multipliers after either, in any mix: `3.5万`, `1.2万亿`, `2亿5000万`, `5万4千6百`,
//!   `三点二六万`, `2千万`;
//! - approximations inside the numeral: `500余万` (余, 多, 几 before a multiplier), `十几万`,
//!   `二十几`, `数十`, `几百`;
//! - a sign: `-3.2`, `负三十二`, `零下5`.
//!
//! The reader knows nothing of units: the caller says where a unit starts (`千米` is a
//! unit, not 千 and 米) and what the numeral is in its text (a quantity, a date, a code);
//! see `numbers`.

use crate::text::chars::{
    chinese_big_unit, chinese_digit, chinese_small_unit, is_placeholder_letter,
};

/// A numeral read from a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    /// Its length in bytes, sign and multipliers included.
    pub len: usize,
    /// Its value, multipliers folded in and sign applied; `None` for placeholders.
    pub value: Option<f64>,
    /// Its digits are placeholders (`xx`, `x.x`, `XX万`).
    pub placeholder: bool,
    /// Written with decimals (`3.5`, `三点五`).
    pub decimal: bool,
    /// Written with a Chinese numeral character (digits or multipliers).
    pub chinese: bool,
    /// Written with an Arabic digit.
    pub arabic: bool,
    /// An approximation inside it: 余, 多 or 几 before a multiplier (`500余万`), a leading
    /// 数 or 几 (`数十`), a trailing 几 (`二十几`).
    pub approx: bool,
    /// Where its trailing multipliers start (`万` of `3.5万`, `千万` of `2千万`), as a byte
    /// offset from the numeral's start: the unit as written keeps them (`万元`).
    pub multiplier_at: Option<usize>,
    /// Only multipliers and approximations, no digit (`万`, `上百`, `数十`, `百`).
    pub bare_multiplier: bool,
    /// A string of digits without multipliers (`2021`, `二〇二一`).
    pub digit_string: bool,
    /// Its number of digits when it is a digit string or a plain Arabic integer.
    pub digits: usize,
    /// Written with a sign (`-`, `负`, `零下`).
    pub negative: bool,
    /// The sign's length in bytes (0 without one).
    pub sign_len: usize,
}

/// The character at byte `i`.
fn at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// An Arabic number (or placeholder) at `i`: digits with thousands groups, decimals.
/// Returns (value, byte length, decimal, placeholder, digits before the point).
fn arabic(text: &str, i: usize) -> Option<(Option<f64>, usize, bool, bool, usize)> {
    let b = text.as_bytes();
    let digitish = |j: usize| -> usize {
        match b.get(j) {
            Some(c) if c.is_ascii_digit() || *c == b'x' || *c == b'X' => 1,
            // × (C3 97) stands for x in some drafts
            Some(0xC3) if b.get(j + 1) == Some(&0x97) => 2,
            _ => 0,
        }
    };
    let mut j = i;
    let mut int_digits = 0;
    while digitish(j) > 0 {
        j += digitish(j);
        int_digits += 1;
    }
    if j == i {
        return None;
    }
    // thousands groups: ,ddd not followed by a fourth digit
    while b.get(j) == Some(&b',')
        && b.get(j + 1..j + 4)
            .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
        && !b.get(j + 4).is_some_and(u8::is_ascii_digit)
    {
        j += 4;
        int_digits += 3;
    }
    let mut decimal = false;
    if b.get(j) == Some(&b'.') && digitish(j + 1) > 0 {
        decimal = true;
        j += 1;
        while digitish(j) > 0 {
            j += digitish(j);
        }
    }
    let s = &text[i..j];
    let placeholder = s.chars().any(is_placeholder_letter);
    let value = if placeholder { None } else { parse_arabic(s) };
    Some((value, j - i, decimal, placeholder, int_digits))
}

/// A run of Chinese digits at `i`, with 点 and the digits of a decimal part: (value, byte
/// length, decimal, digit string, digits). `None` for two digits side by side that are no
/// digit string (`三四`: three or four).
fn chinese_digits(text: &str, i: usize) -> Option<(f64, usize, bool, bool, usize)> {
    let mut j = i;
    let mut digits = Vec::new();
    while let Some(c) = at(text, j) {
        match chinese_digit(c) {
            Some(d) => {
                digits.push((c, d));
                j += c.len_utf8();
            }
            None => break,
        }
    }
    if digits.is_empty() {
        return None;
    }
    // a decimal part: 点 and digits
    if at(text, j) == Some('点') {
        let k = j + '点'.len_utf8();
        let mut frac = String::new();
        let mut e = k;
        while let Some(d) = at(text, e).and_then(chinese_digit) {
            frac.push(char::from_digit(d, 10).unwrap_or('0'));
            e += 3;
        }
        if !frac.is_empty() && digits.len() == 1 {
            let f: f64 = format!("0.{frac}").parse().ok()?;
            return Some((digits[0].1 as f64 + f, e - i, true, false, 1));
        }
    }
    if digits.len() == 1 {
        return Some((digits[0].1 as f64, j - i, false, false, 1));
    }
    // 零 inside a number stands alone: 一百零五
    if digits[0].0 == '零' && !digits.iter().any(|&(c, _)| matches!(c, '〇' | '○')) {
        return Some((0.0, '零'.len_utf8(), false, false, 1));
    }
    // a digit string as years are written: 二〇二一, 一九九八 (not 两)
    let string = digits.iter().all(|&(c, _)| c != '两')
        && (digits.len() == 4 || digits.iter().any(|&(c, _)| matches!(c, '〇' | '○')));
    if !string {
        return None;
    }
    let v = digits.iter().fold(0.0, |v, &(_, d)| v * 10.0 + d as f64);
    Some((v, j - i, false, true, digits.len()))
}

/// How the value is being built: completed 亿 and 万 parts, the part below 万, and the
/// number waiting for its multiplier.
#[derive(Default)]
struct Build {
    total: f64,
    section: f64,
    pending: Option<f64>,
    /// The pending number is one Chinese digit (for the colloquial 两千五 = 2500).
    pending_chinese_digit: bool,
    /// The last multiplier, for that colloquial reading.
    last_unit: f64,
    /// A 零 was read since the last multiplier (一万零五: the 五 is 5, not 5000).
    after_zero: bool,
}

impl Build {
    fn value(&self) -> f64 {
        let tail = match self.pending {
            Some(n)
                if self.pending_chinese_digit && !self.after_zero && self.last_unit >= 100.0 =>
            {
                n * self.last_unit / 10.0
            }
            Some(n) => n,
            None => 0.0,
        };
        self.total + self.section + tail
    }
}

/// Reads the numeral starting at byte `at` of `text`, if one does. `unit_at(i)` says
/// whether a unit starts at byte `i`: a multiplier that begins a unit (千 of 千米, 千克,
/// 千瓦时) is left to it.
pub fn read(text: &str, at_: usize, unit_at: &dyn Fn(usize) -> bool) -> Option<Numeral> {
    let mut i = at_;
    let mut negative = false;
    // a sign: 零下5, 负三十二, -3.2
    let rest = text.get(i..)?;
    let starts_number = |j: usize| {
        at(text, j).is_some_and(|c| c.is_ascii_digit() || crate::text::chars::is_chinese_numeral(c))
    };
    if rest.starts_with("零下") && starts_number(i + "零下".len()) {
        negative = true;
        i += "零下".len();
    } else if rest.starts_with('负') && starts_number(i + '负'.len_utf8()) {
        negative = true;
        i += '负'.len_utf8();
    } else if rest.starts_with('-') && text.as_bytes().get(i + 1).is_some_and(u8::is_ascii_digit) {
        negative = true;
        i += 1;
    }
    let mut n = Numeral {
        len: 0,
        value: None,
        placeholder: false,
        decimal: false,
        chinese: false,
        arabic: false,
        approx: false,
        multiplier_at: None,
        bare_multiplier: true,
        digit_string: false,
        digits: 0,
        negative,
        sign_len: i - at_,
    };
    let mut b = Build::default();
    let mut tokens = 0;
    let mut last_was_multiplier = false;
    while let Some(c) = at(text, i) {
        if c.is_ascii_digit() || (is_placeholder_letter(c) && (tokens == 0 || last_was_multiplier))
        {
            let Some((v, len, decimal, placeholder, digits)) = arabic(text, i) else {
                break;
            };
            if b.pending.is_some() {
                break;
            }
            b.pending = Some(v.unwrap_or(0.0));
            b.pending_chinese_digit = false;
            n.placeholder |= placeholder;
            n.decimal |= decimal;
            n.arabic = true;
            n.bare_multiplier = false;
            n.digits = digits;
            n.multiplier_at = None;
            i += len;
            last_was_multiplier = false;
        } else if let Some((v, len, decimal, string, digits)) = chinese_digits(text, i) {
            if b.pending.is_some() {
                break;
            }
            let zero = !decimal && !string && v == 0.0;
            if zero && tokens > 0 {
                b.after_zero = true;
            } else {
                b.pending = Some(v);
                b.pending_chinese_digit = !decimal && !string;
                n.bare_multiplier = false;
            }
            n.decimal |= decimal;
            n.digit_string = string;
            n.digits = digits;
            n.chinese = true;
            n.multiplier_at = None;
            i += len;
            last_was_multiplier = false;
        } else if chinese_digit(c).is_none() && at(text, i).is_some_and(|_| c == '点') {
            break;
        } else if let Some(u) = chinese_small_unit(c) {
            if unit_at(i) || n.digit_string {
                break;
            }
            let u = f64::from(u);
            // 十 alone is a number (十家, 十万吨), 百 and 千 alone are words (百姓, 千吨)
            if u == 10.0 && tokens == 0 {
                n.bare_multiplier = false;
            }
            let m = match b.pending.take() {
                Some(m) => m,
                // 十六, and a leading 百 or 千 (百余篇, 千余人)
                None if u == 10.0 || (b.section == 0.0 && b.total == 0.0) => 1.0,
                None => break,
            };
            b.section += m * u;
            b.last_unit = u;
            b.after_zero = false;
            b.pending_chinese_digit = false;
            n.chinese = true;
            if !last_was_multiplier {
                n.multiplier_at = Some(i - at_);
            }
            i += c.len_utf8();
            last_was_multiplier = true;
        } else if c == '廿' || c == '卅' {
            b.section += if c == '廿' { 20.0 } else { 30.0 };
            n.chinese = true;
            n.bare_multiplier = false;
            i += c.len_utf8();
            last_was_multiplier = false;
        } else if let Some(u) = chinese_big_unit(c) {
            if n.digit_string || unit_at(i) {
                break;
            }
            let part = b.section + b.pending.take().unwrap_or(0.0);
            if u == 1e8 {
                // 亿 multiplies what came before it, 万 parts too (1.2万亿), but a number
                // between a 万 and it is out of order (3万4亿)
                if part != 0.0 && b.total != 0.0 && b.last_unit == 1e4 {
                    break;
                }
                let base = b.total
                    + if part == 0.0 && b.total == 0.0 {
                        1.0
                    } else {
                        part
                    };
                b.total = base * u;
            } else if part == 0.0 && b.total != 0.0 {
                break; // 万万
            } else {
                b.total += if part == 0.0 { 1.0 } else { part } * u;
            }
            b.section = 0.0;
            b.last_unit = u;
            b.after_zero = false;
            b.pending_chinese_digit = false;
            n.chinese = true;
            if !last_was_multiplier {
                n.multiplier_at = Some(i - at_);
            }
            i += c.len_utf8();
            last_was_multiplier = true;
        } else if matches!(c, '余' | '多' | '几')
            && tokens > 0
            && at(text, i + 3)
                .is_some_and(|d| chinese_small_unit(d).is_some() || chinese_big_unit(d).is_some())
            && !unit_at(i + 3)
        {
            // 500余万, 十几万, 3千多万: an approximation before a multiplier
            n.approx = true;
            i += c.len_utf8();
            continue;
        } else if c == '几' && last_was_multiplier && b.last_unit == 10.0 {
            // 二十几: twenty-odd
            n.approx = true;
            i += c.len_utf8();
            break;
        } else if matches!(c, '数' | '几')
            && tokens == 0
            && at(text, i + 3)
                .is_some_and(|d| chinese_small_unit(d).is_some() || chinese_big_unit(d).is_some())
        {
            // 数十, 几百: some tens, some hundreds
            n.approx = true;
            i += c.len_utf8();
            continue;
        } else {
            break;
        }
        tokens += 1;
    }
    if tokens == 0 {
        return None;
    }
    n.len = i - at_;
    if !n.placeholder {
        let mut v = b.value();
        // 3.26 × 10⁴ is 32599.999999999996 in binary: keep 12 significant digits
        if n.decimal && n.multiplier_at.is_some() && v != 0.0 {
            let scale = 10f64.powi(11 - v.abs().log10().floor() as i32);
            v = (v * scale).round() / scale;
        }
        n.value = Some(if negative { -v } else { v });
    }
    if n.multiplier_at.is_some() || b.total != 0.0 || b.section != 0.0 {
        n.digit_string = false;
    }
    Some(n)
}

/// Parses a whole Chinese numeral: `十六` → 16, `一万零十二` → 10012, `两千五` → 2500,
/// `二〇二一` → 2021, `三点五` → 3.5, `三分之一` → 0.333…, `百分之零点九` → 0.9 (the caller
/// knows it is a percentage).
pub fn parse_chinese(s: &str) -> Option<f64> {
    if let Some(rest) = s
        .strip_prefix("百分之")
        .or_else(|| s.strip_prefix("千分之"))
    {
        return parse_chinese(rest);
    }
    if let Some((den, num)) = s.split_once("分之") {
        let (d, n) = (parse_chinese(den)?, parse_chinese(num)?);
        return (d != 0.0).then(|| n / d);
    }
    if s.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    parse_number(s)
}

/// Parses an Arabic number with optional thousands separators and decimals: `1,100`,
/// `3.5`, `0.54`. Returns `None` for anything else.
pub fn parse_arabic(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    if b.first().is_none_or(|c| !c.is_ascii_digit()) {
        return None;
    }
    let mut int: f64 = 0.0;
    let mut i = 0;
    let mut group_len: Option<usize> = None; // digits since the last comma
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b',') {
        if b[i] == b',' {
            // a thousands separator: three digits after, and groups of three before it
            if group_len.is_some_and(|g| g != 3) || (group_len.is_none() && i > 3) {
                return None;
            }
            group_len = Some(0);
        } else {
            int = int * 10.0 + (b[i] - b'0') as f64;
            if let Some(g) = group_len.as_mut() {
                *g += 1;
            }
        }
        i += 1;
    }
    if group_len.is_some_and(|g| g != 3) {
        return None;
    }
    if i == b.len() {
        return Some(int);
    }
    if b[i] != b'.' || i + 1 == b.len() || !b[i + 1..].iter().all(u8::is_ascii_digit) {
        return None;
    }
    // the decimals, read as written (3.2640 is 3.264) through the standard parser
    let frac: f64 = format!("0{}", &s[i..]).parse().ok()?;
    Some(int + frac)
}

/// Parses a whole numeral of any form (see `read`): `3.5万` → 35000, `3万4000` → 34000,
/// `1,100万` → 11000000, `2亿5000万` → 250000000, `十六` → 16. `None` when `s` is not
/// exactly one numeral.
pub fn parse_number(s: &str) -> Option<f64> {
    let n = read(s, 0, &|_| false)?;
    (n.len == s.len() && !n.approx).then_some(n.value).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The numeral at the start of `s`: its text and value.
    fn read_all(s: &str) -> Option<(&str, Option<f64>)> {
        let n = read(s, 0, &|i| {
            s[i..].starts_with("千米") || s[i..].starts_with("千克")
        })?;
        Some((&s[..n.len], n.value))
    }

    #[track_caller]
    fn assert_reads(s: &str, text: &str, value: f64) {
        let (t, v) = read_all(s).unwrap_or_else(|| panic!("{s:?} did not read"));
        assert_eq!(t, text, "{s:?}");
        let v = v.unwrap_or_else(|| panic!("{s:?} has no value"));
        assert!(
            (v - value).abs() <= 1e-9 * value.abs().max(1.0),
            "{s:?}: {v} != {value}"
        );
    }

    #[test]
    fn chinese_integers() {
        for (s, v) in [
            ("一", 1.0),
            ("十", 10.0),
            ("十六", 16.0),
            ("二十", 20.0),
            ("三百", 300.0),
            ("两千", 2000.0),
            ("两千五", 2500.0),
            ("三万五", 35000.0),
            ("一万零十二", 10012.0),
            ("一百零五", 105.0),
            ("二十万", 200_000.0),
            ("三亿五千万", 350_000_000.0),
            ("一万亿", 1e12),
            ("壹佰", 100.0),
            ("贰拾叁", 23.0),
            ("廿一", 21.0),
            ("零", 0.0),
            ("百", 100.0),
            ("千", 1000.0),
            ("一百五十二", 152.0),
            ("十万", 100_000.0),
        ] {
            assert_eq!(parse_number(s), Some(v), "{s}");
        }
    }

    #[test]
    fn digit_strings_decimals_fractions() {
        assert_eq!(parse_number("二〇二一"), Some(2021.0));
        assert_eq!(parse_number("一九九八"), Some(1998.0));
        assert_eq!(parse_chinese("三点五"), Some(3.5));
        assert_eq!(parse_chinese("零点九"), Some(0.9));
        assert_eq!(parse_chinese("百分之零点九"), Some(0.9));
        assert_eq!(parse_chinese("百分之五十"), Some(50.0));
        assert!((parse_chinese("三分之一").unwrap() - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(parse_chinese("千分之三"), Some(3.0));
    }

    #[test]
    fn arabic_and_mixed() {
        for (s, v) in [
            ("1,100", 1100.0),
            ("3.5", 3.5),
            ("3.5万", 35000.0),
            ("3万4000", 34000.0),
            ("1,100万", 11_000_000.0),
            ("2亿5000万", 250_000_000.0),
            ("0.54万", 5400.0),
            ("5千", 5000.0),
            ("1.2万亿", 1.2e12),
            ("5万4千6百", 54600.0),
            ("1亿2000万", 120_000_000.0),
            ("2千万", 20_000_000.0),
            ("三点二六万", 32600.0),
            ("5百万", 5_000_000.0),
        ] {
            assert_eq!(parse_number(s), Some(v), "{s}");
        }
    }

    #[test]
    fn approximations_inside() {
        assert_reads("500余万元", "500余万", 5_000_000.0);
        assert_reads("3000多万元", "3000多万", 30_000_000.0);
        assert_reads("十几万吨", "十几万", 100_000.0);
        assert_reads("二十几个", "二十几", 20.0);
        assert_reads("数十家", "数十", 10.0);
        assert_reads("几百人", "几百", 100.0);
        assert!(read("500余万", 0, &|_| false).unwrap().approx);
        assert!(!read("500万", 0, &|_| false).unwrap().approx);
    }

    #[test]
    fn signs() {
        assert_reads("-3.2%", "-3.2", -3.2);
        assert_reads("负三十二", "负三十二", -32.0);
        assert_reads("零下5℃", "零下5", -5.0);
        assert_reads("零下十度", "零下十", -10.0);
        assert!(read("负责", 0, &|_| false).is_none());
    }

    #[test]
    fn units_that_start_with_a_multiplier() {
        assert_reads("5千米", "5", 5.0);
        assert_reads("3千克", "3", 3.0);
        assert_reads("5千吨", "5千", 5000.0);
    }

    #[test]
    fn multipliers_are_located() {
        let n = read("3.5万元", 0, &|_| false).unwrap();
        assert_eq!(n.multiplier_at, Some(3));
        let n = read("2千万元", 0, &|_| false).unwrap();
        assert_eq!(n.multiplier_at, Some(1));
        let n = read("3万4000吨", 0, &|_| false).unwrap();
        assert_eq!(n.multiplier_at, None);
    }

    #[test]
    fn rejects() {
        for s in ["", "三四", "1,10", "1.", "万万", "3万4亿", "点"] {
            assert_eq!(parse_number(s), None, "{s:?}");
        }
        assert_eq!(parse_arabic("x"), None);
    }
}
