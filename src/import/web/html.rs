//! A saved portal page (`.html`/`.htm`) into text lines. The page is decoded by its declared
//! charset (GBK pages are common) or by detection, parsed with a real HTML parser
//! (`scraper`/html5ever), and the article is found by its text, not by one portal's class
//! names: the element that holds the most sentence text outside links is the body; the
//! page's heading (the part of `<title>` that stands as an element above it) starts the
//! region. The 信息公开 block (an element naming several of its labels) is kept wherever it
//! stands. Menus, scripts and forms never reach the lines; the rest of the furniture is
//! removed from the lines by [`super::furniture`].

use std::collections::HashMap;

use ego_tree::{NodeId, NodeRef};
use encoding_rs::{Encoding, GB18030, GBK};
use scraper::{Html, Node};

use super::meta::{label_of, labelled_keys};
use crate::gongwen::chars::{is_blank, is_han};
use crate::gongwen::decode;

/// Elements whose content is never text of the document.
const SKIP: &[&str] = &[
    "head", "script", "style", "noscript", "template", "iframe", "select", "option", "button",
    "input", "textarea", "svg", "canvas", "object", "embed", "nav", "map", "audio", "video",
];

/// Elements that start a new line.
const BLOCK: &[&str] = &[
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

/// Decodes a saved page: the charset its `<meta>` declares, else detection.
pub fn decode_page(bytes: &[u8]) -> (String, &'static str) {
    if let Some(enc) = declared(bytes) {
        let enc = if enc == GBK { GB18030 } else { enc };
        let (text, _, _) = enc.decode(bytes);
        let name = if enc == GB18030 { "GBK" } else { enc.name() };
        return (text.replace("\r\n", "\n").replace('\r', "\n"), name);
    }
    let d = decode::decode(bytes);
    (d.text, d.encoding)
}

/// The encoding named by `charset=` in the first 4 KiB.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head: Vec<u8> = bytes
        .iter()
        .take(4096)
        .map(u8::to_ascii_lowercase)
        .collect();
    let at = head.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or(rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

fn name<'a>(n: &NodeRef<'a, Node>) -> Option<&'a str> {
    match n.value() {
        Node::Element(e) => Some(e.name()),
        _ => None,
    }
}

fn skipped(n: &NodeRef<Node>) -> bool {
    name(n).is_some_and(|t| SKIP.contains(&t))
}

fn is_block(n: &NodeRef<Node>) -> bool {
    name(n).is_some_and(|t| BLOCK.contains(&t))
}

/// Han characters and Chinese sentence marks of a text.
fn weight(t: &str) -> usize {
    t.chars()
        .filter(|&c| is_han(c) || "，。；：、".contains(c))
        .count()
}

/// The text of a node, links included, blanks squeezed out.
fn squashed(n: NodeRef<Node>) -> String {
    let mut s = String::new();
    for d in n.descendants() {
        if let Node::Text(t) = d.value()
            && !d.ancestors().any(|a| skipped(&a))
        {
            s.extend(t.chars().filter(|c| !is_blank(*c)));
        }
    }
    s
}

/// The page's `<title>`, blanks squeezed out.
fn page_title(doc: &Html) -> Option<String> {
    let t = doc
        .tree
        .root()
        .descendants()
        .find(|n| name(n) == Some("title"))?;
    Some(
        t.descendants()
            .filter_map(|d| match d.value() {
                Node::Text(x) => Some(x.chars().filter(|c| !is_blank(*c)).collect::<String>()),
                _ => None,
            })
            .collect(),
    )
}

/// The element holding most sentence text outside links: each block's own text counts fully
/// for its parent and half for its grandparent (text in a menu of links counts for nothing).
fn body_node(doc: &Html) -> Option<NodeId> {
    let mut own: HashMap<NodeId, usize> = HashMap::new();
    for n in doc.tree.root().descendants() {
        let Node::Text(t) = n.value() else { continue };
        let w = weight(t);
        if w == 0 || n.ancestors().any(|a| skipped(&a) || name(&a) == Some("a")) {
            continue;
        }
        if let Some(b) = n.ancestors().find(is_block) {
            *own.entry(b.id()).or_default() += w;
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

/// The element standing for the page's heading: its whole text is a part of `<title>`
/// (sites add their name after `_`, `-` or `|`), nearest above the body.
fn heading_node(doc: &Html, body: NodeId) -> Option<NodeId> {
    let title = page_title(doc)?;
    let parts: Vec<&str> = title
        .split(['_', '|', '-', '–', '—', '｜'])
        .filter(|p| p.chars().count() >= 6)
        .collect();
    let body_end = doc
        .tree
        .get(body)?
        .descendants()
        .last()
        .map_or(body, |n| n.id());
    let mut best = None;
    for n in doc.tree.root().descendants() {
        if name(&n).is_some_and(|t| t != "title" && !SKIP.contains(&t)) {
            let t = squashed(n);
            if t.chars().count() >= 6 && parts.iter().any(|p| *p == t) {
                best = Some(n.id());
            }
        }
        if n.id() == body_end {
            break;
        }
    }
    best
}

/// The 信息公开 block: the smallest element naming at least three of its labels.
fn meta_node(doc: &Html) -> Option<NodeId> {
    let mut found = None;
    for n in doc.tree.root().descendants() {
        if !matches!(
            name(&n),
            Some("table" | "ul" | "dl" | "div" | "ol" | "section")
        ) {
            continue;
        }
        let text = squashed(n);
        let mut keys: Vec<&str> = n
            .descendants()
            .filter(|d| matches!(d.value(), Node::Element(_)))
            .filter_map(|d| label_of(&squashed(d)).map(|(_, k)| k))
            .chain(labelled_keys(&text))
            .filter(|k| !k.is_empty())
            .collect();
        keys.sort();
        keys.dedup();
        let labels = keys.len();
        let text_ok = text.chars().count() <= 800;
        if labels >= 3 && text_ok {
            found = Some(n.id());
        }
    }
    found
}

/// Writes the text of `n` into `out` (a list of lines; the last one is being written).
struct Writer {
    lines: Vec<String>,
}

impl Writer {
    fn newline(&mut self) {
        if self.lines.last().is_none_or(|l| !l.trim().is_empty()) {
            self.lines.push(String::new());
        }
    }

    fn push(&mut self, s: &str) {
        if self.lines.is_empty() {
            self.lines.push(String::new());
        }
        self.lines.last_mut().expect("one line").push_str(s);
    }

    fn text(&mut self, t: &str) {
        // HTML whitespace (newlines, runs of spaces) is one space; &nbsp; and U+3000 stay.
        let mut prev_space = self.lines.last().is_none_or(|l| l.ends_with(' '));
        let mut s = String::new();
        for c in t.chars() {
            if c.is_ascii_whitespace() {
                if !prev_space {
                    s.push(' ');
                }
                prev_space = true;
            } else {
                s.push(c);
                prev_space = false;
            }
        }
        self.push(&s);
    }

    fn node(&mut self, n: NodeRef<Node>) {
        match n.value() {
            Node::Text(t) => self.text(t),
            Node::Element(e) => {
                let tag = e.name();
                if SKIP.contains(&tag) {
                    return;
                }
                if tag == "br" {
                    self.newline();
                    return;
                }
                if tag == "table" {
                    self.table(n);
                    return;
                }
                let block = is_block(&n);
                if block {
                    self.newline();
                }
                if !block
                    && let Some((label, key)) = label_of(&squashed(n))
                    && !key.is_empty()
                {
                    self.push(&format!(" {label}："));
                    return;
                }
                for c in n.children() {
                    self.node(c);
                }
                if block {
                    self.newline();
                }
            }
            _ => {
                for c in n.children() {
                    self.node(c);
                }
            }
        }
    }

    /// A table: a 信息公开 table as "label：value" runs, one row a line; a table of data as
    /// Markdown rows; a layout table (one column) as its cells' paragraphs.
    fn table(&mut self, n: NodeRef<Node>) {
        let rows: Vec<NodeRef<Node>> = n
            .descendants()
            .filter(|d| name(d) == Some("tr"))
            .filter(|d| {
                d.ancestors()
                    .find(|a| name(a) == Some("table"))
                    .map(|a| a.id())
                    == Some(n.id())
            })
            .collect();
        let width = rows.iter().map(|r| cells(r).len()).max().unwrap_or(0);
        let labelled = rows
            .iter()
            .flat_map(cells)
            .any(|c| label_of(&squashed(c)).is_some_and(|(_, k)| !k.is_empty()));
        self.newline();
        if width <= 1 || rows.len() < 2 && !labelled || has_block_table(n) {
            for c in n.children() {
                self.node(c);
            }
            self.newline();
            return;
        }
        for (i, r) in rows.iter().enumerate() {
            let texts: Vec<String> = cells(r)
                .iter()
                .map(|c| {
                    let mut w = Writer { lines: Vec::new() };
                    for ch in c.children() {
                        w.node(ch);
                    }
                    w.lines
                        .iter()
                        .map(|l| l.trim_matches(is_blank))
                        .filter(|l| !l.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            if labelled {
                let row: Vec<String> = texts
                    .iter()
                    .map(|t| match label_of(t) {
                        Some((l, k)) if !k.is_empty() => format!("{l}："),
                        _ => t.clone(),
                    })
                    .collect();
                self.push(&row.join(" "));
            } else {
                let mut row = texts
                    .iter()
                    .map(|t| t.replace('|', "\\|"))
                    .collect::<Vec<_>>();
                row.resize(width, String::new());
                self.push(&format!("| {} |", row.join(" | ")));
                if i == 0 {
                    self.newline();
                    self.push(&format!("|{}", " --- |".repeat(width)));
                }
            }
            self.newline();
        }
    }
}

fn cells<'a>(r: &NodeRef<'a, Node>) -> Vec<NodeRef<'a, Node>> {
    r.children()
        .filter(|c| matches!(name(c), Some("td" | "th")))
        .collect()
}

/// A table that lays out the page (it holds other tables or long blocks of text).
fn has_block_table(n: NodeRef<Node>) -> bool {
    n.descendants()
        .skip(1)
        .any(|d| matches!(name(&d), Some("table" | "p" | "div")) && weight(&squashed(d)) > 200)
}

/// The text lines of a saved page: the 信息公开 block, then the article from its heading to
/// the end of its body.
pub fn page_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let Some(body) = body_node(&doc) else {
        return String::new();
    };
    let meta = meta_node(&doc);
    let heading = heading_node(&doc, body);
    let mut w = Writer { lines: Vec::new() };
    let region = match heading {
        Some(h) => common_ancestor(&doc, h, body),
        None => body,
    };
    // The block goes first unless the region written below (from the heading to the end of
    // the body, in document order) holds it.
    let order: HashMap<NodeId, usize> = doc
        .tree
        .root()
        .descendants()
        .enumerate()
        .map(|(i, n)| (n.id(), i))
        .collect();
    let from = order[&heading.unwrap_or(body)];
    let to = doc
        .tree
        .get(body)
        .and_then(|b| b.descendants().last())
        .map_or(from, |n| order[&n.id()]);
    if let Some(m) = meta
        && !(from..=to).contains(&order[&m])
        && let Some(n) = doc.tree.get(m)
    {
        w.node(n);
    }
    if let Some(n) = doc.tree.get(region) {
        let from = heading.unwrap_or(body);
        let mut state = Range {
            from,
            to: body,
            started: false,
            ended: false,
        };
        state.walk(n, &mut w);
    }
    if heading.is_none()
        && let Some(t) = doc
            .tree
            .root()
            .descendants()
            .find(|n| name(n) == Some("title"))
    {
        let title = squashed(t);
        let first = title
            .split(['_', '|', '｜'])
            .next()
            .unwrap_or("")
            .to_string();
        if first.chars().count() >= 6
            && !squashed(doc.tree.get(body).expect("found")).contains(&first)
        {
            w.lines.insert(0, first);
        }
    }
    w.lines.join("\n")
}

fn common_ancestor(doc: &Html, a: NodeId, b: NodeId) -> NodeId {
    let Some(na) = doc.tree.get(a) else { return b };
    let chain: Vec<NodeId> = std::iter::once(a)
        .chain(na.ancestors().map(|n| n.id()))
        .collect();
    doc.tree
        .get(b)
        .into_iter()
        .flat_map(|nb| std::iter::once(nb).chain(nb.ancestors()))
        .map(|n| n.id())
        .find(|id| chain.contains(id))
        .unwrap_or(b)
}

/// Writes the nodes from `from` to the end of `to`, in document order.
struct Range {
    from: NodeId,
    to: NodeId,
    started: bool,
    ended: bool,
}

impl Range {
    fn walk(&mut self, n: NodeRef<Node>, w: &mut Writer) {
        if self.ended {
            return;
        }
        if n.id() == self.from {
            self.started = true;
        }
        if self.started {
            w.node(n);
            if n.id() == self.to || n.descendants().any(|d| d.id() == self.to) {
                self.ended = true;
            }
            return;
        }
        for c in n.children() {
            self.walk(c, w);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_heading_meta_and_tables() {
        let page = r#"<html><head><meta charset="utf-8"><title>外山乡人民政府关于开展安全宣传的通知_永春县人民政府</title></head>
<body><div class="top"><a href="/">首页</a><a href="/a">政务公开</a><a href="/b">政务服务</a></div>
<table class="xxgk"><tr><th>索引号</th><td>001-2024-3</td><th>发布机构</th><td>外山乡人民政府</td></tr>
<tr><td>文号：</td><td>永外政〔2024〕3号</td><td>成文日期：</td><td>2024-03-01</td></tr></table>
<div class="main"><h1>外山乡人民政府关于开展安全宣传的通知</h1><div class="info">发布时间：2024-03-04 <span>【字体：大 中 小】</span></div>
<div class="con"><p>各村委会：</p><p>　　请认真组织宣传，确保宣传覆盖到每一家生产经营单位，营造浓厚的安全生产氛围。</p>
<table><tr><td>单位</td><td>份数</td></tr><tr><td>甲村</td><td>4</td></tr></table>
<p style="text-align:right">外山乡人民政府<br>2024年3月1日</p></div></div>
<div class="foot">主办单位：外山乡人民政府 网站标识码：3505250000</div><script>var a="不要";</script></body></html>"#;
        let text = page_text(page);
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines[0], "索引号： 001-2024-3 发布机构： 外山乡人民政府");
        assert_eq!(lines[1], "文号： 永外政〔2024〕3号 成文日期： 2024-03-01");
        assert_eq!(lines[2], "外山乡人民政府关于开展安全宣传的通知");
        assert!(lines.contains(&"| 单位 | 份数 |"), "{lines:?}");
        assert!(lines.contains(&"外山乡人民政府"));
        assert_eq!(lines.last(), Some(&"2024年3月1日"));
        assert!(
            !text.contains("不要") && !text.contains("网站标识码") && !text.contains("政务服务")
        );
    }

    #[test]
    fn gbk_page_by_its_meta() {
        let (bytes, _, _) = GBK.encode("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>安全生产</p></body></html>");
        let (text, enc) = decode_page(&bytes);
        assert!(text.contains("安全生产"));
        assert_eq!(enc, "GBK");
    }
}
