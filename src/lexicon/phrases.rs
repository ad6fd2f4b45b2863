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
    index: Index,
    /// The value of each phrase of the index, by its number.
    values: Vec<V>,
}

impl<V> Default for PhraseSet<V> {
    fn default() -> Self {
        PhraseSet {
            index: Index::default(),
            values: Vec::new(),
        }
    }
}

/// The phrases of a set, whatever their values: the matching, compiled once however many
/// kinds of values the lexicon's sets hold.
#[derive(Debug, Clone, Default)]
struct Index {
    phrases: Vec<Box<str>>,
    /// Each phrase's first and last eight bytes as words, with the mask of the bytes that
    /// are the phrase's: a candidate is told from the text by one comparison of words
    /// before any byte-wise one (a gazetteer has hundreds of names a first character).
    heads: Vec<(u64, u64)>,
    tails: Vec<(u64, u64)>,
    /// Phrase numbers by first character, longest phrase first.
    by_first: FxMap<char, Vec<u32>>,
    /// Phrase numbers by last character, longest phrase first.
    by_last: FxMap<char, Vec<u32>>,
    /// Which characters start or end a phrase: most characters of a text do neither, and a
    /// bit test is much cheaper than a hash lookup.
    first_bits: CharBits,
    last_bits: CharBits,
}

impl Index {
    /// The number of exactly this phrase.
    fn get(&self, phrase: &str) -> Option<u32> {
        let first = phrase.chars().next()?;
        self.by_first
            .get(&first)?
            .iter()
            .copied()
            .find(|&i| &*self.phrases[i as usize] == phrase)
    }

    /// Adds a phrase that is not in the index yet; returns its number.
    fn push(&mut self, phrase: &str) -> Option<u32> {
        let (first, last) = (phrase.chars().next()?, phrase.chars().next_back()?);
        let idx = self.phrases.len() as u32;
        self.phrases.push(phrase.into());
        let bytes = phrase.as_bytes();
        let n = bytes.len().min(8);
        let mask = if n == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * n)) - 1
        };
        self.heads.push((head_word(bytes), mask));
        self.tails.push((tail_word(bytes), mask));
        self.first_bits.insert(first);
        self.last_bits.insert(last);
        let phrases = &self.phrases;
        for list in [
            self.by_first.entry(first).or_default(),
            self.by_last.entry(last).or_default(),
        ] {
            let at = list.partition_point(|&i| phrases[i as usize].len() >= phrase.len());
            list.insert(at, idx);
        }
        Some(idx)
    }

    /// The longest phrase starting at byte `pos` of `text`: its length and number.
    fn longest_at(&self, text: &str, pos: usize) -> Option<(usize, u32)> {
        let rest = text.get(pos..)?;
        let first = rest.chars().next()?;
        if !self.first_bits.may_contain(first) {
            return None;
        }
        let word = head_word(rest.as_bytes());
        self.by_first.get(&first)?.iter().find_map(|&i| {
            let (key, mask) = self.heads[i as usize];
            if word & mask != key {
                return None;
            }
            let p = &self.phrases[i as usize];
            rest.starts_with(&**p).then_some((p.len(), i))
        })
    }

    /// The longest phrase ending at byte `end` of `text`: its length and number.
    fn longest_ending_at(&self, text: &str, end: usize) -> Option<(usize, u32)> {
        let head = text.get(..end)?;
        let last = head.chars().next_back()?;
        if !self.last_bits.may_contain(last) {
            return None;
        }
        let word = tail_word(head.as_bytes());
        self.by_last.get(&last)?.iter().find_map(|&i| {
            let (key, mask) = self.tails[i as usize];
            if word & mask != key {
                return None;
            }
            let p = &self.phrases[i as usize];
            head.ends_with(&**p).then_some((p.len(), i))
        })
    }

    /// The phrases that may end where `head` ends, longest first.
    fn ending_candidates(&self, head: &str) -> &[u32] {
        head.chars()
            .next_back()
            .filter(|&c| self.last_bits.may_contain(c))
            .and_then(|c| self.by_last.get(&c))
            .map_or(&[][..], |v| &v[..])
    }
}

/// The first eight bytes of `b` as a little-endian word, zeros past its end.
#[inline]
fn head_word(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    let n = b.len().min(8);
    w[..n].copy_from_slice(&b[..n]);
    u64::from_le_bytes(w)
}

/// The last eight bytes of `b`, last byte first, as a little-endian word, zeros past its
/// start: the phrase's bytes from its end, as [`head_word`] takes them from its start.
#[inline]
fn tail_word(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    for (k, &x) in b.iter().rev().take(8).enumerate() {
        w[k] = x;
    }
    u64::from_le_bytes(w)
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
        if let Some(i) = self.index.get(phrase) {
            self.values[i as usize] = value;
        } else if self.index.push(phrase).is_some() {
            self.values.push(value);
        }
    }

    /// The longest phrase that starts at byte `pos` of `text`: its length in bytes and value.
    pub fn longest_at(&self, text: &str, pos: usize) -> Option<(usize, &V)> {
        let (len, i) = self.index.longest_at(text, pos)?;
        Some((len, &self.values[i as usize]))
    }

    /// The longest phrase that ends at byte `end` of `text`: its length in bytes and value.
    pub fn longest_ending_at(&self, text: &str, end: usize) -> Option<(usize, &V)> {
        let (len, i) = self.index.longest_ending_at(text, end)?;
        Some((len, &self.values[i as usize]))
    }

    /// Every phrase that ends at byte `end` of `text`, longest first: its length in bytes
    /// and value.
    pub fn all_ending_at<'s>(
        &'s self,
        text: &'s str,
        end: usize,
    ) -> impl Iterator<Item = (usize, &'s V)> + 's {
        let head = text.get(..end).unwrap_or("");
        self.index
            .ending_candidates(head)
            .iter()
            .filter_map(move |&i| {
                let p = &self.index.phrases[i as usize];
                head.ends_with(&**p)
                    .then_some((p.len(), &self.values[i as usize]))
            })
    }

    /// Whether some phrase starts with `c` (cheap: a bit test).
    #[inline]
    pub fn may_start(&self, c: char) -> bool {
        self.index.first_bits.may_contain(c)
    }

    /// Whether `text` starts with one of the phrases.
    pub fn starts(&self, text: &str) -> bool {
        self.index.longest_at(text, 0).is_some()
    }

    /// The value of exactly this phrase.
    pub fn get(&self, phrase: &str) -> Option<&V> {
        self.index.get(phrase).map(|i| &self.values[i as usize])
    }

    pub fn contains(&self, phrase: &str) -> bool {
        self.index.get(phrase).is_some()
    }

    /// The first (leftmost, then longest) phrase occurring in `text`: its byte range and value.
    pub fn find(&self, text: &str) -> Option<(usize, usize, &V)> {
        text.char_indices().find_map(|(i, c)| {
            if !self.index.first_bits.may_contain(c) {
                return None;
            }
            self.longest_at(text, i).map(|(len, v)| (i, i + len, v))
        })
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.index.phrases.iter().map(|p| &**p).zip(&self.values)
    }
}

#[cfg(test)]
mod tests {
    use super::PhraseSet;

    #[test]
    fn longest_match_at_and_ending_at_whatever_the_lengths() {
        let mut set = PhraseSet::default();
        for (k, p) in [
            "新",
            "新城",
            "新城区",
            "新城区生态环境局",
            "ab",
            "abcdefghij",
        ]
        .iter()
        .enumerate()
        {
            set.insert(p, k);
        }
        let at = |t: &str, i: usize| set.longest_at(t, i).map(|(n, &v)| (n, v));
        assert_eq!(
            at("新城区生态环境局发布", 0),
            Some((24, 3)),
            "longer than a word"
        );
        assert_eq!(
            at("新城区生态环境", 0),
            Some((9, 2)),
            "the text ends inside the longest"
        );
        assert_eq!(at("新城", 0), Some((6, 1)));
        assert_eq!(at("新x", 0), Some((3, 0)));
        assert_eq!(
            at("abcdefghi", 0),
            Some((2, 4)),
            "one byte short of the long one"
        );
        assert_eq!(at("xabcdefghij", 1), Some((10, 5)));
        assert_eq!(at("城区", 0), None);
        let end = |t: &str, e: usize| set.longest_ending_at(t, e).map(|(n, &v)| (n, v));
        assert_eq!(end("在新城区", "在新城区".len()), Some((9, 2)));
        assert_eq!(end("城区", "城区".len()), None);
        assert_eq!(end("xxabcdefghij", 12), Some((10, 5)));
        assert_eq!(end("bcdefghij", 9), None);
        // a phrase inserted again keeps one entry with the new value
        set.insert("新城", 9);
        assert_eq!(
            set.longest_at("新城", 0).map(|(n, &v)| (n, v)),
            Some((6, 9))
        );
    }
}
