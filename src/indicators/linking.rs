//! Linking: each comparison and rank to the indicator it qualifies, and the subject of
//! each comparison.
//!
//! A comparison or a rank qualifies the nearest indicator before it in its sentence; after
//! 分别, a list of changes goes one to each of as many indicators just before it, in order
//! (`浓度分别为35、58微克/立方米，同比分别下降5.4%和3.3%`).

use super::naming::{respective_item, trim_name};
use super::{clause_head, Findings, IndicatorFound, RESPECTIVELY};
use crate::lexicon::Lexicon;
use crate::numbers::Mention;
use crate::structure::Structure;
use crate::text::words::separates_items;

/// Whether indicator `ind` states the value of the basis of the comparison starting at
/// `change`: a basis right before its number (`较去年同期`, `比2016年`, `较上年（`) and at most
/// a few filler characters between it and the change (`稍有`).
fn is_baseline(
    text: &str,
    mentions: &[Mention],
    ind: &IndicatorFound,
    change: usize,
    lex: &Lexicon,
) -> bool {
    let m = &mentions[ind.mention];
    let Some(between) = text.get(m.span.end()..change) else {
        return false;
    };
    let between = between.trim_start_matches(['）', ')', ' ']);
    if between.chars().count() > 4 || between.contains(['，', '；', '。', '、']) {
        return false;
    }
    basis_before(text, m.span.start(), lex).is_some()
}

/// The period a baseline's number is of, from the basis before it: 较去年同期 → 去年同期,
/// 比2016年 → 2016年.
fn baseline_period(text: &str, number: usize, lex: &Lexicon) -> String {
    basis_before(text, number, lex)
        .unwrap_or("")
        .trim_start_matches(['比', '较', '与'])
        .trim_end_matches("相比")
        .to_string()
}

/// The basis that stands right before a number (past an opening bracket): a `basis` cue
/// (较去年同期), or a year or period after 比 or 较 (比2016年, 较2019年同期).
fn basis_before<'t>(text: &'t str, number: usize, lex: &Lexicon) -> Option<&'t str> {
    let before = text[..number].trim_end_matches(['（', '(', ' ']);
    if let Some((len, _)) = lex.basis.longest_ending_at(before, before.len()) {
        return Some(&before[before.len() - len..]);
    }
    let from = before.char_indices().rev().nth(9).map_or(0, |(i, _)| i);
    let tail = &before[from..];
    let period = tail.ends_with('年') || tail.ends_with("同期") || tail.ends_with('月');
    let at = tail.rfind(['比', '较'])?;
    (period && tail[at..].chars().skip(1).any(|c| c.is_ascii_digit())).then(|| &tail[at..])
}

/// Links the comparisons and ranks of `f` to its indicators.
pub(super) fn link(
    text: &str,
    structure: &Structure,
    mentions: &[Mention],
    lex: &Lexicon,
    f: &mut Findings,
) {
    // the last indicator ending before `pos`, if it is in the sentence of `pos`
    let nearest = |pos: usize, inds: &[IndicatorFound]| -> Option<usize> {
        let sentence = structure.sentences[structure.clause_at(pos)?.sentence()];
        let i = inds
            .partition_point(|ind| mentions[ind.mention].span.end() <= pos)
            .checked_sub(1)?;
        (mentions[inds[i].mention].span.start() >= sentence.start()).then_some(i)
    };
    // a change listed after another (下降5.4%和3.3%)
    let listed: Vec<bool> = (0..f.comparisons.len())
        .map(|c| {
            c.checked_sub(1)
                .and_then(|p| text.get(f.comparisons[p].span.end()..f.comparisons[c].span.start()))
                .is_some_and(separates_items)
        })
        .collect();
    let mut respective: Vec<Option<usize>> = vec![None; f.comparisons.len()];
    for c in 0..f.comparisons.len() {
        let span = f.comparisons[c].span;
        if listed[c] || !span.slice(text).contains(RESPECTIVELY) {
            continue;
        }
        let group = 1 + listed[c + 1..].iter().take_while(|&&l| l).count();
        if let Some(first) =
            nearest(span.start(), &f.indicators).and_then(|last| (last + 1).checked_sub(group))
        {
            let sentence = structure
                .clause_at(span.start())
                .map(|c| structure.sentences[c.sentence()]);
            if sentence
                .is_some_and(|s| mentions[f.indicators[first].mention].span.start() >= s.start())
            {
                for j in 0..group {
                    respective[c + j] = Some(first + j);
                }
            }
        }
    }
    for c in 0..f.comparisons.len() {
        let span = f.comparisons[c].span;
        let clause = structure.clause_at(span.start());
        // 化学需氧量、氨氮排放量分别下降2.1%和3.4%: each change has its item
        let item = f.comparisons[c]
            .mention
            .zip(clause)
            .and_then(|(k, clause)| respective_item(text, structure, clause, k, mentions, lex))
            .map(|(item, _)| item);
        if let Some(item) = item {
            f.comparisons[c].subject = Some(trim_name(&item, lex));
        } else if listed[c] {
            f.comparisons[c].subject = f.comparisons[c - 1].subject.clone();
        } else if let Some(clause) = clause {
            let s = trim_name(
                &text[clause_head(text, clause, span.start())..span.start()],
                lex,
            );
            f.comparisons[c].subject = (!s.is_empty()).then_some(s);
        }
        let mut ind = respective[c].or_else(|| nearest(span.start(), &f.indicators));
        // the value of the basis, stated inside the comparison (较去年同期51微克/立方米下降5.8%):
        // the baseline, and the change qualifies the indicator before it
        if let Some(b) =
            ind.filter(|&b| is_baseline(text, mentions, &f.indicators[b], span.start(), lex))
        {
            f.comparisons[c].baseline = Some(b);
            f.indicators[b].baseline = true;
            let unit = |i: &IndicatorFound| mentions[i.mention].unit.as_ref().map(|u| u.category);
            ind = b
                .checked_sub(1)
                .filter(|&p| {
                    nearest(
                        mentions[f.indicators[b].mention].span.start(),
                        &f.indicators,
                    ) == Some(p)
                })
                .filter(|&p| unit(&f.indicators[p]) == unit(&f.indicators[b]));
            // named as the period compared against and what it measures: 去年同期PM2.5平均浓度
            if let Some(p) = ind {
                let period =
                    baseline_period(text, mentions[f.indicators[b].mention].span.start(), lex);
                f.indicators[b].name = format!("{period}{}", f.indicators[p].name);
            }
        }
        f.comparisons[c].indicator = ind;
        if let Some(i) = ind {
            f.indicators[i].comparison.get_or_insert(c);
        }
    }
    for r in 0..f.ranks.len() {
        if f.ranks[r].subject.is_some() {
            continue;
        }
        let ind = nearest(f.ranks[r].span.start(), &f.indicators);
        f.ranks[r].indicator = ind;
        if let Some(i) = ind {
            f.indicators[i].rank.get_or_insert(r);
        }
    }
}
