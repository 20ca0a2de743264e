//! Tagging: the pieces every tagger shares — the BILOU scheme, Viterbi
//! decoding, hashed features, the compact model table and its file format —
//! and the part-of-speech tagger built from them.

pub mod bilou;
pub mod classes;
pub mod features;
pub mod hash;
pub mod model;
pub mod pos;
pub mod pos_tagger;
pub mod viterbi;
