//! Linking: each comparison and rank to the indicator it qualifies, and the subject of
//! each comparison.

use super::naming::{respective_item, trim_name};
use super::{clause_start, separates_items, Findings, IndicatorFound, RESPECTIVELY};
use crate::lexicon::Lexicon;
use crate::numbers::Mention;
use crate::span::{Normalized, Span};
use crate::structure::Structure;

/// Links the comparisons and ranks of `f` to its indicators.
pub(super) fn link(
    text: &str,
    structure: &Structure,
    mentions: &[Mention],
    lex: &Lexicon,
    f: &mut Findings,
) {
    // link comparisons and ranks to the nearest indicator before them in the sentence
    // indicators are in text order: the last one ending before `pos`, if in the sentence
    let nearest = |pos: usize,
                   sentence: Option<Span<Normalized>>,
                   inds: &[IndicatorFound]|
     -> Option<usize> {
        let sentence = sentence?;
        let i = inds
            .partition_point(|ind| mentions[ind.mention].span.end <= pos)
            .checked_sub(1)?;
        (mentions[inds[i].mention].span.start >= sentence.start).then_some(i)
    };
    // a change listed after another (下降5.4%和3.3%)
    let listed: Vec<bool> = (0..f.comparisons.len())
        .map(|c| {
            c.checked_sub(1)
                .and_then(|p| text.get(f.comparisons[p].span.end..f.comparisons[c].span.start))
                .is_some_and(separates_items)
        })
        .collect();
    // 分别 before a list of changes: the changes go one to each of as many indicators just
    // before, in order (浓度分别为35、58微克/立方米，同比分别下降5.4%和3.3%)
    let mut respective: Vec<Option<usize>> = vec![None; f.comparisons.len()];
    for c in 0..f.comparisons.len() {
        let span = f.comparisons[c].span;
        if listed[c] || !span.slice(text).contains(RESPECTIVELY) {
            continue;
        }
        let group = 1 + listed[c + 1..].iter().take_while(|&&l| l).count();
        let sentence = structure.sentence_at(span.start);
        let first = nearest(span.start, sentence, &f.indicators)
            .and_then(|last| (last + 1).checked_sub(group))
            .filter(|&i| {
                sentence.is_some_and(|s| mentions[f.indicators[i].mention].span.start >= s.start)
            });
        if let Some(first) = first {
            for j in 0..group {
                respective[c + j] = Some(first + j);
            }
        }
    }
    for c in 0..f.comparisons.len() {
        let span = f.comparisons[c].span;
        let sentence = structure.sentence_at(span.start);
        // 化学需氧量、氨氮排放量分别下降2.1%和3.4%: each change has its item
        let item = f.comparisons[c]
            .mention
            .zip(sentence)
            .and_then(|(k, sentence)| {
                respective_item(text, sentence, k, mentions, lex).map(|(item, _)| item)
            });
        if let Some(item) = item {
            f.comparisons[c].subject = Some(trim_name(&item, lex));
        } else if listed[c] {
            f.comparisons[c].subject = f.comparisons[c - 1].subject.clone();
        } else if let Some(sentence) = sentence {
            let s = trim_name(
                &text[clause_start(text, sentence.start, span.start)..span.start],
                lex,
            );
            f.comparisons[c].subject = (!s.is_empty()).then_some(s);
        }
        let ind = respective[c]
            .or_else(|| nearest(span.start, structure.sentence_at(span.start), &f.indicators));
        f.comparisons[c].indicator = ind;
        if let Some(i) = ind {
            f.indicators[i].comparison.get_or_insert(c);
        }
    }
    for r in 0..f.ranks.len() {
        if f.ranks[r].subject.is_some() {
            continue;
        }
        let span = f.ranks[r].span;
        let ind = nearest(span.start, structure.sentence_at(span.start), &f.indicators);
        f.ranks[r].indicator = ind;
        if let Some(i) = ind {
            f.indicators[i].rank.get_or_insert(r);
        }
    }
}
