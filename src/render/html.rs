//! One page per item, through the theme's templates (tera 2, autoescaped).

use anyhow::Context as _;
use rayon::prelude::*;

use super::templates::{base_context, render_bytes};
use super::{Cx, Plan, context, placeholders};
use crate::diag::Diagnostic;
use crate::output::Dest;

/// The page of each item in the plan (of every item when what all pages show changed).
pub fn render_items(cx: &Cx<'_>) -> anyhow::Result<Vec<Diagnostic>> {
    let (site, tera, refs) = (cx.site, cx.tera, cx.refs);
    // A change of what every page shows (menu, tag names) renders every item's page.
    let plan = if cx.fresh.all_pages {
        &Plan::All
    } else {
        cx.plan
    };
    let picked: Vec<usize> = (0..site.items.len())
        .filter(|&n| plan.includes(&site.items[n]))
        .collect();
    // The title breaker's lexicon (the LED feed's, with the site's names), loaded once.
    let lexicon = std::sync::OnceLock::new();
    picked.into_par_iter().try_for_each(|n| {
        let item = &site.items[n];
        let _at = crate::crash::at(item.path());
        let mut ctx = base_context(refs, "../");
        ctx.insert_value("page", refs.item_values[n].clone());
        ctx.insert("fm", &context::front_matter(item));
        ctx.insert("attachments", &refs.attachments(site, item));
        ctx.insert("attachment_of", refs.attached_to(n));
        let content = scroll_tables(&placeholders::blanks(item, item.roster(site)));
        if item.kind.is_official() {
            let lex = lexicon.get_or_init(|| super::led::site::lexicon(site));
            let gw = super::gongwen::document(item, &content, lex);
            // `content` and `annexes` as before, for themes written against them.
            ctx.insert("content", gw["body"].as_str().unwrap_or(""));
            ctx.insert("annexes", gw["annexes"].as_str().unwrap_or(""));
            ctx.insert("gw", &gw);
            ctx.insert("paper", &false);
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
        let html = render_bytes(tera, template, &ctx, &rel)?;
        cx.out
            .emit(Dest::public(&rel).from(&item.source), &html)
            .with_context(|| format!("写入 {rel}"))
    })?;
    Ok(Vec::new())
}

/// Each table of a body in its own scroll box, which a keyboard can reach and scroll: a wide
/// table (a plan's schedule) scrolls sideways on a phone instead of squeezing its columns to
/// one character a line. Bodies hold no raw HTML (it is shown as text), so every `<table>` is
/// one of Markdown's.
fn scroll_tables(html: &str) -> String {
    if !html.contains("<table>") {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    let mut n = 0;
    while let Some(at) = rest.find("<table>") {
        n += 1;
        out.push_str(&rest[..at]);
        out.push_str(&format!(
            r#"<div class="scroll-box" tabindex="0" role="region" aria-label="表格{n}">"#
        ));
        let end = rest[at..]
            .find("</table>")
            .map_or(rest.len(), |e| at + e + "</table>".len());
        out.push_str(&rest[at..end]);
        out.push_str("</div>");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_table_gets_its_own_numbered_scroll_box() {
        let html = "<p>甲</p><table><tr><td>1</td></tr></table><p>乙</p><table></table>";
        assert_eq!(
            super::scroll_tables(html),
            "<p>甲</p><div class=\"scroll-box\" tabindex=\"0\" role=\"region\" aria-label=\"表格1\"><table><tr><td>1</td></tr></table></div><p>乙</p><div class=\"scroll-box\" tabindex=\"0\" role=\"region\" aria-label=\"表格2\"><table></table></div>"
        );
        assert_eq!(super::scroll_tables("<p>无表格</p>"), "<p>无表格</p>");
    }
}
