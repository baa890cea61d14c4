//! How deep a saved page nests: refused past [`MAX_DEPTH`] levels (the page reader recurses
//! once per level), estimated on the text before parsing because the HTML parser itself takes
//! time quadratic in the nesting (100,000 levels took 36 s).
//!
//! Complexity: [`markup_depth`] reads the text once (its searches for a comment's or a
//! script's end resume where they stop).

/// Levels of nesting a saved page may have (real portals nest a few dozen).
pub const MAX_DEPTH: usize = 400;

/// Elements that hold others and whose end tag is written: each open one is a level.
const CONTAINERS: &[&str] = &[
    "div",
    "table",
    "ul",
    "ol",
    "dl",
    "section",
    "article",
    "blockquote",
    "form",
    "center",
    "aside",
    "main",
    "header",
    "footer",
    "nav",
    "figure",
    "fieldset",
    "details",
];

/// Elements whose tags close whatever inline elements were left open inside them (the parser
/// closes an unclosed `<font>` at the next `<p>` or `</td>`), and void elements.
const BLOCKS: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "h1", "h2", "h3", "h4",
    "h5", "h6", "body", "html", "br", "img", "hr", "meta", "link", "input", "col", "area", "base",
    "embed", "param", "source", "track", "wbr", "option", "optgroup",
];

/// How deep the page's tags nest, counted on its text before parsing: the open containers,
/// plus the inline elements opened since the last block tag (a page of unclosed `<font>`s
/// and `<span>`s is not deep). Comments and the text of scripts and styles are skipped. An
/// estimate, in one pass.
pub(super) fn markup_depth(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut i, mut depth, mut inline, mut max) = (0, 0usize, 0usize, 0);
    let find = |from: usize, pat: &[u8]| {
        b[from.min(b.len())..]
            .windows(pat.len())
            .position(|w| w.eq_ignore_ascii_case(pat))
            .map_or(b.len(), |p| from + p + pat.len())
    };
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let close = b.get(i + 1) == Some(&b'/');
        let start = i + 1 + usize::from(close);
        let end = start
            + b[start..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
        if b[start..].starts_with(b"!--") {
            i = find(start, b"-->");
            continue;
        }
        let name = html[start..end].to_ascii_lowercase();
        i = find(end, b">");
        if name.is_empty() {
            continue;
        }
        if matches!(name.as_str(), "script" | "style" | "textarea" | "title") && !close {
            i = find(find(i, format!("</{name}").as_bytes()), b">");
        } else if CONTAINERS.contains(&name.as_str()) {
            inline = 0;
            if close {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
            }
        } else if BLOCKS.contains(&name.as_str()) {
            inline = 0;
        } else if close {
            inline = inline.saturating_sub(1);
        } else if !b[..i].ends_with(b"/>") {
            inline += 1;
        }
        max = max.max(depth + inline);
    }
    max
}

#[cfg(test)]
mod tests {
    use super::super::read_page;
    use super::*;

    #[test]
    fn nesting_is_estimated_before_parsing() {
        assert_eq!(
            markup_depth("<html><body><div><p>甲<p>乙<br><img src=x></div></body></html>"),
            1
        );
        assert_eq!(
            markup_depth("<div><!-- <div><div> --><script>if (a<b) {}</script></div>"),
            1
        );
        assert_eq!(markup_depth(&"<span>".repeat(2000)), 2000);
        // Found by the review: unclosed inline tags of an old page, closed by the parser at
        // the next paragraph or cell, are no nesting.
        assert_eq!(markup_depth(&"<p><font color=red>安全".repeat(1800)), 1);
        assert_eq!(
            markup_depth(&format!(
                "<table>{}</table>",
                "<tr><td><span>名单</td></tr>".repeat(600)
            )),
            2
        );
        // Too deep: refused before the parser, whose time grows with the square of the depth.
        let deep = format!(
            "<html><body>{}安全{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        assert!(read_page(&deep).is_none());
        let deep = format!(
            "<html><body>{}安全{}</body></html>",
            "<div>".repeat(500),
            "</div>".repeat(500)
        );
        assert!(read_page(&deep).is_none(), "over MAX_DEPTH after parsing");
        let fine = format!(
            "<html><body>{}安全生产工作要常抓不懈。{}</body></html>",
            "<div>".repeat(300),
            "</div>".repeat(300)
        );
        assert!(read_page(&fine).is_some_and(|(t, _)| t.contains("常抓不懈")));
    }
}
