//! Ranks: a position among peers (`全市排名第2`, `居于全省第一`, `在中心五城区排第x位`).

use super::naming::trim_name;
use super::{chars_len, clause_head, RankFound};
use crate::lexicon::Lexicon;
use crate::numbers::{Mention, MentionKind, Role};
use crate::span::{Normalized, Span};
use crate::structure::Structure;

pub(super) fn find_ranks(
    text: &str,
    structure: &Structure,
    mentions: &[Mention],
    lex: &Lexicon,
    used: &mut [bool],
    out: &mut Vec<RankFound>,
) {
    for (k, m) in mentions.iter().enumerate() {
        if m.kind != MentionKind::Ordinal || used[k] || m.role == Role::Label {
            continue;
        }
        // 第N, 第N位, 第N名: not 第三批, 第二季度
        let tail = &text[m.number.end()..m.span.end()];
        if !(tail.is_empty() || tail == "位" || tail == "名")
            || !m.span.slice(text).starts_with('第')
        {
            continue;
        }
        let Some(clause) = structure.clause_at(m.span.start()) else {
            continue;
        };
        let cs = clause_head(text, clause, m.span.start());
        let Some((start, scope)) = rank_context(text, cs, m.span.start(), lex) else {
            continue;
        };
        used[k] = true;
        // the numbers of the scope (全省13个设区市) belong to the rank
        let first = mentions.partition_point(|o| o.span.start() < start);
        for j in first..k {
            if mentions[j].span.end() <= m.span.start() {
                used[j] = true;
            }
        }
        let subject = {
            let s = trim_name(&text[cs..start], lex);
            (!s.is_empty()).then_some(s)
        };
        out.push(RankFound {
            span: Span::new(start, m.span.end()),
            scope: scope.map(|(a, b)| text[a..b].trim_end_matches(['中', '内', '里']).to_string()),
            rank: m.value.filter(|v| *v >= 0.0 && *v < 1e6).map(|v| v as u32),
            placeholder: m.is_placeholder(),
            subject,
            indicator: None,
        });
    }
    // 居全国首位, 排名全市末位（第7）: the first and the last place in words
    for (word, first) in [("首位", true), ("末位", false)] {
        for at in crate::text::search::match_starts(text, word) {
            let Some(clause) = structure.clause_at(at) else {
                continue;
            };
            let cs = clause_head(text, clause, at);
            let Some((start, scope)) = rank_context(text, cs, at, lex) else {
                continue;
            };
            let mut end = at + word.len();
            // 末位（第7）: the place's number in brackets
            let mut rank = first.then_some(1);
            if let Some(inner) = text[end..].strip_prefix('（') {
                let m = mentions.iter().find(|m| {
                    m.span.start() == end + '（'.len_utf8() && m.kind == MentionKind::Ordinal
                });
                if let Some(m) = m.filter(|m| inner[m.span.len()..].starts_with('）')) {
                    rank = m.value.map(|v| v as u32);
                    end = m.span.end() + '）'.len_utf8();
                }
            }
            let subject = {
                let s = trim_name(&text[cs..start], lex);
                (!s.is_empty()).then_some(s)
            };
            out.push(RankFound {
                span: Span::new(start, end),
                scope: scope
                    .map(|(a, b)| text[a..b].trim_end_matches(['中', '内', '里']).to_string()),
                rank,
                placeholder: false,
                subject,
                indicator: None,
            });
        }
    }
    // by start, the longest first
    crate::text::sort::by_positions(out, |r| r.span.start(), |r| usize::MAX - r.span.end());
    // 排名全市末位（第7）: the 第7 inside is the same rank
    let spans: Vec<Span<Normalized>> = out.iter().map(|r| r.span).collect();
    let mut k = 0;
    out.retain(|r| {
        k += 1;
        !spans
            .iter()
            .enumerate()
            .any(|(j, s)| j != k - 1 && s.contains(r.span) && *s != r.span)
    });
}

/// The words that make `第N` at `pos` a rank, within the clause starting at `cs`: where
/// they start and the scope's span. `排名全省第二`, `全市排名第2`, `进展全省第一`,
/// `在全省13个设区市中排名第3位`, `排名全国168个重点城市第45位`.
fn rank_context(
    text: &str,
    cs: usize,
    pos: usize,
    lex: &Lexicon,
) -> Option<(usize, Option<(usize, usize)>)> {
    let within = |len: usize, at: usize| at >= cs + len;
    // a scope word right before: [verb] 全省 第N
    if let Some((len, _)) = lex
        .rank_scope
        .longest_ending_at(text, pos)
        .filter(|&(l, _)| within(l, pos))
    {
        let s = pos - len;
        let start = lex
            .rank_verb
            .longest_ending_at(text, s)
            .filter(|&(l, _)| within(l, s))
            .map_or(s, |(l, _)| s - l);
        return Some((start, Some((s, pos))));
    }
    // a verb right before: 全市 排名 第N, 在…中 排名 第N, 排 第N
    if let Some((vlen, _)) = lex
        .rank_verb
        .longest_ending_at(text, pos)
        .filter(|&(l, _)| within(l, pos))
    {
        let v = pos - vlen;
        if let Some((len, _)) = lex
            .rank_scope
            .longest_ending_at(text, v)
            .filter(|&(l, _)| within(l, v))
        {
            return Some((v - len, Some((v - len, v))));
        }
        if let Some(z) = text[cs..v].rfind('在') {
            let zs = cs + z;
            let inner = zs + '在'.len_utf8();
            if (1..=16).contains(&chars_len(&text[inner..v])) {
                return Some((zs, Some((inner, v))));
            }
        }
        return Some((v, None));
    }
    // a verb a little before, the scope between: 排名全国168个重点城市第45位
    let before = &text[cs..pos];
    let (vi, vlen) = before
        .char_indices()
        .filter_map(|(i, _)| lex.rank_verb.longest_at(before, i).map(|(l, _)| (i, l)))
        .rfind(|&(i, l)| {
            let between = &before[i + l..];
            (2..=16).contains(&chars_len(between)) && !between.contains(['，', '、', '；'])
        })?;
    let v = cs + vi;
    Some((v, Some((v + vlen, pos))))
}
