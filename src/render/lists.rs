//! List pages: per section, type, phase, unit and tag, paginated.

use rayon::prelude::*;

use super::context::Refs;
use super::html::{base_context, render};
use crate::content::kind::{ALL, SECTIONS};
use crate::content::{Site, slug};
use crate::output::Output;

/// Items per list page.
pub const PER_PAGE: usize = 30;

struct List {
    /// Output path without `.html`, e.g. `notices/index`, `tags/an-quan`.
    base: String,
    title: String,
    kind: &'static str,
    items: Vec<usize>,
}

pub fn render_lists(
    site: &Site,
    plan: &super::Plan,
    tera: &tera::Tera,
    refs: &Refs,
    out: &Output,
) -> anyhow::Result<()> {
    let mut lists = Vec::new();
    let all: Vec<usize> = (0..site.items.len()).collect();
    let pick =
        |f: &dyn Fn(usize) -> bool| all.iter().copied().filter(|&i| f(i)).collect::<Vec<_>>();
    for (id, name) in SECTIONS {
        let items = pick(&|i| site.items[i].kind.section() == id);
        if !items.is_empty() {
            lists.push(List {
                base: format!("{id}/index"),
                title: name.to_string(),
                kind: "section",
                items,
            });
        }
    }
    for k in ALL {
        let items = pick(&|i| site.items[i].kind == k);
        if !items.is_empty() {
            lists.push(List {
                base: format!("types/{}", k.id()),
                title: k.label().to_string(),
                kind: "type",
                items,
            });
        }
    }
    for (n, p) in site.campaign.phases.iter().enumerate() {
        let items = pick(&|i| site.items[i].phase == Some(n));
        lists.push(List {
            base: format!("phases/{}", p.id),
            title: format!("{}阶段", p.name),
            kind: "phase",
            items,
        });
    }
    for (n, u) in site.campaign.units.iter().enumerate() {
        let items = pick(&|i| site.items[i].unit == Some(n));
        lists.push(List {
            base: format!("units/{}", u.id),
            title: u.name.clone(),
            kind: "unit",
            items,
        });
    }
    let mut tags: Vec<&String> = site.items.iter().flat_map(|i| &i.tags).collect();
    tags.sort();
    tags.dedup();
    for t in tags {
        let items = pick(&|i| site.items[i].tags.contains(t));
        lists.push(List {
            base: format!("tags/{}", slug::for_name(t)),
            title: format!("标签：{t}"),
            kind: "tag",
            items,
        });
    }
    let mut pages: Vec<(&List, usize)> = lists
        .iter()
        .flat_map(|l| (0..l.items.len().div_ceil(PER_PAGE).max(1)).map(move |p| (l, p)))
        .collect();
    if plan.lists_unchanged() {
        // Only the pages showing an edited item change.
        pages.retain(|(l, p)| {
            l.items
                .iter()
                .skip(p * PER_PAGE)
                .take(PER_PAGE)
                .any(|&i| plan.includes(&site.items[i]))
        });
    }
    pages.par_iter().try_for_each(|(l, p)| {
        let total = l.items.len().div_ceil(PER_PAGE).max(1);
        let chunk: Vec<tera::Value> = l
            .items
            .iter()
            .skip(p * PER_PAGE)
            .take(PER_PAGE)
            .map(|&i| refs.item_values[i].clone())
            .collect();
        let name = |k: usize| {
            let file = l.base.rsplit('/').next().unwrap_or("index");
            if k == 0 {
                format!("{file}.html")
            } else {
                format!("{file}-{}.html", k + 1)
            }
        };
        let mut ctx = base_context(refs, "../");
        ctx.insert(
            "list",
            &serde_json::json!({
                "title": l.title,
                "kind": l.kind,
                "total": l.items.len(),
                "page": p + 1,
                "pages": total,
                "prev": if *p > 0 { Some(name(p - 1)) } else { None },
                "next": if p + 1 < total { Some(name(p + 1)) } else { None },
            }),
        );
        ctx.insert_value("items", tera::Value::from(chunk));
        let rel = if *p == 0 {
            format!("{}.html", l.base)
        } else {
            format!("{}-{}.html", l.base, p + 1)
        };
        let html = render(tera, "list.html", &ctx, &rel)?;
        out.write(&rel, html.as_bytes())
    })?;
    if plan.lists_unchanged() {
        return Ok(());
    }
    // The tag index.
    let ctx = base_context(refs, "../");
    let html = render(tera, "tags.html", &ctx, "tags/index.html")?;
    out.write("tags/index.html", html.as_bytes())
}
