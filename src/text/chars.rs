//! Character classes of Chinese text, shared by every stage.

/// A Han character (CJK unified ideographs, their extensions and compatibility forms),
/// or the ideographic zero `〇`.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}'
        | '\u{30000}'..='\u{3134F}'
        | '〇')
}

/// Chinese (full-width) punctuation as it stands in normalized text.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '（'
            | '）'
            | '《'
            | '》'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '「'
            | '」'
            | '『'
            | '』'
            | '…'
            | '—'
            | '·'
            | '〈'
            | '〉'
            | '﹏'
            | '～'
    )
}

/// Han characters and Chinese punctuation: the characters next to which a space is noise.
pub fn is_cjk(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Punctuation that ends a sentence.
pub fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';')
}

/// White space of any width, including the ideographic space (but not the line break).
#[inline]
pub fn is_space(c: char) -> bool {
    match c as u32 {
        0x20 | 0x09 | 0x0B | 0x0C | 0x0D => true,
        0..=0x7F => false,
        0x85 | 0xA0 | 0x1680 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 => true,
        _ => false,
    }
}

/// The character before byte `i` of `text`.
pub fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The number of characters of `s` that are not spaces.
pub fn visible_len(s: &str) -> usize {
    s.chars().filter(|&c| !is_space(c)).count()
}

/// Characters that are never text: control characters (but tab and newline), zero-width
/// characters, byte order marks and bidirectional formatting marks.
pub fn is_invisible(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c,
            '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{FFFE}'
            | '\u{FFFF}'
            | '\u{AD}')
}

/// Opening quotation marks and brackets that enclose a name in normalized text.
pub fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '「' | '『' | '《')
}

/// The value of a Chinese digit, including the financial forms (壹贰叁) and 两.
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' | '○' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '两' | '貳' | '兩' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The value of a Chinese multiplier character below 万 (十 百 千 and financial forms).
pub fn chinese_small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// 万 and 亿, the large multipliers that also follow Arabic numbers (3.5万).
pub fn chinese_big_unit(c: char) -> Option<f64> {
    match c {
        '万' | '萬' => Some(1e4),
        '亿' | '億' => Some(1e8),
        _ => None,
    }
}

/// The characters of Chinese numerals (○ is tested apart), as a bitmap of U+3000..U+A000
/// built at compile time.
const NUMERAL_CHARS: &str =
    "零〇一壹幺二贰两貳兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億廿卅";
const NUMERAL_BASE: u32 = 0x3000;
static NUMERAL_BITS: [u64; 0x7000 / 64] = {
    let mut bits = [0u64; 0x7000 / 64];
    let bytes = NUMERAL_CHARS.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // every character of the list is three bytes of UTF-8
        let c = ((bytes[i] as u32 & 0x0F) << 12)
            | ((bytes[i + 1] as u32 & 0x3F) << 6)
            | (bytes[i + 2] as u32 & 0x3F);
        let k = (c - NUMERAL_BASE) as usize;
        bits[k / 64] |= 1 << (k % 64);
        i += 3;
    }
    bits
};

/// Any character that may stand in a Chinese numeral.
#[inline]
pub fn is_chinese_numeral(c: char) -> bool {
    let code = c as u32;
    if code == '○' as u32 {
        return true;
    }
    if !(NUMERAL_BASE..NUMERAL_BASE + 0x7000).contains(&code) {
        return false;
    }
    let k = (code - NUMERAL_BASE) as usize;
    NUMERAL_BITS[k / 64] & (1 << (k % 64)) != 0
}

/// The placeholder letter of unfilled drafts (`xx次`, `x.x%`).
pub fn is_placeholder_letter(c: char) -> bool {
    matches!(c, 'x' | 'X' | '×')
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

/// Whether `s` holds `c`. `str::contains` of a character outside ASCII searches for its
/// UTF-8 bytes as a string: vectorized on x86-64, but elsewhere (WebAssembly) with the
/// two-way algorithm, which costs far more than the `memchr` of `str::find`.
#[inline]
pub fn has(s: &str, c: char) -> bool {
    if cfg!(target_arch = "x86_64") {
        s.contains(c)
    } else {
        s.find(c).is_some()
    }
}

/// Whether `hay` holds `needle`: the vectorized `str::contains` on x86-64, [`match_starts`]
/// elsewhere (see [`has`]).
pub fn has_str(hay: &str, needle: &str) -> bool {
    if cfg!(target_arch = "x86_64") {
        hay.contains(needle)
    } else {
        needle.is_empty() || match_starts(hay, needle).next().is_some()
    }
}

/// How many times `needle` occurs in `hay`, not overlapping: the two-way search of
/// `str::matches` on x86-64, [`match_starts`] elsewhere (see [`has`]).
pub fn count_str(hay: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return 0;
    }
    if cfg!(target_arch = "x86_64") {
        hay.matches(needle).count()
    } else {
        match_starts(hay, needle).count()
    }
}

/// The byte offsets where `needle` starts in `hay`, left to right, not overlapping. The
/// candidates are found by the needle's first character with `memchr`, which beats the
/// two-way search of `str::match_indices` on short needles, by far in WebAssembly.
pub fn match_starts<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    match_starts_in(hay, needle, cfg!(target_arch = "x86_64"))
}

/// [`match_starts`], finding candidates with `str::find` (`memchr`) or with
/// [`find_byte`] (eight bytes a step where `memchr` takes four: WebAssembly).
fn match_starts_in<'a>(
    hay: &'a str,
    needle: &'a str,
    memchr: bool,
) -> impl Iterator<Item = usize> + 'a {
    let first = needle.chars().next().unwrap_or('\0');
    // the byte looked for: the first character's last (a continuation byte, rarer than a
    // lead byte in Chinese text, when the character is not ASCII)
    let back = first.len_utf8() - 1;
    let (hay_bytes, needle_bytes) = (hay.as_bytes(), needle.as_bytes());
    let mut from = 0;
    std::iter::from_fn(move || {
        if needle.is_empty() {
            return None;
        }
        loop {
            let at = if memchr {
                from + hay.get(from..)?.find(first)?
            } else {
                find_byte(hay_bytes, from + back, needle_bytes[back])? - back
            };
            if hay_bytes[at..].starts_with(needle_bytes) {
                from = at + needle.len();
                return Some(at);
            }
            // past the candidate: its character (memchr finds characters), or its byte
            from = if memchr {
                at + first.len_utf8()
            } else {
                at + 1
            };
        }
    })
}

/// The index of the first `byte` of `bytes` from `from`, eight bytes a step (`memchr`
/// steps by `usize`, four bytes in wasm32).
pub fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    find_byte_of(bytes, from, [byte])
}

/// The index of the first byte of `bytes` from `from` that is one of `set`, eight bytes
/// a word: a word without one is passed over whole. For targets without vector code.
fn find_byte_of<const N: usize>(bytes: &[u8], from: usize, set: [u8; N]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let rest = bytes.get(from..)?;
    let mut words = rest.chunks_exact(8);
    let mut at = from;
    for w in &mut words {
        let x = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        // per byte of the set, the high bit of the bytes equal to it; the lowest set bit
        // marks the first one exactly (borrows only run upward), and so does that of all
        let mut hits = 0;
        for v in set {
            let y = x ^ (ONES * u64::from(v));
            hits |= y.wrapping_sub(ONES) & !y & (ONES << 7);
        }
        if hits != 0 {
            return Some(at + hits.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    words
        .remainder()
        .iter()
        .position(|b| set.contains(b))
        .map(|i| at + i)
}

/// Where the first of `needles` (one to three bytes each, none found inside another, as
/// with the characters of UTF-8) starts in `bytes` from `from`. On x86-64, blocks of 32
/// bytes are tested without stopping early, each position against every needle (vector
/// code), and only a block with a hit is searched position by position; elsewhere the
/// needles' last bytes are found a word at a time and checked.
pub fn find_any_seq(bytes: &[u8], from: usize, needles: [&[u8]; 4]) -> Option<usize> {
    find_any_seq_in(bytes, from, needles, cfg!(target_arch = "x86_64"))
}

/// [`find_any_seq`] by vector blocks (`vector`) or by the needles' last bytes.
fn find_any_seq_in(bytes: &[u8], from: usize, needles: [&[u8]; 4], vector: bool) -> Option<usize> {
    const BLOCK: usize = 32;
    // each needle as three (mask, value) pairs: a mask of 0 takes any byte
    let pattern = needles.map(|n| {
        let mut p = [(0u8, 0u8); 3];
        for (k, &b) in n.iter().take(3).enumerate() {
            p[k] = (0xFF, b);
        }
        p
    });
    let at = |i: usize| -> bool {
        needles
            .iter()
            .any(|n| !n.is_empty() && bytes.get(i..).is_some_and(|r| r.starts_with(n)))
    };
    let mut start = from.min(bytes.len());
    if vector {
        while start + BLOCK + 2 <= bytes.len() {
            let b0 = &bytes[start..start + BLOCK];
            let b1 = &bytes[start + 1..start + BLOCK + 1];
            let b2 = &bytes[start + 2..start + BLOCK + 2];
            let mut flag = 0u8;
            for ((&c, &n), &m) in b0.iter().zip(b1).zip(b2) {
                for p in &pattern {
                    flag |= u8::from(
                        (c & p[0].0 == p[0].1) & (n & p[1].0 == p[1].1) & (m & p[2].0 == p[2].1),
                    );
                }
            }
            if flag != 0 {
                if let Some(i) = (start..start + BLOCK).find(|&i| at(i)) {
                    return Some(i);
                }
            }
            start += BLOCK;
        }
    }
    if vector {
        return (start..bytes.len()).find(|&i| at(i));
    }
    let last = needles.map(|n| n.last().copied().unwrap_or(0));
    let mut i = start;
    while let Some(end) = find_byte_of(bytes, i, last) {
        let found = needles.iter().find_map(|n| {
            let s = (end + 1).checked_sub(n.len())?;
            (!n.is_empty() && s >= start && bytes[s..=end] == **n).then_some(s)
        });
        if found.is_some() {
            return found;
        }
        i = end + 1;
    }
    None
}

/// Every occurrence of each of `needles` in `hay`, as (start, needle index), in no
/// particular order. On x86-64 each needle has its own search ([`match_starts`]); elsewhere
/// four needles share a pass that finds their last bytes a word at a time, since a
/// byte-by-byte `memchr` pass for each costs more there.
pub fn find_all_of(hay: &str, needles: &[&str]) -> Vec<(usize, usize)> {
    find_all_of_in(hay, needles, cfg!(target_arch = "x86_64"))
}

fn find_all_of_in(hay: &str, needles: &[&str], per_needle: bool) -> Vec<(usize, usize)> {
    let indexed: Vec<(usize, &[u8])> = needles
        .iter()
        .enumerate()
        .filter(|(_, n)| !n.is_empty())
        .map(|(k, n)| (k, n.as_bytes()))
        .collect();
    if per_needle {
        return indexed
            .iter()
            .flat_map(|&(k, _)| match_starts(hay, needles[k]).map(move |s| (s, k)))
            .collect();
    }
    let bytes = hay.as_bytes();
    let mut out = Vec::new();
    for group in indexed.chunks(4) {
        // a group of fewer than four repeats its first needle's last byte
        let last: [u8; 4] = std::array::from_fn(|k| {
            let n = group.get(k).unwrap_or(&group[0]).1;
            n[n.len() - 1]
        });
        let mut from = 0;
        while let Some(e) = find_byte_of(bytes, from, last) {
            out.extend(
                group
                    .iter()
                    .filter(|(_, n)| e + 1 >= n.len() && bytes[e + 1 - n.len()..=e] == **n)
                    .map(|&(k, n)| (e + 1 - n.len(), k)),
            );
            from = e + 1;
        }
    }
    out
}

/// Byte counts of a UTF-8 text, eight bytes at a time: characters (bytes that are not
/// continuation bytes), characters beyond the BMP (four-byte lead bytes), spaces and tabs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ByteCounts {
    pub chars: usize,
    pub astral: usize,
    pub spaces: usize,
    pub tabs: usize,
}

/// Counts the bytes of `s` (see [`ByteCounts`]): vector code where the target has it
/// (x86-64), eight bytes a word elsewhere (WebAssembly without SIMD).
#[inline]
pub fn count_bytes(s: &[u8]) -> ByteCounts {
    if cfg!(target_arch = "x86_64") {
        count_bytes_simple(s)
    } else {
        count_bytes_swar(s)
    }
}

/// Plain loops over blocks of 255 bytes with byte-sized counters, which the compiler turns
/// into vector code (16 bytes a step on x86-64).
pub fn count_bytes_simple(s: &[u8]) -> ByteCounts {
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

/// Eight bytes a step in a 64-bit word, each count a population count of the high bits:
/// for targets without vector code, where a population count is one instruction.
pub fn count_bytes_swar(s: &[u8]) -> ByteCounts {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // the high bit of each byte that is not zero
    let nonzero = |w: u64| ((w & LOW7).wrapping_add(LOW7) | w) & HIGH;
    let mut words = s.chunks_exact(8);
    let (mut cont, mut astral, mut spaces, mut tabs) = (0u32, 0u32, 0u32, 0u32);
    for b in &mut words {
        let w = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
        // bit 7 of a byte shifted left by k is its bit 7 - k
        cont += (w & !(w << 1) & HIGH).count_ones();
        astral += (w & (w << 1) & (w << 2) & (w << 3) & HIGH).count_ones();
        spaces += 8 - nonzero(w ^ (ONES * u64::from(b' '))).count_ones();
        tabs += 8 - nonzero(w ^ (ONES * u64::from(b'\t'))).count_ones();
    }
    let rest = count_bytes_simple(words.remainder());
    let whole = s.len() - words.remainder().len();
    ByteCounts {
        chars: whole - cont as usize + rest.chars,
        astral: astral as usize + rest.astral,
        spaces: spaces as usize + rest.spaces,
        tabs: tabs as usize + rest.tabs,
    }
}

/// The byte length of the longest prefix of `s` whose characters satisfy `f`.
pub fn take_while_len(s: &str, f: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .find(|&(_, c)| !f(c))
        .map_or(s.len(), |(i, _)| i)
}

/// The largest character boundary of `s` at or below `i`.
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The character at byte `i` of `text`, if `i` is on a boundary within it.
pub fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
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
            "  \t\t 环𝄞𝄞 ",
            &"环境𝄞 a\t".repeat(37),
            &" ".repeat(5000),
            &"𝄞".repeat(3000),
        ] {
            let c = count_bytes(t.as_bytes());
            assert_eq!(c, count_bytes_swar(t.as_bytes()), "{t:?}");
            assert_eq!(c, count_bytes_simple(t.as_bytes()), "{t:?}");
            assert_eq!(c.chars, t.chars().count(), "{t:?}");
            assert_eq!(
                c.astral,
                t.chars().filter(|c| c.len_utf8() == 4).count(),
                "{t:?}"
            );
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
            ("环境环境", "环境"),
            ("x持平", ""),
        ] {
            let std: Vec<usize> = if needle.is_empty() {
                Vec::new()
            } else {
                hay.match_indices(needle).map(|(i, _)| i).collect()
            };
            for memchr in [true, false] {
                let ours: Vec<usize> = match_starts_in(hay, needle, memchr).collect();
                assert_eq!(ours, std, "{hay:?} {needle:?} memchr {memchr}");
            }
            assert_eq!(count_str(hay, needle), std.len(), "{hay:?} {needle:?}");
            assert_eq!(
                has_str(hay, needle),
                hay.contains(needle),
                "{hay:?} {needle:?}"
            );
        }
        for c in ['环', 'a', '𠀀', '，'] {
            for s in ["", "环境", "a，b", "𠀀"] {
                assert_eq!(has(s, c), s.contains(c), "{s:?} {c:?}");
            }
        }
    }

    #[test]
    fn byte_search_agrees_with_position() {
        let set = [b'(', b'[', 0x88, 0x90];
        let mut text: Vec<u8> = "环境保护（一）abc[".repeat(7).into_bytes();
        text.extend(std::iter::repeat_n(b'x', 100));
        text.push(b'(');
        for from in 0..text.len() + 2 {
            let naive = text
                .get(from..)
                .and_then(|r| r.iter().position(|b| set.contains(b)))
                .map(|i| from + i);
            assert_eq!(find_byte_of(&text, from, set), naive, "from {from}");
        }
        assert_eq!(find_byte_of(b"", 0, set), None);
        assert_eq!(find_byte_of(&[0u8; 100], 0, set), None);
        for byte in [b'\n', b'(', 0x88, 0x01, 0xFF] {
            for from in 0..text.len() + 2 {
                let naive = text
                    .get(from..)
                    .and_then(|r| r.iter().position(|&b| b == byte))
                    .map(|i| from + i);
                assert_eq!(find_byte(&text, from, byte), naive, "{byte} from {from}");
            }
        }
    }

    proptest::proptest! {
        /// Characters whose bytes repeat one another's (一 E4 B8 80, 丸 E4 B8 B8, 帀 E5 B8 80).
        #[test]
        fn match_starts_agree_with_std(
            hay in proptest::collection::vec(proptest::sample::select(vec!['一', '丸', '帀', 'x', '𠀀', '，']), 0..30),
            needle in proptest::collection::vec(proptest::sample::select(vec!['一', '丸', '帀', 'x']), 1..3),
        ) {
            let (hay, needle): (String, String) = (hay.into_iter().collect(), needle.into_iter().collect());
            let std: Vec<usize> = hay.match_indices(needle.as_str()).map(|(i, _)| i).collect();
            for memchr in [true, false] {
                let ours: Vec<usize> = match_starts_in(&hay, &needle, memchr).collect();
                proptest::prop_assert_eq!(&ours, &std);
            }
        }

        /// Bytes next to the one looked for that can borrow or carry in the word test.
        #[test]
        fn byte_search_agrees_on_any_bytes(
            text in proptest::collection::vec(proptest::sample::select(vec![0u8, 1, 2, 0x7F, 0x80, 0x81, 0xFE, 0xFF]), 0..40),
            byte in proptest::sample::select(vec![0u8, 1, 0x80, 0xFF]),
            from in 0usize..42,
        ) {
            let naive = text.get(from..).and_then(|r| r.iter().position(|&b| b == byte)).map(|i| from + i);
            proptest::prop_assert_eq!(find_byte(&text, from, byte), naive);
        }
    }

    #[test]
    fn sequence_search_agrees_with_naive() {
        let needles: [&[u8]; 4] = [b"(", b"[", "（".as_bytes(), "【".as_bytes()];
        let mut text: Vec<u8> = "环境保护，（一）ab【c[".repeat(5).into_bytes();
        text.extend(std::iter::repeat_n(b'x', 90));
        text.extend("（".as_bytes());
        text.extend("（".as_bytes()[..2].iter());
        for from in 0..text.len() + 2 {
            let naive =
                (from..text.len()).find(|&i| needles.iter().any(|n| text[i..].starts_with(n)));
            for vector in [true, false] {
                assert_eq!(
                    find_any_seq_in(&text, from, needles, vector),
                    naive,
                    "from {from}"
                );
            }
        }
        assert_eq!(find_any_seq(b"", 0, needles), None);
    }

    #[test]
    fn find_all_agrees_with_match_indices() {
        let hay = "同比持平，基本持平；变化不大，无明显变化，保持稳定平稳x持平持平";
        for needles in [
            &["持平", "变化", "稳定"][..],
            &["持平", "变化", "稳定", "平稳", "x", "持平"][..],
            &["", "平"][..],
            &[][..],
        ] {
            let mut want: Vec<(usize, usize)> = needles
                .iter()
                .enumerate()
                .filter(|(_, n)| !n.is_empty())
                .flat_map(|(k, n)| hay.match_indices(n).map(move |(i, _)| (i, k)))
                .collect();
            want.sort_unstable();
            for per_needle in [true, false] {
                let mut got = find_all_of_in(hay, needles, per_needle);
                got.sort_unstable();
                assert_eq!(got, want, "{needles:?} per needle {per_needle}");
            }
        }
    }

    #[test]
    fn classes() {
        assert!(is_han('环') && is_han('〇') && is_han('𠀀'));
        assert!(!is_han('，') && is_cjk('，') && !is_cjk('a'));
        assert!(is_invisible('\u{202E}') && is_invisible('\u{0007}') && !is_invisible('\n'));
        assert_eq!(chinese_digit('两'), Some(2));
        assert_eq!(chinese_small_unit('佰'), Some(100));
        assert!(is_space('\u{3000}') && !is_space('\n') && is_space('\u{2003}'));
        for c in "零〇一二两十百千万亿壹贰佰仟廿卅○".chars() {
            assert!(is_chinese_numeral(c), "{c}");
        }
        for c in "是个年的环a1".chars() {
            assert!(!is_chinese_numeral(c), "{c}");
        }
    }
}
