//! Print pages of 公文 (staff materials): `print/<slug>.html` for every notice and plan, laid
//! out by GB/T 9704 in the one order of [`crate::gongwen::order`] (the template
//! `gongwen_print.html` includes the same `gongwen_doc.html` as the web page), followed by the
//! documents it lists as attachments, each on its own page under its 附件N label, and closed by
//! the 版记 at the foot of the last page (the theme's `paper.js`). A 打印 button and the hint to
//! turn off the browser's header and footer are shown on screen only.
//!
//! `xuanguan build --pdf` prints these pages (and the mail-merged letters) to PDF.

use anyhow::Context as _;
use rayon::prelude::*;
use serde_json::{Value, json};

use super::gongwen::{TITLE_CHARS, document, levels};
use super::led::Lexicon;
use super::led::title::break_title_with;
use super::templates::{base_context, render_bytes};
use super::{Cx, context, placeholders};
use crate::content::{Item, Site, attach};
use crate::diag::Diagnostic;
use crate::output::Dest;

/// The print page of a 公文, relative to the output root.
pub fn path(item: &Item) -> String {
    format!("print/{}.html", item.slug)
}

/// Whether `item` gets a 公文 print page: notices and plans (a 公文 with a roster is printed
/// per enterprise by the mail merge instead).
pub fn printed(site: &Site, item: &Item) -> bool {
    item.kind.is_official() && item.roster(site).is_none()
}

/// Writes the print page of every 公文 in the plan.
pub fn render_paper(cx: &Cx<'_>) -> anyhow::Result<Vec<Diagnostic>> {
    let (site, tera, refs) = (cx.site, cx.tera, cx.refs);
    // A print page shows its attached documents too: it is rendered again when one of them is.
    let shown = |item: &Item| {
        cx.plan.includes(item)
            || attach::resolve(item, &site.items, &refs.by_name)
                .iter()
                .any(|(_, t)| matches!(t, Some(attach::Target::Item(a)) if cx.plan.includes(&site.items[*a])))
    };
    let picked: Vec<usize> = (0..site.items.len())
        .filter(|&n| printed(site, &site.items[n]) && shown(&site.items[n]))
        .collect();
    if picked.is_empty() {
        return Ok(Vec::new());
    }
    let lex = super::led::site::lexicon(site);
    picked.into_par_iter().try_for_each(|n| {
        let item = &site.items[n];
        let _at = crate::crash::at(item.path());
        let mut ctx = base_context(refs, "../site/");
        ctx.insert_value("page", refs.item_values[n].clone());
        ctx.insert("fm", &context::front_matter(item));
        ctx.insert("attachments", &refs.attachments(site, item));
        let content = rebase(&placeholders::blanks(item, item.roster(site)), item);
        ctx.insert("gw", &document(item, &content, &lex));
        ctx.insert("attached", &attached(site, refs, item, &lex));
        ctx.insert("paper", &true);
        let rel = path(item);
        let html = render_bytes(tera, "gongwen_print.html", &ctx, &rel)?;
        cx.out
            .emit(Dest::staff(&rel).from(&item.source), &html)
            .with_context(|| format!("写入 {rel}"))
    })?;
    Ok(Vec::new())
}

/// The documents `notice` lists as attachments that are items of their own, as printed after
/// it: `{label, title_lines, salutation, letter, body, issuer, date_cn}`. Attachments written
/// in the notice's body are part of its `gw.annexes`.
fn attached(site: &Site, refs: &context::Refs, notice: &Item, lex: &Lexicon) -> Vec<Value> {
    let resolved = attach::resolve(notice, &site.items, &refs.by_name);
    let single = resolved.len() == 1;
    resolved
        .into_iter()
        .enumerate()
        .filter_map(|(k, (_, target))| match target {
            Some(attach::Target::Item(n)) => Some((k, &site.items[n])),
            _ => None,
        })
        .map(|(k, item)| {
            let label = if single {
                "附件".to_string()
            } else {
                format!("附件{}", k + 1)
            };
            let manual = item.fm.list("title_lines");
            let title_lines = if manual.is_empty() {
                break_title_with(lex, &item.title, TITLE_CHARS)
            } else {
                manual
            };
            let content = rebase(&placeholders::blanks(item, item.roster(site)), item);
            let body = if item.kind.is_official() {
                levels(&content)
            } else {
                content
            };
            let letter = item.kind.is_letter().then(|| context::letter(item));
            let signs = letter.as_ref().is_some_and(|l| l["sign"] == true);
            json!({
                "label": label,
                "title_lines": title_lines,
                "salutation": letter.as_ref().map_or(Value::Null, |l| l["salutation"].clone()),
                "letter": letter.is_some(),
                "body": body,
                "issuer": if signs { letter.as_ref().map_or(Value::Null, |l| l["issuer"].clone()) } else { Value::Null },
                "date_cn": if signs { letter.as_ref().map_or(Value::Null, |l| l["date_cn"].clone()) } else { Value::Null },
            })
        })
        .collect()
}

/// A body rendered for the item's own page (`site/<section>/<slug>.html`) with its relative
/// links and images pointing at the same files from `print/`.
fn rebase(html: &str, item: &Item) -> String {
    let page = format!("site/{}", item.url());
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = ["href=\"", "src=\""]
        .iter()
        .filter_map(|a| rest.find(a).map(|p| p + a.len()))
        .min()
    {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find('"').unwrap_or(rest.len());
        let url = &rest[..end];
        let local = !(url.is_empty()
            || url.starts_with(['#', '/'])
            || url.contains("://")
            || url.contains(':') && !url.contains('/'));
        if local {
            out.push_str("../");
            out.push_str(&resolve(&page, url));
        } else {
            out.push_str(url);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `url` relative to the page `from` (both `/` paths from the output root), from the root.
fn resolve(from: &str, url: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in url.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_of_a_site_page_resolve_from_print() {
        assert_eq!(
            resolve("site/notices/a.html", "../news/b.html#x"),
            "site/news/b.html#x"
        );
        assert_eq!(
            resolve("site/notices/a.html", "c.html"),
            "site/notices/c.html"
        );
        assert_eq!(
            resolve("site/notices/a.html", "../static/p.png"),
            "site/static/p.png"
        );
    }
}
