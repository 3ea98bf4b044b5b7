//! A stable sort for the short lists the map orders: a story's events, its places.
//!
//! The standard library's `sort_by_key` is instantiated for every element and key type, about
//! 3.5 KB of WebAssembly each; the app's five sorts made up 4% of its module. The lists are
//! tens of items long, where an insertion sort — a few hundred bytes — is as fast.

/// Sorts `items` by `key`, keeping equal keys in their order. Quadratic in the worst case, so
/// for lists of up to a few thousand items (an article's events, a map's places).
pub fn sort_by_key<T, K: PartialOrd>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_as_the_standard_library_does() {
        let mut x: u32 = 12345;
        for len in 0..60 {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((x >> 16) % 7, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut std = items;
            std.sort_by_key(|&(k, _)| k);
            assert_eq!(ours, std);
        }
    }

    #[test]
    fn float_keys_sort_by_value() {
        let mut v = [2.5, -1.0, 0.0, 10.0, -0.5];
        sort_by_key(&mut v, |&f| f);
        assert_eq!(v, [-1.0, -0.5, 0.0, 2.5, 10.0]);
    }
}
