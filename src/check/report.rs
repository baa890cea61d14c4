//! Output of `check`: for people (grouped by file, the source line, a caret under the span)
//! and as JSON (`[{path, line, col, lint, severity, message}]`).

use std::fmt::Write;

use unicode_width::UnicodeWidthChar;

use super::Located;
use crate::diag::{Diagnostic, Severity};

/// Display width of a character in a terminal (CJK is 2 columns; a tab shows as 1 space).
fn width(c: char) -> usize {
    if c == '\t' { 1 } else { c.width().unwrap_or(0) }
}

/// Formats findings for people. `source` returns a file's text by its (relative) path.
pub fn human(findings: &[Located], source: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    let mut paths: Vec<&str> = Vec::new();
    for f in findings {
        if !paths.contains(&f.diag.path.as_str()) {
            paths.push(&f.diag.path);
        }
    }
    for path in paths {
        let text = source(path);
        // Split once: a file with thousands of findings on one long line stays linear.
        let lines: Vec<Vec<char>> = text
            .as_deref()
            .map(|t| {
                t.lines()
                    .map(|l| l.chars().map(|c| if c == '\t' { ' ' } else { c }).collect())
                    .collect()
            })
            .unwrap_or_default();
        let _ = writeln!(out, "{path}");
        for f in findings.iter().filter(|f| f.diag.path == path) {
            let d = &f.diag;
            let _ = writeln!(
                out,
                "  {}:{}  {}[{}]  {}",
                d.line,
                d.col,
                d.severity.label(),
                d.lint,
                d.message
            );
            if let Some(line) = d.line.checked_sub(1).and_then(|l| lines.get(l)) {
                let num = d.line.to_string();
                let pad = " ".repeat(num.len());
                let (shown, before, span) = excerpt(line, d.col.saturating_sub(1), f.len);
                let _ = writeln!(out, "   {num} | {shown}");
                let _ = writeln!(out, "   {pad} | {}{}", " ".repeat(before), "^".repeat(span));
            }
            if let Some(h) = &d.hint {
                let _ = writeln!(out, "      修改建议：{h}");
            }
        }
        out.push('\n');
    }
    let _ = write!(out, "{}", summary(findings.iter().map(|f| &f.diag)));
    out
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
    let (mut e, mut w) = (0, 0);
    for d in diags {
        match d.severity {
            Severity::Error => e += 1,
            Severity::Warning => w += 1,
            Severity::Info => {}
        }
    }
    if e + w == 0 {
        "未发现问题。\n".into()
    } else {
        format!("共 {e} 个错误，{w} 个警告。\n")
    }
}

/// The JSON array of the SPEC.
pub fn json(diags: &[Diagnostic]) -> String {
    serde_json::to_string_pretty(diags).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_lines_up_under_cjk() {
        let src = "---\ntitle: 甲\n---\n并纳入纳入党委\n";
        let d = Diagnostic::error("a.md", 4, 2, "repeated-word", "词语重复：“纳入纳入”");
        let out = human(&[Located { diag: d, len: 4 }], |_| Some(src.to_string()));
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
        let v: serde_json::Value = serde_json::from_str(&json(&[d])).unwrap();
        let keys: Vec<&String> = v[0].as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 6);
        assert_eq!(v[0]["severity"], "warning");
    }
}
