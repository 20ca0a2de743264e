//! Builds the gazetteer's lookup table from the lists in `assets/` at
//! compile time, so the engine reads a compact table when it starts instead
//! of parsing and hashing some 50,000 lines.

use std::error::Error;
use std::path::Path;
use std::{env, fs};

#[allow(dead_code)]
#[path = "src/text/keys.rs"]
pub mod keys;
// The table reaches the word keys as `crate::text::keys`, as in the library.
mod text {
    pub use super::keys;
}
#[allow(dead_code)]
#[path = "src/entities/gazetteer/table.rs"]
mod table;

use table::{Kind, Table};

/// Every list and the kind it feeds, relative to `assets/`.
const LISTS: [(&str, Kind); 13] = [
    ("gazetteers/countries.tsv", Kind::Country),
    ("gazetteers/cities.tsv", Kind::City),
    ("gazetteers/us-states.tsv", Kind::Region),
    ("gazetteers/continents.tsv", Kind::Region),
    ("gazetteers/companies.tsv", Kind::Org),
    ("gazetteers/given-names.tsv", Kind::GivenName),
    ("gazetteers/surnames.tsv", Kind::Surname),
    ("gazetteers/org-suffixes.tsv", Kind::OrgKeyword),
    ("lexicons/organisations.txt", Kind::Org),
    ("lexicons/org-keywords.txt", Kind::OrgKeyword),
    ("lexicons/demonyms.tsv", Kind::Nationality),
    ("lexicons/titles.txt", Kind::Title),
    ("lexicons/title-modifiers.txt", Kind::TitleModifier),
];

/// Hand-written places whose second column says the kind.
const PLACES: &str = "lexicons/places.tsv";

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=src/text/keys.rs");
    println!("cargo::rerun-if-changed=src/entities/gazetteer/table.rs");
    let assets = Path::new(&env::var("CARGO_MANIFEST_DIR")?).join("../assets");
    let read = |name: &str| -> Result<String, Box<dyn Error>> {
        let path = assets.join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()).into())
    };
    let mut table = Table::default();
    for (name, kind) in LISTS {
        table.add_list(&read(name)?, kind);
    }
    table.add_places(&read(PLACES)?);
    let out = Path::new(&env::var("OUT_DIR")?).join("gazetteer.bin");
    fs::write(out, table.to_bytes())?;
    Ok(())
}
