//! RENDER: the loaded [`Site`] becomes files. HTML pages, lists and feeds come from the theme's
//! templates; the LED feed, WeChat exports and print pages are renderers of the same site.

mod context;
mod feeds;
pub mod html;
mod lists;
mod progress;
mod search;

use anyhow::Context as _;

use crate::content::Site;
use crate::output::Output;
use crate::theme::Theme;

pub use context::Refs;

/// Renders every output of the site into `out`.
pub fn render_site(site: &Site, theme: &Theme, out: &Output) -> anyhow::Result<()> {
    use crate::timing::stage;
    let tera = html::engine(theme)?;
    let refs = stage("template values", || Refs::new(site));
    stage("item pages", || html::render_items(site, &tera, &refs, out))?;
    stage("list pages", || {
        lists::render_lists(site, &tera, &refs, out)
    })?;
    stage("home and feeds", || {
        feeds::render_feeds(site, &tera, &refs, out)
    })?;
    stage("progress page", || {
        progress::render_progress(site, &tera, &refs, out)
    })?;
    let shards = stage("search index", || search::render_index(site, &refs, out))?;
    let mut ctx = html::base_context(&refs, "");
    ctx.insert("shards", &shards);
    out.write(
        "search.html",
        html::render(&tera, "search.html", &ctx, "search.html")?.as_bytes(),
    )?;
    for (rel, bytes) in theme.statics() {
        out.write(&format!("static/{rel}"), bytes)?;
    }
    for rel in &site.static_files {
        let src = site.root.join("content/static").join(rel);
        let bytes = std::fs::read(&src).with_context(|| format!("无法读取 {}", src.display()))?;
        out.write(
            &format!("static/{}", crate::diag::display_path(rel)),
            &bytes,
        )?;
    }
    Ok(())
}
