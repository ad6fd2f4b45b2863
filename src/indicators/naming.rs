//! Naming: what a quantity measures, in the words a reader would put in a table column.
//!
//! A name is read from the quantity's clause: the words before the number (A:
//! `优良天数为|287天`) and the words after its unit (B: `配发50个|垃圾桶`). [`RULES`] are tried
//! in order and the first that applies names the quantity; [`FALLBACKS`] name it when that
//! name is empty. Each rule is a function documented and tested with the examples it was
//! made from.

use std::borrow::Cow;

mod inherit;

use super::{chars_len, WINDOW};
use crate::lexicon::{Lexicon, UnitCategory};
use crate::numbers::{Mention, MentionKind, Role};
use crate::span::{Normalized, Span};
use crate::structure::{Clause, Cue, Structure};
use crate::text::chars::{floor_boundary, is_han, is_space};
use crate::text::words::{
    closing_bracket, ends_clause_at, is_conjunction, is_list_separator, is_object_preposition,
    range_dash_at,
};

/// What the indicator before this one in the same sentence was named, for the items of a
/// list that have no words of their own (`关闭企业10家、治理7家`).
#[derive(Debug, Clone, Default)]
pub(super) struct Previous {
    /// Its sentence's index.
    pub(super) sentence: usize,
    /// The words before its number (its A part).
    pub(super) a: String,
    /// Its name.
    pub(super) name: String,
}

/// A quantity's name and how it was found.
#[derive(Debug, Clone)]
pub(super) struct Named {
    pub(super) name: String,
    /// The words before the number, trimmed (for the list items that follow it).
    pub(super) a: String,
    /// Where the name was read: the words before and after the number.
    pub(super) span: Span<Normalized>,
    /// The rule that named it.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) rule: Rule,
}

/// The rules that name a quantity, in the order they are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// [`respective`]: `分别` hands one number to each item of the list before it.
    Respective,
    /// [`change_subject`]: both numbers of a change "from A to B" are its subject's.
    ChangeSubject,
    /// [`range`]: a distance that bounds a place names the range.
    Range,
    /// [`before`]: nothing after the unit; the words before name it.
    Before,
    /// [`after_alone`]: nothing before the number; the noun after names it.
    AfterAlone,
    /// [`after_quantity`]: a number right after another; the words after are its own.
    AfterQuantity,
    /// [`predicate_after`]: a predicate follows the count (`组织200人|开展监测`).
    PredicateAfter,
    /// [`verb_object`]: a verb before, its object after (`配发|50个|垃圾桶`).
    VerbObject,
    /// [`noun_after`]: the noun after is a name by itself.
    NounAfter,
    /// [`short_noun`]: a short noun after needs the words before (`工作计划xx项|任务`).
    ShortNoun,
    /// [`table_cell`]: a table cell, named by its row label and column header.
    TableCell,
    /// [`previous_item`]: an item of a list, named as the one before it.
    PreviousItem,
    /// [`share`]: a share of what was counted before it (`…11个，占91.7%`).
    Share,
    /// [`inherit::aside`]: a quantity in brackets measures the subject of the one before.
    Aside,
    /// [`inherit::bare_measure`]: a bare measure measures what was just counted.
    BareMeasure,
    /// [`inherit::contrast`]: the other half of a contrast keeps the subject (`夜间`).
    Contrast,
    /// [`inherit::ranked_place`]: a place in a ranked list is measured by what is ranked.
    RankedPlace,
    /// [`inherit::subset`]: a part of what was just counted, after 其中 (`其中不合格12台`).
    Subset,
    /// [`inherit::shared_noun`]: listed counts share the noun after the last
    /// (`省级5家和市级12家参评企业`).
    SharedNoun,
}

/// A rule: its name and how it names, if it applies.
type RuleFn = fn(&Context) -> Option<String>;

/// The rules, tried in order: the first that applies names the quantity.
pub(super) const RULES: [(Rule, RuleFn); 11] = [
    (Rule::TableCell, table_cell),
    (Rule::Respective, respective),
    (Rule::ChangeSubject, change_subject),
    (Rule::Range, range),
    (Rule::Before, before),
    (Rule::AfterAlone, after_alone),
    (Rule::AfterQuantity, after_quantity),
    (Rule::PredicateAfter, predicate_after),
    (Rule::VerbObject, verb_object),
    (Rule::NounAfter, noun_after),
    (Rule::ShortNoun, short_noun),
];

/// The rules that name a quantity when [`RULES`] gave an empty name, in order.
pub(super) const FALLBACKS: [(Rule, RuleFn); 1] = [(Rule::PreviousItem, previous_item)];

/// Everything the rules read about one quantity, worked out once.
pub(super) struct Context<'t> {
    text: &'t str,
    structure: &'t Structure,
    clause: &'t Clause,
    lex: &'t Lexicon,
    mentions: &'t [Mention],
    k: usize,
    m: &'t Mention,
    previous: Option<&'t Previous>,
    /// The A part starts right after a previous quantity of the clause.
    after_quantity: bool,
    /// The words before the number, spaces out (A).
    raw_a: Cow<'t, str>,
    /// The words after the unit, spaces out (B).
    raw_b: Cow<'t, str>,
    /// A trimmed of leading time words, dates and link words.
    a: String,
    /// B trimmed.
    b_full: String,
    /// The noun that opens B, up to a predicate.
    b_noun: String,
    /// B opens with a predicate (已整改, 完成…).
    b_predicate: bool,
    /// The specific verb that ends A (配发, 建成), not a general one (完成, 开展: the
    /// `general_verb` cues), which does not prefix a counted noun (完成x家企业… is not 完成企业).
    a_verb: Option<String>,
    /// A ends with a preposition's object: `对X进行`, `为社区建成` (offset and length of the
    /// preposition in `raw_a`).
    preposition: Option<(usize, usize)>,
    /// A heads a list: it holds 、 or ends in 等 or 的.
    list_head: bool,
}

/// Where the words before `m` may start: after the clause stop before it, taking in a
/// bracketed aside that closes before the number (`xx项目（含A，B）完成5项`); after an
/// enumeration comma that closes a list item holding a quantity; or after the previous
/// quantity of the clause. At most [`WINDOW`] bytes back. Returns the start and whether it
/// is the end of a previous quantity.
fn a_start(
    text: &str,
    structure: &Structure,
    clause: &Clause,
    k: usize,
    mentions: &[Mention],
) -> (usize, bool) {
    let m = &mentions[k];
    let floor = floor_boundary(text, m.span.start().saturating_sub(WINDOW));
    // a bracket that closes in A and opened in an earlier clause of the sentence
    let mut start = clause.span.start();
    let mut depth = 0i32;
    for c in text[start.max(floor)..m.span.start()].chars() {
        if closing_bracket(c).is_some() {
            depth -= 1;
        } else if matches!(c, '）' | '】' | '〕' | ')' | ']') {
            depth += 1;
        }
    }
    if depth > 0 {
        let sentence = structure.sentences[clause.sentence()];
        start = text[floor.max(sentence.start())..start]
            .char_indices()
            .rev()
            .filter(|&(_, c)| closing_bracket(c).is_some())
            .nth(depth as usize - 1)
            .map_or(start, |(i, _)| {
                let open = floor.max(sentence.start()) + i;
                structure.clause_at(open).map_or(start, |c| c.span.start())
            });
    }
    let start = start.max(floor);
    // 检查企业35家、工地12个: an enumeration comma after an item with its quantity
    let before = &text[start..m.span.start()];
    let mut item_end = None;
    let mut depth = 0i32;
    for (i, c) in before.char_indices().rev() {
        match c {
            '”' | '》' | '）' => depth += 1,
            '“' | '《' | '（' => depth -= 1,
            _ => {}
        }
        if depth <= 0 && c == '、' {
            let at = start + i;
            let item_has_quantity = mentions[..k]
                .iter()
                .rev()
                .take(8)
                .take_while(|p| p.span.end() > start)
                .any(|p| p.span.end() <= at && p.span.start() >= start && p.role == Role::Quantity);
            if item_has_quantity {
                item_end = Some(at + c.len_utf8());
                break;
            }
        }
    }
    let start = item_end.unwrap_or(start);
    match k
        .checked_sub(1)
        .map(|j| &mentions[j])
        .filter(|p| p.span.end() <= m.span.start() && p.span.end() > start)
    {
        Some(p) if p.role == Role::Quantity => (p.span.end(), true),
        _ => (start, false),
    }
}

/// Where the words after `m` end: at its clause's end or the next number; an enumeration
/// comma (or a conjunction before a short item) only ends them when a number follows in
/// the clause (`x家印刷、制药企业` is one noun). At most [`WINDOW`] bytes on.
fn b_end(text: &str, clause: &Clause, k: usize, mentions: &[Mention]) -> usize {
    let m = &mentions[k];
    let clause_end = clause.span.end().max(m.span.end());
    let next_start = mentions
        .get(k + 1)
        .map_or(clause_end, |n| n.span.start().min(clause_end))
        .max(m.span.end())
        .min(floor_boundary(text, m.span.end() + WINDOW));
    let next_in_clause = mentions
        .get(k + 1)
        .is_some_and(|n| n.span.start() <= clause_end);
    let mut end = m.span.end();
    for (i, c) in text[m.span.end()..next_start].char_indices() {
        let at = m.span.end() + i;
        if ends_clause_at(text, at, c) || c == '\n' {
            break;
        }
        // an aside in brackets right after the quantity is not its noun: 83.0%（优Ⅲ比例97.6%）
        if matches!(c, '（' | '(') && text[m.span.end()..at].trim().is_empty() {
            break;
        }
        // 检查企业35家和工地12个, not 7个县级及以上集中式饮用水水源地水质达标率为100%
        let separator = c == '、' || (is_conjunction(c) && chars_len(&text[at..next_start]) <= 7);
        if separator && next_in_clause {
            break;
        }
        end = at + c.len_utf8();
    }
    end
}

fn without_spaces(s: &str) -> Cow<'_, str> {
    if crate::text::search::has(s, ' ') {
        Cow::Owned(s.split(' ').collect())
    } else {
        Cow::Borrowed(s)
    }
}

impl<'t> Context<'t> {
    /// The context of mention `k`, with the indicator before it in its sentence.
    pub(super) fn new(
        text: &'t str,
        structure: &'t Structure,
        clause: &'t Clause,
        mentions: &'t [Mention],
        k: usize,
        previous: Option<&'t Previous>,
        lex: &'t Lexicon,
    ) -> (Context<'t>, Span<Normalized>) {
        let m = &mentions[k];
        let (a_start, after_quantity) = a_start(text, structure, clause, k, mentions);
        let b_end = b_end(text, clause, k, mentions);
        // a heading label that opens the line is not part of a name: （2）完成…, ①烧结…
        let a_start = if a_start == 0 || text[..a_start].ends_with('\n') {
            crate::text::labels::parse_label(&text[a_start..m.span.start()])
                .map_or(a_start, |l| a_start + l.len)
        } else {
            a_start
        };
        let raw_a = without_spaces(&text[a_start..m.span.start()]);
        let raw_b = without_spaces(&text[m.span.end()..b_end]);
        let preposition = raw_a
            .char_indices()
            .rev()
            .find(|&(_, c)| is_object_preposition(c))
            .map(|(i, c)| (i, c.len_utf8()));
        let a = trim_name(&raw_a, lex);
        let a_verb = lex
            .verb
            .longest_ending_at(&a, a.len())
            .map(|(len, _)| a[a.len() - len..].to_string())
            .filter(|v| !lex.general_verb.contains(v));
        let mut b_full = trim_b(&trim_name(&raw_b, lex));
        let mut b_noun = trim_b(&cut_at_predicate(&b_full, lex));
        // a quotation after the counted noun opens another phrase: 12个地表水国考断面“一断一策”
        // 达标方案 counts 断面
        if let Some(q) = b_noun.find('“').filter(|&q| chars_len(&b_noun[..q]) >= 3) {
            b_noun.truncate(q);
        }
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
        let b_predicate = lex.verb.starts(&b_full)
            || lex.title_lead.starts(&b_full)
            || lex.noun_end.starts(&b_full);
        let list_head = raw_a.ends_with('等')
            || crate::text::search::has(&raw_a, '、')
            || raw_a.ends_with('的');
        let span = Span::new(a_start.min(m.span.start()), b_end.max(m.span.end()));
        (
            Context {
                text,
                structure,
                clause,
                lex,
                mentions,
                k,
                m,
                previous,
                after_quantity,
                raw_a,
                raw_b,
                a,
                b_full,
                b_noun,
                b_predicate,
                a_verb,
                preposition,
                list_head,
            },
            span,
        )
    }

    /// The words before the number, from the preposition's object on if there is one.
    fn a_object(&self) -> String {
        self.preposition
            .map(|(i, l)| trim_name(&self.raw_a[i + l..], self.lex))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| self.a.clone())
    }
}

/// Names mention `k` of `clause`.
pub(super) fn name(
    text: &str,
    structure: &Structure,
    clause: &Clause,
    mentions: &[Mention],
    k: usize,
    previous: Option<&Previous>,
    lex: &Lexicon,
) -> Named {
    let (cx, span) = Context::new(text, structure, clause, mentions, k, previous, lex);
    let (mut rule, name) = RULES
        .iter()
        .find_map(|&(rule, f)| f(&cx).map(|name| (rule, name)))
        .unwrap_or((Rule::Before, String::new()));
    let mut name = name
        .trim_matches(|c: char| c == '的' || is_space(c))
        .to_string();
    if name.is_empty() {
        if let Some((r, n)) = FALLBACKS
            .iter()
            .find_map(|&(r, f)| f(&cx).filter(|n| !n.is_empty()).map(|n| (r, n)))
        {
            (rule, name) = (r, n);
        }
    }
    if let Some(shared) = share(&cx, &name) {
        (rule, name) = (Rule::Share, shared);
    }
    let (rule, name) = inherit::refine(&cx, rule, name);
    Named {
        name: tail_chars(&name, 30),
        a: cx.a,
        span,
        rule,
    }
}

/// `分别` (respectively): the numbers after it name one item each of the list before it,
/// with the noun the items share and the verb after 分别.
///
/// - `二氧化硫、氮氧化物排放总量分别削减1200吨、800吨` → 二氧化硫排放总量削减, 氮氧化物排放总量削减
/// - `城市和农村污水处理率分别为95%和60%` → 城市污水处理率, 农村污水处理率
fn respective(cx: &Context) -> Option<String> {
    if !cx.structure.has_cue(cx.clause, Cue::Respectively) {
        return None;
    }
    let (item, verb) =
        respective_item(cx.text, cx.structure, cx.clause, cx.k, cx.mentions, cx.lex)?;
    Some(trim_name(&format!("{item}{verb}"), cx.lex))
}

/// When number `k` is one of the numbers that 分别 gives the items of a list, in order: its
/// item with the noun the items share, and the verb after 分别. The shared noun is a known
/// one ending the last item (`shared_head` in the cues), or else what the last item holds
/// beyond the length of the others when they are all as long (城市和农村污水处理率).
pub(super) fn respective_item<'t>(
    text: &'t str,
    structure: &Structure,
    clause: &Clause,
    k: usize,
    mentions: &[Mention],
    lex: &Lexicon,
) -> Option<(String, &'t str)> {
    let m = &mentions[k];
    let at = structure.cue_before(clause, Cue::Respectively, m.span.start())?;
    let before = &text[clause
        .span
        .start()
        .max(floor_boundary(text, m.span.start().saturating_sub(WINDOW)))
        ..at.start()];
    let lo = mentions.partition_point(|x| x.span.start() < at.end());
    let hi = mentions.partition_point(|x| x.span.start() < clause.span.end());
    let listed: Vec<usize> = (lo..hi)
        .filter(|&j| mentions[j].role == Role::Quantity)
        .collect();
    let i = listed.iter().position(|&j| j == k)?;
    let subject = trim_name(before, lex);
    let parts: Vec<&str> = subject.split(is_list_separator).collect();
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
        &text[at.end()..mentions[listed[0]].span.start()],
    ))
}

/// A change "from A to B": both numbers are named by the words that open the clause before
/// its 由, when 到, 至 or 为 follows. Not 由于 (because), and not 由 of an agent or a
/// makeup (由3个部门组成).
///
/// - `审批时限由法定的20个工作日压缩至10个工作日` → 审批时限 (both)
/// - `浓度由45微克/立方米下降到38微克/立方米` → 浓度 (both)
fn change_subject(cx: &Context) -> Option<String> {
    let from = cx
        .structure
        .cue_before(cx.clause, Cue::From, cx.m.span.start())?;
    let start = cx.clause.span.start().max(floor_boundary(
        cx.text,
        cx.m.span.start().saturating_sub(WINDOW),
    ));
    if from.start() < start {
        return None;
    }
    let change = &cx.text[from.end()..cx.clause.span.end().max(from.end())];
    if !change.contains(['到', '至', '为']) {
        return None;
    }
    let subject = trim_name(&cx.text[start..from.start()], cx.lex);
    (chars_len(&subject) >= 2).then_some(subject)
}

/// A distance that bounds a place names the range: the place and 范围.
///
/// - `站点周边3公里范围内` → 站点周边范围
fn range(cx: &Context) -> Option<String> {
    let length =
        cx.m.unit
            .as_ref()
            .is_some_and(|u| u.category == UnitCategory::Length);
    let bounds = ["范围", "以内", "内"]
        .iter()
        .any(|w| cx.raw_b.starts_with(w))
        || cx.m.span.slice(cx.text).ends_with("以内");
    if !(length && bounds && !cx.a.is_empty()) {
        return None;
    }
    Some(format!("{}范围", cx.a_object().trim_start_matches('在')))
}

/// Nothing after the unit (or nothing that is a noun or a predicate): the words before
/// name it; after a list of examples ending in 等, the noun after 等.
///
/// - `优良天数为287天` → 优良天数
/// - `检查医院、酒店、接种点等xxx余家(次)` → 医院、酒店、接种点等 … as the words before
/// - `发放《告知书》、宣传册等资料2000余份` → 资料
fn before(cx: &Context) -> Option<String> {
    if !(cx.b_full.is_empty() || (cx.b_noun.is_empty() && !cx.b_predicate)) {
        return None;
    }
    Some(match cx.a.rfind('等') {
        Some(i)
            if cx.raw_a.contains(['、', '》', '”'])
                && chars_len(&cx.a[i + '等'.len_utf8()..]) >= 2 =>
        {
            cx.a[i + '等'.len_utf8()..].to_string()
        }
        _ => cx.a.clone(),
    })
}

/// Nothing before the number (or only a preposition): the noun after, or the whole
/// clause after when that noun says little.
///
/// - `13家企业完成原辅料源头替代` → 企业完成原辅料源头替代
/// - `16个重点项目` → 重点项目
fn after_alone(cx: &Context) -> Option<String> {
    let nothing_before = cx.a.is_empty()
        || cx
            .preposition
            .is_some_and(|(i, l)| trim_name(&cx.raw_a[i + l..], cx.lex).is_empty());
    if !nothing_before {
        return None;
    }
    Some(if chars_len(&cx.b_noun) >= 3 {
        cx.b_noun.clone()
    } else if chars_len(&cx.b_full) > 24 {
        let cut = cx
            .b_full
            .find('等')
            .filter(|&i| chars_len(&cx.b_full[..i]) >= 4)
            .unwrap_or(cx.b_full.len());
        cx.b_full[..cut].chars().take(24).collect()
    } else {
        cx.b_full.clone()
    })
}

/// A number right after another quantity of its clause: the words after it are its own.
///
/// - `11个国省考断面10个达标` → 达标
fn after_quantity(cx: &Context) -> Option<String> {
    // (with words of its own after it: 达标率为83.0%（优Ⅲ比例97.6%） leaves 97.6% none)
    let own = cx
        .b_full
        .chars()
        .any(|c| !matches!(c, '（' | '）' | '(' | ')' | '【' | '】'))
        || cx.a.is_empty();
    (cx.after_quantity && own).then(|| {
        if cx.b_predicate {
            cx.b_full.clone()
        } else {
            cx.b_noun.clone()
        }
    })
}

/// A predicate after the count: the words after, with the words before unless they end in
/// a verb.
///
/// - `组织xxxx余人(次)开展现场监测` → 开展现场监测
/// - `发动社区群众、干部职工200人投身社区卫生大清理` → 投身社区卫生大清理
fn predicate_after(cx: &Context) -> Option<String> {
    if !cx.b_predicate {
        return None;
    }
    let verb_before =
        cx.a_verb.is_some() || cx.lex.verb.longest_ending_at(&cx.a, cx.a.len()).is_some();
    Some(if verb_before {
        cx.b_full.clone()
    } else {
        format!("{}{}", cx.a, cx.b_full)
    })
}

/// A specific verb before the count and its object after: the verb and the object.
///
/// - `配发50个垃圾桶` → 配发垃圾桶
/// - `建成了4座垃圾收集转运站` → 建成垃圾收集转运站
fn verb_object(cx: &Context) -> Option<String> {
    let v = cx.a_verb.as_ref().filter(|_| !cx.list_head)?;
    Some(format!("{v}{}", cx.b_noun))
}

/// A noun after the count that names it by itself: three characters or more, or after a
/// list head.
///
/// - `其中270个排污口完成整治` → 排污口
fn noun_after(cx: &Context) -> Option<String> {
    (cx.list_head || chars_len(&cx.b_noun) >= 3).then(|| cx.b_noun.clone())
}

/// A short noun after the count needs the words before it.
///
/// - `工作计划xx项任务` → 工作计划任务
fn short_noun(cx: &Context) -> Option<String> {
    let a = cx.a_object();
    Some(if a.ends_with(&cx.b_noun) {
        a
    } else {
        format!("{a}{}", cx.b_noun)
    })
}

/// A number in a table cell: the row's first cell and the column's header (PM2.5 + 浓度
/// for `PM2.5\t32微克/立方米` under `项目\t浓度`).
fn table_cell(cx: &Context) -> Option<String> {
    let text = cx.text;
    let (table, r, c) = cx.structure.table_cell(cx.m.span.start())?;
    if c == 0 {
        return None;
    }
    let row_label = table.rows[r].first()?.slice(text).trim();
    let column_name = table.rows[0]
        .get(c)
        .map(|h| header_name(h.slice(text)))
        .filter(|h| {
            !h.is_empty()
                && !h.starts_with(|x: char| x.is_ascii_digit())
                && !cx.lex.value_column.contains(h)
        })
        .unwrap_or("");
    let name: String = format!("{row_label}{column_name}")
        .chars()
        .filter(|ch| !is_space(*ch))
        .collect();
    (!name.is_empty()).then_some(name)
}

/// A column header without the unit it states (`最大值 （单位：nGy/h）` → 最大值).
fn header_name(h: &str) -> &str {
    let h = h.trim();
    match h.find(['（', '(']) {
        Some(i) if i > 0 => h[..i].trim_end(),
        _ => h,
    }
}

/// An item of a list without words of its own: the words before the previous item's
/// number (`关闭淘汰企业10家、7家` → both 关闭淘汰企业).
fn previous_item(cx: &Context) -> Option<String> {
    cx.previous.map(|p| p.a.clone())
}

/// A share of a whole (`占91.7%`, `占比60%`): the name of what is shared, or of the quantity
/// just counted when the clause says only 占, with 占比.
///
/// - `Ⅰ～Ⅲ类水质断面11个，占91.7%` → Ⅰ～Ⅲ类水质断面占比
fn share(cx: &Context, name: &str) -> Option<String> {
    let before = cx.text[..cx.m.span.start()].trim_end_matches(' ');
    // 占监测天数的82.2%, 占设施总数的67%: a share of a whole named after 占
    let of_whole = before.strip_suffix('的').and_then(|b| {
        // (within the clause: never a scan back through the text)
        let from = cx.clause.span.start().min(b.len());
        let at = from + b[from..].rfind('占')?;
        let whole = &b[at + '占'.len_utf8()..];
        (at >= cx.clause.span.start()
            && (1..=8).contains(&chars_len(whole))
            && !whole.contains(|c: char| c.is_ascii_digit() || matches!(c, '，' | '、')))
        .then_some(at)
    });
    if let Some(at) = of_whole {
        let base = cx.previous.map_or("", |p| p.name.as_str());
        let own = trim_name(&cx.text[cx.clause.span.start()..at], cx.lex);
        let base = if own.is_empty() { base } else { own.as_str() };
        return (!base.is_empty()).then(|| format!("{}占比", base.trim_end_matches("占比")));
    }
    if !(before.ends_with('占') || before.ends_with("占比")) {
        return None;
    }
    let words =
        cx.text[cx.clause.span.start().min(before.len())..before.len()].trim_start_matches(' ');
    let base = if name.is_empty() || words == "占" || words == "占比" {
        cx.previous.map_or(String::new(), |p| p.name.clone())
    } else {
        name.to_string()
    };
    Some(format!("{}占比", base.trim_end_matches("占比")))
}

/// Whether the bare number `m` follows an index name (水环境质量指数3.2640, 综合指数为4.1).
pub(super) fn index_name_before(text: &str, clause: &Clause, m: &Mention, lex: &Lexicon) -> bool {
    if m.kind != MentionKind::Decimal && m.kind != MentionKind::Integer {
        return false;
    }
    let mut end = m.span.start();
    for _ in 0..2 {
        if let Some((len, _)) = lex.link.longest_ending_at(text, end) {
            end -= len;
        }
    }
    let start = clause
        .span
        .start()
        .max(floor_boundary(text, end.saturating_sub(WINDOW)))
        .min(end);
    let words = &text[start..end];
    lex.index_word
        .longest_ending_at(words, words.len())
        .is_some()
        || (words.contains("pH") && words.ends_with(|c: char| is_han(c)))
}

/// Trims what is not part of a name: leading time words and subjects, dates, conjunctions;
/// trailing link words (为, 达到, 共计); aspect particles.
pub(super) fn trim_name(s: &str, lex: &Lexicon) -> String {
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
            matches!(c, '，' | '、' | '；' | '：' | '。' | '并' | '且' | '的') || is_conjunction(c)
        });
        if let Some((len, _)) = lex.name_lead.longest_at(t, 0) {
            t = &t[len..];
        }
        // 一是, 三是: an enumeration word
        if let Some((_, l)) = crate::text::labels::small_chinese_number(t) {
            if t[l..].starts_with('是') {
                t = &t[l + '是'.len_utf8()..];
            }
        }
        // 省督期间, 整改以来: a time phrase near the start
        let head = &t[..floor_boundary(t, 36)];
        if let Some((i, c)) = head.char_indices().find(|&(i, c)| {
            (c == '期' && head[i..].starts_with("期间"))
                || (c == '以' && head[i..].starts_with("以来"))
        }) {
            t = &t[i + c.len_utf8() * 2..];
        }
        // 通报上半年全区…: a reporting period early in the name, and what comes before it
        let head = &t[..floor_boundary(t, 24)];
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
        t = t.trim_end_matches(|c: char| matches!(c, '，' | '的' | '等') || is_list_separator(c));
        // a goal's cue before the number is not part of the name (浓度力争控制在…)
        if let Some((len, _)) = lex.target_cue.longest_ending_at(t, t.len()) {
            // (计划, 目标 and 要求 are nouns too: 工作计划xx项任务)
            let noun = ["计划", "目标", "要求"].iter().any(|w| t.ends_with(w));
            if len < t.len() && !noun {
                t = &t[..t.len() - len];
            }
        }
        if let Some((len, _)) = lex.link.longest_ending_at(t, t.len()) {
            // 违法行为 keeps its 为
            let word = lex
                .not_link
                .longest_ending_at(t, t.len())
                .is_some_and(|(l, _)| l > len);
            if !word {
                // 平均为: the link is 为, not 均为
                let cut = &t[..t.len() - len];
                t = if cut.ends_with('平') && t[cut.len()..].starts_with('均') {
                    &t[..cut.len() + '均'.len_utf8()]
                } else {
                    cut
                };
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
            if b[i].is_ascii_digit() || b[i] == b'x' || b[i] == b'X' {
                i += 1;
            } else if let Some(dash) = range_dash_at(&s[i..]).filter(|_| i > start) {
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

/// `s` up to the first word that ends a noun phrase (see the `noun_end` cues).
fn cut_at_predicate(s: &str, lex: &Lexicon) -> String {
    for (i, c) in s.char_indices().skip(1) {
        if lex.noun_end.may_start(c) && lex.noun_end.longest_at(s, i).is_some() {
            return s[..i].to_string();
        }
    }
    s.to_string()
}

/// The words after a unit without the connectives at their edges.
fn trim_b(s: &str) -> String {
    s.trim_start_matches(|c: char| matches!(c, '的' | '，') || is_list_separator(c))
        .trim_end_matches(|c: char| matches!(c, '等' | '的' | '，' | '中') || is_list_separator(c))
        .to_string()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The name of the quantity written `quantity` in `text`, and the rule that gave it.
    pub(super) fn named(text: &str, quantity: &str) -> Option<(String, Rule)> {
        let lex = Lexicon::builtin();
        let n = crate::normalize::normalize(text, lex);
        let s = crate::structure::analyze(&n.text, lex);
        let meta = crate::meta::extract(&n.text, &s, lex);
        let mentions = crate::numbers::find(&n.text, &s.label_spans(), lex);
        let f = super::super::find(&n.text, &s, &meta, &mentions, lex);
        f.indicators
            .iter()
            .find(|i| mentions[i.mention].span.slice(&n.text) == quantity)
            .map(|i| (i.name.clone(), i.rule))
    }

    /// `text`'s quantity `quantity` is named `name` by `rule`.
    #[track_caller]
    pub(super) fn assert_name(text: &str, quantity: &str, name: &str, rule: Rule) {
        assert_eq!(
            named(text, quantity),
            Some((name.to_string(), rule)),
            "{text}"
        );
    }

    #[test]
    fn shares_of_a_whole() {
        let t = "城市环境空气质量达到良以上天数共计258天，占监测天数的82.2%。";
        assert_name(
            t,
            "82.2%",
            "城市环境空气质量达到良以上天数占比",
            Rule::Share,
        );
        let t = "完成提质增效设施1200座，占设施总数的67%。";
        assert_name(t, "67%", "完成提质增效设施占比", Rule::Share);
    }

    #[test]
    fn respective() {
        let t = "二氧化硫、氮氧化物排放总量分别削减1200吨、800吨。";
        assert_name(t, "1200吨", "二氧化硫排放总量削减", Rule::Respective);
        assert_name(t, "800吨", "氮氧化物排放总量削减", Rule::Respective);
        let t = "城市和农村污水处理率分别为95%和60%。";
        assert_name(t, "95%", "城市污水处理率", Rule::Respective);
        assert_name(t, "60%", "农村污水处理率", Rule::Respective);
    }

    #[test]
    fn change_subject() {
        let t = "审批时限由法定的20个工作日压缩至10个工作日。";
        assert_name(t, "20个工作日", "审批时限", Rule::ChangeSubject);
        assert_name(t, "10个工作日", "审批时限", Rule::ChangeSubject);
        // 由于 is "because"; 由3个部门组成 is a makeup
        assert_ne!(
            named("由于降雨，监测站点减少3个。", "3个").map(|n| n.1),
            Some(Rule::ChangeSubject)
        );
        assert_ne!(
            named("领导小组由3个部门组成。", "3个").map(|n| n.1),
            Some(Rule::ChangeSubject)
        );
    }

    #[test]
    fn range() {
        assert_name(
            "在站点周边3公里范围内开展排查。",
            "3公里",
            "站点周边范围",
            Rule::Range,
        );
    }

    #[test]
    fn before() {
        assert_name(
            "全区优良天数为287天。",
            "287天",
            "全区优良天数",
            Rule::Before,
        );
        assert_name(
            "全区PM2.5浓度为34.2微克/立方米，同比下降5.8%。",
            "34.2微克/立方米",
            "全区PM2.5浓度",
            Rule::Before,
        );
        assert_name(
            "全年实现优良天数326天，超省考核任务15天。",
            "326天",
            "实现优良天数",
            Rule::Before,
        );
        assert_name(
            "发放《告知书》、宣传册等资料2000余份。",
            "2000余份",
            "资料",
            Rule::Before,
        );
    }

    #[test]
    fn after_alone() {
        assert_name(
            "推动清洁能源替代，13家企业完成原辅料源头替代。",
            "13家",
            "企业完成原辅料源头替代",
            Rule::AfterAlone,
        );
        assert_name(
            "其中，16个重点项目已开工。",
            "16个",
            "重点项目",
            Rule::AfterAlone,
        );
    }

    #[test]
    fn after_quantity() {
        assert_name(
            "11个国省考断面10个达标，10个优Ⅲ。",
            "10个",
            "达标",
            Rule::AfterQuantity,
        );
    }

    #[test]
    fn predicate_after() {
        assert_name(
            "发动社区群众、干部职工200人投身社区卫生大清理。",
            "200人",
            "发动社区群众、干部职工投身社区卫生大清理",
            Rule::PredicateAfter,
        );
    }

    #[test]
    fn verb_object() {
        let t = "多方筹措奖金10万元，为社区建成了4座垃圾收集转运站，配发50个垃圾桶。";
        assert_name(t, "4座", "建成垃圾收集转运站", Rule::VerbObject);
        assert_name(t, "50个", "配发垃圾桶", Rule::VerbObject);
    }

    #[test]
    fn noun_after() {
        assert_name(
            "检查涉水企业、工地等12家单位。",
            "12家",
            "单位",
            Rule::NounAfter,
        );
        assert_name(
            "已完成排污口采样，其中270个排污口完成整治。",
            "270个",
            "排污口",
            Rule::AfterAlone,
        );
    }

    #[test]
    fn short_noun() {
        assert_name(
            "工作计划xx项任务。",
            "xx项",
            "工作计划任务",
            Rule::ShortNoun,
        );
    }

    #[test]
    fn table_cell() {
        let t = "项目\t浓度\nPM2.5\t32微克/立方米\nPM10\t58微克/立方米";
        assert_name(t, "32微克/立方米", "PM2.5浓度", Rule::TableCell);
        assert_name(t, "58微克/立方米", "PM10浓度", Rule::TableCell);
    }

    #[test]
    fn previous_item_and_share() {
        let t = "关闭淘汰落后产能和“散乱污”企业10家、治理7家。";
        assert_name(t, "10家", "关闭淘汰落后产能和“散乱污”企业", Rule::Before);
        assert_name(t, "7家", "治理企业", Rule::Subset);
        assert_name(
            "全市Ⅰ～Ⅲ类水质断面11个，占91.7%。",
            "91.7%",
            "全市Ⅰ~Ⅲ类水质断面占比",
            Rule::Share,
        );
    }

    #[test]
    fn bracketed_asides_stay_with_their_clause() {
        // the rank inside the aside is its own clause; the name reads across the aside
        assert_name(
            "重点项目（含新建、续建，共两类）完成投资5亿元。",
            "5亿元",
            "重点项目（含新建、续建，共两类）完成投资",
            Rule::Before,
        );
    }

    #[test]
    fn names_keep_their_last_thirty_characters() {
        // the head of a Chinese noun phrase is at its end; a cut word is left out after 、
        assert_eq!(
            tail_chars(
                "以局主要领导为组长、各科室和相关部门主要负责人为成员的领导小组",
                30
            ),
            "各科室和相关部门主要负责人为成员的领导小组"
        );
        assert_eq!(tail_chars("优良天数", 30), "优良天数");
    }
}
