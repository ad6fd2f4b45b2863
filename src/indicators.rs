//! Indicators: what the quantities of a report measure.
//!
//! From the [`Mention`]s of [`mod@crate::numbers`] and the sentences of [`crate::structure`]:
//!
//! - **comparisons**: a basis (`同比`, `比去年同期`, `较上年`), a direction (`下降`,
//!   `增加`, `持平`) and the change (`5.8%`), or a result beyond a target
//!   (`超省考核任务15天`);
//! - **ranks**: a position among peers (`全市排名第2`, `居于全省第一`,
//!   `在中心五城区排第x位`);
//! - **indicators**: every other quantity, with a name read from the words around it
//!   (`优良天数为287天` → 优良天数, `配发50个垃圾桶` → 配发垃圾桶), the standard metric it
//!   is an instance of, a category and the section it sits in.
//!
//! Comparisons and ranks point to the indicator they qualify: the nearest one before them in
//! the same sentence.

use crate::chars::{is_han, is_space};
use crate::lexicon::{Category, Direction, Lexicon, UnitCategory};
use crate::numbers::{Mention, MentionKind, Role};
use crate::offset_map::{Normalized, Span};
use crate::structure::Structure;

/// A quantity that states a fact of the report.
#[derive(Debug, Clone)]
pub struct IndicatorFound {
    /// Index into the mentions.
    pub mention: usize,
    pub name: String,
    /// Where the name was read (the words before and after the number).
    pub name_span: Span<Normalized>,
    /// The standard indicator this is an instance of (优良天数, PM2.5浓度), if recognised.
    pub metric: Option<String>,
    pub category: Category,
    pub section: Option<usize>,
    pub sentence: Span<Normalized>,
    pub comparison: Option<usize>,
    pub rank: Option<usize>,
    /// A number without a unit that an index name introduces (水环境质量指数3.2640).
    pub unitless: bool,
    /// A goal rather than a result (力争…控制在35微克/立方米以内).
    pub target: bool,
}

/// A change against a basis.
#[derive(Debug, Clone)]
pub struct ComparisonFound {
    pub span: Span<Normalized>,
    /// What changed, when the comparison's clause names it (臭氧浓度|与上年相比上升4.1%).
    pub subject: Option<String>,
    pub basis: Option<String>,
    pub direction: Direction,
    /// Index into the mentions of the change, if stated.
    pub mention: Option<usize>,
    pub indicator: Option<usize>,
}

/// A position among peers.
#[derive(Debug, Clone)]
pub struct RankFound {
    pub span: Span<Normalized>,
    pub scope: Option<String>,
    /// Index into the mentions of the ordinal.
    pub mention: usize,
    /// What is ranked, when the rank's clause names it.
    pub subject: Option<String>,
    pub indicator: Option<usize>,
}

/// Everything this stage finds.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    pub indicators: Vec<IndicatorFound>,
    pub comparisons: Vec<ComparisonFound>,
    pub ranks: Vec<RankFound>,
}

fn chars_len(s: &str) -> usize {
    s.chars().count()
}

/// Finds indicators, comparisons and ranks.
pub fn find(text: &str, structure: &Structure, mentions: &[Mention], lex: &Lexicon) -> Findings {
    let mut used = vec![false; mentions.len()];
    let mut f = Findings::default();
    find_comparisons(
        text,
        structure,
        mentions,
        lex,
        &mut used,
        &mut f.comparisons,
    );
    find_ranks(text, structure, mentions, lex, &mut used, &mut f.ranks);

    let plan_document = matches!(
        structure.meta.kind.as_deref(),
        Some("计划" | "要点" | "方案")
    );
    let sections = section_facts(structure, lex);
    let memo = Memo::default();
    // (sentence start, A part, name) of the last indicator
    let mut last: Option<(usize, String, String)> = None;
    for (k, m) in mentions.iter().enumerate() {
        if used[k] {
            continue;
        }
        let sentence = structure.sentence_at(m.span.start).unwrap_or(m.span);
        let unitless = m.role == Role::Bare && index_name_before(text, sentence.start, m, lex);
        if m.role != Role::Quantity && !unitless {
            continue;
        }
        // the previous indicator of the sentence, for list items without words of their own
        let previous = last.as_ref().filter(|p| p.0 == sentence.start);
        let (mut name, a_part, name_span) = name_of(
            text,
            sentence,
            k,
            mentions,
            previous.map(|p| p.1.as_str()),
            &memo,
            lex,
        );
        // Ⅰ～Ⅲ类水质断面11个，占91.7%: a share of what was just counted
        let before = text[..m.span.start].trim_end_matches(' ');
        let share = before.ends_with('占') || before.ends_with("占比");
        if share {
            let before = &text[clause_start(text, sentence.start, before.len())..before.len()];
            let before = before.trim_start_matches(' ');
            let base = if name.is_empty() || before == "占" || before == "占比" {
                previous.map_or(String::new(), |p| p.2.clone())
            } else {
                name.clone()
            };
            name = format!("{}占比", base.trim_end_matches("占比"));
        }
        if !a_part.is_empty() || !name.is_empty() {
            let a_keep = if a_part.is_empty() {
                previous.map_or(String::new(), |p| p.1.clone())
            } else {
                a_part
            };
            last = Some((sentence.start, a_keep, name.clone()));
        }
        let section = structure.section_at(m.span.start);
        let plan = plan_document || section.is_some_and(|s| sections[s].plan);
        let target = is_target(text, sentence.start, m.span.start, plan, lex);
        let metric = metric_in(&name, lex);
        let category = metric
            .as_ref()
            .map(|(_, c)| *c)
            .filter(|&c| c != Category::Other)
            .or_else(|| keyword_category(&name, lex))
            .or_else(|| section.and_then(|s| sections[s].category))
            .unwrap_or(Category::Other);
        let metric = metric.map(|(n, _)| n);
        f.indicators.push(IndicatorFound {
            mention: k,
            name,
            name_span,
            metric,
            category,
            section,
            sentence,
            comparison: None,
            rank: None,
            unitless,
            target,
        });
    }

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
    f
}

/// Whether the bare number `m` follows an index name (水环境质量指数3.2640, 综合指数为4.1).
fn index_name_before(text: &str, sentence_start: usize, m: &Mention, lex: &Lexicon) -> bool {
    if m.kind != MentionKind::Decimal && m.kind != MentionKind::Integer {
        return false;
    }
    let mut end = m.span.start;
    for _ in 0..2 {
        if let Some((len, _)) = lex.link.longest_ending_at(text, end) {
            end -= len;
        }
    }
    let clause = &text[clause_start(text, sentence_start.min(end), end)..end];
    ["指数", "系数", "比值", "值", "pH", "PH"]
        .iter()
        .any(|w| clause.ends_with(w))
        || (clause.contains("pH") && clause.ends_with(|c: char| is_han(c)))
}

/// Whether the words of the clause before `pos` make its quantity a goal (力争, 确保), or
/// the document or section is a plan (工作要点, 二、工作计划, 下一步打算).
fn is_target(text: &str, sentence_start: usize, pos: usize, plan: bool, lex: &Lexicon) -> bool {
    let before = &text[clause_start(text, sentence_start, pos)..pos];
    plan || before
        .char_indices()
        .any(|(i, c)| lex.target_cue.may_start(c) && lex.target_cue.longest_at(before, i).is_some())
}

fn is_change(m: &Mention) -> bool {
    m.role == Role::Quantity || (m.is_placeholder() && m.unit.is_some())
}

/// Comparisons are found from their changes: each quantity right after a direction word
/// (下降5.8%), each flat word (持平), and each quantity right after a target (超…任务15天);
/// then the basis is looked for just before (同比, 较上年, 比2015年).
fn find_comparisons(
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
        let Some(sentence) = structure.sentence_at(m.span.start) else {
            continue;
        };
        // a target beaten: 超省考核任务15天
        if let Some((tlen, basis)) = target {
            let t = m.span.start - tlen;
            let head = &text[clause_start(text, sentence.start, t)..t];
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
    let mut flat_words: Vec<(usize, usize)> = crate::chars::find_all_of(text, &keys)
        .into_iter()
        .map(|(at, k)| at + keys[k].len())
        .filter_map(|end| {
            let (len, dir) = lex.direction.longest_ending_at(text, end)?;
            (*dir == Direction::Flat).then_some((end - len, len))
        })
        .collect();
    flat_words.sort_unstable();
    flat_words.dedup();
    for (at, len) in flat_words {
        let Some(sentence) = structure.sentence_at(at) else {
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
        if !crate::chars::is_han(c) || filler >= 6 {
            return None;
        }
        pos -= c.len_utf8();
        filler += 1;
    }
}

fn find_ranks(
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
        let tail = &text[m.number.end..m.span.end];
        if !(tail.is_empty() || tail == "位" || tail == "名")
            || !m.span.slice(text).starts_with('第')
        {
            continue;
        }
        let Some(sentence) = structure.sentence_at(m.span.start) else {
            continue;
        };
        let cs = clause_start(text, sentence.start, m.span.start);
        let Some((start, scope)) = rank_context(text, cs, m.span.start, lex) else {
            continue;
        };
        used[k] = true;
        // the numbers of the scope (全省13个设区市) belong to the rank
        let first = mentions.partition_point(|o| o.span.start < start);
        for j in first..k {
            if mentions[j].span.end <= m.span.start {
                used[j] = true;
            }
        }
        let subject = {
            let s = trim_name(&text[cs..start], lex);
            (!s.is_empty()).then_some(s)
        };
        out.push(RankFound {
            span: Span::new(start, m.span.end),
            scope: scope.map(|(a, b)| text[a..b].trim_end_matches(['中', '内', '里']).to_string()),
            mention: k,
            subject,
            indicator: None,
        });
    }
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

/// How far back a clause or a name is looked for, in bytes: names are short, and a bound
/// keeps the work linear on pathological lines without punctuation.
const WINDOW: usize = 360;

/// Whether only 和, 及, 与 or 、 stands between two items of a list.
fn separates_items(between: &str) -> bool {
    matches!(between.trim_matches(' '), "和" | "及" | "与" | "、")
}

/// Where the clause holding `pos` ends within its sentence.
fn clause_end(text: &str, sentence_end: usize, pos: usize) -> usize {
    text[pos..sentence_end]
        .find(['，', '；', '：', '。', '！', '？', ',', ';', '\n', '\t'])
        .map_or(sentence_end, |i| pos + i)
}

/// Where the clause holding `pos` starts within its sentence (at most [`WINDOW`] back).
fn clause_start(text: &str, sentence_start: usize, pos: usize) -> usize {
    let from = crate::normalize::floor_boundary(text, pos.saturating_sub(WINDOW))
        .max(sentence_start)
        .min(pos);
    text[from..pos]
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '，' | '；' | '：' | '。' | '！' | '？' | ',' | '\t'))
        .map_or(from, |(i, c)| from + i + c.len_utf8())
}

/// Trims what is not part of a name: leading time words and subjects, dates, conjunctions;
/// trailing link words (为, 达到, 共计); aspect particles.
fn trim_name(s: &str, lex: &Lexicon) -> String {
    let owned: String;
    let mut t: &str = if s.chars().any(|c| is_space(c) || c == '了') {
        owned = s.chars().filter(|&c| !is_space(c) && c != '了').collect();
        &owned
    } else {
        s
    };
    loop {
        let before = t.len();
        t = t.trim_start_matches(|c: char| {
            matches!(
                c,
                '，' | '、' | '；' | '：' | '。' | '和' | '及' | '并' | '且' | '与' | '的'
            )
        });
        if let Some((len, _)) = lex.name_lead.longest_at(t, 0) {
            t = &t[len..];
        }
        // 一是, 三是: an enumeration word
        if let Some((_, l)) = crate::labels::small_chinese_number(t) {
            if t[l..].starts_with('是') {
                t = &t[l + '是'.len_utf8()..];
            }
        }
        // 省督期间, 整改以来: a time phrase near the start
        let head = &t[..crate::normalize::floor_boundary(t, 36)];
        if let Some((i, c)) = head.char_indices().find(|&(i, c)| {
            (c == '期' && head[i..].starts_with("期间"))
                || (c == '以' && head[i..].starts_with("以来"))
        }) {
            t = &t[i + c.len_utf8() * 2..];
        }
        // 通报上半年全区…: a reporting period early in the name, and what comes before it
        let head = &t[..crate::normalize::floor_boundary(t, 24)];
        if let Some((_, b, _)) = lex.period.find(head).filter(|&(_, b, _)| b < t.len()) {
            t = &t[b..];
        }
        // a leading date: 2019年, 1-6月, 20xx年, 5月31日
        let date_len = leading_date_len(t);
        if date_len > 0 && date_len < t.len() {
            t = &t[date_len..];
        }
        if t.len() == before {
            break;
        }
    }
    loop {
        let before = t.len();
        t = t.trim_end_matches(|c: char| {
            matches!(c, '，' | '、' | '的' | '等' | '和' | '及' | '与')
        });
        if let Some((len, _)) = lex.link.longest_ending_at(t, t.len()) {
            // 违法行为 keeps its 为
            let word = lex
                .not_link
                .longest_ending_at(t, t.len())
                .is_some_and(|(l, _)| l > len);
            if !word {
                t = &t[..t.len() - len];
            }
        }
        if t.len() == before {
            break;
        }
    }
    t.to_string()
}

/// Length of a date at the start of `s` (2019年, 1-6月, 20xx年, 5月31日, 2019年年).
fn leading_date_len(s: &str) -> usize {
    let mut i = 0;
    let b = s.as_bytes();
    loop {
        let start = i;
        while i < b.len() {
            if b[i].is_ascii_digit() || b[i] == b'x' || b[i] == b'X' || b[i] == b'-' || b[i] == b'~'
            {
                i += 1;
            } else if let Some(dash) = ["—", "–", "至"]
                .iter()
                .find(|d| s[i..].starts_with(*d))
                .filter(|_| i > start)
            {
                i += dash.len();
            } else {
                break;
            }
        }
        if i == start {
            // a bare 年 repeated after a year (2019年年新增)
            if start > 0 && s[i..].starts_with('年') {
                i += '年'.len_utf8();
                continue;
            }
            return start;
        }
        let rest = &s[i..];
        let unit = ["年度", "年", "月份", "月", "日", "季度"]
            .iter()
            .find(|u| rest.starts_with(*u));
        match unit {
            Some(u) => i += u.len(),
            None => return start,
        }
    }
}

/// Whether `s` opens with a predicate rather than a noun: 已整改, 完成…, 开展现场监测.
fn starts_predicate(s: &str, lex: &Lexicon) -> bool {
    lex.verb.starts(s) || lex.title_lead.starts(s) || lex.noun_end.starts(s)
}

/// Verbs too general to prefix a counted noun (完成x家企业… is not 完成企业).
const GENERAL_VERBS: [&str; 7] = ["完成", "开展", "实施", "推进", "组织", "进行", "推动"];

/// Where the words naming mention `k` may start: after the clause delimiter before it
/// (delimiters inside quotation marks do not count), or after the enumeration comma that
/// closes a list item holding a quantity, or after the previous quantity of the clause.
/// Returns the position and whether it is the end of a previous quantity.
fn name_start(
    text: &str,
    sentence: Span<Normalized>,
    k: usize,
    mentions: &[Mention],
) -> (usize, bool) {
    let m = &mentions[k];
    let from = crate::normalize::floor_boundary(text, m.span.start.saturating_sub(WINDOW))
        .max(sentence.start)
        .min(m.span.start);
    let mut start = from;
    let mut depth = 0i32;
    for (i, c) in text[from..m.span.start].char_indices().rev() {
        let at = from + i;
        match c {
            '”' | '》' | '）' => depth += 1,
            '“' | '《' | '（' => depth -= 1,
            _ => {}
        }
        if depth > 0 {
            continue;
        }
        if matches!(
            c,
            '，' | '；' | '：' | '。' | '！' | '？' | ',' | ';' | '\t'
        ) {
            start = at + c.len_utf8();
            break;
        }
        if c == '、' {
            let item_start = clause_start(text, sentence.start, at);
            let item_has_quantity = mentions[..k]
                .iter()
                .rev()
                .take(8)
                .take_while(|p| p.span.end > item_start)
                .any(|p| {
                    p.span.end <= at && p.span.start >= item_start && p.role == Role::Quantity
                });
            if item_has_quantity {
                start = at + c.len_utf8();
                break;
            }
        }
    }
    match k
        .checked_sub(1)
        .map(|j| &mentions[j])
        .filter(|p| p.span.end <= m.span.start && p.span.end > start)
    {
        Some(p) if p.role == Role::Quantity => (p.span.end, true),
        _ => (start, false),
    }
}

/// Where the words after mention `k` end: at a clause delimiter or the next number; an
/// enumeration comma only ends them when a number follows before the clause ends
/// (x家印刷、制药企业 is one noun).
fn name_end(text: &str, sentence: Span<Normalized>, k: usize, mentions: &[Mention]) -> usize {
    let m = &mentions[k];
    let next_start = mentions
        .get(k + 1)
        .map_or(sentence.end, |n| n.span.start.min(sentence.end))
        .max(m.span.end)
        .min(crate::normalize::floor_boundary(text, m.span.end + WINDOW));
    let mut end = m.span.end;
    for (i, c) in text[m.span.end..next_start].char_indices() {
        let at = m.span.end + i;
        if matches!(
            c,
            '，' | '；' | '：' | '。' | '！' | '？' | ',' | ';' | '\n' | '\t'
        ) {
            break;
        }
        // 、 between two items of a list; 和 (及, 与) too when a short item follows
        // (检查企业35家和工地12个, not 7个县级及以上集中式饮用水水源地水质达标率为100%)
        let conjunction = matches!(c, '和' | '及' | '与');
        if c == '、' || (conjunction && chars_len(&text[at..next_start]) <= 7) {
            let clause_end = text[at..next_start]
                .find(['，', '；', '：', '。'])
                .map_or(next_start, |x| at + x);
            if next_start <= clause_end && mentions.get(k + 1).is_some() {
                break;
            }
        }
        end = at + c.len_utf8();
    }
    end
}

/// The noun at the start of `s`: up to a predicate (已, 完成 …).
fn leading_noun(s: &str, lex: &Lexicon) -> String {
    trim_b(&cut_at_predicate(s, lex))
}

/// The name of the indicator of mention `k`, from the words before the number in its
/// clause (A: 优良天数为|287天) and the words after its unit (B: 配发50个|垃圾桶).
/// Returns the name, the A part on its own (for items of a list that follow it), and
/// where the name was read.
fn name_of<'t>(
    text: &'t str,
    sentence: Span<Normalized>,
    k: usize,
    mentions: &[Mention],
    previous_a: Option<&str>,
    memo: &Memo,
    lex: &Lexicon,
) -> (String, String, Span<Normalized>) {
    let m = &mentions[k];
    let (a_start, after_quantity) = name_start(text, sentence, k, mentions);
    let b_end = name_end(text, sentence, k, mentions);
    // a heading label that opens the line is not part of a name: （2）完成…, ①烧结…
    let a_start = if text[..a_start].ends_with('\n') || a_start == 0 {
        crate::labels::parse_label(&text[a_start..m.span.start])
            .map_or(a_start, |l| a_start + l.len)
    } else {
        a_start
    };
    let without_spaces = |s: &'t str| -> std::borrow::Cow<'t, str> {
        if crate::chars::find_byte(s.as_bytes(), 0, b' ').is_some() {
            std::borrow::Cow::Owned(s.split(' ').collect())
        } else {
            std::borrow::Cow::Borrowed(s)
        }
    };
    let raw_a = without_spaces(&text[a_start..m.span.start]);
    let raw_b = without_spaces(&text[m.span.end..b_end]);

    // 对X进行…, 为社区建成…: a preposition turns what follows into the object
    let preposition = raw_a
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '对' | '向' | '把' | '给' | '将'))
        .map(|(i, c)| (i, c.len_utf8()));
    let a = trim_name(&raw_a, lex);
    // the words before, from the preposition's object on if there is one
    let a_object = || {
        preposition
            .map(|(i, l)| trim_name(&raw_a[i + l..], lex))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| a.clone())
    };
    let a_verb = lex
        .verb
        .longest_ending_at(&a, a.len())
        .map(|(len, _)| a[a.len() - len..].to_string())
        .filter(|v| !GENERAL_VERBS.contains(&v.as_str()));
    let mut b_full = trim_b(&trim_name(&raw_b, lex));
    let mut b_noun = leading_noun(&b_full, lex);
    // 7个饮用水水源地水质达标率为100%: the metric after the noun belongs to the next number
    if lex.link.longest_ending_at(&raw_b, raw_b.len()).is_some() {
        if let Some((len, _)) = lex
            .indicator_names
            .longest_ending_at(&b_noun, b_noun.len())
            .filter(|&(l, _)| l < b_noun.len())
        {
            b_noun.truncate(b_noun.len() - len);
            b_full = b_noun.clone();
        }
    }
    let b_predicate = starts_predicate(&b_full, lex);
    let change_subject = change_subject(text, sentence, m.span.start, memo, lex);
    let respective = memo
        .cues(text, sentence)
        .respectively
        .then(|| respective_item(text, sentence, k, mentions, lex))
        .flatten()
        .map(|(item, verb)| trim_name(&format!("{item}{verb}"), lex));
    let list_head =
        raw_a.ends_with('等') || crate::chars::has(&raw_a, '、') || raw_a.ends_with('的');

    // 站点周边3公里范围内: a distance that bounds a place names the range
    let range = m
        .unit
        .as_ref()
        .is_some_and(|u| u.category == UnitCategory::Length)
        && (["范围", "以内", "内"].iter().any(|w| raw_b.starts_with(w))
            || m.span.slice(text).ends_with("以内"));
    let name = if let Some(name) = respective {
        name
    } else if let Some(subject) = change_subject {
        // 审批时限由20个工作日压缩至10个工作日: both numbers are the subject's
        subject
    } else if range && !a.is_empty() {
        let place = a_object();
        format!("{}范围", place.trim_start_matches('在'))
    } else if b_full.is_empty() || (b_noun.is_empty() && !b_predicate) {
        // 优良天数为287天; 检查医院、酒店、接种点等xxx余家(次); 各类宣传xx余条
        match a.rfind('等') {
            Some(i)
                if raw_a.contains(['、', '》', '”'])
                    && chars_len(&a[i + '等'.len_utf8()..]) >= 2 =>
            {
                a[i + '等'.len_utf8()..].to_string()
            }
            _ => a.clone(),
        }
    } else if a.is_empty()
        || preposition.is_some_and(|(i, l)| trim_name(&raw_a[i + l..], lex).is_empty())
    {
        // nothing before: the noun after, or the whole clause when the noun says little
        // (13家企业完成原辅料源头替代, 16个重点项目)
        if chars_len(&b_noun) >= 3 {
            b_noun.clone()
        } else if chars_len(&b_full) > 24 {
            let cut = b_full
                .find('等')
                .filter(|&i| chars_len(&b_full[..i]) >= 4)
                .unwrap_or(b_full.len());
            truncate_chars(&b_full[..cut], 24)
        } else {
            b_full.clone()
        }
    } else if after_quantity {
        // 11个国省考断面|10个达标: the words after belong to this item
        if b_predicate {
            b_full.clone()
        } else {
            b_noun.clone()
        }
    } else if b_predicate {
        // 组织xxxx余人(次)开展现场监测; 发动社区群众、干部职工200人投身社区卫生大清理
        if a_verb.is_some() || lex.verb.longest_ending_at(&a, a.len()).is_some() {
            b_full.clone()
        } else {
            format!("{a}{b_full}")
        }
    } else if let Some(v) = a_verb.filter(|_| !list_head) {
        // 配发50个垃圾桶, 建成了4座垃圾收集转运站
        format!("{v}{b_noun}")
    } else if list_head || chars_len(&b_noun) >= 3 {
        b_noun.clone()
    } else {
        // 工作计划xx项任务: a short noun after needs the words before
        let a2 = a_object();
        if a2.ends_with(&b_noun) {
            a2
        } else {
            format!("{a2}{b_noun}")
        }
    };
    let name = name
        .trim_matches(|c: char| c == '的' || is_space(c))
        .to_string();
    let name = if name.is_empty() {
        table_cell_name(text, m.span.start, memo, lex).unwrap_or_default()
    } else {
        name
    };
    let name = if name.is_empty() {
        previous_a.unwrap_or("").to_string()
    } else {
        name
    };
    let span = Span::new(a_start.min(m.span.start), b_end.max(m.span.end));
    (tail_chars(&name, 30), a, span)
}

/// 分别: respectively.
const RESPECTIVELY: &str = "分别";

/// When number `k` is one of the numbers that 分别 (respectively) gives the items of a list,
/// in order: its item with the noun the items share, and the verb after 分别
/// (二氧化硫、氮氧化物排放总量分别削减1200吨、800吨 → 二氧化硫排放总量 and 氮氧化物排放总量,
/// 削减). The shared noun is a known one ending the last item (`shared_head` in the cues),
/// or else what the last item holds beyond the length of the others when they are all as
/// long (城市和农村污水处理率).
fn respective_item<'t>(
    text: &'t str,
    sentence: Span<Normalized>,
    k: usize,
    mentions: &[Mention],
    lex: &Lexicon,
) -> Option<(String, &'t str)> {
    let m = &mentions[k];
    let start = clause_start(text, sentence.start, m.span.start);
    let before = &text[start..m.span.start];
    let at = before.find(RESPECTIVELY)?;
    let after = start + at + RESPECTIVELY.len();
    let end = clause_end(text, sentence.end, m.span.end);
    let lo = mentions.partition_point(|x| x.span.start < after);
    let hi = mentions.partition_point(|x| x.span.start < end);
    let listed: Vec<usize> = (lo..hi)
        .filter(|&j| mentions[j].role == Role::Quantity)
        .collect();
    let i = listed.iter().position(|&j| j == k)?;
    let subject = trim_name(&before[..at], lex);
    let parts: Vec<&str> = subject.split(['、', '和', '及', '与']).collect();
    if parts.len() < 2 || parts.len() != listed.len() || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let last = parts[parts.len() - 1];
    let others = &parts[..parts.len() - 1];
    let head_len = lex
        .shared_head
        .longest_ending_at(last, last.len())
        .map(|(len, _)| len)
        .filter(|&len| len < last.len())
        .or_else(|| {
            let n = chars_len(others[0]);
            let same = others.iter().all(|p| chars_len(p) == n);
            let cut = last.char_indices().nth(n).map(|(b, _)| b)?;
            same.then_some(last.len() - cut)
        })
        .unwrap_or(0);
    let (last_item, head) = last.split_at(last.len() - head_len);
    let item = if i + 1 == parts.len() {
        last_item
    } else {
        parts[i]
    };
    Some((
        format!("{item}{head}"),
        &text[after..mentions[listed[0]].span.start],
    ))
}

/// The subject of a change "from A to B" whose numbers include the one at `pos`: the words
/// that open the clause before its 由, when 到, 至 or 为 follows (审批时限由法定的20个工作日
/// 压缩至10个, 浓度由45微克/立方米下降到38微克/立方米). Not 由于 (because), and not 由 of an
/// agent or a makeup (由3个部门组成).
fn change_subject(
    text: &str,
    sentence: Span<Normalized>,
    pos: usize,
    memo: &Memo,
    lex: &Lexicon,
) -> Option<String> {
    if !memo.cues(text, sentence).from {
        return None;
    }
    let start = clause_start(text, sentence.start, pos);
    let before = &text[start..pos];
    let from = before
        .match_indices('由')
        .map(|(i, _)| i)
        .find(|&i| !before[i + '由'.len_utf8()..].starts_with('于'))?;
    let end = clause_end(text, sentence.end, pos);
    let change = &text[start + from + '由'.len_utf8()..end];
    if !change.contains(['到', '至', '为']) {
        return None;
    }
    let subject = trim_name(&before[..from], lex);
    (chars_len(&subject) >= 2).then_some(subject)
}

/// The name of a number in a table cell: the row's first cell and the column's header
/// (PM2.5 + 浓度 for `PM2.5\t32微克/立方米` under `项目\t浓度`).
fn table_cell_name(text: &str, pos: usize, memo: &Memo, lex: &Lexicon) -> Option<String> {
    let line_start = row_start(text, pos)?;
    let column = text[line_start..pos].matches('\t').count();
    if column == 0 {
        return None;
    }
    let limit = crate::normalize::floor_boundary(text, pos + ROW_MAX);
    let line_end = match text[pos..limit].find('\n') {
        Some(i) => pos + i,
        None if limit == text.len() => limit,
        None => return None,
    };
    let line = &text[line_start..line_end];
    let row_label = line.split('\t').next()?.trim();
    // the header: the first of the tab-separated lines above, known from the row above when
    // that was looked at, else looked for in the 200 lines above at most
    let top = match memo.rows.get() {
        Some((row, row_end, top)) if row == line_start || row_end + 1 == line_start => top,
        _ => {
            let mut top = (line_start, line_end);
            for lines in 0..=200 {
                let end = top.0;
                if end == 0 {
                    break;
                }
                let Some(start) = row_start(text, end - 1) else {
                    break;
                };
                if !text[start..end - 1].contains('\t') {
                    break;
                }
                if lines == 200 {
                    // too far up to be this row's header
                    top = (line_start, line_end);
                    break;
                }
                top = (start, end - 1);
            }
            top
        }
    };
    memo.rows.set(Some((line_start, line_end, top)));
    let header = (top.0 != line_start).then(|| &text[top.0..top.1]);
    let column_name = header
        .and_then(|h| h.split('\t').nth(column))
        .map(str::trim)
        .filter(|c| {
            !c.is_empty()
                && !c.starts_with(|x: char| x.is_ascii_digit())
                && !lex.value_column.contains(c)
        })
        .unwrap_or("");
    let name = format!("{row_label}{column_name}");
    (!name.is_empty()).then_some(name)
}

/// What naming remembers from one number of a text to the next.
#[derive(Default)]
struct Memo {
    /// The last table row named and the first line of its table (its header), so that each
    /// row of a long table finds its header at once: (row start, row end, header line).
    rows: std::cell::Cell<Option<(usize, usize, Line)>>,
    /// The sentence last looked at (its start), and whether it holds 由 (a change "from A
    /// to B") and 分别 (respectively): most do not, and a sentence holds many numbers.
    cues: std::cell::Cell<Option<(usize, SentenceCues)>>,
}

#[derive(Clone, Copy)]
struct SentenceCues {
    from: bool,
    respectively: bool,
}

impl Memo {
    /// The cues of `sentence`, looked for once.
    fn cues(&self, text: &str, sentence: Span<Normalized>) -> SentenceCues {
        match self.cues.get() {
            Some((start, cues)) if start == sentence.start => cues,
            _ => {
                let s = sentence.slice(text);
                let cues = SentenceCues {
                    from: crate::chars::has(s, '由'),
                    respectively: crate::chars::has_str(s, RESPECTIVELY),
                };
                self.cues.set(Some((sentence.start, cues)));
                cues
            }
        }
    }
}

/// A line's (start, end).
type Line = (usize, usize);

/// A table row is short: looking no further than this for its edges keeps the cost per
/// number bounded on a text that is one endless line.
const ROW_MAX: usize = 4096;

/// The start of the line holding `pos`, if it starts within [`ROW_MAX`] bytes before.
fn row_start(text: &str, pos: usize) -> Option<usize> {
    let mut window = pos.saturating_sub(ROW_MAX);
    while !text.is_char_boundary(window) {
        window += 1;
    }
    match text[window..pos].rfind('\n') {
        Some(i) => Some(window + i + 1),
        None if window == 0 => Some(0),
        None => None,
    }
}

/// `s` up to the first word that ends a noun phrase (see the `noun_end` cues).
fn cut_at_predicate(s: &str, lex: &Lexicon) -> String {
    for (i, c) in s.char_indices().skip(1) {
        if lex.noun_end.may_start(c) && lex.noun_end.longest_at(s, i).is_some() {
            return s[..i].to_string();
        }
    }
    s.to_string()
}

fn trim_b(s: &str) -> String {
    s.trim_start_matches(['的', '，', '、', '和', '及', '与'])
        .trim_end_matches(|c: char| {
            matches!(c, '和' | '及' | '与' | '、' | '等' | '的' | '，' | '中')
        })
        .to_string()
}

fn truncate_chars(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// The last `n` characters: the head of a Chinese noun phrase is at its end. When that
/// cuts a word, the tail starts after its first 的 or 、 instead, if one is in the first
/// half (…相关部门主要负责人为成员的领导小组 → 领导小组, not 关部门…).
fn tail_chars(s: &str, n: usize) -> String {
    if s.len() <= n {
        return s.to_string();
    }
    let Some((i, _)) = s.char_indices().rev().nth(n - 1).filter(|&(i, _)| i > 0) else {
        return s.to_string();
    };
    let tail = &s[i..];
    let cut = tail
        .char_indices()
        .take(n / 2)
        .find(|&(_, c)| matches!(c, '的' | '、'))
        .map_or(0, |(k, c)| k + c.len_utf8());
    tail[cut..].to_string()
}

/// The standard indicator a name holds (优良天数 in 全年实现优良天数), the longest one.
fn metric_in(name: &str, lex: &Lexicon) -> Option<(String, Category)> {
    let mut best: Option<(usize, usize, Category)> = None;
    for (i, c) in name.char_indices() {
        if !lex.indicator_names.may_start(c) {
            continue;
        }
        if let Some((len, &cat)) = lex.indicator_names.longest_at(name, i) {
            if best.is_none_or(|(_, l, _)| len > l) {
                best = Some((i, len, cat));
            }
        }
    }
    best.map(|(i, len, cat)| (name[i..i + len].to_string(), cat))
}

/// The category of the keyword that ends last in `s` (the head of the phrase), the longer
/// on a tie.
fn keyword_category(s: &str, lex: &Lexicon) -> Option<Category> {
    let mut best: Option<(usize, usize, Category)> = None;
    for (i, c) in s.char_indices() {
        if !lex.category_keywords.may_start(c) {
            continue;
        }
        if let Some((len, &cat)) = lex.category_keywords.longest_at(s, i) {
            let key = (i + len, len);
            if best.is_none_or(|(e, l, _)| key > (e, l)) {
                best = Some((key.0, key.1, cat));
            }
        }
    }
    best.map(|(_, _, c)| c)
}

/// What an indicator inherits from the section it stands in, worked out once a section.
struct SectionFacts {
    /// The category of the nearest enclosing title that names one.
    category: Option<Category>,
    /// The section, or one it stands in, plans rather than reports (工作计划, 下一步打算).
    plan: bool,
}

fn section_facts(structure: &Structure, lex: &Lexicon) -> Vec<SectionFacts> {
    let mut out: Vec<SectionFacts> = Vec::with_capacity(structure.sections.len());
    // parents come before their children
    for s in &structure.sections {
        let title = &structure.headings[s.heading].title;
        let parent = s.parent.and_then(|p| out.get(p));
        let plan = ["计划", "打算", "下一步", "思路", "安排", "目标任务"]
            .iter()
            .any(|w| title.contains(w))
            || parent.is_some_and(|p| p.plan);
        let category = keyword_category(title, lex).or_else(|| parent.and_then(|p| p.category));
        out.push(SectionFacts { category, plan });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    struct Run {
        text: String,
        mentions: Vec<Mention>,
        f: Findings,
    }

    fn run(t: &str) -> Run {
        let lex = Lexicon::builtin();
        let n = normalize(t, lex);
        let s = crate::structure::analyze(&n.text, lex);
        let mentions = crate::numbers::find(&n.text, &s.label_spans(), lex);
        let f = find(&n.text, &s, &mentions, lex);
        Run {
            text: n.text,
            mentions,
            f,
        }
    }

    #[track_caller]
    fn assert_name(t: &str, quantity: &str, name: &str) {
        let r = run(t);
        let found: Vec<(String, &str)> =
            r.f.indicators
                .iter()
                .map(|i| (i.name.clone(), r.mentions[i.mention].span.slice(&r.text)))
                .collect();
        assert!(
            found.iter().any(|(n, q)| *q == quantity && n == name),
            "{t}: {found:?}"
        );
    }

    #[test]
    fn names() {
        assert_name(
            "全年实现优良天数326天，超省考核任务15天。",
            "326天",
            "实现优良天数",
        );
        assert_name(
            "关闭淘汰落后产能和“散乱污”企业10家、治理7家。",
            "10家",
            "关闭淘汰落后产能和“散乱污”企业",
        );
        assert_name(
            "关闭淘汰落后产能和“散乱污”企业10家、治理7家。",
            "7家",
            "治理",
        );
        assert_name(
            "多方筹措奖金10万元，为社区建成了4座垃圾收集转运站，配发50个垃圾桶。",
            "4座",
            "建成垃圾收集转运站",
        );
        assert_name(
            "多方筹措奖金10万元，为社区建成了4座垃圾收集转运站，配发50个垃圾桶。",
            "50个",
            "配发垃圾桶",
        );
        assert_name(
            "全区PM2.5浓度为34.2微克/立方米，同比下降5.8%。",
            "34.2微克/立方米",
            "全区PM2.5浓度",
        );
        assert_name(
            "推动清洁能源替代，13家企业完成原辅料源头替代。",
            "13家",
            "企业完成原辅料源头替代",
        );
        assert_name("11个国省考断面10个达标，10个优Ⅲ。", "10个", "达标");
        assert_name(
            "已完成排污口采样，其中270个排污口完成整治。",
            "270个",
            "排污口",
        );
    }

    #[test]
    fn comparisons() {
        let r = run("全区PM2.5浓度为34.2微克/立方米，同比2020年下降5.8%；优良天数为287天，比去年同期增加xx天，与20xx年同比无明显变化。全年实现优良天数326天，超省考核任务15天。");
        let c: Vec<(&str, Direction)> =
            r.f.comparisons
                .iter()
                .map(|c| (c.span.slice(&r.text), c.direction))
                .collect();
        assert_eq!(
            c,
            vec![
                ("同比2020年下降5.8%", Direction::Down),
                ("比去年同期增加xx天", Direction::Up),
                ("同比无明显变化", Direction::Flat),
                ("超省考核任务15天", Direction::Up),
            ]
        );
        // the change is not an indicator of its own; the comparison points to its indicator
        assert_eq!(r.f.indicators.len(), 3);
        assert_eq!(r.f.comparisons[0].indicator, Some(0));
    }

    #[test]
    fn ranks() {
        let r = run("优良率为78.6%，全市排名第2；水环境质量居于全省第一，固定污染源清理整顿进展全省第一。空气质量综合指数在中心五城区排第x位。完成第三批创建。");
        let ranks: Vec<(&str, Option<&str>)> =
            r.f.ranks
                .iter()
                .map(|x| (x.span.slice(&r.text), x.scope.as_deref()))
                .collect();
        assert_eq!(
            ranks,
            vec![
                ("全市排名第2", Some("全市")),
                ("居于全省第一", Some("全省")),
                ("全省第一", Some("全省")),
                ("在中心五城区排第x位", Some("中心五城区")),
            ]
        );
        assert_eq!(r.f.ranks[0].indicator, Some(0));
        assert_eq!(r.f.ranks[1].subject.as_deref(), Some("水环境质量"));
    }

    #[test]
    fn unitless_index() {
        let r = run("1-5月安康市城市水环境质量指数3.2640，全省排名第一。");
        assert_eq!(r.f.indicators.len(), 1);
        assert!(r.f.indicators[0].unitless);
        assert_eq!(r.f.indicators[0].metric.as_deref(), Some("水环境质量指数"));
    }
}
