//! Ranges of numbers: in `1-6月` the 1 is a month too, in `2016-2030` both are years, and
//! `3-5天`, `3万至5万吨`, `20%～30%`, `一百二十到一百五十万元` are one quantity each, from one
//! end to the other in the unit they share.

use super::{Mention, MentionKind, Role};
use crate::text::words::is_range_dash;

/// Links ranges: in `1-6月` the 1 is a month too, in `3—5天` the 3 takes the unit.
pub(super) fn link_ranges(text: &str, mentions: &mut [Mention]) {
    for k in 1..mentions.len() {
        let (a, b) = mentions.split_at_mut(k);
        let (prev, cur) = (&mut a[k - 1], &b[0]);
        let between = &text[prev.span.end().min(cur.span.start())..cur.span.start()];
        let dash = is_range_dash(between);
        if !dash || prev.role != Role::Bare {
            continue;
        }
        match cur.kind {
            MentionKind::Month | MentionKind::Year | MentionKind::Day => {
                prev.kind = cur.kind;
                prev.role = Role::Date;
            }
            _ => {}
        }
    }
    // 2016-2030, xxxx-xxxx: the year after a year and a dash
    for k in 1..mentions.len() {
        let (a, b) = mentions.split_at_mut(k);
        let (prev, cur) = (&a[k - 1], &mut b[0]);
        let between = &text[prev.span.end().min(cur.span.start())..cur.span.start()];
        let four = cur.number.slice(text).chars().count() == 4;
        if prev.kind == MentionKind::Year
            && is_range_dash(between)
            && four
            && cur.role == Role::Bare
        {
            cur.kind = MentionKind::Year;
            cur.role = Role::Date;
        }
    }
}

/// Merges each range of quantities into one mention: a number (bare, or with the same
/// unit) a range dash and a quantity. The first end takes the second's multiplier when it
/// has none of its own (`3-5万吨` is 3万 to 5万), and the second's unit.
pub(super) fn merge_ranges(text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for cur in mentions {
        if let Some(prev) = out.last_mut() {
            if let Some((low, high)) = range_ends(text, prev, &cur) {
                prev.span.set_end(cur.span.end());
                prev.number.set_end(cur.number.end());
                prev.unit = cur.unit;
                prev.role = cur.role;
                prev.kind = cur.kind;
                prev.value = None;
                prev.range = Some((low, high));
                prev.qualifier = prev.qualifier.or(cur.qualifier);
                prev.chinese |= cur.chinese;
                continue;
            }
        }
        out.push(cur);
    }
    out
}

/// The ends of the range `prev`–`cur`, if they make one.
fn range_ends(text: &str, prev: &Mention, cur: &Mention) -> Option<(Option<f64>, Option<f64>)> {
    let between = text.get(prev.span.end()..cur.span.start())?;
    let plain = |m: &Mention| {
        m.range.is_none()
            && matches!(
                m.kind,
                MentionKind::Integer
                    | MentionKind::Decimal
                    | MentionKind::Percent
                    | MentionKind::Placeholder
            )
    };
    if !is_range_dash(between.trim_matches(' ')) || !plain(prev) || !plain(cur) {
        return None;
    }
    // 6~9 (a bare range, as of pH), or one whose second end has the unit
    let bare = prev.role == Role::Bare
        && cur.role == Role::Bare
        && prev.unit.is_none()
        && cur.unit.is_none();
    if bare {
        let (l, h) = (prev.value?, cur.value?);
        return (l < h).then_some((Some(l), Some(h)));
    }
    if cur.role != Role::Quantity {
        return None;
    }
    let unit = cur.unit.as_ref()?;
    let same_unit = match &prev.unit {
        None => matches!(prev.role, Role::Bare | Role::Quantity),
        Some(u) => u.text == unit.text && prev.role == Role::Quantity,
    };
    if !same_unit {
        return None;
    }
    // the second end's multiplier, when the first has none: 3-5万吨, 一百二十到一百五十万元
    let multiplier = unit.written.strip_suffix(unit.text.as_str()).unwrap_or("");
    let own = prev
        .number
        .slice(text)
        .ends_with(['万', '亿', '千', '萬', '億']);
    let factor = if own || multiplier.is_empty() {
        1.0
    } else {
        multiplier
            .chars()
            .filter_map(crate::text::chars::chinese_big_unit)
            .product::<f64>()
            * if multiplier.starts_with('千') {
                1e3
            } else {
                1.0
            }
    };
    let low = prev.value.map(|v| v * factor);
    let high = cur.value;
    // a range runs upward: 3-5, not 5-3 (a code or a score)
    if let (Some(l), Some(h)) = (low, high) {
        if l >= h {
            return None;
        }
    }
    Some((low, high))
}
