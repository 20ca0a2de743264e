//! Annotating many texts on several threads with the results in input order:
//! each thread takes the next text in turn, so long and short texts even out.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` of every item on up to `threads` threads, in the items' order. An
/// item whose thread died before giving its result (a panic in `f`) gets
/// `None`; callers that catch panics inside `f` never see one.
pub fn map_in_order<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<Option<R>> {
    let threads = threads.min(items.len()).max(1);
    if threads == 1 {
        return items.iter().map(|item| Some(f(item))).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    let mut done = done.into_iter().peekable();
    (0..items.len()).map(|i| done.next_if(|(j, _)| *j == i).map(|(_, r)| r)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_input_order_on_any_number_of_threads() {
        let items: Vec<u64> = (0..1000).collect();
        for threads in [1, 2, 7] {
            let out = map_in_order(&items, threads, |n| n * n);
            assert_eq!(out, items.iter().map(|n| Some(n * n)).collect::<Vec<_>>());
        }
        assert!(map_in_order(&Vec::<u8>::new(), 4, |b| *b).is_empty());
    }
}
