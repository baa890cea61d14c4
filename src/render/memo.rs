//! Fingerprints of the aggregate pages (lists, home, feeds) of the last render, kept by
//! `serve` between rebuilds: a partial render skips a page that shows no item of the plan and
//! whose inputs hash as they did when it was last written.
//!
//! A page's fingerprint covers what its template is given apart from the items' own values:
//! the shared `site` value, the page's own fields, and which items it shows (by source). The
//! values of an item outside the plan are taken unchanged from the previous render
//! (`prepared.rs`), so the same sources outside the plan give the same page. Of the `site`
//! value, list pages, feeds and `404.html` are taken to show all but the counts of items per
//! phase and tag (as `prepared.rs` assumes for every page but the home page and the tag
//! index): a phase changing its count does not write every list again.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Mutex;

use super::Plan;
use crate::output::{Dest, Output};

#[derive(Default)]
pub struct Memo(Mutex<Pages>);

#[derive(Default)]
struct Pages {
    /// Public output path → the fingerprint it was last written with.
    written: HashMap<String, u64>,
    /// Pages written or kept by the current render.
    seen: HashSet<String>,
}

impl Memo {
    /// Whether the aggregate page `rel` may be left as it is: the render is partial, the page
    /// shows no item of the plan (`shows_planned`), and `fp` is the fingerprint it was last
    /// written with. The page is then declared kept; otherwise `fp` is recorded and the caller
    /// renders it.
    pub fn unchanged(
        &self,
        plan: &Plan,
        out: &Output,
        rel: &str,
        shows_planned: bool,
        fp: u64,
    ) -> bool {
        let mut pages = self.0.lock().expect("memo lock");
        pages.seen.insert(rel.to_string());
        let same = !plan.is_all() && !shows_planned && pages.written.get(rel) == Some(&fp);
        if same {
            out.keep(Dest::public(rel));
        } else {
            pages.written.insert(rel.to_string(), fp);
        }
        same
    }

    /// Declares the page `rel` kept without looking at it (the caller knows it did not change).
    pub fn keep(&self, out: &Output, rel: &str) {
        self.0
            .lock()
            .expect("memo lock")
            .seen
            .insert(rel.to_string());
        out.keep(Dest::public(rel));
    }

    /// Ends a render: under a plan that may remove pages, forgets those it neither wrote nor
    /// kept (a page that comes back later is written again).
    pub fn finish(&self, plan: &Plan) {
        let mut pages = self.0.lock().expect("memo lock");
        let Pages { written, seen } = &mut *pages;
        if !plan.lists_unchanged() {
            written.retain(|rel, _| seen.contains(rel));
        }
        seen.clear();
    }
}

/// A fingerprint of `parts`.
pub fn fingerprint(parts: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    parts.hash(&mut h);
    h.finish()
}
