//! Saved web pages (`.html`, `.htm`): the article's text, a line per paragraph.
//!
//! Scripts, styles, forms and the page's chrome (elements such as `<nav>`, `<footer>`,
//! `<aside>`, or a `class`/`id` naming a menu, breadcrumb, footer, sidebar or share bar)
//! are dropped. Block elements end lines, table rows become tab-separated lines, and
//! white space collapses as a browser shows it, with line breaks between Chinese
//! characters removed (CSS Text: segment breaks between East Asian characters vanish).
//! When the page marks its content with `<article>` or `<main>`, only that is kept. The
//! page's `<title>` leads the text when the body does not repeat it.
//!
//! The encoding comes from a byte-order mark or `<meta charset>` ([`charset`]); without
//! either, [`crate::intake::detect`] decides.

use crate::intake::markup::{attr, decode_entities, Token, Tokens};
use crate::intake::Encoding;
use crate::text::chars::is_cjk;

/// The encoding a page declares: a byte-order mark, `<meta charset=…>`, `<meta
/// http-equiv="Content-Type" content="…; charset=…">` or `<?xml encoding=…?>` in its
/// first 4 KB. A declared UTF-8 that the bytes contradict is ignored.
pub fn charset(bytes: &[u8]) -> Option<Encoding> {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => return Some(Encoding::Utf8),
        [0xFF, 0xFE, ..] => return Some(Encoding::Utf16Le),
        [0xFE, 0xFF, ..] => return Some(Encoding::Utf16Be),
        _ => {}
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let declared = Tokens::html(&head).find_map(|token| match token {
        Token::Start { name, attrs, .. } if name.eq_ignore_ascii_case("meta") => {
            attr(attrs, "charset")
                .map(|c| c.into_owned())
                .or_else(|| attr(attrs, "content").and_then(|c| charset_param(&c)))
        }
        _ => None,
    });
    let declared = declared.or_else(|| {
        let xml = head.trim_start().strip_prefix("<?xml")?;
        let decl = &xml[..xml.find("?>")?];
        attr(decl, "encoding").map(|c| c.into_owned())
    })?;
    let encoding = Encoding::from_label(&declared).ok()?;
    match encoding {
        Encoding::Utf8 if std::str::from_utf8(bytes).is_err() => None,
        // A page in UTF-16 without a byte-order mark could not have been read this far.
        Encoding::Utf16Le | Encoding::Utf16Be => None,
        e => Some(e),
    }
}

/// `charset=gbk` in a `content` attribute.
fn charset_param(content: &str) -> Option<String> {
    let lower = content.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let value = lower[at + 7..].trim_start().strip_prefix('=')?.trim_start();
    let value = value.trim_start_matches(['"', '\'']);
    let end = value
        .find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace())
        .unwrap_or(value.len());
    Some(value[..end].to_string())
}

/// Whether bytes look like a web page: markup at the start (after a byte-order mark and
/// white space) naming `html`, a doctype, or `<head>`/`<body>` early on.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let lower = head[start..].to_ascii_lowercase();
    lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || (lower.starts_with(b"<")
            && [&b"<html"[..], b"<head", b"<body"]
                .iter()
                .any(|tag| lower.windows(tag.len()).any(|w| w == *tag)))
}

/// Elements whose content is never the article.
const DROPPED: [&str; 24] = [
    "head", "title", "script", "style", "noscript", "template", "svg", "math", "nav", "header",
    "footer", "aside", "form", "select", "button", "iframe", "object", "canvas", "audio", "video",
    "menu", "dialog", "textarea", "datalist",
];

/// Words that, as a `class` or `id` (or a part of one, `top-nav`, `footer_box`), mark
/// the page's chrome rather than its content.
const CHROME: [&str; 15] = [
    "nav",
    "navbar",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    "footer",
    "sidebar",
    "share",
    "toolbar",
    "login",
    "search",
    "copyright",
    "friendlink",
    "skip",
];

/// Elements that end a line.
const BLOCKS: [&str; 34] = [
    "address",
    "article",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

fn is_one_of(name: &str, set: &[&str]) -> bool {
    set.iter().any(|s| s.eq_ignore_ascii_case(name))
}

/// Whether a start tag marks chrome or hidden content.
fn is_chrome(attrs: &str) -> bool {
    if attr(attrs, "hidden").is_some()
        || attr(attrs, "aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || attr(attrs, "style").is_some_and(|v| {
            let v = v.to_ascii_lowercase().replace(' ', "");
            v.contains("display:none") || v.contains("visibility:hidden")
        })
    {
        return true;
    }
    ["class", "id", "role"].iter().any(|a| {
        attr(attrs, a).is_some_and(|value| {
            value
                .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|word| is_one_of(word, &CHROME) || word.eq_ignore_ascii_case("navigation"))
        })
    })
}

/// The text a reader sees, built line by line.
#[derive(Default)]
struct Lines {
    out: String,
    line: String,
    /// White space seen and not yet written, and whether it held a line break.
    space: Option<bool>,
}

impl Lines {
    fn text(&mut self, text: &str, pre: bool) {
        if pre {
            self.flush_space();
            for (i, piece) in text.split('\n').enumerate() {
                if i > 0 {
                    self.end_line();
                }
                self.line.push_str(piece.trim_end_matches('\r'));
            }
            return;
        }
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C') {
                let newline = c == '\n' || c == '\r';
                self.space = Some(self.space.unwrap_or(false) || newline);
                continue;
            }
            if let Some(newline) = self.space.take() {
                let after_cjk = self.line.chars().next_back().is_some_and(is_cjk);
                let between_cjk = newline && after_cjk && is_cjk(c);
                if !self.line.is_empty() && !self.line.ends_with('\t') && !between_cjk {
                    self.line.push(' ');
                }
            }
            self.line.push(c);
        }
    }

    fn flush_space(&mut self) {
        if self.space.take().is_some() && !self.line.is_empty() {
            self.line.push(' ');
        }
    }

    fn cell(&mut self) {
        self.space = None;
        let trimmed = self.line.trim_end_matches(' ').len();
        self.line.truncate(trimmed);
        if !self.line.is_empty() {
            self.line.push('\t');
        }
    }

    fn end_line(&mut self) {
        self.space = None;
        let line = self.line.trim_end_matches([' ', '\t']);
        if !line.is_empty() {
            self.out.push_str(line);
            self.out.push('\n');
        }
        self.line.clear();
    }

    fn finish(mut self) -> String {
        self.end_line();
        self.out
    }
}

/// The text of a web page (see the module documentation).
pub fn extract(html: &str) -> String {
    let mut all = Lines::default();
    let mut main = Lines::default();
    let mut title = String::new();
    // The element being dropped, with its nesting depth.
    let mut dropping: Option<(String, usize)> = None;
    let mut in_title = false;
    let mut pre = 0usize;
    let mut main_depth = 0usize;
    let mut cells = 0usize;
    for token in Tokens::html(html) {
        if let Some((element, depth)) = &mut dropping {
            match token {
                Token::Start {
                    name,
                    self_closing: false,
                    ..
                } if name.eq_ignore_ascii_case(element) => {
                    *depth += 1;
                }
                Token::End { name } if name.eq_ignore_ascii_case(element) => {
                    *depth -= 1;
                    if *depth == 0 {
                        dropping = None;
                        in_title = false;
                    }
                }
                Token::Raw(text) if in_title => title.push_str(&decode_entities(text)),
                Token::Start { name, .. } if name.eq_ignore_ascii_case("title") => in_title = true,
                Token::End { name } if name.eq_ignore_ascii_case("title") => in_title = false,
                _ => {}
            }
            continue;
        }
        let sinks = |all: &mut Lines, main: &mut Lines, f: &dyn Fn(&mut Lines)| {
            f(all);
            if main_depth > 0 {
                f(main);
            }
        };
        match token {
            Token::Start {
                name,
                attrs,
                self_closing,
            } => {
                let void = self_closing
                    || is_one_of(name, &["br", "hr", "img", "input", "meta", "link", "wbr"]);
                if !void && (is_one_of(name, &DROPPED) || is_chrome(attrs)) {
                    dropping = Some((name.to_ascii_lowercase(), 1));
                    in_title = name.eq_ignore_ascii_case("title");
                    continue;
                }
                if is_one_of(name, &["td", "th"]) {
                    cells += 1;
                    sinks(&mut all, &mut main, &|l| l.cell());
                } else if is_one_of(name, &BLOCKS) {
                    if cells > 0 && !is_one_of(name, &["tr", "table"]) {
                        sinks(&mut all, &mut main, &|l| l.space = Some(false));
                    } else {
                        sinks(&mut all, &mut main, &|l| l.end_line());
                    }
                }
                if !void && is_one_of(name, &["article", "main"]) {
                    main_depth += 1;
                }
                if !void && is_one_of(name, &["pre", "textarea", "xmp"]) {
                    pre += 1;
                }
            }
            Token::End { name } => {
                if is_one_of(name, &["td", "th"]) {
                    cells = cells.saturating_sub(1);
                } else if is_one_of(name, &BLOCKS)
                    && (cells == 0 || is_one_of(name, &["tr", "table"]))
                {
                    sinks(&mut all, &mut main, &|l| l.end_line());
                }
                if is_one_of(name, &["article", "main"]) {
                    main_depth = main_depth.saturating_sub(1);
                }
                if is_one_of(name, &["pre", "textarea", "xmp"]) {
                    pre = pre.saturating_sub(1);
                }
            }
            Token::Text(text) => {
                let text = decode_entities(text);
                sinks(&mut all, &mut main, &|l| l.text(&text, pre > 0));
            }
            Token::Raw(text) => sinks(&mut all, &mut main, &|l| l.text(text, true)),
        }
    }
    let all = all.finish();
    let main = main.finish();
    // An article or main element with real content is the page's text.
    let body = if main.chars().count() >= 100 {
        main
    } else {
        all
    };
    with_title(body, &title)
}

/// The page title before the body, unless the body already states it. Titles often end
/// in the site's name after `_`, `|` or ` - `; that part is dropped.
fn with_title(body: String, title: &str) -> String {
    let title = title.split(['_', '|', '｜']).next().unwrap_or_default();
    let title = title.split(" - ").next().unwrap_or_default();
    let title: String = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if title.is_empty() || body.contains(&title) {
        return body;
    }
    format!("{title}\n{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_charsets() {
        assert_eq!(
            charset(br#"<html><head><meta charset="GB2312">"#),
            Some(Encoding::Gb18030)
        );
        assert_eq!(
            charset(br#"<meta http-equiv="Content-Type" content="text/html; charset=big5" />"#),
            Some(Encoding::Big5)
        );
        assert_eq!(
            charset(b"<?xml version=\"1.0\" encoding=\"GBK\"?><html>"),
            Some(Encoding::Gb18030)
        );
        assert_eq!(
            charset(b"<meta charset=utf-8>\xC8\xAB\xC7\xF8"),
            None,
            "UTF-8 declared, GBK bytes"
        );
        assert_eq!(charset(b"<meta charset=latin1>"), None);
        assert_eq!(charset(b"<p>no declaration</p>"), None);
    }

    #[test]
    fn recognises_pages() {
        assert!(looks_like_html(b"\xEF\xBB\xBF  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<HTML><BODY>"));
        assert!(looks_like_html(b"<meta charset=gbk><title>t</title><body>"));
        assert!(!looks_like_html("全区优良天数<html>".as_bytes()));
        assert!(!looks_like_html(b"a < b"));
    }

    #[test]
    fn article_text_without_chrome() {
        let page = r#"<!DOCTYPE html><html><head><title>青川市2023年环境状况公报_青川市人民政府</title>
            <script>var a = "<p>不是正文</p>";</script><style>p{color:red}</style></head>
            <body><div class="top-nav"><a href="/">首页</a> | <a>机构</a></div>
            <div id="content"><h1>青川市2023年环境状况公报</h1>
            <p>全市优良天数为<b>287</b>天，
               同比增加12天。</p><p>PM<sub>2.5</sub>&nbsp;年均浓度32微克/立方米。</p>
            <table><tr><th>指标</th><th>数值</th></tr><tr><td><p>优良天数</p></td><td>287</td></tr></table>
            <pre>一、 总体
  二、 问题</pre>
            <div style="display: none">隐藏</div>
            </div><div class="footer">版权所有 青川市人民政府</div></body></html>"#;
        assert_eq!(
            extract(page),
            "青川市2023年环境状况公报\n全市优良天数为287天，同比增加12天。\nPM2.5\u{A0}年均浓度32微克/立方米。\n指标\t数值\n优良天数\t287\n一、 总体\n  二、 问题\n"
        );
    }

    #[test]
    fn title_leads_when_the_body_lacks_it() {
        assert_eq!(
            extract("<title>关于2023年工作的总结 - 某某局</title><p>正文</p>"),
            "关于2023年工作的总结\n正文\n"
        );
    }

    #[test]
    fn article_element_is_preferred() {
        let long = "生态环境质量持续改善。".repeat(12);
        let page = format!("<body><div>热点新闻 一 二 三</div><article><p>{long}</p></article><div>相关链接</div></body>");
        assert_eq!(extract(&page), format!("{long}\n"));
    }

    #[test]
    fn text_and_markup_in_text_stay_text() {
        assert_eq!(
            extract("<p>&lt;script&gt;alert(1)&lt;/script&gt; a &lt; b</p>"),
            "<script>alert(1)</script> a < b\n"
        );
        assert_eq!(extract("<p>PM < 2.5 and <unclosed"), "PM < 2.5 and\n");
    }
}
