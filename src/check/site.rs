//! `check` over a loaded site: every item through the lints, plus the site-consistency checks
//! (links, images, attachments), in parallel.
//!
//! Files are linted in path order, a slice of [`SLICE`] at a time in parallel, and each file's
//! outcome goes to a sink: `check` keeps every finding, `build` only what it lists
//! ([`proofread_brief`], `tally.rs`), so a build holds one slice's findings, not the site's.
//!
//! Complexity: the lints' own cost per file (each module states it), O(p·log p) to order the p
//! files, and O(f) to merge the f findings (each file's are sorted, and files come in order;
//! the final stable sort finds one run); the loader's errors are removed through a hash set.

use rayon::prelude::*;

use super::duplicates::DocNos;
use super::links::{self, Targets};
use super::tally::{Brief, Keep};
use super::{File, LintOptions, Located, Outcome, lint_file};
use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use crate::content::{Site, has_source};

/// Everything `check` and `build` report about a loaded site before rendering: the loader's
/// errors and warnings beside the proofreading of every document, in one list sorted by path,
/// line and column.
pub fn proofread(site: &Site) -> Outcome {
    let mut all = check_site(site);
    let refused = refused(site);
    all.findings.retain(|f| !refused.contains(&place(f)));
    let loader = site.errors.iter().chain(&site.warnings).cloned();
    all.findings.extend(loader.map(Located::of));
    all.findings.extend(super::own::problems(site));
    sort(&mut all.findings);
    all
}

/// One mistake, one finding: where the loader refused a value (an impossible date), the lint
/// that says the same at the same place is dropped. The places of the loader's errors.
fn refused(site: &Site) -> HashSet<(&str, usize, usize)> {
    site.errors
        .iter()
        .map(|d| (d.path.as_str(), d.line, d.col))
        .collect()
}

fn place(f: &Located) -> (&str, usize, usize) {
    (f.diag.path.as_str(), f.diag.line, f.diag.col)
}

/// Sorts findings by path, line and column (stable: same place keeps its order).
pub fn sort(findings: &mut [Located]) {
    findings.sort_by(|a, b| {
        (&a.diag.path, a.diag.line, a.diag.col).cmp(&(&b.diag.path, b.diag.line, b.diag.col))
    });
}

/// What the lints know about `site` beyond each file.
pub fn options(site: &Site) -> LintOptions {
    options_for(site, true)
}

/// [`options`], with the items' slugs and titles only when `attachments` (only documents
/// listing attachments look them up; `serve` proofreads a saved document at every save).
fn options_for(site: &Site, attachments: bool) -> LintOptions {
    let items = if attachments {
        site.items
            .iter()
            .map(|i| (i.slug.clone(), i.title.clone()))
            .collect()
    } else {
        Default::default()
    };
    LintOptions {
        items: std::sync::Arc::new(items),
        own: std::sync::Arc::new(super::own::Words::of(site)),
    }
}

/// Checks every document of `site`: each item as loaded (front matter, body, links), each
/// document the loader left out as body text. Findings are sorted by path, line and column.
pub fn check_site(site: &Site) -> Outcome {
    check_some(site, None)
}

/// Like [`check_site`], for the documents `only` names (`serve` proofreads what was saved).
pub fn check_some(site: &Site, only: Option<&BTreeSet<PathBuf>>) -> Outcome {
    let mut all = Outcome::default();
    check_each(site, only, |part| {
        all.findings.extend(part.findings);
        all.suppressed.extend(part.suppressed);
    });
    // Files come in path order, each sorted already: a stable sort finds the runs.
    sort(&mut all.findings);
    sort(&mut all.suppressed);
    all
}

/// The proofreading of a site as `build` keeps it: [`proofread`]'s findings, counted, and kept
/// in full as `keep` says (see `tally.rs`).
pub fn proofread_brief(site: &Site, keep: Keep) -> Brief {
    let refused = refused(site);
    let mut brief = Brief::new(keep);
    check_each(site, None, |mut part| {
        part.findings.retain(|f| !refused.contains(&place(f)));
        brief.take_file(part);
    });
    let loader = site.errors.iter().chain(&site.warnings).cloned();
    brief.take_whole(loader.map(Located::of));
    brief.take_whole(super::own::problems(site));
    brief
}

/// Files linted at a time: the findings of one such slice are all that is held beside what
/// `take` keeps.
const SLICE: usize = 256;

/// Lints the documents `only` names (every one when `None`): each item as loaded (front
/// matter, body, links), each document the loader left out as body text. Gives `take` the
/// outcome of each file, in path order, linting a slice of files at a time in parallel.
fn check_each(site: &Site, only: Option<&BTreeSet<PathBuf>>, mut take: impl FnMut(Outcome)) {
    let picked = |source: &Path| only.is_none_or(|set| has_source(set, source));
    let targets = Targets::of(site);
    let docnos = DocNos::of(site);
    let attachments = only.is_none()
        || site
            .items
            .iter()
            .any(|i| picked(&i.source) && i.fm.spans.contains_key("attachments"))
        || site.unloaded.iter().any(|(rel, _)| picked(rel));
    let opts = &options_for(site, attachments);
    // Documents the loader left out (wrong front matter) are still proofread as text.
    let mut docs: Vec<(String, Source)> = site
        .items
        .iter()
        .filter(|item| picked(&item.source))
        .map(|item| (item.path(), Source::Item(item)))
        .chain(
            site.unloaded
                .iter()
                .filter(|(rel, _)| picked(rel))
                .map(|(rel, text)| (crate::diag::display_path(rel), Source::Unloaded(text))),
        )
        .collect();
    docs.sort_by(|a, b| a.0.cmp(&b.0));
    for slice in docs.chunks(SLICE) {
        let parts: Vec<Outcome> = slice
            .par_iter()
            .map(|(path, source)| {
                let _at = crate::crash::at(path);
                match source {
                    Source::Item(item) => {
                        let mut found = links::check(item, &targets);
                        found.extend(docnos.check(item));
                        lint_file(&File::item(item, path), opts, found)
                    }
                    Source::Unloaded(text) => {
                        lint_file(&File::unloaded(path, text), opts, Vec::new())
                    }
                }
            })
            .collect();
        parts.into_iter().for_each(&mut take);
    }
}

/// A document to lint: an item as loaded, or the text of one the loader left out.
enum Source<'a> {
    Item(&'a crate::content::Item),
    Unloaded(&'a str),
}
