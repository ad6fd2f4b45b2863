//! The year covered, the reporting period and the kind of document.

use super::{Found, MetaFound};
use crate::lexicon::Lexicon;
use crate::span::{Normalized, Span};
use crate::text::chars::{is_han, take_while_len};
use crate::text::dates::find_year;
use crate::text::words::range_dash_at;

/// The year the report covers.
pub(super) fn covered_year(
    text: &str,
    lines: &[Span<Normalized>],
    m: &MetaFound,
    first_body: &[usize],
) -> Option<i32> {
    if let Some((y, _)) = m.title.as_ref().and_then(|t| find_year(&t.value)) {
        return Some(y);
    }
    // a paragraph that opens with its year: 2021年，… / 2021年是… / 2021年以来…
    for &i in first_body {
        let s = lines[i].slice(text);
        if let Some((y, 0)) = find_year(s) {
            let after = &s[4 + '年'.len_utf8()..];
            if after.starts_with(['，', '是', '以', '度', '全', '，']) {
                return Some(y);
            }
        }
    }
    if let Some(d) = m.date.as_ref().filter(|_| !m.signature.is_empty()) {
        return d.value[..4].parse().ok();
    }
    // 十四五开局之年 → 2021
    for &i in first_body {
        if let Some(y) = plan_year(lines[i].slice(text)) {
            return Some(y);
        }
    }
    // the most mentioned year
    let mut counts: Vec<(i32, usize)> = Vec::new();
    let mut rest = text;
    let mut guard = 0;
    while let Some((y, at)) = find_year(rest) {
        match counts.iter_mut().find(|(v, _)| *v == y) {
            Some((_, n)) => *n += 1,
            None => counts.push((y, 1)),
        }
        rest = &rest[at + 4..];
        guard += 1;
        if guard > 10_000 {
            break;
        }
    }
    if let Some(&(y, _)) = counts.iter().max_by_key(|&&(y, n)| (n, y)) {
        return Some(y);
    }
    m.date.as_ref().and_then(|d| d.value[..4].parse().ok())
}

/// The year a five-year-plan phrase names: 十四五开局之年 → 2021, 十三五收官之年 → 2020.
pub(super) fn plan_year(s: &str) -> Option<i32> {
    let at = s.find('十')?;
    let rest = &s[at..];
    let plan = ["十一五", "十二五", "十三五", "十四五", "十五五", "十六五"]
        .iter()
        .position(|p| rest.starts_with(p))?;
    let n = 11 + plan as i32;
    let start = 1966 + 5 * (n - 3);
    let after = &rest["十四五".len()..];
    let window: String = after.chars().take(12).collect();
    if window.contains("开局之年") || window.contains("开局年") || window.contains("第一年")
    {
        Some(start)
    } else if window.contains("收官之年")
        || window.contains("收官年")
        || window.contains("最后一年")
    {
        Some(start + 4)
    } else {
        None
    }
}

pub(super) fn find_period(
    text: &str,
    lines: &[Span<Normalized>],
    m: &MetaFound,
    first_body: &[usize],
    lex: &Lexicon,
) -> Option<Found<String>> {
    let mut places: Vec<Span<Normalized>> = m.title.iter().map(|t| t.span).collect();
    places.extend(first_body.iter().take(1).map(|&i| lines[i]));
    for span in places {
        let s = span.slice(text);
        if let Some((a, b, _)) = lex.period.find(s) {
            return Some(Found {
                value: s[a..b].to_string(),
                span: Span::new(span.start + a, span.start + b),
            });
        }
        // 1-6月, 1至6月, 1—6月
        for (i, c) in s.char_indices() {
            if !c.is_ascii_digit() || s[..i].ends_with(|p: char| p.is_ascii_digit()) {
                continue;
            }
            let d1 = take_while_len(&s[i..], |c| c.is_ascii_digit());
            let r = &s[i + d1..];
            let Some(sep) = range_dash_at(r) else {
                continue;
            };
            let r2 = &r[sep.len()..];
            let d2 = take_while_len(r2, |c| c.is_ascii_digit());
            if d2 > 0 && r2[d2..].starts_with('月') {
                let end = i + d1 + sep.len() + d2 + '月'.len_utf8();
                return Some(Found {
                    value: s[i..end].to_string(),
                    span: Span::new(span.start + i, span.start + end),
                });
            }
        }
    }
    None
}

pub(super) fn find_kind(
    text: &str,
    lines: &[Span<Normalized>],
    m: &MetaFound,
    first_body: &[usize],
    lex: &Lexicon,
) -> Option<String> {
    if let Some(t) = &m.title {
        let v = t.value.trim_end_matches(|c: char| !is_han(c));
        if let Some((_, kind)) = lex.doc_kind.longest_ending_at(v, v.len()) {
            return Some(kind.to_string());
        }
    }
    // 现将有关情况汇报如下
    for &i in first_body {
        let s = lines[i].slice(text);
        if let Some(at) = crate::text::search::match_starts(s, "如下").next() {
            if let Some((_, kind)) = lex.report_verb.longest_ending_at(s, at) {
                return Some(kind.to_string());
            }
        }
    }
    None
}
