//! Which standard indicator of the catalogue (`data/catalogue.tsv`) a named quantity is,
//! and the factor that brings its value to the catalogue's unit.
//!
//! The head of a Chinese noun phrase is at its end (`全市PM2.5平均浓度`: a 浓度), so an
//! alias must end where the name ends, or before a word that only counts or sums what the
//! alias names (量, 数, 总量); an alias that ends in `*` may have a few more characters
//! after it (`区域*噪声*昼间*` takes `区域环境噪声昼间平均等效声级`). Among the aliases that
//! match and whose entry's unit the quantity's unit converts to, the one that reaches
//! furthest back into the name wins (the subject before the measure: 区域…噪声 over
//! 昼间平均等效声级), then the longest, then the one whose entry is in the quantity's
//! category, then the one with the fewest characters skipped.

use crate::lexicon::{Alias, Category, Entry, Lexicon, UnitCategory, GAP};
use crate::numbers::UnitFound;

/// A quantity recognised as a standard indicator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Canonical {
    /// The entry's index in the catalogue.
    pub entry: u32,
    /// The value in the written unit times this is the value in the entry's unit.
    pub factor: f64,
}

/// Words after an alias that count, sum or average what it names: 减排二氧化硫 and
/// 二氧化硫减排量 are one indicator, and so are …百分位浓度 and …百分位浓度平均.
const SUFFIXES: [&str; 12] = [
    "量",
    "数",
    "数量",
    "总量",
    "总数",
    "个数",
    "次数",
    "金额",
    "总额",
    "平均",
    "均值",
    "平均值",
];

/// The unit of a quantity in the catalogue's terms: the canonical form, with the rate the
/// unit is written with (`吨/日` → `t/日`).
fn unit_key(u: &UnitFound) -> String {
    match u.text.find('/') {
        Some(i) if !u.canonical.contains('/') => format!("{}{}", u.canonical, &u.text[i..]),
        _ => u.canonical.clone(),
    }
}

/// The factor from the quantity's unit to the entry's, if they measure the same thing.
fn factor(entry: &Entry, unit: Option<&UnitFound>, lex: &Lexicon) -> Option<f64> {
    let Some(u) = unit else {
        return entry.unit.is_empty().then_some(1.0);
    };
    if entry.unit.is_empty() {
        return None;
    }
    let counted = |c: UnitCategory| matches!(c, UnitCategory::Count | UnitCategory::Visits);
    if entry.unit_category.is_some_and(counted) {
        return counted(u.category).then_some(1.0);
    }
    lex.catalogue.conversion(&unit_key(u), &entry.unit)
}

/// The last occurrence of `needle` in a short `hay` (a name): a plain scan, without the
/// set-up of a general substring search.
fn rfind_short(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    if n.is_empty() || n.len() > hay.len() {
        return None;
    }
    hay.as_bytes().windows(n.len()).rposition(|w| w == n)
}

/// Where the parts of `alias` before its last stand in `name[..start]`, each at most
/// [`GAP`] characters before the next: where the first starts and the characters skipped,
/// or `None`.
fn earlier_parts(name: &str, alias: &Alias, mut start: usize) -> Option<(usize, usize)> {
    let mut skipped = 0;
    for part in alias.parts.iter().rev().skip(1) {
        let at = rfind_short(&name[..start], part)?;
        let gap = name[at + part.len()..start].chars().count();
        if gap > GAP {
            return None;
        }
        skipped += gap;
        start = at;
    }
    Some((start, skipped))
}

/// The standard indicator named `name`, measured in `unit`, in `category`.
pub fn find(
    name: &str,
    category: Category,
    unit: Option<&UnitFound>,
    lex: &Lexicon,
) -> Option<Canonical> {
    let cat = &lex.catalogue;
    if name.is_empty() || cat.aliases.is_empty() {
        return None;
    }
    // (characters from the match to the end, characters matched, in the category,
    // -skipped), the canonical
    let mut best: Option<((usize, usize, bool, isize), Canonical)> = None;
    let ends = std::iter::once(name.len())
        .chain(name.char_indices().rev().map(|(i, _)| i))
        .filter(|&i| i > 0)
        .take(GAP + 1);
    for (trailing_chars, end) in ends.enumerate() {
        let trailing = &name[end..];
        let closed = trailing.is_empty() || SUFFIXES.contains(&trailing);
        // an alias ending in `*` may end anywhere near the end; the others only at the end
        // or before a suffix
        let open = cat.open_by_last_part.all_ending_at(name, end);
        let shut = closed.then(|| cat.by_last_part.all_ending_at(name, end));
        for (len, list) in open.chain(shut.into_iter().flatten()) {
            for &a in list {
                let alias = &cat.aliases[a as usize];
                let Some((start, skipped)) = earlier_parts(name, alias, end - len) else {
                    continue;
                };
                let entry = &cat.entries[alias.entry as usize];
                let Some(factor) = factor(entry, unit, lex) else {
                    continue;
                };
                let open = if closed { 0 } else { trailing_chars };
                let score = (
                    name[start..].chars().count(),
                    alias.chars,
                    entry.category == category,
                    -((skipped + open) as isize),
                );
                if best.as_ref().is_none_or(|(s, _)| score > *s) {
                    best = Some((
                        score,
                        Canonical {
                            entry: alias.entry,
                            factor,
                        },
                    ));
                }
            }
        }
    }
    best.map(|(_, c)| c).or_else(|| by_unit_alone(unit, lex))
}

/// The entry that any name measured in `unit` is (an alias `*`), for a unit of its own
/// kind: not a count, a share or an amount of money, which measure anything.
fn by_unit_alone(unit: Option<&UnitFound>, lex: &Lexicon) -> Option<Canonical> {
    let u = unit?;
    let cat = &lex.catalogue;
    cat.any_name.iter().find_map(|&k| {
        let e = cat.entries.get(k as usize)?;
        if !e.any_name
            || e.unit.is_empty()
            || e.unit_category.is_some_and(|c| {
                matches!(
                    c,
                    UnitCategory::Count
                        | UnitCategory::Visits
                        | UnitCategory::Percent
                        | UnitCategory::Money
                )
            })
        {
            return None;
        }
        let factor = cat.conversion(&unit_key(u), &e.unit)?;
        Some(Canonical { entry: k, factor })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    /// A unit as the numbers stage finds it after a number: 万 folded into the value.
    fn unit(written: &str) -> UnitFound {
        let lex = Lexicon::builtin();
        let text = written.strip_prefix('万').unwrap_or(written);
        let base = text.split('/').next().unwrap_or(text);
        let info = lex.units.get(text).or_else(|| lex.units.get(base));
        UnitFound {
            span: Span::new(0, 0),
            text: text.to_string(),
            written: written.to_string(),
            canonical: info.map_or(text.to_string(), |i| i.canonical.to_string()),
            category: info.map_or(UnitCategory::Other, |i| i.category),
        }
    }

    #[track_caller]
    fn assert_id(name: &str, written_unit: &str, id: Option<&str>) {
        let lex = Lexicon::builtin();
        let u = (!written_unit.is_empty()).then(|| unit(written_unit));
        let found = find(name, Category::Other, u.as_ref(), lex)
            .map(|c| &*lex.catalogue.entries[c.entry as usize].id);
        assert_eq!(found, id, "{name} ({written_unit})");
    }

    #[test]
    fn names_as_reports_write_them() {
        for (name, unit, id) in [
            ("全市PM2.5平均浓度", "微克/立方米", Some("air.pm25.mean")),
            ("细颗粒物（PM2.5）年均浓度", "μg/m³", Some("air.pm25.mean")),
            ("PM2.5浓度", "毫克/立方米", Some("air.pm25.mean")),
            (
                "去年同期PM2.5平均浓度",
                "微克/立方米",
                Some("air.pm25.mean"),
            ),
            ("PM10平均浓度", "微克/立方米", Some("air.pm10.mean")),
            (
                "臭氧日最大8小时平均第90百分位数浓度",
                "微克/立方米",
                Some("air.o3.p90"),
            ),
            ("优良天数", "天", Some("air.good_days")),
            ("优良天数比例", "%", Some("air.good_days.share")),
            ("空气质量优良率", "%", Some("air.good_days.share")),
            ("重污染天数", "天", Some("air.heavy_days")),
            ("减排二氧化硫", "万吨", Some("air.so2.reduction")),
            ("二氧化硫减排量", "吨", Some("air.so2.reduction")),
            (
                "城市区域环境噪声昼间平均等效声级",
                "分贝",
                Some("noise.regional.day"),
            ),
            (
                "道路交通噪声昼间平均等效声级",
                "dB(A)",
                Some("noise.traffic.day"),
            ),
            ("森林覆盖率", "%", Some("ecology.forest_coverage")),
            (
                "集中式饮用水水源地水质达标率",
                "%",
                Some("water.drinking.compliance_share"),
            ),
            ("劣Ⅴ类水体比例", "%", Some("water.section.inferior_v_share")),
            ("受理群众信访投诉", "件", Some("petitions.received")),
            ("立案查处环境违法案件", "起", Some("enforcement.cases")),
            ("罚款", "万元", Some("enforcement.penalties")),
            ("污水处理能力", "万吨/日", Some("water.sewage.capacity")),
            (
                "环境γ辐射空气吸收剂量率",
                "纳戈瑞/小时",
                Some("radiation.gamma.dose_rate"),
            ),
            ("造林", "亩", Some("ecology.afforestation")),
            (
                "柴庄水源地平均值",
                "纳戈瑞/小时",
                Some("radiation.gamma.dose_rate"),
            ),
            (
                "夜间道路交通环境噪声平均等效声级",
                "分贝",
                Some("noise.traffic.night"),
            ),
            (
                "国家重要江河湖泊水功能区水质达标率",
                "%",
                Some("water.function_zone.compliance_share"),
            ),
            ("办结群众信访投诉件", "件", Some("petitions.closed")),
            ("需长期持续整改", "项", None),
            (
                "O3日最大8小时平均第90百分位浓度平均",
                "微克/立方米",
                Some("air.o3.p90"),
            ),
        ] {
            assert_id(name, unit, id);
        }
    }

    #[test]
    fn units_that_measure_something_else_are_no_match() {
        assert_id("PM2.5平均浓度", "%", None);
        assert_id("优良天数", "%", None);
        assert_id("森林覆盖率", "亩", None);
        // a fragment of an alias is none
        assert_id("浓度", "微克/立方米", None);
        assert_id("PM2.5平均浓度下降幅度", "微克/立方米", None);
    }

    #[test]
    fn values_come_to_the_canonical_unit() {
        let lex = Lexicon::builtin();
        let c = find(
            "PM2.5平均浓度",
            Category::Air,
            Some(&unit("毫克/立方米")),
            lex,
        )
        .unwrap();
        assert_eq!(c.factor, 1000.0);
        let c = find("造林", Category::Ecology, Some(&unit("亩")), lex).unwrap();
        assert!((c.factor * 15.0 - 1.0).abs() < 1e-6);
        let c = find("罚款", Category::Enforcement, Some(&unit("万元")), lex).unwrap();
        assert_eq!(c.factor, 1.0, "万 is folded into the value before");
    }
}
