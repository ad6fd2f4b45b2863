//! envreport: an analyzer for Chinese government environmental reports.
pub mod chars;
pub mod error;
pub mod labels;
pub mod lexicon;
pub mod normalize;
pub mod numerals;
pub mod offset_map;
pub mod meta;
pub mod structure;
