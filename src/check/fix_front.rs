//! The one mechanical fix of the front matter the loader refuses: a known key followed by a
//! full-width colon (`标题：……`), which makes the whole front matter unreadable. The loader
//! reports it (`front-matter`); `check --fix` writes `标题: ……`.

use super::{Edit, Located};
use crate::content::frontmatter;
use crate::diag::Diagnostic;

/// Corrections of `key：` at the start of a front-matter line of `text` (`path` as shown),
/// as findings to fix: only keys of the schema (English or Chinese), only at the top level.
pub fn colons(path: &str, text: &str) -> Vec<Located> {
    let Ok(split) = frontmatter::split(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut pos = split.yaml_start;
    for (n, line) in split.yaml.split_inclusive('\n').enumerate() {
        let at = pos;
        pos += line.len();
        let Some((key, _)) = line.split_once('：') else {
            continue;
        };
        let known = crate::gongwen::fields::canonical(key).is_some();
        if !known || key.contains(':') || key.starts_with(char::is_whitespace) {
            continue;
        }
        let off = at + key.len();
        let rest = &text[off + '：'.len_utf8()..];
        let to = if rest.starts_with([' ', '\n']) {
            ":"
        } else {
            ": "
        };
        let diag = Diagnostic::error(
            path,
            split.yaml_line + n,
            key.chars().count() + 1,
            "front-matter",
            format!("“{key}：”用了中文冒号"),
        );
        let mut found = Located::of(diag);
        found.edits.push(Edit {
            off,
            from: "：".into(),
            to: to.into(),
        });
        out.push(found);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_keys_at_the_start_of_a_line_get_an_ascii_colon() {
        let src = "---\n标题：关于开展培训的通知\ndate：2026-09-02\n摘要: 时间：九月\n  单位：乙\n---\n正文：甲\n";
        let found = colons("a.md", src);
        let edits: Vec<(usize, &str)> = found
            .iter()
            .map(|f| (f.diag.line, f.edits[0].to.as_str()))
            .collect();
        assert_eq!(edits, [(2, ": "), (3, ": ")]);
        assert!(src[found[0].edits[0].off..].starts_with("：关于"));
    }
}
