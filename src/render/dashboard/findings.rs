//! The proofreading findings as the dashboard shows them: counts by severity, then each file
//! with its counts, a link to its findings further down the page and to its public page.
//!
//! A county-scale site can have a hundred thousand findings; the page stays readable (and
//! small) by listing at most [`PER_FILE`] findings of a file, the findings of the first
//! [`DETAILED`] files and [`ROWS`] files in the table, each cut said on the page with the
//! command that shows everything (`xuanguan check`).

use std::collections::HashMap;

use serde::Serialize;

use super::sources;
use crate::check::tally::Tally;
use crate::content::Site;
use crate::diag::{Diagnostic, Severity};
use crate::output::Emitted;

/// Findings listed per file.
pub const PER_FILE: usize = 30;
/// Files whose findings are listed.
pub const DETAILED: usize = 200;
/// Files in the table.
const ROWS: usize = 1000;

#[derive(Serialize, Default)]
pub struct Summary {
    errors: usize,
    warnings: usize,
    infos: usize,
    files: Vec<File>,
    /// Files with findings left out of the table.
    more_files: usize,
}

#[derive(Serialize)]
struct File {
    path: String,
    /// The anchor of its findings on the dashboard.
    id: String,
    errors: usize,
    warnings: usize,
    infos: usize,
    /// Its page on the public site (relative to the output), empty when it has none.
    page: String,
    list: Vec<Finding>,
    /// Findings of the file not listed.
    more: usize,
    /// Whether its findings are listed on the page.
    detailed: bool,
}

#[derive(Serialize)]
struct Finding {
    line: usize,
    col: usize,
    /// `error`, `warning` or `info`.
    severity: &'static str,
    level: &'static str,
    lint: String,
    message: String,
    hint: String,
}

/// Groups the findings by file: files with errors and warnings first, then with errors, with
/// warnings, with notes only; each by path.
/// Counts come from `tally`; the listed findings from `findings` (sorted by path, line and
/// column), which hold at least the first [`PER_FILE`] of the first [`DETAILED`] files.
pub fn summary<D: AsRef<Diagnostic>>(
    site: &Site,
    files: &[Emitted],
    findings: &[D],
    tally: &Tally,
) -> Summary {
    let pages = public_pages(site, files);
    let mut s = Summary {
        errors: tally.all.errors,
        warnings: tally.all.warnings,
        infos: tally.all.infos,
        ..Summary::default()
    };
    let mut by: Vec<File> = tally
        .files
        .iter()
        .map(|(path, c)| File {
            path: path.clone(),
            id: String::new(),
            errors: c.errors,
            warnings: c.warnings,
            infos: c.infos,
            page: pages.get(path.as_str()).cloned().unwrap_or_default(),
            list: Vec::new(),
            more: c.total().saturating_sub(PER_FILE),
            detailed: false,
        })
        .collect();
    by.sort_by(|a, b| {
        (b.errors > 0, b.warnings > 0)
            .cmp(&(a.errors > 0, a.warnings > 0))
            .then_with(|| a.path.cmp(&b.path))
    });
    s.more_files = by.len().saturating_sub(ROWS);
    by.truncate(ROWS);
    let mut detailed: HashMap<&str, usize> = HashMap::new();
    for (n, f) in by.iter_mut().enumerate() {
        f.id = format!("f{}", n + 1);
        f.detailed = n < DETAILED;
    }
    for (n, f) in by.iter().enumerate().take(DETAILED) {
        detailed.insert(f.path.as_str(), n);
    }
    // `findings` come sorted by path, line and column: the first ones of a file are kept.
    let mut lists: Vec<Vec<Finding>> = (0..by.len().min(DETAILED)).map(|_| Vec::new()).collect();
    for d in findings.iter().map(AsRef::as_ref) {
        let Some(&n) = detailed.get(d.path.as_str()) else {
            continue;
        };
        if lists[n].len() == PER_FILE {
            continue;
        }
        let (severity, level) = match d.severity {
            Severity::Error => ("error", "错误"),
            Severity::Warning => ("warning", "警告"),
            Severity::Info => ("info", "提示"),
        };
        lists[n].push(Finding {
            line: d.line,
            col: d.col,
            severity,
            level,
            lint: d.lint.to_string(),
            message: d.message.clone(),
            hint: d.hint.clone().unwrap_or_default(),
        });
    }
    for (f, mut list) in by.iter_mut().zip(lists) {
        list.sort_by_key(|x| (x.line, x.col));
        // What is not listed (the findings past the first, or not kept by a build).
        f.more = (f.errors + f.warnings + f.infos).saturating_sub(list.len());
        f.list = list;
    }
    s.files = by;
    s
}

/// Document path (`content/news/a.md`) → its public page (`site/news/a.html`).
fn public_pages(site: &Site, files: &[Emitted]) -> HashMap<String, String> {
    let by_source: HashMap<&std::path::Path, &str> = sources(files)
        .filter(|(p, _)| p.starts_with(crate::output::PUBLIC) && p.ends_with(".html"))
        .map(|(p, s)| (s.as_path(), p))
        .collect();
    site.items
        .iter()
        .filter_map(|i| {
            let page = by_source.get(i.source.as_path())?;
            Some((i.path(), page.to_string()))
        })
        .collect()
}
