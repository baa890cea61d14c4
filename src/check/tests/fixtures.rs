//! Runs every fixture under `tests/fixtures/lints/<lint>/`: `pos*.md` must produce exactly the
//! findings listed in its `<!-- expect: lint line:col, … -->` comment (and nothing else),
//! `neg*.md` must produce no finding at all.

use std::collections::BTreeSet;
use std::path::Path;

use crate::check::{Family, LINTS, LintOptions, lint_text};

fn expected(src: &str) -> BTreeSet<String> {
    let Some(start) = src.find("<!-- expect:") else {
        return BTreeSet::new();
    };
    let body = &src[start + 12..start + src[start..].find("-->").expect("closed expect comment")];
    body.split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn every_lint_has_a_positive_and_a_negative_fixture_and_they_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lints");
    let mut failures = Vec::new();
    for lint in LINTS.iter().filter(|l| l.family() == Family::Text) {
        let lint = lint.id();
        let dir = root.join(lint);
        let mut kinds = BTreeSet::new();
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|_| panic!("no fixtures for {lint}")) {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            let src = std::fs::read_to_string(&path).unwrap();
            let rel = format!("{lint}/{name}");
            let got: BTreeSet<String> = lint_text(&rel, &src, &LintOptions::default())
                .iter()
                .map(|d| format!("{} {}:{}", d.lint, d.line, d.col))
                .collect();
            let want = if name.starts_with("neg") {
                BTreeSet::new()
            } else {
                expected(&src)
            };
            if name.starts_with("pos") {
                kinds.insert("pos");
                assert!(
                    want.iter().any(|w| w.starts_with(&format!("{lint} "))),
                    "{rel}: expects no {lint} finding"
                );
            } else {
                kinds.insert("neg");
            }
            if got != want {
                failures.push(format!("{rel}\n  expected: {want:?}\n  got:      {got:?}"));
            }
        }
        assert_eq!(kinds.len(), 2, "{lint} needs a pos and a neg fixture");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
