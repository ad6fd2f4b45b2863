//! The issuing body when no signature or header names it: the organisation a title opens
//! with, or one that opens a sentence of the first paragraphs.

use super::{Found, MetaFound};
use crate::lexicon::Lexicon;
use crate::structure::split_orgs;
use crate::text::chars::{is_han, is_space};
use crate::text::words::is_function_word;

/// Characters that may stand in an organisation's name when reading it backwards from its
/// suffix: Han characters (not function words) and placeholders.
pub(super) fn org_name_char(c: char) -> bool {
    (is_han(c) && !is_function_word(c)) || matches!(c, 'x' | 'X' | '×')
}

/// Organisation names that open a sentence or clause of `s` (`2021年，金坛生态环境局把…`).
pub(super) fn subject_orgs(s: &str, lex: &Lexicon) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (end, _) in s.char_indices().map(|(i, c)| (i + c.len_utf8(), c)) {
        let Some((slen, _)) = lex.org_suffix.longest_ending_at(s, end) else {
            continue;
        };
        // the longest suffix only: skip 局 when 生态环境局 also ends here
        let mut start = end - slen;
        while let Some(c) = s[..start].chars().next_back().filter(|&c| org_name_char(c)) {
            start -= c.len_utf8();
            if end - start > 48 {
                break;
            }
        }
        let boundary = s[..start].chars().next_back().is_none_or(|c| {
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
pub(super) fn title_org(text: &str, m: &MetaFound, lex: &Lexicon) -> Option<Found<String>> {
    let title = m.title.as_ref()?;
    let raw = title.span.slice(text);
    let t: String = raw.chars().filter(|c| !is_space(*c)).collect();
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
    Some(Found {
        value: names.join("、"),
        span: title.span,
    })
}
