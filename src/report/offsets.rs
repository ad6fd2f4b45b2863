//! Offsets in the caller's encoding: byte offsets of the original converted to Unicode
//! scalar values, UTF-16 code units or kept as UTF-8 bytes.

use super::OffsetEncoding;

/// Converts byte offsets of the original to the requested encoding: the count of code
/// units before every [`BLOCK`]th byte, then the characters that start between that byte
/// and the offset. Counting the bytes that start characters needs no character
/// boundaries, no sorting, and memory of one entry a block.
pub(crate) struct OffsetConverter<'a> {
    text: &'a str,
    encoding: OffsetEncoding,
    /// Code units of the characters that start before byte `k * BLOCK`.
    checkpoints: Vec<usize>,
}

/// Bytes between two checkpoints.
const BLOCK: usize = 32;

/// Code units of the characters that start within `bytes`: one a character, and a second
/// for each character beyond the Basic Multilingual Plane in UTF-16.
fn units(bytes: &[u8], encoding: OffsetEncoding) -> usize {
    match encoding {
        OffsetEncoding::Utf8 => bytes.len(),
        OffsetEncoding::Chars => bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count(),
        OffsetEncoding::Utf16 => bytes
            .iter()
            .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
            .sum(),
    }
}

impl<'a> OffsetConverter<'a> {
    pub(crate) fn new(text: &'a str, encoding: OffsetEncoding) -> Self {
        let mut checkpoints = Vec::new();
        if encoding != OffsetEncoding::Utf8 {
            checkpoints.reserve(text.len() / BLOCK + 1);
            let mut count = 0;
            checkpoints.push(0);
            for block in text.as_bytes().chunks(BLOCK) {
                let c = crate::text::search::count_bytes(block);
                count += c.chars
                    + if encoding == OffsetEncoding::Utf16 {
                        c.astral
                    } else {
                        0
                    };
                checkpoints.push(count);
            }
        }
        OffsetConverter {
            text,
            encoding,
            checkpoints,
        }
    }

    pub(crate) fn get(&self, byte: usize) -> usize {
        if self.encoding == OffsetEncoding::Utf8 {
            return byte;
        }
        let byte = byte.min(self.text.len());
        let k = byte / BLOCK;
        self.checkpoints.get(k).copied().unwrap_or(0)
            + units(&self.text.as_bytes()[k * BLOCK..byte], self.encoding)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converter_counts_each_encoding() {
        let t = "a环𝄞b";
        let chars = OffsetConverter::new(t, OffsetEncoding::Chars);
        assert_eq!([0, 1, 4, 8, 9].map(|b| chars.get(b)), [0, 1, 2, 3, 4]);
        let utf16 = OffsetConverter::new(t, OffsetEncoding::Utf16);
        assert_eq!([0, 1, 4, 8, 9].map(|b| utf16.get(b)), [0, 1, 2, 4, 5]);
        // across many blocks
        let long = "环境𝄞a".repeat(500);
        let chars = OffsetConverter::new(&long, OffsetEncoding::Chars);
        let utf16 = OffsetConverter::new(&long, OffsetEncoding::Utf16);
        for (b, _) in long.char_indices().step_by(7).chain([(long.len(), ' ')]) {
            assert_eq!(chars.get(b), long[..b].chars().count());
            assert_eq!(utf16.get(b), long[..b].encode_utf16().count());
        }
    }
}
