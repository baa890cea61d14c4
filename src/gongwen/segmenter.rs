//! The word segmenter (jieba with its default dictionary), loaded once per process. Loading the
//! dictionary is the costliest constant of a build (about 350 million instructions), so every
//! user shares this one: proofreading reads it as it is, and a user that adds its own words
//! (the LED lexicon, import's slugs) starts from a clone of it instead of loading it again.

use std::sync::OnceLock;

use jieba_rs::Jieba;

/// The segmenter with jieba's default dictionary.
pub fn jieba() -> &'static Jieba {
    static J: OnceLock<Jieba> = OnceLock::new();
    J.get_or_init(Jieba::new)
}
