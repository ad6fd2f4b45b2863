//! Line roles: the lines at the top that name the document (title, issuing body,
//! publication line, recipients) and at the foot (signature, date, 抄送), set apart from
//! the body.

use super::LineRole;
use crate::lexicon::Lexicon;
use crate::span::{Normalized, Span};
use crate::text::chars::{ends_sentence, is_han, is_space, visible_len};
use crate::text::dates::{find_year, parse_date_line};
use crate::text::labels::{parse_label, starts_enumeration};

/// The lines of the text, without their line breaks.
pub(super) fn split_lines(text: &str) -> Vec<Span<Normalized>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end =
            crate::text::search::find_byte(text.as_bytes(), start, b'\n').unwrap_or(text.len());
        if end > start {
            out.push(Span::new(start, end));
        }
        start = end + 1;
    }
    out
}

/// A line that could be (part of) a title: short, no full stop, not a heading or a date.
fn title_like(s: &str, lex: &Lexicon) -> bool {
    if s.len() > 400 {
        return false;
    }
    let n = visible_len(s);
    let last = s.chars().next_back().unwrap_or('。');
    (4..=90).contains(&n)
        && !ends_sentence(last)
        && last != '：'
        && !crate::text::search::has(s, '。')
        && !s.contains('\t')
        && !is_table_caption(s)
        && parse_label(s).is_none()
        && !starts_enumeration(s)
        && parse_date_line(s).is_none()
        && !is_source_line(s, lex)
        && s.chars().filter(|&c| is_han(c)).count() >= 2
}

/// A caption of a table or figure: 表1, 图2, 附表3.
fn is_table_caption(s: &str) -> bool {
    let t = s.trim_start_matches(['附', '续']);
    (t.starts_with('表') || t.starts_with('图'))
        && t[3..].starts_with(|c: char| {
            c.is_ascii_digit() || crate::text::chars::chinese_digit(c).is_some()
        })
}

/// A line naming only organisations (红头 above a title, or a signature).
pub(crate) fn org_only(s: &str, lex: &Lexicon) -> bool {
    if s.len() > 200 {
        return false;
    }
    let n = visible_len(s);
    (2..=40).contains(&n) && !split_orgs(s, lex).is_empty()
}

fn is_recipients(s: &str, lex: &Lexicon) -> bool {
    if s.len() > 400 {
        return false;
    }
    let n = visible_len(s);
    (s.ends_with('：') || s.ends_with(':'))
        && n <= 80
        && !s.contains("如下")
        && !crate::text::search::has(s, '。')
        && lex.recipient_word.find(s).is_some()
}

fn is_doc_number(s: &str) -> bool {
    let n = visible_len(s);
    n <= 30
        && (crate::text::search::has(s, '〔')
            || crate::text::search::has(s, '［')
            || s.contains('['))
        && s.ends_with('号')
}

/// Marks the header lines; returns the index of the first body line.
pub(super) fn mark_header(
    text: &str,
    lines: &[Span<Normalized>],
    roles: &mut [LineRole],
    lex: &Lexicon,
) -> usize {
    let mut i = 0;
    let mut titles = 0;
    while i < lines.len() && i < 10 {
        let s = lines[i].slice(text);
        let next = lines.get(i + 1).map(|l| l.slice(text));
        let role = if is_source_line(s, lex) {
            LineRole::Source
        } else if parse_date_line(s).is_some() {
            LineRole::HeaderDate
        } else if is_doc_number(s) {
            LineRole::DocNumber
        } else if is_recipients(s, lex) && i > 0 {
            roles[i] = LineRole::Recipients;
            i += 1;
            break;
        } else if titles < 3 && title_like(s, lex) {
            let next_title = next.is_some_and(|n| title_like(n, lex));
            let followed_by_header = next.is_some_and(|n| {
                is_source_line(n, lex) || is_recipients(n, lex) || parse_date_line(n).is_some()
            });
            if titles == 0
                && org_only(s, lex)
                && next_title
                && lex.doc_kind.longest_ending_at(s, s.len()).is_none()
            {
                LineRole::HeaderOrg
            } else if crate::text::search::has(s, '，') && !followed_by_header {
                // a comma-bearing line at the top is a title only when a header line follows;
                // otherwise it is a heading line of the body
                break;
            } else {
                titles += 1;
                LineRole::Title
            }
        } else {
            break;
        };
        roles[i] = role;
        i += 1;
    }
    // a lone title-like line directly followed by the body is a title only if it names a
    // document (a kind word, 关于, a year) — otherwise it heads the body
    if titles > 0 {
        let title_lines: Vec<usize> = (0..i).filter(|&k| roles[k] == LineRole::Title).collect();
        let joined: String = title_lines.iter().map(|&k| lines[k].slice(text)).collect();
        let names_document = lex
            .doc_kind
            .longest_ending_at(&joined, joined.len())
            .is_some()
            || joined.contains("关于")
            || find_year(&joined).is_some()
            || (0..i).any(|k| {
                matches!(
                    roles[k],
                    LineRole::Source | LineRole::Recipients | LineRole::HeaderOrg
                )
            });
        if !names_document {
            for &k in &title_lines {
                roles[k] = LineRole::Body;
            }
            return title_lines[0].min(i);
        }
    }
    i
}

/// Marks the footer lines from the bottom; returns the end of the body (exclusive).
pub(super) fn mark_footer(
    text: &str,
    lines: &[Span<Normalized>],
    body_start: usize,
    roles: &mut [LineRole],
    lex: &Lexicon,
) -> usize {
    let mut j = lines.len();
    let mut seen_date = false;
    while j > body_start {
        let s = lines[j - 1].slice(text);
        let role = if lex.footer.starts(s) {
            LineRole::Footer
        } else if parse_date_line(s).is_some() {
            seen_date = true;
            LineRole::Date
        } else if org_only(s, lex)
            && (seen_date || j == lines.len())
            && !crate::text::search::has(s, '，')
        {
            LineRole::Signature
        } else if is_public_note(s, lex) {
            LineRole::Footer
        } else {
            break;
        };
        roles[j - 1] = role;
        j -= 1;
    }
    j
}

/// `（此件公开发布）` and the like.
fn is_public_note(s: &str, lex: &Lexicon) -> bool {
    let t = s.trim();
    (t.starts_with('（') && t.ends_with('）') && t.contains("此件")) || lex.closing_line.contains(t)
}

/// A publication line: starts with 发布时间, 来源, 作者 … followed by a colon.
pub(crate) fn is_source_line(s: &str, lex: &Lexicon) -> bool {
    let t = s.trim_start();
    match lex.source.longest_at(t, 0) {
        Some((len, _)) => t[len..].trim_start().starts_with(['：', ':']),
        None => false,
    }
}

/// Splits a line into organisation names: by spaces, and where one name ends with an
/// organisation suffix and another begins with a place name (中共安康市委安康市人民政府).
/// Empty when any part is not an organisation.
pub(crate) fn split_orgs(s: &str, lex: &Lexicon) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for piece in s.split(|c: char| is_space(c) || c == '、') {
        let start = pos;
        pos += piece.len()
            + s[start + piece.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        if piece.is_empty() {
            continue;
        }
        let mut from = 0;
        while from < piece.len() {
            let part = &piece[from..];
            // the shortest prefix ending in a suffix after which a new organisation begins,
            // or the whole rest
            let mut cut = None;
            for (i, c) in part.char_indices().skip(2) {
                let end = i + c.len_utf8();
                if end < part.len()
                    && lex.org_suffix.longest_ending_at(part, end).is_some()
                    && starts_org(&part[end..], lex)
                {
                    cut = Some(end);
                    break;
                }
            }
            let end = cut.unwrap_or(part.len());
            let name = &part[..end];
            if lex.org_suffix.longest_ending_at(name, name.len()).is_none()
                || name.chars().count() < 3
            {
                return Vec::new();
            }
            out.push((start + from, start + from + end));
            from += end;
        }
    }
    out
}

/// Whether `s` starts like an organisation name: a place name, or 中共.
fn starts_org(s: &str, lex: &Lexicon) -> bool {
    s.starts_with("中共")
        || lex.places.full.longest_at(s, 0).is_some()
        || lex.places.short.longest_at(s, 0).is_some()
}
