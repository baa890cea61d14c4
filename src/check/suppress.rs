//! Suppression (§0): `<!-- gwlint-disable-next-line id[, id] -->`, `<!-- gwlint-disable id -->`
//! … `<!-- gwlint-enable id -->`, and front matter `lint: {disable: [id]}`. An empty id list
//! means every lint. An id outside the table is an `unknown-lint` finding at the id.
//!
//! Complexity: [`Rules::parse`] is O(n) in the bytes of the file (n): one pass over the lines,
//! a forward search for each comment's end, and for `disable-next-line` the next non-blank
//! line found once per line (the blank lines between a comment line and its target are read
//! once). An `enable` closes the open ranges: O(e·d) for e enables and d open disables.
//! [`Rules::suppresses`] is O(r) per finding for r suppression ranges plus front-matter ids,
//! so applying them is O(f·r) for f findings: not linear in the worst case, but r is the
//! number of suppression comments a person wrote.

use super::front::Front;
use super::{Family, Finding, LINTS, Lint};
use crate::diag::Diagnostic;

#[derive(Debug, Default)]
pub struct Rules {
    /// Lints disabled for the whole file (`None` = all).
    file: Vec<Option<Lint>>,
    /// (first line, last line, lint or all).
    ranges: Vec<(usize, usize, Option<Lint>)>,
    /// Ids that name no lint, as findings (never suppressed themselves).
    pub problems: Vec<Finding>,
}

impl Rules {
    pub fn parse(source: &str, front: &Front) -> Rules {
        let mut rules = Rules::default();
        let ids: Vec<String> = front
            .value("lint")
            .and_then(|v| v.get("disable"))
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        for (id, off) in front.locate("lint", ids) {
            if let Some(l) = rules.known(&id, off) {
                rules.file.push(Some(l));
            }
        }
        let lines: Vec<&str> = source.lines().collect();
        let mut open: Vec<(usize, Option<Lint>)> = Vec::new();
        let mut line_off = 0;
        for (n, line) in source.split_inclusive('\n').enumerate() {
            let lineno = n + 1;
            // The next non-blank line, looked for once per line however many comments it has.
            let mut target: Option<Option<usize>> = None;
            let mut from = 0;
            while let Some(p) = line[from..].find("<!--").map(|p| from + p) {
                // `<!-->` and `<!--->` are (empty) comments too: the closing `-->` may
                // overlap the opening `<!--`.
                let Some(q) = line[p + 2..].find("-->") else {
                    break;
                };
                let end = p + 2 + q;
                from = end + 3;
                let body = line.get(p + 4..end).unwrap_or("");
                let lead = body.len() - body.trim_start().len();
                let body = body.trim();
                let (cmd, args) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
                let args_off = line_off + p + 4 + lead + (body.len() - args.len());
                if !matches!(
                    cmd,
                    "gwlint-disable-next-line" | "gwlint-disable" | "gwlint-enable"
                ) {
                    continue;
                }
                let written = split_ids(args, args_off);
                let ids: Vec<Option<Lint>> = if written.is_empty() {
                    vec![None]
                } else {
                    let known = written.iter().filter_map(|(id, off)| rules.known(id, *off));
                    known.map(Some).collect()
                };
                match cmd {
                    "gwlint-disable-next-line" => {
                        let target = *target.get_or_insert_with(|| {
                            (n + 1..lines.len())
                                .find(|&k| !lines[k].trim().is_empty())
                                .map(|k| k + 1)
                        });
                        if let Some(t) = target {
                            rules.ranges.extend(ids.into_iter().map(|id| (t, t, id)));
                        }
                    }
                    "gwlint-disable" => open.extend(ids.into_iter().map(|id| (lineno, id))),
                    _ => {
                        for id in ids {
                            let keep: Vec<_> = std::mem::take(&mut open);
                            for (start, o) in keep {
                                if id.is_none() || o == id {
                                    rules.ranges.push((start, lineno, o));
                                } else {
                                    open.push((start, o));
                                }
                            }
                        }
                    }
                }
            }
            line_off += line.len();
        }
        for (start, id) in open {
            rules.ranges.push((start, usize::MAX, id));
        }
        rules
    }

    /// The lint named `id` (written at byte `off`), or an `unknown-lint` problem.
    fn known(&mut self, id: &str, off: usize) -> Option<Lint> {
        let lint = Lint::parse(id);
        if lint.is_none() {
            let hint = match Lint::closest(id) {
                Some(l) => format!("是不是想写“{}”？全部规则见 xuanguan check --rules", l.id()),
                None => {
                    let all: Vec<&str> = LINTS
                        .iter()
                        .filter(|l| l.family() != Family::Suppression)
                        .map(|l| l.id())
                        .collect();
                    format!(
                        "可用的规则名：{}（说明见 xuanguan check --rules）。",
                        all.join("、")
                    )
                }
            };
            self.problems.push(Finding {
                lint: Lint::UnknownLint,
                off,
                len: id.chars().count(),
                message: format!("没有名为“{id}”的检查规则，这条忽略设置不起作用"),
                hint,
                edits: Vec::new(),
            });
        }
        lint
    }

    pub fn suppresses(&self, d: &Diagnostic) -> bool {
        let hit = |id: &Option<Lint>| id.is_none_or(|x| x.id() == d.lint);
        self.file.iter().any(hit)
            || self
                .ranges
                .iter()
                .any(|(a, b, id)| (*a..=*b).contains(&d.line) && hit(id))
    }
}

/// The ids of a comment (separated by commas or blanks), each with its byte offset in the file
/// (`base` is the offset of `args`).
fn split_ids(args: &str, base: usize) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let ends = args.char_indices().chain([(args.len(), ' ')]);
    for (i, c) in ends {
        let sep = c == ',' || c == '，' || c.is_whitespace();
        match (sep, start) {
            (true, Some(s)) => {
                out.push((&args[s..i], base + s));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(line: usize, lint: &'static str) -> Diagnostic {
        Diagnostic::warning("a.md", line, 1, lint, "x")
    }

    fn rules(src: &str) -> Rules {
        let (fm, body) = super::super::front::read("a.md", src);
        Rules::parse(src, &Front::new(src, fm.as_ref(), body))
    }

    #[test]
    fn comments_and_front_matter() {
        let src = "---\nlint: {disable: [word-list]}\n---\n<!-- gwlint-disable-next-line repeated-char -->\n\n甲\n<!-- gwlint-disable cjk-space -->\n乙\n<!-- gwlint-enable cjk-space -->\n丙\n";
        let r = rules(src);
        assert!(r.suppresses(&d(6, "repeated-char")) && !r.suppresses(&d(6, "repeated-word")));
        assert!(r.suppresses(&d(8, "cjk-space")) && !r.suppresses(&d(10, "cjk-space")));
        assert!(r.suppresses(&d(10, "word-list")));
        assert!(r.problems.is_empty());
    }

    #[test]
    fn unknown_ids_are_problems_at_the_id() {
        let src = "---\nlint: {disable: [word-lst, cjk-space]}\n---\n<!-- gwlint-disable-next-line repeated-char,，repeated-wrd\tnosuch -->\n甲\n";
        let r = rules(src);
        let got: Vec<(&str, &str)> = r
            .problems
            .iter()
            .map(|f| (&src[f.off..f.off + f.len], f.hint.as_str()))
            .collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].0, "word-lst");
        assert!(got[0].1.contains("“word-list”"), "{}", got[0].1);
        assert_eq!(got[1].0, "repeated-wrd");
        assert!(got[1].1.contains("“repeated-word”"));
        assert_eq!(got[2].0, "nosuch");
        assert!(
            got[2].1.contains("fm-required、docno-bracket"),
            "{}",
            got[2].1
        );
        // The known ids of the same comments still work.
        assert!(r.suppresses(&d(5, "repeated-char")) && r.suppresses(&d(9, "cjk-space")));
        assert!(!r.suppresses(&d(5, "repeated-word")));
    }

    #[test]
    fn many_comments_before_many_blank_lines_are_linear() {
        // 20,000 comments on one line, then 100,000 blank lines: each comment looked for its
        // target line over all the blank lines (2·10⁹ steps, minutes in a debug build).
        let src = format!(
            "{}\n{}安全\n",
            "<!-- gwlint-disable-next-line -->".repeat(20_000),
            "\n".repeat(100_000)
        );
        let rules = Rules::parse(&src, &Front::new(&src, None, 0));
        assert_eq!(rules.ranges.len(), 20_000);
        assert!(rules.ranges.iter().all(|r| *r == (100_002, 100_002, None)));
    }
}
