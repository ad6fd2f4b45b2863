//! Dates as official writing gives them: `2018年8月31日`, `二〇一八年八月三十一日`,
//! `2020-05-13`, `2020.5.13`, and years followed by 年.

use crate::text::chars::{is_chinese_numeral, is_space, take_while_len};
use crate::text::numerals::parse_chinese;

/// A date parsed from text: year, month, day and the byte length it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateFound {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub len: usize,
}

impl DateFound {
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn is_cn_num(c: char) -> bool {
    is_chinese_numeral(c) && c != '万' && c != '亿'
}

/// Parses a number written in Arabic digits or Chinese numerals at the start of `s`.
fn number_at(s: &str) -> Option<(u32, usize)> {
    let n = take_while_len(s, |c| c.is_ascii_digit());
    if n > 0 {
        return Some((s[..n].parse().ok()?, n));
    }
    let n = take_while_len(s, is_cn_num);
    if n == 0 {
        return None;
    }
    Some((parse_chinese(&s[..n])? as u32, n))
}

/// A date at the start of `s`: `2018年8月31日`, `二〇一八年八月三十一日`, `2020-05-13`,
/// `2020.5.13`, `2020/05/13`.
pub fn parse_date(s: &str) -> Option<DateFound> {
    let (year, yl) = number_at(s)?;
    if !(1949..=2100).contains(&year) {
        return None;
    }
    let rest = &s[yl..];
    let sep = rest.chars().next()?;
    let (month, ml, day, dl, tail) = match sep {
        '年' => {
            let r = &rest[sep.len_utf8()..];
            let (m, ml) = number_at(r)?;
            let r2 = r[ml..].strip_prefix('月')?;
            let (d, dl) = number_at(r2)?;
            let r3 = &r2[dl..];
            let t = if r3.starts_with('日') || r3.starts_with('号') {
                3
            } else {
                return None;
            };
            (m, ml + '月'.len_utf8(), d, dl, t)
        }
        '-' | '.' | '/' => {
            let r = &rest[1..];
            let (m, ml) = number_at(r).filter(|(_, l)| *l <= 2)?;
            let r2 = r[ml..].strip_prefix(sep)?;
            let (d, dl) = number_at(r2).filter(|(_, l)| *l <= 2)?;
            (m, ml + 1, d, dl, 0)
        }
        _ => return None,
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let len = yl + sep.len_utf8() + ml + dl + tail;
    Some(DateFound {
        year: year as i32,
        month,
        day,
        len,
    })
}

/// The first date anywhere in `s`, with its byte offset.
pub fn find_date(s: &str) -> Option<(usize, DateFound)> {
    s.char_indices()
        .filter(|&(i, c)| {
            (c.is_ascii_digit() || is_cn_num(c))
                && !s[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_digit() || is_cn_num(p))
        })
        .find_map(|(i, _)| parse_date(&s[i..]).map(|d| (i, d)))
}

/// A line that is only a date (with brackets or spaces around it).
pub fn parse_date_line(s: &str) -> Option<DateFound> {
    let t = s.trim_matches(|c: char| is_space(c) || matches!(c, '（' | '）' | '(' | ')'));
    let d = parse_date(t)?;
    t[d.len..].trim().is_empty().then_some(d)
}

/// A 4-digit year followed by 年 in `s` (not a month or range part): its value and offset.
pub fn find_year(s: &str) -> Option<(i32, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit) && (i == 0 || !b[i - 1].is_ascii_digit()) {
            let rest = &s[i + 4..];
            if rest.starts_with('年') && (i + 4 == b.len() || !b[i + 4].is_ascii_digit()) {
                let y: i32 = s[i..i + 4].parse().ok()?;
                if (1949..=2100).contains(&y) {
                    return Some((y, i));
                }
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let iso = |s: &str| parse_date(s).map(|d| d.iso());
        assert_eq!(iso("2018年8月31日"), Some("2018-08-31".into()));
        assert_eq!(iso("二〇一八年八月三十一日"), Some("2018-08-31".into()));
        assert_eq!(iso("2020-05-13 14:48"), Some("2020-05-13".into()));
        assert_eq!(iso("2020.5.3"), Some("2020-05-03".into()));
        assert_eq!(iso("2020年13月1日"), None);
        assert_eq!(iso("2019年"), None);
        assert_eq!(
            parse_date_line("（2018年8月31日）").map(|d| d.iso()),
            Some("2018-08-31".into())
        );
        assert_eq!(
            find_date("发布时间：2020-05-13 14:48").map(|(i, d)| (i, d.iso())),
            Some((15, "2020-05-13".into()))
        );
    }

    #[test]
    fn years() {
        assert_eq!(
            find_year("安康市生态环境局2019年城市创建工作综述"),
            Some((2019, 24))
        );
        assert_eq!(find_year("20xx年"), None);
    }
}
