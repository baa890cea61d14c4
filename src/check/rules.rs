//! The rules as users read them: `docs/校对规则.md` (Chinese, one `## id` section per lint of
//! [`LINTS`]), built into the binary for `check --rules` and `check --explain ID`.
//!
//! Complexity: [`list`] finds each lint's section in the built-in catalogue, O(T·C) for T lints
//! and a catalogue of C bytes (a fixed document, not user text); [`explain`] is one search.

use super::lints::{LINTS, Lint};
use crate::diag::Severity;

const CATALOGUE: &str = include_str!("../../docs/校对规则.md");

/// The text of `id`'s section, without its heading.
fn section(id: &str) -> Option<&'static str> {
    let head = format!("\n## {id}\n");
    let start = CATALOGUE.find(&head)? + head.len();
    let end = CATALOGUE[start..]
        .find("\n## ")
        .map_or(CATALOGUE.len(), |e| start + e);
    Some(CATALOGUE[start..end].trim())
}

fn level(lint: Lint) -> &'static str {
    match lint.severity() {
        Severity::Error => "错误",
        Severity::Warning => "警告",
        Severity::Info => "提示",
    }
}

/// Every rule, one line each: id, level and what it finds.
pub fn list() -> String {
    let mut out = String::from("校对规则（xuanguan check --explain 编号 查看说明和例子）：\n");
    for lint in LINTS {
        let what = section(lint.id())
            .and_then(|s| s.lines().next())
            .unwrap_or("");
        let fix = if fixes(*lint) {
            "（可自动改正）"
        } else {
            ""
        };
        out.push_str(&format!(
            "  {:<24} {}  {what}{fix}\n",
            lint.id(),
            level(*lint)
        ));
    }
    out.push_str(&format!("\n标有“可自动改正”的规则，{FIX}\n"));
    out
}

/// How to apply the mechanical corrections.
const FIX: &str = "其中有把握的问题（如中文里的半角逗号、文号的〔〕）可以运行 xuanguan check --fix 先看改动，确认后写入。";

fn fixes(lint: Lint) -> bool {
    super::fix::LINTS_THAT_FIX.contains(&lint.id())
}

/// The explanation of one rule, or a message naming the closest id.
pub fn explain(id: &str) -> Result<String, String> {
    match Lint::parse(id.trim()) {
        Some(lint) => Ok(format!(
            "{}（{}）\n{}\n{}",
            lint.id(),
            level(lint),
            section(lint.id()).unwrap_or(""),
            if fixes(lint) {
                format!("这条规则的问题，{FIX}\n")
            } else {
                String::new()
            }
        )),
        None => Err(match Lint::closest(id.trim()) {
            Some(l) => format!("没有名为“{id}”的校对规则。是不是想写“{}”？", l.id()),
            None => format!("没有名为“{id}”的校对规则。运行 xuanguan check --rules 查看全部规则。"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_its_section_and_every_section_a_rule() {
        for lint in LINTS {
            let s = section(lint.id()).unwrap_or_else(|| panic!("no section {}", lint.id()));
            assert!(s.contains("例"), "{}: no example", lint.id());
        }
        let headings = CATALOGUE.lines().filter(|l| l.starts_with("## ")).count();
        assert_eq!(headings, LINTS.len());
        assert!(explain("repeated-word").unwrap().contains("纳入纳入"));
        assert!(
            explain("repeated-wrd")
                .unwrap_err()
                .contains("repeated-word")
        );
        assert!(list().lines().count() > LINTS.len());
        assert!(explain("halfwidth-punct").unwrap().contains("check --fix"));
        assert!(!explain("repeated-word").unwrap().contains("check --fix"));
    }
}
