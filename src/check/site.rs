//! `check` over a loaded site: every item through the lints, plus the site-consistency checks
//! (links, images, attachments), in parallel.
//!
//! Complexity: the lints' own cost per file (each module states it; files are linted in
//! parallel), plus O(f·log f) to merge and sort the f findings; the loader's errors are removed
//! through a hash set.

use rayon::prelude::*;

use super::duplicates::DocNos;
use super::links::{self, Targets};
use super::{File, LintOptions, Located, Outcome, lint_file};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::content::{Site, has_source};

/// Everything `check` and `build` report about a loaded site before rendering: the loader's
/// errors and warnings beside the proofreading of every document, in one list sorted by path,
/// line and column.
pub fn proofread(site: &Site) -> Outcome {
    let mut all = check_site(site);
    // One mistake, one finding: where the loader refused a value (an impossible date), the
    // lint that says the same at the same place is dropped.
    let refused: std::collections::HashSet<(&str, usize, usize)> = site
        .errors
        .iter()
        .map(|d| (d.path.as_str(), d.line, d.col))
        .collect();
    all.findings
        .retain(|f| !refused.contains(&(f.diag.path.as_str(), f.diag.line, f.diag.col)));
    let loader = site.errors.iter().chain(&site.warnings).cloned();
    all.findings.extend(loader.map(Located::of));
    all.findings.extend(super::own::problems(site));
    sort(&mut all.findings);
    all
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
    let parts: Vec<Outcome> = site
        .items
        .par_iter()
        .filter(|item| picked(&item.source))
        .map(|item| {
            let path = item.path();
            let _at = crate::crash::at(&path);
            let mut found = links::check(item, &targets);
            found.extend(docnos.check(item));
            lint_file(&File::item(item, &path), opts, found)
        })
        .collect();
    // Documents the loader left out (wrong front matter) are still proofread as text.
    let unloaded: Vec<Outcome> = site
        .unloaded
        .par_iter()
        .filter(|(rel, _)| picked(rel))
        .map(|(rel, text)| {
            let path = crate::diag::display_path(rel);
            let _at = crate::crash::at(&path);
            lint_file(&File::unloaded(&path, text), opts, Vec::new())
        })
        .collect();
    let parts: Vec<Outcome> = parts.into_iter().chain(unloaded).collect();
    let mut all = Outcome {
        findings: Vec::with_capacity(parts.iter().map(|p| p.findings.len()).sum()),
        suppressed: Vec::with_capacity(parts.iter().map(|p| p.suppressed.len()).sum()),
    };
    for p in parts {
        all.findings.extend(p.findings);
        all.suppressed.extend(p.suppressed);
    }
    // Each part is sorted already: a stable sort finds the runs and merges them.
    sort(&mut all.findings);
    sort(&mut all.suppressed);
    all
}
