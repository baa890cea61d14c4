//! Fixture tests of the lints: `tests/fixtures/lints/<lint>/{pos,neg}.md` and the five seeds
//! converted in `tests/fixtures/seeds/`.

mod fixtures;
mod loaded;
mod seeds;
