//! The files copied as they are: the theme's `static/` and the site's `content/static/`, both
//! public, each owned by its source. Copied only by a full render.

use std::path::Path;

use anyhow::Context as _;

use super::Cx;
use crate::diag::{Diagnostic, display_path};
use crate::output::Dest;

pub fn render_statics(cx: &Cx<'_>) -> anyhow::Result<Vec<Diagnostic>> {
    if !cx.plan.is_all() {
        return Ok(Vec::new());
    }
    for (rel, bytes) in cx.theme.statics() {
        let rel = format!("static/{rel}");
        cx.out
            .emit(Dest::public(&rel).from(Path::new("themes")), bytes)?;
    }
    for rel in &cx.site.static_files {
        let source = Path::new("content/static").join(rel);
        let src = cx.site.root.join(&source);
        let bytes = std::fs::read(&src).with_context(|| format!("无法读取 {}", src.display()))?;
        let rel = format!("static/{}", display_path(rel));
        cx.out.emit(Dest::public(&rel).from(&source), &bytes)?;
    }
    Ok(Vec::new())
}
