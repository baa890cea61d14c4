//! `check --fix`: the mechanical corrections findings carry ([`Edit`]), applied to a file's
//! text until nothing is left to fix, and shown as a diff. Writing is `cmd::fix`'s.
//!
//! Only findings of [`LINTS_THAT_FIX`] carry edits, and only where the text is written in the
//! file exactly as the lints read it (never in code, URLs, link targets, escapes or quoted
//! YAML). A finding's edits are applied all together or not at all.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{Edit, LintOptions, Located, lint_source};

/// How many rounds of fixing a file gets: a fix can reveal another (`,，` becomes `，，`,
/// then `，`); after that the text is what a second run would leave unchanged.
const ROUNDS: usize = 4;

/// The rules whose findings can carry a correction (documented with `--fix` in the rules).
pub const LINTS_THAT_FIX: &[&str] = &[
    "front-matter",
    "halfwidth-punct",
    "halfwidth-paren",
    "unbalanced-pair",
    "docno-bracket",
    "docno-number",
    "repeated-punct",
    "date-format",
];

/// One file's text after its fixes, and how many of each rule were fixed.
#[derive(Debug, Clone, Default)]
pub struct Fixed {
    pub text: String,
    pub by_rule: BTreeMap<String, usize>,
}

impl Fixed {
    pub fn count(&self) -> usize {
        self.by_rule.values().sum()
    }
}

/// Applies the edits of `findings` to `text`: in order, skipping a finding whose edits overlap
/// an applied one or do not match the text. Returns the new text and the rules applied.
pub fn apply(text: &str, findings: &[&Located]) -> (String, Vec<String>) {
    let mut todo: Vec<(&str, Vec<&Edit>)> = findings
        .iter()
        .filter(|f| !f.edits.is_empty())
        .map(|f| (f.diag.lint, f.edits.iter().collect()))
        .collect();
    todo.sort_by_key(|(_, e)| e.iter().map(|x| x.off).min());
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut chosen: Vec<&Edit> = Vec::new();
    let mut rules = Vec::new();
    for (lint, edits) in todo {
        let fits = edits.iter().all(|e| {
            let end = e.off + e.from.len();
            text.get(e.off..end) == Some(e.from.as_str())
                && !taken
                    .iter()
                    .any(|&(a, b)| e.off < b && a < end.max(e.off + 1))
        });
        // The same correction found twice (two rules on one 文号) overlaps: it is made once.
        if fits {
            for e in edits {
                taken.push((e.off, (e.off + e.from.len()).max(e.off + 1)));
                chosen.push(e);
            }
            rules.push(lint.to_string());
        }
    }
    chosen.sort_by_key(|e| e.off);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in chosen {
        out.push_str(&text[at..e.off]);
        out.push_str(&e.to);
        at = e.off + e.from.len();
    }
    out.push_str(&text[at..]);
    (out, rules)
}

/// Fixes one file (`path` as shown, `text` as loaded) starting from its `findings`, then
/// proofreads the result again with `opts` and fixes what that finds, until nothing changes.
pub fn fix_file(path: &str, text: &str, findings: &[&Located], opts: &LintOptions) -> Fixed {
    let mut fixed = Fixed {
        text: text.to_string(),
        ..Default::default()
    };
    let mut round: Vec<Located> = findings.iter().map(|f| (*f).clone()).collect();
    // A front matter the loader could not read because of a full-width colon.
    round.extend(super::fix_front::colons(path, text));
    for _ in 0..ROUNDS {
        let refs: Vec<&Located> = round.iter().collect();
        let (next, rules) = apply(&fixed.text, &refs);
        if rules.is_empty() {
            break;
        }
        for r in rules {
            *fixed.by_rule.entry(r).or_default() += 1;
        }
        fixed.text = next;
        round = lint_source(path, &fixed.text, opts).findings;
    }
    fixed
}

/// Characters shown around a change; changes closer than twice this are shown together.
const CONTEXT: usize = 16;

/// The changes of `before` → `after` (the same number of lines: no edit touches a line end),
/// each group of nearby changes as `path:line:col` and the two versions of that part of the
/// line, `-` then `+`.
pub fn diff(path: &str, before: &str, after: &str) -> String {
    let mut out = String::new();
    for (n, (a, b)) in before.lines().zip(after.lines()).enumerate() {
        if a == b {
            continue;
        }
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        for ((a0, a1), (b0, b1)) in groups(&changes(&a, &b)) {
            let show = |s: &[char], start: usize, end: usize| {
                let from = start.saturating_sub(CONTEXT);
                let to = (end + CONTEXT).min(s.len());
                let mut t = String::new();
                if from > 0 {
                    t.push('…');
                }
                t.extend(&s[from..to]);
                if to < s.len() {
                    t.push('…');
                }
                t
            };
            let _ = writeln!(out, "{path}:{}:{}", n + 1, a0 + 1);
            let _ = writeln!(out, "  - {}", show(&a, a0, a1));
            let _ = writeln!(out, "  + {}", show(&b, b0, b1));
        }
    }
    out
}

/// A changed part: the range in the old line and in the new one.
type Change = ((usize, usize), (usize, usize));

/// The changed parts of a line: the two are walked side by side, and after a difference the
/// walk resumes where both agree again on a few characters (the fixes are a few characters
/// each).
fn changes(a: &[char], b: &[char]) -> Vec<Change> {
    const AGREE: usize = 3;
    const REACH: usize = 6;
    let same_from = |i: usize, j: usize| {
        (0..AGREE).all(|k| match (a.get(i + k), b.get(j + k)) {
            (Some(x), Some(y)) => x == y,
            (None, None) => true,
            _ => false,
        })
    };
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        let resume = (1..=2 * REACH)
            .flat_map(|sum| (0..=sum).map(move |da| (da, sum - da)))
            .filter(|&(da, db)| da <= REACH && db <= REACH)
            .find(|&(da, db)| same_from(i + da, j + db));
        let (da, db) = resume.unwrap_or((a.len() - i, b.len() - j));
        out.push(((i, i + da), (j, j + db)));
        i += da;
        j += db;
    }
    out
}

/// Changes closer than `2 * CONTEXT` characters merged into one.
fn groups(changes: &[Change]) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::new();
    for &c in changes {
        match out.last_mut() {
            Some(last) if c.0.0 < last.0.1 + 2 * CONTEXT => {
                last.0.1 = c.0.1;
                last.1.1 = c.1.1;
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::lint_text;

    fn fixed(src: &str) -> Fixed {
        let opts = LintOptions::default();
        let first = lint_source("content/news/a.md", src, &opts).findings;
        let refs: Vec<&Located> = first.iter().collect();
        fix_file("content/news/a.md", src, &refs, &opts)
    }

    #[test]
    fn mechanical_mistakes_are_fixed_and_a_second_run_changes_nothing() {
        let src = "---\ntitle: 工作动态\ndate: 2023-04-06\n---\n\n今天,各村(社区)召开会议,,学习永安委[2023]9号文件:要求\"全员参与\".\n\n见 `a,b` 与 https://x.cn/a,b 和（安办牵头，各村负责)。\n";
        let f = fixed(src);
        assert!(
            f.text.contains(
                "今天，各村（社区）召开会议，学习永安委〔2023〕9号文件：要求“全员参与”。"
            ),
            "{}",
            f.text
        );
        assert!(
            f.text
                .contains("`a,b` 与 https://x.cn/a,b 和（安办牵头，各村负责）。"),
            "{}",
            f.text
        );
        assert!(f.count() >= 8, "{:?}", f.by_rule);
        let again = fixed(&f.text);
        assert_eq!(again.count(), 0, "{:?}", again.by_rule);
        assert_eq!(again.text, f.text);
        // What remains is not what --fix corrects.
        let left = lint_text("content/news/a.md", &f.text, &LintOptions::default());
        assert!(
            left.iter().all(|d| !LINTS_THAT_FIX.contains(&d.lint)),
            "{left:?}"
        );
    }

    #[test]
    fn the_diff_names_the_place_and_shows_both_versions() {
        let d = diff("a.md", "甲\n今天,大家\n", "甲\n今天，大家\n");
        assert_eq!(d, "a.md:2:3\n  - 今天,大家\n  + 今天，大家\n");
        // Changes far apart in one long line are shown apart, each at its column.
        let (a, b) = ("甲".repeat(40), "乙".repeat(40));
        let before = format!("{a},,{b}(丙){a}\n");
        let after = format!("{a}，{b}（丙）{a}\n");
        let d = diff("a.md", &before, &after);
        let heads: Vec<&str> = d.lines().filter(|l| l.starts_with("a.md:")).collect();
        assert_eq!(heads, ["a.md:1:41", "a.md:1:83"], "{d}");
        assert!(
            d.contains("  - …甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲,,乙乙乙"),
            "{d}"
        );
        assert!(
            d.contains("  + …乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙（丙）甲"),
            "{d}"
        );
    }
}
