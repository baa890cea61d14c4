//! `xuanguan check --fix`: the mechanical corrections of the findings ([`check::fix`]), shown
//! as a diff, written only when confirmed (`--yes`, or `y` at the terminal's prompt), each
//! file atomically.

mod write;

use std::collections::BTreeMap;

use rayon::prelude::*;
use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;

use crate::check::{self, Located, fix};
use crate::cli::CheckArgs;
use crate::content::{self, LoadOptions, Site};

/// One file to fix: where it is, its text as loaded and as fixed.
struct Change {
    path: String,
    source: PathBuf,
    before: String,
    fixed: fix::Fixed,
}

pub fn run(args: &CheckArgs) -> anyhow::Result<()> {
    let opts = LoadOptions {
        drafts: true,
        today: super::today(None)?,
    };
    let site = content::load_all(&args.dir, &opts)?;
    let changes = changes(&site);
    let mut out = String::new();
    for c in &changes {
        out.push_str(&fix::diff(&c.path, &c.before, &c.fixed.text));
    }
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &changes {
        for (r, n) in &c.fixed.by_rule {
            *by_rule.entry(r).or_default() += n;
        }
    }
    let total: usize = by_rule.values().sum();
    if total == 0 {
        out.push_str("没有可以自动改正的问题。运行 xuanguan check 查看需要人工处理的问题。\n");
        return crate::diag::write_stdout(out.as_bytes(), "改正清单");
    }
    let rules: Vec<String> = by_rule.iter().map(|(r, n)| format!("{r} {n} 处")).collect();
    out.push_str(&format!(
        "\n可自动改正 {total} 处，涉及 {} 个文件（{}）。\n",
        changes.len(),
        rules.join("、")
    ));
    crate::diag::write_stdout(out.as_bytes(), "改正清单")?;
    if !args.yes && !confirmed()? {
        crate::ewriteln!(
            "未写入任何文件。核对上面的改动后，运行 xuanguan check --fix --yes 写入。"
        );
        return Ok(());
    }
    let mut written = 0;
    for c in &changes {
        match write::replace(&site.root.join(&c.source), &c.before, &c.fixed.text) {
            Ok(()) => written += 1,
            Err(e) => crate::ewriteln!(
                "{}：未写入：{}",
                c.path,
                crate::diag::explain(&e).join("：")
            ),
        }
    }
    crate::ewriteln!("已改正 {written} 个文件。运行 xuanguan check 查看其余需要人工处理的问题。");
    if written < changes.len() {
        return Err(check::Failed(String::new()).into());
    }
    Ok(())
}

/// The files whose findings carry corrections, fixed in memory.
fn changes(site: &Site) -> Vec<Change> {
    let outcome = check::site::proofread(site);
    let opts = check::site::options(site);
    let mut by_file: BTreeMap<&str, Vec<&Located>> = BTreeMap::new();
    for f in outcome.findings.iter().filter(|f| !f.edits.is_empty()) {
        by_file.entry(f.diag.path.as_str()).or_default().push(f);
    }
    let texts = site
        .items
        .iter()
        .map(|i| (i.path(), (i.source.clone(), i.text.as_str())))
        .chain(
            site.unloaded
                .iter()
                .map(|(rel, t)| (crate::diag::display_path(rel), (rel.clone(), t.as_str()))),
        )
        .collect::<BTreeMap<String, (PathBuf, &str)>>();
    // Every file: one the loader could not read may have no finding with a correction yet
    // (its front matter is fixed first).
    texts
        .par_iter()
        .filter_map(|(path, (source, text))| {
            let found = by_file.get(path.as_str()).cloned().unwrap_or_default();
            let fixed = fix::fix_file(path, text, &found, &opts);
            (fixed.count() > 0).then(|| Change {
                path: path.to_string(),
                source: source.clone(),
                before: text.to_string(),
                fixed,
            })
        })
        .collect()
}

/// Asks at the terminal; without one (a script, a pipe) nothing is written.
fn confirmed() -> anyhow::Result<bool> {
    if !std::io::stdin().is_terminal() || !std::io::stderr().is_terminal() {
        return Ok(false);
    }
    crate::ewrite!("写入这些改动吗？输入 y 后回车确认，直接回车取消：");
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes" | "是"))
}
