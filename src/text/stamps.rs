//! Publication lines: the stamp a web page or a bulletin puts above or below a report
//! (`发布时间：2020-05-13 14:48 来源：市生态环境局`, `湖南省生态环境厅 时间:2021-12-16`,
//! `兰州日报·ZAKER兰州 2024-06-04`, `（时间:2023/2/27 9:50:05）`) and the labels of their
//! fields, which metadata tables space out to align them (`名 称：`, `时 效：`).

use crate::lexicon::Lexicon;
use crate::text::chars::{is_han, is_space, visible_len};

/// The field label at byte `i` of `s` and its colon: (bytes up to and including the colon,
/// the field). A two-character label may be spaced out (`名 称：`).
pub fn label_at<'l>(s: &str, i: usize, lex: &'l Lexicon) -> Option<(usize, &'l str)> {
    let colon = |rest: &str| -> Option<usize> {
        let t = rest.trim_start_matches(is_space);
        let c = t.chars().next().filter(|c| matches!(c, '：' | ':'))?;
        Some(rest.len() - t.len() + c.len_utf8())
    };
    if let Some((len, field)) = lex.source.longest_at(s, i) {
        if let Some(c) = colon(&s[i + len..]) {
            return Some((len + c, field));
        }
    }
    // 名 称： — two Han characters parted by spaces
    let mut it = s[i..].char_indices();
    let (_, a) = it.next().filter(|&(_, c)| is_han(c))?;
    let gap: usize = s[i + a.len_utf8()..]
        .chars()
        .take_while(|&c| is_space(c))
        .map(char::len_utf8)
        .sum();
    if gap == 0 || gap > 6 {
        return None;
    }
    let at_b = i + a.len_utf8() + gap;
    let b = s[at_b..].chars().next().filter(|&c| is_han(c))?;
    let mut key = String::with_capacity(6);
    key.push(a);
    key.push(b);
    let field = lex.source.get(&key)?;
    let end = at_b + b.len_utf8();
    let c = colon(&s[end..])?;
    Some((end + c - i, field))
}

/// Whether a label may start at byte `i` of `s`: at its start or after a space, a bar, a
/// bullet, an opening bracket or a digit (`…18:11 时间：`).
fn label_boundary(s: &str, i: usize) -> bool {
    i == 0
        || s[..i].ends_with(|c: char| {
            is_space(c)
                || matches!(c, '|' | '•' | '·' | '（' | '(' | '【' | '】')
                || c.is_ascii_digit()
        })
}

/// The labelled fields of a line: (label start, value start, value end, field), in order.
pub fn fields<'l>(s: &str, lex: &'l Lexicon) -> Vec<(usize, usize, usize, &'l str)> {
    let mut labels: Vec<(usize, usize, &str)> = Vec::new();
    let mut next = 0;
    for (i, _) in s.char_indices() {
        if i < next || !label_boundary(s, i) {
            continue;
        }
        if let Some((len, field)) = label_at(s, i, lex) {
            labels.push((i, i + len, field));
            next = i + len;
        }
    }
    labels
        .iter()
        .enumerate()
        .map(|(k, &(at, vstart, field))| {
            let vend = labels.get(k + 1).map_or(s.len(), |l| l.0);
            (at, vstart, vend, field)
        })
        .collect()
}

/// A line that starts with a field label and its colon (发布时间：, 来源：, 作者：).
pub fn is_source_line(s: &str, lex: &Lexicon) -> bool {
    let t = s.trim_start();
    label_at(t, 0, lex).is_some()
}

/// The date stamp of a publication line without labels: a date with a time, or a date with
/// a few words around it (`2026-01-31 07:00:44`, `兰州日报·ZAKER兰州 2024-06-04`): the byte
/// offset and length of the date.
pub fn date_stamp(s: &str) -> Option<(usize, crate::text::dates::DateFound)> {
    let t = s.trim();
    let (at, d) = crate::text::dates::find_date(t)?;
    let words = t[..at]
        .chars()
        .chain(t[at + d.len..].chars())
        .filter(|c| is_han(*c))
        .count();
    let after = t[at + d.len..].trim_start();
    let time = after.starts_with(|c: char| c.is_ascii_digit())
        && after[..crate::text::chars::floor_boundary(after, 6)].contains(':');
    // numeric dates are stamps; a date in words stamps a line only with a time or alone
    let numeric =
        t[at..].starts_with(|c: char| c.is_ascii_digit()) && !t[at..at + d.len].contains('年');
    let ok = if numeric {
        words <= 10
    } else {
        words <= 4 || (time && words <= 8)
    };
    ok.then(|| (s.len() - s.trim_start().len() + at, d))
}

/// A publication line: a field label and its colon inside a short line (`湖南省生态环境厅
/// 时间:2021-12-16 18:11`, `•来源：滁州日报`, `（时间:2021-6-4 10:48:54）`), or a date
/// stamp ([`date_stamp`]).
pub fn is_publication_line(s: &str, lex: &Lexicon) -> bool {
    let t = s.trim().trim_start_matches(['•', '·', '（', '(', '【']);
    if t.len() > 400 || visible_len(t) > 80 || t.contains('。') {
        return false;
    }
    is_source_line(t, lex) || !fields(t, lex).is_empty() || date_stamp(t).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_lines() {
        let lex = Lexicon::builtin();
        for s in [
            "发布时间：2020-05-13 14:48 来源：市生态环境局",
            "湖南省生态环境厅  时间：2021-12-16 18:11   【字体：",
            "• 来源：滁州日报",
            "（时间：2023/2/27 9:50:05） |",
            "2026-01-31 07:00:44",
            "兰州日报·ZAKER兰州 2024-06-04",
            "名 称：2025年2月江苏省水环境质量状况 | 文件编号： |",
            "浏览次数：更新时间：2015-11-27 19:06:22",
        ] {
            assert!(is_publication_line(s, lex), "{s}");
        }
        for s in [
            "2021年，全市空气质量持续改善。",
            "关于2021年5月3日突发环境事件的调查报告",
            "2015年全市环境保护工作总结和2016年工作计划",
        ] {
            assert!(!is_publication_line(s, lex), "{s}");
        }
        let f = fields("名 称：2025年2月 | 时 效： |", lex);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].3, "title");
    }
}
