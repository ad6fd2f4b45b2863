//! Traditional → simplified characters: a dense table over the common ideographs and a
//! map for the rest.

use super::phrases::FxMap;

/// Simplified forms of traditional characters.
#[derive(Debug, Clone, Default)]
pub struct T2s {
    /// Simplified character for each of U+3400..=U+9FFF, 0 where there is none.
    dense: Vec<u16>,
    /// One bit for each of U+3400..=U+9FFF: whether `dense` has an entry. Small enough for
    /// the first-level cache, so that the common simplified character costs one bit test.
    dense_bits: Vec<u64>,
    /// Characters outside the dense range.
    other: FxMap<char, char>,
    /// Traditional characters that are also used as they are (乾, 於): converted only in
    /// documents that are mostly traditional.
    pub(super) ambiguous: Vec<char>,
}

const DENSE_START: u32 = 0x3400;

const DENSE_END: u32 = 0x9FFF;

impl T2s {
    pub(super) fn insert(&mut self, trad: char, simp: char) {
        let code = trad as u32;
        if (DENSE_START..=DENSE_END).contains(&code) && (simp as u32) <= 0xFFFF {
            let n = (DENSE_END - DENSE_START + 1) as usize;
            if self.dense.is_empty() {
                self.dense = vec![0; n];
                self.dense_bits = vec![0; n.div_ceil(64)];
            }
            let k = (code - DENSE_START) as usize;
            self.dense[k] = simp as u32 as u16;
            self.dense_bits[k / 64] |= 1 << (k % 64);
        } else {
            self.other.insert(trad, simp);
        }
    }

    /// The simplified form of `c`, if `c` is a traditional character.
    #[inline]
    pub fn get(&self, c: char) -> Option<char> {
        let code = c as u32;
        if (DENSE_START..=DENSE_END).contains(&code) {
            let k = (code - DENSE_START) as usize;
            if self
                .dense_bits
                .get(k / 64)
                .is_none_or(|w| w & (1 << (k % 64)) == 0)
            {
                return None;
            }
            let s = *self.dense.get(k)?;
            return if s == 0 {
                None
            } else {
                char::from_u32(s as u32)
            };
        }
        if code < 0x3400 || self.other.is_empty() {
            return None;
        }
        self.other.get(&c).copied()
    }

    /// Points every character at the end of its chain (薴 → 苧 → 苎 becomes 薴 → 苎), so
    /// that converting twice gives what converting once does (found by fuzzing).
    pub(super) fn resolve_chains(&mut self) {
        let last = |t: &T2s, mut c: char| {
            for _ in 0..4 {
                match t.get(c) {
                    Some(next) if next != c => c = next,
                    _ => break,
                }
            }
            c
        };
        let dense: Vec<(char, char)> = (0..self.dense.len())
            .filter(|&k| self.dense[k] != 0)
            .filter_map(|k| {
                let trad = char::from_u32(DENSE_START + k as u32)?;
                Some((trad, char::from_u32(u32::from(self.dense[k]))?))
            })
            .collect();
        let other: Vec<(char, char)> = self.other.iter().map(|(&a, &b)| (a, b)).collect();
        for (trad, simp) in dense.into_iter().chain(other) {
            let end = last(self, simp);
            if end != simp && end != trad {
                self.insert(trad, end);
            }
        }
    }

    /// Whether converting `c` needs a document that is mostly traditional.
    pub fn is_ambiguous(&self, c: char) -> bool {
        self.ambiguous.contains(&c)
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.dense.iter().filter(|&&s| s != 0).count() + self.other.len()
    }
}
