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
    (is_chinese_numeral(c) && c != '万' && c != '亿') || c == '○'
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
    // ○ (a white circle) stands for 〇 in typed dates: 二○二一年
    let digits = s[..n].replace('○', "〇");
    Some((parse_chinese(&digits)? as u32, n))
}

/// A date at the start of `s`: `2018年8月31日`, `二〇一八年八月三十一日`, `2020-05-13`,
/// `2020.5.13`, `2020/05/13`.
pub fn parse_date(s: &str) -> Option<DateFound> {
    let (year, yl) = number_at(s)?;
    if !(1949..=2100).contains(&year) {
        return None;
    }
    let rest = &s[yl..];
    // a PDF's spaces around the characters: 2021 年 8 月 5 日
    let spaces = |s: &str| take_while_len(s, |c| c == ' ');
    let pad = spaces(rest);
    if rest[pad..].starts_with('年') {
        let r = &rest[pad + '年'.len_utf8()..];
        let p1 = spaces(r);
        let (month, ml) = number_at(&r[p1..])?;
        let r = &r[p1 + ml..];
        let p2 = spaces(r);
        let r = r[p2..].strip_prefix('月')?;
        let p3 = spaces(r);
        let (day, dl) = number_at(&r[p3..])?;
        let r = &r[p3 + dl..];
        let p4 = spaces(r);
        if !(r[p4..].starts_with('日') || r[p4..].starts_with('号')) {
            return None;
        }
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        let len = yl + pad + 3 + p1 + ml + p2 + 3 + p3 + dl + p4 + 3;
        return Some(DateFound {
            year: year as i32,
            month,
            day,
            len,
        });
    }
    let sep = rest.chars().next()?;
    let (month, ml, day, dl, tail) = match sep {
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
        .or_else(|| find_english_date(s))
}

/// A date as English headers write it: `Wed, 26 May 2021 03:25:49 GMT`, `26 May 2021`.
fn find_english_date(s: &str) -> Option<(usize, DateFound)> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let b = s.as_bytes();
    for (i, _) in s.char_indices() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            continue;
        }
        let dl = take_while_len(&s[i..], |c| c.is_ascii_digit());
        let Ok(day) = s[i..i + dl].parse::<u32>() else {
            continue;
        };
        let r = &s[i + dl..];
        let Some(r) = r.strip_prefix(' ') else {
            continue;
        };
        let ml = take_while_len(r, |c| c.is_ascii_alphabetic());
        let Some(month) = (ml >= 3)
            .then(|| MONTHS.iter().position(|m| r[..3].eq_ignore_ascii_case(m)))
            .flatten()
        else {
            continue;
        };
        let Some(r2) = r[ml..].strip_prefix(' ') else {
            continue;
        };
        let yl = take_while_len(r2, |c| c.is_ascii_digit());
        let Some(year) = (yl == 4).then(|| r2[..4].parse::<i32>().ok()).flatten() else {
            continue;
        };
        if (1..=31).contains(&day) && (1949..=2100).contains(&year) {
            let len = dl + 1 + ml + 1 + 4;
            return Some((
                i,
                DateFound {
                    year,
                    month: month as u32 + 1,
                    day,
                    len,
                },
            ));
        }
    }
    None
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
        assert_eq!(iso("二○二一年八月八日"), Some("2021-08-08".into()));
        assert_eq!(iso("2021 年 8 月 5 日"), Some("2021-08-05".into()));
        assert_eq!(iso("2023/2/27 9:50:05"), Some("2023-02-27".into()));
        assert_eq!(
            find_date("date: Wed, 26 May 2021 03:25:49 GMT").map(|(i, d)| (i, d.iso())),
            Some((11, "2021-05-26".into()))
        );
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
