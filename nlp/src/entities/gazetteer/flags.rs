//! The per-token bitset of gazetteer hits.

use std::ops::{BitOr, BitOrAssign};

/// What the gazetteers say about one token: which kinds of name it begins
/// or continues, and which single-word lists it is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct GazFlags(pub u32);

impl GazFlags {
    /// No hit.
    pub const EMPTY: Self = Self(0);
    /// First word of a country name ("United" in "United States").
    pub const COUNTRY_BEGIN: Self = Self(1 << 0);
    /// Later word of a country name.
    pub const COUNTRY_INSIDE: Self = Self(1 << 1);
    /// First word of a city name.
    pub const CITY_BEGIN: Self = Self(1 << 2);
    /// Later word of a city name.
    pub const CITY_INSIDE: Self = Self(1 << 3);
    /// First word of a US state, continent or other region.
    pub const REGION_BEGIN: Self = Self(1 << 4);
    /// Later word of a region name.
    pub const REGION_INSIDE: Self = Self(1 << 5);
    /// First word of a known organisation's name.
    pub const ORG_BEGIN: Self = Self(1 << 6);
    /// Later word of a known organisation's name.
    pub const ORG_INSIDE: Self = Self(1 << 7);
    /// First word of a nationality, demonym or group adjective ("South Korean").
    pub const NATIONALITY_BEGIN: Self = Self(1 << 8);
    /// Later word of a nationality.
    pub const NATIONALITY_INSIDE: Self = Self(1 << 9);
    /// First word of a job title ("Secretary" in "Secretary of State").
    pub const TITLE_BEGIN: Self = Self(1 << 10);
    /// Later word of a job title.
    pub const TITLE_INSIDE: Self = Self(1 << 11);
    /// A known given name.
    pub const GIVEN_NAME: Self = Self(1 << 12);
    /// A known surname.
    pub const SURNAME: Self = Self(1 << 13);
    /// A word that names or ends organisations ("University", "Party", "Inc.").
    pub const ORG_KEYWORD: Self = Self(1 << 14);
    /// A word that may extend a title ("deputy", "acting").
    pub const TITLE_MODIFIER: Self = Self(1 << 15);

    /// Every flag with a short name, for feature extraction and debugging.
    pub const ALL: [(Self, &'static str); 16] = [
        (Self::COUNTRY_BEGIN, "country-b"),
        (Self::COUNTRY_INSIDE, "country-i"),
        (Self::CITY_BEGIN, "city-b"),
        (Self::CITY_INSIDE, "city-i"),
        (Self::REGION_BEGIN, "region-b"),
        (Self::REGION_INSIDE, "region-i"),
        (Self::ORG_BEGIN, "org-b"),
        (Self::ORG_INSIDE, "org-i"),
        (Self::NATIONALITY_BEGIN, "nationality-b"),
        (Self::NATIONALITY_INSIDE, "nationality-i"),
        (Self::TITLE_BEGIN, "title-b"),
        (Self::TITLE_INSIDE, "title-i"),
        (Self::GIVEN_NAME, "given-name"),
        (Self::SURNAME, "surname"),
        (Self::ORG_KEYWORD, "org-keyword"),
        (Self::TITLE_MODIFIER, "title-modifier"),
    ];

    /// True when every flag of `other` is set.
    #[must_use]
    pub const fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    /// True when any flag of `other` is set.
    #[must_use]
    pub const fn intersects(self, other: Self) -> bool {
        self.0 & other.0 != 0
    }

    /// True when no flag is set.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Set the flags of `other`.
    pub const fn insert(&mut self, other: Self) {
        self.0 |= other.0;
    }

    /// Clear the flags of `other`.
    pub const fn remove(&mut self, other: Self) {
        self.0 &= !other.0;
    }

    /// The matches marked in `flags` with `begin` on their first word and
    /// `inside` on the others, as word ranges in text order.
    #[must_use]
    pub fn runs(flags: &[Self], begin: Self, inside: Self) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < flags.len() {
            if !flags[i].contains(begin) {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            while end < flags.len() && flags[end].contains(inside) && !flags[end].contains(begin) {
                end += 1;
            }
            out.push(i..end);
            i = end;
        }
        out
    }

    /// The names of the flags that are set, in [`GazFlags::ALL`] order.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        Self::ALL.into_iter().filter(move |(f, _)| self.contains(*f)).map(|(_, n)| n)
    }
}

impl BitOr for GazFlags {
    type Output = Self;

    fn bitor(self, rhs: Self) -> Self {
        Self(self.0 | rhs.0)
    }
}

impl BitOrAssign for GazFlags {
    fn bitor_assign(&mut self, rhs: Self) {
        self.0 |= rhs.0;
    }
}
