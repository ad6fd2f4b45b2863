//! The language layer every stage reads: character classes of Chinese text, searches over
//! it, and the heading labels of GB/T 9704. Nothing here knows the pipeline's types.

pub mod chars;
pub mod dates;
pub mod entities;
pub mod labels;
pub mod numerals;
pub mod search;
pub mod sort;
pub mod stamps;
pub mod words;
