//! The site search index, written as plain script files (`search/index-N.js`) so that search
//! works from `file://` as well as over http. Each shard calls `xgSearchAdd([...])`; the search
//! page loads shards only when someone searches, and matches Chinese substrings of the title,
//! the 文号 (`n`), issuer and tags (`m`) and the text — the public text, as the page shows it.
//!
//! Complexity: O(n) in the text of the items indexed: [`public_text`] is one `replace` and one
//! [`roster::fill`] (linear), [`squeeze`] one pass over the words (up to what is indexed);
//! [`suggestions`] counts the tags in a hash map (O(g) for g tags).

use serde::Serialize;

use super::Cx;
use super::context::field;
use super::templates::{base_context, render};
use crate::content::{Site, roster};
use crate::diag::Diagnostic;
use crate::markdown::plain;
use crate::output::Dest;

/// Items per shard file, at most (on average between half and all of it).
const SHARD: usize = 400;
/// Characters of body text indexed per item.
const TEXT_CHARS: usize = 2000;
/// Characters of squeezed text made to index [`TEXT_CHARS`]: placeholders shorten it
/// ([`public_text`]: `{{blank}}`, 9 characters, becomes 4), never by more than this allows.
const SQUEEZED: usize = 3 * TEXT_CHARS;

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
    let shards = render_index(cx)?;
    if !cx.plan.lists_unchanged() {
        let mut ctx = base_context(cx.refs, "");
        ctx.insert("shards", &shards);
        ctx.insert("suggest", &suggestions(cx.site));
        let html = render(cx.tera, "search.html", &ctx, "search.html")?;
        cx.out.emit(Dest::public("search.html"), html.as_bytes())?;
    }
    Ok(Vec::new())
}

/// How many shards `items` items fill: a power of two, so that the count (and with it every
/// item's shard) changes only when the site doubles or halves, not with each page added or
/// deleted around a multiple of [`SHARD`].
fn shard_count(items: usize) -> usize {
    items.div_ceil(SHARD).max(1).next_power_of_two()
}

/// The shard of the item read from `source` (its path in the site): FNV-1a of the path, so
/// that an item stays in its shard when it, or any other item, moves in the site's order,
/// and a partial render writes only the shards of the items it renders.
fn shard_of(source: &std::path::Path, shards: usize) -> usize {
    let hash = source
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    (hash % shards as u64) as usize
}

/// Writes the shards; returns how many there are. A partial render whose shard count did not
/// change writes only the shards of its sources (added, edited, moved or deleted items) and
/// keeps the others.
fn render_index(cx: &Cx<'_>) -> anyhow::Result<usize> {
    let (site, refs, out) = (cx.site, cx.refs, cx.out);
    let shards = shard_count(site.items.len());
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); shards];
    for (n, i) in site.items.iter().enumerate() {
        members[shard_of(&i.source, shards)].push(n);
    }
    // Items edited in place keep their number; otherwise the previous count must be known.
    let same_count = cx.plan.lists_unchanged()
        || cx
            .fresh
            .items_before
            .is_some_and(|b| shard_count(b) == shards);
    let dirty: Option<Vec<bool>> = match cx.plan.sources() {
        Some(sources) if same_count => {
            let mut d = vec![false; shards];
            for s in sources {
                d[shard_of(s, shards)] = true;
            }
            Some(d)
        }
        _ => None,
    };
    for (n, list) in members.iter().enumerate() {
        let dest = format!("search/index-{n}.js");
        if let Some(d) = &dirty
            && !d[n]
        {
            out.keep(Dest::public(&dest));
            continue;
        }
        let entries: Vec<Entry<'_>> = list
            .iter()
            .map(|&k| {
                let (i, r) = (&site.items[k], &refs.item_values[k]);
                Entry {
                    t: field(r, "title"),
                    u: field(r, "url"),
                    k: i.kind.label(),
                    d: field(r, "date"),
                    n: i.fm.text("doc_no").unwrap_or(""),
                    m: meta(i),
                    x: public_text(&squeeze(&plain::prefix(&i.body.html, SQUEEZED).0, SQUEEZED))
                        .chars()
                        .take(TEXT_CHARS)
                        .collect(),
                }
            })
            .collect();
        let text: usize = entries
            .iter()
            .map(|e| e.x.len() + e.t.len() + e.m.len() + 80)
            .sum();
        let mut js = Vec::with_capacity(text + text / 8);
        js.extend_from_slice(b"xgSearchAdd(");
        serde_json::to_writer(&mut js, &entries)?;
        js.extend_from_slice(b");\n");
        out.emit(Dest::public(&dest), &js)?;
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
    // Count and first appearance of each tag: the most used first, in the site's order.
    let mut counts: std::collections::HashMap<&String, (usize, usize)> = Default::default();
    for (n, t) in site.items.iter().flat_map(|i| &i.tags).enumerate() {
        counts.entry(t).or_insert((0, n)).0 += 1;
    }
    let mut tags: Vec<(&String, (usize, usize))> = counts.into_iter().collect();
    tags.sort_by_key(|(_, (count, first))| (std::cmp::Reverse(*count), *first));
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

/// Collapses white space; none at all between two Chinese characters. Stops once `max`
/// characters are made (a word may take it past).
pub fn squeeze(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max.saturating_mul(4)));
    let mut chars = 0;
    for w in text.split_whitespace() {
        if chars >= max {
            break;
        }
        chars += w.chars().count() + 1;
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
            super::squeeze("通报如下。\n一、经过 LED 屏\n显示", 100),
            "通报如下。一、经过 LED 屏显示"
        );
    }

    #[test]
    fn squeeze_makes_only_what_is_indexed() {
        let long = "安全 生产 LED 屏\n".repeat(5000);
        let short = super::squeeze(&long, 10);
        assert!(short.chars().count() < 20, "{short}");
        let whole = super::squeeze(&long, usize::MAX);
        assert!(whole.starts_with(&short), "{short}");
    }
}
