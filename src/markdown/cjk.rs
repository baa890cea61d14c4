//! Chinese text where CommonMark parsers fail.
//!
//! * `**一是加强领导。**各村`: CommonMark's flanking rules do not let `**` close after `。` when a
//!   letter follows, so the bold is lost. [`mark_strong`] pairs `**` runs itself (outside code
//!   spans and fenced code, `\*\*` left alone) and replaces them with private-use sentinels that
//!   [`crate::markdown`] turns back into `<strong>` — or back into `**` if they do not nest.
//! * A soft line break between two Chinese characters is a space in HTML ("厚 德载物");
//!   [`joins_without_space`] says when to drop it.
//!
//! Complexity: [`mark_strong`] is O(n + r·log r) for a body of n bytes with r backtick runs:
//! one pass per line for the fences and the `**` runs, the backtick runs of a line listed once
//! by length so that each code span's closer is a binary search (a scan per opening run was
//! O(L^1.5) on a line of runs of distinct lengths), then one pass that writes the line.

/// Sentinel for an opening `**` (Unicode private use area).
pub const OPEN: char = '\u{E000}';
/// Sentinel for a closing `**`.
pub const CLOSE: char = '\u{E001}';

/// Characters after which / before which a line break adds no space.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FFF}'   // radicals
        | '\u{3000}'..='\u{303F}' // CJK punctuation
        | '\u{3040}'..='\u{30FF}' // kana
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}' // full-width forms
        | '\u{20000}'..='\u{2FA1F}'
        | '\u{2014}' | '\u{2018}'..='\u{201D}' | '\u{2026}' | '\u{00B7}'
    )
}

/// True when a soft break between `a` and `b` must render as nothing.
pub fn joins_without_space(a: char, b: char) -> bool {
    is_cjk(a) && is_cjk(b)
}

/// Replaces paired `**` runs with sentinels, line by line, outside code.
pub fn mark_strong(src: &str) -> String {
    if !src.contains("**") {
        return src.to_string();
    }
    let mut out = String::with_capacity(src.len() + 16);
    let mut fence: Option<&str> = None;
    for line in src.split_inclusive('\n') {
        let t = line.trim_start();
        let marker = &t[..t.bytes().take_while(|&c| c == b'`' || c == b'~').count()];
        if let Some(f) = fence {
            if marker.len() >= f.len()
                && marker.starts_with(&f[..1])
                && t[marker.len()..].trim().is_empty()
            {
                fence = None;
            }
            out.push_str(line);
            continue;
        }
        if marker.len() >= 3 && (!marker.contains('~') || !marker.contains('`')) {
            fence = Some(marker);
            out.push_str(line);
            continue;
        }
        if line.starts_with("    ") || line.starts_with('\t') || !line.contains("**") {
            out.push_str(line);
            continue;
        }
        mark_line(line, &mut out);
    }
    out
}

/// Appends `line` to `out` with its paired `**` runs replaced by the sentinels.
fn mark_line(line: &str, out: &mut String) {
    let b = line.as_bytes();
    // Code spans matter only on a line with a backtick.
    let ticks = b.contains(&b'`').then(|| BacktickRuns::of(b));
    // Candidate `**` runs (byte index), skipping code spans and escapes.
    let mut runs = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'`' => {
                let n = b[i..].iter().take_while(|&&c| c == b'`').count();
                let close = ticks.as_ref().and_then(|t| t.next(i + n, n));
                i = close.map(|c| c + n).unwrap_or(i + n);
            }
            b'*' => {
                let n = b[i..].iter().take_while(|&&c| c == b'*').count();
                if n == 2 {
                    runs.push(i);
                }
                i += n;
            }
            _ => i += 1,
        }
    }
    let mut pairs = Vec::new();
    let mut open: Option<usize> = None;
    for &r in &runs {
        let after = line[r + 2..].chars().next();
        let before = line[..r].chars().next_back();
        match open {
            None if after.is_some_and(|c| !c.is_whitespace()) => open = Some(r),
            Some(o) if before.is_some_and(|c| !c.is_whitespace()) && r > o + 2 => {
                pairs.push((o, r));
                open = None;
            }
            Some(_) if after.is_some_and(|c| !c.is_whitespace()) => open = Some(r),
            _ => {}
        }
    }
    let mut last = 0;
    for (o, c) in pairs {
        out.push_str(&line[last..o]);
        out.push(OPEN);
        out.push_str(&line[o + 2..c]);
        out.push(CLOSE);
        last = c + 2;
    }
    out.push_str(&line[last..]);
}

/// The backtick runs of a line by length, each list in order: the closing run of a code span
/// (the next run of exactly its length) is a binary search, not a scan to the end of the line
/// for every opening run.
struct BacktickRuns(std::collections::HashMap<usize, Vec<usize>>);

impl BacktickRuns {
    fn of(b: &[u8]) -> BacktickRuns {
        let mut runs: std::collections::HashMap<usize, Vec<usize>> = Default::default();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'`' {
                let m = b[i..].iter().take_while(|&&c| c == b'`').count();
                runs.entry(m).or_default().push(i);
                i += m;
            } else {
                i += 1;
            }
        }
        BacktickRuns(runs)
    }

    /// The start of the first whole run of exactly `n` backticks at or after `from` (`from`
    /// follows a run, so the runs from there on are whole runs of the line).
    fn next(&self, from: usize, n: usize) -> Option<usize> {
        let starts = self.0.get(&n)?;
        starts.get(starts.partition_point(|&p| p < from)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_pairs_outside_code() {
        assert_eq!(
            mark_strong("**一是加强领导。**各村"),
            "\u{E000}一是加强领导。\u{E001}各村"
        );
        assert_eq!(mark_strong("`**a**` x"), "`**a**` x");
        assert_eq!(mark_strong("\\*\\*a\\*\\*"), "\\*\\*a\\*\\*");
        assert_eq!(mark_strong("```\n**a**\n```\n"), "```\n**a**\n```\n");
        assert_eq!(mark_strong("***a***"), "***a***");
        assert_eq!(mark_strong("a ** b ** c"), "a ** b ** c");
    }

    #[test]
    fn cjk_classes() {
        assert!(is_cjk('厚') && is_cjk('。') && is_cjk('”') && is_cjk('，'));
        assert!(!is_cjk('a') && !is_cjk('1'));
    }

    #[test]
    fn unmatched_backtick_runs_are_not_rescanned() {
        // Runs of 1, 2, … 3,000 backticks (4.5 MB): each unmatched run searched the rest of the
        // line for its closer, O(L^1.5) (minutes in a debug build); now a lookup each.
        let line: String = (1..=3000).map(|k| "`".repeat(k) + "a").collect();
        let src = format!("**甲**{line}**乙**\n");
        let out = mark_strong(&src);
        assert!(out.starts_with(OPEN) && out.trim_end().ends_with(CLOSE));
        // A run's closer is the next run of its length, and only a whole run.
        assert_eq!(
            mark_strong("`**a**` **b** ``x```y``\n"),
            "`**a**` \u{E000}b\u{E001} ``x```y``\n"
        );
    }
}
