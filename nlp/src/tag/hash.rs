//! Fast, stable 64-bit hashing of feature strings.
//!
//! Feature keys are stored in model files, so the hash must never change
//! between versions or platforms: it is defined here, not taken from std.

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// Mix one 64-bit word into the state.
#[inline]
#[must_use]
pub const fn mix(state: u64, word: u64) -> u64 {
    (state ^ word).wrapping_mul(K).rotate_left(29) ^ (state >> 17)
}

/// Hash `bytes` starting from `seed`.
#[inline]
#[must_use]
pub fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = mix(seed, bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(w));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(w) ^ 0xFF);
    }
    finish(h)
}

/// Final avalanche so that nearby inputs spread over the whole range.
#[inline]
#[must_use]
pub const fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// A checksum of a byte buffer (used by the model file format).
#[must_use]
pub fn checksum(bytes: &[u8]) -> u64 {
    hash_bytes(0x5A59_5A4F_434B_534D, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_stable_and_discriminates() {
        // The value is part of the model format: changing the function breaks models.
        assert_eq!(hash_bytes(1, b"said"), hash_bytes(1, b"said"));
        assert_ne!(hash_bytes(1, b"said"), hash_bytes(2, b"said"));
        assert_ne!(hash_bytes(1, b"said"), hash_bytes(1, b"says"));
        assert_ne!(hash_bytes(1, b""), hash_bytes(1, b"\0"));
        assert_ne!(hash_bytes(1, b"abcdefgh"), hash_bytes(1, b"abcdefgh\0"));
    }
}

/// A `Hasher` for keys that already are well-mixed 64-bit hashes.
#[derive(Debug, Default, Clone, Copy)]
pub struct PrehashedHasher(u64);

impl std::hash::Hasher for PrehashedHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(self.0, bytes);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 ^= n;
    }
}

/// A `HashMap` keyed by precomputed hashes.
pub type PrehashedMap<V> = std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<PrehashedHasher>>;

/// A `HashSet` of precomputed hashes.
pub type PrehashedSet = std::collections::HashSet<u64, std::hash::BuildHasherDefault<PrehashedHasher>>;
