//! Markup pasted into a text: a page's HTML source copied as text (`<div>`, `<p class=…>`,
//! `&nbsp;`, `<style>…</style>`). When a text holds enough tags to be markup, the tags are
//! dropped (block elements leave a line break), scripts, styles and comments with their
//! contents, and character references become their characters. A text with a stray `<`
//! (`浓度<35`) is left alone.

use super::offsets::{MapBuilder, OffsetMap};
use crate::text::entities::entity;

/// Elements that end a line of text.
const BLOCKS: [&str; 16] = [
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
    "table", "ul", "ol",
];

/// The length of an HTML tag (or comment, or a script or style element with its content)
/// at the start of `s`, and whether it ends a line; `None` when `s` opens no tag.
fn tag_at(s: &str) -> Option<(usize, bool)> {
    if let Some(rest) = s.strip_prefix("<!--") {
        return Some((4 + rest.find("-->").map_or(rest.len(), |e| e + 3), false));
    }
    let rest = s.strip_prefix('<')?;
    let closing = rest.starts_with('/');
    let name_start = usize::from(closing);
    let name_len = rest[name_start..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || !rest.as_bytes()[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = rest[name_start..name_start + name_len].to_ascii_lowercase();
    let after = rest[name_start + name_len..].chars().next()?;
    if !matches!(after, '>' | ' ' | '/' | '\t' | '\n') {
        return None;
    }
    // the tag ends at its > (within a bound: a tag is short), before any other <
    let window = &rest[..crate::text::chars::floor_boundary(rest, 2000)];
    let close = window.find('>').filter(|&g| !window[..g].contains('<'))?;
    let mut len = 1 + close + 1;
    if !closing && (name == "script" || name == "style") {
        let end_tag = format!("</{name}");
        len += s[len..].find(&end_tag).map_or(s.len() - len, |e| {
            e + s[len + e..].find('>').map_or(end_tag.len(), |g| g + 1)
        });
    }
    Some((len, BLOCKS.contains(&name.as_str())))
}

/// Whether `text` is markup: it holds a few tags of the common elements.
fn is_markup(text: &str) -> bool {
    let tags = ["<p", "<div", "</p>", "</div>", "<br", "<span", "</span>"];
    tags.iter()
        .map(|t| crate::text::search::count_str(text, t))
        .sum::<usize>()
        >= 3
}

/// `text` without its markup, and the map back; `None` when it is no markup.
pub(super) fn strip(text: &str) -> Option<(String, OffsetMap)> {
    if !is_markup(text) {
        return None;
    }
    let mut b = MapBuilder::with_capacity(text.len());
    let mut run = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    while let Some(k) = bytes[i..].iter().position(|&c| c == b'<' || c == b'&') {
        let at = i + k;
        let s = &text[at..];
        let edit = if bytes[at] == b'<' {
            tag_at(s).map(|(len, block)| (len, if block { "\n" } else { "" }.to_string()))
        } else {
            let end = s[1..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
                .map_or(s.len(), |e| e + 1);
            entity(&s[1..end]).map(|c| {
                let len = end + usize::from(s[end..].starts_with(';'));
                (len, c.to_string())
            })
        };
        match edit {
            Some((len, with)) => {
                b.copy(run, &text[run..at]);
                if with.is_empty() {
                    b.delete(at, at + len);
                } else {
                    b.replace(at, at + len, &with);
                }
                run = at + len;
                i = run;
            }
            None => i = at + 1,
        }
    }
    b.copy(run, &text[run..]);
    Some(b.finish(text.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(t: &str) -> String {
        strip(t).map_or_else(|| t.to_string(), |(s, _)| s)
    }

    #[test]
    fn markup_is_dropped() {
        assert_eq!(
            stripped(
                "<div><p class=\"x\">第一段。</p><p>第二段&amp;三</p><style>a{b}</style></div>"
            ),
            "\n\n第一段。\n\n第二段&三\n\n"
        );
        assert_eq!(
            stripped("浓度<35，<p>一</p><p>二</p><br>"),
            "浓度<35，\n一\n\n二\n\n"
        );
    }

    #[test]
    fn text_with_a_stray_bracket_is_no_markup() {
        assert!(strip("浓度<35微克，比例>90%").is_none());
    }
}
