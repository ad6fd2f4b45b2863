//! The map from normalized text back to the original.
//!
//! Normalization rewrites the text (width folding, traditional → simplified, ruby and junk
//! removal, line rejoining). Every finding is located in the normalized text, but reported
//! in the original. [`OffsetMap`] records, while a stage writes its output, which range of
//! its input each range of its output came from:
//!
//! - a *linear* region maps byte for byte (copied text, or a character replaced by one of
//!   the same UTF-8 length, as 環 → 环);
//! - an *opaque* region was rewritten as a whole (`(huán)` deleted, `，` written for `,`).
//!   A position inside it maps to the region's edges, never to a guess inside it.
//!
//! A span's start maps to the earliest original position that is still after everything
//! deleted before it, its end to the latest position before anything deleted after it, so
//! mapped spans are as tight as the edits allow. Both mappings are monotonic.

use crate::span::{Normalized, Original, Span};
use std::cell::Cell;

#[derive(Debug, Clone, Copy)]
struct Region {
    /// Start of the region in the output.
    out: u32,
    /// Start of the region in the input.
    inp: u32,
    linear: bool,
}

/// The map from one stage's output back to its input. Built by [`MapBuilder`].
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    regions: Vec<Region>,
    out_len: usize,
    in_len: usize,
    /// Where the last lookup ended: lookups mostly move forward a little (a report maps
    /// its spans in text order), so searching from here is much cheaper than from scratch.
    hint: Cell<usize>,
}

impl OffsetMap {
    /// The identity map of a text of `len` bytes.
    pub fn identity(len: usize) -> Self {
        OffsetMap {
            regions: vec![Region {
                out: 0,
                inp: 0,
                linear: true,
            }],
            out_len: len,
            in_len: len,
            hint: Cell::new(0),
        }
    }

    /// The number of regions for which `before` holds, `before` being true of a prefix of
    /// the regions (a `partition_point`), searched by galloping from the last answer.
    fn partition_from_hint(&self, before: impl Fn(&Region) -> bool) -> usize {
        let r = &self.regions;
        let h = self.hint.get().min(r.len());
        let (lo, hi) = if h < r.len() && before(&r[h]) {
            // forward: the answer is past h
            let (mut lo, mut step) = (h + 1, 1);
            while lo + step <= r.len() && before(&r[lo + step - 1]) {
                lo += step;
                step *= 2;
            }
            (lo, (lo + step).min(r.len()))
        } else {
            // backward: the answer is at h or before
            let (mut hi, mut step) = (h, 1);
            while hi >= step && !before(&r[hi - step]) {
                hi -= step;
                step *= 2;
            }
            (hi.saturating_sub(step), hi)
        };
        let i = lo + r[lo..hi].partition_point(before);
        self.hint.set(i);
        i
    }

    /// Whether the output is the input unchanged.
    pub fn is_identity(&self) -> bool {
        self.regions.len() <= 1
            && self.regions.first().is_none_or(|r| r.linear)
            && self.out_len == self.in_len
    }

    fn input_end_of(&self, i: usize) -> usize {
        self.regions
            .get(i + 1)
            .map_or(self.in_len, |r| r.inp as usize)
    }

    /// Where a span starting at output byte `pos` starts in the input.
    pub fn map_start(&self, pos: usize) -> usize {
        let pos = pos.min(self.out_len);
        // the last region starting at or before `pos`: after any deletions at `pos`
        let i = self.partition_from_hint(|r| r.out as usize <= pos);
        if i == 0 {
            return 0;
        }
        let r = self.regions[i - 1];
        if r.linear {
            (r.inp as usize + (pos - r.out as usize)).min(self.input_end_of(i - 1))
        } else {
            r.inp as usize
        }
    }

    /// Where a span ending at output byte `pos` (exclusive) ends in the input.
    pub fn map_end(&self, pos: usize) -> usize {
        let pos = pos.min(self.out_len);
        if pos == 0 {
            return self.map_start(0);
        }
        // the region holding byte `pos - 1`: before any deletions at `pos`
        let i = self.partition_from_hint(|r| (r.out as usize) < pos);
        if i == 0 {
            return 0;
        }
        let r = self.regions[i - 1];
        if r.linear {
            (r.inp as usize + (pos - r.out as usize)).min(self.input_end_of(i - 1))
        } else {
            self.input_end_of(i - 1)
        }
    }

    /// Number of regions: a measure of how much normalization changed.
    pub fn edits(&self) -> usize {
        self.regions.len().saturating_sub(1)
    }
}

/// The maps of several stages, applied from the last stage back to the original.
#[derive(Debug, Clone, Default)]
pub struct MapChain {
    /// First stage first.
    stages: Vec<OffsetMap>,
}

impl MapChain {
    pub fn new(stages: Vec<OffsetMap>) -> Self {
        MapChain {
            stages: stages.into_iter().filter(|m| !m.is_identity()).collect(),
        }
    }

    /// The original span of a span of the normalized text.
    pub fn to_original(&self, span: Span<Normalized>) -> Span<Original> {
        let (mut s, mut e) = (span.start(), span.end());
        for m in self.stages.iter().rev() {
            s = m.map_start(s);
            e = m.map_end(e);
        }
        Span::new(s, e.max(s))
    }

    /// The original position of a start position in the normalized text.
    pub fn start_to_original(&self, pos: usize) -> usize {
        self.stages.iter().rev().fold(pos, |p, m| m.map_start(p))
    }

    /// The original position of an end position in the normalized text.
    pub fn end_to_original(&self, pos: usize) -> usize {
        self.stages.iter().rev().fold(pos, |p, m| m.map_end(p))
    }
}

/// Writes a stage's output and records where each piece came from.
#[derive(Debug)]
pub struct MapBuilder {
    out: String,
    regions: Vec<Region>,
    /// Input position up to which everything has been accounted for.
    consumed: usize,
}

impl MapBuilder {
    pub fn with_capacity(cap: usize) -> Self {
        MapBuilder {
            out: String::with_capacity(cap),
            regions: Vec::with_capacity(cap / 64),
            consumed: 0,
        }
    }

    /// The output written so far.
    pub fn as_str(&self) -> &str {
        &self.out
    }

    fn push_region(&mut self, inp: usize, linear: bool) {
        let out = self.out.len() as u32;
        let inp = inp as u32;
        if let Some(last) = self.regions.last_mut() {
            if last.out == out {
                // an empty region is replaced by the one that follows it, unless it is a
                // deletion (its input is not empty), which must stay to keep the edges
                if last.inp == inp {
                    *last = Region { out, inp, linear };
                    return;
                }
            } else if linear && last.linear {
                // continue a linear region when input and output advanced alike
                let gap_out = out - last.out;
                let gap_in = inp.wrapping_sub(last.inp);
                if gap_out == gap_in {
                    return;
                }
            }
        }
        self.regions.push(Region { out, inp, linear });
    }

    /// Copies `text`, which is the input at `at..at + text.len()`.
    pub fn copy(&mut self, at: usize, text: &str) {
        self.push_region(at, true);
        self.out.push_str(text);
        self.consumed = at + text.len();
    }

    /// Writes `with` for the input range `at..end`, as an opaque region: a position inside
    /// it maps to its edges.
    pub fn replace(&mut self, at: usize, end: usize, with: &str) {
        self.push_region(at, false);
        self.out.push_str(with);
        self.consumed = end;
    }

    /// Writes the character `with` for the single character at `at..end`. Maps linearly
    /// when both have the same UTF-8 length (環 → 环), so that runs of substitutions stay
    /// one region.
    pub fn substitute(&mut self, at: usize, end: usize, with: char) {
        let mut buf = [0u8; 4];
        let with = with.encode_utf8(&mut buf);
        self.push_region(at, with.len() == end - at);
        self.out.push_str(with);
        self.consumed = end;
    }

    /// Drops the input range `at..end`.
    pub fn delete(&mut self, at: usize, end: usize) {
        if end > at {
            self.push_region(at, false);
            self.consumed = end;
        }
    }

    /// Finishes the stage: the output text and its map back to an input of `in_len` bytes.
    /// Input not accounted for at the end counts as deleted.
    pub fn finish(mut self, in_len: usize) -> (String, OffsetMap) {
        if self.consumed < in_len {
            let at = self.consumed;
            self.delete(at, in_len);
        }
        if self.regions.is_empty() {
            self.regions.push(Region {
                out: 0,
                inp: 0,
                linear: true,
            });
        }
        let out_len = self.out.len();
        (
            self.out,
            OffsetMap {
                regions: self.regions,
                out_len,
                in_len,
                hint: Cell::new(0),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(steps: &[(&str, usize, usize, &str)], input: &str) -> (String, OffsetMap) {
        let mut b = MapBuilder::with_capacity(16);
        for &(op, at, end, with) in steps {
            match op {
                "copy" => b.copy(at, &input[at..end]),
                "replace" => b.replace(at, end, with),
                "substitute" => b.substitute(at, end, with.chars().next().unwrap()),
                "delete" => b.delete(at, end),
                _ => unreachable!(),
            }
        }
        b.finish(input.len())
    }

    #[test]
    fn identity_maps_every_position_to_itself() {
        let (out, map) = build(&[("copy", 0, 6, "")], "abcdef");
        assert_eq!(out, "abcdef");
        for p in 0..=6 {
            assert_eq!(map.map_start(p), p);
            assert_eq!(map.map_end(p), p);
        }
    }

    #[test]
    fn deletion_keeps_spans_tight() {
        // 環(huán)境 → 环境: 環 is 3 bytes, (huán) 7 bytes, 境 3 bytes
        let input = "環(huán)境";
        let (out, map) = build(
            &[
                ("substitute", 0, 3, "环"),
                ("delete", 3, 10, ""),
                ("copy", 10, 13, ""),
            ],
            input,
        );
        assert_eq!(out, "环境");
        assert_eq!(map.map_start(0), 0);
        assert_eq!(map.map_end(3), 3, "the end of 环 stops before the ruby");
        assert_eq!(map.map_start(3), 10, "the start of 境 is after the ruby");
        assert_eq!(map.map_end(6), 13);
    }

    #[test]
    fn opaque_region_maps_to_its_edges() {
        // "a,b" → "a，b": the comma grows from 1 to 3 bytes
        let input = "a,b";
        let (out, map) = build(
            &[
                ("copy", 0, 1, ""),
                ("replace", 1, 2, "，"),
                ("copy", 2, 3, ""),
            ],
            input,
        );
        assert_eq!(out, "a，b");
        assert_eq!(map.map_start(1), 1);
        assert_eq!(map.map_end(4), 2);
        assert_eq!(map.map_start(4), 2);
        assert_eq!(map.map_end(5), 3);
    }

    #[test]
    fn chain_composes_stages() {
        let (_, m1) = build(
            &[("copy", 0, 1, ""), ("delete", 1, 3, ""), ("copy", 3, 5, "")],
            "a--bc",
        );
        let (_, m2) = build(
            &[("copy", 0, 1, ""), ("delete", 1, 2, ""), ("copy", 2, 3, "")],
            "abc",
        );
        let chain = MapChain::new(vec![m1, m2]);
        // final "ac": 'c' is at 1 in the output, 2 in stage one, 4 in the original
        assert_eq!(chain.to_original(Span::new(1, 2)), Span::new(4, 5));
        assert_eq!(chain.to_original(Span::new(0, 1)), Span::new(0, 1));
    }
}
