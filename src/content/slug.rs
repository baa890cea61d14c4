//! ASCII slugs for URLs: from `slug:`, an ASCII file name, or a pinyin transliteration; the
//! names list pages take in a folder ([`LIST_PAGE`], [`page_name`]), which no item may use;
//! and distinct slugs for tags ([`for_tags`]).

use std::collections::{BTreeMap, BTreeSet};

use pinyin::ToPinyin;

/// Lowercase ASCII letters, digits, `-` and `_`, starting with a letter or digit.
pub fn is_valid(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 100
        && s.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// A slug from any text: ASCII words kept, Chinese characters transliterated to pinyin,
/// everything else a separator; at most 60 bytes, cut at a separator.
pub fn from_text(text: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
            continue;
        }
        if !word.is_empty() {
            parts.push(std::mem::take(&mut word));
        }
        if let Some(p) = c.to_pinyin() {
            parts.push(p.plain().to_string());
        }
    }
    if !word.is_empty() {
        parts.push(word);
    }
    let mut out = String::new();
    for p in parts {
        if !out.is_empty() && out.len() + 1 + p.len() > 60 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&p);
    }
    out
}

/// A slug for tags and other names shown in URLs.
pub fn for_name(name: &str) -> String {
    let s = from_text(name);
    if s.is_empty() { "x".into() } else { s }
}

/// The file name (without `.html`) of the list page of an output folder: `news/index.html` lists
/// the section, `tags/index.html` every tag. Its further pages are [`page_name`]`(LIST_PAGE, p)`.
pub const LIST_PAGE: &str = "index";

/// File name (without `.html`) of page `p` (from 0) of the list whose first page is `first`:
/// `index`, `index-2`, `index-3`…
pub fn page_name(first: &str, p: usize) -> String {
    if p == 0 {
        first.to_string()
    } else {
        format!("{first}-{}", p + 1)
    }
}

/// Whether `name` is, or may one day be, a page of the list whose first page is `first`:
/// `first` itself or `first-` followed by digits (however many items the list has now, so
/// that whether a name is free does not change as the list grows).
pub fn is_page_of(name: &str, first: &str) -> bool {
    match name.strip_prefix(first) {
        Some("") => true,
        Some(rest) => rest
            .strip_prefix('-')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())),
        None => false,
    }
}

/// Whether `name` belongs to the list pages of a folder (`index`, `index-2`…): no item page
/// and no tag may use it.
pub fn is_reserved(name: &str) -> bool {
    is_page_of(name, LIST_PAGE)
}

/// A distinct slug for every tag name, the same for the same set of names. A tag gets
/// [`for_name`] unless that is taken: by a list page ([`is_reserved`]), by a page of another
/// tag's list (`x-2` is page 2 of tag `x`), or by another tag with the same slug (`安全` and
/// `an-quan`; the name that is its own slug keeps it, then the first by name). A tag that
/// yields gets `slug_2`, `slug_3`… in that order: `_` never occurs in [`for_name`], so these
/// collide with nothing, nor do their own pages (`an-quan_2-2`).
pub fn for_tags<'a>(names: impl IntoIterator<Item = &'a String>) -> BTreeMap<String, String> {
    let names: BTreeSet<&str> = names.into_iter().map(String::as_str).collect();
    let mut groups: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for n in names {
        groups.entry(for_name(n)).or_default().push(n);
    }
    let mut out = BTreeMap::new();
    for (natural, group) in &groups {
        // Names are in byte order already; the name that is its own slug goes first.
        let mut group = group.clone();
        group.sort_by_key(|n| n != natural);
        let taken = is_reserved(natural)
            || natural.rmatch_indices('-').any(|(i, _)| {
                groups.contains_key(&natural[..i]) && is_page_of(natural, &natural[..i])
            });
        let first = if taken { 2 } else { 1 };
        for (k, n) in (first..).zip(group) {
            let slug = if k == 1 {
                natural.clone()
            } else {
                format!("{natural}_{k}")
            };
            out.insert(n.to_string(), slug);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_and_ascii() {
        assert_eq!(from_text("安全生产月"), "an-quan-sheng-chan-yue");
        assert_eq!(from_text("2026年 LED 标语"), "2026-nian-led-biao-yu");
        assert!(is_valid("notice-1"));
        assert!(!is_valid("../../x"));
        assert!(!is_valid("A"));
    }

    #[test]
    fn list_page_names() {
        assert_eq!(page_name(LIST_PAGE, 0), "index");
        assert_eq!(page_name(LIST_PAGE, 1), "index-2");
        assert_eq!(page_name("an-quan", 2), "an-quan-3");
        for n in ["index", "index-2", "index-10", "index-1"] {
            assert!(is_reserved(n), "{n}");
        }
        for n in ["indexes", "index-", "index-a", "index-2-b", "my-index", "x"] {
            assert!(!is_reserved(n), "{n}");
        }
        assert!(is_page_of("an-quan-2", "an-quan") && !is_page_of("an-quan-yue", "an-quan"));
    }

    fn tags(names: &[&str]) -> Vec<(String, String)> {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        for_tags(&names).into_iter().collect()
    }

    #[test]
    fn tag_slugs_are_distinct() {
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            let mut v: Vec<_> = v
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            v.sort();
            v
        };
        // Unambiguous tags keep their plain slug.
        assert_eq!(
            tags(&["安全", "消防"]),
            pairs(&[("安全", "an-quan"), ("消防", "xiao-fang")])
        );
        // The name that is its own slug keeps it, whatever the order of the input.
        for names in [
            ["安全", "an-quan", "AN QUAN"],
            ["an-quan", "AN QUAN", "安全"],
        ] {
            assert_eq!(
                tags(&names),
                pairs(&[
                    ("an-quan", "an-quan"),
                    ("AN QUAN", "an-quan_2"),
                    ("安全", "an-quan_3")
                ])
            );
        }
        // The list pages' names are never a tag's.
        assert_eq!(tags(&["index"]), pairs(&[("index", "index_2")]));
        assert_eq!(tags(&["Index-2"]), pairs(&[("Index-2", "index-2_2")]));
        // Page 2 of tag `x` is `x-2`: a tag named x-2 yields, but only while x exists.
        assert_eq!(
            tags(&["x", "x-2", "x-2-b"]),
            pairs(&[("x", "x"), ("x-2", "x-2_2"), ("x-2-b", "x-2-b")])
        );
        assert_eq!(tags(&["x-2"]), pairs(&[("x-2", "x-2")]));
        // Every slug and every page of it is distinct from every other.
        let all = tags(&[
            "index",
            "安全",
            "an-quan",
            "an-quan-2",
            "an-quan_2",
            "x",
            "X",
            "x-2",
        ]);
        let mut pages = BTreeSet::new();
        for (_, s) in &all {
            for p in 0..3 {
                assert!(pages.insert(page_name(s, p)), "{s} page {p}: {all:?}");
            }
            assert!(!is_reserved(s), "{s}");
        }
    }
}
