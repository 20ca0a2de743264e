//! Entities: people, organisations, places and other names found by the
//! learned recogniser with gazetteer features, dates, times, money and
//! percentages found by rule, and the fixes that keep one name one label.

pub mod consistency;
pub mod gazetteer;
pub mod linking;
pub mod ner;
pub mod rules;
