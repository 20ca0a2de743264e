//! Training the engine's models from a PolNeAR-style corpus folder:
//! `<split>/silver.jsonl` (machine tokens, tags, entities) beside
//! `<split>/text/<name>.txt`, and gold attributions in `<split>/attributions`.
//!
//! Training is deterministic: documents are visited in a fixed, seeded order.

pub mod attribution;
pub mod brat;
pub mod clusters;
pub mod conll;
pub mod coref;
pub mod ends;
pub mod gum;
pub mod parser;
pub mod perceptron;
pub mod person_nouns;
pub mod review;
pub mod silver;
pub mod sparse;
pub mod taggers;
pub mod treebank;

/// A small deterministic random-number generator (SplitMix64) for shuffling.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    #[must_use]
    pub const fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub const fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Shuffle a slice in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = usize::try_from(self.next_u64() % (i as u64 + 1)).unwrap_or(0);
            items.swap(i, j);
        }
    }
}
