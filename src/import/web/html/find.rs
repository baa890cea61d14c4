//! Where the parts of a saved page are: the article's body (by its text, not by a portal's
//! class names), the page's heading, the 信息公开 block; and the small helpers that read a
//! node's name and text.

use std::collections::HashMap;

use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use super::super::labels::labelled;
use super::texts::{CAP, Texts, strong_bits};
use crate::gongwen::chars::{is_blank, is_han};

/// Elements whose content is never text of the document.
pub(super) const SKIP: &[&str] = &[
    "head", "script", "style", "noscript", "template", "iframe", "select", "option", "button",
    "input", "textarea", "svg", "canvas", "object", "embed", "nav", "map", "audio", "video",
];

/// Elements that start a new line.
pub(super) const BLOCK: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "tbody",
    "thead",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "main",
    "center",
    "blockquote",
    "pre",
    "dl",
    "dt",
    "dd",
    "form",
    "hr",
    "figure",
    "figcaption",
    "address",
    "body",
];

pub(super) fn name<'a>(n: &NodeRef<'a, Node>) -> Option<&'a str> {
    match n.value() {
        Node::Element(e) => Some(e.name()),
        _ => None,
    }
}

pub(super) fn skipped(n: &NodeRef<Node>) -> bool {
    name(n).is_some_and(|t| SKIP.contains(&t))
}

pub(super) fn is_block(n: &NodeRef<Node>) -> bool {
    name(n).is_some_and(|t| BLOCK.contains(&t))
}

/// Han characters and Chinese sentence marks of a text.
pub(super) fn weight(t: &str) -> usize {
    t.chars()
        .filter(|&c| is_han(c) || "，。；：、".contains(c))
        .count()
}

/// The page's `<title>`, blanks squeezed out.
pub(super) fn page_title(doc: &Html) -> Option<String> {
    raw_title(doc).map(|t| t.chars().filter(|c| !is_blank(*c)).collect())
}

/// The page's `<title>` as written.
fn raw_title(doc: &Html) -> Option<String> {
    let t = doc
        .tree
        .root()
        .descendants()
        .find(|n| name(n) == Some("title"))?;
    Some(
        t.descendants()
            .filter_map(|d| match d.value() {
                Node::Text(x) => Some(x.to_string()),
                _ => None,
            })
            .collect(),
    )
}

/// The element holding most sentence text outside links: each block's own text counts fully
/// for its parent and half for its grandparent (text in a menu of links counts for nothing).
pub(super) fn body_node(doc: &Html, texts: &Texts) -> Option<NodeId> {
    let mut own: HashMap<NodeId, usize> = HashMap::new();
    for n in doc.tree.root().descendants() {
        let Node::Text(t) = n.value() else { continue };
        let w = weight(t);
        if w == 0 || texts.skipped(&n) || texts.in_link(&n) {
            continue;
        }
        if let Some(b) = texts.block_above(&n) {
            *own.entry(b).or_default() += w;
        }
    }
    let mut score: HashMap<NodeId, f64> = HashMap::new();
    for (id, w) in &own {
        let Some(n) = doc.tree.get(*id) else { continue };
        let w = *w as f64;
        // A paragraph counts for the element that holds it; a box with text of its own
        // (a body written with <br>, or paragraphs as <div>s) counts for itself.
        let paragraph = matches!(
            name(&n),
            Some(
                "p" | "h1"
                    | "h2"
                    | "h3"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "li"
                    | "dd"
                    | "dt"
                    | "tr"
                    | "pre"
                    | "blockquote"
            )
        );
        let first = if paragraph { n.parent() } else { Some(n) };
        if let Some(p) = first {
            *score.entry(p.id()).or_default() += w;
            if let Some(g) = p.parent() {
                *score.entry(g.id()).or_default() += w * 0.5;
            }
        }
    }
    score
        .into_iter()
        .filter(|(id, _)| doc.tree.get(*id).is_some_and(|n| name(&n) != Some("body")))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(id, _)| id)
}

/// The element standing for the page's heading: its whole text is the longest part of
/// `<title>` (sites add the column and their name after `_`, `-` or `|`), the last such
/// element up to the end of the body; but a heading element (`h1`…`h6`) above the body wins
/// over the body's own line repeating it (a briefing's article under its 报头).
pub(super) fn heading_node(doc: &Html, texts: &Texts, body: NodeId) -> Option<NodeId> {
    let title = page_title(doc)?;
    // The article's own title is the longest part; the others name the column and the site
    // (which the signature may repeat). Some sites put blanks between the parts instead
    // ("站名 栏目 标题"): that reading is tried when the first finds nothing.
    // A short title ("4期 安全生产简报_某区人民政府") may be shorter than the site's name: the
    // parts are tried from the longest down.
    let parts = |t: &str, blanks: bool| -> Vec<String> {
        let mut v: Vec<String> = t
            .split(|c: char| "_|-–—｜".contains(c) || blanks && is_blank(c))
            .map(|p| p.chars().filter(|c| !is_blank(*c)).collect::<String>())
            .filter(|p| p.chars().count() >= 6)
            .collect();
        v.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
        v
    };
    // (The site's own name is never tried: it would match the logo above the header.)
    // A dash inside the article's own title ("（2024—2026年）") is no separator: the parts
    // between `_` and `|` are tried too.
    let mut candidates = parts(&title, false);
    let whole: Vec<String> = title
        .split(['_', '|', '｜'])
        .map(|p| p.chars().filter(|c| !is_blank(*c)).collect::<String>())
        .filter(|p| p.chars().count() >= 6 && !candidates.contains(p))
        .collect();
    candidates.extend(whole);
    candidates.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
    let first = candidates
        .into_iter()
        .filter(|p| !is_site_title(p))
        .find_map(|p| heading_of(doc, texts, body, &p));
    first
        .or_else(|| {
            parts(&raw_title(doc)?, true)
                .into_iter()
                .filter(|p| !is_site_title(p))
                .find_map(|p| heading_of(doc, texts, body, &p))
        })
        .or_else(|| heading_above(doc, texts, body))
}

/// A page whose `<title>` names only the site and whose body does not repeat its heading:
/// the last heading element (`h1`…`h6`) before the body, else the last line of its own
/// before the body (a block or a table cell holding no block), of a title's length, in
/// Chinese, not a link, a sentence or a labelled line ("浏览:12次 时间:…").
pub(super) fn last_heading_before(doc: &Html, texts: &Texts, body: NodeId) -> Option<NodeId> {
    let before: Vec<NodeRef<Node>> = doc
        .tree
        .root()
        .descendants()
        .take_while(|n| n.id() != body)
        .filter(|n| !texts.skipped(n) && !texts.in_link(n) && (6..=100).contains(&texts.len(n)))
        .collect();
    let titled = |n: &NodeRef<Node>| {
        let t = texts.text(n);
        weight(&t) >= 6
            && !t.ends_with(['。', '；', '：', ':'])
            && labelled(&t).is_empty()
            // (Not the site's logo, a date line under the heading, or a row of buttons.)
            && !is_site_title(&t)
            && !["网站", "门户", "首页"].iter().any(|w| t.contains(w))
            && crate::import::web::meta::first_date(&t).is_none()
            && !crate::import::web::furniture::is_toolbar(&t)
    };
    before
        .iter()
        .rev()
        .find(|n| is_heading(n) && titled(n))
        .or_else(|| {
            before.iter().rev().find(|n| {
                (is_block(n) || matches!(name(n), Some("td" | "th")))
                    && !texts.has_block(n)
                    && titled(n)
            })
        })
        .map(|n| n.id())
}

/// A part of `<title>` that names the site, not the article: an organ's name starting with
/// its place ("某区人民政府", "碧溪县应急管理局"), a portal's name ("…门户网站", "…政府网"),
/// "…政府信息公开", "查看信息". ("消防宣传走进加油站" ends like an organ but names no place.)
pub(super) fn is_site_title(t: &str) -> bool {
    let placed = t
        .chars()
        .take(8)
        .enumerate()
        .any(|(i, c)| i >= 1 && "省市县区州旗盟镇乡".contains(c));
    crate::import::recognize::head::is_organ(t) && placed
        || ["网站", "政府网", "门户网", "门户"]
            .iter()
            .any(|e| t.ends_with(e))
        || ["信息公开", "查看信息"].iter().any(|w| t.contains(w))
}

/// A `<title>` naming only the site ("查看信息-某县政府信息公开"): the heading is the element
/// above the body whose text the body's first line repeats.
fn heading_above(doc: &Html, texts: &Texts, body: NodeId) -> Option<NodeId> {
    let first = doc
        .tree
        .get(body)?
        .descendants()
        .skip(1)
        .find(|n| matches!(n.value(), Node::Element(_)) && texts.len(n) > 0)
        .map(|n| texts.text(&n))?;
    let found = heading_of(doc, texts, body, &first)?;
    let inside = doc.tree.get(found)?.ancestors().any(|a| a.id() == body);
    (!inside).then_some(found)
}

/// The element whose whole text is `part`: the last heading element (`h1`…) above the body,
/// else the last other element above it (a `div` styled as the title, over the page's date
/// line), else the last one up to the end of the body (the body's own repeat of its title).
fn heading_of(doc: &Html, texts: &Texts, body: NodeId, part: &str) -> Option<NodeId> {
    let part_len = part.chars().count();
    let body_end = doc
        .tree
        .get(body)?
        .descendants()
        .last()
        .map_or(body, |n| n.id());
    let (mut best, mut above, mut outside) = (None, None, None);
    let mut in_body = false;
    for n in doc.tree.root().descendants() {
        in_body |= n.id() == body;
        if name(&n).is_some_and(|t| t != "title" && !SKIP.contains(&t))
            && part_len >= 6
            && texts.len(&n) == part_len
            && *texts.text(&n) == *part
        {
            best = Some(n.id());
            if !in_body && is_heading(&n) {
                above = Some(n.id());
            } else if !in_body && name(&n) != Some("a") {
                outside = Some(n.id());
            }
        }
        if n.id() == body_end {
            break;
        }
    }
    above.or(outside).or(best)
}

/// `h1`…`h6`.
fn is_heading(n: &NodeRef<Node>) -> bool {
    name(n).is_some_and(|t| t.len() == 2 && t.starts_with('h') && t.as_bytes()[1].is_ascii_digit())
}

/// The 信息公开 block: the smallest element naming at least three of its labels that may
/// stand alone; else the elements naming two when one of them is the 索引号 ("索引号: …
/// 发布机构:" as a list of two above the heading), in document order, for the caller to take
/// one outside the article (whose text may cite another document's 索引号).
pub(super) fn meta_node(doc: &Html, texts: &Texts) -> (Option<NodeId>, Vec<NodeId>) {
    let mut found = None;
    let mut pairs = Vec::new();
    let index_no = strong_bits([("索引号", "index_no")]);
    for n in doc.tree.root().descendants() {
        if !matches!(
            name(&n),
            Some("table" | "ul" | "dl" | "div" | "ol" | "section")
        ) || texts.len(&n) > CAP
        {
            continue;
        }
        // (A plan's "活动名称：… 活动时间：… 责任部门：…" names no label of a block alone.)
        let keys = texts.labels(&n) | strong_bits(labelled(&texts.text(&n)));
        let labels = keys.count_ones();
        if labels >= 3 {
            found = Some(n.id());
        } else if labels == 2 && keys & index_no != 0 {
            pairs.push(n.id());
        }
    }
    (found, pairs)
}
