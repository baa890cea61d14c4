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
    /// Right here (at least 2 and at most [`LONGEST`] characters).
    right: HashSet<String>,
    /// Characters of the longest word of `right`.
    longest: usize,
    /// The first characters of the words of `right`, sorted: where a word can start.
    firsts: Vec<char>,
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

/// Words longer than this (a full enterprise name with its address) are not looked for.
pub const LONGEST: usize = 40;

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
        Words {
            aliases: p.issuer_aliases.clone(),
            typos: p.typos.clone(),
            disabled: p
                .disable
                .iter()
                .filter_map(|(id, ..)| Lint::parse(id).map(Lint::id))
                .collect(),
            ..Words::right(right)
        }
    }

    /// Words that are right here, and nothing else.
    pub fn right(words: impl IntoIterator<Item = String>) -> Words {
        let right: HashSet<String> = words
            .into_iter()
            .map(|w| w.trim().to_string())
            .filter(|w| (2..=LONGEST).contains(&w.chars().count()))
            .collect();
        let mut firsts: Vec<char> = right.iter().filter_map(|w| w.chars().next()).collect();
        firsts.sort_unstable();
        firsts.dedup();
        Words {
            longest: right.iter().map(|w| w.chars().count()).max().unwrap_or(0),
            right,
            firsts,
            ..Default::default()
        }
    }

    fn may_start(&self, c: char) -> bool {
        self.firsts.binary_search(&c).is_ok()
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
        let (Some(before), Some(after)) = (src.get(..off), src.get(off..)) else {
            return false;
        };
        // The span with up to `longest` characters either side.
        let mut chars: Vec<char> = before.chars().rev().take(self.longest).collect();
        let lead = chars.len();
        chars.reverse();
        chars.extend(after.chars().take(len + self.longest));
        let end = (lead + len).min(chars.len());
        // Only a word that starts at or before the span and reaches its end covers it: one
        // lookup per (start, end) of those, and none at a character no word starts with (a
        // text of 650,000 findings asked for every word around each one in 8 s).
        let mut word = String::new();
        (lead.saturating_sub(self.longest)..=lead).any(|a| {
            if !chars.get(a).is_some_and(|&c| self.may_start(c)) {
                return false;
            }
            word.clear();
            for (n, &c) in chars
                .iter()
                .enumerate()
                .take((a + self.longest).min(chars.len()))
                .skip(a)
            {
                word.push(c);
                // `word` is chars[a..=n].
                if n + 1 >= end && n > a && self.right.contains(&word) {
                    return true;
                }
            }
            false
        })
    }

    /// Every occurrence of a word that is right here in `chars`, as character ranges.
    pub fn spans(&self, chars: &[char]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        if self.right.is_empty() {
            return out;
        }
        let mut word = String::new();
        for a in 0..chars.len() {
            if !self.may_start(chars[a]) {
                continue;
            }
            word.clear();
            for (b, c) in chars.iter().enumerate().skip(a).take(self.longest) {
                word.push(*c);
                if b > a && self.right.contains(&word) {
                    out.push((a, b + 1));
                }
            }
        }
        out
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
        let w = Words::right(["鑫鑫建材".to_string()]);
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

    #[test]
    fn a_word_covers_a_span_only_from_its_start_to_past_its_end() {
        let w = Words::right([
            "丰丰村".to_string(),
            "东风东风村".to_string(),
            "乙乙".to_string(),
        ]);
        let src = "到丰丰村和东风东风村，乙乙甲";
        let at = |s: &str| src.find(s).unwrap();
        let covered = |off: usize, len: usize| w.covers(src, off, len);
        assert!(covered(at("丰丰"), 2)); // the word starts at the span
        assert!(covered(at("风东风"), 4)); // starts before it, ends with it
        assert!(covered(at("乙乙"), 2)); // a word at the last characters but one
        assert!(!covered(at("村和"), 2)); // runs past the word's end
        assert!(!covered(at("到丰"), 2)); // starts before the word
        assert!(!covered(at("乙甲"), 2));
        // A text of one repeated phrase, none of whose characters starts a word, stays cheap
        // and is never covered.
        let long = "安全生产".repeat(10_000);
        assert!(!w.covers(&long, 12, 8));
    }
}
