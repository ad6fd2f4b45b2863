//! Names that take part of their wording from the quantity before them in the sentence,
//! applied after the rules of [`super::RULES`] have named a quantity by its own words:
//!
//! - an aside in brackets after a quantity measures the same subject:
//!   `太湖流域重点断面水质达标率为83.0%（优Ⅲ比例97.6%）` → 太湖流域重点断面水质优Ⅲ比例;
//! - a bare measure (`完成率`, `总投资`) measures what was just counted:
//!   `国家级自然保护区问题545个，整改完成率91%` → 国家级自然保护区问题整改完成率;
//! - the other half of a contrast (`夜间` after `昼间`) keeps the subject it was said of:
//!   `1类功能区昼间47.1分贝，夜间40.3分贝` → 1类功能区夜间;
//! - a place alone in a list after `…较高的为` is measured by what the list ranks:
//!   `问题整改完成率较高的为遂宁市97%、泸州市96.5%` → 遂宁市问题整改完成率.
//!
//! Before these, the edges of a name are cleaned: brackets left open by the words it was
//! cut from (`市辖区产生生活垃圾量（日` → 市辖区产生生活垃圾量) and a leading copula
//! (`为遂宁市` → 遂宁市).

use super::{Context, Rule};
use crate::indicators::chars_len;
use crate::lexicon::UnitCategory;
use crate::numbers::{Mention, Role};
use crate::text::chars::is_han;

/// Cleans the edges of `name` and lets it inherit from its context; returns the rule
/// that gave the final name.
pub(super) fn refine(cx: &Context, rule: Rule, name: String) -> (Rule, String) {
    let name = abbreviated(&clean_edges(&name));
    let name = formula_for_substance(&name);
    let name = produced_amount(cx, name);
    if let Some(n) = aside(cx, &name) {
        return (Rule::Aside, n);
    }
    if let Some(n) = bare_measure(cx, &name) {
        return (Rule::BareMeasure, n);
    }
    if let Some(n) = contrast(cx, &name) {
        return (Rule::Contrast, n);
    }
    if let Some(n) = ranked_place(cx, &name) {
        return (Rule::RankedPlace, n);
    }
    if let Some(n) = subset(cx, &name) {
        return (Rule::Subset, n);
    }
    if let Some(n) = shared_noun(cx) {
        return (Rule::SharedNoun, n);
    }
    if let Some(n) = act_on_counted(cx, &name) {
        return (Rule::Subset, n);
    }
    (rule, counted_acts(cx, events_without_their_verb(cx, name)))
}

/// A name that ends in the act it counts, in a unit of acts (`点次`, `人次`): the unit
/// names what is counted (`昼间达标151点次` → 昼间达标点次).
fn counted_acts(cx: &Context, name: String) -> String {
    let Some(unit) = cx.m.unit.as_ref().map(|u| u.text.as_str()) else {
        return name;
    };
    let acts = matches!(unit, "点次" | "批次" | "架次" | "频次");
    // (人次 and 家次 count people and firms, which the name says already; a name of what
    // acted keeps its own noun)
    let actor = name.ends_with(['人', '员', '户', '家', '车']);
    if acts && !actor && !name.is_empty() && !name.contains(unit) {
        return format!("{name}{unit}");
    }
    name
}

/// An abbreviation the report defines replaces what it abbreviates:
/// `国考断面中水质达到或好于Ⅲ类断面（以下简称“优Ⅲ断面”）比例` → 国考断面优Ⅲ断面比例.
fn abbreviated(name: &str) -> String {
    let Some(open) = name.find("（以下简称").or_else(|| name.find("（简称")) else {
        return name.to_string();
    };
    let Some(close) = name[open..].find('）').map(|i| open + i) else {
        return name.to_string();
    };
    let inner = &name[open..close];
    let short = inner
        .split_once('“')
        .and_then(|(_, r)| r.split_once('”'))
        .map(|(s, _)| s);
    let Some(short) = short.filter(|s| !s.is_empty()) else {
        return name.to_string();
    };
    // what the abbreviation stands for starts after the scope it was said in (…中, …的)
    let head = &name[..open];
    let keep = head.rfind(['中', '的']).map_or("", |i| &head[..i]);
    format!("{keep}{short}{}", &name[close + '）'.len_utf8()..])
}

/// A substance written with its formula in brackets is named by the formula, as tables do:
/// `环境空气中细颗粒物（PM2.5）平均浓度` → PM2.5平均浓度.
fn formula_for_substance(name: &str) -> String {
    let Some(open) = name.find('（') else {
        return name.to_string();
    };
    let Some(close) = name[open..].find('）').map(|i| open + i) else {
        return name.to_string();
    };
    let inner = &name[open + '（'.len_utf8()..close];
    let formula = !inner.is_empty()
        && inner.len() <= 8
        && inner.starts_with(|c: char| c.is_ascii_uppercase())
        && inner.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
    if !formula {
        return name.to_string();
    }
    // the Chinese name before it, back to the scope it is measured in (…空气中, …的)
    let head = &name[..open];
    let start = head.rfind(['中', '的']).map_or(0, |i| {
        i + head[i..].chars().next().map_or(0, char::len_utf8)
    });
    let scope = &head[..start];
    // a scope that only says where it was measured is dropped with the Chinese name
    let scope = if scope.ends_with('中') { "" } else { scope };
    format!("{scope}{inner}{}", &name[close + '）'.len_utf8()..])
}

/// An amount produced, named by what is produced (`全年生产钾肥757.5万吨` → 钾肥产量,
/// `产生医疗废物524.28吨` → 医疗废物产生量).
fn produced_amount(cx: &Context, name: String) -> String {
    let amount =
        cx.m.unit
            .as_ref()
            .is_some_and(|u| matches!(u.category, UnitCategory::Mass | UnitCategory::Volume));
    if !amount {
        return name;
    }
    for (verb, measure) in [("生产", "产量"), ("产生", "产生量")] {
        if let Some(i) = name.rfind(verb) {
            let what = name[i + verb.len()..].trim_end_matches('量');
            if chars_len(what) >= 2 && !what.contains(['，', '、']) {
                return format!("{}{what}{measure}", &name[..i]);
            }
        }
    }
    name
}

/// A count of events is named by the events, not by the act of holding them:
/// `组织召开工作例会12次` → 工作例会, `组织开展巡河30次` → 巡河.
fn events_without_their_verb(cx: &Context, name: String) -> String {
    let events =
        cx.m.unit
            .as_ref()
            .is_some_and(|u| matches!(u.text.as_str(), "次" | "场" | "场次" | "轮"));
    if !events {
        return name;
    }
    let mut t = name.as_str();
    for _ in 0..2 {
        match cx.lex.verb.longest_at(t, 0) {
            Some((len, _)) if chars_len(&t[len..]) >= 2 => t = &t[len..],
            _ => break,
        }
    }
    t.to_string()
}

/// `name` without a bracket it does not close or open (`（优Ⅲ比例`, `垃圾量（日`, `）`)
/// and without a leading copula or 含 (`为遂宁市`, `含上年度贮存`).
fn clean_edges(name: &str) -> String {
    let open = |c: char| matches!(c, '（' | '(' | '【' | '[');
    let close = |c: char| matches!(c, '）' | ')' | '】' | ']');
    let mut t = name;
    loop {
        let before = t.len();
        t = t.trim_start_matches(close).trim_end_matches(open);
        // wrapped whole in a pair of brackets: （优Ⅲ比例）
        if t.starts_with(open) && t.ends_with(close) && t.matches(open).count() == 1 {
            let first = t.chars().next().map_or(0, char::len_utf8);
            let last = t.chars().next_back().map_or(0, char::len_utf8);
            t = &t[first..t.len() - last];
        }
        // an opening bracket never closed: the name ends before it, unless nothing would be
        // left, when it starts after it
        if let Some(i) = t.rfind(open).filter(|&i| !t[i..].contains(close)) {
            t = if i > 0 {
                &t[..i]
            } else {
                &t[t[i..].chars().next().map_or(0, char::len_utf8)..]
            };
        }
        // a closing bracket never opened: the name starts after it, or ends before it when
        // it ends the name (刑事拘留）)
        if let Some(i) = t.find(close).filter(|&i| !t[..i].contains(open)) {
            let after = i + t[i..].chars().next().map_or(0, char::len_utf8);
            t = if after == t.len() {
                &t[..i]
            } else {
                &t[after..]
            };
        }
        // an empty pair: 优于全国（）
        if let Some(i) = t.find("（）").or_else(|| t.find("()")) {
            if i + 6 == t.len() || i + 2 == t.len() {
                t = &t[..i];
            }
        }
        // adverbs at the edges: 现已办结, 绿化率也
        for tail in ["也", "都"] {
            if let Some(rest) = t.strip_suffix(tail).filter(|r| chars_len(r) >= 2) {
                t = rest;
            }
        }
        // what was received is named by itself: 收到…投诉案件主办
        for lead in ["收到", "接到"] {
            if let Some(rest) = t.strip_prefix(lead).filter(|r| chars_len(r) >= 4) {
                t = rest;
            }
        }
        for lead in ["为", "含", "是", "现已", "现"] {
            if let Some(rest) = t.strip_prefix(lead).filter(|r| chars_len(r) >= 2) {
                t = rest;
            }
        }
        if t.len() == before {
            break;
        }
    }
    t.to_string()
}

/// The quantity before this one in its sentence.
fn previous_quantity<'a>(cx: &'a Context) -> Option<&'a Mention> {
    let sentence = cx.structure.sentences[cx.clause.sentence()];
    cx.mentions[..cx.k]
        .iter()
        .rev()
        .take_while(|p| p.span.start() >= sentence.start())
        .find(|p| p.role == Role::Quantity)
}

/// `s` without the verb it opens with, unless the verb is all of it (完成…企业 → …企业).
fn without_verb<'a>(cx: &Context, s: &'a str) -> &'a str {
    match cx.lex.verb.longest_at(s, 0) {
        Some((l, _)) if l < s.len() => &s[l..],
        _ => s,
    }
}

/// The previous quantity's name when it stands in this quantity's sentence.
fn previous_name<'a>(cx: &'a Context) -> Option<&'a str> {
    cx.previous
        .filter(|p| p.sentence == cx.clause.sentence() && !p.name.is_empty())
        .map(|p| p.name.as_str())
}

/// The subject of a name: the name without the indicator name or measure it ends with
/// (`太湖流域重点断面水质达标率` → 太湖流域重点断面).
fn subject_of<'a>(cx: &Context, name: &'a str) -> &'a str {
    // (the longest indicator name it ends with: 水质达标率 of …断面水质达标率)
    let measure = cx
        .lex
        .indicator_names
        .longest_ending_at(name, name.len())
        .map(|(len, _)| len)
        .or_else(|| measure_suffix(name).map(str::len))
        .filter(|&len| len < name.len());
    match measure {
        Some(len) => &name[..name.len() - len],
        None => name,
    }
}

/// A measure at the end of a name: a rate, a share or a total (`达标率`, `比例`, `总投资`).
fn measure_suffix(name: &str) -> Option<&str> {
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    let n = chars.len();
    if name.ends_with("比例") || name.ends_with("占比") || name.ends_with("比重") {
        return Some(&name[chars[n.saturating_sub(2)].0..]);
    }
    if name.ends_with('率') && n >= 2 {
        // the rate and the word before it: 完成率, 达标率
        return Some(&name[chars[n.saturating_sub(3)].0..]);
    }
    None
}

/// A quantity in brackets right after another: `…达标率为83.0%（优Ⅲ比例97.6%）`.
fn aside(cx: &Context, name: &str) -> Option<String> {
    let prev_end = cx.mentions.get(cx.k.checked_sub(1)?)?.span.end();
    let between = cx.text.get(prev_end..cx.m.span.start())?;
    let inner = between.strip_prefix(['（', '('])?;
    if inner.contains(['（', '(', '）', ')', '，', '；', '。']) || name.is_empty() {
        return None;
    }
    let previous = previous_name(cx)?;
    let subject = subject_of(cx, previous);
    if subject == previous || chars_len(name) > 10 || subject.ends_with(name) {
        return None;
    }
    Some(format!("{subject}{name}"))
}

/// Whether `name` is a measure with no subject: the rate of an act (`完成率`, `整改完成率`:
/// a verb before 率), a share alone (`比例`, `占比`), or one of the `bare_measure` cues
/// (总投资, 罚款).
fn is_bare_measure(cx: &Context, name: &str) -> bool {
    let rate_of_act = chars_len(name) <= 5
        && name
            .strip_suffix('率')
            .is_some_and(|stem| cx.lex.verb.longest_ending_at(stem, stem.len()).is_some());
    // an act told as a share of what was counted (已整改完成90.9%)
    let act_share =
        cx.m.unit
            .as_ref()
            .is_some_and(|u| u.category == UnitCategory::Percent)
            && only_an_act(cx, name);
    // a penalty alone measures in money what was counted (其中6台不合格，处罚5000元)
    let penalty = matches!(name, "处罚" | "罚款" | "处罚金额")
        && cx
            .m
            .unit
            .as_ref()
            .is_some_and(|u| u.category == UnitCategory::Money);
    rate_of_act
        || act_share
        || penalty
        || matches!(name, "比例" | "占比" | "比重")
        || cx.lex.bare_measure.contains(name)
}

/// Whether the quantity before this one in its sentence is a count (`问题545个`): what a
/// bare measure after it can measure.
fn follows_count(cx: &Context) -> bool {
    previous_quantity(cx)
        .and_then(|p| p.unit.as_ref())
        .is_some_and(|u| matches!(u.category, UnitCategory::Count | UnitCategory::Visits))
}

/// Whether the quantity before this one in its sentence has this one's kind of unit (a
/// mean after a range: `范围在89.27~103.55纳戈瑞/小时之间，平均为94.57纳戈瑞/小时`).
fn same_unit_before(cx: &Context) -> bool {
    let Some(unit) = cx.m.unit.as_ref() else {
        return false;
    };
    previous_quantity(cx)
        .and_then(|p| p.unit.as_ref())
        .is_some_and(|u| {
            u.category == unit.category
                && !matches!(u.category, UnitCategory::Count | UnitCategory::Percent)
        })
}

/// A bare measure after a count: the count's subject measured (`…问题545个，整改完成率91%`).
fn bare_measure(cx: &Context, name: &str) -> Option<String> {
    if !is_bare_measure(cx, name) || !(follows_count(cx) || same_unit_before(cx)) {
        return None;
    }
    let previous = previous_name(cx)?;
    // a mean, maximum or total of what was measured before it in the same unit
    if !follows_count(cx) {
        let subject = previous.trim_end_matches("之间").trim_end_matches("范围");
        return (chars_len(subject) >= 2 && !subject.ends_with(name))
            .then(|| format!("{subject}{name}"));
    }
    // 农村黑臭水体治理 + 治理率 → 农村黑臭水体治理率
    let overlap = (2..=name.chars().count().saturating_sub(1))
        .rev()
        .map(|k| name.char_indices().nth(k).map_or(name.len(), |(i, _)| i))
        .find(|&i| previous.ends_with(&name[..i]))
        .unwrap_or(0);
    // a subject, not an act (现已办结) nor another measure
    if (overlap == 0
        && cx
            .lex
            .verb
            .longest_ending_at(previous, previous.len())
            .is_some())
        || is_bare_measure(cx, previous)
        || measure_suffix(previous).is_some()
        || chars_len(previous) < 2
    {
        return None;
    }
    Some(format!("{previous}{}", &name[overlap..]))
}

/// The other half of a contrast: `夜间` after a name holding `昼间`.
fn contrast(cx: &Context, name: &str) -> Option<String> {
    let group = cx.lex.contrast.get(name)?;
    let previous = previous_name(cx)?;
    // the word of the same contrast in the previous name, replaced
    let (at, len) = (0..previous.len())
        .filter(|&i| previous.is_char_boundary(i))
        .find_map(|i| {
            cx.lex
                .contrast
                .longest_at(previous, i)
                .filter(|(_, g)| *g == group)
                .map(|(len, _)| (i, len))
        })?;
    if &previous[at..at + len] == name {
        return None;
    }
    // the subject without the verb of the clause it was said in (收到…投诉案件主办)
    let subject = without_verb(cx, &previous[..at]);
    Some(format!("{subject}{name}{}", &previous[at + len..]))
}

/// A part of what was just counted, said after 其中 with only what sets it apart
/// (`完成柴油货车路检300台，其中不合格12台` → 不合格柴油货车路检).
fn subset(cx: &Context, name: &str) -> Option<String> {
    let clause = cx.text.get(cx.clause.span.start()..cx.m.span.start())?;
    // (what sets the part apart is a predicate: 不合格, 达标, 超标)
    let predicate =
        cx.lex.noun_end.starts(name) || cx.lex.verb.starts(name) || name.starts_with(['超', '达']);
    if !clause.trim_start().starts_with("其中") || chars_len(name) > 4 || !predicate {
        return None;
    }
    let unit = cx.m.unit.as_ref()?;
    let whole = previous_quantity(cx)?;
    if whole.unit.as_ref().map(|u| &u.canonical) != Some(&unit.canonical) {
        return None;
    }
    let previous = previous_name(cx)?;
    // the whole without the verb it was counted with (完成…)
    let previous = without_verb(cx, previous);
    (!previous.contains(name)).then(|| format!("{name}{previous}"))
}

/// Whether `c` parts the items of a list.
fn item_separator(c: char) -> bool {
    matches!(c, '、' | '和' | '及' | '与')
}

/// Counts listed with what sets each apart, sharing the noun after the last
/// (`完成省级5家和市级12家参评企业初评工作`, `3个已整改、2个长期监督、1个持续推进的重点问题`):
/// each count's words and the shared noun.
fn shared_noun(cx: &Context) -> Option<String> {
    let text = cx.text;
    let clause_end = cx.clause.span.end();
    let short = |s: &str| {
        chars_len(s) <= 6
            && !s.contains(|c: char| c.is_ascii_digit() || matches!(c, '，' | '；' | '（' | '）'))
    };
    let unit = cx.m.unit.as_ref()?;
    // the items after this one: each the words between two numbers, parted by a separator
    let mut own_after = None;
    let mut j = cx.k;
    loop {
        let next = cx.mentions.get(j + 1).filter(|n| {
            n.role == Role::Quantity
                && n.span.start() < clause_end
                && n.unit.as_ref().map(|u| &u.canonical) == Some(&unit.canonical)
        });
        let Some(next) = next else { break };
        let between = text.get(cx.mentions[j].span.end()..next.span.start())?;
        let (at, sep) = between.char_indices().find(|&(_, c)| item_separator(c))?;
        let (after_mod, before_mod) = (&between[..at], &between[at + sep.len_utf8()..]);
        if !short(after_mod) || !short(before_mod) {
            return None;
        }
        // what follows a count in such a list says what became of it (已整改, 长期监督):
        // a noun there names the count itself (5个数据集、2个数据空间)
        let predicate =
            |s: &str| s.is_empty() || cx.lex.noun_end.starts(s) || cx.lex.verb.starts(s);
        if !predicate(after_mod) {
            return None;
        }
        if j == cx.k {
            own_after = Some(after_mod.to_string());
        }
        j += 1;
    }
    // the last count of such a list: the words between the separator and its number
    let mut last_before = None;
    if j == cx.k {
        let prev = cx.mentions.get(cx.k.checked_sub(1)?).filter(|p| {
            p.role == Role::Quantity
                && p.span.end() > cx.clause.span.start()
                && p.unit.as_ref().map(|u| &u.canonical) == Some(&unit.canonical)
        })?;
        let between = text.get(prev.span.end()..cx.m.span.start())?;
        let (at, sep) = between.char_indices().find(|&(_, c)| item_separator(c))?;
        let (after_mod, before_mod) = (&between[..at], &between[at + sep.len_utf8()..]);
        if !short(after_mod) || !short(before_mod) || before_mod.is_empty() || !after_mod.is_empty()
        {
            return None;
        }
        last_before = Some(before_mod);
    }
    // the noun after the last count: after its last 的, or up to a predicate
    let last = &cx.mentions[j];
    let tail = text.get(last.span.end()..clause_end.max(last.span.end()))?;
    let tail = tail.trim_end_matches(['。', '；', '，']);
    // the shared noun follows the last count directly
    if tail.starts_with(|c: char| item_separator(c) || !is_han(c)) || tail.contains('、') {
        return None;
    }
    let noun = match tail.rfind('的') {
        Some(i) => tail[i + '的'.len_utf8()..].to_string(),
        None => super::cut_at_predicate(tail, cx.lex),
    };
    let noun = clean_edges(&noun);
    if chars_len(&noun) < 2 {
        return None;
    }
    let own_after = own_after.unwrap_or_default();
    // the words before this count that set it apart (完成省级 → 省级)
    let mut before = last_before.unwrap_or(cx.a.as_str());
    if let Some((l, _)) = cx.lex.verb.longest_at(before, 0) {
        before = &before[l..];
    }
    if !short(before) {
        before = "";
    }
    // something must set this count apart from the others
    if before.is_empty() && own_after.is_empty() {
        return None;
    }
    Some(if own_after.is_empty() {
        format!("{before}{noun}")
    } else {
        format!("{before}{own_after}的{noun}")
    })
}

/// Whether `name` only tells an act (`办结`, `正加快推进`, `完成整改`): a verb after at most
/// an adverb, six characters or fewer.
fn only_an_act(cx: &Context, name: &str) -> bool {
    let t = name.trim_start_matches(['正', '已', '均', '都', '还']);
    chars_len(name) <= 6
        && cx
            .lex
            .verb
            .longest_at(t.strip_prefix("加快").unwrap_or(t), 0)
            .is_some_and(|(len, _)| {
                // the verb alone, or with another verb (完成整改), not with its object (发现问题)
                let rest = &t.strip_prefix("加快").unwrap_or(t)[len..];
                chars_len(rest) <= 1
                    || cx
                        .lex
                        .verb
                        .longest_at(rest, 0)
                        .is_some_and(|(l, _)| l == rest.len())
            })
}

/// An act told of a part of what was just counted, in its unit (`转办的1339件群众信访投诉件，
/// 现已办结1332件` → 办结群众信访投诉件): the act and the counted noun.
fn act_on_counted(cx: &Context, name: &str) -> Option<String> {
    let unit = cx.m.unit.as_ref()?;
    if name.is_empty() || !only_an_act(cx, name) {
        return None;
    }
    let whole = previous_quantity(cx)?;
    if whole.unit.as_ref().map(|u| &u.canonical) != Some(&unit.canonical)
        || !matches!(unit.category, UnitCategory::Count)
    {
        return None;
    }
    let previous = previous_name(cx)?;
    if only_an_act(cx, previous) || previous.contains(name) {
        return None;
    }
    // the head noun of what was counted: after its last 的, 和, 、 or quotation
    // (关闭淘汰落后产能和“散乱污”企业 → 企业; 监测发现并完成溯源调查排口 → 排口 after a verb)
    let noun = match previous.rfind(['的', '和', '、', '”', '并']) {
        Some(i) => &previous[i + previous[i..].chars().next().map_or(0, char::len_utf8)..],
        None => without_verb(cx, previous),
    };
    // a head that still holds an act keeps only its last noun (完成溯源调查排口 → 排口)
    let noun = match cx.lex.verb.longest_at(noun, 0) {
        Some(_) => noun
            .char_indices()
            .rev()
            .nth(1)
            .map_or(noun, |(i, _)| &noun[i..]),
        None => noun,
    };
    (chars_len(noun) >= 2).then(|| format!("{name}{noun}"))
}

/// A place alone after `…较高的为` or `…较多的是`: the place and what the list ranks.
fn ranked_place(cx: &Context, name: &str) -> Option<String> {
    let lex = cx.lex;
    // the place the name ends with (…较高的为遂宁市 → 遂宁市), or a name shaped as one
    let len = match lex.places.full.longest_ending_at(name, name.len()) {
        Some((len, _)) => len,
        None if chars_len(name) <= 6
            && name.chars().all(is_han)
            && name.ends_with(['市', '县', '区', '州', '旗', '镇', '乡']) =>
        {
            name.len()
        }
        None => return None,
    };
    let name = &name[name.len() - len..];
    let sentence = cx.structure.sentences[cx.clause.sentence()];
    let before = cx.text.get(sentence.start()..cx.m.span.start())?;
    let (at, _) = ["较高的", "较多的", "最高的", "最多的", "较好的", "靠前的"]
        .iter()
        .filter_map(|w| before.rfind(w).map(|i| (i, *w)))
        .max_by_key(|&(i, _)| i)?;
    // the measure: from the clause start up to 较高的, without a scope of 各…
    let head = &before[..at];
    let start = head.rfind(['，', '；', '：', '。']).map_or(0, |i| {
        i + head[i..].chars().next().map_or(0, char::len_utf8)
    });
    let mut measure = super::trim_name(&head[start..], lex);
    if let Some(rest) = measure.strip_prefix('各') {
        let scope = rest
            .char_indices()
            .find(|&(_, c)| !matches!(c, '市' | '州' | '县' | '区' | '地' | '省'))
            .map_or(rest.len(), |(i, _)| i);
        measure = rest[scope..].to_string();
    }
    (chars_len(&measure) >= 2 && chars_len(&measure) <= 16).then(|| format!("{name}{measure}"))
}

#[cfg(test)]
mod tests {
    use super::super::tests::assert_name;
    use super::Rule;

    #[test]
    fn asides_in_brackets() {
        let t = "太湖流域重点断面水质达标率为83.0%（优Ⅲ比例97.6%）；洪泽湖区域重点断面水质达标率为82.1%（优Ⅲ比例92.9%）。";
        assert_name(t, "97.6%", "太湖流域重点断面优Ⅲ比例", Rule::Aside);
        assert_name(t, "92.9%", "洪泽湖区域重点断面优Ⅲ比例", Rule::Aside);
        assert_name(t, "83.0%", "太湖流域重点断面水质达标率", Rule::Before);
    }

    #[test]
    fn edges_cleaned() {
        let t = "市辖区产生生活垃圾量为22.63万吨（日均产生620吨），全部无害化处理。";
        assert_name(t, "22.63万吨", "市辖区生活垃圾产生量", Rule::Before);
        let t = "利用处置量为1.603万吨（含上年度贮存0.035万吨），无外排放。";
        assert_name(t, "0.035万吨", "上年度贮存", Rule::ShortNoun);
    }

    #[test]
    fn bare_measures() {
        let t =
            "国家级自然保护区问题545个，整改完成率91%；省级自然保护区问题395个，整改完成率86%。";
        assert_name(
            t,
            "91%",
            "国家级自然保护区问题整改完成率",
            Rule::BareMeasure,
        );
        assert_name(t, "86%", "省级自然保护区问题整改完成率", Rule::BareMeasure);
        let t = "枢纽港产业园新签约产业项目139个、总投资1022亿元。";
        assert_name(
            t,
            "1022亿元",
            "枢纽港产业园新签约产业项目总投资",
            Rule::BareMeasure,
        );
        let t = "全省累计完成883个农村黑臭水体治理，治理率达到24.5%。";
        assert_name(t, "24.5%", "农村黑臭水体治理率", Rule::BareMeasure);
    }

    #[test]
    fn statistics_after_a_range() {
        let t = "剂量率范围在89.27~103.55纳戈瑞/小时之间，平均为94.57纳戈瑞/小时。";
        assert_name(t, "94.57纳戈瑞/小时", "剂量率平均", Rule::BareMeasure);
    }

    #[test]
    fn brackets_closed_at_the_end() {
        let t = "拘留147人（行政拘留111人，刑事拘留36人）。";
        assert_name(t, "36人", "刑事拘留", Rule::ShortNoun);
    }

    #[test]
    fn subsets_after_qizhong() {
        let t = "完成1200余台柴油货车路检，其中不合格35台，交交警部门处罚。";
        assert_name(t, "35台", "不合格柴油货车路检", Rule::Subset);
        let t = "完成80台非道路移动机械尾气检测，其中6台不合格。";
        assert_name(t, "6台", "不合格非道路移动机械尾气检测", Rule::Subset);
    }

    #[test]
    fn shared_nouns_of_listed_counts() {
        let t = "认真开展年度环境信用评价工作，完成省级5家和市级12家参评企业初评工作。";
        assert_name(t, "5家", "省级参评企业初评工作", Rule::SharedNoun);
        assert_name(t, "12家", "市级参评企业初评工作", Rule::SharedNoun);
        let t = "上报了3个已整改、2个长期监督、1个持续推进的重点问题清单。";
        assert_name(t, "3个", "已整改的重点问题清单", Rule::SharedNoun);
        assert_name(t, "2个", "长期监督的重点问题清单", Rule::SharedNoun);
        // items with nouns of their own are not listed counts of one noun
        let t = "检查企业35家、工地12个。";
        assert_ne!(
            super::super::tests::named(t, "35家").map(|n| n.1),
            Some(Rule::SharedNoun)
        );
    }

    #[test]
    fn events_named_by_themselves() {
        assert_name(
            "全年组织召开工作例会12次。",
            "12次",
            "工作例会",
            Rule::Before,
        );
    }

    #[test]
    fn penalties_after_a_count() {
        let t = "完成80台非道路移动机械尾气检测，其中6台不合格，处罚5000元。";
        assert_name(
            t,
            "5000元",
            "不合格非道路移动机械尾气检测处罚",
            Rule::BareMeasure,
        );
    }

    #[test]
    fn abbreviations_formulas_and_amounts() {
        assert_eq!(
            super::abbreviated("国考断面中水质达到或好于Ⅲ类断面（以下简称“优Ⅲ断面”）比例"),
            "国考断面优Ⅲ断面比例"
        );
        assert_eq!(
            super::formula_for_substance("全省14个地级城市环境空气中细颗粒物（PM2.5）平均浓度"),
            "PM2.5平均浓度"
        );
        assert_eq!(
            super::formula_for_substance("二氧化硫（SO2）排放量"),
            "SO2排放量"
        );
        assert_eq!(
            super::formula_for_substance("水质（达标）比例"),
            "水质（达标）比例"
        );
        assert_name(
            "全年生产钾肥757.5万吨。",
            "757.5万吨",
            "钾肥产量",
            Rule::Before,
        );
        assert_name(
            "各类功能区昼间达标151点次。",
            "151点次",
            "各类功能区昼间达标点次",
            Rule::Before,
        );
    }

    #[test]
    fn acts_on_what_was_counted() {
        let t = "转办的1339件群众信访投诉件，现已办结1332件，办结率99%。";
        assert_name(t, "1332件", "办结群众信访投诉件", Rule::Subset);
        let t = "移交的9070个各类环境问题，已整改完成90.9%。";
        assert_name(t, "90.9%", "各类环境问题整改完成", Rule::BareMeasure);
    }

    #[test]
    fn contrasts() {
        let t = "1类功能区昼间47.1分贝，夜间40.3分贝；2类功能区昼间54.3分贝，夜间47.9分贝。";
        assert_name(t, "40.3分贝", "1类功能区夜间", Rule::Contrast);
        assert_name(t, "47.9分贝", "2类功能区夜间", Rule::Contrast);
        let t = "1类区昼夜各监测18点次，昼间点次达标率为83.3%，夜间为77.8%。";
        assert_name(t, "77.8%", "夜间点次达标率", Rule::Contrast);
    }

    #[test]
    fn ranked_places() {
        let t = "截至7月31日，各市州问题整改完成率较高的为遂宁市97%、泸州市96.5%、雅安市96%。";
        assert_name(t, "97%", "遂宁市问题整改完成率", Rule::RankedPlace);
        assert_name(t, "96.5%", "泸州市问题整改完成率", Rule::RankedPlace);
    }
}
