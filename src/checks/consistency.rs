//! The numbers of a report against each other: a stated change against the two values it
//! relates, a share against the count and total it is of, a share of days against the days
//! of the year, a share above 100 %, parts against their total, a rank beyond the size of
//! its scope, the same sentence twice.
//!
//! A check fires only where the text itself relates the numbers (a basis and its value, 占,
//! 其中, 剩余, 在…个…中排名); a rounding of the last digit written is never a disagreement.

use super::{decimals, fmt, CheckFound, CheckKind, CheckRule, Context, Verdict};
use crate::lexicon::{Direction, UnitCategory};
use crate::numbers::Mention;
use crate::span::{Normalized, Span};

pub(super) fn check(ctx: &Context<'_>) -> Vec<CheckFound> {
    let mut out = Vec::new();
    changes(ctx, &mut out);
    shares(ctx, &mut out);
    parts(ctx, &mut out);
    ranks(ctx, &mut out);
    duplicates(ctx, &mut out);
    out
}

fn found(
    rule: CheckRule,
    ok: bool,
    computed: String,
    message: String,
    indicators: Vec<usize>,
    spans: Vec<Span<Normalized>>,
) -> CheckFound {
    CheckFound {
        kind: if rule == CheckRule::DuplicateSentence {
            CheckKind::Duplicate
        } else {
            CheckKind::Consistency
        },
        rule,
        verdict: if ok {
            Verdict::Consistent
        } else {
            Verdict::Inconsistent
        },
        standard: None,
        limit: None,
        class: None,
        source: None,
        computed: Some(computed),
        message,
        indicators,
        spans,
    }
}

/// Half a unit of the last digit written: what rounding may hide.
fn half_ulp(d: usize) -> f64 {
    0.5 * 10f64.powi(-(d as i32))
}

fn value(m: &Mention) -> Option<f64> {
    m.value.filter(|v| v.is_finite())
}

fn canonical_unit(m: &Mention) -> Option<&str> {
    m.unit.as_ref().map(|u| u.canonical.as_str())
}

fn is_percent(m: &Mention) -> bool {
    m.unit
        .as_ref()
        .is_some_and(|u| u.category == UnitCategory::Percent)
}

/// A stated change against the value and its basis's value: `45.1`, `较去年47.7`, `下降5.5%`.
fn changes(ctx: &Context<'_>, out: &mut Vec<CheckFound>) {
    let f = ctx.findings;
    for c in &f.comparisons {
        let (Some(now), Some(base), Some(change)) = (c.indicator, c.baseline, c.mention) else {
            continue;
        };
        let (mn, mb, mc) = (
            &ctx.mentions[f.indicators[now].mention],
            &ctx.mentions[f.indicators[base].mention],
            &ctx.mentions[change],
        );
        let (Some(vn), Some(vb), Some(vc)) = (value(mn), value(mb), value(mc)) else {
            continue;
        };
        if canonical_unit(mn) != canonical_unit(mb) || vb == 0.0 {
            continue;
        }
        let stated = match c.direction {
            Direction::Up => vc,
            Direction::Down => -vc,
            Direction::Flat => 0.0,
        };
        let (dn, db, dc) = (
            decimals(ctx.text, mn),
            decimals(ctx.text, mb),
            decimals(ctx.text, mc),
        );
        let unit_c = mc.unit.as_ref().map(|u| u.category);
        let relative = (vn - vb) / vb * 100.0;
        // rounding of both values, carried into the relative change
        let rel_slack = (half_ulp(dn) + half_ulp(db) * (vn / vb).abs()) / vb.abs() * 100.0;
        let absolute = vn - vb;
        let abs_slack = half_ulp(dn) + half_ulp(db);
        let tol = half_ulp(dc) + 1e-9;
        let ok_rel = (relative - stated).abs() <= tol + rel_slack;
        let ok_abs = (absolute - stated).abs() <= tol + abs_slack;
        let (vn_text, vb_text) = (fmt(vn, dn), fmt(vb, db));
        let rel_text = format!(
            "({vn_text} − {vb_text}) / {vb_text} = {}%",
            fmt(relative, dc.max(1))
        );
        let points_text = format!(
            "{vn_text} − {vb_text} = {} points",
            fmt(absolute, dc.max(1))
        );
        let (ok, computed) = match unit_c {
            // a share's change in % may be relative or in points
            Some(UnitCategory::Percent) if is_percent(mn) => (
                ok_rel || ok_abs,
                if ok_abs && !ok_rel {
                    points_text
                } else {
                    rel_text
                },
            ),
            Some(UnitCategory::Percent) => (ok_rel, rel_text),
            Some(UnitCategory::Points) => (ok_abs, points_text),
            _ if canonical_unit(mc) == canonical_unit(mn) => (
                ok_abs,
                format!("{vn_text} − {vb_text} = {}", fmt(absolute, dc.max(dn))),
            ),
            _ => continue,
        };
        let computed = format!(
            "{computed}; stated {}{} {}",
            if stated < 0.0 { "−" } else { "+" },
            fmt(vc, dc),
            if ok { "✓" } else { "✗" }
        );
        out.push(found(
            CheckRule::Change,
            ok,
            computed,
            format!(
                "the change of {} stated against {} and its basis {}",
                mc.span.slice(ctx.text),
                mn.span.slice(ctx.text),
                mb.span.slice(ctx.text)
            ),
            vec![now, base],
            vec![mn.span, mb.span, mc.span],
        ));
    }
}

/// Days in a year.
fn days_in(year: i32) -> f64 {
    if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 {
        366.0
    } else {
        365.0
    }
}

/// Words of a share that may pass 100 % (a growth, a multiple): not shares of a whole.
const NOT_OF_A_WHOLE: [&str; 9] = [
    "增长", "增幅", "提高", "上升", "下降", "同比", "超", "增速", "贡献",
];

/// Shares: of a count and its total (`23个断面中，22个…，占95.7%`), of the days of the
/// year (`优良天数287天，优良天数比例78.6%`), above 100 %.
fn shares(ctx: &Context<'_>, out: &mut Vec<CheckFound>) {
    let f = ctx.findings;
    for (k, ind) in f.indicators.iter().enumerate() {
        let m = &ctx.mentions[ind.mention];
        if !is_percent(m) || ind.target || ind.bound {
            continue;
        }
        let Some(share) = value(m) else {
            continue;
        };
        let d = decimals(ctx.text, m);
        let is_share = ["率", "比例", "占比", "比重"]
            .iter()
            .any(|w| ind.name.ends_with(w));
        if share > 100.0 + 1e-9 && is_share && !NOT_OF_A_WHOLE.iter().any(|w| ind.name.contains(w))
        {
            out.push(found(
                CheckRule::ShareOver100,
                false,
                format!("{}% > 100% ✗", fmt(share, d)),
                format!("{} is a share of a whole above 100%", ind.name),
                vec![k],
                vec![m.span],
            ));
            continue;
        }
        // the count before it in its sentence, and the total before that
        let before: Vec<usize> = (0..k)
            .rev()
            .take_while(|&j| f.indicators[j].sentence == ind.sentence)
            .take(NEIGHBOURS)
            .collect();
        let sentence = ind.sentence.slice(ctx.text);
        if let Some(&j) = before.first() {
            let mj = &ctx.mentions[f.indicators[j].mention];
            let between = &ctx.text[mj.span.end().min(m.span.start())..m.span.start()];
            let of_count = mj
                .unit
                .as_ref()
                .is_some_and(|u| u.category == UnitCategory::Count)
                && (between.contains('占') || between.is_empty() || between.len() <= 12);
            let total = before[1..].iter().copied().find(|&t| {
                let mt = &ctx.mentions[f.indicators[t].mention];
                canonical_unit(mt) == canonical_unit(mj)
                    && value(mt)
                        .zip(value(mj))
                        .is_some_and(|(a, b)| a >= b && a > 0.0)
                    && {
                        let gap = &ctx.text[mt.span.end()..mj.span.start()];
                        gap.contains("其中") || gap.starts_with('中') || gap.contains("中，")
                    }
            });
            if let (true, Some(t), Some(n)) = (of_count, total, value(mj)) {
                let mt = &ctx.mentions[f.indicators[t].mention];
                let total_v = value(mt).unwrap_or(1.0);
                out.push(share_of(
                    CheckRule::ShareOfCount,
                    (n, total_v, share, d),
                    format!("in {}", fmt(total_v, 4)),
                    vec![t, j, k],
                    vec![mt.span, mj.span, m.span],
                ));
                continue;
            }
        }
        // a share of days: of the year's days, unless the text counts the days monitored
        let of_days = ctx.id_of(k) == Some("air.good_days.share");
        if !of_days || sentence.contains("有效") || sentence.contains("监测天数") {
            continue;
        }
        let Some(year) = ctx.meta.year else {
            continue;
        };
        if ctx.partial_year() {
            continue;
        }
        // indicators are in text order: the sentence's are k's neighbours
        let same = |j: &usize| f.indicators[*j].sentence == ind.sentence;
        let first = (0..k)
            .rev()
            .take_while(same)
            .take(NEIGHBOURS)
            .last()
            .unwrap_or(k);
        let days = (first..f.indicators.len())
            .take_while(same)
            .take(2 * NEIGHBOURS)
            .filter(|&j| j != k)
            .find(|&j| ctx.id_of(j) == Some("air.good_days"));
        let Some(j) = days else {
            continue;
        };
        let mj = &ctx.mentions[f.indicators[j].mention];
        let Some(n) = value(mj) else {
            continue;
        };
        out.push(share_of(
            CheckRule::ShareOfDays,
            (n, days_in(year), share, d),
            format!("days in {year}"),
            vec![j, k],
            vec![mj.span, m.span],
        ));
    }
}

/// A share stated with `d` decimals against the part and the whole it is of:
/// `287 / 365 = 78.6% ✓`. `of` says what the whole is.
fn share_of(
    rule: CheckRule,
    (part, whole, share, d): (f64, f64, f64, usize),
    of: String,
    indicators: Vec<usize>,
    spans: Vec<Span<Normalized>>,
) -> CheckFound {
    let computed = part / whole * 100.0;
    let ok = (computed - share).abs() <= half_ulp(d) + 0.05;
    found(
        rule,
        ok,
        format!(
            "{} / {} = {}% {}",
            fmt(part, 4),
            fmt(whole, 4),
            fmt(computed, d.max(1)),
            if ok { "✓" } else { "✗" }
        ),
        format!(
            "{}% stated as the share of {} {of}",
            fmt(share, d),
            fmt(part, 4)
        ),
        indicators,
        spans,
    )
}

/// Words that make a part the rest of a total: 完成45项，剩余15项.
/// How many quantities on each side of one are read as its neighbours in its sentence (a
/// total's parts, a share's count and whole): a sentence that lost its stops may hold
/// thousands, and reading them all for each would take time growing with their square.
const NEIGHBOURS: usize = 64;

const REST: [&str; 6] = ["剩余", "其余", "尚有", "尚未", "未完成", "正在"];

/// Parts against their total: after `其中` in the total's sentence (the parts may not
/// exceed it; two or more that make it up exactly agree), a part and the rest (完成…，
/// 剩余…: they must make it up), and sums written out (`112+202=314`).
fn parts(ctx: &Context<'_>, out: &mut Vec<CheckFound>) {
    let f = ctx.findings;
    let mut k = 0;
    while k < f.indicators.len() {
        let ind = &f.indicators[k];
        let m = &ctx.mentions[ind.mention];
        let sentence_end = ind.sentence.end();
        let (Some(total), Some(unit)) = (value(m), canonical_unit(m)) else {
            k += 1;
            continue;
        };
        // the quantities that may be its parts: of its unit, after it in its sentence, among
        // the next few (a sentence that lost its stops may hold thousands)
        let group: Vec<usize> = (k + 1..f.indicators.len().min(k + 1 + NEIGHBOURS))
            .take_while(|&j| f.indicators[j].sentence == ind.sentence)
            .filter(|&j| {
                let mj = &ctx.mentions[f.indicators[j].mention];
                canonical_unit(mj) == Some(unit) && !is_percent(mj) && mj.span.end() <= sentence_end
            })
            .collect();
        let (Some(&first), Some(&last)) = (group.first(), group.last()) else {
            k += 1;
            continue;
        };
        // 其中 counts only before the first part; the parts end at a semicolon
        let first_start = ctx.mentions[f.indicators[first].mention].span.start();
        let last_end = ctx.mentions[f.indicators[last].mention].span.end();
        let qiezhong = ctx.text[m.span.end()..first_start]
            .find("其中")
            .map(|i| m.span.end() + i);
        let rest_part = group.iter().position(|&j| {
            let mj = &ctx.mentions[f.indicators[j].mention];
            let clause_head = ctx
                .structure
                .clause_at(mj.span.start())
                .map_or(mj.span.start(), |c| c.span.start());
            REST.iter()
                .any(|w| ctx.text[clause_head..mj.span.start()].contains(w))
        });
        let parts: Vec<usize> = match (rest_part, qiezhong) {
            // a part and the rest, right after the total
            (Some(r), _) if r >= 1 => group[..=r].to_vec(),
            // the total is the last such quantity before 其中; the parts run to the next
            // semicolon, and a part above the total starts another statement
            (_, Some(q)) => {
                let end = ctx.text[q..last_end].find('；').map_or(last_end, |i| q + i);
                group
                    .iter()
                    .copied()
                    .filter(|&j| {
                        let s = ctx.mentions[f.indicators[j].mention].span;
                        s.start() > q && s.end() <= end
                    })
                    .take_while(|&j| {
                        value(&ctx.mentions[f.indicators[j].mention]).is_some_and(|v| v <= total)
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        if parts.len() >= 2 || (parts.len() == 1 && qiezhong.is_some()) {
            let vals: Option<Vec<f64>> = parts
                .iter()
                .map(|&j| value(&ctx.mentions[f.indicators[j].mention]))
                .collect();
            if let Some(vals) = vals {
                let sum: f64 = vals.iter().sum();
                let exact = rest_part.is_some();
                let ok = if exact {
                    (sum - total).abs() < 1e-6
                } else {
                    sum <= total + 1e-6
                };
                // parts after 其中 that fall short say nothing: the list need not be whole
                let worth = exact || !ok || (parts.len() >= 2 && (sum - total).abs() < 1e-6);
                if worth {
                    let terms: Vec<String> = vals.iter().map(|v| fmt(*v, 4)).collect();
                    let rel = if (sum - total).abs() < 1e-6 {
                        "="
                    } else if sum > total {
                        ">"
                    } else {
                        "<"
                    };
                    let mut ids = vec![k];
                    ids.extend(&parts);
                    let spans = ids
                        .iter()
                        .map(|&j| ctx.mentions[f.indicators[j].mention].span)
                        .collect();
                    out.push(found(
                        CheckRule::PartsTotal,
                        ok,
                        format!(
                            "{} {rel} {} {}",
                            terms.join(" + "),
                            fmt(total, 4),
                            if ok { "✓" } else { "✗" }
                        ),
                        format!(
                            "{} parts of the total {}",
                            parts.len(),
                            m.span.slice(ctx.text)
                        ),
                        ids,
                        spans,
                    ));
                    k = parts.last().map_or(k + 1, |&l| l + 1);
                    continue;
                }
            }
        }
        k += 1;
    }
    sums_written_out(ctx, out);
}

/// `112+202=314`: numbers joined by + and = in the text.
fn sums_written_out(ctx: &Context<'_>, out: &mut Vec<CheckFound>) {
    let ms = ctx.mentions;
    let mut i = 0;
    while i < ms.len() {
        let mut terms = vec![i];
        let mut j = i;
        while j + 1 < ms.len() && ctx.text[ms[j].span.end()..ms[j + 1].span.start()].trim() == "+" {
            j += 1;
            terms.push(j);
        }
        if terms.len() >= 2
            && j + 1 < ms.len()
            && ctx.text[ms[j].span.end()..ms[j + 1].span.start()].trim() == "="
        {
            let total = &ms[j + 1];
            let vals: Option<Vec<f64>> = terms.iter().map(|&t| value(&ms[t])).collect();
            if let (Some(vals), Some(tv)) = (vals, value(total)) {
                let sum: f64 = vals.iter().sum();
                let ok = (sum - tv).abs() < 1e-6;
                let mut spans: Vec<_> = terms.iter().map(|&t| ms[t].span).collect();
                spans.push(total.span);
                out.push(found(
                    CheckRule::PartsTotal,
                    ok,
                    format!(
                        "{} = {} {}",
                        vals.iter()
                            .map(|v| fmt(*v, 4))
                            .collect::<Vec<_>>()
                            .join(" + "),
                        fmt(sum, 4),
                        if ok {
                            "✓".to_string()
                        } else {
                            format!("✗ (stated {})", fmt(tv, 4))
                        }
                    ),
                    "a sum written out".into(),
                    Vec::new(),
                    spans,
                ));
            }
            i = j + 2;
            continue;
        }
        i += 1;
    }
}

/// A rank against the size of its scope when the text gives it: `在全省21个市州中排名第3`.
fn ranks(ctx: &Context<'_>, out: &mut Vec<CheckFound>) {
    for r in &ctx.findings.ranks {
        let Some(rank) = r.rank else {
            continue;
        };
        let Some(clause) = ctx.structure.clause_at(r.span.start()) else {
            continue;
        };
        let sentence = ctx.structure.sentences[clause.sentence()];
        // the count nearest before the rank in its sentence, followed by 中
        let lo = ctx
            .mentions
            .partition_point(|m| m.span.start() < sentence.start());
        let hi = ctx
            .mentions
            .partition_point(|m| m.span.start() < r.span.end());
        let size = ctx.mentions[lo..hi.max(lo)]
            .iter()
            .rev()
            // within 16 characters (of at most 4 bytes) of the rank
            .take_while(|m| m.span.end() + 64 >= r.span.end())
            .filter(|m| m.span.end() < r.span.end())
            .filter(|m| {
                m.unit
                    .as_ref()
                    .is_some_and(|u| u.category == UnitCategory::Count)
            })
            .find(|m| {
                let gap = &ctx.text[m.span.end()..r.span.end()];
                gap.chars().count() <= 16 && gap.contains('中') && !gap.contains('，')
            });
        let Some(m) = size else {
            continue;
        };
        let Some(n) = value(m) else {
            continue;
        };
        let ok = f64::from(rank) <= n;
        out.push(found(
            CheckRule::RankBeyondScope,
            ok,
            format!(
                "{rank} {} {} {}",
                if ok { "≤" } else { ">" },
                fmt(n, 0),
                if ok { "✓" } else { "✗" }
            ),
            format!("rank {rank} among {}", m.span.slice(ctx.text)),
            r.indicator.into_iter().collect(),
            vec![m.span, r.span],
        ));
    }
}

/// The same sentence twice (of 20 characters or more): a paste left in a draft. One check
/// a sentence, with every place it stands.
fn duplicates(ctx: &Context<'_>, out: &mut Vec<CheckFound>) {
    let mut seen: crate::lexicon::FxMap<&str, usize> = Default::default();
    let mut groups: Vec<Vec<Span<Normalized>>> = Vec::new();
    for &s in &ctx.structure.sentences {
        let t = s.slice(ctx.text).trim();
        // a sentence of the body, not a title or a running header
        if t.len() < 40 || !t.ends_with(['。', '！', '？', '；']) || t.chars().count() < 20 {
            continue;
        }
        match seen.get(t) {
            Some(&g) => groups[g].push(s),
            None => {
                seen.insert(t, groups.len());
                groups.push(vec![s]);
            }
        }
    }
    for spans in groups.into_iter().filter(|g| g.len() > 1) {
        let t = spans[0].slice(ctx.text).trim();
        out.push(found(
            CheckRule::DuplicateSentence,
            false,
            format!("the same sentence {} times", spans.len()),
            format!(
                "this sentence stands {} times: {}",
                spans.len(),
                t.chars().take(30).collect::<String>()
            ),
            Vec::new(),
            spans,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::of;
    use super::*;

    #[test]
    fn a_change_against_its_two_values() {
        let t = "PM2.5平均浓度为45.1微克/立方米，较去年同期47.7微克/立方米下降5.5%。";
        assert_eq!(
            of(t, CheckRule::Change),
            ["consistent (45.1 − 47.7) / 47.7 = -5.5%; stated −5.5 ✓"]
        );
        let t = "PM2.5平均浓度为45.1微克/立方米，较去年同期47.7微克/立方米下降8.5%。";
        assert_eq!(
            of(t, CheckRule::Change),
            ["inconsistent (45.1 − 47.7) / 47.7 = -5.5%; stated −8.5 ✗"]
        );
        // no basis value: nothing to compute
        assert!(of(
            "PM2.5平均浓度为45.1微克/立方米，同比下降5.5%。",
            CheckRule::Change
        )
        .is_empty());
    }

    #[test]
    fn a_share_against_its_count_and_total() {
        let t = "全市23个国考断面中，22个达到或优于Ⅲ类，占95.7%。";
        assert_eq!(
            of(t, CheckRule::ShareOfCount),
            ["consistent 22 / 23 = 95.7% ✓"]
        );
        let t = "全市23个国考断面中，21个达到或优于Ⅲ类，占95.7%。";
        assert_eq!(
            of(t, CheckRule::ShareOfCount),
            ["inconsistent 21 / 23 = 91.3% ✗"]
        );
        assert!(of("全市22个断面达到Ⅲ类，占95.7%。", CheckRule::ShareOfCount).is_empty());
    }

    #[test]
    fn a_share_of_the_days_of_the_year() {
        let t = "2023年\n全市优良天数287天，优良天数比例为78.6%。";
        assert_eq!(
            of(t, CheckRule::ShareOfDays),
            ["consistent 287 / 365 = 78.6% ✓"]
        );
        let t = "2023年\n全市优良天数287天，优良天数比例为80.6%。";
        assert_eq!(
            of(t, CheckRule::ShareOfDays),
            ["inconsistent 287 / 365 = 78.6% ✗"]
        );
        // counted of the days monitored: no check
        let t = "2023年\n有效监测天数360天，优良天数287天，优良天数比例为79.7%。";
        assert!(of(t, CheckRule::ShareOfDays).is_empty());
    }

    #[test]
    fn shares_above_100() {
        assert_eq!(
            of("森林覆盖率为105.2%。", CheckRule::ShareOver100),
            ["inconsistent 105.2% > 100% ✗"]
        );
        assert!(of("工业增加值增长率为105.2%。", CheckRule::ShareOver100).is_empty());
        assert!(of("森林覆盖率为65.2%。", CheckRule::ShareOver100).is_empty());
    }

    #[test]
    fn parts_against_their_total() {
        let t = "督察反馈问题60个，已完成整改45个，剩余15个正在推进。";
        assert_eq!(of(t, CheckRule::PartsTotal), ["consistent 45 + 15 = 60 ✓"]);
        let t = "督察反馈问题60个，已完成整改45个，剩余13个正在推进。";
        assert_eq!(
            of(t, CheckRule::PartsTotal),
            ["inconsistent 45 + 13 < 60 ✗"]
        );
        let t = "共办理案件30件，其中行政处罚22件，移送公安12件。";
        assert_eq!(
            of(t, CheckRule::PartsTotal),
            ["inconsistent 22 + 12 > 30 ✗"]
        );
        // the total is the quantity right before 其中, the parts end at a semicolon
        let t = "排查河道13条、湖库9个，确认排污口852个，其中270个完成整治。";
        assert!(of(t, CheckRule::PartsTotal).is_empty());
        let t = "查明脊椎动物1053种，其中国家一级保护动物16种；有维管束植物8400种，其中一级保护植物18种。";
        assert!(of(t, CheckRule::PartsTotal).is_empty());
        // parts that fall short of the total after 其中 say nothing
        assert!(of(
            "共办理案件30件，其中行政处罚22件，移送公安2件。",
            CheckRule::PartsTotal
        )
        .is_empty());
        assert_eq!(
            of("审批项目112+202=314个。", CheckRule::PartsTotal),
            ["consistent 112 + 202 = 314 ✓"]
        );
        assert_eq!(
            of("审批项目112+202=315个。", CheckRule::PartsTotal),
            ["inconsistent 112 + 202 = 314 ✗ (stated 315)"]
        );
    }

    #[test]
    fn a_rank_beyond_its_scope() {
        let t = "在全省21个县区中排名第25位。";
        assert_eq!(
            of(t, CheckRule::RankBeyondScope),
            ["inconsistent 25 > 21 ✗"]
        );
        let t = "在全省21个县区中排名第3位。";
        assert_eq!(of(t, CheckRule::RankBeyondScope), ["consistent 3 ≤ 21 ✓"]);
        assert!(of("全省排名第3位。", CheckRule::RankBeyondScope).is_empty());
    }

    #[test]
    fn the_same_sentence_twice() {
        let s = "全面推进污染防治攻坚战，生态环境质量持续改善，群众满意度不断提升。";
        assert_eq!(
            of(&format!("{s}\n{s}"), CheckRule::DuplicateSentence).len(),
            1
        );
        assert!(of(s, CheckRule::DuplicateSentence).is_empty());
    }
}
