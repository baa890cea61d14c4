//! `check` over a loaded site: every item through the lints, plus the site-consistency checks
//! (links, images, attachments), in parallel.

use rayon::prelude::*;

use super::links::{self, Targets};
use super::{LintOptions, Located, Outcome, lint_file, severity};
use crate::content::Site;
use crate::diag::{Diagnostic, Severity, line_col};

/// Checks every item of `site`. Findings are sorted by path, line and column.
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
            for f in links::check(item, &targets) {
                let (line, col) = line_col(&item.text, f.off);
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
    let mut all = Outcome::default();
    for p in parts {
        all.findings.extend(p.findings);
        all.suppressed.extend(p.suppressed);
    }
    let key = |l: &Located| (l.diag.path.clone(), l.diag.line, l.diag.col);
    all.findings.sort_by_key(key);
    all.suppressed.sort_by_key(key);
    all
}
