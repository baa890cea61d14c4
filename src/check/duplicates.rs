//! Site consistency: a 发文字号 (`doc_no`) is one document's. Two published documents with the
//! same 文号 are each reported at their `doc_no`, naming the other.
//!
//! Complexity: O(i) for the site's i items: one hash map from each 文号 (blanks removed) to the
//! items that carry it, then one lookup per item.

use std::collections::HashMap;

use super::Finding;
use super::lints::Lint;
use crate::content::{Item, Site};

/// The published documents by 文号 (spaces removed), where more than one has it.
pub struct DocNos(HashMap<String, Vec<String>>);

/// A 文号 as compared: without spaces (`serve` keeps it per document to know whose duplicate
/// finding a save may change).
pub fn key(doc_no: &str) -> String {
    doc_no.chars().filter(|c| !c.is_whitespace()).collect()
}

impl DocNos {
    pub fn of(site: &Site) -> DocNos {
        let mut by: HashMap<String, Vec<String>> = HashMap::new();
        for item in &site.items {
            if let Some(no) = item.fm.text("doc_no").filter(|n| !n.trim().is_empty()) {
                by.entry(key(no)).or_default().push(item.path());
            }
        }
        by.retain(|_, paths| paths.len() > 1);
        DocNos(by)
    }

    /// The finding of `item` if another document has its 文号.
    pub fn check(&self, item: &Item) -> Vec<Finding> {
        let Some(no) = item.fm.text("doc_no") else {
            return Vec::new();
        };
        let Some(paths) = self.0.get(&key(no)) else {
            return Vec::new();
        };
        let own = item.path();
        let others: Vec<&str> = paths
            .iter()
            .filter(|p| **p != own)
            .map(String::as_str)
            .collect();
        let off = item.fm.spans.get("doc_no").map_or(0, |s| {
            let value = &item.text[s.value.clone()];
            s.value.start + (value.len() - value.trim_start().len())
        });
        vec![Finding {
            lint: Lint::DocnoDuplicate,
            off,
            len: no.chars().count(),
            message: format!("文号“{no}”与 {} 重复", others.join("、")),
            hint: "每份公文的发文字号只能用一次：核对发文登记，改正其中一篇的序号；同一份文件不要放两遍".into(),
            edits: Vec::new(),
        }]
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn spaces_do_not_make_two_numbers() {
        assert_eq!(
            super::key("青安办〔2026〕 9号"),
            super::key("青安办〔2026〕9号")
        );
    }
}
