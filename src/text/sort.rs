//! Stable sorts by position for vectors of any item type, through one sort of
//! `(position, index)` pairs: every caller shares that one instance of the standard
//! library's sort instead of each item type compiling its own (several kilobytes of
//! WebAssembly each). The lists sorted this way are short (headings, cues, findings).

/// Sorts `items` by `key`, keeping the order of items with the same key.
pub fn by_position<T>(items: &mut Vec<T>, key: impl Fn(&T) -> usize) {
    if items.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return;
    }
    let mut order: Vec<(usize, usize)> = items.iter().map(&key).zip(0..).collect();
    // the index makes equal keys keep their order: the pairs never tie
    order.sort_unstable();
    permute(items, order.into_iter().map(|(_, i)| i));
}

/// Sorts `items` by `first`, then by `second` where `first` ties; stable.
pub fn by_positions<T>(
    items: &mut Vec<T>,
    first: impl Fn(&T) -> usize,
    second: impl Fn(&T) -> usize,
) {
    by_position(items, second);
    by_position(items, first);
}

/// Reorders `items` so that the item at `order[k]` comes `k`-th (`order` a permutation).
fn permute<T>(items: &mut Vec<T>, order: impl Iterator<Item = usize>) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.filter_map(|i| slots.get_mut(i).and_then(Option::take)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_by_one_and_two_keys() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        by_position(&mut v, |x| x.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut w = vec![
            (2, 9, 'a'),
            (1, 5, 'b'),
            (2, 1, 'c'),
            (1, 5, 'd'),
            (1, 0, 'e'),
        ];
        by_positions(&mut w, |x| x.0, |x| x.1);
        assert_eq!(
            w,
            [
                (1, 0, 'e'),
                (1, 5, 'b'),
                (1, 5, 'd'),
                (2, 1, 'c'),
                (2, 9, 'a')
            ]
        );
        let mut empty: Vec<u8> = Vec::new();
        by_position(&mut empty, |&x| x as usize);
        assert!(empty.is_empty());
    }
}
