//! The site's own words (`campaign.yaml` `proofreading:`/`校对:`) as the lints use them: words
//! that are right here (declared, plus the names the site already knows: its organ, units,
//! issuers and the name columns of its rosters), short names of issuers for `issuer-mismatch`,
//! site-specific misspellings for `word-list`, and rules turned off for the whole site.

use std::collections::HashSet;

use super::{Finding, Lint, Located};
use crate::content::Site;
use crate::content::campaign::PATH;
use crate::diag::Diagnostic;

/// What the lints know about the site's words.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// Right here, longest first.
    pub right: Vec<String>,
    /// (简称, 全称) of issuing organs.
    pub aliases: Vec<(String, String)>,
    /// (wrong, right) added to the `word-list` dictionary.
    pub typos: Vec<(String, String)>,
    /// Rule ids turned off for the whole site.
    pub disabled: HashSet<&'static str>,
}

/// Lints whose finding is wrong when its span is part of a word that is right here (a place
/// named 丰丰村, an enterprise 鑫鑫建材, a 叠词 meant as written).
const WORD_LINTS: &[Lint] = &[
    Lint::RepeatedChar,
    Lint::RepeatedWord,
    Lint::WordList,
    Lint::JurisdictionMismatch,
];

/// Roster columns whose cells are names (企业名称, 单位, 姓名, 所在村…).
const NAME_COLUMNS: &[&str] = &[
    "名称",
    "企业",
    "单位",
    "姓名",
    "村",
    "负责人",
    "联系人",
    "法人",
    "name",
];

impl Words {
    /// The words of `site`: its `proofreading:` section and the names it declares elsewhere.
    pub fn of(site: &Site) -> Words {
        let c = &site.campaign;
        let p = &c.proofreading;
        let mut right: Vec<String> = p.words.clone();
        right.push(c.org.clone());
        right.extend(c.units.iter().map(|u| u.name.clone()));
        for key in ["sponsor", "organizer"] {
            if let Some(v) = c.footer.get(key).and_then(|v| v.as_str()) {
                right.push(v.to_string());
            }
        }
        for item in &site.items {
            right.extend(item.fm.list("issuer"));
        }
        for roster in site.rosters.values() {
            let cols: Vec<usize> = (0..roster.columns.len())
                .filter(|&i| {
                    let name = roster.columns[i].to_lowercase();
                    NAME_COLUMNS.iter().any(|n| name.contains(n))
                })
                .collect();
            for row in &roster.rows {
                right.extend(cols.iter().filter_map(|&i| row.cells.get(i).cloned()));
            }
        }
        right.retain(|w| w.chars().count() >= 2);
        right.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        right.dedup();
        Words {
            right,
            aliases: p.issuer_aliases.clone(),
            typos: p.typos.clone(),
            disabled: p
                .disable
                .iter()
                .filter_map(|(id, ..)| Lint::parse(id).map(Lint::id))
                .collect(),
        }
    }

    /// Whether the site turned off the rule `id`.
    pub fn disables(&self, id: &str) -> bool {
        self.disabled.contains(id)
    }

    /// Drops the findings of [`WORD_LINTS`] whose span lies inside a word that is right here.
    pub fn keep_right_words(&self, src: &str, out: &mut Vec<Finding>) {
        if self.right.is_empty() {
            return;
        }
        out.retain(|f| !(WORD_LINTS.contains(&f.lint) && self.covers(src, f.off, f.len)));
    }

    /// Whether the `len` characters at byte `off` of `src` are inside an occurrence of a word.
    fn covers(&self, src: &str, off: usize, len: usize) -> bool {
        let Some(rest) = src.get(off..) else {
            return false;
        };
        let end = off + rest.chars().take(len).map(char::len_utf8).sum::<usize>();
        self.right.iter().any(|w| {
            // Occurrences that could contain [off, end) start at most w.len() bytes before it.
            let mut from = off.saturating_sub(w.len());
            while !src.is_char_boundary(from) {
                from -= 1;
            }
            let mut to = (end + w.len()).min(src.len());
            while !src.is_char_boundary(to) {
                to += 1;
            }
            let window = &src[from..to];
            window.match_indices(w.as_str()).any(|(i, _)| {
                let s = from + i;
                s <= off && end <= s + w.len()
            })
        })
    }
}

/// The ids of `disable` that name no rule: an error at the id, with the closest rule.
pub fn problems(site: &Site) -> Vec<Located> {
    let p = &site.campaign.proofreading;
    p.disable
        .iter()
        .filter(|(id, ..)| Lint::parse(id).is_none())
        .map(|(id, line, col)| {
            let hint = match Lint::closest(id) {
                Some(l) => format!("是不是想写“{}”？全部规则见 xuanguan check --rules", l.id()),
                None => "全部规则见 xuanguan check --rules".to_string(),
            };
            let d = Diagnostic::error(
                PATH,
                *line,
                *col,
                Lint::UnknownLint.id(),
                format!("没有名为“{id}”的校对规则，关闭规则中的这一项不起作用"),
            )
            .with_hint(hint);
            Located {
                diag: d,
                len: id.chars().count(),
                edits: Vec::new(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(lint: Lint, off: usize, len: usize) -> Finding {
        Finding {
            lint,
            off,
            len,
            message: String::new(),
            hint: String::new(),
            edits: Vec::new(),
        }
    }

    #[test]
    fn a_finding_inside_a_right_word_is_dropped_and_only_there() {
        let w = Words {
            right: vec!["鑫鑫建材".into()],
            ..Default::default()
        };
        let src = "甲鑫鑫建材有限公司与鑫鑫公司，东山村";
        let at = |s: &str| src.find(s).unwrap();
        let mut out = vec![
            finding(Lint::RepeatedChar, at("鑫鑫建材"), 2),
            finding(Lint::RepeatedChar, at("鑫鑫公司"), 2),
            finding(Lint::HalfwidthPunct, at("鑫鑫建材"), 2),
        ];
        w.keep_right_words(src, &mut out);
        let offs: Vec<(Lint, usize)> = out.iter().map(|f| (f.lint, f.off)).collect();
        assert_eq!(
            offs,
            [
                (Lint::RepeatedChar, at("鑫鑫公司")),
                (Lint::HalfwidthPunct, at("鑫鑫建材"))
            ]
        );
    }
}
