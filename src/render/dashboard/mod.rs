//! The staff dashboard (工作台, `output/index.html`): what staff need today, opened from disk
//! beside the public `site/` folder — the current phase with its tasks and days left, what was
//! published per phase and channel, the proofreading findings by file, and links to every print
//! batch, WeChat export and LED screen with what plays today.
//!
//! It is not one of [`super::RENDERERS`]: it shows the findings of proofreading (which runs
//! beside the renderers) and of every renderer, and lists the files the renderers wrote, so it
//! is rendered after them, once the build has passed its gate (`cmd::build`), and after every
//! rebuild in `serve`.

mod channels;
mod findings;

pub use findings::{DETAILED, PER_FILE};

use std::path::PathBuf;

use super::Prepared;
use super::templates::{base_context, render};
use crate::check::tally::Tally;
use crate::content::Site;
use crate::diag::Diagnostic;
use crate::output::{DASHBOARD, Dest, Emitted, Output};

/// What the renderers wrote: every file with its source, and a way to read one back (the LED
/// feeds, for what plays today).
pub struct Written<'a> {
    pub files: &'a [Emitted],
    pub read: &'a dyn Fn(&str) -> Option<Vec<u8>>,
}

/// Renders the dashboard for what `out` received and emits it as a staff file.
pub fn render_dashboard<D: AsRef<Diagnostic>>(
    prepared: &Prepared,
    site: &Site,
    out: &Output,
    findings: &[D],
    tally: &Tally,
) -> anyhow::Result<()> {
    let files = out.emitted();
    let read = |p: &str| out.read(p);
    let html = dashboard(
        prepared,
        site,
        &Written {
            files: &files,
            read: &read,
        },
        findings,
        tally,
    )?;
    out.emit(Dest::staff(DASHBOARD), html.as_bytes())
}

/// The dashboard page for `site` (rendered with `prepared`, which a render of the site made
/// ready), the files `written` and the `findings`: those it lists, sorted by path, line and
/// column, with the `tally` of all (see `check::tally`).
pub fn dashboard<D: AsRef<Diagnostic>>(
    prepared: &Prepared,
    site: &Site,
    written: &Written<'_>,
    findings: &[D],
    tally: &Tally,
) -> anyhow::Result<String> {
    let refs = prepared.refs();
    // Links into the public site start with `site/`, staff materials are beside the page.
    let mut ctx = base_context(refs, crate::output::PUBLIC);
    let published = channels::published(site, written.files);
    ctx.insert("published", &published);
    ctx.insert("totals", &channels::totals(&published));
    ctx.insert("print", &channels::print(site, written.files));
    ctx.insert("wechat", &channels::wechat(site, written.files));
    ctx.insert("led", &channels::led(written));
    ctx.insert(
        "led_index",
        &written.files.iter().any(|f| f.path == "led/index.html"),
    );
    ctx.insert(
        "findings",
        &findings::summary(site, written.files, findings, tally),
    );
    ctx.insert(
        "has_feeds",
        &written.files.iter().any(|f| f.path == "site/atom.xml"),
    );
    render(prepared.tera(), "dashboard.html", &ctx, DASHBOARD)
}

/// The source of every emitted file that has one, as the items know it.
fn sources(files: &[Emitted]) -> impl Iterator<Item = (&str, &PathBuf)> {
    files
        .iter()
        .filter_map(|f| f.source.as_ref().map(|s| (f.path.as_str(), s)))
}
