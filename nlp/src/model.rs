//! Sparse linear models: hashed features → per-class weights, and their
//! compact, versioned, checksummed binary file format.

use crate::hash::checksum;

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
/// Lookup is an open-addressing table over the sorted feature keys, built at
/// load time; each feature owns a run of `(class, weight)` entries.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Class names, in index order.
    pub labels: Vec<String>,
    /// Free-form description written by the trainer (settings, figures).
    pub info: String,
    /// Open-addressing table: one slot per feature, with its run of entries.
    slots: Vec<Slot>,
    /// `(class, weight)` runs, one per feature.
    entries: Vec<Entry>,
    n_features: usize,
    mask: usize,
}

/// A feature's key and where its weights are; `len == 0` marks an empty slot.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

/// One class weight of a feature.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    class: u32,
    weight: f32,
}

impl Model {
    /// Build a model from per-feature sparse rows (keys need not be sorted).
    #[must_use]
    pub fn from_rows(labels: Vec<String>, info: String, mut rows: Vec<(u64, Vec<(u8, f32)>)>) -> Self {
        rows.sort_unstable_by_key(|r| r.0);
        rows.dedup_by_key(|r| r.0);
        rows.retain(|r| !r.1.is_empty());
        let mut model = Self { labels, info, ..Self::default() };
        model.alloc(rows.len());
        for (key, weights) in rows {
            model.insert(key, weights.into_iter().map(|(c, w)| Entry { class: u32::from(c), weight: w }));
        }
        model
    }

    fn alloc(&mut self, n: usize) {
        let cap = (n * 2).next_power_of_two().max(16);
        self.mask = cap - 1;
        self.slots = vec![Slot::default(); cap];
    }

    fn insert(&mut self, key: u64, weights: impl Iterator<Item = Entry>) {
        let start = self.entries.len();
        self.entries.extend(weights);
        let len = self.entries.len() - start;
        if len == 0 {
            return;
        }
        let mut s = slot_of(key) & self.mask;
        while self.slots[s].len != 0 {
            s = (s + 1) & self.mask;
        }
        self.slots[s] = Slot {
            key,
            start: u32::try_from(start).unwrap_or(u32::MAX),
            len: u32::try_from(len).unwrap_or(0),
        };
        self.n_features += 1;
    }

    /// The features in key order, with their entries (for writing).
    fn sorted_slots(&self) -> Vec<Slot> {
        let mut v: Vec<Slot> = self.slots.iter().copied().filter(|s| s.len != 0).collect();
        v.sort_unstable_by_key(|s| s.key);
        v
    }

    /// Number of classes.
    #[must_use]
    pub fn n_classes(&self) -> usize {
        self.labels.len()
    }

    /// Number of features with at least one weight.
    #[must_use]
    pub const fn n_features(&self) -> usize {
        self.n_features
    }

    #[inline]
    fn find(&self, key: u64) -> Option<Slot> {
        let mut s = slot_of(key) & self.mask;
        loop {
            let slot = *self.slots.get(s)?;
            if slot.len == 0 {
                return None;
            }
            if slot.key == key {
                return Some(slot);
            }
            s = (s + 1) & self.mask;
        }
    }

    /// True when the model has weights for `feature`.
    #[must_use]
    pub fn contains(&self, feature: u64) -> bool {
        self.find(feature).is_some()
    }

    /// The class with the largest weight for `feature` alone, if it has any.
    #[must_use]
    pub fn best_class(&self, feature: u64) -> Option<usize> {
        let slot = self.find(feature)?;
        let run = self.entries.get(slot.start as usize..(slot.start + slot.len) as usize)?;
        run.iter().max_by(|a, b| a.weight.total_cmp(&b.weight)).map(|e| e.class as usize)
    }

    /// Add the weights of `feature` to `scores` (one slot per class).
    #[inline]
    pub fn add(&self, feature: u64, scores: &mut [f32]) {
        if let Some(slot) = self.find(feature)
            && let Some(run) = self.entries.get(slot.start as usize..(slot.start + slot.len) as usize)
        {
            for e in run {
                if let Some(s) = scores.get_mut(e.class as usize) {
                    *s += e.weight;
                }
            }
        }
    }

    /// Sum the weights of all `features` into `scores` (reset first).
    ///
    /// Lookups go in batches: first every feature's home slot is read, with
    /// no branch between the reads, so that their cache misses overlap;
    /// then hits are resolved and their weights added.
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        const BATCH: usize = 16;
        let mut home = [Slot::default(); BATCH];
        for chunk in features.chunks(BATCH) {
            for (h, &f) in home.iter_mut().zip(chunk) {
                *h = self.slots.get(slot_of(f) & self.mask).copied().unwrap_or_default();
            }
            for (h, &f) in home.iter().zip(chunk) {
                let slot = if h.key == f && h.len != 0 {
                    Some(*h)
                } else if h.len == 0 {
                    None
                } else {
                    self.find(f)
                };
                if let Some(slot) = slot
                    && let Some(run) = self.entries.get(slot.start as usize..(slot.start + slot.len) as usize)
                {
                    for e in run {
                        if let Some(s) = scores.get_mut(e.class as usize) {
                            *s += e.weight;
                        }
                    }
                }
            }
        }
    }

    /// Serialise: weights are quantised to 16 bits with one scale per model.
    #[must_use]
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self.entries.iter().fold(0f32, |m, e| m.max(e.weight.abs()));
        let sorted = self.sorted_slots();
        let scale = if max > 0.0 { max / f32::from(i16::MAX) } else { 1.0 };
        let mut out = Vec::with_capacity(64 + sorted.len() * 12 + self.entries.len() * 3);
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, FORMAT_VERSION);
        put_str(&mut out, &self.info);
        put_u32(&mut out, len32(self.labels.len()));
        for l in &self.labels {
            put_str(&mut out, l);
        }
        let n_entries: usize = sorted.iter().map(|s| s.len as usize).sum();
        put_u32(&mut out, len32(sorted.len()));
        put_u32(&mut out, len32(n_entries));
        out.extend_from_slice(&scale.to_le_bytes());
        for s in &sorted {
            out.extend_from_slice(&s.key.to_le_bytes());
        }
        let mut at = 0u32;
        put_u32(&mut out, at);
        for s in &sorted {
            at += s.len;
            put_u32(&mut out, at);
        }
        let runs = || sorted.iter().flat_map(|s| &self.entries[s.start as usize..(s.start + s.len) as usize]);
        // Classes are below 256: the label count is checked on load.
        #[allow(clippy::cast_possible_truncation)]
        out.extend(runs().map(|e| e.class as u8));
        for e in runs() {
            // Rounded and clamped, so the cast cannot wrap.
            #[allow(clippy::cast_possible_truncation)]
            let q = (e.weight / scale).round().clamp(-32767.0, 32767.0) as i16;
            out.extend_from_slice(&q.to_le_bytes());
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
        let keys = r.take(n_keys.checked_mul(8).ok_or(ModelError::Truncated)?)?;
        let keys: Vec<u64> = keys.chunks_exact(8).map(|c| u64::from_le_bytes(le(c))).collect();
        let starts = r.take((n_keys + 1).checked_mul(4).ok_or(ModelError::Truncated)?)?;
        let row_start: Vec<u32> = starts.chunks_exact(4).map(|c| u32::from_le_bytes(le(c))).collect();
        let classes = r.take(n_entries)?;
        let weights = r.take(n_entries.checked_mul(2).ok_or(ModelError::Truncated)?)?;
        if r.at != body.len() {
            return Err(ModelError::Malformed("trailing bytes"));
        }
        if row_start.first() != Some(&0)
            || row_start.last().map(|&x| x as usize) != Some(n_entries)
            || row_start.windows(2).any(|w| w[0] > w[1])
        {
            return Err(ModelError::Malformed("row offsets"));
        }
        if keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(ModelError::Malformed("feature keys out of order"));
        }
        if classes.iter().any(|&c| usize::from(c) >= n_labels) {
            return Err(ModelError::Malformed("class index"));
        }
        let mut model = Self { labels, info, ..Self::default() };
        model.alloc(n_keys);
        model.entries.reserve(n_entries);
        for (i, &key) in keys.iter().enumerate() {
            let (a, b) = (row_start[i] as usize, row_start[i + 1] as usize);
            let run = classes[a..b].iter().zip(weights[2 * a..2 * b].chunks_exact(2));
            model.insert(
                key,
                run.map(|(&c, w)| Entry {
                    class: u32::from(c),
                    weight: f32::from(i16::from_le_bytes(le(w))) * scale,
                }),
            );
        }
        Ok(model)
    }
}

#[inline]
const fn slot_of(key: u64) -> usize {
    // Keys are already well-mixed hashes; fold the high bits in.
    (key ^ (key >> 32)) as usize
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
        assert_eq!(Model::from_bytes(b"nonsense").expect_err("not a model"), ModelError::NotAModel);
        for cut in [9, 20, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..cut]).is_err());
        }
        let mut flipped = bytes.clone();
        let mid = flipped.len() / 2;
        flipped[mid] ^= 0x10;
        assert_eq!(Model::from_bytes(&flipped).expect_err("damaged"), ModelError::Checksum);
        let mut newer = bytes;
        newer[8] = 9;
        assert_eq!(Model::from_bytes(&newer).expect_err("newer"), ModelError::Version { found: 9 });
    }
}
