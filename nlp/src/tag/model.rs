//! Sparse linear models: hashed features → per-class weights, and their
//! compact, versioned, checksummed binary file format.

use crate::tag::hash::checksum;

/// File signature of every model file.
const MAGIC: &[u8; 8] = b"SAYSOMDL";
/// Version of the model file layout.
pub const FORMAT_VERSION: u32 = 1;

/// Why a model file could not be loaded.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    /// The file does not start with the model signature.
    #[error("not a sayso model file")]
    NotAModel,
    /// The file was written by another version of the format.
    #[error("model format version {found} is not supported (expected {FORMAT_VERSION})")]
    Version {
        /// The version found in the file.
        found: u32,
    },
    /// The file ends early.
    #[error("model file is truncated")]
    Truncated,
    /// The checksum does not match: the file is damaged.
    #[error("model file is damaged (checksum mismatch)")]
    Checksum,
    /// The content is inconsistent.
    #[error("model file is malformed: {0}")]
    Malformed(&'static str),
}

/// A trained sparse linear model over hashed features.
///
/// Lookup is an open-addressing table of 8-byte slots (a 32-bit key
/// fingerprint and the place of the feature's weights), built at load
/// time; each feature owns a run of `(class, weight)` entries of 4 bytes,
/// weights quantised to 16 bits with one scale per model. Small slots and
/// entries keep the hot part of a model within the processor's caches.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Class names, in index order.
    pub labels: Vec<String>,
    /// Free-form description written by the trainer (settings, figures).
    pub info: String,
    slots: Vec<Slot>,
    entries: Vec<Entry>,
    /// Full keys in ascending order, for writing (their runs follow one
    /// another in `entries` in the same order, and the slots know them).
    keys: Vec<u64>,
    /// One bit per possible key hash: most features of new text are not in
    /// the model, and this small filter (it fits in a fast cache) answers
    /// for most of them without touching the large slot table.
    filter: Vec<u64>,
    scale: f32,
    mask: usize,
    /// Right shift taking a key's top bits as its home slot.
    shift: u32,
}

/// Most features [`Model::score`] sums in integers: 511 weights of at most
/// 2^15 stay below 2^24, where `f32` adds whole numbers exactly.
const EXACT_FEATURES: usize = 511;

/// Bits in the absent-key filter (128 KiB).
const FILTER_BITS: usize = 1 << 20;

#[inline]
const fn filter_bit(key: u64) -> usize {
    // Bits 20..40 of the key: independent of the slot index and fingerprint.
    ((key >> 20) as usize) & (FILTER_BITS - 1)
}

/// Where a feature's entries are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    start: u32,
    len: u32,
}

/// A key fingerprint and a packed run (`start << 8 | len - 1`); `EMPTY` marks a free slot.
#[derive(Debug, Clone, Copy)]
struct Slot {
    fingerprint: u32,
    packed: u32,
}

const EMPTY: u32 = u32::MAX;
/// Most entries a model may hold (runs are packed in 24 bits).
const MAX_ENTRIES: usize = (1 << 24) - 2;

impl Default for Slot {
    fn default() -> Self {
        Self { fingerprint: 0, packed: EMPTY }
    }
}

/// One class weight of a feature, in units of the model's scale.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    class: u8,
    weight: i16,
}

impl Model {
    /// Build a model from per-feature sparse rows (keys need not be sorted).
    /// Weights are quantised as they would be in a file, so a model scores
    /// the same before and after a round trip.
    #[must_use]
    pub fn from_rows(labels: Vec<String>, info: String, mut rows: Vec<(u64, Vec<(u8, f32)>)>) -> Self {
        rows.sort_unstable_by_key(|r| r.0);
        rows.dedup_by_key(|r| r.0);
        rows.retain(|r| !r.1.is_empty());
        let max = rows.iter().flat_map(|r| r.1.iter()).fold(0f32, |m, &(_, w)| m.max(w.abs()));
        let scale = if max > 0.0 { max / f32::from(i16::MAX) } else { 1.0 };
        let mut model = Self { labels, info, scale, ..Self::default() };
        model.alloc(rows.len());
        for (key, weights) in rows {
            // Rounded and clamped, so the cast cannot wrap.
            #[allow(clippy::cast_possible_truncation)]
            model.insert(
                key,
                weights.into_iter().map(|(c, w)| Entry {
                    class: c,
                    weight: (w / scale).round().clamp(-32767.0, 32767.0) as i16,
                }),
            );
        }
        model
    }

    fn alloc(&mut self, n: usize) {
        // At most 5 keys in 8 slots: short probe runs, and the largest
        // model's table half the size a load of one half would take.
        let cap = (n.saturating_mul(8) / 5).next_power_of_two().max(16);
        self.mask = cap - 1;
        self.shift = 64 - cap.trailing_zeros();
        self.slots = vec![Slot::default(); cap];
        self.filter = vec![0; FILTER_BITS / 64];
        self.keys.reserve(n);
    }

    /// Add a feature; keys must come in ascending order.
    fn insert(&mut self, key: u64, weights: impl Iterator<Item = Entry>) {
        let start = self.entries.len();
        self.entries.extend(weights.take(256));
        let len = self.entries.len() - start;
        if len == 0 || self.entries.len() > MAX_ENTRIES {
            self.entries.truncate(start);
            return;
        }
        let (start, len) = (u32::try_from(start).unwrap_or(0), u32::try_from(len).unwrap_or(1));
        self.place(key, Run { start, len });
    }

    /// Point a slot for `key` at its entries `run` (not empty, at most 256).
    fn place(&mut self, key: u64, run: Run) {
        let mut s = self.slot_of(key);
        while self.slots[s].packed != EMPTY {
            s = (s + 1) & self.mask;
        }
        self.slots[s] = Slot { fingerprint: fingerprint(key), packed: (run.start << 8) | (run.len - 1) };
        let bit = filter_bit(key);
        self.filter[bit / 64] |= 1 << (bit % 64);
        self.keys.push(key);
    }

    /// Number of classes.
    #[must_use]
    pub fn n_classes(&self) -> usize {
        self.labels.len()
    }

    /// Number of features with at least one weight.
    #[must_use]
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// The home slot of `key`: its top bits. Keys arrive in ascending order
    /// when a model is built, so the table fills front to back instead of
    /// at random places, which makes loading cache-friendly.
    #[inline]
    const fn slot_of(&self, key: u64) -> usize {
        // The shift is at most 60 and the mask keeps the index in the table.
        #[allow(clippy::cast_possible_truncation)]
        let top = key.wrapping_shr(self.shift) as usize;
        top & self.mask
    }

    #[inline]
    fn find(&self, key: u64) -> Option<&[Entry]> {
        self.run_of(self.find_packed(key)?)
    }

    /// The packed run of `key`'s slot, if the key is in the model.
    #[inline]
    fn find_packed(&self, key: u64) -> Option<u32> {
        let bit = filter_bit(key);
        if self.filter.get(bit / 64).is_none_or(|w| w & (1 << (bit % 64)) == 0) {
            return None;
        }
        let fp = fingerprint(key);
        let mut s = self.slot_of(key);
        loop {
            let slot = *self.slots.get(s)?;
            if slot.packed == EMPTY {
                return None;
            }
            if slot.fingerprint == fp {
                return Some(slot.packed);
            }
            s = (s + 1) & self.mask;
        }
    }

    /// The entries a packed run points at.
    #[inline]
    fn run_of(&self, packed: u32) -> Option<&[Entry]> {
        let start = (packed >> 8) as usize;
        let len = (packed & 0xFF) as usize + 1;
        self.entries.get(start..start + len)
    }

    /// True when the model has weights for `feature`.
    #[must_use]
    pub fn contains(&self, feature: u64) -> bool {
        self.find(feature).is_some()
    }

    /// The class with the largest weight for `feature` alone, if it has any.
    #[must_use]
    pub fn best_class(&self, feature: u64) -> Option<usize> {
        self.find(feature)?.iter().max_by_key(|e| e.weight).map(|e| usize::from(e.class))
    }

    /// Add the weights of `feature` to `scores` (one slot per class).
    #[inline]
    pub fn add(&self, feature: u64, scores: &mut [f32]) {
        if let Some(run) = self.find(feature) {
            for e in run {
                if let Some(s) = scores.get_mut(usize::from(e.class)) {
                    *s += f32::from(e.weight) * self.scale;
                }
            }
        }
    }

    /// Sum the weights of all `features` into `scores` (reset first).
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        if features.len() <= EXACT_FEATURES {
            self.score_exact(features, scores);
            return;
        }
        scores.iter_mut().for_each(|s| *s = 0.0);
        for &f in features {
            if let Some(run) = self.find(f) {
                for e in run {
                    if let Some(s) = scores.get_mut(usize::from(e.class)) {
                        *s += f32::from(e.weight);
                    }
                }
            }
        }
        scores.iter_mut().for_each(|s| *s *= self.scale);
    }

    /// [`Model::score`] summing in integers: the weights are whole numbers
    /// of the scale, and a sum of at most [`EXACT_FEATURES`] of them stays
    /// below 2^24, where every `f32` partial sum is exact — so the result
    /// is the same as adding them one by one in `f32`, only cheaper.
    #[inline]
    fn score_exact(&self, features: &[u64], scores: &mut [f32]) {
        // All slots first, then all entries: the lookups do not wait on one
        // another, so their cache misses overlap. Integer sums do not
        // depend on the order of the additions.
        let mut packed = [0u32; EXACT_FEATURES];
        let mut n = 0;
        for &f in features {
            if let (Some(p), Some(slot)) = (self.find_packed(f), packed.get_mut(n)) {
                *slot = p;
                n += 1;
            }
        }
        // Indexed by a u8 class: no bounds checks in the inner loop.
        let mut sums = [0i32; 256];
        for &p in &packed[..n] {
            for e in self.run_of(p).unwrap_or_default() {
                sums[usize::from(e.class)] += i32::from(e.weight);
            }
        }
        for (s, &sum) in scores.iter_mut().zip(&sums) {
            // |sum| < 2^24: the conversion is exact.
            #[allow(clippy::cast_precision_loss)]
            let total = sum as f32;
            *s = total * self.scale;
        }
        scores.iter_mut().skip(sums.len()).for_each(|s| *s = 0.0);
    }

    /// The runs of the features, in the order of [`Self::keys`]: features
    /// are added in ascending key order and each run is appended after the
    /// last, so sorting the slots' runs by start puts them in key order.
    fn runs_in_key_order(&self) -> Vec<Run> {
        let mut runs: Vec<Run> = self
            .slots
            .iter()
            .filter(|s| s.packed != EMPTY)
            .map(|s| Run { start: s.packed >> 8, len: (s.packed & 0xFF) + 1 })
            .collect();
        runs.sort_unstable_by_key(|r| r.start);
        runs
    }

    /// Serialise: keys in ascending order, run offsets, classes, 16-bit weights.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.keys.len() * 12 + self.entries.len() * 3);
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, FORMAT_VERSION);
        put_str(&mut out, &self.info);
        put_u32(&mut out, len32(self.labels.len()));
        for l in &self.labels {
            put_str(&mut out, l);
        }
        let runs = self.runs_in_key_order();
        let n_entries: usize = runs.iter().map(|r| r.len as usize).sum();
        put_u32(&mut out, len32(self.keys.len()));
        put_u32(&mut out, len32(n_entries));
        out.extend_from_slice(&self.scale.to_le_bytes());
        for k in &self.keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        let mut at = 0u32;
        put_u32(&mut out, at);
        for r in &runs {
            at += r.len;
            put_u32(&mut out, at);
        }
        let runs = || runs.iter().flat_map(|r| &self.entries[r.start as usize..(r.start + r.len) as usize]);
        out.extend(runs().map(|e| e.class));
        for e in runs() {
            out.extend_from_slice(&e.weight.to_le_bytes());
        }
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Load a model written by [`Model::to_bytes`], checking signature,
    /// version, checksum and internal consistency.
    ///
    /// # Errors
    /// A [`ModelError`] saying what is wrong with the bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        if bytes.len() < MAGIC.len() + 12 || &bytes[..8] != MAGIC {
            return Err(ModelError::NotAModel);
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        let mut r = Reader { bytes: body, at: 8 };
        let version = r.u32()?;
        if version != FORMAT_VERSION {
            return Err(ModelError::Version { found: version });
        }
        if checksum(body).to_le_bytes() != sum {
            return Err(ModelError::Checksum);
        }
        let info = r.string()?;
        let n_labels = r.u32()? as usize;
        if n_labels == 0 || n_labels > 256 {
            return Err(ModelError::Malformed("label count"));
        }
        let labels = (0..n_labels).map(|_| r.string()).collect::<Result<Vec<_>, _>>()?;
        let n_keys = r.u32()? as usize;
        let n_entries = r.u32()? as usize;
        let scale = f32::from_le_bytes(r.array()?);
        // Read in place rather than copied out: a large model would briefly
        // hold its keys and offsets twice.
        let keys = r.take(n_keys.checked_mul(8).ok_or(ModelError::Truncated)?)?;
        let keys = || keys.chunks_exact(8).map(|c| u64::from_le_bytes(le(c)));
        let starts = r.take((n_keys + 1).checked_mul(4).ok_or(ModelError::Truncated)?)?;
        // Each feature's run of entries: from its offset to the next.
        let runs = || {
            let mut offsets = starts.chunks_exact(4).map(|c| u32::from_le_bytes(le(c)));
            let mut prev = offsets.next();
            std::iter::from_fn(move || {
                let (a, b) = (prev?, offsets.next()?);
                prev = Some(b);
                Some((a, b))
            })
        };
        let classes = r.take(n_entries)?;
        let weights = r.take(n_entries.checked_mul(2).ok_or(ModelError::Truncated)?)?;
        if r.at != body.len() {
            return Err(ModelError::Malformed("trailing bytes"));
        }
        let first = starts.get(..4).map(|c| u32::from_le_bytes(le(c)));
        let last =
            starts.len().checked_sub(4).and_then(|at| starts.get(at..)).map(|c| u32::from_le_bytes(le(c)));
        if first != Some(0) || last.map(|x| x as usize) != Some(n_entries) || runs().any(|(a, b)| a > b) {
            return Err(ModelError::Malformed("row offsets"));
        }
        if keys().zip(keys().skip(1)).any(|(a, b)| a >= b) {
            return Err(ModelError::Malformed("feature keys out of order"));
        }
        if classes.iter().any(|&c| usize::from(c) >= n_labels) {
            return Err(ModelError::Malformed("class index"));
        }
        if n_entries > MAX_ENTRIES || runs().any(|(a, b)| b - a > 256) {
            return Err(ModelError::Malformed("too many weights"));
        }
        let mut model = Self { labels, info, scale, ..Self::default() };
        model.alloc(n_keys);
        // The file's runs lie in key order, as inserting them would lay them out.
        model.entries = classes
            .iter()
            .zip(weights.chunks_exact(2))
            .map(|(&c, w)| Entry { class: c, weight: i16::from_le_bytes(le(w)) })
            .collect();
        for (key, (a, b)) in keys().zip(runs()) {
            if b > a {
                model.place(key, Run { start: a, len: b - a });
            }
        }
        Ok(model)
    }
}

/// The low half of a key, kept in its slot to tell keys apart (the home
/// slot comes from the top bits).
#[inline]
const fn fingerprint(key: u64) -> u32 {
    key as u32
}

fn le<const N: usize>(c: &[u8]) -> [u8; N] {
    let mut a = [0u8; N];
    a.copy_from_slice(c);
    a
}

fn len32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, len32(s.len()));
    out.extend_from_slice(s.as_bytes());
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.bytes.get(self.at..end).ok_or(ModelError::Truncated)?;
        self.at = end;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        Ok(le(self.take(N)?))
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn string(&mut self) -> Result<String, ModelError> {
        let n = self.u32()? as usize;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| ModelError::Malformed("text is not UTF-8"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Model {
        let rows = vec![(42, vec![(0, 1.5), (2, -0.25)]), (7, vec![(1, 3.0)]), (99, vec![])];
        Model::from_rows(vec!["A".into(), "B".into(), "C".into()], "test".into(), rows)
    }

    #[test]
    fn shipped_models_are_written_back_byte_for_byte() {
        for bytes in [
            &include_bytes!("../../../assets/models/pos.bin")[..],
            &include_bytes!("../../../assets/models/attribution.bin")[..],
            &include_bytes!("../../../assets/models/review.bin")[..],
        ] {
            let model = Model::from_bytes(bytes).expect("shipped model loads");
            assert!(model.n_features() > 1000);
            assert!(model.to_bytes() == bytes, "the written model equals the file it was read from");
        }
    }

    #[test]
    fn scores_survive_a_round_trip() {
        let m = tiny();
        let back = Model::from_bytes(&m.to_bytes()).expect("round trip");
        assert_eq!(back.labels, m.labels);
        assert_eq!(back.info, "test");
        assert_eq!(back.n_features(), 2);
        let mut s = [0f32; 3];
        back.score(&[42, 7, 1234], &mut s);
        assert!((s[0] - 1.5).abs() < 1e-3 && (s[1] - 3.0).abs() < 1e-3 && (s[2] + 0.25).abs() < 1e-3);
    }

    #[test]
    fn damage_is_detected() {
        let bytes = tiny().to_bytes();
        assert_eq!(Model::from_bytes(b"nonsense").unwrap_err(), ModelError::NotAModel);
        for cut in [9, 20, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..cut]).is_err());
        }
        let mut flipped = bytes.clone();
        let mid = flipped.len() / 2;
        flipped[mid] ^= 0x10;
        assert_eq!(Model::from_bytes(&flipped).unwrap_err(), ModelError::Checksum);
        let mut newer = bytes;
        newer[8] = 9;
        assert_eq!(Model::from_bytes(&newer).unwrap_err(), ModelError::Version { found: 9 });
    }
}
