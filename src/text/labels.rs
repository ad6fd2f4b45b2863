//! Heading labels of GB/T 9704 and their common variants, recognised at the start of a
//! line: `一、` `（一）` `1.` `1、` `（1）` `①`, and `第一部分` / `第一章` above them.
//!
//! Both normalization (a line that starts with a label is never glued to the line before)
//! and structure (labels make headings) use this one recogniser.

use crate::text::chars::{chinese_digit, chinese_small_unit, is_han, is_space};

/// The kind of a heading label; its place in the GB/T 9704 hierarchy gives its level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabelKind {
    /// `第一部分`, `第一章`: above the GB/T levels.
    Part,
    /// `一、` (also `一．`): level 1.
    Chinese,
    /// `（一）`: level 2.
    ChineseParen,
    /// `1.` `1、` `1．` (and `1 ` when it fits the sequence): level 3.
    Arabic,
    /// `（1）` `1）`: level 4.
    ArabicParen,
    /// `①`: level 5.
    Circled,
    /// `2.1` followed by a space, the second level of a decimal outline under `2`: level 4.
    Decimal,
}

impl LabelKind {
    /// The GB/T 9704 level of this kind of label (1 for `一、`); `Part` is 0.
    pub fn level(self) -> u8 {
        match self {
            LabelKind::Part => 0,
            LabelKind::Chinese => 1,
            LabelKind::ChineseParen => 2,
            LabelKind::Arabic => 3,
            LabelKind::ArabicParen => 4,
            LabelKind::Circled => 5,
            LabelKind::Decimal => 4,
        }
    }
}

/// A label found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    pub kind: LabelKind,
    /// The number the label gives (三 → 3).
    pub number: u32,
    /// Length of the label in bytes, with the spaces after it.
    pub len: usize,
    /// Length of the label itself in bytes (`一、`, `（一）`, `5`).
    pub label_len: usize,
    /// The label is only a number followed by a space (`5 全力保障…`): trusted only when it
    /// continues a sequence.
    pub weak: bool,
}

/// Parses a small Chinese number (一 … 九十九) at the start of `s`: value and byte length.
pub fn small_chinese_number(s: &str) -> Option<(u32, usize)> {
    let mut value = 0u32;
    let mut digit: Option<u32> = None;
    let mut len = 0;
    for (i, c) in s.char_indices() {
        if let Some(d) = chinese_digit(c) {
            if c == '两' || digit.is_some() {
                break;
            }
            digit = Some(d);
        } else if chinese_small_unit(c) == Some(10) {
            value += digit.take().unwrap_or(1) * 10;
        } else {
            break;
        }
        len = i + c.len_utf8();
        if len > 12 {
            return None;
        }
    }
    value += digit.unwrap_or(0);
    (len > 0 && value > 0).then_some((value, len))
}

fn arabic_number(s: &str) -> Option<(u32, usize)> {
    let len = s.bytes().take_while(|b| b.is_ascii_digit()).count();
    if len == 0 || len > 3 {
        return None;
    }
    Some((s[..len].parse().ok()?, len))
}

fn circled_number(c: char) -> Option<u32> {
    match c {
        '①'..='⑳' => Some(c as u32 - '①' as u32 + 1),
        '㉑'..='㉟' => Some(c as u32 - '㉑' as u32 + 21),
        _ => None,
    }
}

fn spaces_len(s: &str) -> usize {
    s.char_indices()
        .find(|&(_, c)| !is_space(c))
        .map_or(s.len(), |(i, _)| i)
}

/// The heading label at the start of `line`, if any. `line` is normalized text (Chinese
/// brackets `（）`, half-width digits).
pub fn parse_label(line: &str) -> Option<Label> {
    let first = line.chars().next()?;
    let finish = |kind, number, label_len: usize, weak| {
        let len = label_len + spaces_len(&line[label_len..]);
        // a label heads text: something must follow it on the line
        (len < line.len()).then_some(Label {
            kind,
            number,
            len,
            label_len,
            weak,
        })
    };
    if first == '（' || first == '(' {
        let inner = &line[first.len_utf8()..];
        let close = |n: usize| -> Option<usize> {
            let c = inner[n..].chars().next()?;
            matches!(c, '）' | ')').then(|| first.len_utf8() + n + c.len_utf8())
        };
        if let Some((n, l)) = small_chinese_number(inner) {
            return finish(LabelKind::ChineseParen, n, close(l)?, false);
        }
        if let Some((n, l)) = arabic_number(inner) {
            return finish(LabelKind::ArabicParen, n, close(l)?, false);
        }
        return None;
    }
    if let Some(n) = circled_number(first) {
        return finish(LabelKind::Circled, n, first.len_utf8(), false);
    }
    if first == '第' {
        let rest = &line[first.len_utf8()..];
        let (n, l) = small_chinese_number(rest)?;
        let after = &rest[l..];
        let unit = ["部分", "章", "篇"]
            .iter()
            .find(|u| after.starts_with(*u))?;
        let label_len = first.len_utf8() + l + unit.len();
        let tail = &line[label_len..];
        // 第一部分 must stand as a label: followed by a space, a separator or a title
        let sep = tail
            .chars()
            .next()
            .filter(|&c| matches!(c, '、' | '：' | '　' | ' ' | '\t'));
        let label_len = label_len + sep.map_or(0, char::len_utf8);
        return finish(LabelKind::Part, n, label_len, false);
    }
    if let Some((n, l)) = small_chinese_number(line) {
        let next = line[l..].chars().next()?;
        return match next {
            '、' | '．' | '.' => finish(LabelKind::Chinese, n, l + next.len_utf8(), false),
            // a paren label whose opening bracket was lost or left out: 三）改革开放
            '）' | ')' => finish(LabelKind::ChineseParen, n, l + next.len_utf8(), false),
            _ => None,
        };
    }
    if let Some((n, l)) = arabic_number(line) {
        let rest = &line[l..];
        let next = rest.chars().next()?;
        return match next {
            '、' | '．' => finish(LabelKind::Arabic, n, l + next.len_utf8(), false),
            // 1. but not a decimal (1.5万) or a date (2021.3.1); 2.1 and a space before a
            // title is the outline's second level, trusted when it continues a sequence
            '.' => {
                let after = rest[1..].chars().next()?;
                if !after.is_ascii_digit() {
                    return finish(LabelKind::Arabic, n, l + 1, false);
                }
                let (m, ml) = arabic_number(&rest[1..])?;
                let tail = &rest[1 + ml..];
                let spaces = spaces_len(tail);
                let title = tail[spaces..].chars().next()?;
                (n < 100 && m < 100 && spaces > 0 && is_han(title))
                    .then(|| finish(LabelKind::Decimal, m, l + 1 + ml, true))?
            }
            '）' | ')' => finish(LabelKind::ArabicParen, n, l + next.len_utf8(), false),
            c if is_space(c) => {
                let after = rest[spaces_len(rest)..].chars().next()?;
                (is_han(after) && n < 100).then(|| finish(LabelKind::Arabic, n, l, true))?
            }
            _ => None,
        };
    }
    None
}

/// Whether `line` starts with an enumeration word (`一是`, `二要`, `首先`) rather than a label.
pub fn starts_enumeration(line: &str) -> bool {
    if let Some((_, l)) = small_chinese_number(line) {
        return matches!(line[l..].chars().next(), Some('是' | '要' | '抓' | '在'));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn assert_label(line: &str, kind: LabelKind, number: u32, label: &str) {
        let l = parse_label(line).unwrap_or_else(|| panic!("no label in {line:?}"));
        assert_eq!(
            (l.kind, l.number, &line[..l.label_len]),
            (kind, number, label),
            "{line}"
        );
    }

    #[test]
    fn gb_9704_labels() {
        assert_label("一、工作情况", LabelKind::Chinese, 1, "一、");
        assert_label("十二、其他", LabelKind::Chinese, 12, "十二、");
        assert_label("（一）深学细悟", LabelKind::ChineseParen, 1, "（一）");
        assert_label("(七)聚焦绿色发展", LabelKind::ChineseParen, 7, "(七)");
        assert_label("1. 打好蓝天保卫战", LabelKind::Arabic, 1, "1.");
        assert_label("2、着力解决", LabelKind::Arabic, 2, "2、");
        assert_label("5 全力保障区域环境安全", LabelKind::Arabic, 5, "5");
        assert_label("（3）加强", LabelKind::ArabicParen, 3, "（3）");
        assert_label("②强化", LabelKind::Circled, 2, "②");
        assert_label("三）改革开放", LabelKind::ChineseParen, 3, "三）");
        assert_label("第二部分 工作计划", LabelKind::Part, 2, "第二部分 ");
        assert!(parse_label("5 全力").unwrap().weak);
        assert_label("2.1  全省整体情况", LabelKind::Decimal, 1, "2.1");
        assert!(parse_label("2.1 全省").unwrap().weak);
    }

    #[test]
    fn not_labels() {
        for line in [
            "1.5万口网箱",
            "2021年，金坛",
            "一是加强秸秆禁烧管控",
            "6月初，市局召开",
            "第三批江苏省",
            "一、",
            "2022 年",
            "统一思想",
            "(市、区)",
            "100 家",
            "2.1万吨",
            "2.15%",
        ] {
            assert_eq!(parse_label(line), None, "{line}");
        }
        assert!(starts_enumeration("一是加强"));
        assert!(!starts_enumeration("一、加强"));
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(small_chinese_number("二十三、"), Some((23, 9)));
        assert_eq!(small_chinese_number("十、"), Some((10, 3)));
        assert_eq!(small_chinese_number("两个"), None);
    }
}
