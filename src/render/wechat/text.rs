//! Text helpers: escaping, code whitespace, visible length, digest cutting.
//!
//! Complexity: each helper is one pass over its text: [`code_html`] writes each line once (the
//! dedup of blank lines is one pass), [`visible_len`] reads each character once (five
//! entities matched where an `&` stands), [`cut_at_sentence`] searches backwards from the limit
//! once, and [`circled`] reads at most 20 characters.

pub use crate::render::escape_html as escape;

/// Code for the WeChat editor, which ignores `white-space:pre`: every space becomes `&nbsp;`,
/// a tab four of them, and every line break `<br>`. Runs of blank lines shrink to one (three
/// `<br>` in a row are a spacer the editor collapses), trailing blank lines are dropped.
pub fn code_html(code: &str) -> String {
    let mut lines: Vec<&str> = code.trim_end_matches(['\n', '\r']).split('\n').collect();
    lines.dedup_by(|a, b| a.trim().is_empty() && b.trim().is_empty());
    let mut out = String::with_capacity(code.len() * 2);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            out.push_str("&nbsp;");
            continue;
        }
        // Text through the one escaper; spaces and tabs as the editor keeps them.
        let mut run = String::new();
        for c in line.chars() {
            let space = match c {
                ' ' => "&nbsp;",
                '\t' => "&nbsp;&nbsp;&nbsp;&nbsp;",
                _ => {
                    run.push(c);
                    continue;
                }
            };
            out.push_str(&escape(&run));
            run.clear();
            out.push_str(space);
        }
        out.push_str(&escape(&run));
    }
    out
}

/// How many characters a reader sees in an HTML fragment, each run of white space counted as
/// one and none at either end (how the draft API's 20,000-character limit is counted by
/// `check_wechat_html.py`): tags are skipped, five entities count as their character.
pub fn visible_len(html: &str) -> usize {
    const ENTITIES: [(&str, char); 5] = [
        ("&nbsp;", '\u{a0}'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&amp;", '&'),
    ];
    let (mut n, mut gap, mut in_tag) = (0, false, false);
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        let mut len = c.len_utf8();
        let seen = match c {
            '<' => {
                in_tag = true;
                None
            }
            '>' if in_tag => {
                in_tag = false;
                None
            }
            _ if in_tag => None,
            '&' => match ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
                Some((e, decoded)) => {
                    len = e.len();
                    Some(*decoded)
                }
                None => Some('&'),
            },
            c => Some(c),
        };
        match seen {
            Some(c) if c.is_whitespace() => gap = n > 0,
            Some(_) => {
                n += 1 + usize::from(gap);
                gap = false;
            }
            None => {}
        }
        rest = &rest[len..];
    }
    n
}

/// Cuts `text` to at most `max` characters at a sentence end (。！？!?；). Without a sentence
/// end in range it cuts at the last comma and adds “……”; as a last resort mid-sentence.
pub fn cut_at_sentence(text: &str, max: usize) -> String {
    let text = text.trim();
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max {
        return text.to_string();
    }
    let ends = |set: &[char], limit: usize| {
        chars[..limit.min(chars.len())]
            .iter()
            .rposition(|c| set.contains(c))
    };
    if let Some(i) = ends(&['。', '！', '？', '!', '?', '；'], max) {
        return chars[..=i].iter().collect();
    }
    let room = max - 2;
    if let Some(i) = ends(&['，', '、', ','], room) {
        return chars[..i].iter().collect::<String>() + "……";
    }
    chars[..room].iter().collect::<String>() + "……"
}

/// Character count as the editor counts it (Unicode scalar values).
pub fn chars(s: &str) -> usize {
    s.trim().chars().count()
}

/// ①…⑳ for footnote marks, then 〔21〕….
pub fn circled(n: usize) -> String {
    const C: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    C.chars()
        .nth(n.wrapping_sub(1))
        .map(String::from)
        .unwrap_or_else(|| format!("〔{n}〕"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_is_cut_at_a_sentence_end() {
        let s = "甲".repeat(50) + "。" + &"乙".repeat(60) + "。" + &"丙".repeat(30) + "。";
        let d = cut_at_sentence(&s, 120);
        assert_eq!(d.chars().count(), 112);
        assert!(d.ends_with('。'));
        let no_end = "安全".repeat(100);
        let d = cut_at_sentence(&no_end, 120);
        assert!(d.ends_with("……") && d.chars().count() <= 120);
        assert_eq!(cut_at_sentence("短摘要。", 120), "短摘要。");
    }

    #[test]
    fn visible_len_counts_what_the_reader_sees() {
        // 甲&乙 丙 丁
        assert_eq!(
            visible_len("<p style=\"a\">甲&amp;乙</p>\n<p>丙&nbsp;丁</p>"),
            7
        );
        // The text the count stands for: tags stripped, five entities decoded in turn, white
        // space collapsed (the validator's way).
        let reference = |html: &str| {
            let mut raw = String::new();
            let mut in_tag = false;
            for c in html.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' if in_tag => in_tag = false,
                    _ if !in_tag => raw.push(c),
                    _ => {}
                }
            }
            let decoded = raw
                .replace("&nbsp;", "\u{a0}")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
            decoded
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .count()
        };
        for html in [
            "",
            "  <br>  ",
            " 甲 ",
            "&amp;amp;&amp;nbsp;&lt;&gt;&quot;&&;",
            "<p>一</p>\n\n<p>  二&nbsp;&nbsp;三 </p>",
            "a > b <i>c</i>>",
            "<section style=\"x\"><p>第一段。</p><p>&nbsp;</p><p>第二段</p></section>",
        ] {
            assert_eq!(visible_len(html), reference(html), "{html:?}");
        }
    }
}
