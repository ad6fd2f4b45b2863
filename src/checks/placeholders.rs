//! The placeholders a draft still holds, every one: the numbers left as `xx`, `X.X%` or
//! `20XX` (the numbers stage reads them; phone numbers, URLs and codes are not numbers),
//! and the notes left to fill (`（待填）`, `【待补充】`).

use super::{CheckFound, CheckKind, CheckRule, Context, Verdict};
use crate::span::Span;

/// Notes an author leaves where text is still to come.
const TO_FILL: [&str; 5] = ["待填", "待补充", "待定", "待核实", "待更新"];

pub(super) fn check(ctx: &Context<'_>) -> Vec<CheckFound> {
    let mut out = Vec::new();
    // the indicator of each mention, if any
    let mut indicator_of = vec![None; ctx.mentions.len()];
    for (k, i) in ctx.findings.indicators.iter().enumerate() {
        if let Some(slot) = indicator_of.get_mut(i.mention) {
            *slot = Some(k);
        }
    }
    for (k, m) in ctx.mentions.iter().enumerate() {
        if !is_unfilled(ctx.text, m) {
            continue;
        }
        let indicators = indicator_of[k].into_iter().collect();
        out.push(unfilled(m.span.slice(ctx.text), indicators, m.span));
    }
    // notes to fill in brackets: found by their 待, which is rare
    let mut from = 0;
    while let Some(i) = ctx.text[from..].find('待').map(|i| from + i) {
        from = i + '待'.len_utf8();
        if !TO_FILL.iter().any(|w| ctx.text[i..].starts_with(w)) {
            continue;
        }
        let head = crate::text::chars::floor_boundary(ctx.text, i.saturating_sub(8 * 3));
        let tail = crate::text::chars::floor_boundary(ctx.text, (i + 8 * 3).min(ctx.text.len()));
        let open = ctx.text[head..i].rfind(['（', '【', '[', '(']);
        let Some(open) = open.map(|o| head + o) else {
            continue;
        };
        let close_of = match ctx.text[open..].chars().next() {
            Some('（') => '）',
            Some('【') => '】',
            Some('[') => ']',
            _ => ')',
        };
        let Some(close) = ctx.text[i..tail].find(close_of).map(|c| i + c) else {
            continue;
        };
        let span = Span::new(open, close + close_of.len_utf8());
        if span.slice(ctx.text).chars().count() <= 10 {
            out.push(unfilled(span.slice(ctx.text), Vec::new(), span));
        }
        from = span.end();
    }
    out
}

/// Whether a number mention is an unfilled placeholder of a draft: not a code (a phone
/// number), not inside a link or a query, not a sign in a quoted name.
pub(crate) fn is_unfilled(text: &str, m: &crate::numbers::Mention) -> bool {
    m.is_placeholder() && m.role != crate::numbers::Role::Code && !in_link_or_code(text, m.span)
}

/// Whether `span` stands inside a link, an address or a query (`?src=x`,
/// `www.x.cn`): the run of Latin text around it.
fn in_link_or_code(text: &str, span: Span<crate::span::Normalized>) -> bool {
    let latin = |c: char| c.is_ascii_graphic();
    let start = text[..span.start()]
        .char_indices()
        .rev()
        .find(|&(_, c)| !latin(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[span.end()..]
        .char_indices()
        .find(|&(_, c)| !latin(c))
        .map_or(text.len(), |(i, _)| span.end() + i);
    let run = &text[start..end];
    let link = ["://", "www.", "=", "@", ".htm", ".php", ".cn", ".com"]
        .iter()
        .any(|w| run.contains(w));
    // a sign closing a quoted name: “数据要素×”
    let sign = span.slice(text) == "×" && text[span.end()..].starts_with(['”', '」', '》', '’']);
    link || sign
}

fn unfilled(text: &str, indicators: Vec<usize>, span: Span<crate::span::Normalized>) -> CheckFound {
    CheckFound {
        kind: CheckKind::Placeholder,
        rule: CheckRule::Placeholder,
        verdict: Verdict::Unfilled,
        standard: None,
        limit: None,
        class: None,
        source: None,
        computed: Some(text.to_string()),
        message: format!("an unfilled placeholder: {text}"),
        indicators,
        spans: vec![span],
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::of;
    use super::*;

    #[test]
    fn every_placeholder_of_a_draft() {
        let t = "全年PM2.5平均浓度为xx微克/立方米，优良天数比例为X.X%，较20XX年上升x个百分点。\
                 完成投资（待填）万元。";
        let got = of(t, CheckRule::Placeholder);
        assert!(got.len() >= 4, "{got:?}");
        assert!(got.iter().any(|g| g.contains("（待填）")), "{got:?}");
        // phone numbers, links and a sign in a name are not placeholders
        assert!(of("获全国“数据要素×”大赛一等奖。", CheckRule::Placeholder).is_empty());
        let t = "联系电话：0571-8888XXXX，网址：http://www.example.gov.cn/index.html?src=x。";
        assert!(of(t, CheckRule::Placeholder).is_empty());
    }
}
