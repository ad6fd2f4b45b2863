//! Structure: what each line of the normalized text is, the headings and the section tree,
//! and the sentences.
//!
//! Normalized text has one paragraph per line. The lines at the top that name the document
//! (title, issuing body, publication line, recipients) and at the foot (signature, date,
//! 抄送) are set apart from the body ([`LineRole`]); the metadata is read from them by
//! [`crate::meta`]. In the body, three kinds of heading are found:
//!
//! - **numbered**, by GB/T 9704 labels (`一、` level 1, `（一）` 2, `1.` 3, `（1）` 4, `①` 5),
//!   with the title up to the first full stop when the body follows on the same line;
//! - **heading lines**: a short line standing alone, without a full stop, that titles what
//!   follows;
//! - **lead sentences**: the short first sentences of consecutive paragraphs that follow one
//!   pattern (`以政治建设为统领，提升党建引领力。…`, `以品牌建设为抓手，提升党建软实力。…`).
//!
//! `一是` / `二是` open enumerated items, not headings.

use crate::chars::{ends_sentence, is_han, is_open_quote, is_space};
use crate::labels::{parse_label, starts_enumeration, LabelKind};
use crate::lexicon::Lexicon;
use crate::meta::{self, MetaFound};
use crate::offset_map::{Normalized, Span};

/// What a line of the normalized text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRole {
    /// The document's title (possibly one of several title lines).
    Title,
    /// The issuing body printed above the title.
    HeaderOrg,
    /// A document number (安环发〔2022〕12号).
    DocNumber,
    /// A publication line: 发布时间, 来源, 作者.
    Source,
    /// A date standing alone in the header.
    HeaderDate,
    /// The recipients line: 各分局，局机关各科室：.
    Recipients,
    /// Body text, including headings.
    Body,
    /// A signature: the issuing bodies at the foot.
    Signature,
    /// The signature date.
    Date,
    /// 抄送, 印发, 附件 and similar lines at the foot.
    Footer,
}

/// How a heading was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingKind {
    /// By a GB/T 9704 label.
    Numbered(LabelKind),
    /// A short line standing alone.
    Line,
    /// The lead sentence of a paragraph in a parallel series.
    Lead,
}

/// A heading of the body.
#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    pub kind: HeadingKind,
    /// The label as written (`一、`, `（一）`), if numbered.
    pub label: Option<Span<Normalized>>,
    /// The title: no label, no trailing full stop, Chinese punctuation.
    pub title: String,
    pub title_span: Span<Normalized>,
    /// Index of the line the heading is on.
    pub line: usize,
}

/// A section: a heading and everything up to the next heading of the same or a higher level.
#[derive(Debug, Clone)]
pub struct Section {
    /// Index into [`Structure::headings`].
    pub heading: usize,
    pub parent: Option<usize>,
    pub span: Span<Normalized>,
}

/// The structure of a normalized text.
#[derive(Debug, Clone)]
pub struct Structure {
    /// One span per line (paragraph), without the newline.
    pub lines: Vec<Span<Normalized>>,
    pub roles: Vec<LineRole>,
    pub headings: Vec<Heading>,
    /// Sections in document order; `sections[i].heading == i`.
    pub sections: Vec<Section>,
    /// Sentences of all lines, in order.
    pub sentences: Vec<Span<Normalized>>,
    pub meta: MetaFound,
}

impl Structure {
    /// The innermost section holding `pos`, if any.
    pub fn section_at(&self, pos: usize) -> Option<usize> {
        // sections are in document order and nested: the last one starting at or before
        // `pos` whose span still holds it, walking up its parents
        let i = self.sections.partition_point(|s| s.span.start <= pos);
        let mut cur = i.checked_sub(1);
        while let Some(k) = cur {
            let s = &self.sections[k];
            if s.span.start <= pos && pos < s.span.end {
                return Some(k);
            }
            cur = s.parent;
        }
        None
    }

    /// The sentence holding `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<Span<Normalized>> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        self.sentences.get(i).copied().filter(|s| s.start <= pos)
    }

    /// Spans of the heading labels, which are not numbers of the text.
    pub fn label_spans(&self) -> Vec<Span<Normalized>> {
        self.headings.iter().filter_map(|h| h.label).collect()
    }

    /// Lines of the body, as a range of line indices.
    pub fn body_lines(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.lines.len()).filter(|&i| self.roles[i] == LineRole::Body)
    }
}

fn visible_len(s: &str) -> usize {
    s.chars().filter(|&c| !is_space(c)).count()
}

/// Analyzes the structure of normalized text.
pub fn analyze(text: &str, lex: &Lexicon) -> Structure {
    let lines = split_lines(text);
    let mut roles = vec![LineRole::Body; lines.len()];
    let body_start = mark_header(text, &lines, &mut roles, lex);
    let body_end = mark_footer(text, &lines, body_start, &mut roles, lex);

    let mut headings = Vec::new();
    numbered_headings(text, &lines, body_start..body_end, lex, &mut headings);
    heading_lines(text, &lines, body_start..body_end, &mut headings);
    headings.sort_by_key(|h| h.line);
    lead_headings(text, &lines, body_start..body_end, lex, &mut headings);
    headings.sort_by_key(|h| (h.line, h.title_span.start));
    assign_levels(&mut headings);
    let body_span_end = if body_end > body_start {
        lines[body_end - 1].end
    } else {
        0
    };
    let sections = build_sections(&headings, &lines, body_span_end);
    let sentences = split_sentences(text, &lines);
    let meta = meta::extract(text, &lines, &roles, body_start..body_end, lex);
    Structure {
        lines,
        roles,
        headings,
        sections,
        sentences,
        meta,
    }
}

fn split_lines(text: &str) -> Vec<Span<Normalized>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = crate::chars::find_byte(text.as_bytes(), start, b'\n').unwrap_or(text.len());
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
        && !crate::chars::has(s, '。')
        && !s.contains('\t')
        && !is_table_caption(s)
        && parse_label(s).is_none()
        && !starts_enumeration(s)
        && meta::parse_date_line(s).is_none()
        && !meta::is_source_line(s, lex)
        && s.chars().filter(|&c| is_han(c)).count() >= 2
}

/// A caption of a table or figure: 表1, 图2, 附表3.
fn is_table_caption(s: &str) -> bool {
    let t = s.trim_start_matches(['附', '续']);
    (t.starts_with('表') || t.starts_with('图'))
        && t[3..]
            .starts_with(|c: char| c.is_ascii_digit() || crate::chars::chinese_digit(c).is_some())
}

/// A line naming only organisations (红头 above a title, or a signature).
pub(crate) fn org_only(s: &str, lex: &Lexicon) -> bool {
    if s.len() > 200 {
        return false;
    }
    let n = visible_len(s);
    (2..=40).contains(&n) && !meta::split_orgs(s, lex).is_empty()
}

fn is_recipients(s: &str) -> bool {
    if s.len() > 400 {
        return false;
    }
    let n = visible_len(s);
    (s.ends_with('：') || s.ends_with(':'))
        && n <= 80
        && !s.contains("如下")
        && !crate::chars::has(s, '。')
        && [
            "各", "局", "委", "厅", "办", "单位", "政府", "部门", "同志", "中心", "公司",
        ]
        .iter()
        .any(|w| s.contains(w))
}

fn is_doc_number(s: &str) -> bool {
    let n = visible_len(s);
    n <= 30
        && (crate::chars::has(s, '〔') || crate::chars::has(s, '［') || s.contains('['))
        && s.ends_with('号')
}

/// Marks the header lines; returns the index of the first body line.
fn mark_header(
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
        let role = if meta::is_source_line(s, lex) {
            LineRole::Source
        } else if meta::parse_date_line(s).is_some() {
            LineRole::HeaderDate
        } else if is_doc_number(s) {
            LineRole::DocNumber
        } else if is_recipients(s) && i > 0 {
            roles[i] = LineRole::Recipients;
            i += 1;
            break;
        } else if titles < 3 && title_like(s, lex) {
            let next_title = next.is_some_and(|n| title_like(n, lex));
            let followed_by_header = next.is_some_and(|n| {
                meta::is_source_line(n, lex)
                    || is_recipients(n)
                    || meta::parse_date_line(n).is_some()
            });
            if titles == 0
                && org_only(s, lex)
                && next_title
                && lex.doc_kind.longest_ending_at(s, s.len()).is_none()
            {
                LineRole::HeaderOrg
            } else if crate::chars::has(s, '，') && !followed_by_header {
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
            || meta::find_year(&joined).is_some()
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
fn mark_footer(
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
        } else if meta::parse_date_line(s).is_some() {
            seen_date = true;
            LineRole::Date
        } else if org_only(s, lex) && (seen_date || j == lines.len()) && !crate::chars::has(s, '，')
        {
            LineRole::Signature
        } else if is_public_note(s) {
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
fn is_public_note(s: &str) -> bool {
    let t = s.trim();
    (t.starts_with('（') && t.ends_with('）') && t.contains("此件"))
        || t == "特此通报"
        || t == "特此报告"
}

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
            let cjk = |c: Option<&char>| c.is_some_and(|&c| crate::chars::is_cjk(c));
            if cjk(prev) || cjk(next) || out.ends_with(' ') {
                continue;
            }
        }
        out.push(c);
    }
    out
}

fn numbered_headings(
    text: &str,
    lines: &[Span<Normalized>],
    body: std::ops::Range<usize>,
    _lex: &Lexicon,
    out: &mut Vec<Heading>,
) {
    let has_parts = body
        .clone()
        .any(|i| parse_label(lines[i].slice(text)).is_some_and(|l| l.kind == LabelKind::Part));
    // the last number seen for each kind of label
    let mut last: [u32; 6] = [0; 6];
    for i in body {
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
        let title_start = line.start + label.len;
        // 第一部分 is level 1 and pushes the GB/T levels one down
        let level = if label.kind == LabelKind::Part {
            1
        } else {
            label.kind.level() + u8::from(has_parts)
        };
        out.push(Heading {
            level: level.max(1),
            kind: HeadingKind::Numbered(label.kind),
            label: Some(Span::new(line.start, line.start + label.label_len)),
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
    (4..=32).contains(&n)
        && !ends_sentence(last)
        && !matches!(last, '：' | '…' | '，' | '、')
        && !crate::chars::has(s, '。')
        && !s.contains('\t')
        && s.matches('，').count() <= 2
        && s.chars().filter(|&c| is_han(c)).count() * 2 >= n
        && !starts_enumeration(s)
        && parse_label(s).is_none()
        && !s.starts_with(is_open_quote)
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

fn heading_lines(
    text: &str,
    lines: &[Span<Normalized>],
    body: std::ops::Range<usize>,
    out: &mut Vec<Heading>,
) {
    let numbered = LineSet::new(lines.len(), out);
    for i in body.clone() {
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
            out.push(Heading {
                level: 0,
                kind: HeadingKind::Line,
                label: None,
                title: clean_title(&s[..tlen]),
                title_span: Span::new(lines[i].start, lines[i].start + tlen),
                line: i,
            });
        }
    }
}

/// The lead sentence of a paragraph, when it could title it: its byte length.
fn title_like_lead(s: &str, lex: &Lexicon) -> Option<usize> {
    // the first stop, within the first 30 characters (plus spaces)
    let window = &s[..crate::normalize::floor_boundary(s, 150)];
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
        && !crate::chars::has(lead, '我')
        && !crate::chars::has(lead, '是')
        && !crate::chars::has(lead, '了')
        && lead.matches('的').count() <= 1
        && meta::find_year(lead).is_none();
    ok.then_some(end)
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
    prefix >= 2 || suffix >= 2 || (same_len && (same_places >= 2 || (prefix >= 1 && suffix >= 1)))
}

fn lead_headings(
    text: &str,
    lines: &[Span<Normalized>],
    body: std::ops::Range<usize>,
    lex: &Lexicon,
    out: &mut Vec<Heading>,
) {
    let heading_lines = LineSet::new(lines.len(), out);
    let mut found = Vec::new();
    // a run of consecutive candidate paragraphs: (line, lead length)
    let mut run: Vec<(usize, usize)> = Vec::new();
    let flush = |run: &mut Vec<(usize, usize)>, found: &mut Vec<(usize, usize)>| {
        if run.len() >= 2 {
            found.append(run);
        }
        run.clear();
    };
    for i in body {
        if heading_lines.contains(&i) {
            flush(&mut run, &mut found);
            continue;
        }
        let s = lines[i].slice(text);
        let Some(len) = title_like_lead(s, lex) else {
            flush(&mut run, &mut found);
            continue;
        };
        let lead = &s[..len];
        if let Some(&(first_line, first_len)) = run.first() {
            let first = &lines[first_line].slice(text)[..first_len];
            let lexical = lex.title_lead.starts(first) && lex.title_lead.starts(lead);
            let (la, lb) = (visible_len(first) as f64, visible_len(lead) as f64);
            let close_len = la.max(lb) / la.min(lb) <= 2.0;
            let same_commas = first.matches('，').count() == lead.matches('，').count();
            if !((lexical && close_len && same_commas) || parallel(first, lead)) {
                flush(&mut run, &mut found);
            }
        }
        run.push((i, len));
    }
    flush(&mut run, &mut found);
    for (i, len) in found {
        let s = lines[i].slice(text);
        out.push(Heading {
            level: 0,
            kind: HeadingKind::Lead,
            label: None,
            title: clean_title(&s[..len]),
            title_span: Span::new(lines[i].start, lines[i].start + len),
            line: i,
        });
    }
}

/// Levels of unnumbered headings: one below the heading they stand under, or 1.
fn assign_levels(headings: &mut [Heading]) {
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

fn build_sections(
    headings: &[Heading],
    lines: &[Span<Normalized>],
    body_end: usize,
) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::with_capacity(headings.len());
    // open sections, innermost last; a heading closes those of its level and below
    let mut stack: Vec<usize> = Vec::new();
    for (i, h) in headings.iter().enumerate() {
        let start = lines[h.line].start;
        while let Some(&p) = stack.last() {
            if headings[p].level < h.level {
                break;
            }
            sections[p].span = Span::new(sections[p].span.start, start.max(sections[p].span.start));
            stack.pop();
        }
        sections.push(Section {
            heading: i,
            parent: stack.last().copied(),
            span: Span::new(start, start),
        });
        stack.push(i);
    }
    for p in stack {
        let s = sections[p].span.start;
        sections[p].span = Span::new(s, body_end.max(s));
    }
    sections
}

/// Splits each line into sentences at 。！？； (and their ASCII forms, and a Latin full
/// stop before a space). Scans bytes: the stops are ASCII or three-byte sequences.
fn split_sentences(text: &str, lines: &[Span<Normalized>]) -> Vec<Span<Normalized>> {
    const STOPS: [&[u8]; 4] = [
        "。".as_bytes(),
        "！".as_bytes(),
        "？".as_bytes(),
        "；".as_bytes(),
    ];
    const CLOSERS: [&[u8]; 3] = ["”".as_bytes(), "’".as_bytes(), "）".as_bytes()];
    let mut out = Vec::new();
    for line in lines {
        let s = line.slice(text).as_bytes();
        let mut start = 0;
        // the bytes that may start a stop: ! ? ; . and the lead bytes of 。(E3) and ！？；(EF)
        const STOP_BYTES: crate::chars::ByteSet = crate::chars::ByteSet::of(b"!?;.\xE3\xEF");
        let mut i = 0;
        while let Some(at) = STOP_BYTES.find(s, i) {
            i = at;
            let b = s[i];
            let stop_len = match b {
                b'!' | b'?' | b';' => 1,
                // a full stop of Latin text: "in 2023. 全市…"
                b'.' if i > 0
                    && s[i - 1].is_ascii_alphanumeric()
                    && (s.get(i + 1) == Some(&b' ')
                        || s.get(i + 1).is_some_and(|&n| n >= 0xE0)) =>
                {
                    1
                }
                0xE3 | 0xEF if STOPS.iter().any(|st| s[i..].starts_with(st)) => 3,
                _ => 0,
            };
            if stop_len == 0 {
                i += 1;
                continue;
            }
            let mut end = i + stop_len;
            // a closing quote after the stop belongs to the sentence
            if let Some(q) = CLOSERS.iter().find(|q| s[end..].starts_with(q)) {
                end += q.len();
            }
            if end > start {
                out.push(Span::new(line.start + start, line.start + end));
            }
            start = end;
            i = end;
        }
        if start < s.len() {
            out.push(Span::new(line.start + start, line.end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn headings(text: &str) -> Vec<(u8, String)> {
        let lex = Lexicon::builtin();
        let n = normalize(text, lex);
        analyze(&n.text, lex)
            .headings
            .into_iter()
            .map(|h| (h.level, h.title))
            .collect()
    }

    #[test]
    fn numbered_with_inline_body() {
        let t = "总体情况如下。\n一、深化认识，提高站位。省委环保督察组反馈意见后，市委高度重视。\n二、加强领导，推进整改。成立了领导小组。";
        assert_eq!(
            headings(t),
            vec![
                (1, "深化认识，提高站位".to_string()),
                (1, "加强领导，推进整改".to_string())
            ]
        );
    }

    #[test]
    fn gb_levels_and_weak_labels() {
        let t = "一、工作情况\n（一）深学细悟\n全年召开会议5次。\n1. 打好蓝天保卫战。一是分解任务。\n2. 打好碧水保卫战。一是印发方案。\n3 全力保障安全。共出动人员。\n（1）细项。内容内容内容。";
        let h = headings(t);
        assert_eq!(
            h.iter().map(|x| x.0).collect::<Vec<_>>(),
            vec![1, 2, 3, 3, 3, 4]
        );
        assert_eq!(h[4].1, "全力保障安全");
    }

    #[test]
    fn lead_sentences_in_parallel() {
        let t = "近年来，全局以创建为核心，取得实效，工作连续两年被评为优秀。\n将城市创建与改善生态环境相结合。狠抓质量提升，在攻坚战上下功夫。\n将城市创建与防范安全风险相结合。狠抓综合治理，在化解风险上下功夫。\n城市创建是一项系统工程，根本目的是让百姓更幸福。我局将继续努力。";
        let h = headings(t);
        assert_eq!(
            h,
            vec![
                (1, "将城市创建与改善生态环境相结合".into()),
                (1, "将城市创建与防范安全风险相结合".into())
            ]
        );
    }

    #[test]
    fn heading_lines_with_leads_below() {
        let t = "2021年，全局工作取得新成效。\n坚持党建引领，提升生态铁军战斗力\n“党建是生命线。”全局把党建放在首位。\n以政治建设为统领，提升党建引领力。理论清醒，才能政治坚定。\n以品牌建设为抓手，提升党建软实力。推动党建与业务融合。\n聚焦源头治理，强化污染防治攻坚战\n绘一片蓝天让空气常新。大气质量事关百姓幸福。\n护一江碧水让清水长流。水是城市的核心资源。";
        assert_eq!(
            headings(t),
            vec![
                (1, "坚持党建引领，提升生态铁军战斗力".into()),
                (2, "以政治建设为统领，提升党建引领力".into()),
                (2, "以品牌建设为抓手，提升党建软实力".into()),
                (1, "聚焦源头治理，强化污染防治攻坚战".into()),
                (2, "绘一片蓝天让空气常新".into()),
                (2, "护一江碧水让清水长流".into()),
            ]
        );
    }

    #[test]
    fn enumerations_are_not_headings() {
        assert!(headings(
            "工作如下。\n一是加强秸秆禁烧管控。开展巡查。\n二是严格扬尘管控。召开会议。"
        )
        .is_empty());
    }

    #[test]
    fn header_and_footer_roles() {
        let lex = Lexicon::builtin();
        let t = "安康市生态环境局\n安康市生态环境局关于第二季度专项整治工作开展情况的通报\n各分局，局机关各科室：\n正文第一段。\n正文第二段。\n中共安康市委 安康市人民政府\n2018年8月31日\n抄送：市纪委。";
        let n = normalize(t, lex);
        let s = analyze(&n.text, lex);
        use LineRole::*;
        assert_eq!(
            s.roles,
            vec![HeaderOrg, Title, Recipients, Body, Body, Signature, Date, Footer]
        );
    }

    #[test]
    fn sections_nest() {
        let lex = Lexicon::builtin();
        let t = "一、工作情况\n（一）甲项工作\n内容一。\n（二）乙项工作\n内容二。\n二、工作计划\n内容三。";
        let n = normalize(t, lex);
        let s = analyze(&n.text, lex);
        let parents: Vec<Option<usize>> = s.sections.iter().map(|x| x.parent).collect();
        assert_eq!(parents, vec![None, Some(0), Some(0), None]);
        let pos = n.text.find("内容二").unwrap();
        assert_eq!(s.section_at(pos), Some(2));
        assert_eq!(
            s.sentence_at(pos).map(|x| x.slice(&n.text)),
            Some("内容二。")
        );
    }
}
