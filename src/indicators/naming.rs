//! Naming: the words that say what a quantity measures, read from its clause.

use super::tables::{table_cell_name, Line};
use super::{chars_len, clause_end, clause_start, RESPECTIVELY, WINDOW};
use crate::lexicon::{Lexicon, UnitCategory};
use crate::numbers::{Mention, MentionKind, Role};
use crate::span::{Normalized, Span};
use crate::text::chars::{is_han, is_space};

/// Whether the bare number `m` follows an index name (水环境质量指数3.2640, 综合指数为4.1).
pub(super) fn index_name_before(
    text: &str,
    sentence_start: usize,
    m: &Mention,
    lex: &Lexicon,
) -> bool {
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
            matches!(
                c,
                '，' | '、' | '；' | '：' | '。' | '和' | '及' | '并' | '且' | '与' | '的'
            )
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
        let head = &t[..crate::text::chars::floor_boundary(t, 36)];
        if let Some((i, c)) = head.char_indices().find(|&(i, c)| {
            (c == '期' && head[i..].starts_with("期间"))
                || (c == '以' && head[i..].starts_with("以来"))
        }) {
            t = &t[i + c.len_utf8() * 2..];
        }
        // 通报上半年全区…: a reporting period early in the name, and what comes before it
        let head = &t[..crate::text::chars::floor_boundary(t, 24)];
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
    let from = crate::text::chars::floor_boundary(text, m.span.start.saturating_sub(WINDOW))
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
        .min(crate::text::chars::floor_boundary(
            text,
            m.span.end + WINDOW,
        ));
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
pub(super) fn name_of<'t>(
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
        crate::text::labels::parse_label(&text[a_start..m.span.start])
            .map_or(a_start, |l| a_start + l.len)
    } else {
        a_start
    };
    let without_spaces = |s: &'t str| -> std::borrow::Cow<'t, str> {
        if crate::text::search::find_byte(s.as_bytes(), 0, b' ').is_some() {
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
        raw_a.ends_with('等') || crate::text::search::has(&raw_a, '、') || raw_a.ends_with('的');

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

/// When number `k` is one of the numbers that 分别 (respectively) gives the items of a list,
/// in order: its item with the noun the items share, and the verb after 分别
/// (二氧化硫、氮氧化物排放总量分别削减1200吨、800吨 → 二氧化硫排放总量 and 氮氧化物排放总量,
/// 削减). The shared noun is a known one ending the last item (`shared_head` in the cues),
/// or else what the last item holds beyond the length of the others when they are all as
/// long (城市和农村污水处理率).
pub(super) fn respective_item<'t>(
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

/// What naming remembers from one number of a text to the next.
#[derive(Default)]
pub(super) struct Memo {
    /// The last table row named and the first line of its table (its header), so that each
    /// row of a long table finds its header at once: (row start, row end, header line).
    pub(super) rows: std::cell::Cell<Option<(usize, usize, Line)>>,
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
                    from: crate::text::search::has(s, '由'),
                    respectively: crate::text::search::has_str(s, RESPECTIVELY),
                };
                self.cues.set(Some((sentence.start, cues)));
                cues
            }
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
