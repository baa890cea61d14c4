//! One page per item, through the theme's templates (tera 2, autoescaped).

use anyhow::{Context as _, anyhow};
use rayon::prelude::*;
use tera::{Context, Tera};

use super::Plan;
use super::context::{self, Refs};
use crate::content::Site;
use crate::output::Output;
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

/// The page of each item in `plan`.
pub fn render_items(
    site: &Site,
    plan: &Plan,
    tera: &Tera,
    refs: &Refs,
    out: &Output,
) -> anyhow::Result<()> {
    let picked: Vec<usize> = (0..site.items.len())
        .filter(|&n| plan.includes(&site.items[n]))
        .collect();
    picked.into_par_iter().try_for_each(|n| {
        let item = &site.items[n];
        let mut ctx = base_context(refs, "../");
        ctx.insert_value("page", refs.item_values[n].clone());
        ctx.insert("fm", &context::front_matter(item));
        ctx.insert("attachments", &refs.attachments(site, item));
        ctx.insert("attachment_of", refs.attached_to(n));
        let content = super::print::blanks(item, item.roster(site));
        if item.kind.is_official() {
            let marked = super::gongwen::levels(&content);
            let (body, annexes) = super::gongwen::split_annexes(&marked);
            ctx.insert("content", body);
            ctx.insert("annexes", annexes);
        } else {
            ctx.insert("content", &content);
        }
        if item.kind.is_letter() {
            ctx.insert("letter", &context::letter(item));
        }
        // Public pages carry no staff tool: print batches and WeChat exports are linked from
        // the staff dashboard only.
        ctx.insert("headings", &item.body.headings);
        let own = format!("{}.html", item.kind.id());
        let template = if tera.get_template_names().any(|t| t == own) {
            own.as_str()
        } else {
            "item.html"
        };
        let rel = item.url();
        let html = render(tera, template, &ctx, &rel)?;
        out.write_from(&item.source, &rel, html.as_bytes())
            .with_context(|| format!("写入 {rel}"))
    })
}
