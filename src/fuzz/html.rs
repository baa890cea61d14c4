//! A strict checker for the HTML the markdown pipeline emits: only the elements and
//! attributes markdown can produce, double-quoted values, and no script-carrying URL.

const TAGS: &[&str] = &[
    "p",
    "br",
    "hr",
    "em",
    "strong",
    "del",
    "a",
    "img",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "pre",
    "code",
    "span",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "div",
];

const ATTRS: &[&str] = &[
    "href", "src", "alt", "title", "id", "class", "style", "start", "align",
];

/// `Err` names the first element, attribute or URL that markdown should never produce.
pub fn safe(html: &str) -> Result<(), String> {
    let b = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        if b.get(i) == Some(&b'/') {
            i += 1;
        }
        let name: String = html[i..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if !TAGS.contains(&name.as_str()) {
            return Err(format!("element <{name}"));
        }
        i += name.len();
        loop {
            while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            match b.get(i) {
                None => return Err(format!("<{name} not closed")),
                Some(b'>') => break,
                Some(b'/') if b.get(i + 1) == Some(&b'>') => break,
                _ => {}
            }
            let attr: String = html[i..]
                .chars()
                .take_while(|c| !matches!(c, '=' | '>' | '/') && !c.is_whitespace())
                .collect();
            if !ATTRS.contains(&attr.as_str()) {
                return Err(format!("attribute {attr:?} on <{name}>"));
            }
            i += attr.len();
            if b.get(i) != Some(&b'=') {
                continue;
            }
            if b.get(i + 1) != Some(&b'"') {
                return Err(format!("unquoted value of {attr} on <{name}>"));
            }
            let start = i + 2;
            let end = html[start..]
                .find('"')
                .map(|e| start + e)
                .ok_or_else(|| format!("unterminated {attr} on <{name}>"))?;
            let value = &html[start..end];
            if matches!(attr.as_str(), "href" | "src") && scripted(value) {
                return Err(format!("{attr}=\"{value}\" on <{name}>"));
            }
            i = end + 1;
        }
    }
    Ok(())
}

/// Whether a URL (as written in an attribute) runs script when followed: the browser drops
/// entities, ASCII whitespace and control characters before reading the scheme.
fn scripted(value: &str) -> bool {
    let decoded = value
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
    let squeezed: String = decoded
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| squeezed.starts_with(s))
}
