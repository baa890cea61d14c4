//! The site search index, written as plain script files (`search/index-N.js`) so that search
//! works from `file://` as well as over http. Each shard calls `xgSearchAdd([...])`; the search
//! page loads shards only when someone searches, and matches Chinese substrings of the title,
//! the 文号 (`n`), issuer and tags (`m`) and the text — the public text, as the page shows it.
//!
//! Complexity: O(n) in the text of the items indexed: [`public_text`] is one `replace` and one
//! [`roster::fill`] (linear), [`squeeze`] one pass over the words; [`suggestions`] counts the
//! tags with a list search (O(g·d) for g tags of d distinct names, site-level data).

use serde::Serialize;

use super::Cx;
use super::context::Refs;
use super::templates::{base_context, render};
use crate::content::{Site, roster};
use crate::diag::Diagnostic;
use crate::output::{Dest, Output};

/// Items per shard file.
const SHARD: usize = 400;
/// Characters of body text indexed per item.
const TEXT_CHARS: usize = 2000;

#[derive(Serialize)]
struct Entry<'a> {
    t: &'a str,
    u: &'a str,
    k: &'static str,
    d: &'a str,
    /// 文号.
    n: &'a str,
    /// Issuer and tags, space-separated.
    m: String,
    x: String,
}

/// The search page and its index.
pub fn render_search(cx: &Cx<'_>) -> anyhow::Result<Vec<Diagnostic>> {
    let unmoved = cx.fresh.unmoved.as_deref();
    let shards = render_index(cx.site, cx.plan, unmoved, cx.refs, cx.out)?;
    if !cx.plan.lists_unchanged() {
        let mut ctx = base_context(cx.refs, "");
        ctx.insert("shards", &shards);
        ctx.insert("suggest", &suggestions(cx.site));
        let html = render(cx.tera, "search.html", &ctx, "search.html")?;
        cx.out.emit(Dest::public("search.html"), html.as_bytes())?;
    }
    Ok(Vec::new())
}

/// Writes the shards; returns how many there are. When the plan only edits items in place,
/// only the shards holding them are written again.
///
/// With `unmoved` (see `Fresh::unmoved`), shards of unmoved items only are declared unchanged.
fn render_index(
    site: &Site,
    plan: &super::Plan,
    unmoved: Option<&[bool]>,
    refs: &Refs,
    out: &Output,
) -> anyhow::Result<usize> {
    let shards = site.items.len().div_ceil(SHARD).max(1);
    for (n, chunk) in site.items.chunks(SHARD).enumerate() {
        if plan.lists_unchanged() && !chunk.iter().any(|i| plan.includes(i)) {
            continue;
        }
        if let Some(u) = unmoved
            && u[n * SHARD..n * SHARD + chunk.len()].iter().all(|&x| x)
        {
            out.keep(Dest::public(&format!("search/index-{n}.js")));
            continue;
        }
        let entries: Vec<Entry<'_>> = chunk
            .iter()
            .zip(&refs.items[n * SHARD..])
            .map(|(i, r)| Entry {
                t: &r.title,
                u: &r.url,
                k: r.kind_label,
                d: &r.date,
                n: i.fm.text("doc_no").unwrap_or(""),
                m: meta(i),
                x: public_text(&squeeze(&i.body.text))
                    .chars()
                    .take(TEXT_CHARS)
                    .collect(),
            })
            .collect();
        let json = serde_json::to_string(&entries)?;
        out.emit(
            Dest::public(&format!("search/index-{n}.js")),
            format!("xgSearchAdd({json});\n").as_bytes(),
        )?;
    }
    if site.items.is_empty() {
        out.emit(Dest::public("search/index-0.js"), b"xgSearchAdd([]);\n")?;
    }
    Ok(shards)
}

/// What the index finds an item by besides title, 文号 and text: its issuer and tags.
fn meta(i: &crate::content::Item) -> String {
    let mut words: Vec<String> = i.fm.list("issuer");
    words.extend(i.tags.iter().cloned());
    words.join(" ")
}

/// Text as the public page shows it: a mail-merge placeholder `{{企业名称}}` reads （企业名称）,
/// the `{{blank}}` shortcode a line to fill in.
pub fn public_text(text: &str) -> String {
    if !text.contains("{{") {
        return text.to_string();
    }
    let text = text.replace("{{blank}}", "＿＿＿＿");
    roster::fill(&text, |name| Some(format!("（{name}）")))
}

/// Search words to suggest in the box, found on this site: its most used tags (indexed in
/// `m`), else the start of the newest titles.
pub fn suggestions(site: &Site) -> Vec<String> {
    let mut tags: Vec<(&String, usize)> = Vec::new();
    for t in site.items.iter().flat_map(|i| &i.tags) {
        match tags.iter_mut().find(|(n, _)| *n == t) {
            Some((_, c)) => *c += 1,
            None => tags.push((t, 1)),
        }
    }
    tags.sort_by_key(|t| std::cmp::Reverse(t.1));
    let mut words: Vec<String> = tags.iter().take(2).map(|(t, _)| t.to_string()).collect();
    for i in &site.items {
        if words.len() >= 2 {
            break;
        }
        let start: String = i
            .title
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(4)
            .collect();
        if start.chars().count() >= 2 && !words.contains(&start) {
            words.push(start);
        }
    }
    words
}

/// Collapses white space; none at all between two Chinese characters.
pub fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        let join = match (out.chars().next_back(), w.chars().next()) {
            (Some(a), Some(b)) => !crate::markdown::cjk::joins_without_space(a, b),
            _ => false,
        };
        if join {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_read_as_the_page_shows_them() {
        assert_eq!(
            super::public_text("{{企业名称}}：请于{{blank}}前签订"),
            "（企业名称）：请于＿＿＿＿前签订"
        );
        assert_eq!(super::public_text("无占位符"), "无占位符");
    }

    #[test]
    fn squeeze_keeps_spaces_only_around_latin() {
        assert_eq!(
            super::squeeze("通报如下。\n一、经过 LED 屏\n显示"),
            "通报如下。一、经过 LED 屏显示"
        );
    }
}
