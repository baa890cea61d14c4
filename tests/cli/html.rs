//! A minimal HTML tokenizer for tests: which elements does a page really contain?
//! Quoted attribute values, comments and the text of RCDATA/raw-text elements are skipped,
//! so escaped user text (even after minification) never counts as a tag.

/// Names of the start tags in `html`, in order, lowercase.
pub fn tags(html: &str) -> Vec<String> {
    elements(html).into_iter().map(|(n, _)| n).collect()
}

/// Start tags as (lowercase name, raw attribute text).
pub fn elements(html: &str) -> Vec<(String, String)> {
    elements_with_text(html)
        .into_iter()
        .map(|(n, a, _)| (n, a))
        .collect()
}

/// Start tags as (lowercase name, raw attribute text, raw text): the raw text is the content
/// of `title`, `textarea`, `script` and `style` up to their end tag, empty for other elements.
pub fn elements_with_text(html: &str) -> Vec<(String, String, String)> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map(|e| i + e + 3).unwrap_or(b.len());
            continue;
        }
        if !b.get(i).is_some_and(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        let name: String = html[i..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        i += name.len();
        let attr_start = i;
        // Skip attributes up to the closing `>`, honouring quotes.
        let mut quote: Option<u8> = None;
        while i < b.len() {
            match (quote, b[i]) {
                (Some(q), c) if c == q => quote = None,
                (None, c @ (b'"' | b'\'')) if b[i - 1] == b'=' => quote = Some(c),
                (None, b'>') => break,
                _ => {}
            }
            i += 1;
        }
        let attrs = html[attr_start..i.min(b.len())].to_string();
        let mut text = String::new();
        if matches!(name.as_str(), "title" | "textarea" | "script" | "style") {
            let close = format!("</{name}");
            let start = (i + 1).min(b.len());
            i = html[i..]
                .to_ascii_lowercase()
                .find(&close)
                .map(|e| i + e)
                .unwrap_or(b.len());
            text = html[start..i.max(start)].to_string();
        }
        out.push((name, attrs, text));
    }
    out
}

/// Lowercase names of the attributes in a raw attribute string.
pub fn attr_names(attrs: &str) -> Vec<String> {
    let b = attrs.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'>' {
            i += 1;
        }
        if i > start {
            out.push(attrs[start..i].to_ascii_lowercase());
        }
        if i < b.len() && b[i] == b'=' {
            i += 1;
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i] as char;
                i = attrs[i + 1..].find(q).map_or(b.len(), |e| i + 2 + e);
            } else {
                while i < b.len() && !b[i].is_ascii_whitespace() {
                    i += 1;
                }
            }
        } else if i == start {
            i += 1;
        }
    }
    out
}

/// The value of attribute `name` in a raw attribute string (quoted or not), entities decoded.
pub fn attr(attrs: &str, name: &str) -> Option<String> {
    let b = attrs.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'>' {
            i += 1;
        }
        let key = attrs[start..i].to_ascii_lowercase();
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let end = attrs[i + 1..]
                    .find(q as char)
                    .map(|e| i + 1 + e)
                    .unwrap_or(b.len());
                value = attrs[i + 1..end].to_string();
                i = end + 1;
            } else {
                let end = attrs[i..]
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .map(|e| i + e)
                    .unwrap_or(b.len());
                value = attrs[i..end].to_string();
                i = end;
            }
        }
        if key == name {
            return Some(
                value
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&"),
            );
        }
        if i == start {
            i += 1;
        }
    }
    None
}

/// `content` of `<meta name=NAME>` in a page.
pub fn meta(html: &str, name: &str) -> Option<String> {
    elements(html)
        .into_iter()
        .find(|(t, a)| t == "meta" && attr(a, "name").as_deref() == Some(name))
        .and_then(|(_, a)| attr(&a, "content"))
}

#[test]
fn attributes_quoted_or_not() {
    assert_eq!(
        attr(" content=\"a b\" name=X", "content").as_deref(),
        Some("a b")
    );
    assert_eq!(attr(" content=a name=X", "name").as_deref(), Some("X"));
    assert_eq!(
        meta("<meta name=\"k\" content='v &amp; w'>", "k").as_deref(),
        Some("v & w")
    );
}

#[test]
fn escaped_text_is_not_a_tag() {
    let t =
        tags("<title><script>x</script></title><p a='\"><img src=x>'>&lt;img src=y><b>ok</b></p>");
    assert_eq!(t, vec!["title", "p", "b"]);
}
