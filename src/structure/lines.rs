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

/// How far down the header may reach, in lines: a page's chrome, a title, its subtitle,
/// a byline, a publication line and a metadata table fit.
const HEADER_LINES: usize = 16;

/// Marks the header lines; returns the index of the first body line.
pub(super) fn mark_header(
    text: &str,
    lines: &[Span<Normalized>],
    roles: &mut [LineRole],
    lex: &Lexicon,
) -> usize {
    let mut i = 0;
    let mut titles = 0;
    // a block of front matter (`title: …`, `date: …`, list items under a key)
    let mut front_matter = false;
    while i < lines.len() && i < HEADER_LINES {
        let s = lines[i].slice(text);
        let next = lines.get(i + 1).map(|l| l.slice(text));
        if (i == 0 || front_matter) && front_matter_key(s).is_some() {
            front_matter = true;
            roles[i] = LineRole::Source;
            i += 1;
            continue;
        }
        if front_matter && visible_len(s) <= 16 && !s.contains(['，', '。']) && front_matter_key(next.unwrap_or("")).is_some() {
            // a list item under a key: categories: 金融, 新浪财经
            roles[i] = LineRole::Source;
            i += 1;
            continue;
        }
        front_matter = false;
        let role = if is_source_line(s, lex) || is_publication_line(s, lex) {
            LineRole::Source
        } else if parse_date_line(s).is_some() {
            LineRole::HeaderDate
        } else if is_doc_number(s) {
            LineRole::DocNumber
        } else if is_recipients(s, lex) && i > 0 {
            roles[i] = LineRole::Recipients;
            i += 1;
            break;
        } else if titles > 0 && is_subtitle(s) {
            LineRole::Subtitle
        } else if titles > 0 && is_byline(s, lex) {
            LineRole::Byline
        } else if titles < 3 && title_like(s, lex) {
            let next_title = next.is_some_and(|n| title_like(n, lex));
            let followed_by_header = next.is_some_and(|n| {
                is_source_line(n, lex)
                    || is_publication_line(n, lex)
                    || is_recipients(n, lex)
                    || parse_date_line(n).is_some()
                    || is_subtitle(n)
            });
            let first_line = (0..i).all(|k| roles[k] != LineRole::Body);
            if titles == 0
                && org_only(s, lex)
                && next_title
                && lex.doc_kind.longest_ending_at(s, s.len()).is_none()
            {
                LineRole::HeaderOrg
            } else if titles > 0 && !continues_title(text, lines, roles, i, lex) {
                // a second headline under a complete one is its subtitle
                LineRole::Subtitle
            } else if crate::text::search::has(s, '，')
                && !followed_by_header
                && !(first_line && titles == 0 && visible_len(s) <= 40)
            {
                // a comma-bearing line at the top is a title only when a header line follows
                // or when it opens the text as a headline; otherwise it is a heading line
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
    // a lone title-like line directly followed by the body is a title when it names a
    // document (a kind word, 关于, a year), stands over header lines, or opens the text as
    // its headline; otherwise it heads the body
    if titles > 0 {
        let title_lines: Vec<usize> = (0..i).filter(|&k| roles[k] == LineRole::Title).collect();
        let joined: String = title_lines.iter().map(|&k| lines[k].slice(text)).collect();
        let headline = title_lines[0] == 0
            && lines.get(i).is_some_and(|l| visible_len(l.slice(text)) > 2 * visible_len(&joined));
        let names_document = lex.doc_kind.longest_ending_at(&joined, joined.len()).is_some()
            || joined.contains("关于")
            || find_year(&joined).is_some()
            || headline
            || (0..i).any(|k| {
                matches!(
                    roles[k],
                    LineRole::Source
                        | LineRole::Recipients
                        | LineRole::HeaderOrg
                        | LineRole::Subtitle
                        | LineRole::Byline
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

/// The key of a line of front matter (`title: '…'`, `date: Wed, 26 May 2021`): ASCII
/// letters and a colon.
fn front_matter_key(s: &str) -> Option<&str> {
    let (key, _) = s.split_once([':', '：'])?;
    let key = key.trim();
    (!key.is_empty() && key.len() <= 20 && key.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_'))
        .then_some(key)
}

/// A subtitle under a title: a line that opens with a dash (——2026年1月27日在…会议上).
fn is_subtitle(s: &str) -> bool {
    s.trim_start().starts_with(['—', '―', '–', '-'])
}

/// A byline: an official's or a reporter's name after their title (省长 罗东川, 重庆市人民政府
/// 市长 胡衡华, 记者 黎兆齐).
fn is_byline(s: &str, lex: &Lexicon) -> bool {
    let t = s.trim();
    if visible_len(t) > 30 || t.contains(['，', '。']) {
        return false;
    }
    let Some((role, name)) = t.rsplit_once(' ') else {
        return false;
    };
    let name_ok = (2..=4).contains(&name.chars().count()) && name.chars().all(is_han);
    name_ok && lex.official_title.longest_ending_at(role.trim(), role.trim().len()).is_some()
}

/// Whether title line `i` continues the title above it rather than standing as a subtitle:
/// the title above is not complete yet (关于… without its kind of document, or ending in a
/// connective), or this line ends it with the kind of document.
fn continues_title(text: &str, lines: &[Span<Normalized>], roles: &[LineRole], i: usize, lex: &Lexicon) -> bool {
    let above: String = (0..i)
        .filter(|&k| roles[k] == LineRole::Title)
        .map(|k| lines[k].slice(text))
        .collect();
    let this = lines[i].slice(text);
    let kind = |s: &str| lex.doc_kind.longest_ending_at(s, s.len()).is_some();
    (above.starts_with("关于") || above.contains("关于")) && !kind(&above)
        || above.ends_with(['的', '和', '及', '、', '与'])
        || (kind(this) && !kind(&above))
}

/// A publication line: a field label and its colon inside the line (`湖南省生态环境厅
/// 时间:2021-12-16 18:11`, `•来源：滁州日报`, `（时间:2021-6-4 10:48:54）`), or a date and
/// time with little else (`2026-01-31 07:00:44`, `温州晚报2023-05-31 21:27`).
pub(crate) fn is_publication_line(s: &str, lex: &Lexicon) -> bool {
    let t = s.trim().trim_start_matches(['•', '·', '（', '(', '【']);
    if visible_len(t) > 80 || t.contains('。') {
        return false;
    }
    if is_source_line(t, lex) {
        return true;
    }
    let labelled = t.char_indices().any(|(i, _)| {
        let boundary = t[..i].ends_with(|c: char| is_space(c) || matches!(c, '|' | '•' | '·' | '（' | '(' | '】'))
            || t[..i].ends_with(|c: char| c.is_ascii_digit());
        boundary
            && lex
                .source
                .longest_at(t, i)
                .is_some_and(|(len, _)| t[i + len..].trim_start().starts_with(['：', ':']))
    });
    if labelled {
        return true;
    }
    // a date with a time, or a date and a few words: the stamp of a page
    match crate::text::dates::find_date(t) {
        Some((at, d)) => {
            let rest = t[..at].chars().chain(t[at + d.len..].chars()).filter(|c| is_han(*c)).count();
            let time = t[at + d.len..].trim_start().starts_with(|c: char| c.is_ascii_digit());
            rest <= 8 && (time || rest <= 4)
        }
        None => false,
    }
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
