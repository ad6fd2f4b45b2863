//! What web pages and converted PDFs add to a report: junk lines (navigation, share
//! buttons), page numbers, separators, bracketed watermarks and Markdown markers.

use super::RemovedKind;
use crate::lexicon::Lexicon;
use crate::text::chars::{char_at, is_invisible, is_space};
use crate::text::search::{find_any, ByteSet};

pub(super) fn is_page_number(s: &str) -> bool {
    let t: String = s.chars().filter(|&c| !is_space(c)).collect();
    if let Some(inner) = t.strip_prefix('第') {
        let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
        return digits > 0 && inner[digits..].starts_with('页');
    }
    let dashes = |c: char| matches!(c, '-' | '—' | '–' | '－');
    let core = t.trim_matches(dashes);
    let has_dash = core.len() < t.len();
    let digits = !core.is_empty() && core.bytes().all(|b| b.is_ascii_digit()) && core.len() <= 4;
    let fraction = core.split_once('/').is_some_and(|(a, b)| {
        !a.is_empty() && !b.is_empty() && (a.bytes().chain(b.bytes())).all(|x| x.is_ascii_digit())
    });
    (digits && has_dash) || (fraction && t.len() <= 9)
}

/// A line that is only a web address or a file path (`index_new5.html`,
/// `../../zaker_core/tpl_font3.html`, `https://…`).
fn is_address(s: &str) -> bool {
    if s.len() > 300 || s.contains(' ') || !s.is_ascii() {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || lower.starts_with("../")
        || [".html", ".htm", ".shtml", ".php", ".jsp", ".asp", ".aspx"]
            .iter()
            .any(|e| lower.ends_with(e))
}

/// Classifies a line's content: junk to drop whole, or `None` to keep.
pub(super) fn junk_kind(content: &str, lex: &Lexicon) -> Option<RemovedKind> {
    if content.chars().all(|c| !c.is_alphanumeric()) {
        return Some(RemovedKind::Separator);
    }
    // junk is short: a phrase and at most a dozen other characters
    if content.len() > 240 {
        return None;
    }
    if is_address(content) {
        return Some(RemovedKind::WebJunk);
    }
    if content.len() <= 40 && is_page_number(content) {
        return Some(RemovedKind::PageNumber);
    }
    let chars = content.chars().count();
    if let Some((s, e, _)) = lex.junk_line.find(content) {
        let rest = content[..s]
            .chars()
            .chain(content[e..].chars())
            .filter(|c| c.is_alphanumeric())
            .count();
        if rest <= 12 {
            return Some(RemovedKind::WebJunk);
        }
    }
    if chars <= 60 && lex.junk_prefix.starts(content) {
        return Some(RemovedKind::WebJunk);
    }
    // a page's controls alone on their line: 下载, 打印, 【字号：, 加大, 】
    let bare = content.trim_matches(|c: char| {
        crate::text::chars::is_space(c)
            || matches!(c, '【' | '】' | '[' | ']' | '|' | '：' | ':' | '•' | '·')
    });
    if bare.is_empty() || lex.junk_exact.contains(bare) {
        return Some(RemovedKind::WebJunk);
    }
    if chars <= 60 && !content.contains('。') && lex.junk_caption.find(content).is_some() {
        return Some(RemovedKind::WebJunk);
    }
    if is_navigation(content, lex) || is_spam(content, lex) {
        return Some(RemovedKind::WebJunk);
    }
    None
}

/// A row of site navigation: three or more short links parted by `|` or spaces, no
/// sentence, no field (`中国政府网 | 生态环境部 | 省政府门户网站`, `中国政府网 山西省政府 忻州市政府`).
fn is_navigation(content: &str, lex: &Lexicon) -> bool {
    if content.contains(['，', '。', '：', ':', '；']) || content.chars().count() > 80 {
        return false;
    }
    let by_bar: Vec<&str> = content
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    // (a table's row is no navigation: | 项目 | 浓度 |, or a row holding a value)
    let table_row = (content.starts_with('|') && content.ends_with('|'))
        || by_bar
            .iter()
            .any(|s| s.starts_with(|c: char| c.is_ascii_digit()));
    if by_bar.len() >= 3 && !table_row && by_bar.iter().all(|s| s.chars().count() <= 16) {
        return true;
    }
    // space-parted names of sites (…网, …网站, …门户), or short links after 首页
    let words: Vec<&str> = content
        .split([' ', '|'])
        .filter(|s| !s.is_empty())
        .collect();
    if words.len() >= 3
        && lex.junk_home.contains(words[0])
        && words.iter().all(|w| w.chars().count() <= 8)
    {
        return true;
    }
    words.len() >= 2
        && words.iter().all(|w| w.chars().count() <= 12)
        && words
            .iter()
            .any(|w| w.ends_with('网') || w.ends_with("网站") || w.ends_with("门户"))
}

/// A line of spam (gambling, pornography): two of its words, or one in a short line.
fn is_spam(content: &str, lex: &Lexicon) -> bool {
    let mut hits = 0;
    let mut at = 0;
    while let Some((_, e, _)) = lex.junk_spam.find(&content[at..]) {
        hits += 1;
        at += e;
        if hits >= 2 {
            return true;
        }
    }
    hits == 1 && content.chars().count() <= 20
}

/// Bracketed watermark fragments inside a line: `（ wWw.x.cOm 转载请注明 ）`.
pub(super) fn inline_junk(
    text: &str,
    start: usize,
    end: usize,
    lex: &Lexicon,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let line = &text[start..end];
    // spaces inside a phrase (转载  请注明) are dropped by this stage: match without them
    // (the character stage left only ASCII spaces)
    fn spaceless(s: &str) -> std::borrow::Cow<'_, str> {
        if s.contains(' ') {
            std::borrow::Cow::Owned(s.split(' ').collect())
        } else {
            std::borrow::Cow::Borrowed(s)
        }
    }
    // the line's brackets are found by one pass over its bytes; each bracket's content is
    // then matched against the phrases (short: scanning the whole line for each phrase
    // costs more)
    const FIRST: ByteSet = ByteSet::of(b"([\xEF\xE3");
    let brackets: [&[u8]; 4] = [b"(", b"[", "（".as_bytes(), "【".as_bytes()];
    let mut i = 0;
    while let Some(open) = find_any(line.as_bytes(), i, &FIRST, &brackets) {
        let oc = char_at(line, open).unwrap_or('(');
        let close_c = match oc {
            '（' => '）',
            '(' => ')',
            '【' => '】',
            _ => ']',
        };
        let inner_start = open + oc.len_utf8();
        // a watermark is short: look for its close within 60 characters, not counting
        // spaces (which the next stage drops; found by fuzzing)
        let mut seen = 0;
        let close = line[inner_start..]
            .char_indices()
            .take(4096)
            .take_while(|&(_, c)| {
                seen += usize::from(!is_space(c));
                seen <= 61
            })
            .find(|&(_, c)| c == close_c)
            .map(|(rel, _)| inner_start + rel);
        let Some(close) = close else {
            i = inner_start;
            continue;
        };
        let inner = &line[inner_start..close];
        if lex.junk_inline.find(&spaceless(inner)).is_some() {
            // take the spaces before the fragment too
            let mut s = open;
            while let Some(c) = line[..s].chars().next_back().filter(|&c| is_space(c)) {
                s -= c.len_utf8();
            }
            out.push((start + s, start + close + close_c.len_utf8()));
        }
        i = close + close_c.len_utf8();
    }
    out
}

/// Markdown and web markers at the start of a line (`--`, `##`, `* `, `> `, `- * `).
pub(super) fn leading_marker(content: &str) -> usize {
    let mut cut = 0;
    loop {
        let rest = &content[cut..];
        let n = rest
            .bytes()
            .take_while(|b| matches!(b, b'-' | b'=' | b'#' | b'*' | b'>' | b'~'))
            .count();
        if n == 0 || rest[n..].starts_with(|c: char| c.is_ascii_digit()) {
            return cut;
        }
        let after = &rest[n..];
        cut += n
            + (after.len()
                - after
                    .trim_start_matches(|c: char| is_space(c) || is_invisible(c))
                    .len());
    }
}
