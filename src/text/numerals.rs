//! The grammar of numerals: Arabic (`1,100`, `3.5`), Chinese (`一万零十二`, `两千`,
//! `壹佰`, `三点五`, `二〇二一`), mixed (`3万4000`, `1,100万`) and fractions
//! (`三分之一`, `百分之零点九`). Pure functions over strings; [`mod@crate::numbers`] finds
//! numerals in running text and decides what they are.

use crate::text::chars::{chinese_big_unit, chinese_digit, chinese_small_unit};

/// Parses a whole Chinese numeral: `十六` → 16, `一万零十二` → 10012, `两千五` → 2500,
/// `二〇二一` → 2021 (a digit string), `三点五` → 3.5, `三分之一` → 0.333…,
/// `百分之零点九` → 0.9 (the caller knows it is a percentage).
pub fn parse_chinese(s: &str) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    if let Some(rest) = s
        .strip_prefix("百分之")
        .or_else(|| s.strip_prefix("千分之"))
    {
        return parse_chinese(rest);
    }
    if crate::text::search::has(s, '分') {
        if let Some((den, num)) = s.split_once("分之") {
            let (d, n) = (parse_chinese(den)?, parse_chinese(num)?);
            return (d != 0.0).then(|| n / d);
        }
    }
    if let Some((int, frac)) = s.split_once('点') {
        let i = if int.is_empty() {
            0.0
        } else {
            parse_chinese(int)?
        };
        let digits: Option<String> = frac
            .chars()
            .map(|c| chinese_digit(c).and_then(|d| char::from_digit(d, 10)))
            .collect();
        let digits = digits.filter(|d| !d.is_empty())?;
        let f: f64 = format!("0.{digits}").parse().ok()?;
        return Some(i + f);
    }
    // a string of digits without units, as years are written: 二〇二一, 一九九八
    let chars: Vec<char> = s.chars().collect();
    let digit_string = chars
        .iter()
        .all(|&c| chinese_digit(c).is_some() && c != '两');
    if digit_string
        && (chars.len() == 4 || (chars.len() >= 2 && chars.iter().any(|&c| c == '〇' || c == '○')))
    {
        let mut v = 0.0;
        for c in chars {
            v = v * 10.0 + chinese_digit(c)? as f64;
        }
        return Some(v);
    }
    parse_chinese_integer(&chars)
}

fn parse_chinese_integer(chars: &[char]) -> Option<f64> {
    let mut total = 0.0f64; // completed 亿 and 万 parts
    let mut section = 0.0f64; // below 万
    let mut number: Option<f64> = None;
    // the unit of the last multiplier, for the colloquial 两千五 (= 2500)
    let mut last_unit = 0.0f64;
    let mut after_zero = false;
    let mut any = false;
    for &c in chars {
        if let Some(d) = chinese_digit(c) {
            if number.is_some() {
                return None; // 三四 is not an integer here
            }
            if d == 0 {
                after_zero = true;
                last_unit = 0.0;
                continue;
            }
            number = Some(d as f64);
            any = true;
        } else if let Some(u) = chinese_small_unit(c) {
            let n = match number.take() {
                Some(n) => n,
                // 十六, and a leading 百 or 千 (百余篇, 千余人)
                None if u == 10 || (section == 0.0 && total == 0.0) => 1.0,
                None => return None,
            };
            section += n * u as f64;
            last_unit = u as f64;
            after_zero = false;
            any = true;
        } else if let Some(u) = chinese_big_unit(c) {
            let part = section + number.take().unwrap_or(0.0);
            // a bare 万 at the start is one 万
            let part = if part == 0.0 && total == 0.0 {
                1.0
            } else {
                part
            };
            if u == 1e8 {
                total = (total + part) * u;
            } else if part == 0.0 {
                return None; // 万万
            } else {
                total += part * u;
            }
            section = 0.0;
            last_unit = u;
            after_zero = false;
            any = true;
        } else if c == '廿' {
            section += 20.0;
            any = true;
        } else if c == '卅' {
            section += 30.0;
            any = true;
        } else {
            return None;
        }
    }
    if !any {
        return if after_zero { Some(0.0) } else { None };
    }
    let tail = match number {
        // 两千五: a lone digit right after a multiplier counts in the next lower unit
        Some(n) if !after_zero && last_unit >= 100.0 => n * last_unit / 10.0,
        Some(n) => n,
        None => 0.0,
    };
    Some(total + section + tail)
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
    let frac: f64 = format_decimals(&b[i..])?;
    Some(int + frac)
}

/// `.5` → 0.5: the fractional part, parsed exactly.
fn format_decimals(b: &[u8]) -> Option<f64> {
    let mut buf = [0u8; 40];
    if b.len() + 1 > buf.len() {
        // very long decimals: fall back to a string
        return format!("0{}", std::str::from_utf8(b).ok()?).parse().ok();
    }
    buf[0] = b'0';
    buf[1..=b.len()].copy_from_slice(b);
    std::str::from_utf8(&buf[..=b.len()]).ok()?.parse().ok()
}

/// Parses a number that may mix Arabic digits with Chinese multipliers: `3.5万` → 35000,
/// `3万4000` → 34000, `1,100万` → 11000000, `2亿5000万` → 250000000, and plain Chinese or
/// Arabic numerals.
pub fn parse_number(s: &str) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        // split at the big multipliers: 2亿5000万 → [2, 亿, 5000, 万]
        let mut total = 0.0;
        let mut pending = String::new();
        let mut last_big = f64::INFINITY;
        for c in s.chars() {
            if let Some(u) = chinese_big_unit(c).or_else(|| (c == '千').then_some(1e3)) {
                if u >= last_big {
                    return None;
                }
                total += parse_arabic(&pending)? * u;
                pending.clear();
                last_big = u;
            } else {
                pending.push(c);
            }
        }
        if !pending.is_empty() {
            total += parse_arabic(&pending)?;
        }
        return Some(total);
    }
    parse_chinese(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_num(s: &str, expected: f64) {
        let v = parse_number(s).unwrap_or_else(|| panic!("{s:?} did not parse"));
        assert!(
            (v - expected).abs() < 1e-9 * expected.abs().max(1.0),
            "{s:?}: {v} != {expected}"
        );
    }

    #[test]
    fn chinese_integers() {
        assert_num("一", 1.0);
        assert_num("十", 10.0);
        assert_num("十六", 16.0);
        assert_num("二十", 20.0);
        assert_num("三百", 300.0);
        assert_num("两千", 2000.0);
        assert_num("两千五", 2500.0);
        assert_num("三万五", 35000.0);
        assert_num("一万零十二", 10012.0);
        assert_num("一百零五", 105.0);
        assert_num("二十万", 200_000.0);
        assert_num("三亿五千万", 350_000_000.0);
        assert_num("一万亿", 1e12);
        assert_num("壹佰", 100.0);
        assert_num("贰拾叁", 23.0);
        assert_num("廿一", 21.0);
        assert_num("零", 0.0);
        assert_num("百", 100.0);
        assert_num("千", 1000.0);
    }

    #[test]
    fn chinese_digit_strings_decimals_fractions() {
        assert_num("二〇二一", 2021.0);
        assert_num("三点五", 3.5);
        assert_num("零点九", 0.9);
        assert_num("百分之零点九", 0.9);
        assert_num("百分之五十", 50.0);
        assert_num("三分之一", 1.0 / 3.0);
        assert_num("千分之三", 3.0);
    }

    #[test]
    fn arabic_and_mixed() {
        assert_num("1,100", 1100.0);
        assert_num("3.5", 3.5);
        assert_num("3.5万", 35000.0);
        assert_num("3万4000", 34000.0);
        assert_num("1,100万", 11_000_000.0);
        assert_num("2亿5000万", 250_000_000.0);
        assert_num("0.54万", 5400.0);
        assert_num("5千", 5000.0);
    }

    #[test]
    fn rejects() {
        for s in ["", "三四", "1,10", "1.", "万万", "x", "3万4亿", "点"] {
            assert_eq!(parse_number(s), None, "{s:?}");
        }
    }
}
