//! The home page, `404.html`, `atom.xml` and `sitemap.xml`.

use super::Plan;
use super::context::{ItemRef, Refs};
use super::html::{base_context, render};
use crate::content::{Kind, Site};
use crate::output::Output;

/// Entries in `atom.xml`.
const FEED: usize = 30;

/// Under [`Plan::lists_unchanged`] the home page and the feed are written only when they show
/// an included item, `404.html` and `sitemap.xml` (no summaries, no bodies) not at all.
pub fn render_feeds(
    site: &Site,
    plan: &Plan,
    tera: &tera::Tera,
    refs: &Refs,
    out: &Output,
) -> anyhow::Result<()> {
    let all = !plan.lists_unchanged();
    let take = |f: &dyn Fn(Kind) -> bool, n: usize| -> Vec<usize> {
        (0..site.items.len())
            .filter(|&k| f(site.items[k].kind))
            .take(n)
            .collect()
    };
    let shows = |picked: &[usize]| picked.iter().any(|&k| plan.includes(&site.items[k]));
    let refs_of =
        |picked: &[usize]| -> Vec<&ItemRef> { picked.iter().map(|&k| &refs.items[k]).collect() };
    let notices = take(&|k| k.is_official(), 8);
    let news = take(
        &|k| matches!(k, Kind::News | Kind::Briefing | Kind::Speech | Kind::Case),
        8,
    );
    let letters = take(
        &|k| matches!(k, Kind::Letter | Kind::Form | Kind::Pledge),
        6,
    );
    let slogans = take(&|k| k == Kind::Slogans, 1);
    if all || shows(&notices) || shows(&news) || shows(&letters) || shows(&slogans) {
        let mut ctx = base_context(refs, "");
        ctx.insert("notices", &refs_of(&notices));
        ctx.insert("news", &refs_of(&news));
        ctx.insert("letters", &refs_of(&letters));
        let slogans = slogans.first().map(|&k| &site.items[k]);
        ctx.insert(
            "slogans",
            &slogans.map(|i| i.body.html.as_str()).unwrap_or(""),
        );
        ctx.insert("slogans_url", &slogans.map(|i| i.url()).unwrap_or_default());
        out.write(
            "index.html",
            render(tera, "index.html", &ctx, "index.html")?.as_bytes(),
        )?;
    }

    if all {
        let ctx = base_context(refs, "");
        out.write(
            "404.html",
            render(tera, "404.html", &ctx, "404.html")?.as_bytes(),
        )?;
    }

    let base = site.campaign.base_url.trim_end_matches('/');
    let abs = |u: &str| {
        if base.is_empty() {
            u.to_string()
        } else {
            format!("{base}/{u}")
        }
    };
    if !all && !site.items.iter().take(FEED).any(|i| plan.includes(i)) {
        return Ok(());
    }
    let mut ctx = base_context(refs, "");
    let entries: Vec<serde_json::Value> = site
        .items
        .iter()
        .zip(&refs.items)
        .take(FEED)
        .map(|(i, r)| {
            serde_json::json!({
                "title": r.title, "url": abs(&r.url), "summary": r.summary,
                "updated": format!("{}T00:00:00+08:00", i.date.unwrap_or(site.today).format("%Y-%m-%d")),
                "id": if base.is_empty() { format!("urn:xuanguan:{}", r.url) } else { abs(&r.url) },
            })
        })
        .collect();
    ctx.insert("entries", &entries);
    ctx.insert(
        "updated",
        &format!("{}T00:00:00+08:00", site.today.format("%Y-%m-%d")),
    );
    ctx.insert(
        "feed_id",
        &if base.is_empty() {
            format!("urn:xuanguan:{}", site.campaign.title)
        } else {
            format!("{base}/")
        },
    );
    ctx.insert("home", &abs(""));
    out.write(
        "atom.xml",
        render(tera, "atom.xml", &ctx, "atom.xml")?.as_bytes(),
    )?;

    if !all {
        return Ok(());
    }
    let mut urls: Vec<serde_json::Value> = vec![
        serde_json::json!({"loc": abs("index.html"), "lastmod": site.today.format("%Y-%m-%d").to_string()}),
    ];
    for (i, r) in site.items.iter().zip(&refs.items) {
        urls.push(serde_json::json!({"loc": abs(&r.url), "lastmod": i.date.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()}));
    }
    let mut ctx = base_context(refs, "");
    ctx.insert("urls", &urls);
    out.write(
        "sitemap.xml",
        render(tera, "sitemap.xml", &ctx, "sitemap.xml")?.as_bytes(),
    )
}
