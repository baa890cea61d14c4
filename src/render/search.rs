//! The site search index, written as plain script files (`search/index-N.js`) so that search
//! works from `file://` as well as over http. Each shard calls `xgSearchAdd([...])`; the search
//! page loads shards only when someone searches, and matches Chinese substrings.

use serde::Serialize;

use super::context::Refs;
use crate::content::Site;
use crate::output::Output;

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
    x: String,
}

/// Writes the shards; returns how many there are.
pub fn render_index(site: &Site, refs: &Refs, out: &Output) -> anyhow::Result<usize> {
    let entries: Vec<Entry<'_>> = site
        .items
        .iter()
        .zip(&refs.items)
        .map(|(i, r)| Entry {
            t: &r.title,
            u: &r.url,
            k: r.kind_label,
            d: &r.date,
            x: i.body
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .take(TEXT_CHARS)
                .collect(),
        })
        .collect();
    let shards = entries.len().div_ceil(SHARD).max(1);
    for (n, chunk) in entries.chunks(SHARD).enumerate() {
        let json = serde_json::to_string(chunk)?;
        out.write(
            &format!("search/index-{n}.js"),
            format!("xgSearchAdd({json});\n").as_bytes(),
        )?;
    }
    if entries.is_empty() {
        out.write("search/index-0.js", b"xgSearchAdd([]);\n")?;
    }
    Ok(shards)
}
