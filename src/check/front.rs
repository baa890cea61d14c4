//! Front matter as the linter sees it: the loader's [`FrontMatter`] (typed values, and where
//! each key and value was written) over the file's text. Nothing is parsed here.
//!
//! Complexity: a value or a span is a hash lookup in the loader's maps. [`Front::locate`] is
//! O(k·v) for k strings in a value span of v bytes: each string is searched from where the
//! previous one was found, but a string not written as the loader returns it (escaped in YAML)
//! searches the rest of the span without moving on.

use serde_json::Value;

use crate::content::frontmatter::{self, FrontMatter, Span};

/// The loaded front matter of one file and the offset of its body.
#[derive(Debug, Clone, Copy)]
pub struct Front<'a> {
    src: &'a str,
    /// `None` when the loader could not read the front matter: only the body is proofread.
    fm: Option<&'a FrontMatter>,
    /// Byte offset of the Markdown body.
    pub body_start: usize,
}

/// What the loader's front-matter reader makes of one file's text: the front matter (`None`
/// when it is unreadable) and the offset of the body. For [`super::lint_text`] and tests; a
/// site's items come loaded.
pub fn read(path: &str, src: &str) -> (Option<FrontMatter>, usize) {
    match frontmatter::split(src) {
        Ok(split) => {
            let mut loader_errors = Vec::new();
            let fm = frontmatter::parse(path, &split, &mut loader_errors);
            (fm, split.body_start)
        }
        Err(frontmatter::Unclosed) => (None, 0),
    }
}

/// The body offset of a file the loader left out: after its front-matter block, if closed.
pub fn body_start(src: &str) -> usize {
    frontmatter::split(src).map_or(0, |s| s.body_start)
}

impl<'a> Front<'a> {
    pub fn new(src: &'a str, fm: Option<&'a FrontMatter>, body_start: usize) -> Front<'a> {
        Front {
            src,
            fm,
            body_start,
        }
    }

    /// Whether the loader read the front matter (the field lints have something to check).
    pub fn loaded(&self) -> bool {
        self.fm.is_some()
    }

    fn span(&self, key: &str) -> Option<&'a Span> {
        self.fm?.spans.get(key)
    }

    pub fn value(&self, key: &str) -> Option<&'a Value> {
        self.fm?.values.get(key)
    }

    /// A text value (non-empty), as loaded.
    pub fn text(&self, key: &str) -> Option<&'a str> {
        self.fm?.text(key)
    }

    /// A list value, as loaded (a list written as one string is split as the loader splits it).
    pub fn list(&self, key: &str) -> Vec<String> {
        self.fm.map(|f| f.list(key)).unwrap_or_default()
    }

    /// A date value, as loaded.
    pub fn date(&self, key: &str) -> Option<chrono::NaiveDate> {
        self.fm?.date(key)
    }

    /// Byte offset of `key` in the file, when it was written.
    pub fn key_offset(&self, key: &str) -> Option<usize> {
        self.span(key).map(|s| s.key)
    }

    /// A scalar value as written, before the loader converted it (also when it refused it).
    pub fn scalar(&self, key: &str) -> Option<&'a str> {
        self.span(key)?.scalar.as_deref()
    }

    /// Whether `key` has a value: a loaded one other than "", or a scalar the loader refused.
    pub fn has(&self, key: &str) -> bool {
        self.value(key).is_some_and(|v| v.as_str() != Some(""))
            || self.scalar(key).is_some_and(|s| !s.is_empty())
    }

    /// The strings of `key` as written (a scalar whole, a list item by item), each with its
    /// byte offset in the file: what is proofread.
    pub fn written(&self, key: &str) -> Vec<(String, usize)> {
        let strings = match self.scalar(key) {
            Some(s) => vec![s.to_string()],
            None => self.list(key),
        };
        self.locate(key, strings)
    }

    /// The loaded strings of `key` (a text, or the items of a list), each with its byte offset.
    pub fn values(&self, key: &str) -> Vec<(String, usize)> {
        let strings = match self.value(key) {
            Some(Value::String(s)) => vec![s.clone()],
            _ => self.list(key),
        };
        self.locate(key, strings)
    }

    /// Finds each string, in order, in the value's text (the key's offset when it is not there
    /// verbatim, e.g. because of escapes).
    pub fn locate(&self, key: &str, strings: Vec<String>) -> Vec<(String, usize)> {
        let Some(span) = self.span(key) else {
            return Vec::new();
        };
        let mut from = span.value.start;
        strings
            .into_iter()
            .map(|s| {
                let hay = &self.src[from.min(span.value.end)..span.value.end];
                match hay.find(s.as_str()).filter(|_| !s.is_empty()) {
                    Some(i) => {
                        let at = from + i;
                        from = at + s.len();
                        (s, at)
                    }
                    None => (s, span.key),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_loaded_values_and_where_they_were_written() {
        let src = "---\n标题: 关于甲的通知\n附件:\n  - 甲方案\n  - 乙\nissuer: 甲乡人民政府、乙镇人民政府\ndate: 2023/4/6\n---\n正文\n";
        let (fm, body) = read("a.md", src);
        let f = Front::new(src, fm.as_ref(), body);
        assert_eq!(f.text("title"), Some("关于甲的通知"));
        assert_eq!(&src[f.body_start..], "正文\n");
        let loc = f.written("attachments");
        assert_eq!(loc.len(), 2);
        assert!(src[loc[1].1..].starts_with("乙"));
        // Proofread as written, checked as loaded.
        assert_eq!(f.written("issuer").len(), 1);
        assert_eq!(f.values("issuer").len(), 2);
        assert!(src[f.values("issuer")[1].1..].starts_with("乙镇"));
        assert_eq!(f.scalar("date"), Some("2023/4/6"));
        assert_eq!(f.date("date"), chrono::NaiveDate::from_ymd_opt(2023, 4, 6));
        assert!(src[f.key_offset("date").unwrap()..].starts_with("date:"));
    }

    #[test]
    fn an_unreadable_front_matter_leaves_the_body() {
        let src = "---\ntitle: [甲\n---\n正文\n";
        let (fm, body) = read("a.md", src);
        assert!(fm.is_none());
        assert_eq!(&src[body..], "正文\n");
        assert_eq!(body_start(src), body);
        let (fm, body) = read("a.md", "---\ntitle: 甲\n正文\n");
        assert!(fm.is_none() && body == 0);
    }
}
