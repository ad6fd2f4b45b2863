//! The section tree: each heading opens a section that runs to the next heading of the
//! same or a higher level.

use super::{Heading, Section};
use crate::span::{Normalized, Span};

/// The sections of `headings`, in document order, nested by level.
pub(super) fn build(
    headings: &[Heading],
    lines: &[Span<Normalized>],
    body_end: usize,
) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::with_capacity(headings.len());
    // open sections, innermost last; a heading closes those of its level and below
    let mut stack: Vec<usize> = Vec::new();
    for (i, h) in headings.iter().enumerate() {
        let start = lines[h.line].start();
        while let Some(&p) = stack.last() {
            if headings[p].level < h.level {
                break;
            }
            sections[p].span = Span::new(
                sections[p].span.start(),
                start.max(sections[p].span.start()),
            );
            stack.pop();
        }
        sections.push(Section {
            heading: i,
            parent: stack.last().copied(),
            span: Span::new(start, start),
        });
        stack.push(i);
    }
    for p in stack {
        let s = sections[p].span.start();
        sections[p].span = Span::new(s, body_end.max(s));
    }
    sections
}
