//! What a build keeps of a site's proofreading ([`Brief`]): every finding counted ([`Tally`]),
//! and in full only the findings its report and its dashboard can list ([`Keep`]).
//!
//! A county-scale site has a hundred thousand findings, and a build lists a few thousand of
//! them: keeping them all held about 90 MiB at 10,000 pages (bench/README.md). `check`, which
//! lists every one, keeps them all ([`super::site::proofread`]).
//!
//! Complexity: O(f·log p) for f findings over p files (a map by path), O(1) memory per file
//! and per rule beside the kept findings.

use std::collections::{BTreeMap, HashMap};

use super::{Located, Outcome};
use crate::diag::{Diagnostic, Severity};

/// Findings per severity.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    fn slot(&mut self, s: Severity) -> &mut usize {
        match s {
            Severity::Error => &mut self.errors,
            Severity::Warning => &mut self.warnings,
            Severity::Info => &mut self.infos,
        }
    }

    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

/// Every finding of a site counted: overall, by file (in path order), by rule, and those
/// `check --fix` can correct.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tally {
    pub all: Counts,
    pub files: BTreeMap<String, Counts>,
    pub rules: BTreeMap<&'static str, Counts>,
    pub fixable: usize,
}

impl Tally {
    /// The tally of findings all kept.
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Located>) -> Tally {
        let mut t = Tally::default();
        for f in findings {
            t.add(f);
        }
        t
    }

    /// The tally of diagnostics (without corrections: `fixable` stays 0).
    pub fn of_diags<D: AsRef<Diagnostic>>(diags: &[D]) -> Tally {
        let mut t = Tally::default();
        for d in diags {
            t.count(d.as_ref(), 1);
        }
        t
    }

    pub fn add(&mut self, f: &Located) {
        self.count(&f.diag, 1);
        if !f.edits.is_empty() {
            self.fixable += 1;
        }
    }

    /// The tally without `shown` (findings already listed in full).
    pub fn without<'a>(&self, shown: impl IntoIterator<Item = &'a Located>) -> Tally {
        let mut rest = self.clone();
        for f in shown {
            rest.count(&f.diag, -1);
        }
        rest.files.retain(|_, c| c.total() > 0);
        rest.rules.retain(|_, c| c.total() > 0);
        rest
    }

    fn count(&mut self, d: &Diagnostic, by: isize) {
        let add = |n: &mut usize| *n = n.saturating_add_signed(by);
        add(self.all.slot(d.severity));
        match self.files.get_mut(d.path.as_str()) {
            Some(c) => add(c.slot(d.severity)),
            None => add(self
                .files
                .entry(d.path.clone())
                .or_default()
                .slot(d.severity)),
        }
        add(self.rules.entry(d.lint).or_default().slot(d.severity));
    }
}

/// Which findings a [`Brief`] keeps in full, besides counting them all: the errors its report
/// lists (the first of each rule, in path order, and every finding of the rules in `always`),
/// and the first findings of the first files of each kind (with errors and warnings, with
/// errors, with warnings, with notes only) that its dashboard lists.
#[derive(Debug, Clone, Copy)]
pub struct Keep {
    pub errors_per_rule: usize,
    pub always: &'static [&'static str],
    pub files_per_kind: usize,
    pub per_file: usize,
}

/// The proofreading of a site as a build keeps it.
#[derive(Debug)]
pub struct Brief {
    /// The findings kept in full, in the order they came.
    pub kept: Vec<Located>,
    /// Findings silenced by a comment or front matter (a build lists them all).
    pub suppressed: Vec<Located>,
    /// Every finding, kept or not.
    pub tally: Tally,
    keep: Keep,
    errors_seen: HashMap<&'static str, usize>,
    files_kept: [usize; 4],
}

impl Brief {
    pub fn new(keep: Keep) -> Brief {
        Brief {
            kept: Vec::new(),
            suppressed: Vec::new(),
            tally: Tally::default(),
            keep,
            errors_seen: HashMap::new(),
            files_kept: [0; 4],
        }
    }

    /// Takes the outcome of one file; files must come in path order (the order of the report
    /// and of the dashboard), each once.
    pub fn take_file(&mut self, part: Outcome) {
        // The dashboard's order: files with errors and warnings, with errors, with warnings,
        // with notes only; each by path.
        let has = |s: Severity| part.findings.iter().any(|f| f.diag.severity == s);
        let kind = match (has(Severity::Error), has(Severity::Warning)) {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (false, false) => 3,
        };
        let listed = !part.findings.is_empty() && self.files_kept[kind] < self.keep.files_per_kind;
        if listed {
            self.files_kept[kind] += 1;
        }
        for (n, f) in part.findings.into_iter().enumerate() {
            self.tally.add(&f);
            let first_errors = f.diag.is_error() && {
                let seen = self.errors_seen.entry(f.diag.lint).or_default();
                *seen += 1;
                *seen <= self.keep.errors_per_rule
            };
            if first_errors
                || (listed && n < self.keep.per_file)
                || self.keep.always.contains(&f.diag.lint)
            {
                self.kept.push(f);
            }
        }
        self.suppressed.extend(part.suppressed);
    }

    /// Takes findings that are kept whole whatever they are (the loader's, the site-wide
    /// checks', the renderers'): there are few of them.
    pub fn take_whole(&mut self, findings: impl IntoIterator<Item = Located>) {
        for f in findings {
            self.tally.add(&f);
            self.kept.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(path: &str, line: usize, lint: &'static str, severity: Severity) -> Located {
        Located::of(Diagnostic::new(severity, path, line, 1, lint, "x"))
    }

    fn file(path: &str, list: &[(&'static str, Severity)]) -> Outcome {
        Outcome {
            findings: list
                .iter()
                .enumerate()
                .map(|(n, (lint, s))| found(path, n + 1, lint, *s))
                .collect(),
            suppressed: Vec::new(),
        }
    }

    const KEEP: Keep = Keep {
        errors_per_rule: 2,
        always: &["led-empty"],
        files_per_kind: 1,
        per_file: 2,
    };

    #[test]
    fn keeps_what_is_listed_and_counts_everything() {
        use Severity::*;
        let mut b = Brief::new(KEEP);
        b.take_file(file(
            "a.md",
            &[("w", Warning), ("w", Warning), ("w", Warning)],
        ));
        b.take_file(file("b.md", &[("e", Error), ("w", Warning), ("i", Info)]));
        b.take_file(file(
            "c.md",
            &[("e", Error), ("e", Error), ("led-empty", Warning)],
        ));
        b.take_file(file("d.md", &[("w", Warning), ("i", Info)]));
        let kept: Vec<(&str, usize)> = b
            .kept
            .iter()
            .map(|f| (f.diag.path.as_str(), f.diag.line))
            .collect();
        // a.md: the first file with warnings, its first two; b.md: the first file with errors,
        // its first two (an error among them); c.md: the second error of `e`, then the rule
        // kept whole; the third error of `e` and d.md (a second file with warnings) are
        // counted only.
        assert_eq!(
            kept,
            [
                ("a.md", 1),
                ("a.md", 2),
                ("b.md", 1),
                ("b.md", 2),
                ("c.md", 1),
                ("c.md", 3)
            ]
        );
        assert_eq!(b.tally.all.total(), 11);
        assert_eq!((b.tally.all.errors, b.tally.all.warnings), (3, 6));
        assert_eq!(b.tally.files["d.md"].total(), 2);
        assert_eq!(b.tally.rules["e"].errors, 3);
        let rest = b.tally.without(&b.kept);
        assert_eq!(rest.all.total(), 5);
        assert_eq!(rest.files["b.md"].total(), 1);
        assert_eq!(rest.files["a.md"].total(), 1);
        assert_eq!(rest.rules.get("led-empty"), None);
    }

    /// Whatever the mix, a brief holds the first findings of the files the dashboard lists
    /// (its order: errors and warnings, errors, warnings, notes; each by path).
    #[test]
    fn keeps_the_first_findings_of_the_files_listed_first() {
        use Severity::*;
        let kinds = [Error, Warning, Info];
        let parts: Vec<Outcome> = (0..60)
            .map(|n: usize| {
                let list: Vec<(&'static str, Severity)> = (0..(n * 7) % 5 + 1)
                    .map(|k| ("r", kinds[(n / 3 + k * (n % 4)) % 3]))
                    .collect();
                file(&format!("f{n:02}.md"), &list)
            })
            .collect();
        let keep = Keep {
            errors_per_rule: 0,
            always: &[],
            files_per_kind: 3,
            per_file: 2,
        };
        let mut b = Brief::new(keep);
        for p in parts.clone() {
            b.take_file(p);
        }
        let mut files: Vec<&Outcome> = parts.iter().collect();
        let class = |p: &Outcome| {
            let has = |s: Severity| p.findings.iter().any(|f| f.diag.severity == s);
            (!has(Error), !has(Warning))
        };
        files.sort_by_key(|p| class(p));
        for p in files.iter().take(keep.files_per_kind) {
            for f in p.findings.iter().take(keep.per_file) {
                assert!(b.kept.contains(f), "{:?} not kept", f.diag);
            }
        }
        assert!(b.kept.len() <= 4 * keep.files_per_kind * keep.per_file);
    }

    #[test]
    fn a_tally_of_everything_matches_the_brief() {
        use Severity::*;
        let parts = [
            file("a.md", &[("e", Error), ("w", Warning)]),
            file("b.md", &[("i", Info)]),
        ];
        let mut b = Brief::new(KEEP);
        for p in parts.clone() {
            b.take_file(p);
        }
        let all: Vec<Located> = parts.into_iter().flat_map(|p| p.findings).collect();
        assert_eq!(b.tally, Tally::of(&all));
    }
}
