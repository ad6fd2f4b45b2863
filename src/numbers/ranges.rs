//! Ranges of numbers: in `1-6月` the 1 is a month too, in `2016-2030` both are years.

use super::{Mention, MentionKind, Role};
use crate::text::words::is_range_dash;

/// Links ranges: in `1-6月` the 1 is a month too, in `3—5天` the 3 takes the unit.
pub(super) fn link_ranges(text: &str, mentions: &mut [Mention]) {
    for k in 1..mentions.len() {
        let (a, b) = mentions.split_at_mut(k);
        let (prev, cur) = (&mut a[k - 1], &b[0]);
        let between = &text[prev.span.end.min(cur.span.start)..cur.span.start];
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
        let between = &text[prev.span.end.min(cur.span.start)..cur.span.start];
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
