//! RENDER: the loaded [`Site`] becomes files. HTML pages, lists and feeds come from the theme's
//! templates; the LED feed, WeChat exports and print pages are renderers of the same site.

mod context;
mod feeds;
mod gongwen;
pub mod html;
pub mod led;
mod lists;
mod prepared;
mod print;
mod progress;
mod search;
pub mod wechat;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::content::{Item, Site};
use crate::diag::Diagnostic;
use crate::output::Output;
use crate::theme::Theme;

pub use context::Refs;
pub use prepared::Prepared;

/// What a render produces. Every renderer follows the same rule: outputs of one item (its page,
/// its WeChat export, its print pages) are rendered only when [`Plan::includes`] the item and
/// written with [`Output::write_from`] naming the item's source; pages that aggregate items
/// (home, lists, feeds, search, LED feeds) are written with [`Output::write`], always — except
/// under [`Plan::lists_unchanged`], where an aggregate that shows none of the included items
/// (or shows nothing an in-place edit can change) may be skipped: `serve` keeps the previous
/// copy of every aggregate a `Plan::Edited` render does not write. Under `Plan::Items` an
/// aggregate is skipped only if declared unchanged with [`Output::keep`] (otherwise `serve`
/// drops it: it may have to vanish, like the list of a tag nobody uses any more). Copied files
/// are rendered only when [`Plan::is_all`]. `serve` then rebuilds one edited page plus what
/// shows it. (When what every page shows of the site changes — the menu — the item pages are
/// all rendered again; see `Fresh::all_pages` in `prepared.rs`.)
#[derive(Debug, Clone)]
pub enum Plan {
    /// The whole site.
    All,
    /// The outputs of these sources (items) plus all aggregate pages.
    Items(BTreeSet<PathBuf>),
    /// Like `Items`, for items edited in place: every list keeps its members and their order,
    /// so list pages that show none of these items are left as they are.
    Edited(BTreeSet<PathBuf>),
}

impl Plan {
    /// Whether the outputs of `item` are part of this render.
    pub fn includes(&self, item: &Item) -> bool {
        self.includes_source(&item.source)
    }

    /// Whether the outputs of the document `source` are part of this render.
    pub fn includes_source(&self, source: &Path) -> bool {
        match self {
            Plan::All => true,
            Plan::Items(s) | Plan::Edited(s) => crate::content::has_source(s, source),
        }
    }

    /// Whether list pages without any included item may be skipped.
    pub fn lists_unchanged(&self) -> bool {
        matches!(self, Plan::Edited(_))
    }

    /// Whether this is a full render (copies static files too).
    pub fn is_all(&self) -> bool {
        matches!(self, Plan::All)
    }
}

/// Escapes text for HTML element content and attribute values (the one escaper of the
/// renderers that write HTML without the template engine).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Renders every output of the site into `out`; returns the renderers' findings (the WeChat
/// exports' limits), which the caller reports and gates on before committing `out`.
pub fn render_site(site: &Site, theme: &Theme, out: &Output) -> anyhow::Result<Vec<Diagnostic>> {
    render_plan(site, theme, &Plan::All, out)
}

/// Renders what `plan` asks for into `out`.
pub fn render_plan(
    site: &Site,
    theme: &Theme,
    plan: &Plan,
    out: &Output,
) -> anyhow::Result<Vec<Diagnostic>> {
    render_prepared(&mut Prepared::default(), site, theme, plan, out)
}

/// Like [`render_plan`], reusing (and updating) the engine and values of earlier renders of
/// the same theme (`serve`).
pub fn render_prepared(
    prepared: &mut Prepared,
    site: &Site,
    theme: &Theme,
    plan: &Plan,
    out: &Output,
) -> anyhow::Result<Vec<Diagnostic>> {
    use crate::timing::stage;
    let fresh = prepared.update(site, theme, plan)?;
    let (tera, refs) = (prepared.tera(), prepared.refs());
    // A change of what every page shows (menu, tag names) renders every item's page.
    let pages = if fresh.all_pages { &Plan::All } else { plan };
    stage("item pages", || {
        html::render_items(site, pages, tera, refs, out)
    })?;
    stage("print pages", || {
        print::render_print(site, plan, tera, refs, out)
    })?;
    stage("list pages", || {
        lists::render_lists(site, plan, fresh.lists.as_ref(), tera, refs, out)
    })?;
    stage("home and feeds", || {
        feeds::render_feeds(site, plan, tera, refs, out)
    })?;
    if fresh.progress {
        stage("progress page", || {
            progress::render_progress(site, tera, refs, out)
        })?;
    }
    let shards = stage("search index", || {
        search::render_index(site, plan, fresh.unmoved.as_deref(), refs, out)
    })?;
    let diags = stage("wechat exports", || wechat::render(site, plan, tera, out))?;
    if !plan.lists_unchanged() {
        let mut ctx = html::base_context(refs, "");
        ctx.insert("shards", &shards);
        ctx.insert("suggest", &search::suggestions(site));
        out.write(
            "search.html",
            html::render(tera, "search.html", &ctx, "search.html")?.as_bytes(),
        )?;
    }
    if !plan.is_all() {
        return Ok(diags);
    }
    for (rel, bytes) in theme.statics() {
        out.write_from(Path::new("themes"), &format!("static/{rel}"), bytes)?;
    }
    for rel in &site.static_files {
        let source = Path::new("content/static").join(rel);
        let src = site.root.join(&source);
        let bytes = std::fs::read(&src).with_context(|| format!("无法读取 {}", src.display()))?;
        out.write_from(
            &source,
            &format!("static/{}", crate::diag::display_path(rel)),
            &bytes,
        )?;
    }
    Ok(diags)
}
