//! Headings of the body: numbered by GB/T 9704 labels, short lines standing alone, and
//! the lead sentences of parallel paragraphs; then their levels.

use super::{Heading, HeadingKind};
use crate::lexicon::Lexicon;
use crate::span::{Normalized, Span};
use crate::text::chars::{ends_sentence, is_han, is_open_quote, is_space, visible_len};
use crate::text::dates::find_year;
use crate::text::labels::{parse_label, starts_enumeration, LabelKind};

/// The title of a heading from the text after its label: up to the first full stop (or a
/// colon near the start), without the stop. Returns the title's byte length in `rest`.
fn title_end(rest: &str) -> usize {
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        if ends_sentence(c) || (c == '：' && i <= 90) {
            end = i;
            break;
        }
    }
    // no trailing punctuation or spaces
    rest[..end]
        .trim_end_matches(|c: char| is_space(c) || matches!(c, '，' | '、' | '。' | '.'))
        .len()
}

/// Title text as reported: spaces between Chinese characters dropped.
fn clean_title(s: &str) -> String {
    let chars: Vec<char> = s.trim().chars().collect();
    let mut out = String::with_capacity(s.len());
    for (k, &c) in chars.iter().enumerate() {
        if is_space(c) {
            let prev = chars[..k].iter().rev().find(|c| !is_space(**c));
            let next = chars[k + 1..].iter().find(|c| !is_space(**c));
            let cjk = |c: Option<&char>| c.is_some_and(|&c| crate::text::chars::is_cjk(c));
            if cjk(prev) || cjk(next) || out.ends_with(' ') {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// The headings numbered by a label.
/// The most headings each finder collects: twice the most a report lists, so that the
/// first [`MAX_SECTIONS`](crate::limits::MAX_SECTIONS) in document order are all found
/// (a text of a million numbered lines is not read to its end for headings).
const COLLECTED: usize = 2 * crate::limits::MAX_SECTIONS;

pub(super) fn numbered(
    text: &str,
    lines: &[Span<Normalized>],
    body: std::ops::Range<usize>,
    out: &mut Vec<Heading>,
) {
    let has_parts = body
        .clone()
        .any(|i| parse_label(lines[i].slice(text)).is_some_and(|l| l.kind == LabelKind::Part));
    // the last number seen for each kind of label
    let mut last: [u32; 6] = [0; 6];
    for i in body {
        if out.len() >= COLLECTED {
            break;
        }
        let line = lines[i];
        let s = line.slice(text);
        let Some(label) = parse_label(s) else {
            continue;
        };
        let k = label.kind.level() as usize;
        if label.weak && last[k] + 1 != label.number {
            continue;
        }
        last[k] = label.number;
        for deeper in last.iter_mut().skip(k + 1) {
            *deeper = 0;
        }
        let rest = &s[label.len..];
        let tlen = title_end(rest);
        if tlen == 0 {
            continue;
        }
        // a number parted by a space from what it counts is no label: 1 类功能区昼间47.1分贝
        if label.weak
            && rest[..tlen].contains(|c: char| c.is_ascii_digit() || matches!(c, '，' | '；' | '%'))
        {
            continue;
        }
        let title_start = line.start() + label.len;
        // 第一部分 is level 1 and pushes the GB/T levels one down
        let level = if label.kind == LabelKind::Part {
            1
        } else {
            label.kind.level() + u8::from(has_parts)
        };
        out.push(Heading {
            level: level.max(1),
            kind: HeadingKind::Numbered(label.kind),
            label: Some(Span::new(line.start(), line.start() + label.label_len)),
            title: clean_title(&rest[..tlen]),
            title_span: Span::new(title_start, title_start + tlen),
            line: i,
        });
    }
}

/// A short line standing alone that heads what follows.
fn heading_line_like(s: &str) -> bool {
    // at most 32 characters of up to four bytes, and some spaces
    if s.len() > 160 {
        return false;
    }
    let n = visible_len(s);
    let last = s.chars().next_back().unwrap_or('。');
    (3..=32).contains(&n)
        && !ends_sentence(last)
        && !matches!(last, '：' | '…' | '，' | '、')
        && !crate::text::search::has(s, '。')
        && !s.contains(['\t', '|', '%'])
        && !has_decimal(s)
        && s.matches('，').count() <= 2
        && s.chars().filter(|&c| is_han(c)).count() * 2 >= n
        && !starts_enumeration(s)
        && parse_label(s).is_none()
        && !s.starts_with(is_open_quote)
}

/// Whether `s` holds a decimal number (`96.3`): a measurement, not a title.
fn has_decimal(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit())
}

/// Which lines hold a heading already.
struct LineSet(Vec<bool>);

impl LineSet {
    fn new(n: usize, headings: &[Heading]) -> Self {
        let mut v = vec![false; n];
        for h in headings {
            if let Some(x) = v.get_mut(h.line) {
                *x = true;
            }
        }
        LineSet(v)
    }
    fn contains(&self, i: &usize) -> bool {
        self.0.get(*i).copied().unwrap_or(false)
    }
}

/// Short lines standing alone that head what follows.
pub(super) fn heading_lines(
    text: &str,
    lines: &[Span<Normalized>],
    body: std::ops::Range<usize>,
    out: &mut Vec<Heading>,
) {
    let numbered = LineSet::new(lines.len(), out);
    let mut more = COLLECTED;
    for i in body.clone() {
        if more == 0 {
            break;
        }
        if i + 1 >= body.end || numbered.contains(&i) {
            continue;
        }
        let s = lines[i].slice(text);
        if !heading_line_like(s) {
            continue;
        }
        // the line before ends a paragraph (or is a heading), so this one stands alone
        let prev_ok = i == body.start
            || numbered.contains(&(i - 1))
            || lines[i - 1]
                .slice(text)
                .chars()
                .next_back()
                .is_some_and(|c| ends_sentence(c) || matches!(c, '”' | '）' | '…'))
            || heading_line_like(lines[i - 1].slice(text));
        // what follows is body text, not another short line
        let next = lines[i + 1].slice(text);
        let next_ok = next.len() > 3 * 32 + 32
            || visible_len(next) > visible_len(s)
            || numbered.contains(&(i + 1));
        if prev_ok && next_ok {
            let tlen = title_end(s);
            more -= 1;
            out.push(Heading {
                level: 0,
                kind: HeadingKind::Line,
                label: None,
                title: clean_title(&s[..tlen]),
                title_span: Span::new(lines[i].start(), lines[i].start() + tlen),
                line: i,
            });
        }
    }
}

/// The lead sentence of a paragraph, when it could title it: its byte length.
fn title_like_lead(s: &str, lex: &Lexicon) -> Option<usize> {
    // the first stop, within the first 30 characters (plus spaces)
    let window = &s[..crate::text::chars::floor_boundary(s, 150)];
    let end = window.find(['。', '！', '？'])?;
    let lead = &s[..end];
    let rest = &s[end..];
    let n = visible_len(lead);
    let ok = (4..=30).contains(&n)
        && rest.chars().filter(|&c| !is_space(c)).nth(8).is_some()
        && !lead.contains(|c: char| {
            c.is_ascii_digit() || c == '%' || c == 'x' || c == 'X' || c == '；' || c == '：'
        })
        && lead.matches('，').count() <= 1
        && lead.matches('、').count() <= 1
        && !lead.starts_with(is_open_quote)
        && !lex.not_title.starts(lead)
        && !starts_enumeration(lead)
        && !lead.starts_with('第')
        && !crate::text::search::has(lead, '我')
        && !crate::text::search::has(lead, '是')
        && !crate::text::search::has(lead, '了')
        && lead.matches('的').count() <= 1
        && find_year(lead).is_none();
    ok.then_some(end)
}

/// A short sentence that stands alone on its line (`生态底色更加亮丽。`) and could title the
/// paragraph after it: its byte length without the stop.
fn title_like_alone(s: &str, lex: &Lexicon) -> Option<usize> {
    let last = s.chars().next_back()?;
    if !matches!(last, '。' | '！') {
        return None;
    }
    let lead = &s[..s.len() - last.len_utf8()];
    let n = visible_len(lead);
    let ok = (4..=20).contains(&n)
        && !lead.contains(|c: char| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    '%' | 'x' | 'X' | '；' | '：' | '。' | '！' | '？' | '“' | '（'
                )
        })
        && lead.matches('，').count() <= 1
        && lead.matches('、').count() <= 1
        && !lex.not_title.starts(lead)
        && !starts_enumeration(lead)
        && parse_label(lead).is_none()
        && !crate::text::search::has(lead, '我')
        && find_year(lead).is_none();
    ok.then_some(lead.len())
}

/// Whether two lead sentences share a pattern: the same opening word, or the same shape
/// (length, and characters in the same places).
fn parallel(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let same_len = a.len().abs_diff(b.len()) <= 1;
    let same_places = a.iter().zip(&b).skip(1).filter(|(x, y)| x == y).count();
    // the same two characters one place apart: 蓝天更加明亮 / 土壤等更加安全
    let shifted = a.len().abs_diff(b.len()) <= 2
        && a.windows(2).enumerate().any(|(i, w)| {
            b.windows(2)
                .enumerate()
                .any(|(j, v)| w == v && i.abs_diff(j) <= 1 && i > 0 && j > 0)
        });
    prefix >= 2
        || suffix >= 2
        || shifted
        || (same_len && (same_places >= 2 || (prefix >= 1 && suffix >= 1)))
}

/// Candidate titles gathered in groups (line, title length); a closed group is kept when
/// it holds two titles or more and `keep` accepts it.
#[derive(Default)]
struct Groups {
    found: Vec<(usize, usize)>,
    group: Vec<(usize, usize)>,
}

impl Groups {
    fn close(&mut self, keep: impl Fn(&[(usize, usize)]) -> bool) {
        if self.group.len() >= 2 && keep(&self.group) {
            self.found.append(&mut self.group);
        }
        self.group.clear();
    }
}

/// The lead sentences of parallel paragraphs.
pub(super) fn leads(
    text: &str,
    lines: &[Span<Normalized>],
    body: std::ops::Range<usize>,
    lex: &Lexicon,
    out: &mut Vec<Heading>,
) {
    let heading_lines = LineSet::new(lines.len(), out);
    let (body_start, body_end) = (body.start, body.end);
    // runs of consecutive candidate paragraphs
    let mut runs = Groups::default();
    for i in body {
        if heading_lines.contains(&i) {
            runs.close(|_| true);
            continue;
        }
        let s = lines[i].slice(text);
        let Some(len) = title_like_lead(s, lex) else {
            runs.close(|_| true);
            continue;
        };
        let lead = &s[..len];
        if let Some(&(first_line, first_len)) = runs.group.first() {
            let first = &lines[first_line].slice(text)[..first_len];
            let lexical = lex.title_lead.starts(first) && lex.title_lead.starts(lead);
            let (la, lb) = (visible_len(first) as f64, visible_len(lead) as f64);
            let close_len = la.max(lb) / la.min(lb) <= 2.0;
            let same_commas = first.matches('，').count() == lead.matches('，').count();
            if !((lexical && close_len && same_commas) || parallel(first, lead)) {
                runs.close(|_| true);
            }
        }
        runs.group.push((i, len));
    }
    runs.close(|_| true);
    let mut found = runs.found;
    let body = body_start..body_end;
    found.extend(alone_leads(text, lines, body.clone(), &heading_lines, lex));
    found.extend(colon_leads(text, lines, body, &heading_lines, lex));
    found.sort_unstable();
    for (i, len) in found.into_iter().take(COLLECTED) {
        let s = lines[i].slice(text);
        out.push(Heading {
            level: 0,
            kind: HeadingKind::Lead,
            label: None,
            title: clean_title(&s[..len]),
            title_span: Span::new(lines[i].start(), lines[i].start() + len),
            line: i,
        });
    }
}

/// Short sentences alone on their lines, each over a long paragraph, two or more of a
/// like length in one section: the titles of those paragraphs (`经济运行持续向好。`).
fn alone_leads(
    text: &str,
    lines: &[Span<Normalized>],
    body: std::ops::Range<usize>,
    headings: &LineSet,
    lex: &Lexicon,
) -> Vec<(usize, usize)> {
    // titles of a like length
    let alike = |group: &[(usize, usize)]| {
        let lens = group
            .iter()
            .map(|&(i, len)| visible_len(&lines[i].slice(text)[..len]));
        let (lo, hi) = lens.fold((usize::MAX, 0), |(lo, hi), n| (lo.min(n), hi.max(n)));
        hi * 2 <= lo * 3
    };
    let mut groups = Groups::default();
    for i in body.clone() {
        if headings.contains(&i) {
            groups.close(alike);
            continue;
        }
        let s = lines[i].slice(text);
        let Some(len) = title_like_alone(s, lex) else {
            continue;
        };
        let next_long = i + 1 < body.end && {
            let next = visible_len(lines[i + 1].slice(text));
            next >= 40 && next >= 3 * visible_len(&s[..len])
        };
        if next_long {
            groups.group.push((i, len));
        }
    }
    groups.close(alike);
    groups.found
}

/// A paragraph that opens with a short title and a colon (`电离辐射环境质量：2021年七月…`):
/// the title's byte length.
fn title_like_colon(s: &str, lex: &Lexicon) -> Option<usize> {
    let window = &s[..crate::text::chars::floor_boundary(s, 90)];
    let end = window.find('：')?;
    let lead = &s[..end];
    let n = visible_len(lead);
    let ok = (4..=16).contains(&n)
        && s[end..].chars().filter(|&c| !is_space(c)).nth(12).is_some()
        && !lead.contains(|c: char| {
            c.is_ascii_digit() || matches!(c, '，' | '、' | '；' | '。' | '（' | '“' | '|')
        })
        && lead.chars().filter(|&c| is_han(c)).count() == n
        && !lex.not_title.starts(lead)
        && !starts_enumeration(lead)
        && parse_label(lead).is_none()
        && !crate::text::search::has(lead, '我');
    ok.then_some(end)
}

/// Paragraphs of one section that open with parallel colon titles (`电离辐射环境质量：…`,
/// `电磁辐射环境质量：…`), two or more: those titles.
fn colon_leads(
    text: &str,
    lines: &[Span<Normalized>],
    body: std::ops::Range<usize>,
    headings: &LineSet,
    lex: &Lexicon,
) -> Vec<(usize, usize)> {
    let mut groups = Groups::default();
    for i in body {
        if headings.contains(&i) {
            groups.close(|_| true);
            continue;
        }
        let s = lines[i].slice(text);
        let Some(len) = title_like_colon(s, lex) else {
            continue;
        };
        if let Some(&(first, flen)) = groups.group.first() {
            if !parallel(&lines[first].slice(text)[..flen], &s[..len]) {
                groups.close(|_| true);
            }
        }
        groups.group.push((i, len));
    }
    groups.close(|_| true);
    groups.found
}

/// Levels of unnumbered headings: one below the heading they stand under, or 1.
pub(super) fn assign_levels(headings: &mut [Heading]) {
    // the last heading of each kind of source, to find the enclosing one
    let mut stack: Vec<(u8, HeadingKind)> = Vec::new();
    for h in headings.iter_mut() {
        match h.kind {
            HeadingKind::Numbered(_) => {
                while stack.last().is_some_and(|&(l, _)| l >= h.level) {
                    stack.pop();
                }
            }
            HeadingKind::Line => {
                // a heading line closes lead-sentence sections and other heading lines
                while stack.last().is_some_and(|&(_, k)| {
                    k != HeadingKind::Numbered(LabelKind::Part)
                        && !matches!(k, HeadingKind::Numbered(_))
                }) {
                    stack.pop();
                }
                h.level = stack.last().map_or(1, |&(l, _)| l + 1);
            }
            HeadingKind::Lead => {
                while stack.last().is_some_and(|&(_, k)| k == HeadingKind::Lead) {
                    stack.pop();
                }
                h.level = stack.last().map_or(1, |&(l, _)| l + 1);
            }
        }
        stack.push((h.level, h.kind));
    }
}
