//! Spans: byte ranges of a text, marked with the text they index.
//!
//! Every stage finds things in the normalized text ([`Span<Normalized>`]); only the offset
//! map of [`crate::normalize`] turns them into spans of the original ([`Span<Original>`]),
//! and only [`crate::report`] counts them in the caller's encoding. The marker makes
//! mixing the two a compile error.

use std::marker::PhantomData;

/// Marks spans of the text the caller passed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Original {}

/// Marks spans of the normalized text that the pipeline works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Normalized {}

/// A byte range `start..end` of a text; the marker `S` says which text, so that a span of
/// the normalized text cannot be used where one of the original is meant.
///
/// The ends are kept as 32-bit offsets (a text is at most
/// [`MAX_INPUT_BYTES`](crate::intake::MAX_INPUT_BYTES), far below 4 GiB): the pipeline keeps
/// several spans for every line and sentence, and on a text of millions of short lines
/// their size is most of its memory.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span<S> {
    start: u32,
    end: u32,
    marker: PhantomData<S>,
}

impl<S> Clone for Span<S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S> Copy for Span<S> {}

/// An offset as the spans keep it (saturating: no text the pipeline accepts reaches it).
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl<S> Span<S> {
    /// The span `start..end` (an inverted range is empty at `start`).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end}");
        Span {
            start: offset(start),
            end: offset(end.max(start)),
            marker: PhantomData,
        }
    }
    /// The first byte.
    pub fn start(&self) -> usize {
        self.start as usize
    }
    /// The byte after the last.
    pub fn end(&self) -> usize {
        self.end as usize
    }
    /// Moves its start to `at`.
    pub fn set_start(&mut self, at: usize) {
        self.start = offset(at);
    }
    /// Moves its end to `at`.
    pub fn set_end(&mut self, at: usize) {
        self.end = offset(at);
    }
    /// `start..end`.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }
    /// Its length in bytes.
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }
    /// Whether it covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// The text this span covers in `text` (empty if it is out of bounds or not on
    /// character boundaries, which the pipeline never produces).
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.range()).unwrap_or("")
    }
    /// Whether it holds `other` whole.
    pub fn contains(&self, other: Span<S>) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: Span<S>) -> Span<S> {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
            marker: PhantomData,
        }
    }
}
