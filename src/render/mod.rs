//! RENDER: the loaded [`Site`] becomes files. Every output channel is a [`Renderer`] in one
//! list, [`RENDERERS`]: item pages, print pages (mail merge and 公文), lists, home and feeds, the progress page, the
//! search index, WeChat exports, the LED feed and the copied static files. Each one takes the
//! same [`Cx`] (the site, the plan, the theme's engine and shared values, the output), emits
//! every file it makes tagged with who may see it and what it came from
//! ([`crate::output::Dest`]), and returns its findings. `build` and `serve` run the same list.
//! The staff dashboard ([`render_dashboard`]) comes after them: it shows their findings and
//! the files they wrote.

mod context;
mod dashboard;
mod feeds;
mod gongwen;
mod html;
pub mod led;
mod lists;
mod memo;
pub mod paper;
mod placeholders;
mod prepared;
pub mod print;
mod progress;
mod search;
mod statics;
mod templates;
pub mod wechat;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tera::Tera;

use crate::content::{Item, Site};
use crate::diag::Diagnostic;
use crate::output::Output;
use crate::theme::Theme;

pub use context::Refs;
pub use dashboard::{DETAILED, PER_FILE, Written, dashboard, render_dashboard};
pub use prepared::{Fresh, Prepared};
pub use templates::{TemplateError, engine};

/// Everything a renderer is given.
pub struct Cx<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    /// What to render (everything, or the outputs of some items).
    pub plan: &'a Plan,
    /// What the plan may skip because it did not change.
    pub fresh: &'a Fresh,
    /// The theme's template engine.
    pub tera: &'a Tera,
    /// The template values of the site and its items, made once per render.
    pub refs: &'a Refs,
    /// The aggregate pages of the last render, and what this one wrote of them.
    pub memo: &'a memo::Memo,
    pub out: &'a Output,
}

/// One output channel of the site: it emits its files into `cx.out` as it makes them (a
/// 10,000-page site never holds its pages twice) and returns its findings, which the caller
/// reports and gates on before the output is committed.
pub struct Renderer {
    pub name: &'static str,
    pub render: fn(&Cx<'_>) -> anyhow::Result<Vec<Diagnostic>>,
}

/// Every renderer, in the order their findings are reported.
pub const RENDERERS: [Renderer; 10] = [
    Renderer {
        name: "item pages",
        render: html::render_items,
    },
    Renderer {
        name: "print pages",
        render: print::render_print,
    },
    Renderer {
        name: "公文 print pages",
        render: paper::render_paper,
    },
    Renderer {
        name: "list pages",
        render: lists::render_lists,
    },
    Renderer {
        name: "home and feeds",
        render: feeds::render_feeds,
    },
    Renderer {
        name: "progress page",
        render: progress::render_progress,
    },
    Renderer {
        name: "search",
        render: search::render_search,
    },
    Renderer {
        name: "wechat exports",
        render: wechat::render,
    },
    Renderer {
        name: "led feed",
        render: led::site::render,
    },
    Renderer {
        name: "static files",
        render: statics::render_statics,
    },
];

/// What a render produces. Every renderer follows the same rule: outputs of one item (its page,
/// its WeChat export, its print pages) are rendered only when [`Plan::includes`] the item and
/// emitted with the item as their source ([`crate::output::Dest::from`]); pages that aggregate
/// items (home, lists, feeds, search, LED feeds) are emitted without a source, always — except
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
    /// The outputs of these sources (items) plus all aggregate pages. `led`: whether the LED
    /// feed showed or shows one of them (before or after the change); if not, the feed is
    /// declared unchanged instead of rendered again.
    Items {
        sources: BTreeSet<PathBuf>,
        led: bool,
    },
    /// Like `Items`, for items edited in place: every list keeps its members and their order,
    /// so list pages that show none of these items are left as they are.
    Edited {
        sources: BTreeSet<PathBuf>,
        led: bool,
    },
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
            Plan::Items { sources: s, .. } | Plan::Edited { sources: s, .. } => {
                crate::content::has_source(s, source)
            }
        }
    }

    /// The sources of a partial render (`None`: the whole site).
    pub fn sources(&self) -> Option<&BTreeSet<PathBuf>> {
        match self {
            Plan::All => None,
            Plan::Items { sources, .. } | Plan::Edited { sources, .. } => Some(sources),
        }
    }

    /// Whether list pages without any included item may be skipped.
    pub fn lists_unchanged(&self) -> bool {
        matches!(self, Plan::Edited { .. })
    }

    /// Whether the LED feed (an aggregate of slogans) is rendered again.
    pub fn renders_led(&self) -> bool {
        match self {
            Plan::All => true,
            Plan::Items { led, .. } | Plan::Edited { led, .. } => *led,
        }
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

/// Renders every output of the site into `out`; returns the renderers' findings, which the
/// caller reports and gates on before committing `out`.
pub fn render_site(site: &Site, theme: &Theme, out: &Output) -> anyhow::Result<Vec<Diagnostic>> {
    render_prepared(&mut Prepared::default(), site, theme, &Plan::All, out)
}

/// Renders what `plan` asks for into `out`, reusing (and updating) the engine and values of
/// earlier renders of the same theme (`serve`). The renderers of a full render run side by
/// side; their findings come back in the order of [`RENDERERS`].
pub fn render_prepared(
    prepared: &mut Prepared,
    site: &Site,
    theme: &Theme,
    plan: &Plan,
    out: &Output,
) -> anyhow::Result<Vec<Diagnostic>> {
    let fresh = prepared.update(site, theme, plan)?;
    let cx = Cx {
        site,
        theme,
        plan,
        fresh: &fresh,
        tera: prepared.tera(),
        refs: prepared.refs(),
        memo: &prepared.memo,
        out,
    };
    let run = |r: &Renderer| crate::timing::stage(r.name, || (r.render)(&cx));
    // A full render runs the renderers side by side; a partial one (serve) has little to do
    // in each, and side by side they only contend for the cores each already spreads over.
    let found: Vec<Vec<Diagnostic>> = if plan.is_all() {
        RENDERERS
            .par_iter()
            .map(run)
            .collect::<anyhow::Result<_>>()?
    } else {
        RENDERERS.iter().map(run).collect::<anyhow::Result<_>>()?
    };
    prepared.memo.finish(plan);
    Ok(found.into_iter().flatten().collect())
}
