//! `check` over a loaded site: every item through the lints, plus the site-consistency checks
//! (links, images, attachments), in parallel.

use rayon::prelude::*;

use super::links::{self, Targets};
use super::{LintOptions, Located, Outcome, lint_file, severity};
use crate::content::Site;
use crate::diag::{Diagnostic, LineIndex, Severity};

/// Everything `check` and `build` report about a loaded site before rendering: the loader's
/// errors and warnings beside the proofreading of every document, in one list sorted by path,
/// line and column.
pub fn proofread(site: &Site, opts: &LintOptions) -> Outcome {
    let mut all = check_site(site, opts);
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
    sort(&mut all.findings);
    all
}

/// Sorts findings by path, line and column (stable: same place keeps its order).
pub fn sort(findings: &mut [Located]) {
    findings.sort_by(|a, b| {
        (&a.diag.path, a.diag.line, a.diag.col).cmp(&(&b.diag.path, b.diag.line, b.diag.col))
    });
}

/// Checks every document of `site`. Findings are sorted by path, line and column.
pub fn check_site(site: &Site, opts: &LintOptions) -> Outcome {
    let targets = Targets::of(site);
    let items = site
        .items
        .iter()
        .map(|i| (i.slug.clone(), i.title.clone()))
        .collect();
    let opts = LintOptions {
        items: std::sync::Arc::new(items),
        ..opts.clone()
    };
    let opts = &opts;
    let parts: Vec<Outcome> = site
        .items
        .par_iter()
        .map(|item| {
            let path = item.path();
            let o = LintOptions {
                doc_type: Some(item.kind.id().to_string()),
                ..opts.clone()
            };
            let mut out = lint_file(&path, &item.text, item.body_start, &o);
            let index = LineIndex::new(&item.text);
            for f in links::check(item, &targets) {
                let (line, col) = index.line_col(f.off);
                let sev = if matches!(
                    f.lint,
                    "broken-link" | "missing-image" | "missing-attachment"
                ) {
                    Severity::Error
                } else {
                    severity(f.lint)
                };
                let diag =
                    Diagnostic::new(sev, &path, line, col, f.lint, f.message).with_hint(f.hint);
                out.findings.push(Located { diag, len: f.len });
            }
            out
        })
        .collect();
    // Documents the loader left out (wrong front matter) are still proofread as text.
    let unloaded: Vec<Outcome> = site
        .unloaded
        .par_iter()
        .map(|(rel, text)| lint_file(&crate::diag::display_path(rel), text, 0, opts))
        .collect();
    let mut all = Outcome::default();
    for p in parts.into_iter().chain(unloaded) {
        all.findings.extend(p.findings);
        all.suppressed.extend(p.suppressed);
    }
    let key = |l: &Located| (l.diag.path.clone(), l.diag.line, l.diag.col);
    all.findings.sort_by_key(key);
    all.suppressed.sort_by_key(key);
    all
}
