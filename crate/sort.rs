//! One small stable sort for the whole crate.
//!
//! The standard library's sorts are generic: every element type (and every `BTreeMap` built with
//! `collect`, which sorts its input) gets its own copy of driftsort or ipnsort, about 4 KB of wasm
//! each, 14 copies in all (docs/performance.md). The lists sorted here are short (tens of items), so
//! one merge sort over *indices*, compiled once, and a tiny generic step that moves the elements
//! into that order cost far less and are fast enough. Use [`sort_by`], [`sort_by_key`] and
//! [`sort`] instead of the slice methods, and [`map_from`] instead of collecting into a `BTreeMap`.
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Sorts `v` stably by `cmp`, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = sorted_indices(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` stably by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably in ascending order, like `slice::sort`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// A map from pairs, the last value winning for a repeated key, as `collect::<BTreeMap<_, _>>()`
/// does, but by insertion (no sort).
pub fn map_from<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        map.insert(k, v);
    }
    map
}

/// The indices `0..n` in stable sorted order (`order[k]` = the index of the element that belongs
/// at position `k`): a top-down merge sort; not generic, so compiled once.
fn sorted_indices(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut scratch = order.clone();
    merge_sort(&mut order, &mut scratch, cmp);
    order
}

fn merge_sort(v: &mut [usize], scratch: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    let n = v.len();
    if n < 2 {
        return;
    }
    let mid = n / 2;
    merge_sort(&mut v[..mid], &mut scratch[..mid], cmp);
    merge_sort(&mut v[mid..], &mut scratch[mid..], cmp);
    scratch[..n].copy_from_slice(v);
    let (left, right) = scratch[..n].split_at(mid);
    let (mut i, mut j) = (0, 0);
    for slot in v.iter_mut() {
        // Take from the right only when strictly less: equal elements keep their order.
        let take_right = i == left.len() || (j < right.len() && cmp(right[j], left[i]) == Ordering::Less);
        if take_right {
            *slot = right[j];
            j += 1;
        } else {
            *slot = left[i];
            i += 1;
        }
    }
}

/// Moves the elements of `v` so that position `k` holds what was at `order[k]`, by swaps.
fn permute<T>(v: &mut [T], order: Vec<usize>) {
    for i in 0..v.len() {
        // Positions before `i` are final; the element first at `order[i]` has been swapped along
        // the chain of earlier positions, so follow it to where it is now.
        let mut from = order[i];
        while from < i {
            from = order[from];
        }
        v.swap(i, from);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, ties included.
        #[test]
        fn agrees_with_std(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            let mut std = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            std.sort_by_key(|x| x.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn sorts_fully(v in proptest::collection::vec(any::<i32>(), 0..300)) {
            let mut ours = v.clone();
            let mut std = v;
            sort(&mut ours);
            std.sort();
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn map_from_agrees_with_collect(v in proptest::collection::vec((0u8..20, any::<u8>()), 0..60)) {
            let ours = map_from(v.iter().copied());
            let std: BTreeMap<u8, u8> = v.into_iter().collect();
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn reverse_and_descending() {
        let mut v: Vec<u32> = (0..50).rev().collect();
        sort_by(&mut v, |a, b| a.cmp(b));
        assert_eq!(v, (0..50).collect::<Vec<_>>());
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, (0..50).rev().collect::<Vec<_>>());
    }
}
