//! Suppression (§0): `<!-- gwlint-disable-next-line id[, id] -->`, `<!-- gwlint-disable id -->`
//! … `<!-- gwlint-enable id -->`, and front matter `lint: {disable: [id]}`. An empty id list
//! means every lint.

use serde_yaml::Value;

use super::front::Front;
use crate::diag::Diagnostic;

#[derive(Debug, Default)]
pub struct Rules {
    /// Lints disabled for the whole file (`None` = all).
    file: Vec<Option<String>>,
    /// (first line, last line, lint or all).
    ranges: Vec<(usize, usize, Option<String>)>,
}

impl Rules {
    pub fn parse(source: &str, front: &Front) -> Rules {
        let mut rules = Rules::default();
        if let Some(f) = front.get("lint")
            && let Some(Value::Sequence(ids)) = f.value.get("disable")
        {
            rules.file.extend(
                ids.iter()
                    .filter_map(|v| v.as_str())
                    .map(|s| Some(s.to_string())),
            );
        }
        let lines: Vec<&str> = source.lines().collect();
        let mut open: Vec<(usize, Option<String>)> = Vec::new();
        for (n, line) in lines.iter().enumerate() {
            let lineno = n + 1;
            let mut rest = *line;
            while let Some(p) = rest.find("<!--") {
                // `<!-->` and `<!--->` are (empty) comments too: the closing `-->` may
                // overlap the opening `<!--`.
                let Some(q) = rest[p + 2..].find("-->") else {
                    break;
                };
                let end = p + 2 + q;
                let body = rest.get(p + 4..end).unwrap_or("").trim();
                rest = &rest[end + 3..];
                let (cmd, args) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
                let ids = ids(args);
                match cmd {
                    "gwlint-disable-next-line" => {
                        let target = (n + 1..lines.len())
                            .find(|&k| !lines[k].trim().is_empty())
                            .map(|k| k + 1);
                        if let Some(t) = target {
                            rules.ranges.extend(ids.into_iter().map(|id| (t, t, id)));
                        }
                    }
                    "gwlint-disable" => open.extend(ids.into_iter().map(|id| (lineno, id))),
                    "gwlint-enable" => {
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
                    _ => {}
                }
            }
        }
        for (start, id) in open {
            rules.ranges.push((start, usize::MAX, id));
        }
        rules
    }

    pub fn suppresses(&self, d: &Diagnostic) -> bool {
        let hit = |id: &Option<String>| id.as_deref().is_none_or(|x| x == d.lint);
        self.file.iter().any(hit)
            || self
                .ranges
                .iter()
                .any(|(a, b, id)| (*a..=*b).contains(&d.line) && hit(id))
    }
}

fn ids(args: &str) -> Vec<Option<String>> {
    let v: Vec<Option<String>> = args
        .split([',', '，', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| Some(s.to_string()))
        .collect();
    if v.is_empty() { vec![None] } else { v }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(line: usize, lint: &str) -> Diagnostic {
        Diagnostic::warning("a.md", line, 1, lint, "x")
    }

    #[test]
    fn comments_and_front_matter() {
        let src = "---\nlint: {disable: [word-list]}\n---\n<!-- gwlint-disable-next-line repeated-char -->\n\n甲\n<!-- gwlint-disable cjk-space -->\n乙\n<!-- gwlint-enable cjk-space -->\n丙\n";
        let r = Rules::parse(src, &Front::parse(src, 0));
        assert!(r.suppresses(&d(6, "repeated-char")) && !r.suppresses(&d(6, "repeated-word")));
        assert!(r.suppresses(&d(8, "cjk-space")) && !r.suppresses(&d(10, "cjk-space")));
        assert!(r.suppresses(&d(10, "word-list")));
    }
}
