//! The year covered, the reporting period and the kind of document.

use super::{Found, MetaFound};
use crate::lexicon::Lexicon;
use crate::span::{Normalized, Span};
use crate::text::chars::{is_han, take_while_len};
use crate::text::dates::find_year;
use crate::text::words::range_dash_at;

/// Whether the year at byte `at` of `s` (`YYYY年`) is a basis or a start, not the year
/// reported on: 较2015年, 比上年, 与2019年相比, 自2016年, 2016年以来.
fn basis_year(s: &str, at: usize) -> bool {
    let before = s[..at].chars().next_back();
    let after = &s[(at + 4 + '年'.len_utf8()).min(s.len())..];
    before.is_some_and(|c| matches!(c, '较' | '比' | '与' | '同' | '自' | '于' | '至' | '到'))
        || after.starts_with("以来")
        || after.starts_with("开始")
        || after.starts_with("至今")
        || after.starts_with("起")
}

/// The years of `s` that are reported on (not bases), with their offsets.
fn reported_years(s: &str) -> impl Iterator<Item = (i32, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let (y, at) = find_year(&s[from..])?;
        let at = from + at;
        from = at + 4;
        if !basis_year(s, at) {
            return Some((y, at));
        }
    })
}

/// The year the report covers.
pub(super) fn covered_year(
    text: &str,
    lines: &[Span<Normalized>],
    m: &MetaFound,
    first_body: &[usize],
    lex: &Lexicon,
) -> Option<i32> {
    let date_year = || {
        m.date
            .as_ref()
            .and_then(|d| d.value[..4].parse::<i32>().ok())
    };
    if let Some(t) = &m.title {
        let title = t.value.as_str();
        // a government's work report is given early in the year after the one it reviews
        let work_report = title.contains("政府工作报告");
        if let Some((y, _)) = reported_years(title).next() {
            return Some(if work_report { y - 1 } else { y });
        }
        // 去年单位GDP能耗…: the year before the publication's
        if let Some(d) = date_year() {
            if title.contains("去年") || title.contains("上年") {
                return Some(d - 1);
            }
            if title.contains("今年") || title.contains("本年") || title.contains("年内") {
                return Some(d);
            }
            if work_report {
                return Some(d - 1);
            }
        }
    }
    for &i in first_body {
        let s = lines[i].slice(text);
        // 刚刚过去的2025年, 回顾2021年
        for (y, at) in reported_years(s) {
            if s[..at].ends_with("过去的") || s[..at].ends_with("回顾") {
                return Some(y);
            }
        }
        // a paragraph that opens with its year, perhaps after a few words: 2021年，… /
        // 2021年是… / 2017年我市… / 据了解，2022年，…
        if let Some((y, at)) = find_year(s) {
            let lead = &s[..at];
            let after = &s[at + 4 + '年'.len_utf8()..];
            if (at == 0 || (lead.ends_with('，') && lead.chars().count() <= 6))
                && after.starts_with(['，', '是', '度', '全', '我', '本', '各'])
                && !basis_year(s, at)
            {
                return Some(y);
            }
        }
        // 2019年全区生态环境质量状况: a year naming what a document reports on
        for (y, at) in reported_years(s) {
            let after = &s[at + 4 + '年'.len_utf8()..];
            let stretch: String = after
                .chars()
                .take(24)
                .take_while(|c| !matches!(c, '，' | '。' | '；' | '、' | '（' | '暨'))
                .collect();
            if stretch.contains(|c: char| c.is_ascii_digit() || matches!(c, '月' | '日')) {
                continue;
            }
            // (not a plan: 2020年工作计划 looks ahead)
            let names_report = (1..=stretch.len())
                .filter(|&e| stretch.is_char_boundary(e))
                .any(|e| {
                    lex.doc_kind
                        .longest_ending_at(&stretch, e)
                        .is_some_and(|(_, kind)| lex.review_kind.contains(kind))
                });
            if names_report {
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
    // news: the year it was published
    if m.published.is_some() {
        if let Some(d) = date_year() {
            return Some(d);
        }
    }
    // the most mentioned year that is reported on
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for (y, _) in reported_years(text).take(10_000) {
        match counts.iter_mut().find(|(v, _)| *v == y) {
            Some((_, n)) => *n += 1,
            None => counts.push((y, 1)),
        }
    }
    if let Some(&(y, _)) = counts.iter().max_by_key(|&&(y, n)| (n, y)) {
        return Some(y);
    }
    date_year()
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
                span: Span::new(span.start() + a, span.start() + b),
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
                    span: Span::new(span.start() + i, span.start() + end),
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
