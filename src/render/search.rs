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

/// Writes the shards; returns how many there are. When the plan only edits items in place,
/// only the shards holding them are written again.
///
/// With `unmoved` (see `Fresh::unmoved`), shards of unmoved items only are declared unchanged.
pub fn render_index(
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
            out.keep(&format!("search/index-{n}.js"));
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
                x: squeeze(&i.body.text).chars().take(TEXT_CHARS).collect(),
            })
            .collect();
        let json = serde_json::to_string(&entries)?;
        out.write(
            &format!("search/index-{n}.js"),
            format!("xgSearchAdd({json});\n").as_bytes(),
        )?;
    }
    if site.items.is_empty() {
        out.write("search/index-0.js", b"xgSearchAdd([]);\n")?;
    }
    Ok(shards)
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
    fn squeeze_keeps_spaces_only_around_latin() {
        assert_eq!(
            super::squeeze("通报如下。\n一、经过 LED 屏\n显示"),
            "通报如下。一、经过 LED 屏显示"
        );
    }
}
