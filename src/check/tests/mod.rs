//! Fixture tests of the lints: `tests/fixtures/lints/<lint>/{pos,neg}.md` and the five seeds
//! converted in `tests/fixtures/seeds/`.

mod fixtures;

/// Prints the findings of every fixture (`cargo test dump_fixtures -- --ignored --nocapture`).
#[test]
#[ignore]
fn dump_fixtures() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let filter = std::env::var("DUMP").unwrap_or_default();
    let mut paths: Vec<_> = ["lints", "seeds"]
        .iter()
        .flat_map(|d| walk(&root.join(d)))
        .filter(|p| p.to_string_lossy().contains(&filter))
        .collect();
    paths.sort();
    for p in paths {
        let src = std::fs::read_to_string(&p).unwrap();
        let rel = p.strip_prefix(&root).unwrap().to_string_lossy().to_string();
        let out = super::lint_file(&rel, &src, 0, &super::LintOptions::default());
        println!(
            "{}",
            super::report::human(&out.findings, |_| Some(src.clone()))
        );
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p))
        } else {
            out.push(p)
        }
    }
    out
}
mod seeds;
