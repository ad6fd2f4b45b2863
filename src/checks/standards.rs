//! Values against the limits of the national standards (`data/limits.tsv`) in force on the
//! last day of the year the report is about: air pollutants (GB 3095, grade II unless the
//! text speaks of a class 1 zone), surface-water concentrations against the GB 3838 classes
//! (the class the sentence claims, else Ⅲ, the bound of 优良), sound levels against the
//! GB 3096 limit of the zone the text names, an AQI against the HJ 633 levels.

use super::{fmt, CheckFound, CheckKind, CheckRule, Context, Verdict};
use crate::lexicon::{Bound, Limit};

/// The GB 3838 classes, best first.
const WATER_CLASSES: [&str; 5] = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ"];

pub(super) fn check(ctx: &Context<'_>) -> Vec<CheckFound> {
    let Some(year) = ctx.meta.year else {
        return Vec::new();
    };
    let partial = ctx.partial_year();
    let mut out = Vec::new();
    for k in 0..ctx.findings.indicators.len() {
        let Some((entry, value)) = ctx.canonical_fact(k) else {
            continue;
        };
        let limits: Vec<&Limit> = ctx
            .lex
            .catalogue
            .limits
            .iter()
            .filter(|l| l.entry == entry && l.in_force(year))
            .collect();
        if limits.is_empty() {
            continue;
        }
        let id = ctx.id(entry);
        // a month's or a quarter's mean is no annual mean
        let annual = ctx
            .lex
            .catalogue
            .entries
            .get(entry as usize)
            .is_some_and(|e| e.period == crate::lexicon::Period::Year);
        if partial && annual && id.starts_with("air.") {
            continue;
        }
        let found = if id.starts_with("air.aqi") {
            aqi(ctx, k, value, &limits)
        } else if id.starts_with("air.") {
            air(ctx, k, value, &limits)
        } else if id.starts_with("water.") {
            water(ctx, k, value, &limits)
        } else if id.starts_with("noise.") {
            noise(ctx, k, value, &limits)
        } else {
            None
        };
        out.extend(found);
    }
    out
}

/// The text of indicator `k`'s sentence, and the quantity's place in it.
fn sentence<'a>(ctx: &Context<'a>, k: usize) -> (&'a str, usize, usize) {
    let ind = &ctx.findings.indicators[k];
    let m = &ctx.mentions[ind.mention];
    let s = ind.sentence;
    (
        s.slice(ctx.text),
        m.span.start().saturating_sub(s.start()),
        m.span.end().saturating_sub(s.start()),
    )
}

/// The check of `value` against one limit.
fn against(
    ctx: &Context<'_>,
    k: usize,
    rule: CheckRule,
    value: f64,
    limit: &Limit,
    class_label: String,
) -> CheckFound {
    let ind = &ctx.findings.indicators[k];
    let unit = ctx
        .lex
        .catalogue
        .entries
        .get(limit.entry as usize)
        .map_or("", |e| &*e.unit);
    let (ok, verdict, sign) = match limit.bound {
        Bound::Max => (value <= limit.limit, Verdict::Above, '≤'),
        Bound::Min => (value >= limit.limit, Verdict::Below, '≥'),
    };
    let v = fmt(value, 4);
    let l = fmt(limit.limit, 4);
    let (verdict, computed, how) = if ok {
        (
            Verdict::Within,
            format!("{v} {sign} {l} {unit} ✓"),
            "within".to_string(),
        )
    } else {
        let by = (value - limit.limit).abs() / limit.limit * 100.0;
        let other = if sign == '≤' { '>' } else { '<' };
        (
            verdict,
            format!(
                "{v} {other} {l} {unit} ({}{}%)",
                if other == '>' { '+' } else { '-' },
                fmt(by, 1)
            ),
            format!(
                "{} the limit by {}%",
                if other == '>' { "above" } else { "below" },
                fmt(by, 1)
            ),
        )
    };
    CheckFound {
        kind: CheckKind::Standard,
        rule,
        verdict,
        standard: Some(limit.standard.to_string()),
        limit: Some(limit.limit),
        class: Some(limit.class.to_string()),
        source: Some(limit.source.to_string()),
        computed: Some(computed),
        message: format!(
            "{} {v} {unit} is {how} of {} ({class_label}: {} {l} {unit})",
            ind.name,
            limit.standard,
            limit.bound.name()
        ),
        indicators: vec![k],
        spans: vec![ctx.mentions[ind.mention].span],
    }
}

fn air(ctx: &Context<'_>, k: usize, value: f64, limits: &[&Limit]) -> Option<CheckFound> {
    let (s, _, _) = sentence(ctx, k);
    // class 1 zones: nature reserves, scenic areas (GB 3095 4.1)
    let grade = if ["一类区", "一级标准", "一级浓度限值", "自然保护区"]
        .iter()
        .any(|w| s.contains(w))
    {
        "1"
    } else {
        "2"
    };
    let limit = limits.iter().find(|l| &*l.class == grade)?;
    let label = if grade == "1" { "grade I" } else { "grade II" };
    Some(against(
        ctx,
        k,
        CheckRule::AirQuality,
        value,
        limit,
        label.into(),
    ))
}

fn aqi(ctx: &Context<'_>, k: usize, value: f64, limits: &[&Limit]) -> Option<CheckFound> {
    // the bound of 良: AQI at most 100 is 优良
    let limit = limits.iter().find(|l| &*l.class == "良")?;
    Some(against(
        ctx,
        k,
        CheckRule::AqiLevel,
        value,
        limit,
        "level 良 (优良)".into(),
    ))
}

/// Which occurrence [`class_named`] takes.
enum Nearest {
    First,
    Last,
}

/// The class named `X类` in `t` (a water class Ⅲ类, a noise zone 2类): the first or the
/// last one named.
fn class_named(t: &str, classes: &[&'static str], nearest: Nearest) -> Option<&'static str> {
    let found = classes.iter().filter_map(|c| {
        let pattern = format!("{c}类");
        match nearest {
            Nearest::First => t.find(&pattern),
            Nearest::Last => t.rfind(&pattern),
        }
        .map(|i| (i, *c))
    });
    match nearest {
        Nearest::First => found.min_by_key(|&(i, _)| i),
        Nearest::Last => found.max_by_key(|&(i, _)| i),
    }
    .map(|(_, c)| c)
}

/// The class of a water concentration: the best class whose limit it meets.
fn water_class(value: f64, limits: &[&Limit]) -> Option<&'static str> {
    WATER_CLASSES.into_iter().find(|c| {
        limits.iter().any(|l| {
            &*l.class == *c
                && match l.bound {
                    Bound::Max => value <= l.limit,
                    Bound::Min => value >= l.limit,
                }
        })
    })
}

fn water(ctx: &Context<'_>, k: usize, value: f64, limits: &[&Limit]) -> Option<CheckFound> {
    let (s, start, end) = sentence(ctx, k);
    // the class the sentence claims for it: the nearest after the value, else before
    let claimed = class_named(&s[end..], &WATER_CLASSES, Nearest::First)
        .or_else(|| class_named(&s[..start], &WATER_CLASSES, Nearest::Last));
    let inferior = s.contains("劣Ⅴ类");
    let target = if inferior { None } else { claimed };
    let class = target.unwrap_or("Ⅲ");
    let limit = limits.iter().find(|l| &*l.class == class)?;
    let mut c = against(
        ctx,
        k,
        CheckRule::WaterClass,
        value,
        limit,
        if target.is_some() {
            format!("class {class}, as the text states")
        } else {
            format!("class {class}")
        },
    );
    let actual = water_class(value, limits).map_or("劣Ⅴ".to_string(), str::to_string);
    if let Some(computed) = c.computed.as_mut() {
        computed.push_str(&format!(" → {actual}类"));
    }
    Some(c)
}

fn noise(ctx: &Context<'_>, k: usize, value: f64, limits: &[&Limit]) -> Option<CheckFound> {
    let (s, start, _) = sentence(ctx, k);
    // the zone named nearest before the value: 1类区, 2类功能区, 4a类
    let head = &s[..start];
    let zone = class_named(head, &["4a", "4b", "0", "1", "2", "3", "4"], Nearest::Last)
        .map(|z| if z == "4" { "4a" } else { z })?;
    let limit = limits.iter().find(|l| &*l.class == zone)?;
    Some(against(
        ctx,
        k,
        CheckRule::NoiseZone,
        value,
        limit,
        format!("zone {zone}"),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::testing::of;
    use super::*;

    #[test]
    fn air_against_the_limit_in_force_for_the_year() {
        let within = "2023年全市环境质量状况\n全市PM2.5平均浓度为32微克/立方米。";
        assert_eq!(
            of(within, CheckRule::AirQuality),
            ["within 32 ≤ 35 μg/m³ ✓"]
        );
        let above =
            "2022年工作总结\n全市PM2.5平均浓度为45.1微克/立方米，PM10平均浓度为75微克/立方米。";
        assert_eq!(
            of(above, CheckRule::AirQuality),
            [
                "above 45.1 > 35 μg/m³ (+28.9%)",
                "above 75 > 70 μg/m³ (+7.1%)"
            ]
        );
        // 2027: GB 3095-2026's transition stage
        let transition = "2027年环境状况公报\nPM2.5平均浓度为32微克/立方米。";
        assert_eq!(
            of(transition, CheckRule::AirQuality),
            ["above 32 > 30 μg/m³ (+6.7%)"]
        );
        // a month's mean is no annual mean
        let month = "2023年7月全市空气质量报告\nPM2.5平均浓度为45微克/立方米。";
        assert!(of(month, CheckRule::AirQuality).is_empty());
        // mg/m³ converted
        let co = "2023年\n一氧化碳日均值第95百分位浓度为1.1毫克/立方米。";
        assert_eq!(of(co, CheckRule::AirQuality), ["within 1.1 ≤ 4 mg/m³ ✓"]);
    }

    #[test]
    fn air_checks_stay_silent_without_a_year_or_for_goals_and_baselines() {
        assert!(of("全市PM2.5平均浓度为45微克/立方米。", CheckRule::AirQuality).is_empty());
        let goal = "2023年\n力争PM2.5平均浓度控制在40微克/立方米以内。";
        assert!(of(goal, CheckRule::AirQuality).is_empty());
        let baseline = "2023年\nPM2.5平均浓度为30微克/立方米，较去年同期41微克/立方米下降26.8%。";
        assert_eq!(
            of(baseline, CheckRule::AirQuality),
            ["within 30 ≤ 35 μg/m³ ✓"]
        );
    }

    #[test]
    fn water_against_the_class_claimed() {
        let t = "2023年\n氨氮平均浓度为0.32毫克/升，达到Ⅱ类标准。";
        assert_eq!(
            of(t, CheckRule::WaterClass),
            ["within 0.32 ≤ 0.5 mg/L ✓ → Ⅱ类"]
        );
        let t = "2023年\n总磷平均浓度为0.25毫克/升，达到Ⅲ类标准。";
        assert_eq!(
            of(t, CheckRule::WaterClass),
            ["above 0.25 > 0.2 mg/L (+25%) → Ⅳ类"]
        );
        let t = "2023年\n溶解氧平均浓度为6.8毫克/升。";
        assert_eq!(
            of(t, CheckRule::WaterClass),
            ["within 6.8 ≥ 5 mg/L ✓ → Ⅱ类"]
        );
    }

    #[test]
    fn noise_against_its_zone() {
        let t = "2023年\n2类功能区昼间平均等效声级为58.3分贝，夜间为51.2分贝。";
        let got = of(t, CheckRule::NoiseZone);
        assert_eq!(got[0], "within 58.3 ≤ 60 dB ✓");
        // without a zone: no check
        assert!(of("2023年\n昼间平均等效声级为58.3分贝。", CheckRule::NoiseZone).is_empty());
    }
}
