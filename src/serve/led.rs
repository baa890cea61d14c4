//! The LED feed in `serve` (`led/*.json|txt|html`, `led/index.html`): rendered with every full
//! build and again when a change touches what the feed shows — a slogan set or an item marked
//! `led: true`, before or after the change. Its errors stop the rebuild like any other.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::content::{Site, has_source};
use crate::diag::{Diagnostic, UserErrors};
use crate::render::led;

/// The LED files of the last good build, and their warnings.
#[derive(Default)]
pub struct LedFiles {
    pub files: Vec<(String, Vec<u8>)>,
    pub warnings: Vec<Diagnostic>,
}

impl LedFiles {
    /// Renders the feed for `site.today`; errors become the rebuild's error.
    pub fn render(site: &Site) -> anyhow::Result<LedFiles> {
        let out = crate::timing::stage("led feed", || led::site::build(site, led::now_cst()));
        let (errors, warnings): (Vec<_>, Vec<_>) =
            out.diagnostics.into_iter().partition(|d| d.is_error());
        if !errors.is_empty() {
            return Err(UserErrors(errors).into());
        }
        Ok(LedFiles {
            files: out.files,
            warnings,
        })
    }
}

/// Whether any of the `changed` sources is shown by the LED feed in `site`.
pub fn touches(site: &Site, changed: &BTreeSet<PathBuf>) -> bool {
    site.items
        .iter()
        .any(|i| has_source(changed, &i.source) && led::site::feeds_led(i))
}
