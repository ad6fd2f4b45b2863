//! A small, lenient tokenizer for the XML of Word documents and the HTML of saved web
//! pages: start and end tags with their raw attributes, and text. It never fails: what is
//! not a tag is text, an unclosed tag or comment runs to the end of the input.
//!
//! It knows just enough of each language for reading text out of a document: comments,
//! `<!DOCTYPE>`, processing instructions and CDATA sections; in HTML, the raw text of
//! `<script>`, `<style>` and friends, which may contain `<`.

use std::borrow::Cow;

/// One piece of markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    /// `<name attrs>` or `<name attrs/>`.
    Start {
        name: &'a str,
        attrs: &'a str,
        self_closing: bool,
    },
    /// `</name>`.
    End { name: &'a str },
    /// Text with its entities not yet decoded (see [`decode_entities`]).
    Text(&'a str),
    /// The literal text of a CDATA section, or of an HTML raw-text element.
    Raw(&'a str),
}

/// The tokens of a document.
pub struct Tokens<'a> {
    src: &'a str,
    pos: usize,
    html: bool,
    /// In HTML, after `<script>` and the like: the element whose raw text comes next.
    raw_until: Option<&'static str>,
}

/// HTML elements whose content is raw text, up to their end tag.
const RAW_TEXT: [&str; 6] = ["script", "style", "textarea", "title", "xmp", "noscript"];

impl<'a> Tokens<'a> {
    /// The tokens of an XML document (names are case-sensitive, no raw-text elements).
    pub fn xml(src: &'a str) -> Self {
        Tokens {
            src,
            pos: 0,
            html: false,
            raw_until: None,
        }
    }

    /// The tokens of an HTML document.
    pub fn html(src: &'a str) -> Self {
        Tokens {
            html: true,
            ..Tokens::xml(src)
        }
    }

    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    /// Skips to just after `end` (or to the end of the input).
    fn skip_past(&mut self, end: &str) {
        self.pos = match self.rest().find(end) {
            Some(i) => self.pos + i + end.len(),
            None => self.src.len(),
        };
    }

    fn raw_text(&mut self, element: &str) -> Token<'a> {
        let rest = self.rest();
        let bytes = rest.as_bytes();
        let mut end = rest.len();
        let mut from = 0;
        while let Some(i) = rest[from..].find("</") {
            let at = from + i;
            let name = bytes.get(at + 2..at + 2 + element.len());
            if name.is_some_and(|n| n.eq_ignore_ascii_case(element.as_bytes())) {
                end = at;
                break;
            }
            from = at + 2;
        }
        self.pos += end;
        Token::Raw(&rest[..end])
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            if let Some(element) = self.raw_until.take() {
                if !self.rest().is_empty() && !starts_with_end_tag(self.rest(), element) {
                    return Some(self.raw_text(element));
                }
            }
            let rest = self.rest();
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                self.pos += end;
                return Some(Token::Text(&rest[..end]));
            }
            let after = &rest[1..];
            if after.starts_with("!--") {
                self.pos += 4;
                self.skip_past("-->");
                continue;
            }
            if let Some(cdata) = after.strip_prefix("![CDATA[") {
                let end = cdata.find("]]>").unwrap_or(cdata.len());
                self.pos += 9 + end;
                self.skip_past("]]>");
                return Some(Token::Raw(&cdata[..end]));
            }
            if after.starts_with('!') || after.starts_with('?') {
                self.pos += 1;
                self.skip_past(">");
                continue;
            }
            let (closing, name_from) = match after.strip_prefix('/') {
                Some(_) => (true, 2),
                None => (false, 1),
            };
            let name_len = rest[name_from..]
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(rest.len() - name_from);
            let name = &rest[name_from..name_from + name_len];
            if !name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || !c.is_ascii()) {
                // A lone `<` (`PM<2.5`): text.
                let end = rest[1..].find('<').map_or(rest.len(), |i| i + 1);
                self.pos += end;
                return Some(Token::Text(&rest[..end]));
            }
            let (inner_end, tag_end) = match tag_end(rest, name_from + name_len) {
                Some(gt) => (gt, gt + 1),
                None => (rest.len(), rest.len()),
            };
            self.pos += tag_end;
            let inner = &rest[name_from + name_len..inner_end];
            if closing {
                return Some(Token::End { name });
            }
            let self_closing = inner.ends_with('/');
            let attrs = inner.strip_suffix('/').unwrap_or(inner);
            if self.html && !self_closing {
                self.raw_until = RAW_TEXT
                    .iter()
                    .find(|e| e.eq_ignore_ascii_case(name))
                    .copied();
            }
            return Some(Token::Start {
                name,
                attrs,
                self_closing,
            });
        }
    }
}

fn starts_with_end_tag(s: &str, element: &str) -> bool {
    s.as_bytes()
        .get(2..2 + element.len())
        .is_some_and(|n| s.starts_with("</") && n.eq_ignore_ascii_case(element.as_bytes()))
}

/// The `>` closing a tag whose attributes start at `from`, skipping `>` inside quoted
/// attribute values; `None` when the tag is not closed.
fn tag_end(s: &str, from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, b) in s.bytes().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The value of attribute `name` in a tag's raw attributes (`w:val="3"`, `class=nav`,
/// `hidden`), with entities decoded. Names compare without case in HTML style.
pub fn attr<'a>(attrs: &'a str, name: &str) -> Option<Cow<'a, str>> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            return None;
        }
        let key_len = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        let key = &rest[..key_len];
        rest = rest[key_len..].trim_start();
        let mut value = "";
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], &body[(end + 1).min(body.len())..])
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            value = v;
            rest = next;
        }
        if key.eq_ignore_ascii_case(name) {
            return Some(decode_entities(value));
        }
        if key.is_empty() {
            // A stray `=`: skip a character so the loop moves on.
            let mut chars = rest.chars();
            chars.next();
            rest = chars.as_str();
        }
    }
}

/// Text with its character references (`&amp;`, `&#8451;`, `&#x2103;`, `&nbsp;`) replaced.
/// Unknown or malformed references stay as written.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map_or(rest.len(), |e| e + 1);
        let name = &rest[1..end];
        match crate::text::entities::entity(name) {
            Some(c) => {
                out.push(c);
                rest = &rest[end..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(src: &str, html: bool) -> Vec<Token<'_>> {
        if html {
            Tokens::html(src).collect()
        } else {
            Tokens::xml(src).collect()
        }
    }

    #[test]
    fn tags_text_and_attributes() {
        let t = tokens(
            r#"<w:p w:rsidR="00"><w:t xml:space="preserve">一、 </w:t><w:br/></w:p>"#,
            false,
        );
        assert_eq!(
            t,
            vec![
                Token::Start {
                    name: "w:p",
                    attrs: r#" w:rsidR="00""#,
                    self_closing: false
                },
                Token::Start {
                    name: "w:t",
                    attrs: r#" xml:space="preserve""#,
                    self_closing: false
                },
                Token::Text("一、 "),
                Token::End { name: "w:t" },
                Token::Start {
                    name: "w:br",
                    attrs: "",
                    self_closing: true
                },
                Token::End { name: "w:p" },
            ]
        );
        assert_eq!(
            attr(r#" w:val="3" w:x='a>b'"#, "w:x").as_deref(),
            Some("a>b")
        );
        assert_eq!(attr(" class=nav hidden", "CLASS").as_deref(), Some("nav"));
        assert_eq!(attr(" class=nav hidden", "hidden").as_deref(), Some(""));
        assert_eq!(attr(" = = x", "y"), None);
    }

    #[test]
    fn comments_declarations_and_cdata() {
        let t = tokens(
            "<?xml version='1.0'?><!DOCTYPE html><!-- <p>x</p> --><![CDATA[a<b]]>c",
            true,
        );
        assert_eq!(t, vec![Token::Raw("a<b"), Token::Text("c")]);
    }

    #[test]
    fn raw_text_elements_in_html() {
        let t = tokens("<script>if (a<b) x='</p>';</script><p>正文</p>", true);
        assert_eq!(t[1], Token::Raw("if (a<b) x='</p>';"));
        assert_eq!(t[2], Token::End { name: "script" });
        assert_eq!(t[4], Token::Text("正文"));
        // In XML, <script> is an ordinary element.
        assert_eq!(tokens("<script>a<b/></script>", false).len(), 4);
    }

    #[test]
    fn broken_markup_never_fails() {
        for src in [
            "<",
            "<p",
            "<p attr='x",
            "</",
            "<!--",
            "<![CDATA[x",
            "a < b",
            "<>",
            "<script>",
            "<?",
            "<1>",
        ] {
            let _ = tokens(src, true);
            let _ = tokens(src, false);
        }
        assert_eq!(
            tokens("PM < 2.5", true),
            vec![Token::Text("PM "), Token::Text("< 2.5")]
        );
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a&amp;b&lt;&#8451;&#x2103;&nbsp;&ldquo;"),
            "a&b<℃℃\u{A0}“"
        );
        assert_eq!(
            decode_entities("R&D &unknown; &#xZZ; &"),
            "R&D &unknown; &#xZZ; &"
        );
        assert_eq!(decode_entities("&#0;&#99999999;"), "\u{FFFD}\u{FFFD}");
    }
}
