//! The LED slide feed (`led-feed/1`, docs/led-feed.md): screens, splitter, encodings, files.

pub mod chars;
pub mod lexicon;
pub mod split;
