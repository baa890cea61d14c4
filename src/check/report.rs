//! Output of `check`: for people (grouped by file, the source line, a caret under the span)
//! and as JSON (`[{path, line, col, lint, severity, message}]`).
//!
//! Complexity: O(n + f·(w + 48)) for the n bytes of the files shown and f findings whose spans
//! are w characters wide: each file's lines are split once, a line is turned into characters
//! once for the consecutive findings on it (the callers sort findings by line), and an excerpt
//! is the span plus 24 characters on each side. `brief` counts per lint and per file with maps.

use std::fmt::Write;

use unicode_width::UnicodeWidthChar;

use super::Located;
use super::tally::{Counts, Tally};
use crate::diag::{Diagnostic, Severity};

/// Display width of a character in a terminal (CJK is 2 columns; a tab shows as 1 space).
fn width(c: char) -> usize {
    if c == '\t' { 1 } else { c.width().unwrap_or(0) }
}

/// Formats findings for people. `source` returns a file's text by its (relative) path.
/// Files appear in the order of their first finding; the whole report is linear in the number
/// of findings plus the size of the files they are in.
pub fn human(findings: &[Located], source: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    for (path, group) in by_file(findings.iter()) {
        file_block(&mut out, path, &group, source(path).as_deref());
    }
    let _ = write!(out, "{}", summary(findings.iter().map(|f| &f.diag)));
    out.push_str(&fixable(findings));
    out
}

/// `其中 N 处可以自动改正…` when findings carry corrections (`check --fix`).
fn fixable(findings: &[Located]) -> String {
    fixable_line(findings.iter().filter(|f| !f.edits.is_empty()).count())
}

fn fixable_line(n: usize) -> String {
    match n {
        0 => String::new(),
        n => format!("其中 {n} 处可以自动改正：运行 xuanguan check --fix 查看改动，确认后写入。\n"),
    }
}

/// Findings grouped by file, files in the order of their first finding.
pub fn by_file<'a>(
    findings: impl Iterator<Item = &'a Located>,
) -> Vec<(&'a str, Vec<&'a Located>)> {
    let mut index: std::collections::HashMap<&str, usize> = Default::default();
    let mut groups: Vec<(&str, Vec<&Located>)> = Vec::new();
    for f in findings {
        let i = *index.entry(f.diag.path.as_str()).or_insert_with(|| {
            groups.push((f.diag.path.as_str(), Vec::new()));
            groups.len() - 1
        });
        groups[i].1.push(f);
    }
    groups
}

/// One file's findings, each as `path:line:col: 级别[rule]: message` (what editors and
/// terminals turn into a link), its source line with a caret under the span, and the hint.
pub fn file_block(out: &mut String, path: &str, findings: &[&Located], text: Option<&str>) {
    // Only the lines that have findings are split into characters.
    let lines: Vec<&str> = text.map(|t| t.lines().collect()).unwrap_or_default();
    // Findings come sorted by line: the characters of a line are collected once for all its
    // findings (a 15 MB one-line file with thousands of findings stays linear).
    let mut cached: (usize, Vec<char>) = (0, Vec::new());
    for f in findings {
        let d = &f.diag;
        let _ = write!(out, "{path}");
        if d.line > 0 {
            let _ = write!(out, ":{}", d.line);
            if d.col > 0 {
                let _ = write!(out, ":{}", d.col);
            }
        }
        let _ = writeln!(out, ": {}[{}]: {}", d.severity.label(), d.lint, d.message);
        if let Some(line) = d.line.checked_sub(1).and_then(|l| lines.get(l)) {
            if cached.0 != d.line {
                let chars = line.chars().map(|c| if c == '\t' { ' ' } else { c });
                cached = (d.line, chars.collect());
            }
            let chars = &cached.1;
            let num = d.line.to_string();
            let pad = " ".repeat(num.len());
            let (shown, before, span) = excerpt(chars, d.col.saturating_sub(1), f.len);
            let _ = writeln!(out, "   {num} | {shown}");
            let _ = writeln!(out, "   {pad} | {}{}", " ".repeat(before), "^".repeat(span));
        }
        if let Some(h) = &d.hint {
            let _ = writeln!(out, "      修改建议：{h}");
        }
    }
    out.push('\n');
}

/// Findings only `build` makes (they depend on the build date or the output, not on the
/// text), so `check` cannot list them: `build` shows them in full.
pub const BUILD_ONLY: [&str; 2] = ["base-url", "led-empty"];

/// Errors of one rule a build lists in full; more of the same rule go into the summary (a site
/// with the same mistake in a thousand files needs the rule and the files, not 5,000 lines).
pub const ERRORS_IN_FULL: usize = 30;

/// The report of `build`: errors (up to [`ERRORS_IN_FULL`] per rule) and [`BUILD_ONLY`]
/// findings in full (like `check`), the other findings as a summary — counts by rule and the
/// files with most of them — with the command that lists them all. `findings` hold at least
/// what is shown in full (sorted by path, line and column); `tally` counts every finding.
pub fn brief(
    findings: &[Located],
    tally: &Tally,
    source: impl Fn(&str) -> Option<String>,
) -> String {
    let mut out = String::new();
    let mut shown: std::collections::HashMap<&str, usize> = Default::default();
    let full: Vec<&Located> = findings
        .iter()
        .filter(|f| {
            let lint = f.diag.lint;
            BUILD_ONLY.contains(&lint)
                || (f.diag.is_error() && {
                    let n = shown.entry(lint).or_default();
                    *n += 1;
                    *n <= ERRORS_IN_FULL
                })
        })
        .collect();
    for (path, group) in by_file(full.iter().copied()) {
        file_block(&mut out, path, &group, source(path).as_deref());
    }
    let rest = tally.without(full.iter().copied());
    if rest.all.total() > 0 {
        let c = rest.all;
        let what: Vec<String> = [
            (c.errors, "个错误"),
            (c.warnings, "个警告"),
            (c.infos, "条提示"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n} {unit}"))
        .collect();
        let _ = writeln!(out, "另有 {}（未逐条列出）：", what.join("、"));
        let mut rules: Vec<(&str, usize)> =
            rest.rules.iter().map(|(r, c)| (*r, c.total())).collect();
        rules.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let _ = writeln!(out, "  按规则：{}", top(&rules, 8));
        let mut files: Vec<(&str, usize)> = rest
            .files
            .iter()
            .map(|(f, c)| (f.as_str(), c.total()))
            .collect();
        files.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let _ = writeln!(out, "  最多的文件：{}", top(&files, 5));
        let _ = writeln!(out, "  运行 xuanguan check 查看每一处的位置和修改建议。");
    }
    if tally.all.total() > 0 {
        out.push_str(&counted(tally.all));
        out.push_str(&fixable_line(tally.fixable));
    }
    out
}

/// `a 3 处、b 2 处，等 N 项` for the first `n` of `counts`.
fn top(counts: &[(&str, usize)], n: usize) -> String {
    let mut s = counts
        .iter()
        .take(n)
        .map(|(k, c)| format!("{k} {c} 处"))
        .collect::<Vec<_>>()
        .join("、");
    if counts.len() > n {
        let _ = write!(s, "，等共 {} 项", counts.len());
    }
    s
}

/// Characters shown around the span of a long line (official paragraphs run to 500 characters).
const CONTEXT: usize = 24;

/// The part of `line` to show, the width before the span and the width of the span: long lines
/// are cut to the span and [`CONTEXT`] characters either side, marked with “…”.
fn excerpt(chars: &[char], start: usize, len: usize) -> (String, usize, usize) {
    let start = start.min(chars.len());
    let end = (start + len).min(chars.len());
    let from = start.saturating_sub(CONTEXT);
    let to = (end + CONTEXT).min(chars.len());
    let mut shown = String::new();
    if from > 0 {
        shown.push('…');
    }
    shown.extend(&chars[from..to]);
    if to < chars.len() {
        shown.push('…');
    }
    let lead = if from > 0 { width('…') } else { 0 };
    let before = lead + chars[from..start].iter().map(|c| width(*c)).sum::<usize>();
    let span = chars[start..end]
        .iter()
        .map(|c| width(*c))
        .sum::<usize>()
        .max(1);
    (shown, before, span)
}

/// `共 N 个错误，M 个警告。`
pub fn summary<'a>(diags: impl Iterator<Item = &'a Diagnostic>) -> String {
    let mut c = Counts::default();
    for d in diags {
        match d.severity {
            Severity::Error => c.errors += 1,
            Severity::Warning => c.warnings += 1,
            Severity::Info => c.infos += 1,
        }
    }
    counted(c)
}

/// `共 N 个错误，M 个警告。` (notes are not counted), or `未发现问题。`.
fn counted(c: Counts) -> String {
    let (e, w) = (c.errors, c.warnings);
    if e + w == 0 {
        "未发现问题。\n".into()
    } else {
        format!("共 {e} 个错误，{w} 个警告。\n")
    }
}

/// The JSON array of the SPEC.
/// The findings as `check --format json` prints them: one array, then a line end.
pub fn json<D: AsRef<Diagnostic>>(findings: &[D]) -> Vec<u8> {
    let diags: Vec<&Diagnostic> = findings.iter().map(AsRef::as_ref).collect();
    let mut out = serde_json::to_vec_pretty(&diags).unwrap_or_else(|_| b"[]".to_vec());
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_lines_up_under_cjk() {
        let src = "---\ntitle: 甲\n---\n并纳入纳入党委\n";
        let d = Diagnostic::error("a.md", 4, 2, "repeated-word", "词语重复：“纳入纳入”");
        let out = human(
            &[Located {
                diag: d,
                len: 4,
                edits: Vec::new(),
            }],
            |_| Some(src.to_string()),
        );
        let lines: Vec<&str> = out.lines().collect();
        let src_line = lines.iter().find(|l| l.contains("并纳入纳入党委")).unwrap();
        let caret = lines.iter().find(|l| l.contains('^')).unwrap();
        let col_of = |s: &str, pat: char| {
            s.chars()
                .take_while(|c| *c != pat)
                .map(width)
                .sum::<usize>()
        };
        assert_eq!(col_of(caret, '^'), col_of(src_line, '并') + 2);
        assert_eq!(caret.matches('^').count(), 8);
        assert!(out.ends_with("共 1 个错误，0 个警告。\n"));
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let line = format!("{}纳入纳入{}", "甲".repeat(100), "乙".repeat(100));
        let chars: Vec<char> = line.chars().collect();
        let (shown, before, span) = excerpt(&chars, 100, 4);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(shown.chars().count(), 2 + 24 + 4 + 24);
        let w = |s: &str| s.chars().map(width).sum::<usize>();
        assert_eq!(
            before,
            w(&shown.chars().take_while(|c| *c != '纳').collect::<String>())
        );
        assert_eq!(span, 8);
    }

    #[test]
    fn json_has_exactly_the_spec_fields() {
        let d =
            Diagnostic::warning("content/a.md", 3, 1, "cjk-space", "多余空格").with_hint("删除");
        let v: serde_json::Value = serde_json::from_slice(&json(&[d])).unwrap();
        let keys: Vec<&String> = v[0].as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 6);
        assert_eq!(v[0]["severity"], "warning");
    }

    #[test]
    fn a_build_lists_thirty_errors_of_a_rule_and_counts_the_rest() {
        let at = |n: usize, lint: &'static str| Located {
            diag: Diagnostic::error(format!("content/news/{n:03}.md"), 5, 1, lint, "错"),
            len: 1,
            edits: Vec::new(),
        };
        let mut all: Vec<Located> = (0..40).map(|n| at(n, "repeated-word")).collect();
        all.push(at(99, "fm-required"));
        let out = brief(&all, &Tally::of(&all), |_| None);
        // A build keeps only what it shows, and counts the rest: the same report.
        let mut kept = crate::check::tally::Brief::new(crate::check::tally::Keep {
            errors_per_rule: ERRORS_IN_FULL,
            always: &BUILD_ONLY,
            files_per_kind: 0,
            per_file: 0,
        });
        for f in all.clone() {
            kept.take_file(crate::check::Outcome {
                findings: vec![f],
                suppressed: Vec::new(),
            });
        }
        assert_eq!(kept.kept.len(), ERRORS_IN_FULL + 1);
        assert_eq!(brief(&kept.kept, &kept.tally, |_| None), out);
        assert_eq!(out.matches("错误[repeated-word]").count(), ERRORS_IN_FULL);
        assert_eq!(out.matches("错误[fm-required]").count(), 1);
        assert!(out.contains("另有 10 个错误（未逐条列出）"), "{out}");
        assert!(out.contains("repeated-word 10 处"), "{out}");
        assert!(out.ends_with("共 41 个错误，0 个警告。\n"), "{out}");
    }
}
