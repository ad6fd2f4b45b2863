//! Line roles: the lines at the top that name the document (title, issuing body,
//! publication line, recipients) and at the foot (signature, date, 抄送), set apart from
//! the body.

use super::LineRole;
use crate::lexicon::Lexicon;
use crate::span::{Normalized, Span};
use crate::text::chars::{ends_sentence, is_han, is_space, visible_len};
use crate::text::dates::{find_year, parse_date_line};
use crate::text::labels::{parse_label, starts_enumeration};
use crate::text::stamps::{is_publication_line, is_source_line};

/// The lines of the text, without their line breaks.
pub(super) fn split_lines(text: &str) -> Vec<Span<Normalized>> {
    // the lines counted first: no growing a vector of a million lines by doubling
    let mut out = Vec::with_capacity(crate::text::search::count_lines(text) + 1);
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
    // a run of stray punctuation at the end (…整改最快，！) is no sentence end
    let core = s.trim_end_matches(['，', '、', ',', '！', '？', '!', '?']);
    let s = if s[core.len()..].contains(['，', '、', ',']) {
        core
    } else {
        s
    };
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
///
/// The header is, in order and each optional: a block of front matter, a table of
/// contents, the page's chrome (navigation, legends) above a publication line, the issuing
/// body, the title lines, subtitles, bylines, publication lines, the recipients.
pub(super) fn mark_header(
    text: &str,
    lines: &[Span<Normalized>],
    roles: &mut [LineRole],
    lex: &Lexicon,
) -> usize {
    let line = |k: usize| lines[k].slice(text);
    let mut i = front_matter(text, lines, roles);
    let mut titles = 0;
    let mut limit = i + HEADER_LINES;
    loop {
        i = contents(text, lines, roles, i);
        i = header_run(
            text,
            lines,
            roles,
            lex,
            i,
            limit.min(lines.len()),
            &mut titles,
        );
        if i < lines.len() && roles[i] == LineRole::Recipients {
            return i + 1;
        }
        // a publication line a few short lines further down: the lines before it are the
        // page's chrome, or the title among them
        let Some(k) = (i..limit.min(lines.len()))
            .take_while(|&k| is_chrome_like(line(k)))
            .find(|&k| is_publication_line(line(k), lex))
        else {
            break;
        };
        roles[i..k].fill(LineRole::Chrome);
        // a title over the chrome that names no document was chrome too (站群导航)
        if k > i && titles > 0 {
            let title_lines: Vec<usize> = (0..i).filter(|&j| roles[j] == LineRole::Title).collect();
            let joined: String = title_lines.iter().map(|&j| line(j)).collect();
            if !names_document(&joined, lex) {
                for j in title_lines {
                    roles[j] = LineRole::Chrome;
                }
                titles = 0;
            }
        }
        if titles == 0 && k > i && title_like(line(k - 1), lex) && names_document(line(k - 1), lex)
        {
            roles[k - 1] = LineRole::Title;
            titles += 1;
        }
        roles[k] = LineRole::Source;
        i = k + 1;
        limit = limit.max(i + 4);
    }
    // a lone title-like line directly followed by the body is a title when it names a
    // document (a kind word, 关于, a year), stands over header lines, or opens the text as
    // its headline; otherwise it heads the body
    if titles > 0 {
        let title_lines: Vec<usize> = (0..i).filter(|&k| roles[k] == LineRole::Title).collect();
        let joined: String = title_lines.iter().map(|&k| line(k)).collect();
        let headline = title_lines[0] == 0
            && lines
                .get(i)
                .is_some_and(|l| visible_len(l.slice(text)) > 2 * visible_len(&joined));
        let keep = names_document(&joined, lex)
            || headline
            || (0..i).any(|k| {
                matches!(
                    roles[k],
                    LineRole::Source
                        | LineRole::Recipients
                        | LineRole::HeaderOrg
                        | LineRole::Subtitle
                        | LineRole::Byline
                        | LineRole::Contents
                )
            });
        if !keep {
            for &k in &title_lines {
                roles[k] = LineRole::Body;
            }
            if title_lines[0] < i && (title_lines[0]..i).all(|k| roles[k] == LineRole::Body) {
                return title_lines[0];
            }
        }
    }
    i
}

/// Whether a title names a document: a kind of document, 关于, or a year.
fn names_document(s: &str, lex: &Lexicon) -> bool {
    let t = s.trim_end_matches(|c: char| !is_han(c) && !c.is_ascii_alphanumeric());
    lex.doc_kind.longest_ending_at(t, t.len()).is_some()
        || t.contains("关于")
        || find_year(t).is_some()
}

/// A short line that a page may put above its publication line: no sentence, at most a
/// headline's length.
fn is_chrome_like(s: &str) -> bool {
    s.len() <= 400 && visible_len(s) <= 60 && !s.contains('。')
}

/// A block of front matter at the top (`title: …`, `date: …`, and list items under a key):
/// marks it as publication lines and returns the index after it.
fn front_matter(text: &str, lines: &[Span<Normalized>], roles: &mut [LineRole]) -> usize {
    let line = |k: usize| lines[k].slice(text);
    if lines.is_empty() || front_matter_key(line(0)).is_none() {
        return 0;
    }
    let mut i = 0;
    while i < lines.len() {
        let s = line(i);
        let item = visible_len(s) <= 30
            && !s.contains(['，', '。', '：', ':'])
            && i > 0
            && roles[i - 1] == LineRole::Source;
        if front_matter_key(s).is_none() && !item {
            break;
        }
        roles[i] = LineRole::Source;
        i += 1;
    }
    i
}

/// A table of contents at line `i` (目录, 目录/提纲：……, then its labelled entries): marks
/// it and returns the index after it.
fn contents(text: &str, lines: &[Span<Normalized>], roles: &mut [LineRole], i: usize) -> usize {
    let line = |k: usize| lines[k].slice(text);
    if i >= lines.len() || !is_contents_heading(line(i)) {
        return i;
    }
    roles[i] = LineRole::Contents;
    let mut k = i + 1;
    while k < lines.len() {
        let s = line(k);
        let entry = visible_len(s) <= 80
            && !s.contains('。')
            && (parse_label(s).is_some() || s.chars().all(|c| !c.is_alphanumeric()));
        if !entry {
            break;
        }
        roles[k] = LineRole::Contents;
        k += 1;
    }
    k
}

/// `目录`, `目 录`, `目录/提纲：……`: the heading of a table of contents.
fn is_contents_heading(s: &str) -> bool {
    const WORDS: [&str; 4] = ["目录", "目次", "提纲", "大纲"];
    let core: String = s
        .chars()
        .filter(|&c| !is_space(c) && !matches!(c, '：' | ':' | '…' | '.' | '·'))
        .collect();
    !core.is_empty() && core.split(['/', '、']).all(|w| WORDS.contains(&w))
}

/// Marks header lines from `i` up to `limit`: publication lines, dates, document numbers,
/// the issuing body, title lines, subtitles and bylines. Returns the index of the first line
/// that is none of these (or of the recipients line, which ends the header).
fn header_run(
    text: &str,
    lines: &[Span<Normalized>],
    roles: &mut [LineRole],
    lex: &Lexicon,
    mut i: usize,
    limit: usize,
    titles: &mut usize,
) -> usize {
    while i < limit {
        let s = lines[i].slice(text);
        let next = lines.get(i + 1).map(|l| l.slice(text));
        let role = if is_source_line(s, lex) || is_publication_line(s, lex) {
            LineRole::Source
        } else if parse_date_line(s).is_some() {
            LineRole::HeaderDate
        } else if is_doc_number(s) {
            LineRole::DocNumber
        } else if is_recipients(s, lex) && i > 0 {
            roles[i] = LineRole::Recipients;
            return i;
        } else if *titles > 0 && is_subtitle(s) {
            LineRole::Subtitle
        } else if *titles > 0 && is_byline(s, lex) {
            LineRole::Byline
        } else if *titles < 3 && title_like(s, lex) {
            let next_title = next.is_some_and(|n| title_like(n, lex));
            let followed_by_header = next.is_some_and(|n| {
                is_source_line(n, lex)
                    || is_publication_line(n, lex)
                    || is_recipients(n, lex)
                    || parse_date_line(n).is_some()
                    || is_subtitle(n)
            });
            let first_line = (0..i).all(|k| roles[k] != LineRole::Body);
            if *titles == 0
                && org_only(s, lex)
                && next_title
                && lex.doc_kind.longest_ending_at(s, s.len()).is_none()
            {
                LineRole::HeaderOrg
            } else if *titles > 0 && !continues_title(text, lines, roles, i, lex) {
                // a second headline under a complete one is its subtitle
                LineRole::Subtitle
            } else if crate::text::search::has(s, '，')
                && !followed_by_header
                && !(first_line && *titles == 0 && visible_len(s) <= 40)
            {
                // a comma-bearing line at the top is a title only when a header line follows
                // or when it opens the text as a headline; otherwise it is a heading line
                break;
            } else {
                *titles += 1;
                LineRole::Title
            }
        } else {
            break;
        };
        roles[i] = role;
        i += 1;
    }
    i
}

/// The key of a line of front matter (`title: '…'`, `date: Wed, 26 May 2021`): ASCII
/// letters and a colon.
fn front_matter_key(s: &str) -> Option<&str> {
    let (key, _) = s.split_once([':', '：'])?;
    let key = key.trim();
    (!key.is_empty()
        && key.len() <= 20
        && key.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_'))
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
    name_ok
        && lex
            .official_title
            .longest_ending_at(role.trim(), role.trim().len())
            .is_some()
}

/// Whether title line `i` continues the title above it rather than standing as a subtitle:
/// the title above is not complete yet (关于… without its kind of document, or ending in a
/// connective), or this line ends it with the kind of document.
fn continues_title(
    text: &str,
    lines: &[Span<Normalized>],
    roles: &[LineRole],
    i: usize,
    lex: &Lexicon,
) -> bool {
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
        } else if is_publication_line(s, lex) {
            LineRole::Source
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
                || lex.not_org.longest_ending_at(name, name.len()).is_some()
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
