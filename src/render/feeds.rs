//! The home page, `404.html`, `atom.xml` and `sitemap.xml`. The feed and the sitemap need
//! absolute addresses: without `base_url` they are not written (relative `<loc>` and empty
//! `href` are invalid), and the build says so once.

use super::Cx;
use super::memo::fingerprint;
use super::templates::{base_context, render};
use crate::content::{Kind, Site, campaign};
use crate::diag::{Diagnostic, Severity};
use crate::output::Dest;

/// Entries in `atom.xml`.
const FEED: usize = 30;

/// Under [`Plan::lists_unchanged`] the home page and the feed are written only when they show
/// an included item, `404.html` and `sitemap.xml` (no summaries, no bodies) not at all.
pub fn render_feeds(cx: &Cx<'_>) -> anyhow::Result<Vec<Diagnostic>> {
    let (site, plan, tera, refs, out) = (cx.site, cx.plan, cx.tera, cx.refs, cx.out);
    let all = !plan.lists_unchanged();
    let take = |f: &dyn Fn(Kind) -> bool, n: usize| -> Vec<usize> {
        (0..site.items.len())
            .filter(|&k| f(site.items[k].kind))
            .take(n)
            .collect()
    };
    let shows = |picked: &[usize]| picked.iter().any(|&k| plan.includes(&site.items[k]));
    let refs_of = |picked: &[usize]| -> tera::Value {
        picked
            .iter()
            .map(|&k| refs.item_values[k].clone())
            .collect::<Vec<_>>()
            .into()
    };
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
    let sources = |picked: &[usize]| -> Vec<&std::path::Path> {
        picked
            .iter()
            .map(|&k| site.items[k].source.as_path())
            .collect()
    };
    let home_shows = shows(&notices) || shows(&news) || shows(&letters) || shows(&slogans);
    let home_fp = fingerprint((
        cx.fresh.site_fp,
        more(site).to_string(),
        [&notices, &news, &letters, &slogans].map(|p| sources(p)),
    ));
    if (all || home_shows)
        && !cx
            .memo
            .unchanged(plan, out, "index.html", home_shows, home_fp)
    {
        let mut ctx = base_context(refs, "");
        ctx.insert("nav", "home");
        ctx.insert("more", &more(site));
        ctx.insert_value("notices", refs_of(&notices));
        ctx.insert_value("news", refs_of(&news));
        ctx.insert_value("letters", refs_of(&letters));
        let slogans = slogans.first().map(|&k| &site.items[k]);
        ctx.insert(
            "slogans",
            &slogans.map(|i| i.body.html.as_str()).unwrap_or(""),
        );
        ctx.insert("slogans_url", &slogans.map(|i| i.url()).unwrap_or_default());
        out.emit(
            Dest::public("index.html"),
            render(tera, "index.html", &ctx, "index.html")?.as_bytes(),
        )?;
    }

    let base = site.campaign.base_url.trim_end_matches('/');
    if all
        && !cx
            .memo
            .unchanged(plan, out, "404.html", false, cx.fresh.shape_fp)
    {
        // Shown at any address: its links lead to the site's address when it is known.
        let root = if base.is_empty() {
            String::new()
        } else {
            format!("{base}/")
        };
        let ctx = base_context(refs, &root);
        out.emit(
            Dest::public("404.html"),
            render(tera, "404.html", &ctx, "404.html")?.as_bytes(),
        )?;
    }

    if base.is_empty() {
        return Ok(if plan.is_all() {
            vec![no_feeds(site)]
        } else {
            Vec::new()
        });
    }
    let abs = |u: &str| format!("{base}/{u}");
    let feed_shows = site.items.iter().take(FEED).any(|i| plan.includes(i));
    let feed: Vec<usize> = (0..site.items.len().min(FEED)).collect();
    let feed_fp = fingerprint((cx.fresh.shape_fp, sources(&feed)));
    if !all && !feed_shows {
        return Ok(Vec::new());
    }
    if cx
        .memo
        .unchanged(plan, out, "atom.xml", feed_shows, feed_fp)
    {
        return sitemap(cx, &abs);
    }
    let mut ctx = base_context(refs, "");
    let entries: Vec<serde_json::Value> = site
        .items
        .iter()
        .enumerate()
        .take(FEED)
        .map(|(n, i)| {
            serde_json::json!({
                "title": refs.title(n), "url": abs(refs.url(n)), "summary": refs.summary(n),
                "updated": format!("{}T00:00:00+08:00", i.date.unwrap_or(site.today).format("%Y-%m-%d")),
                "id": abs(refs.url(n)),
            })
        })
        .collect();
    ctx.insert("entries", &entries);
    ctx.insert(
        "updated",
        &format!("{}T00:00:00+08:00", site.today.format("%Y-%m-%d")),
    );
    ctx.insert("feed_id", &format!("{base}/"));
    ctx.insert("home", &abs(""));
    out.emit(
        Dest::public("atom.xml"),
        render(tera, "atom.xml", &ctx, "atom.xml")?.as_bytes(),
    )?;

    if !all {
        return Ok(Vec::new());
    }
    sitemap(cx, &abs)
}

/// `sitemap.xml`: every item's address and date (written again only when one of them changed).
fn sitemap(cx: &Cx<'_>, abs: &dyn Fn(&str) -> String) -> anyhow::Result<Vec<Diagnostic>> {
    let (site, refs, out) = (cx.site, cx.refs, cx.out);
    let shown: Vec<(&str, Option<chrono::NaiveDate>)> = site
        .items
        .iter()
        .enumerate()
        .map(|(n, i)| (refs.url(n), i.date))
        .collect();
    let fp = fingerprint((cx.fresh.shape_fp, abs(""), shown));
    if cx.memo.unchanged(cx.plan, out, "sitemap.xml", false, fp) {
        return Ok(Vec::new());
    }
    // Written directly: a protocol file with nothing to theme, and at 10,000 items the
    // template engine took 10 ms to fill it (serve writes it after every page added).
    let mut xml = String::with_capacity(80 * (site.items.len() + 1) + 120);
    xml.push_str(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut url = |rel: &str, date: Option<chrono::NaiveDate>| {
        xml.push_str("  <url><loc>");
        xml.push_str(&super::escape_html(&abs(rel)));
        xml.push_str("</loc>");
        if let Some(d) = date {
            xml.push_str(&format!("<lastmod>{}</lastmod>", d.format("%Y-%m-%d")));
        }
        xml.push_str("</url>\n");
    };
    url("index.html", Some(site.today));
    for (n, i) in site.items.iter().enumerate() {
        url(refs.url(n), i.date);
    }
    xml.push_str("</urlset>\n");
    out.emit(Dest::public("sitemap.xml"), xml.as_bytes())?;
    Ok(Vec::new())
}

/// The "更多" links of the home page: the section lists that exist (a section's list is
/// written only when it has items).
fn more(site: &Site) -> serde_json::Value {
    let has = |id: &str| site.items.iter().any(|i| i.kind.section() == id);
    let url = |id: &str| {
        if has(id) {
            format!("{id}/index.html")
        } else {
            String::new()
        }
    };
    serde_json::json!({"notices": url("notices"), "news": url("news"), "cases": url("cases")})
}

/// The note of a build without `base_url`, at the key when the file has it.
fn no_feeds(site: &Site) -> Diagnostic {
    let (line, col) = crate::yaml::locate(&site.campaign.source, &["base_url"], 0)
        .or_else(|| crate::yaml::locate(&site.campaign.source, &["网址"], 0))
        .unwrap_or((0, 0));
    Diagnostic::new(
        Severity::Info,
        campaign::PATH,
        line,
        col,
        "base-url",
        "没有填写网站地址（base_url），未生成订阅文件 atom.xml 和网站地图 sitemap.xml（两者都必须写完整网址）",
    )
    .with_hint("网站上线后，在 campaign.yaml 中写上专栏的完整网址，例如 base_url: https://www.xxx.gov.cn/zt/aqbzh，再生成一次。")
}
