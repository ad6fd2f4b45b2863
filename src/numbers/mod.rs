//! Numbers: every numeral of the normalized text, what form it has and what role it plays.
//!
//! A [`Mention`] is a numeral with what belongs to it: an approximation marker before or
//! after (`约`, `近`, `余`, `多`, `左右`), the `万`/`亿` folded into its value, and the unit
//! or measure word that follows (`家`, `微克/立方米`, `家（次）`, `个百分点`). Its
//! [`Role`] says what it is: a quantity, a date, an ordinal, part of a name (`十四五`,
//! `PM2.5`, `“六个结合”`), a heading label, or an indefinite `一` (`一项重要任务`).
//! Whether a quantity is an indicator, a comparison or a rank is decided later, in
//! [`crate::indicators`].

use crate::lexicon::{Lexicon, Qualifier, UnitCategory};
use crate::names::named_enum;
use crate::span::{Normalized, Span};
use crate::text::chars::{char_before, is_chinese_numeral, is_placeholder_letter};

mod ranges;
mod scan;

use scan::{Context, Scan};

named_enum! {
    /// The written form of a number.
    pub enum MentionKind {
        /// A whole number: 287, 三十.
        Integer = "integer",
        /// A number with decimals: 34.2, 三点五.
        Decimal = "decimal",
        /// A share: 78.6%, 百分之五十.
        Percent = "percent",
        /// A fraction: 三分之一.
        Fraction = "fraction",
        /// A position: 第三, 第x位.
        Ordinal = "ordinal",
        /// Unfilled digits: xx, x.x.
        Placeholder = "placeholder",
        /// A year: 2021年, 二〇二一年.
        Year = "year",
        /// A month: 6月.
        Month = "month",
        /// A day of the month: 31日.
        Day = "day",
        /// A date written with digits: 2020-05-13; or a period (近3年).
        Date = "date",
        /// A time of day: 14:48.
        Time = "time",
        /// Part of a code or formula: PM2.5, DB51/2672.
        Code = "code",
    }
}

named_enum! {
    /// What a number is in its context.
    pub enum Role {
        /// A counted or measured fact with a unit.
        Quantity = "quantity",
        /// A date, year, month, day or time.
        Date = "date",
        /// 第三批, 十九届: an ordinal.
        Ordinal = "ordinal",
        /// Part of a name: 十四五, “六个结合”, 《…2021年…》, 五位一体.
        Name = "name",
        /// Part of a code or formula: PM2.5, NO2, DB51/2672, 3D.
        Code = "code",
        /// A heading label: 1. or （一）.
        Label = "label",
        /// An indefinite 一 (一项重要任务, 一批).
        Indefinite = "indefinite",
        /// A number without a unit.
        Bare = "bare",
    }
}

/// A unit found after a number.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitFound {
    pub span: Span<Normalized>,
    /// The unit as written, without 万/亿 (元 for 10万元).
    pub text: String,
    /// The unit as written, with 万/亿 (万元).
    pub written: String,
    pub canonical: String,
    pub category: UnitCategory,
}

/// A number of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The numeral with its markers and unit.
    pub span: Span<Normalized>,
    /// The numeral alone, 万/亿 included.
    pub number: Span<Normalized>,
    /// The value in the unit (3.5万口 → 35000); `None` for placeholders.
    pub value: Option<f64>,
    pub kind: MentionKind,
    pub role: Role,
    pub unit: Option<UnitFound>,
    pub qualifier: Option<Qualifier>,
    /// Written with Chinese numerals.
    pub chinese: bool,
    /// The ends of a range (`3-5天`, `3万至5万吨`, `20%～30%`), in the unit; `value` is
    /// then `None`.
    pub range: Option<(Option<f64>, Option<f64>)>,
}

impl Mention {
    /// Whether the digits are an unfilled placeholder.
    pub fn is_placeholder(&self) -> bool {
        self.kind == MentionKind::Placeholder
    }
}

/// Finds every number of `text`, at most [`MAX_NUMERALS`](crate::limits::MAX_NUMERALS).
/// `labels` are the spans of heading labels.
pub fn find(text: &str, labels: &[Span<Normalized>], lex: &Lexicon) -> Vec<Mention> {
    find_capped(text, labels, lex).0
}

/// [`find`], with the byte offset where reading stopped when the text holds more numerals
/// than the limit.
pub fn find_capped(
    text: &str,
    labels: &[Span<Normalized>],
    lex: &Lexicon,
) -> (Vec<Mention>, Option<usize>) {
    const OPEN_QUOTE: &[u8] = "“".as_bytes();
    const CLOSE_QUOTE: &[u8] = "”".as_bytes();
    const OPEN_TITLE: &[u8] = "《".as_bytes();
    const CLOSE_TITLE: &[u8] = "》".as_bytes();
    const OPEN_PAREN: &[u8] = "（".as_bytes();
    let ctx = Context { text, lex, labels };
    let mut out: Vec<Mention> = Vec::with_capacity(text.len() / 96);
    let bytes = text.as_bytes();
    // names the numbers may stand in: “short quotations” (decided when they close),
    // 《book titles》, and （三次回收）: short brackets opening with a Chinese numeral
    let mut quote: Option<(usize, usize)> = None; // (start, index of the first mention after it)
    let mut in_title = false;
    let mut paren_name_end = 0;
    let mut i = 0;
    let mut cut = None;
    while i < bytes.len() {
        let b = bytes[i];
        let next = if b.is_ascii_digit() {
            ctx.numeral(i, out.last())
        } else if b < 0x80 {
            if b == b'\n' {
                quote = None;
                in_title = false;
            }
            // a placeholder (not a word like NOx or max), a minus sign (not a range's dash)
            let after_word =
                i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'%');
            // (a dash right after a number is a range's: 2019年-2020年)
            let sign = b == b'-'
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                && out.last().is_none_or(|m| m.span.end() != i);
            if (is_placeholder_letter(b as char) || sign) && !after_word {
                ctx.numeral(i, out.last())
            } else {
                Scan::Skip(i + 1)
            }
        } else if (0xE2..=0xEF).contains(&b) && i + 2 < bytes.len() {
            let rest = &bytes[i..];
            if matches!(b, 0xE2 | 0xE3 | 0xEF) {
                // punctuation and symbols: the marks that enclose names
                if rest.starts_with(OPEN_QUOTE) {
                    quote = Some((i, out.len()));
                } else if rest.starts_with(CLOSE_QUOTE) {
                    if let Some((s, first)) = quote.take() {
                        if text[s..i].chars().count() <= 17 {
                            for m in &mut out[first..] {
                                if m.role != Role::Label {
                                    m.role = Role::Name;
                                }
                            }
                        }
                    }
                } else if rest.starts_with(OPEN_TITLE) {
                    in_title = true;
                } else if rest.starts_with(CLOSE_TITLE) {
                    in_title = false;
                } else if rest.starts_with(OPEN_PAREN) {
                    let from = i + 3;
                    let inner = &text[from..crate::text::chars::floor_boundary(text, from + 24)];
                    if let Some(close) = inner.find('）') {
                        let content = &inner[..close];
                        if content.chars().count() <= 6 && content.starts_with(is_chinese_numeral) {
                            paren_name_end = from + close;
                        }
                    }
                }
            }
            // a three-byte character: decode it by hand, most are not numerals
            let code = ((b as u32 & 0x0F) << 12)
                | ((bytes[i + 1] as u32 & 0x3F) << 6)
                | (bytes[i + 2] as u32 & 0x3F);
            match char::from_u32(code) {
                Some(c) if scan::may_start_chinese(text, i, c) => ctx.numeral(i, out.last()),
                _ => Scan::Skip(i + 3),
            }
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            let after_word = char_before(text, i).is_some_and(|p| p.is_ascii_alphanumeric());
            if (c == '×' && !after_word) || scan::may_start_chinese(text, i, c) {
                ctx.numeral(i, out.last())
            } else {
                Scan::Skip(i + c.len_utf8())
            }
        };
        match next {
            Scan::Skip(n) => i = n.max(i + 1),
            Scan::Found(mut m, n) => {
                if (in_title || m.number.start() < paren_name_end) && m.role != Role::Label {
                    m.role = Role::Name;
                }
                out.push(m);
                i = n.max(i + 1);
                if out.len() >= crate::limits::MAX_NUMERALS && i < bytes.len() {
                    cut = Some(i);
                    break;
                }
            }
        }
        while i < bytes.len() && (bytes[i] & 0xC0) == 0x80 {
            i += 1;
        }
    }
    ranges::link_ranges(text, &mut out);
    let mut mentions = ranges::merge_ranges(text, out);
    // kept to the end of the analysis: not with the slack of its growth
    mentions.shrink_to_fit();
    (mentions, cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str) -> Vec<Mention> {
        let lex = Lexicon::builtin();
        let n = crate::normalize::normalize(text, lex);
        find(&n.text, &[], lex)
    }

    #[track_caller]
    fn assert_quantity(text: &str, value: Option<f64>, unit: &str, qualifier: Option<Qualifier>) {
        let ms = mentions(text);
        let q: Vec<&Mention> = ms.iter().filter(|m| m.role == Role::Quantity).collect();
        assert_eq!(q.len(), 1, "{text}: {ms:#?}");
        let m = q[0];
        assert_eq!(m.value, value, "{text}");
        assert_eq!(
            m.unit.as_ref().map(|u| u.text.as_str()),
            Some(unit),
            "{text}"
        );
        assert_eq!(m.qualifier, qualifier, "{text}");
    }

    #[track_caller]
    fn assert_no_quantity(text: &str) {
        let ms = mentions(text);
        assert!(
            ms.iter().all(|m| m.role != Role::Quantity),
            "{text}: {ms:#?}"
        );
    }

    #[track_caller]
    fn assert_role(text: &str, role: Role, kind: MentionKind) {
        let ms = mentions(text);
        assert!(
            ms.iter().any(|m| m.role == role && m.kind == kind),
            "{text}: {ms:#?}"
        );
    }

    #[test]
    fn quantities() {
        assert_quantity("关闭企业10家", Some(10.0), "家", None);
        assert_quantity("清理网箱3.5万口", Some(35000.0), "口", None);
        assert_quantity("筹措奖金10万元", Some(100000.0), "元", None);
        assert_quantity("会议30余次", Some(30.0), "次", Some(Qualifier::Over));
        assert_quantity("转载百余篇", Some(100.0), "篇", Some(Qualifier::Over));
        assert_quantity("浓度为34.2微克/立方米", Some(34.2), "微克/立方米", None);
        assert_quantity("优良率为78.6%", Some(78.6), "%", None);
        assert_quantity("帮扶80家（次）", Some(80.0), "家（次）", None);
        assert_quantity("增长6.5%左右", Some(6.5), "%", Some(Qualifier::About));
        assert_quantity("约20万人", Some(200000.0), "人", Some(Qualifier::About));
        assert_quantity("两个试点项目", Some(2.0), "个", None);
        assert_quantity("八个专项工作组", Some(8.0), "个", None);
        assert_quantity("3万4000吨", Some(34000.0), "吨", None);
        assert_quantity("1,100万元", Some(11_000_000.0), "元", None);
        assert_quantity("下降3个百分点", Some(3.0), "个百分点", None);
        assert_quantity("百分之零点九", Some(0.9), "%", None);
        assert_quantity("二十万余株", Some(200000.0), "株", Some(Qualifier::Over));
        assert_quantity("6 项重点任务", Some(6.0), "项", None);
    }

    #[test]
    fn placeholders() {
        assert_quantity("召开会议xx次", None, "次", None);
        assert_quantity("上升x.x%", None, "%", None);
        assert_quantity("罚款XX万元", None, "元", None);
        assert_quantity("检查xxx余家(次)", None, "家（次）", Some(Qualifier::Over));
        assert_quantity("阅读量近x万次", None, "次", Some(Qualifier::Under));
        assert_quantity("构建约xxxxxmx", None, "m²", Some(Qualifier::About));
        assert_role("20xx年是开局之年", Role::Date, MentionKind::Year);
    }

    #[test]
    fn not_quantities() {
        assert_no_quantity("2019年春节期间");
        assert_no_quantity("5月31日取得批复");
        assert_no_quantity("1-6月空气质量");
        assert_no_quantity("第三批示范县");
        assert_no_quantity("“十四五”规划");
        assert_no_quantity("实现“两个一百年”奋斗目标");
        assert_no_quantity("突出“六个结合”");
        assert_no_quantity("PM2.5浓度");
        assert_no_quantity("Ⅲ类水质");
        assert_no_quantity("《x市锅炉大气污染排放标准》(DBxx/xxxx-xxxx)");
        assert_no_quantity("作为一项重要政治任务");
        assert_no_quantity("十九届六中全会和市委十三届九次全会");
        assert_no_quantity("统一思想，进一步推进");
        assert_no_quantity("农村万人千吨水源地");
        assert_no_quantity("千方百计推进五位一体");
        assert_no_quantity("二〇二一年工作");
        assert_no_quantity("排污许可标准DB51/2672");
        assert_no_quantity("安装xD气溶胶雷达");
        assert_no_quantity("节约用水");
    }

    #[test]
    fn kinds() {
        assert_role("2019年", Role::Date, MentionKind::Year);
        assert_role("二〇二一年", Role::Date, MentionKind::Year);
        assert_role("6月1日", Role::Date, MentionKind::Day);
        assert_role("发布时间 14:48", Role::Date, MentionKind::Time);
        assert_role("2020-05-13", Role::Date, MentionKind::Date);
        assert_role("第三批", Role::Ordinal, MentionKind::Ordinal);
        assert_role("排名第xx位", Role::Ordinal, MentionKind::Ordinal);
        assert_role("PM2.5", Role::Code, MentionKind::Code);
        assert_role("三分之一", Role::Quantity, MentionKind::Fraction);
        assert_role("1-6月", Role::Date, MentionKind::Month);
        assert_role("一项任务", Role::Indefinite, MentionKind::Integer);
    }

    #[test]
    fn spans_cover_markers() {
        let t = "阅读量近x万次，会议30余次";
        let ms = find(t, &[], Lexicon::builtin());
        let texts: Vec<&str> = ms.iter().map(|m| m.span.slice(t)).collect();
        assert_eq!(texts, vec!["近x万次", "30余次"]);
    }
}
