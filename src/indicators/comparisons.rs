//! Comparisons: a change against a basis (`同比下降5.8%`, `较上年增加12天`, `与上年持平`),
//! or a result beyond a target (`超省考核任务15天`).

use super::{chars_len, clause_head, ComparisonFound};
use crate::lexicon::{Direction, Lexicon};
use crate::numbers::{Mention, MentionKind, Role};
use crate::span::Span;
use crate::structure::Structure;
use crate::text::words::separates_items;

pub(super) fn is_change(m: &Mention) -> bool {
    m.role == Role::Quantity || (m.is_placeholder() && m.unit.is_some())
}

/// Comparisons are found from their changes: each quantity right after a direction word
/// (下降5.8%), each flat word (持平), and each quantity right after a target (超…任务15天);
/// then the basis is looked for just before (同比, 较上年, 比2015年).
pub(super) fn find_comparisons(
    text: &str,
    structure: &Structure,
    mentions: &[Mention],
    lex: &Lexicon,
    used: &mut [bool],
    out: &mut Vec<ComparisonFound>,
) {
    for (k, m) in mentions.iter().enumerate() {
        if used[k] || !is_change(m) {
            continue;
        }
        let end = if text[..m.span.start].ends_with('了') {
            m.span.start - '了'.len_utf8()
        } else {
            m.span.start
        };
        let target = lex.target.longest_ending_at(text, m.span.start);
        let direction = lex.direction.longest_ending_at(text, end);
        if target.is_none() && direction.is_none() {
            continue;
        }
        let Some(clause) = structure.clause_at(m.span.start) else {
            continue;
        };
        let sentence = structure.sentences[clause.sentence];
        // a target beaten: 超省考核任务15天
        if let Some((tlen, basis)) = target {
            let t = m.span.start - tlen;
            let head = &text[clause_head(text, clause, t)..t];
            if let Some(p) = head.rfind('超').filter(|&p| chars_len(&head[p..]) <= 6) {
                used[k] = true;
                out.push(ComparisonFound {
                    span: Span::new(t - (head.len() - p), m.span.end),
                    subject: None,
                    basis: Some(basis.to_string()),
                    direction: Direction::Up,
                    mention: Some(k),
                    indicator: None,
                });
                continue;
            }
        }
        let Some((dlen, &dir)) = direction else {
            continue;
        };
        if dir == Direction::Flat {
            continue;
        }
        let d = end - dlen;
        let one_char = chars_len(&text[d..end]) == 1;
        // the changes after this one in a list share its direction and basis:
        // 分别下降5.4%和3.3%
        let mut push_with_parallel = |c: ComparisonFound, used: &mut [bool]| {
            used[k] = true;
            let mut last = k;
            out.push(c.clone());
            while let Some(n) = parallel_change(text, mentions, last).filter(|&n| !used[n]) {
                used[n] = true;
                out.push(ComparisonFound {
                    span: mentions[n].span,
                    mention: Some(n),
                    ..c.clone()
                });
                last = n;
            }
        };
        match basis_before(text, d, sentence.start, mentions, lex) {
            Some((start, basis, filler)) if !(one_char && filler > 0) => {
                push_with_parallel(
                    ComparisonFound {
                        span: Span::new(start, m.span.end),
                        subject: None,
                        basis: Some(basis),
                        direction: dir,
                        mention: Some(k),
                        indicator: None,
                    },
                    used,
                );
            }
            _ => {
                // a bare change in percent: 提高5个百分点, 下降了3.2%
                let percent = m.unit.as_ref().is_some_and(|u| {
                    matches!(
                        u.category,
                        crate::lexicon::UnitCategory::Percent
                            | crate::lexicon::UnitCategory::Points
                    )
                });
                if percent && !one_char {
                    push_with_parallel(
                        ComparisonFound {
                            span: Span::new(d, m.span.end),
                            subject: None,
                            basis: None,
                            direction: dir,
                            mention: Some(k),
                            indicator: None,
                        },
                        used,
                    );
                }
            }
        }
    }
    // no change at all: 同比持平, 与上年相比无明显变化. The flat words are found by their
    // last two characters (持平 for 基本持平 too), all in one search, and then read back
    // from where they end: the longest word ending there wins.
    let mut keys: Vec<&str> = lex
        .direction
        .iter()
        .filter(|(_, dir)| **dir == Direction::Flat)
        .map(|(phrase, _)| {
            let cut = phrase.char_indices().rev().nth(1).map_or(0, |(i, _)| i);
            &phrase[cut..]
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let mut flat_words: Vec<(usize, usize)> = keys
        .iter()
        .flat_map(|k| crate::text::search::match_starts(text, k).map(move |at| at + k.len()))
        .filter_map(|end| {
            let (len, dir) = lex.direction.longest_ending_at(text, end)?;
            (*dir == Direction::Flat).then_some((end - len, len))
        })
        .collect();
    flat_words.sort_unstable();
    flat_words.dedup();
    for (at, len) in flat_words {
        let Some(sentence) = structure
            .clause_at(at)
            .map(|c| structure.sentences[c.sentence])
        else {
            continue;
        };
        if let Some((start, basis, _)) = basis_before(text, at, sentence.start, mentions, lex) {
            out.push(ComparisonFound {
                span: Span::new(start, at + len),
                subject: None,
                basis: Some(basis),
                direction: Direction::Flat,
                mention: None,
                indicator: None,
            });
        }
    }
    out.sort_by_key(|c| c.span.start);
    out.dedup_by_key(|c| c.span.start);
}

/// The change listed right after mention `k` (下降5.4%和3.3%, 5.4%、3.3%): the next mention,
/// when only 和, 及, 与 or 、 stands between them and it is a change in the same kind of
/// unit.
fn parallel_change(text: &str, mentions: &[Mention], k: usize) -> Option<usize> {
    let (m, n) = (&mentions[k], mentions.get(k + 1)?);
    let category = |m: &Mention| m.unit.as_ref().map(|u| u.category);
    (separates_items(text.get(m.span.end..n.span.start)?)
        && is_change(n)
        && category(n).is_some()
        && category(n) == category(m))
    .then_some(k + 1)
}

/// The basis of a comparison whose direction word starts at `d`: 同比, 较上年, or 比/较/与
/// and a year, ending at most six characters (or a date) before. Returns where it starts,
/// the basis as written, and how many characters stand between it and the direction.
fn basis_before(
    text: &str,
    d: usize,
    sentence_start: usize,
    mentions: &[Mention],
    lex: &Lexicon,
) -> Option<(usize, String, usize)> {
    let mut pos = d;
    let mut filler = 0;
    loop {
        if let Some((blen, b)) = lex
            .basis
            .longest_ending_at(text, pos)
            .filter(|&(l, _)| pos - l >= sentence_start)
        {
            return Some((pos - blen, b.to_string(), filler));
        }
        // a year or a date between the basis and the direction: 同比2020年下降
        let k = mentions.partition_point(|m| m.span.end < pos);
        if let Some(m) = mentions
            .get(k)
            .filter(|m| m.span.end == pos && m.span.start >= sentence_start)
        {
            if m.role == Role::Date {
                // 比2015年, 较2015年, 与2015年: the year is the basis
                if m.kind == MentionKind::Year {
                    // 同比2020年: the basis before the year
                    if let Some((blen, b)) = lex.basis.longest_ending_at(text, m.span.start) {
                        return Some((m.span.start - blen, b.to_string(), filler));
                    }
                    if let Some(c) = text[..m.span.start]
                        .chars()
                        .next_back()
                        .filter(|c| matches!(c, '比' | '较' | '与'))
                    {
                        let start = m.span.start - c.len_utf8();
                        return Some((start, text[start..m.span.end].to_string(), filler));
                    }
                }
                pos = m.span.start;
                continue;
            }
        }
        let c = text[sentence_start..pos].chars().next_back()?;
        if !crate::text::chars::is_han(c) || filler >= 6 {
            return None;
        }
        pos -= c.len_utf8();
        filler += 1;
    }
}
