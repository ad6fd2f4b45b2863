//! Byte comparison for WebAssembly. Without a C library, `memcmp` (under every string
//! comparison, `starts_with` and hash table lookup) comes from compiler-builtins, which
//! compares one byte at a time; this one compares eight at a time, and replaces it there
//! (the built-in one is a weak symbol).

/// Compares `n` bytes of `a` and `b` as `memcmp` does: the sign of the difference of the
/// first pair of bytes that differ, as unsigned, or zero.
///
/// # Safety
/// `a` and `b` must be valid for reads of `n` bytes.
#[inline]
unsafe fn compare(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i = 0;
    while i + 8 <= n {
        // SAFETY: `i + 8 <= n`, and both are readable for `n` bytes.
        let (x, y) = unsafe {
            (
                a.add(i).cast::<u64>().read_unaligned(),
                b.add(i).cast::<u64>().read_unaligned(),
            )
        };
        if x != y {
            // the first differing byte in memory order is the lowest differing one of
            // little-endian words
            let (x, y) = (u64::from_le(x), u64::from_le(y));
            let shift = (x ^ y).trailing_zeros() / 8 * 8;
            return i32::from((x >> shift) as u8) - i32::from((y >> shift) as u8);
        }
        i += 8;
    }
    while i < n {
        // SAFETY: `i < n`.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y {
            return i32::from(x) - i32::from(y);
        }
        i += 1;
    }
    0
}

/// `memcmp` for WebAssembly.
///
/// # Safety
/// `a` and `b` must be valid for reads of `n` bytes.
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
#[no_mangle]
#[inline(never)]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    // SAFETY: the caller's promise.
    unsafe { compare(a, b, n) }
}

/// `bcmp` (whether `n` bytes are equal: zero if they are) for WebAssembly.
///
/// # Safety
/// `a` and `b` must be valid for reads of `n` bytes.
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
#[no_mangle]
#[inline(never)]
pub unsafe extern "C" fn bcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    // SAFETY: the caller's promise.
    unsafe { compare(a, b, n) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sign(a: &[u8], b: &[u8]) -> i32 {
        assert_eq!(a.len(), b.len());
        // SAFETY: both slices have `a.len()` bytes.
        unsafe { compare(a.as_ptr(), b.as_ptr(), a.len()) }.signum()
    }

    fn expected(a: &[u8], b: &[u8]) -> i32 {
        a.cmp(b) as i32
    }

    proptest! {
        /// Equal prefixes with one changed byte anywhere, in the words or the tail.
        #[test]
        fn agrees_with_slice_order(a in prop::collection::vec(any::<u8>(), 0..40), at in any::<usize>(), to in any::<u8>()) {
            let mut b = a.clone();
            if !b.is_empty() {
                let k = at % b.len();
                b[k] = to;
            }
            prop_assert_eq!(sign(&a, &b), expected(&a, &b));
            prop_assert_eq!(sign(&b, &a), expected(&b, &a));
        }

        #[test]
        fn agrees_on_random_bytes(a in prop::collection::vec(any::<u8>(), 0..24), b in prop::collection::vec(any::<u8>(), 0..24)) {
            let n = a.len().min(b.len());
            prop_assert_eq!(sign(&a[..n], &b[..n]), expected(&a[..n], &b[..n]));
        }
    }

    #[test]
    fn unsigned_bytes_and_the_first_difference_count() {
        assert!(sign(b"abcdefgh\x80", b"abcdefgh\x01") > 0);
        assert!(sign(b"\x01bcdefghzzzz", b"\x02bcdefghaaaa") < 0);
        assert_eq!(sign(b"", b""), 0);
        assert_eq!(
            sign(
                b"same bytes, longer than a word",
                b"same bytes, longer than a word"
            ),
            0
        );
    }
}
