//! Phrase sets: phrases with a value each, matched longest first at a position of a text
//! or ending at one, with bitmaps of their first and last characters.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast hasher for the lexicon's keys (characters and short phrases).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.write_u64(u64::from_le_bytes([
                w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7],
            ]));
        }
        // the last one to seven bytes as one word, their count in the top byte so that
        // trailing zeros count
        let rest = words.remainder();
        let n = rest.len();
        let tail = if n >= 4 {
            // two reads of four bytes, overlapping when there are fewer than eight
            let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
            let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
            u64::from(lo) | u64::from(hi) << 32
        } else if n > 0 {
            u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
        } else {
            return;
        };
        self.write_u64(tail ^ (n as u64) << 59);
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(n as u64);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A set of phrases with a value each, matched longest first at a position of a text, or
/// ending at a position.
#[derive(Debug, Clone)]
pub struct PhraseSet<V> {
    entries: Vec<(Box<str>, V)>,
    /// Entry indices by first character, longest phrase first.
    by_first: FxMap<char, Vec<u32>>,
    /// Entry indices by last character, longest phrase first.
    by_last: FxMap<char, Vec<u32>>,
    /// Which characters start or end a phrase: most characters of a text do neither, and a
    /// bit test is much cheaper than a hash lookup.
    first_bits: CharBits,
    last_bits: CharBits,
}

impl<V> Default for PhraseSet<V> {
    fn default() -> Self {
        PhraseSet {
            entries: Vec::new(),
            by_first: FxMap::default(),
            by_last: FxMap::default(),
            first_bits: CharBits::default(),
            last_bits: CharBits::default(),
        }
    }
}

/// A set of characters: a bitmap of the Basic Multilingual Plane, and "maybe" above it.
#[derive(Debug, Clone, Default)]
pub struct CharBits {
    bits: Vec<u64>,
    astral: bool,
}

impl CharBits {
    /// Adds `c` to the set.
    pub fn insert(&mut self, c: char) {
        let code = c as usize;
        if code > 0xFFFF {
            self.astral = true;
            return;
        }
        if self.bits.is_empty() {
            self.bits = vec![0; 0x10000 / 64];
        }
        self.bits[code / 64] |= 1 << (code % 64);
    }

    /// Whether `c` is in the set (characters beyond the BMP: whether any is).
    #[inline]
    pub fn may_contain(&self, c: char) -> bool {
        let code = c as usize;
        if code > 0xFFFF {
            return self.astral;
        }
        self.bits
            .get(code / 64)
            .is_some_and(|w| w & (1 << (code % 64)) != 0)
    }
}

impl<V> PhraseSet<V> {
    /// Adds a phrase; a phrase already present gets the new value.
    pub fn insert(&mut self, phrase: &str, value: V) {
        let (Some(first), Some(last)) = (phrase.chars().next(), phrase.chars().next_back()) else {
            return;
        };
        if let Some(i) = self.by_first.get(&first).and_then(|v| {
            v.iter()
                .copied()
                .find(|&i| &*self.entries[i as usize].0 == phrase)
        }) {
            self.entries[i as usize].1 = value;
            return;
        }
        let idx = self.entries.len() as u32;
        self.entries.push((phrase.into(), value));
        self.first_bits.insert(first);
        self.last_bits.insert(last);
        let entries = &self.entries;
        for list in [
            self.by_first.entry(first).or_default(),
            self.by_last.entry(last).or_default(),
        ] {
            let at = list.partition_point(|&i| entries[i as usize].0.len() >= phrase.len());
            list.insert(at, idx);
        }
    }

    /// The longest phrase that starts at byte `pos` of `text`: its length in bytes and value.
    pub fn longest_at(&self, text: &str, pos: usize) -> Option<(usize, &V)> {
        let rest = text.get(pos..)?;
        let first = rest.chars().next()?;
        if !self.first_bits.may_contain(first) {
            return None;
        }
        self.by_first.get(&first)?.iter().find_map(|&i| {
            let (p, v) = &self.entries[i as usize];
            rest.starts_with(&**p).then_some((p.len(), v))
        })
    }

    /// The longest phrase that ends at byte `end` of `text`: its length in bytes and value.
    pub fn longest_ending_at(&self, text: &str, end: usize) -> Option<(usize, &V)> {
        let head = text.get(..end)?;
        let last = head.chars().next_back()?;
        if !self.last_bits.may_contain(last) {
            return None;
        }
        self.by_last.get(&last)?.iter().find_map(|&i| {
            let (p, v) = &self.entries[i as usize];
            head.ends_with(&**p).then_some((p.len(), v))
        })
    }

    /// Every phrase that ends at byte `end` of `text`, longest first: its length in bytes
    /// and value.
    pub fn all_ending_at<'s>(
        &'s self,
        text: &'s str,
        end: usize,
    ) -> impl Iterator<Item = (usize, &'s V)> + 's {
        let head = text.get(..end).unwrap_or("");
        let list = head
            .chars()
            .next_back()
            .filter(|&c| self.last_bits.may_contain(c))
            .and_then(|c| self.by_last.get(&c))
            .map_or(&[][..], |v| &v[..]);
        list.iter().filter_map(move |&i| {
            let (p, v) = &self.entries[i as usize];
            head.ends_with(&**p).then_some((p.len(), v))
        })
    }

    /// Whether some phrase starts with `c` (cheap: a bit test).
    #[inline]
    pub fn may_start(&self, c: char) -> bool {
        self.first_bits.may_contain(c)
    }

    /// Whether `text` starts with one of the phrases.
    pub fn starts(&self, text: &str) -> bool {
        self.longest_at(text, 0).is_some()
    }

    /// The value of exactly this phrase.
    pub fn get(&self, phrase: &str) -> Option<&V> {
        let first = phrase.chars().next()?;
        self.by_first.get(&first)?.iter().find_map(|&i| {
            let (p, v) = &self.entries[i as usize];
            (&**p == phrase).then_some(v)
        })
    }

    pub fn contains(&self, phrase: &str) -> bool {
        self.get(phrase).is_some()
    }

    /// The first (leftmost, then longest) phrase occurring in `text`: its byte range and value.
    pub fn find(&self, text: &str) -> Option<(usize, usize, &V)> {
        text.char_indices().find_map(|(i, c)| {
            if !self.first_bits.may_contain(c) {
                return None;
            }
            self.longest_at(text, i).map(|(len, v)| (i, i + len, v))
        })
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.entries.iter().map(|(p, v)| (&**p, v))
    }
}
