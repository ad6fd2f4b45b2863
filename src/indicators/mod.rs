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

use crate::lexicon::{Category, Direction, Lexicon};
use crate::meta::MetaFound;
use crate::numbers::{Mention, Role};
use crate::span::{Normalized, Span};

mod canonical;
mod categories;
mod comparisons;
mod linking;
mod naming;
mod ranks;

use crate::structure::{Cue, Structure};
use categories::{keyword_category, metric_in, section_facts};
use comparisons::find_comparisons;
use naming::{index_name_before, Previous};
use ranks::find_ranks;

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
    /// A threshold or bound rather than an exact value (5000平方米以上, 不低于85%).
    pub bound: bool,
    /// The value of a comparison's basis (`较去年同期51微克/立方米下降5.8%`): a figure of the
    /// period compared against, not of this one.
    pub baseline: bool,
    /// The unit a table's column header states for a cell that has none of its own
    /// (`最大值 （单位：nGy/h）` over `96.16`).
    /// (Boxed: few indicators have one, and every indicator is kept to the end.)
    pub header_unit: Option<Box<crate::numbers::UnitFound>>,
    /// The naming rule that named it.
    #[cfg_attr(not(test), allow(dead_code))]
    pub rule: naming::Rule,
    /// The standard indicator of the catalogue it is, if any.
    pub canonical: Option<canonical::Canonical>,
}

/// Whether `m` is stated as a bound: a `bound` cue ends its text (5000平方米以上) or stands
/// right before its number (不低于85%).
fn bound_of(text: &str, m: &crate::numbers::Mention, lex: &Lexicon) -> bool {
    let own = m.span.slice(text);
    if lex.bound.longest_ending_at(own, own.len()).is_some() {
        return true;
    }
    let mut end = m.span.start();
    // a link word may stand between: 不低于为 is not written, but 达到…以上 is
    if let Some((len, _)) = lex
        .link
        .longest_ending_at(text, end)
        .filter(|_| lex.bound.longest_ending_at(text, end).is_none())
    {
        end -= len;
    }
    lex.bound.longest_ending_at(text, end).is_some()
}

/// The unit a column header states: `最大值 （单位：nGy/h）`, `浓度（微克/立方米）`.
fn unit_in_header(
    text: &str,
    header: Span<Normalized>,
    lex: &Lexicon,
) -> Option<crate::numbers::UnitFound> {
    let h = header.slice(text);
    let open = h.find(['（', '('])?;
    let inner_start = open + h[open..].chars().next()?.len_utf8();
    let inner = &h[inner_start..];
    let skip = inner.find("单位").map_or(0, |i| {
        let after = &inner[i + "单位".len()..];
        i + "单位".len() + (after.len() - after.trim_start_matches(['：', ':', ' ']).len())
    });
    let at = inner_start + skip;
    let (len, info) = lex.units.longest_at(h, at)?;
    // the unit fills the bracket
    if !h[at + len..].trim_start().starts_with(['）', ')']) {
        return None;
    }
    let unit = &h[at..at + len];
    Some(crate::numbers::UnitFound {
        span: Span::new(header.start() + at, header.start() + at + len),
        text: unit.to_string(),
        written: unit.to_string(),
        canonical: info.canonical.to_string(),
        category: info.category,
    })
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
    /// The indicator that states the basis's own value (`较去年同期51微克/立方米下降5.8%`):
    /// last period's figure, not a fact of this one.
    pub baseline: Option<usize>,
}

/// A position among peers.
#[derive(Debug, Clone)]
pub struct RankFound {
    pub span: Span<Normalized>,
    pub scope: Option<String>,
    /// The position (1 for the first); `None` for a placeholder or a last place without
    /// its number.
    pub rank: Option<u32>,
    /// The position is an unfilled placeholder (第x位).
    pub placeholder: bool,
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
pub fn find(
    text: &str,
    structure: &Structure,
    meta: &MetaFound,
    mentions: &[Mention],
    lex: &Lexicon,
) -> Findings {
    let mut used = vec![false; mentions.len()];
    // a mention makes at most one indicator: room for all, the rest freed at the end (a
    // doubling vector would hold up to twice its size, and both while it moves)
    let mut f = Findings {
        indicators: Vec::with_capacity(mentions.len()),
        ..Findings::default()
    };
    find_comparisons(
        text,
        structure,
        mentions,
        lex,
        &mut used,
        &mut f.comparisons,
    );
    find_ranks(text, structure, mentions, lex, &mut used, &mut f.ranks);

    let plan_document = meta
        .kind
        .as_deref()
        .is_some_and(|k| lex.plan_kind.contains(k));
    let sections = section_facts(structure, lex);
    // the last indicator named, for the list items after it in its sentence
    let mut last: Option<Previous> = None;
    for (k, m) in mentions.iter().enumerate() {
        if used[k] {
            continue;
        }
        let Some(clause) = structure.clause_at(m.span.start()) else {
            continue;
        };
        // a value in a table's cell, below a header (its unit may stand in the header)
        let cell = matches!(m.role, Role::Bare | Role::Quantity)
            .then(|| structure.table_cell(m.span.start()))
            .flatten()
            .filter(|&(_, _, c)| c > 0);
        let header_unit = match cell {
            Some((table, _, c)) if m.unit.is_none() => table.rows[0]
                .get(c)
                .and_then(|h| unit_in_header(text, *h, lex)),
            _ => None,
        };
        let unitless =
            m.role == Role::Bare && (index_name_before(text, clause, m, lex) || cell.is_some());
        if m.role != Role::Quantity && !unitless {
            continue;
        }
        let sentence = structure.sentences[clause.sentence()];
        let previous = last.as_ref().filter(|p| p.sentence == clause.sentence());
        let named = naming::name(text, structure, clause, mentions, k, previous, lex);
        if !named.a.is_empty() || !named.name.is_empty() {
            let a = if named.a.is_empty() {
                previous.map_or(String::new(), |p| p.a.clone())
            } else {
                named.a.clone()
            };
            last = Some(Previous {
                sentence: clause.sentence(),
                a,
                name: named.name.clone(),
            });
        }
        let section = structure.section_at(m.span.start());
        let plan = plan_document || section.is_some_and(|s| sections[s].plan);
        let target = plan
            || structure
                .cue_before(clause, Cue::Target, m.span.start())
                .is_some();
        let metric = metric_in(&named.name, lex);
        let category = metric
            .as_ref()
            .map(|(_, c)| *c)
            .filter(|&c| c != Category::Other)
            .or_else(|| keyword_category(&named.name, lex))
            .or_else(|| section.and_then(|s| sections[s].category))
            .unwrap_or(Category::Other);
        let metric = metric.map(|(n, _)| n);
        let canonical = canonical::find(
            &named.name,
            category,
            m.unit.as_ref().or(header_unit.as_ref()),
            lex,
        );
        f.indicators.push(IndicatorFound {
            mention: k,
            name: named.name,
            name_span: named.span,
            metric,
            category,
            section,
            sentence,
            comparison: None,
            rank: None,
            unitless: unitless && header_unit.is_none(),
            target,
            bound: bound_of(text, m, lex),
            baseline: false,
            header_unit: header_unit.map(Box::new),
            rule: named.rule,
            canonical,
        });
    }

    linking::link(text, structure, mentions, lex, &mut f);
    // kept to the end of the analysis: not with the slack of its growth
    f.indicators.shrink_to_fit();
    f
}

/// How far back (and on) the words naming a number are looked for, in bytes: names are
/// short, and a bound keeps the work linear on pathological lines without punctuation.
const WINDOW: usize = 360;

/// 分别: respectively.
const RESPECTIVELY: &str = "分别";

/// Where the words of `clause` before `pos` start: the clause's start, at most [`WINDOW`]
/// bytes back.
fn clause_head(text: &str, clause: &crate::structure::Clause, pos: usize) -> usize {
    clause
        .span
        .start()
        .max(crate::text::chars::floor_boundary(
            text,
            pos.saturating_sub(WINDOW),
        ))
        .min(pos)
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
        let meta = crate::meta::extract(&n.text, &s, lex);
        let mentions = crate::numbers::find(&n.text, &s.label_spans(), lex);
        let f = find(&n.text, &s, &meta, &mentions, lex);
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
    fn baselines_of_comparisons() {
        let r = run("PM2.5平均浓度为45微克/立方米，较去年同期51微克/立方米下降11.8%。");
        let [now, before] = &r.f.indicators[..] else {
            panic!("two indicators expected: {:?}", r.f.indicators);
        };
        assert!(!now.baseline && before.baseline);
        assert_eq!(before.name, "去年同期PM2.5平均浓度");
        let c = &r.f.comparisons[0];
        assert_eq!((c.indicator, c.baseline), (Some(0), Some(1)));
        // a value after a basis and before the next clause is no baseline
        let r = run("较去年同期，全市新增造林5万亩，下降的是耕地面积。");
        assert!(r.f.indicators.iter().all(|i| !i.baseline));
        // a baseline in brackets (较上年（41.3微克/立方米）上升5.7%)
        let r = run("臭氧浓度为43.7微克/立方米，较上年（41.3微克/立方米）上升5.7%。");
        assert!(r.f.indicators[1].baseline, "{:?}", r.f.indicators);
        assert_eq!(r.f.comparisons[0].indicator, Some(0));
    }

    #[test]
    fn bounds_and_targets() {
        let r = run("力争优良天数比例不低于85%，完成5000平方米以上工地扬尘治理，全年造林5万亩。");
        let flags: Vec<(bool, bool)> = r.f.indicators.iter().map(|i| (i.target, i.bound)).collect();
        assert_eq!(flags, [(true, true), (false, true), (false, false)]);
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
            "治理企业",
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
