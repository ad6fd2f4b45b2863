//! The placeholders a draft still holds, every one: the numbers left as `xx`, `X.X%` or
//! `20XX` (the numbers stage reads them; phone numbers, URLs and codes are not numbers),
//! and the notes left to fill (`（待填）`, `【待补充】`).

use super::{CheckFound, CheckKind, CheckRule, Context, Verdict};
use crate::span::Span;

/// Notes an author leaves where text is still to come.
const TO_FILL: [&str; 5] = ["待填", "待补充", "待定", "待核实", "待更新"];

pub(super) fn check(ctx: &Context<'_>) -> Vec<CheckFound> {
    let mut out = Vec::new();
    for m in ctx.mentions.iter().filter(|m| {
        m.is_placeholder()
            && m.role != crate::numbers::Role::Code
            && !in_link_or_code(ctx.text, m.span)
    }) {
        let indicators = ctx
            .findings
            .indicators
            .iter()
            .position(|i| ctx.mentions[i.mention].span == m.span)
            .into_iter()
            .collect();
        out.push(unfilled(m.span.slice(ctx.text), indicators, m.span));
    }
    for (open, close) in [('（', '）'), ('【', '】'), ('[', ']'), ('(', ')')] {
        let mut from = 0;
        while let Some(i) = ctx.text[from..].find(open).map(|i| from + i) {
            let inner_start = i + open.len_utf8();
            let Some(j) = ctx.text[inner_start..].find(close).map(|j| inner_start + j) else {
                break;
            };
            let inner = &ctx.text[inner_start..j];
            if inner.chars().count() <= 8 && TO_FILL.iter().any(|w| inner.contains(w)) {
                let span = Span::new(i, j + close.len_utf8());
                out.push(unfilled(span.slice(ctx.text), Vec::new(), span));
            }
            from = inner_start;
        }
    }
    out
}

/// Whether `span` stands inside a link, an address or a query (`?src=x`,
/// `www.x.cn`): the run of Latin text around it.
pub(crate) fn in_link_or_code(text: &str, span: Span<crate::span::Normalized>) -> bool {
    let latin = |c: char| c.is_ascii_graphic();
    let start = text[..span.start]
        .char_indices()
        .rev()
        .find(|&(_, c)| !latin(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[span.end..]
        .char_indices()
        .find(|&(_, c)| !latin(c))
        .map_or(text.len(), |(i, _)| span.end + i);
    let run = &text[start..end];
    let link = ["://", "www.", "=", "@", ".htm", ".php", ".cn", ".com"]
        .iter()
        .any(|w| run.contains(w));
    // a sign closing a quoted name: “数据要素×”
    let sign = span.slice(text) == "×" && text[span.end..].starts_with(['”', '」', '》', '’']);
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
