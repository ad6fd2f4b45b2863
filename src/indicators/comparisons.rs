//! Comparisons: a change against a basis (`同比下降5.8%`, `较上年增加12天`, `与上年持平`),
//! or a result beyond a target (`超省考核任务15天`).

use super::{chars_len, clause_head, ComparisonFound};
use crate::lexicon::{Direction, Lexicon, UnitCategory};
use crate::numbers::{Mention, MentionKind, Role};
use crate::span::Span;
use crate::structure::{Clause, Structure};
use crate::text::words::separates_items;

pub(super) fn is_change(m: &Mention) -> bool {
    m.role == Role::Quantity || (m.is_placeholder() && m.unit.is_some())
}

/// Comparisons are found from their changes: each quantity right after a direction word
/// (下降5.8%), each flat word (持平), each quantity after a comparative and its basis
/// (高于全国1.7个百分点, 低于省定目标值8微克), and each quantity beyond a target
/// (超省考核任务15天, 超额完成31辆); then the basis is looked for just before (同比, 较上年,
/// 比2015年), or earlier in the sentence when a clause states it once for the changes after
/// it (与上年同期相比，…上升2.0个百分点，…持平).
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
        let Some(clause) = structure.clause_at(m.span.start()) else {
            continue;
        };
        let sentence = structure.sentences[clause.sentence()];
        // the words right before the number: 了 and adverbs (增长均超20%, 下降了3.2%) aside
        let mut end = m.span.start();
        while let Some(c) = text[..end]
            .chars()
            .next_back()
            .filter(|c| matches!(c, '了' | '均' | '都' | '也' | '仍' | '各'))
        {
            end -= c.len_utf8();
        }
        if let Some(c) = beyond_target(text, clause, k, m, end, lex) {
            used[k] = true;
            out.push(c);
            continue;
        }
        if let Some(c) = against_basis(text, clause, k, m, lex) {
            used[k] = true;
            out.push(c);
            continue;
        }
        let Some((dlen, &dir)) = lex.direction.longest_ending_at(text, end) else {
            continue;
        };
        if dir == Direction::Flat {
            continue;
        }
        let d = end - dlen;
        let one_char = chars_len(&text[d..end]) == 1;
        // a one-character direction after an adverb: 约降1.0%, 再降5%
        let adverb =
            text[..d].ends_with(['约', '再', '又', '均', '各']) || text[..d].ends_with("分别");
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
        let comparison = |start: usize, basis: Option<String>| ComparisonFound {
            span: Span::new(start, m.span.end()),
            subject: None,
            basis,
            direction: dir,
            mention: Some(k),
            indicator: None,
            baseline: None,
        };
        match basis_before(text, d, sentence.start(), mentions, lex) {
            Some((start, basis, filler)) if !(one_char && filler > 0) => {
                push_with_parallel(comparison(start, Some(basis)), used);
            }
            _ => {
                // a change of a level without a basis of its own: 提高5个百分点, 下降5.2分贝,
                // 减少3天, 增长5.4倍 (not an amount: 削减1200吨, 增加5亿元)
                let level = m.unit.as_ref().is_some_and(|u| {
                    matches!(
                        u.category,
                        UnitCategory::Percent
                            | UnitCategory::Points
                            | UnitCategory::Multiple
                            | UnitCategory::Noise
                            | UnitCategory::Concentration
                            | UnitCategory::Temperature
                            | UnitCategory::Radiation
                            | UnitCategory::Time
                    )
                });
                if level && (!one_char || adverb) {
                    let basis = carried_basis(text, structure, clause, lex);
                    push_with_parallel(comparison(d, basis), used);
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
        let Some(clause) = structure.clause_at(at) else {
            continue;
        };
        let sentence = structure.sentences[clause.sentence()];
        let found = basis_before(text, at, sentence.start(), mentions, lex)
            .map(|(start, basis, _)| (start, basis))
            .or_else(|| carried_basis(text, structure, clause, lex).map(|b| (at, b)));
        if let Some((start, basis)) = found {
            out.push(ComparisonFound {
                span: Span::new(start, at + len),
                subject: None,
                basis: Some(basis),
                direction: Direction::Flat,
                mention: None,
                indicator: None,
                baseline: None,
            });
        }
    }
    crate::text::sort::by_position(out, |c| c.span.start());
    out.dedup_by_key(|c| c.span.start());
}

/// A result beyond a target: the target word right before the number and 超 (超过, 超出,
/// 超额) earlier in its clause (超省考核任务15天, 超过国家下达的年度目标2.1个百分点), or
/// 超额完成 right before it (超额完成31辆).
fn beyond_target(
    text: &str,
    clause: &Clause,
    k: usize,
    m: &Mention,
    end: usize,
    lex: &Lexicon,
) -> Option<ComparisonFound> {
    let found = |start: usize, basis: &str| ComparisonFound {
        span: Span::new(start, m.span.end()),
        subject: None,
        basis: Some(basis.to_string()),
        direction: Direction::Up,
        mention: Some(k),
        indicator: None,
        baseline: None,
    };
    if text[..end].ends_with("超额完成") {
        return Some(found(end - "超额完成".len(), "目标"));
    }
    let (tlen, basis) = lex.target.longest_ending_at(text, end)?;
    let t = end - tlen;
    let head = &text[clause_head(text, clause, t)..t];
    let p = head.rfind('超')?;
    // 超 within the words of the target (超省考核任务, 超过国家下达安徽省的年度目标), not in
    // another word of the clause
    (chars_len(&head[p..]) <= 16).then(|| found(t - (head.len() - p), basis))
}

/// A comparative, its basis and the difference: 高于全国1.7个百分点, 优于全国(89.4%)6.5个百分点,
/// 低于省定目标值8微克, 距离省定目标相差14天.
fn against_basis(
    text: &str,
    clause: &Clause,
    k: usize,
    m: &Mention,
    lex: &Lexicon,
) -> Option<ComparisonFound> {
    let mut end = m.span.start();
    // the basis's own value in brackets: 全国(89.4%)
    if text[..end].ends_with('）') {
        // (looked for within the clause, not back through the whole text)
        let open = clause.span.start() + text[clause.span.start().min(end)..end].rfind('（')?;
        if chars_len(&text[open..end]) > 12 {
            return None;
        }
        end = open;
    }
    let head_start = clause_head(text, clause, end);
    // 距离…目标相差14天
    if let Some(at) = text[head_start..end]
        .strip_suffix("相差")
        .map(|h| head_start + h.len())
    {
        let words = &text[head_start..at];
        if let Some(d) = words.rfind("距离").or_else(|| words.rfind("距")) {
            if let Some((_, basis)) = lex.target.find(&words[d..]).map(|(_, _, b)| ((), b)) {
                return Some(ComparisonFound {
                    span: Span::new(head_start + d, m.span.end()),
                    subject: None,
                    basis: Some(basis.to_string()),
                    direction: Direction::Down,
                    mention: Some(k),
                    indicator: None,
                    baseline: None,
                });
            }
        }
    }
    // the basis right before the number: a scope (全国, 全省) or a target (目标值)
    let (blen, basis) = match lex.rank_scope.longest_ending_at(text, end) {
        Some((len, _)) => (len, text[end - len..end].to_string()),
        None => {
            let (len, b) = lex.target.longest_ending_at(text, end)?;
            (len, b.to_string())
        }
    };
    let b = end - blen;
    // the comparative, at most a few characters before the basis (省定 in 低于省定目标值)
    let words = &text[head_start..b];
    let (at, dir) = words
        .char_indices()
        .filter_map(|(i, _)| lex.comparative.longest_at(words, i).map(|(_, &d)| (i, d)))
        .next_back()?;
    let between = chars_len(&words[at..]) - 2;
    (between <= 4).then(|| ComparisonFound {
        span: Span::new(head_start + at, m.span.end()),
        subject: None,
        basis: Some(basis),
        direction: dir,
        mention: Some(k),
        indicator: None,
        baseline: None,
    })
}

/// A basis stated once for the changes after it in its sentence: a clause before that is a
/// basis phrase alone (与上年同期相比，…; 同比，…).
fn carried_basis(
    text: &str,
    structure: &Structure,
    clause: &Clause,
    lex: &Lexicon,
) -> Option<String> {
    let sentence = structure.sentences[clause.sentence()];
    let first = structure
        .clauses
        .partition_point(|c| c.span.end() <= sentence.start());
    structure.clauses[first..]
        .iter()
        .take_while(|c| c.span.start() < clause.span.start())
        .filter_map(|c| {
            let words = c.span.slice(text).trim();
            let (len, basis) = lex.basis.longest_ending_at(words, words.len())?;
            // the clause is the basis, maybe after a subject or a period (2021年，与上年相比)
            (chars_len(&words[..words.len() - len]) <= 6).then(|| basis.to_string())
        })
        .last()
}

/// The change listed right after mention `k` (下降5.4%和3.3%, 5.4%、3.3%): the next mention,
/// when only 和, 及, 与 or 、 stands between them and it is a change in the same kind of
/// unit.
fn parallel_change(text: &str, mentions: &[Mention], k: usize) -> Option<usize> {
    let (m, n) = (&mentions[k], mentions.get(k + 1)?);
    let category = |m: &Mention| m.unit.as_ref().map(|u| u.category);
    (separates_items(text.get(m.span.end()..n.span.start())?)
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
        let k = mentions.partition_point(|m| m.span.end() < pos);
        if let Some(m) = mentions
            .get(k)
            .filter(|m| m.span.end() == pos && m.span.start() >= sentence_start)
        {
            if m.role == Role::Date {
                // 比2015年, 较2015年, 与2015年: the year is the basis
                if m.kind == MentionKind::Year {
                    // 同比2020年: the basis before the year
                    if let Some((blen, b)) = lex.basis.longest_ending_at(text, m.span.start()) {
                        return Some((m.span.start() - blen, b.to_string(), filler));
                    }
                    if let Some(c) = text[..m.span.start()]
                        .chars()
                        .next_back()
                        .filter(|c| matches!(c, '比' | '较' | '与'))
                    {
                        let start = m.span.start() - c.len_utf8();
                        return Some((start, text[start..m.span.end()].to_string(), filler));
                    }
                }
                pos = m.span.start();
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
