//! Searching text for bytes, characters and short phrases, by the `memchr` crate (vector
//! code on x86-64 and, with `simd128`, in WebAssembly).

use memchr::memmem;

/// The index of the first `byte` of `bytes` from `from`.
#[inline]
pub fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    memchr::memchr(byte, bytes.get(from..)?).map(|i| from + i)
}

/// Whether `s` holds `c`.
#[inline]
pub fn has(s: &str, c: char) -> bool {
    if c.is_ascii() {
        return memchr::memchr(c as u8, s.as_bytes()).is_some();
    }
    let mut buf = [0u8; 4];
    memmem::find(s.as_bytes(), c.encode_utf8(&mut buf).as_bytes()).is_some()
}

/// The byte offsets where `needle` starts in `hay`, left to right, not overlapping.
pub fn match_starts<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let n = needle.len();
    let mut next = 0;
    memmem::find_iter(hay.as_bytes(), needle.as_bytes()).filter(move |&at| {
        // memmem reports overlapping matches of a self-overlapping needle (aa in aaa)
        let keep = n > 0 && at >= next;
        if keep {
            next = at + n;
        }
        keep
    })
}

/// How many line breaks `text` holds (a plain loop the compiler vectorizes, smaller in
/// WebAssembly than memchr's iterator).
pub fn count_lines(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count()
}

/// How many times `needle` occurs in `hay`, not overlapping.
pub fn count_str(hay: &str, needle: &str) -> usize {
    match_starts(hay, needle).count()
}

/// A set of bytes, for scanning text for the few bytes that matter.
pub struct ByteSet([bool; 256]);

impl ByteSet {
    /// The set of the given bytes.
    pub const fn of(bytes: &[u8]) -> ByteSet {
        let mut t = [false; 256];
        let mut i = 0;
        while i < bytes.len() {
            t[bytes[i] as usize] = true;
            i += 1;
        }
        ByteSet(t)
    }

    /// The set of the bytes in `lo..=hi` and of `also`.
    pub const fn range_and(lo: u8, hi: u8, also: &[u8]) -> ByteSet {
        let mut set = ByteSet::of(also);
        let mut b = lo as usize;
        while b <= hi as usize {
            set.0[b] = true;
            b += 1;
        }
        set
    }

    /// The index of the first byte of `bytes` from `from` that is in the set.
    #[inline]
    pub fn find(&self, bytes: &[u8], from: usize) -> Option<usize> {
        bytes
            .get(from..)?
            .iter()
            .position(|&b| self.0[b as usize])
            .map(|i| from + i)
    }
}

/// Where the first of `needles` starts in `bytes` from `from`: the needles' first bytes are
/// found by a [`ByteSet`], then checked.
pub fn find_any(bytes: &[u8], from: usize, first: &ByteSet, needles: &[&[u8]]) -> Option<usize> {
    let mut at = from;
    while let Some(i) = first.find(bytes, at) {
        if needles.iter().any(|n| bytes[i..].starts_with(n)) {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

/// Byte counts of a UTF-8 text: characters (bytes that are not continuation bytes),
/// characters beyond the BMP (four-byte lead bytes), spaces and tabs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ByteCounts {
    /// Characters.
    pub chars: usize,
    /// Characters beyond the Basic Multilingual Plane (two UTF-16 code units).
    pub astral: usize,
    /// ASCII spaces.
    pub spaces: usize,
    /// Tabs.
    pub tabs: usize,
}

/// Counts the bytes of `s` (see [`ByteCounts`]): loops over blocks of 255 bytes with
/// byte-sized counters, which the compiler turns into vector code.
pub fn count_bytes(s: &[u8]) -> ByteCounts {
    let mut c = ByteCounts::default();
    for block in s.chunks(255) {
        let (mut lead, mut astral, mut spaces, mut tabs) = (0u8, 0u8, 0u8, 0u8);
        for &b in block {
            lead += u8::from((b as i8) >= -0x40);
            astral += u8::from(b >= 0xF0);
            spaces += u8::from(b == b' ');
            tabs += u8::from(b == b'\t');
        }
        c.chars += usize::from(lead);
        c.astral += usize::from(astral);
        c.spaces += usize::from(spaces);
        c.tabs += usize::from(tabs);
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_counts_agree_with_chars() {
        for t in [
            "",
            "a",
            "环境 保护\t𝄞x",
            &"环境𝄞 a\t".repeat(37),
            &"𝄞".repeat(300),
        ] {
            let c = count_bytes(t.as_bytes());
            assert_eq!(c.chars, t.chars().count(), "{t:?}");
            assert_eq!(c.astral, t.chars().filter(|c| c.len_utf8() == 4).count());
            assert_eq!(c.spaces, t.matches(' ').count(), "{t:?}");
            assert_eq!(c.tabs, t.matches('\t').count(), "{t:?}");
        }
    }

    #[test]
    fn searches_agree_with_std() {
        for (hay, needle) in [
            ("同比持平，基本持平持平", "持平"),
            ("", "持平"),
            ("持", "持平"),
            ("aaaa", "aa"),
            ("aaa", "aa"),
            ("环境环境", "环境"),
        ] {
            let std: Vec<usize> = hay.match_indices(needle).map(|(i, _)| i).collect();
            assert_eq!(
                match_starts(hay, needle).collect::<Vec<_>>(),
                std,
                "{hay} {needle}"
            );
            assert_eq!(count_str(hay, needle), std.len());
        }
        for c in ['环', 'a', '𠀀', '，'] {
            for s in ["", "环境", "a，b", "𠀀"] {
                assert_eq!(has(s, c), s.contains(c), "{s:?} {c:?}");
            }
        }
        assert_eq!(find_byte(b"ab\ncd\n", 3, b'\n'), Some(5));
        assert_eq!(find_byte(b"ab", 9, b'\n'), None);
        let brackets = ByteSet::of(b"(\xEF");
        let needles: [&[u8]; 2] = [b"(", "（".as_bytes()];
        let text = "环境，保护（一）(x)".as_bytes();
        assert_eq!(find_any(text, 0, &brackets, &needles), Some(15));
        assert_eq!(find_any(text, 16, &brackets, &needles), Some(24));
    }
}
