//! Links in a WeChat article: only mp.weixin.qq.com may stay a hyperlink; every other target
//! becomes its text plus a superscript `[n]` and an entry of the closing 参考链接 list
//! (docs/wechat.md §2 "Links"). Footnotes are numbered separately and listed under 注释.
//!
//! Complexity: [`classify`] is O(u) in the length of one URL; [`References`] numbers a URL or
//! a footnote label with a hash lookup, so r citations cost O(r) (a search of the list per
//! citation was O(r·u) for u distinct URLs).

/// What to do with one markdown link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkKind {
    /// Keep `<a href>` (an https mp.weixin.qq.com article).
    Keep(String),
    /// Show the text, then `[n]` pointing at this absolute URL in the reference list.
    Reference(String),
    /// Show the text only (in-page anchors, unresolvable relative links).
    TextOnly,
    /// Show the text, then this contact (mailto:/tel:) in parentheses unless the text is it.
    Contact(String),
}

/// Classifies a link. `resolved` is the target as the site page wrote it (relative to the
/// item's section folder, e.g. `../news/a.html`); `base_url` makes it absolute when set.
pub fn classify(written: &str, resolved: &str, base_url: &str) -> LinkKind {
    let url = written.trim();
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .or_else(|| lower.strip_prefix("//"))
    {
        let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
        let tail = &url[url.len() - rest.len()..];
        if host == "mp.weixin.qq.com" {
            return LinkKind::Keep(format!("https://{tail}"));
        }
        if lower.starts_with("//") {
            return LinkKind::Reference(format!("https://{tail}"));
        }
        return LinkKind::Reference(url.to_string());
    }
    for scheme in ["mailto:", "tel:"] {
        if lower.starts_with(scheme) {
            return LinkKind::Contact(url[scheme.len()..].to_string());
        }
    }
    if url.is_empty() || url.starts_with('#') || lower.contains(':') {
        return LinkKind::TextOnly;
    }
    match absolute(resolved, base_url) {
        Some(abs) => LinkKind::Reference(abs),
        None => LinkKind::TextOnly,
    }
}

/// The site URL of a page linked as `resolved` from an item page (one folder deep).
fn absolute(resolved: &str, base_url: &str) -> Option<String> {
    let base = base_url.trim().trim_end_matches('/');
    if base.is_empty() || !(base.starts_with("https://") || base.starts_with("http://")) {
        return None;
    }
    let rel = resolved.strip_prefix("../")?;
    if rel.starts_with("../") || rel.starts_with('#') || rel.is_empty() {
        return None;
    }
    Some(format!("{base}/{rel}"))
}

/// The numbered references of one article.
#[derive(Debug, Default)]
pub struct References {
    /// (link text, URL); number = position + 1. A URL cited twice keeps its first number.
    pub links: Vec<(String, String)>,
    /// Footnote labels in order of first reference.
    pub notes: Vec<String>,
    /// Number of each URL and each label: a search of the lists per citation was O(r·u).
    url_no: std::collections::HashMap<String, usize>,
    note_no: std::collections::HashMap<String, usize>,
}

impl References {
    /// The number of `url`, adding it on first use.
    pub fn cite(&mut self, text: &str, url: &str) -> usize {
        if let Some(&n) = self.url_no.get(url) {
            return n;
        }
        self.links.push((text.trim().to_string(), url.to_string()));
        self.url_no.insert(url.to_string(), self.links.len());
        self.links.len()
    }

    /// The number of footnote `label`, adding it on first use.
    pub fn note(&mut self, label: &str) -> usize {
        if let Some(&n) = self.note_no.get(label) {
            return n;
        }
        self.notes.push(label.to_string());
        self.note_no.insert(label.to_string(), self.notes.len());
        self.notes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_distinct_references_are_numbered_in_linear_time() {
        // 100,000 distinct URLs cited twice each: a search of the list per citation was 10¹⁰
        // comparisons.
        let mut r = References::default();
        for round in 0..2 {
            for i in 0..100_000 {
                assert_eq!(r.cite("t", &format!("https://a.cn/{i}")), i + 1, "{round}");
                assert_eq!(r.note(&format!("n{i}")), i + 1);
            }
        }
        assert_eq!((r.links.len(), r.notes.len()), (100_000, 100_000));
    }
}
