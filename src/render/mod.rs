//! Renderers: turn a loaded site into output files.

pub mod led;
