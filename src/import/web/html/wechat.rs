//! A saved WeChat article page, read by its own structure: the title (`#activity-name`,
//! `.rich_media_title`), the account (`#js_name`), the author (`.rich_media_meta_text` in
//! `#meta_content`, else `<meta name="author">`), the time published (`#publish_time`, which
//! the page's script fills in: when it is empty, the script's `ct`/`create_time` timestamp)
//! and the article (`#js_content`). The account, author and time become one labelled line
//! (公众号：… 作者：… 发表时间：…) that [`super::super::meta`] reads like a portal's 发布信息;
//! what the page shows around the article (tags, 阅读原文, 赞 在看, QR code, dialogs) is
//! outside `#js_content` and never written.

use chrono::DateTime;
use ego_tree::NodeRef;
use scraper::{Html, Node};

use super::find::name;
use super::texts::Texts;
use super::writer::Writer;
use crate::gongwen::chars::is_blank;

fn attr<'a>(n: &NodeRef<'a, Node>, key: &str) -> Option<&'a str> {
    match n.value() {
        Node::Element(e) => e.attr(key),
        _ => None,
    }
}

fn by_id<'a>(doc: &'a Html, id: &str) -> Option<NodeRef<'a, Node>> {
    doc.tree
        .root()
        .descendants()
        .find(|n| attr(n, "id") == Some(id))
}

fn has_class(n: &NodeRef<Node>, class: &str) -> bool {
    attr(n, "class").is_some_and(|c| c.split_ascii_whitespace().any(|x| x == class))
}

/// The text of a node, blanks at either end and runs of blanks inside made one space.
fn text(n: NodeRef<Node>) -> String {
    let mut s = String::new();
    for d in n.descendants() {
        if let Node::Text(t) = d.value() {
            s.push_str(t);
            s.push(' ');
        }
    }
    s.split(is_blank)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The content of `<meta property=… content=…>` (or `name=`).
fn meta(doc: &Html, key: &str) -> Option<String> {
    doc.tree
        .root()
        .descendants()
        .filter(|n| name(n) == Some("meta"))
        .find(|n| attr(n, "property") == Some(key) || attr(n, "name") == Some(key))
        .and_then(|n| attr(&n, "content"))
        .map(|c| c.trim_matches(is_blank).to_string())
        .filter(|c| !c.is_empty())
}

/// The scripts' text.
fn scripts(doc: &Html) -> String {
    let mut s = String::new();
    for n in doc.tree.root().descendants() {
        if name(&n) == Some("script") {
            for d in n.descendants() {
                if let Node::Text(t) = d.value() {
                    s.push_str(t);
                    s.push('\n');
                }
            }
        }
    }
    s
}

/// The string or number a script assigns to `var` (`var ct = "1748943900";`,
/// `create_time: '1748943900'`, `nickname = htmlDecode("平安东坪")`).
fn assigned(script: &str, var: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = script[from..].find(var).map(|a| a + from) {
        from = at + var.len();
        let before = script[..at].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            continue;
        }
        let rest = script[from..].trim_start();
        let Some(rest) = rest.strip_prefix(['=', ':']) else {
            continue;
        };
        let rest = rest.trim_start();
        let rest = rest.strip_prefix("htmlDecode(").unwrap_or(rest);
        let value: String = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].chars().take_while(|c| *c != q).collect(),
            _ => rest.chars().take_while(char::is_ascii_digit).collect(),
        };
        if !value.trim().is_empty() {
            return Some(value.trim().to_string());
        }
    }
    None
}

/// A Unix timestamp as the time in China ("2025-06-03 17:45").
fn china_time(ts: &str) -> Option<String> {
    let secs: i64 = ts.parse().ok()?;
    let t = DateTime::from_timestamp(secs, 0)?.naive_utc() + chrono::Duration::hours(8);
    Some(t.format("%Y-%m-%d %H:%M").to_string())
}

/// The lines of a saved WeChat article page; `None` when the page is not one.
pub(super) fn article(doc: &Html, texts: &Texts) -> Option<String> {
    let content = by_id(doc, "js_content")?;
    let script = scripts(doc);
    let title = by_id(doc, "activity-name")
        .or_else(|| {
            doc.tree
                .root()
                .descendants()
                .find(|n| has_class(n, "rich_media_title"))
        })
        .map(text)
        .filter(|t| !t.is_empty())
        .or_else(|| meta(doc, "og:title"))
        .or_else(|| assigned(&script, "msg_title"))?;
    let account = by_id(doc, "js_name")
        .map(text)
        .filter(|t| !t.is_empty())
        .or_else(|| assigned(&script, "nickname"));
    let author = by_id(doc, "meta_content")
        .and_then(|m| {
            m.descendants()
                .filter(|n| has_class(n, "rich_media_meta_text") && attr(n, "id").is_none())
                .map(text)
                .find(|t| !t.is_empty())
        })
        .or_else(|| meta(doc, "author"));
    let published = by_id(doc, "publish_time")
        .map(text)
        .filter(|t| !t.is_empty())
        .or_else(|| {
            assigned(&script, "ct")
                .or_else(|| assigned(&script, "create_time"))
                .and_then(|ts| china_time(&ts))
        });
    let mut w = Writer::new(texts);
    w.lines.push(title);
    let mut labelled = Vec::new();
    if let Some(a) = account {
        labelled.push(format!("公众号：{a}"));
    }
    if let Some(a) = author.filter(|a| !a.contains(['：', ':'])) {
        labelled.push(format!("作者：{a}"));
    }
    if let Some(p) = published {
        labelled.push(format!("发表时间：{p}"));
    }
    w.lines.push(labelled.join(" "));
    w.lines.push(String::new());
    w.node(content);
    Some(w.lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_article() {
        let page = r#"<html><head><meta name="author" content="镇应急办"><title>东坪镇宣传标语</title></head><body>
<h1 class="rich_media_title" id="activity-name"> 东坪镇宣传标语 </h1>
<div id="meta_content"><span id="copyright_logo">原创</span><span class="rich_media_meta rich_media_meta_text">东坪镇应急办</span>
<a id="js_name">平安东坪 </a><em id="publish_time" class="rich_media_meta rich_media_meta_text"></em></div>
<div id="js_content"><p>01 人人讲安全。</p></div>
<div class="rich_media_tool"><a id="js_view_source">阅读原文</a><span>在看</span></div>
<script>var nickname = "平安东坪"; var ct = "1748943900";</script></body></html>"#;
        let text = article(
            &Html::parse_document(page),
            &Texts::new(&Html::parse_document(page)),
        )
        .unwrap();
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            lines,
            [
                "东坪镇宣传标语",
                "公众号：平安东坪 作者：东坪镇应急办 发表时间：2025-06-03 17:45",
                "01 人人讲安全。"
            ]
        );
        assert!(
            article(
                &Html::parse_document("<p>正文。</p>"),
                &Texts::new(&Html::parse_document("<p>正文。</p>"))
            )
            .is_none()
        );
    }

    #[test]
    fn script_values() {
        let s =
            "var ct = \"1748943900\";\nvar nickname = htmlDecode(\"平安东坪\");\nvar oct = '1';";
        assert_eq!(assigned(s, "ct").as_deref(), Some("1748943900"));
        assert_eq!(assigned(s, "nickname").as_deref(), Some("平安东坪"));
        assert_eq!(
            assigned("create_time: 1700000000,", "create_time").as_deref(),
            Some("1700000000")
        );
        assert_eq!(
            china_time("1748943900").as_deref(),
            Some("2025-06-03 17:45")
        );
    }
}
