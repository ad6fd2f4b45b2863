//! The issuing body when no signature or header names it: the organisation a title opens
//! with, an official's byline, a newspaper's dateline, the source a reporter learned from,
//! or one that opens a sentence of the first paragraphs.

use crate::lexicon::Lexicon;
use crate::structure::split_orgs;
use crate::text::chars::{is_han, is_space};
use crate::text::words::is_function_word;

/// Characters that may stand in an organisation's name when reading it backwards from its
/// suffix: Han characters (not function words) and placeholders.
pub(super) fn org_name_char(c: char) -> bool {
    (is_han(c) && !is_function_word(c)) || matches!(c, 'x' | 'X' | '×')
}

/// Organisation names that open a sentence or clause of `s` (`2021年，金坛生态环境局把…`,
/// `我代表省人民政府…`).
pub(super) fn subject_orgs(s: &str, lex: &Lexicon) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (end, _) in s.char_indices().map(|(i, c)| (i + c.len_utf8(), c)) {
        let Some((slen, _)) = lex.org_suffix.longest_ending_at(s, end) else {
            continue;
        };
        if lex.not_org.longest_ending_at(s, end).is_some() {
            continue;
        }
        // the longest suffix only: skip 局 when 生态环境局 also ends here
        let mut start = end - slen;
        while let Some(c) = s[..start].chars().next_back().filter(|&c| org_name_char(c)) {
            if lex.before_org.longest_ending_at(s, start).is_some() {
                break;
            }
            start -= c.len_utf8();
            if end - start > 48 {
                break;
            }
        }
        let opener = lex.before_org.longest_ending_at(s, start);
        let before = start - opener.map_or(0, |(l, _)| l);
        let boundary = s[..before].chars().next_back().is_none_or(|c| {
            matches!(
                c,
                '，' | '。' | '；' | '：' | '！' | '？' | '\n' | '“' | '”' | ' '
            )
        });
        let name_len = s[start..end - slen].chars().count();
        if boundary && name_len >= 1 && out.last().is_none_or(|&(_, e)| e <= start) {
            out.push((start, end));
        }
    }
    out
}

/// The organisation a title opens with (安康市生态环境局2019年…, 某区生态环境局召开…,
/// 某市生态环境局关于…): the longest prefix that ends in an organisation suffix.
pub(super) fn title_org(title: &str, lex: &Lexicon) -> Option<String> {
    let t: String = title.chars().filter(|c| !is_space(*c)).collect();
    let limit = crate::text::search::match_starts(&t, "关于")
        .next()
        .unwrap_or(t.len());
    let mut best: Option<Vec<(usize, usize)>> = None;
    for (i, c) in t[..limit].char_indices() {
        let end = i + c.len_utf8();
        if lex.org_suffix.longest_ending_at(&t, end).is_none() {
            continue;
        }
        let orgs = split_orgs(&t[..end], lex);
        if orgs.last().is_some_and(|o| o.1 == end) {
            best = Some(orgs);
        }
    }
    let orgs = best?;
    let names: Vec<&str> = orgs.iter().map(|&(a, b)| &t[a..b]).collect();
    Some(names.join("、"))
}

/// The body an official's byline speaks for: 重庆市人民政府市长 胡衡华 → 重庆市人民政府;
/// 省长 罗东川 → 省人民政府 (the place to be filled in). Reporters' bylines name none.
pub(super) fn byline_org(line: &str, lex: &Lexicon) -> Option<String> {
    let (role, _) = line.trim().rsplit_once(' ')?;
    let role = role.trim();
    let (tlen, _) = lex.official_title.longest_ending_at(role, role.len())?;
    let body = role[..role.len() - tlen].trim();
    if !body.is_empty() {
        let orgs = split_orgs(body, lex);
        return (!orgs.is_empty()).then(|| body.to_string());
    }
    // 省长, 市长, 县长, 区长: the head of a people's government
    let title = &role[role.len() - tlen..];
    let mut chars = title.chars();
    let (level, head) = (chars.next()?, chars.as_str());
    (head == "长" && matches!(level, '省' | '市' | '县' | '区' | '州' | '旗'))
        .then(|| format!("{level}人民政府"))
}

/// The newspaper or site of a dateline that opens a report: 千岛湖新闻网讯（记者…）,
/// 南宁云—南宁晚报讯. Not 本报讯, which names no one.
pub(super) fn dateline_media(s: &str, lex: &Lexicon) -> Option<(usize, usize)> {
    let head = &s[..crate::text::chars::floor_boundary(s, 90)];
    let at = head.find('讯')?;
    let after = &s[at + '讯'.len_utf8()..];
    if !after.starts_with(['（', '(', ' ', '：', '【', '　'])
        && !after.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let start = head[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c) || c.is_ascii_alphanumeric())
        .last()
        .map_or(at, |(i, _)| i);
    let name = &s[start..at];
    let ok = name.chars().count() >= 2
        && !name.starts_with('本')
        && lex
            .media_suffix
            .longest_ending_at(name, name.len())
            .is_some();
    ok.then_some((start, at))
}

/// The source a reporter learned from: 记者从四川省…领导小组办公室获悉 → that office.
pub(super) fn learned_from(s: &str, lex: &Lexicon) -> Option<(usize, usize)> {
    for at in crate::text::search::match_starts(s, "记者从") {
        let from = at + "记者从".len();
        let rest = &s[from..crate::text::chars::floor_boundary(s, from + 150)];
        let stop = rest.find(['，', '。', '；']).unwrap_or(rest.len());
        let window = &rest[..stop];
        for (i, _) in window.char_indices() {
            if lex.learned_verb.longest_at(window, i).is_some() {
                let name = &window[..i];
                if lex.org_suffix.longest_ending_at(name, name.len()).is_some() {
                    return Some((from, from + i));
                }
                break;
            }
        }
    }
    None
}
