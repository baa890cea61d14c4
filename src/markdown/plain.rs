//! The words of a rendered body, read back from its HTML: for what needs the text rather than
//! the markup (the search index, summaries, a letter's signature, "一式N份"). A body's HTML is
//! kept for the whole build; its plain text is not (it would be a third copy of every body),
//! but made when it is read, and only as far as it is read.
//!
//! Tags are dropped (an HTML comment up to its `-->`), one line break stands between blocks,
//! entities are decoded. What reads the text is indifferent to the kind of whitespace. One
//! pass, O(n) in the HTML read.

/// The whole plain text of `html`.
pub fn text(html: &str) -> String {
    prefix(html, usize::MAX).0
}

/// The plain text of `html` up to its `max`-th character other than whitespace, and whether
/// more text follows.
pub fn prefix(html: &str, max: usize) -> (String, bool) {
    let mut out = String::with_capacity(html.len().min(max.saturating_mul(4)));
    let mut seen = 0;
    let mut rest = html;
    while !rest.is_empty() {
        // A run of text up to the next tag or entity is copied whole when no line break in it
        // needs dropping and it cannot reach `max`; otherwise it goes a character at a time.
        let run = rest.find(['<', '&']).unwrap_or(rest.len());
        if run > 0 {
            let text = &rest[..run];
            let fits = max == usize::MAX || seen + text.chars().count() < max;
            if fits && !text.contains('\n') {
                if max != usize::MAX {
                    seen += text.chars().filter(|c| !c.is_whitespace()).count();
                }
                out.push_str(text);
            } else {
                for c in text.chars() {
                    if push(&mut out, c, &mut seen, max) {
                        return (out, true);
                    }
                }
            }
            rest = &rest[run..];
            continue;
        }
        let (piece, len) = if rest.starts_with('<') {
            let len = tag_len(rest);
            if is_block(&rest[..len]) && !out.ends_with('\n') && !out.is_empty() {
                out.push('\n');
            }
            (None, len)
        } else {
            entity(rest).map_or((Some('&'), 1), |(c, len)| (Some(c), len))
        };
        if let Some(c) = piece
            && push(&mut out, c, &mut seen, max)
        {
            return (out, true);
        }
        rest = &rest[len..];
    }
    (out, false)
}

/// Appends `c` to the text (a line break only after text that does not end one), counting
/// characters other than whitespace; true when `c` is one past the `max`-th and was not added.
fn push(out: &mut String, c: char, seen: &mut usize, max: usize) -> bool {
    if c == '\n' && (out.is_empty() || out.ends_with('\n')) {
        return false;
    }
    if !c.is_whitespace() {
        if *seen == max {
            return true;
        }
        *seen += 1;
    }
    out.push(c);
    false
}

/// Bytes of the tag at the start of `s` (a comment up to its end; an unclosed tag to the end).
fn tag_len(s: &str) -> usize {
    let (close, skip) = if s.starts_with("<!--") {
        ("-->", 4)
    } else {
        (">", 1)
    };
    s[skip..]
        .find(close)
        .map_or(s.len(), |p| skip + p + close.len())
}

/// Whether a tag ends or breaks a line of text: a block's start or end, `<br>`, `<hr>`.
fn is_block(tag: &str) -> bool {
    let name = tag
        .trim_start_matches('<')
        .trim_start_matches('/')
        .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .next()
        .unwrap_or("");
    matches!(
        name,
        "p" | "li"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "td"
            | "th"
            | "tr"
            | "blockquote"
            | "pre"
            | "div"
            | "br"
            | "hr"
            | "dt"
            | "dd"
            | "section"
    )
}

/// The character an entity at the start of `s` stands for, and the entity's length.
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let name = &s[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::{prefix, text};

    #[test]
    fn tags_dropped_entities_decoded_blocks_on_lines() {
        let html = "<h2 id=\"a\">一、总体要求</h2>\n<p>按照<strong>“三管三必须”</strong>要求&amp;&lt;b&gt;&#39;x&#x27;</p>\n<ul>\n<li>甲</li>\n<li>乙<br />丙</li>\n</ul>\n<!-- xuanguan-disable a > b -->";
        assert_eq!(
            text(html),
            "一、总体要求\n按照“三管三必须”要求&<b>'x'\n甲\n乙\n丙\n"
        );
    }

    #[test]
    fn a_stray_ampersand_or_unclosed_tag_is_kept_or_ends_the_text() {
        assert_eq!(text("A & B &bogus; C"), "A & B &bogus; C");
        assert_eq!(text("文字<p"), "文字\n");
        assert_eq!(text("&#xZZ;&#1114112;"), "&#xZZ;&#1114112;");
    }

    #[test]
    fn prefix_stops_at_the_nth_character_and_says_whether_more_follows() {
        assert_eq!(
            prefix("<p>一二 三</p>", 3),
            ("一二 三\n".to_string(), false)
        );
        assert_eq!(
            prefix("<p>一二 三</p><p>四</p>", 3),
            ("一二 三\n".to_string(), true)
        );
        assert_eq!(prefix("<p>一二三</p>\n", 2), ("一二".to_string(), true));
    }

    #[test]
    fn the_text_of_rendered_markdown_is_its_words() {
        let r = crate::markdown::render(
            "# 标题\n\n第一段**加粗**文字，\n接续。\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n```\nlet a = 1 < 2;\n```\n",
            &crate::markdown::NoLinks,
        );
        let words: String = text(&r.html).split_whitespace().collect();
        assert_eq!(words, "标题第一段加粗文字，接续。甲乙12leta=1<2;");
    }
}
