//! The theme's template engine (tera 2, autoescaped) and what every template gets.

use anyhow::anyhow;
use tera::{Context, Tera};

use super::context::Refs;
use crate::theme::Theme;

/// Builds the template engine from the theme (default files overridden by the site's).
pub fn engine(theme: &Theme) -> anyhow::Result<Tera> {
    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    tera.add_raw_templates(theme.templates())
        .map_err(|e| anyhow!("主题模板有误：{e}"))?;
    Ok(tera)
}

/// A context with what every page has: `site`, `root` (relative path to the output root).
pub fn base_context(refs: &Refs, root: &str) -> Context {
    let mut ctx = Context::new();
    ctx.insert_value("site", refs.site_value.clone());
    ctx.insert("root", root);
    ctx
}

/// Renders `template` for output path `rel`, naming both in errors.
pub fn render(tera: &Tera, template: &str, ctx: &Context, rel: &str) -> anyhow::Result<String> {
    tera.render(template, ctx)
        .map_err(|e| anyhow!("生成 {rel} 时模板 {template} 出错：{e}"))
}
