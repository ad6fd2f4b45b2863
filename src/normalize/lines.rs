//! Stage 2 of normalization, line by line: junk lines and watermarks dropped, one
//! paragraph a line, lines broken inside a sentence rejoined, spaces next to Chinese text
//! dropped (see [the module](super)).

use super::junk::{inline_junk, junk_kind, leading_marker};
use super::offsets::{MapBuilder, OffsetMap};
use super::RemovedKind;
use crate::lexicon::Lexicon;
use crate::span::{Original, Span};
use crate::text::chars::{char_at, ends_sentence, is_cjk, is_space};
use crate::text::labels::parse_label;

/// What the line stage removed, in the coordinates of its input.
#[derive(Debug, Clone, Copy)]
pub struct RemovedInLine {
    pub kind: RemovedKind,
    pub span: Span<Original>,
}

/// The output of the line stage.
#[derive(Debug)]
pub struct LinesFolded {
    pub text: String,
    pub map: OffsetMap,
    pub removed: Vec<RemovedInLine>,
    pub rejoined: Vec<Span<Original>>,
    /// Output positions where characters got new neighbours: joins, cuts, and line starts
    /// after dropped lines.
    pub seams: Vec<usize>,
}

#[derive(Debug, Clone)]
struct Line {
    /// Content range (without the surrounding white space) in the stage's input.
    start: usize,
    end: usize,
    /// Ranges inside the content to drop (junk fragments, leading markers).
    cuts: Box<[(usize, usize, Option<RemovedKind>)]>,
    facts: LineFacts,
}

fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lead = s.len()
        - s.trim_start_matches(|c: char| is_space(c) || c == '\t')
            .len();
    let trail = s.len() - s.trim_end_matches(|c: char| is_space(c) || c == '\t').len();
    if lead == s.len() {
        return (start, start);
    }
    (start + lead, end - trail)
}

/// What the line stage needs to know of a line, read in one pass over its bytes.
#[derive(Debug, Clone, Copy, Default)]
struct LineFacts {
    /// Holds a space of any width (but a tab).
    space: bool,
    tab: bool,
    /// Holds Chinese sentence punctuation: ，。；！？、
    prose: bool,
    /// Holds punctuation inside or at the end of a sentence of prose: ，。；、 (a headline may
    /// hold ！ or ？ and nothing else).
    clause: bool,
    /// Characters that are not spaces.
    visible: u32,
}

impl LineFacts {
    /// The facts of a line of the character stage's output, where every space is an ASCII
    /// space (the other spaces were folded to it).
    fn of(s: &str) -> Self {
        let c = crate::text::search::count_bytes(s.as_bytes());
        let prose = s
            .chars()
            .any(|c| matches!(c, '，' | '。' | '、' | '；' | '！' | '？'));
        let clause = prose && s.chars().any(|c| matches!(c, '，' | '。' | '、' | '；'));
        LineFacts {
            space: c.spaces > 0,
            tab: c.tabs > 0,
            prose,
            clause,
            visible: u32::try_from(c.chars - c.spaces - c.tabs).unwrap_or(u32::MAX),
        }
    }
}

/// Whether a line is structure that must start on its own line.
/// `raw`: the line as written, with its spaces.
fn is_structural(s: &str, raw: &str, lex: &Lexicon) -> bool {
    if parse_label(s).is_some() || lex.footer.starts(s) {
        return true;
    }
    // a label that is a number and a space (`2.1  全省整体情况`), on a short line that ends
    // no sentence: a heading
    if parse_label(raw).is_some_and(|l| l.weak)
        && raw.chars().count() <= 40
        && !raw.ends_with(|c: char| ends_sentence(c) || matches!(c, '，' | '；' | '、' | ',' | ';'))
    {
        return true;
    }
    // a date line or a short line ending in an organisation (a signature), a publication
    // line (更新时间：2015-11-27 19:06:22)
    let n = s.chars().count();
    (n <= 20 && (s.ends_with('日') || lex.org_suffix.longest_ending_at(s, s.len()).is_some()))
        || (n <= 80 && crate::text::stamps::is_publication_line(raw, lex))
}

/// What the join decision needs to know of the line built so far, kept up to date as lines
/// are appended (a PDF can break one paragraph into thousands of lines).
#[derive(Debug, Default)]
struct Acc {
    /// The paragraph opens with a heading label.
    labelled: bool,
    /// The paragraph is a publication line (`• 2021-08-27 16:21:27`): nothing continues it.
    stamp: bool,
    /// Its last two characters, for how it ends.
    last: Option<char>,
    before_last: Option<char>,
    /// It holds a clause mark (`LineFacts::clause`).
    prose: bool,
    tab: bool,
    visible: usize,
}

impl Acc {
    /// `raw`: the paragraph's first line as written, with its spaces (a stamp's date and time
    /// are parted by one).
    fn new(s: &str, raw: &str, f: LineFacts, lex: &Lexicon) -> Self {
        let mut a = Acc {
            labelled: parse_label(s).is_some(),
            stamp: f.visible <= 80 && crate::text::stamps::is_publication_line(raw, lex),
            ..Acc::default()
        };
        a.extend(s, f);
        a
    }

    /// Appends `s`, whose facts are `f` (those of its line: cuts and spaces do not change
    /// whether it is prose or has a tab, and a count of visible characters is the same).
    fn extend(&mut self, s: &str, f: LineFacts) {
        self.prose |= f.clause;
        self.tab |= f.tab;
        self.visible += f.visible as usize;
        let mut rev = s.chars().rev();
        match (rev.next(), rev.next()) {
            (Some(l), Some(b)) => (self.last, self.before_last) = (Some(l), Some(b)),
            (Some(l), None) => (self.last, self.before_last) = (Some(l), self.last),
            _ => {}
        }
    }

    /// Whether the paragraph so far ends a sentence (or a list intro).
    fn ends_complete(&self) -> bool {
        match self.last {
            None => true,
            Some(c) if ends_sentence(c) || c == '：' || c == '…' => true,
            Some('”' | '’' | '）' | '》' | '」') => self
                .before_last
                .is_some_and(|c| ends_sentence(c) || c == '…'),
            _ => false,
        }
    }
}

/// A line cannot start with closing or continuing punctuation: it continues the one before.
fn opens_with_closing(s: &str) -> bool {
    s.starts_with([
        '，', '、', '。', '；', '：', '！', '？', '）', '》', '”', '’', '%',
    ])
}

/// Whether the line built so far continues into `next` (`next_tab`: whether it holds a tab).
fn continues(prev: &Acc, next: &str, next_raw: &str, next_tab: bool, lex: &Lexicon) -> bool {
    if prev.tab || next_tab {
        return false;
    }
    let (Some(last), Some(first)) = (prev.last, next.chars().next()) else {
        return false;
    };
    if opens_with_closing(next) {
        return true;
    }
    if prev.stamp || is_structural(next, next_raw, lex) {
        return false;
    }
    // a line cannot end inside an opening bracket or after a comma
    if matches!(last, '，' | '、' | '（' | '“' | '《') {
        return true;
    }
    // 6\n月1日, 1314\n个: a number split from its unit
    if last.is_ascii_digit()
        && (matches!(
            first,
            '年' | '月' | '日' | '号' | '时' | '万' | '亿' | '余' | '多'
        ) || lex.units.longest_at(next, 0).is_some())
    {
        return true;
    }
    // 6.\n8%: a decimal split after its point
    if last == '.' && prev.before_last.is_some_and(|c| c.is_ascii_digit()) && first.is_ascii_digit()
    {
        return true;
    }
    // 一\n是: an enumeration split from its 是
    if first == '是' && crate::text::chars::chinese_digit(last).is_some() {
        return true;
    }
    // a long line of prose that stops in the middle of a sentence
    prev.prose && !prev.labelled && prev.visible >= 25 && !prev.ends_complete()
}

/// Stage 2: lines. See the module documentation.
pub fn fold_lines(text: &str, lex: &Lexicon) -> LinesFolded {
    let mut removed = Vec::new();
    let mut kept: Vec<Line> = Vec::with_capacity(crate::text::search::count_lines(text) + 1);
    let mut start = 0;
    while start <= text.len() {
        let end =
            crate::text::search::find_byte(text.as_bytes(), start, b'\n').unwrap_or(text.len());
        // a line that ran several paragraphs together is taken in parts
        let breaks = super::flattened::breaks(&text[start..end]);
        let parts = std::iter::once(start)
            .chain(breaks.iter().map(|&b| start + b))
            .zip(
                breaks
                    .iter()
                    .map(|&b| start + b)
                    .chain(std::iter::once(end)),
            );
        for (part_start, part_end) in parts {
            let (cs, ce) = trim_range(text, part_start, part_end);
            if cs < ce {
                // watermarks first, so that the rest of the line is judged as it will stand
                let watermarks = inline_junk(text, cs, ce, lex);
                let junk = if watermarks.is_empty() {
                    junk_kind(&text[cs..ce], lex)
                } else {
                    let mut rest = String::new();
                    let mut pos = cs;
                    for &(s, e) in &watermarks {
                        rest.push_str(&text[pos..s]);
                        pos = e;
                    }
                    rest.push_str(&text[pos..ce]);
                    let rest = rest.trim_matches(|c: char| is_space(c));
                    if rest.is_empty() {
                        Some(RemovedKind::Watermark)
                    } else {
                        junk_kind(rest, lex)
                    }
                };
                if let Some(kind) = junk {
                    removed.push(RemovedInLine {
                        kind,
                        span: Span::new(cs, ce),
                    });
                } else {
                    let mut cuts = Vec::new();
                    // a marker (--, ##) may stand after a watermark that opens the line
                    let mut text_start = cs;
                    for (s, e) in watermarks {
                        removed.push(RemovedInLine {
                            kind: RemovedKind::Watermark,
                            span: Span::new(s, e),
                        });
                        // a watermark that opens the line takes the white space after it along
                        let mut e = e;
                        if s <= text_start {
                            while let Some(c) = char_at(text, e).filter(|&c| is_space(c) && e < ce)
                            {
                                e += c.len_utf8();
                            }
                            text_start = e;
                        }
                        cuts.push((s, e, Some(RemovedKind::Watermark)));
                    }
                    let lead = leading_marker(&text[text_start..ce]);
                    if lead > 0 && text_start + lead < ce {
                        let at = cuts.partition_point(|c| c.0 < text_start);
                        cuts.insert(at, (text_start, text_start + lead, None));
                    }
                    // cuts in order, overlapping ones merged
                    crate::text::sort::by_position(&mut cuts, |c| c.0);
                    let mut merged: Vec<(usize, usize, Option<RemovedKind>)> =
                        Vec::with_capacity(cuts.len());
                    for c in cuts {
                        match merged.last_mut() {
                            Some(last) if c.0 <= last.1 => last.1 = last.1.max(c.1),
                            _ => merged.push(c),
                        }
                    }
                    let line = Line {
                        start: cs,
                        end: ce,
                        cuts: merged.into_boxed_slice(),
                        facts: LineFacts::of(&text[cs..ce]),
                    };
                    if visible_after_cuts(text, &line) {
                        kept.push(line);
                    }
                }
            }
        }
        if end == text.len() {
            break;
        }
        start = end + 1;
    }

    // which lines continue the one before: first the lines that open with closing
    // punctuation, which always continue; then, between the units these make, the rules that
    // read the next unit's content (so a decision never changes once the units are joined)
    // (each line's content made when read, not kept for all: a text of millions of
    // short lines would hold them all at once)
    let content = |k: usize| cleaned(text, &kept[k]);
    let mut before_tab = true; // (the first line continues nothing)
    let mut joined: Vec<bool> = (0..kept.len())
        .map(|k| {
            let here = content(k);
            let tab = here.contains('\t');
            let joins = !before_tab && !tab && opens_with_closing(&here);
            before_tab = tab;
            joins
        })
        .collect();
    let mut acc = Acc::default();
    let mut k = 0;
    while k < kept.len() {
        let unit_end = joined_run_end(&joined, k);
        let unit: std::borrow::Cow<str> = if unit_end == k + 1 {
            content(k)
        } else {
            std::borrow::Cow::Owned((k..unit_end).map(content).collect::<Vec<_>>().concat())
        };
        // the facts of what the lines keep (a watermark cut away does not count)
        let facts = (k..unit_end).fold(LineFacts::default(), |a, j| {
            let l = if kept[j].cuts.is_empty() {
                kept[j].facts
            } else {
                LineFacts::of(&content(j))
            };
            LineFacts {
                space: a.space || l.space,
                tab: a.tab || l.tab,
                prose: a.prose || l.prose,
                clause: a.clause || l.clause,
                visible: a.visible.saturating_add(l.visible),
            }
        });
        let raw = &text[kept[k].start..kept[k].end];
        if k > 0 && continues(&acc, &unit, raw, facts.tab, lex) {
            joined[k] = true;
            acc.extend(&unit, facts);
        } else {
            acc = Acc::new(&unit, &text[kept[k].start..kept[k].end], facts, lex);
        }
        k = unit_end;
    }

    let mut b = MapBuilder::with_capacity(text.len());
    let mut rejoined = Vec::new();
    let mut seams = Vec::new();
    // the first line break at or after the last position asked about (the text's length
    // for none), remembered: the positions only grow, and a line with no break for
    // megabytes is not searched again for each of its paragraphs
    let mut next_break: Option<usize> = None;
    let mut k = 0;
    while k < kept.len() {
        // one output line: kept[k] and the lines that continue it
        let group_end = joined_run_end(&joined, k);
        let group = &kept[k..group_end];
        let prose = group.iter().any(|l| l.facts.prose);
        let from = if k == 0 { 0 } else { kept[k - 1].end };
        if k > 0 {
            // keep the first line break between two paragraphs
            let found = match next_break {
                Some(n) if n >= from => n,
                _ => text[from..].find('\n').map_or(text.len(), |x| from + x),
            };
            next_break = Some(found);
            let nl = if found < text.len() { found } else { from };
            b.delete(from, nl);
            b.copy(nl, "\n");
            // (dropped lines are no seam: a line starts after a line break either way)
            b.delete(nl + 1, group[0].start);
        } else {
            b.delete(0, group[0].start);
        }
        for (j, line) in group.iter().enumerate() {
            if j > 0 {
                let prev_end = group[j - 1].end;
                b.delete(prev_end, line.start);
                rejoined.push(Span::new(prev_end, line.start));
                seams.push(b.as_str().len());
            }
            if !line.cuts.is_empty() {
                seams.push(b.as_str().len());
            }
            emit_line(&mut b, text, line, prose, j == 0, lex);
            if !line.cuts.is_empty() {
                seams.push(b.as_str().len());
            }
        }
        k = group_end;
    }
    let last = kept.last().map_or(0, |l| l.end);
    b.delete(last, text.len());
    let (out, map) = b.finish(text.len());
    LinesFolded {
        text: out,
        map,
        removed,
        rejoined,
        seams,
    }
}

/// Whether `s` opens with the next part of a date: digits, spaces, then 月, 日 or 号.
fn date_part_follows(s: &str) -> bool {
    let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < s.len() && rest.trim_start_matches(' ').starts_with(['月', '日', '号'])
}

fn visible_after_cuts(text: &str, line: &Line) -> bool {
    let mut pos = line.start;
    for &(s, e, _) in &line.cuts {
        if text[pos..s].chars().any(|c| !is_space(c)) {
            return true;
        }
        pos = e;
    }
    text[pos..line.end].chars().any(|c| !is_space(c))
}

/// The end of the run of lines starting at `k`: `k` and the lines joined to the one before.
fn joined_run_end(joined: &[bool], k: usize) -> usize {
    k + 1 + joined[k + 1..].iter().take_while(|&&j| j).count()
}

/// The line's content with its cuts applied and spaces dropped (for join decisions).
fn cleaned<'t>(text: &'t str, line: &Line) -> std::borrow::Cow<'t, str> {
    let content = &text[line.start..line.end];
    if line.cuts.is_empty() && !line.facts.space {
        return std::borrow::Cow::Borrowed(content);
    }
    // the character stage left only ASCII spaces
    let mut s = String::with_capacity(content.len());
    let mut pos = line.start;
    for &(a, e, _) in &line.cuts {
        text[pos..a].split(' ').for_each(|p| s.push_str(p));
        pos = e;
    }
    text[pos..line.end].split(' ').for_each(|p| s.push_str(p));
    std::borrow::Cow::Owned(s)
}

/// Writes a line's content: cuts dropped, and spaces next to Chinese text dropped (in prose
/// everywhere, elsewhere only between Chinese and Latin or digits).
fn emit_line(
    b: &mut MapBuilder,
    text: &str,
    line: &Line,
    prose: bool,
    first_in_group: bool,
    lex: &Lexicon,
) {
    let content = &text[line.start..line.end];
    if line.cuts.is_empty() && !line.facts.space {
        b.copy(line.start, content);
        return;
    }
    // what to drop, in order: the cuts, and the runs of spaces next to Chinese text
    let mut drops: Vec<(usize, usize)> = line.cuts.iter().map(|&(s, e, _)| (s, e)).collect();
    if line.facts.space {
        // a line-initial number label keeps the space after it (5 全力保障…)
        let keep_label_space = first_in_group && parse_label(content).is_some_and(|l| l.weak);
        let bytes = content.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // the next space (the character stage folded every space to an ASCII one)
            let Some(off) = bytes[i..].iter().position(|&x| x == b' ') else {
                break;
            };
            i += off;
            let mut j = i + 1;
            while bytes.get(j) == Some(&b' ') {
                j += 1;
            }
            let (at, end) = (line.start + i, line.start + j);
            let inside_cut = line.cuts.iter().any(|&(s, e, _)| at < e && s < end);
            let before = content[..i].chars().next_back();
            let after = content[j..].chars().next();
            let drop = match (before, after) {
                (Some(x), Some(y)) if !inside_cut => {
                    // (not a number parted from its unit: 6 月3日)
                    let label_space = keep_label_space
                        && i <= 3
                        && !seen_text_after_digits(&content[..i])
                        && !matches!(
                            y,
                            '年' | '月' | '日' | '号' | '时' | '万' | '亿' | '余' | '多'
                        )
                        && lex.units.longest_at(text, end).is_none();
                    !label_space
                        && if prose {
                            is_cjk(x) || is_cjk(y)
                        } else {
                            // only a number parted from its unit (2022 年, 6 项), or the
                            // parts of a date (2022 年 6 月)
                            (x.is_ascii_digit()
                                && (matches!(
                                    y,
                                    '年' | '月' | '日' | '号' | '时' | '万' | '亿' | '余' | '多'
                                ) || lex.units.longest_at(text, end).is_some()))
                                || (matches!(x, '年' | '月')
                                    && y.is_ascii_digit()
                                    && date_part_follows(&content[j..]))
                        }
                }
                _ => false,
            };
            if drop {
                drops.push((at, end));
            }
            i = j;
        }
        drops.sort_unstable();
    }
    let mut pos = line.start;
    for (s, e) in drops {
        if s < pos {
            continue;
        }
        b.copy(pos, &text[pos..s]);
        b.delete(s, e);
        pos = e;
    }
    b.copy(pos, &text[pos..line.end]);
}

/// Whether `s` holds anything but ASCII digits (the label number of `5 全力`).
fn seen_text_after_digits(s: &str) -> bool {
    !s.bytes().all(|b| b.is_ascii_digit())
}
