//! 公文 body typography (GB/T 9704-2012 [7.3.3]): the four levels of headings are recognised
//! by their ordinals (一、 → （一） → 1. → （1）), whatever markdown was used to write them, and
//! marked with a class (`gw-l1` … `gw-l4`) so the theme sets 黑体, 楷体 and 仿宋 as the
//! standard asks; a `附件N` heading gets `gw-annex` (a new page in print). Marked: headings, a bold run at the start of a paragraph (run-in heading,
//! "**（一）加强组织领导。**各村要…"), and short paragraphs that are a heading on their own.
//!
//! Complexity: O(h) in the bytes of the HTML: [`levels`] copies it once, tag by tag; after a
//! tag it reads the text up to the next tag (附件), up to the paragraph's `</p>` (paragraphs do
//! not nest, so each is read once) or at most 12 characters (the ordinal). [`split_annexes`] is
//! one search.

use super::led::Lexicon;
use super::led::title::break_title_with;
use crate::content::Item;
use crate::gongwen::order;

/// Adds the level classes to a rendered body.
pub fn levels(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find('>') else { break };
        let tag = &rest[..=end];
        let after = &rest[end + 1..];
        let name: String = tag[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let class = matches!(name.as_str(), "h2" | "h3" | "h4" | "h5" | "h6")
            .then_some(())
            .filter(|()| annex(after))
            .map(|()| "gw-annex".to_string());
        let level = match name.as_str() {
            "h2" | "h3" | "h4" | "h5" | "h6" => level(after),
            "strong" if out.ends_with("<p>") => level(after),
            "p" if tag == "<p>" && standalone(after) => level(after),
            _ => None,
        };
        let class = class.or_else(|| {
            (name == "p" && tag == "<p>" && annex(after)).then(|| "gw-annex".to_string())
        });
        match class.or(level.map(|n| format!("gw-l{n}"))) {
            Some(c) if !tag.contains("class=") => {
                out.push_str(&tag[..tag.len() - 1]);
                out.push_str(&format!(" class=\"{c}\">"));
            }
            _ => out.push_str(tag),
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

pub use crate::gongwen::ordinal::level;

/// Characters of a 2号 (22 pt) title line in the 156 mm text area.
pub const TITLE_CHARS: usize = 20;

/// What a 公文 page shows, in the one order of [`order::ORDER`] (`order`): the title lines
/// (the front matter's `title_lines`, else broken at word boundaries), the body marked with its
/// levels and split before its first 附件 section (`body`, `annexes`), and whether the printed
/// copy is sealed (`sealed`, front matter `seal`/`盖章`, default true), and the 附注 lines
/// (`notes`: `note` and `contact`).
pub fn document(item: &Item, content: &str, lex: &Lexicon) -> serde_json::Value {
    let marked = levels(content);
    let (body, annexes) = order::split_annexes(&marked);
    let manual = item.fm.list("title_lines");
    let title_manual = !manual.is_empty();
    let title_lines = if title_manual {
        manual
    } else {
        break_title_with(lex, &item.title, TITLE_CHARS)
    };
    serde_json::json!({
        "order": order::ids(),
        "title_lines": title_lines,
        "title_manual": title_manual,
        "body": body,
        "annexes": annexes,
        "sealed": item.fm.flag("seal").unwrap_or(true),
        "notes": order::note_lines(item.fm.text("note"), item.fm.text("contact")),
    })
}

/// A heading `附件` or `附件N`: an attachment bound after the body starts a new page.
fn annex(after: &str) -> bool {
    crate::gongwen::order::is_annex_label(after.split('<').next().unwrap_or(""))
}

/// A paragraph that is a heading on its own: short, no inline markup, no sentence end.
fn standalone(after: &str) -> bool {
    let Some(end) = after.find("</p>") else {
        return false;
    };
    let text = &after[..end];
    !text.contains('<') && text.chars().count() <= 30 && !text.contains(['。', '；', '：', '，'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annexes_split_off() {
        let html = levels("<p>正文。</p>\n<p>附件1：</p>\n<p>方案</p>");
        let (main, annexes) = order::split_annexes(&html);
        assert_eq!(main, "<p>正文。</p>\n");
        assert_eq!(annexes, "<p class=\"gw-annex\">附件1：</p>\n<p>方案</p>");
        assert_eq!(order::split_annexes("<p>x</p>"), ("<p>x</p>", ""));
    }

    #[test]
    fn marks_headings_run_ins_and_standalone_paragraphs() {
        let html = "<h2 id=\"a\">一、总体目标</h2>\n<p><strong>（一）加强组织领导。</strong>各村要……</p>\n<p>1.开展宣传</p>\n<p>1.各村要在9月底前完成宣传，并报送镇安办。</p>\n<p>正文<strong>一、不是标题</strong></p>\n<h2 id=\"f\">附件2</h2>";
        assert_eq!(
            levels(html),
            "<h2 id=\"a\" class=\"gw-l1\">一、总体目标</h2>\n<p><strong class=\"gw-l2\">（一）加强组织领导。</strong>各村要……</p>\n<p class=\"gw-l3\">1.开展宣传</p>\n<p>1.各村要在9月底前完成宣传，并报送镇安办。</p>\n<p>正文<strong>一、不是标题</strong></p>\n<h2 id=\"f\" class=\"gw-annex\">附件2</h2>"
        );
    }
}
