//! LOAD: a site folder becomes a [`Site`] — the campaign, its published items with their
//! rendered bodies, data tables and static files. Every user error is collected with its
//! `path:line:col`; loading fails only after all files were read.

pub mod attach;
pub mod campaign;
pub mod frontmatter;
pub mod keyed;
mod load;
pub mod paths;
pub mod proofreading;
pub mod roster;
pub mod slug;
mod update;
pub use update::Updated;
mod walk;
pub use walk::ignored as walk_ignored;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use crate::gongwen::{Kind, date, kind};
pub use campaign::Campaign;
pub use frontmatter::FrontMatter;
pub use load::{LoadOptions, decode, load, load_all};
pub use paths::{normalize, percent_decode};

use crate::diag::Diagnostic;
use crate::markdown::Rendered;

/// A loaded site, ready to render. The renderers only read it; `serve` applies edits with
/// [`Site::update`] between renders.
#[derive(Debug)]
pub struct Site {
    /// The site folder (contains `content/`).
    pub root: PathBuf,
    pub campaign: Campaign,
    /// Published items, newest first (undated items last, then by title).
    pub items: Vec<Item>,
    /// Rosters named by letters (`roster:`), by their path relative to `content/data/`.
    pub rosters: std::collections::BTreeMap<PathBuf, std::sync::Arc<roster::Roster>>,
    /// Files under `content/data/`, relative to `content/data/`.
    pub data_files: Vec<PathBuf>,
    /// Files under `content/static/`, relative to `content/static/`.
    pub static_files: Vec<PathBuf>,
    /// The day the site is built for (current phase, LED validity).
    pub today: NaiveDate,
    /// Warnings and notes found while loading.
    pub warnings: Vec<Diagnostic>,
    /// User errors found while loading: empty for a site from [`load`]; a site from
    /// [`load_all`] with errors is proofread, never rendered.
    pub errors: Vec<Diagnostic>,
    /// Documents left out of `items` because of their errors, with their text (for `check`).
    pub unloaded: Vec<(PathBuf, String)>,
    /// Output path of each item by source (links between documents resolve through it).
    pub urls: std::collections::HashMap<PathBuf, String>,
    /// The slug of every tag of the items, distinct from each other's and from list pages'
    /// ([`slug::for_tags`]).
    pub tag_slugs: std::collections::BTreeMap<String, String>,
}

impl Site {
    /// The slug of a tag's list page, `tags/SLUG.html`.
    pub fn tag_slug(&self, tag: &str) -> String {
        match self.tag_slugs.get(tag) {
            Some(s) => s.clone(),
            None => slug::for_name(tag),
        }
    }

    /// The distinct slugs of the tags the items have now.
    fn tag_slugs_now(&self) -> std::collections::BTreeMap<String, String> {
        slug::for_tags(self.items.iter().flat_map(|i| &i.tags))
    }
}

/// One published document.
#[derive(Debug)]
pub struct Item {
    /// Path relative to the site root, e.g. `content/notices/a.md`.
    pub source: PathBuf,
    pub kind: Kind,
    pub slug: String,
    pub title: String,
    pub date: Option<NaiveDate>,
    /// Index into `campaign.phases`.
    pub phase: Option<usize>,
    /// Index into `campaign.units`.
    pub unit: Option<usize>,
    pub tags: Vec<String>,
    pub fm: FrontMatter,
    /// The whole file, BOM removed and line ends normalized to `\n`.
    pub text: String,
    /// Byte offset of the markdown body in `text`.
    pub body_start: usize,
    /// The body rendered once, with links relative to the item's own page.
    pub body: Rendered,
    /// The documents the body's links point to (whether they exist or not): when one of them
    /// appears, disappears or moves, the body is rendered again ([`Site::update`]).
    pub links_to: Vec<PathBuf>,
}

impl Item {
    /// Output path relative to the output root, e.g. `notices/a.html`.
    pub fn url(&self) -> String {
        format!("{}/{}.html", self.kind.section(), self.slug)
    }

    /// The markdown body.
    pub fn markdown(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// 1-based line on which the body starts.
    pub fn body_line(&self) -> usize {
        self.text[..self.body_start].matches('\n').count() + 1
    }

    /// The roster this letter is mail-merged over.
    pub fn roster<'a>(&self, site: &'a Site) -> Option<&'a roster::Roster> {
        let rel = roster::relative(self.fm.text("roster")?)?;
        site.rosters.get(&rel).map(|r| r.as_ref())
    }

    /// The source path as shown in messages.
    pub fn path(&self) -> String {
        crate::diag::display_path(&self.source)
    }
}

/// Whether `set` holds `source`. Sources are relative paths built from their components
/// (no `.`, no doubled separators; the watcher normalises what it reports), so equal sources
/// have equal bytes: comparing bytes avoids `Path`'s component-wise comparison, which
/// dominated a one-page rebuild of a 10,000-page site.
pub fn has_source(set: &BTreeSet<PathBuf>, source: &Path) -> bool {
    if set.len() <= 32 {
        let bytes = source.as_os_str().as_encoded_bytes();
        set.iter()
            .any(|s| s.as_os_str().as_encoded_bytes() == bytes)
    } else {
        set.contains(source)
    }
}
