//! List pages: per section, type, phase, unit and tag, paginated.

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;

use super::Cx;
use super::memo::fingerprint;
use super::templates::{base_context, render, render_bytes};
use crate::content::kind::{ALL, SECTIONS};
use crate::content::{Item, Kind, Site, slug};
use crate::diag::Diagnostic;
use crate::output::Dest;

/// Items per list page.
pub const PER_PAGE: usize = 30;

struct List {
    /// Output path without `.html`, e.g. `notices/index`, `tags/an-quan`.
    base: String,
    title: String,
    kind: &'static str,
    member: Member,
    items: Vec<usize>,
}

/// What puts an item on a list.
enum Member {
    Section(&'static str),
    Type(Kind),
    Phase(usize),
    Unit(usize),
    Tag(String),
}

/// A list's [`Member`] rule as a key.
#[derive(PartialEq, Eq, Hash)]
enum Key<'a> {
    Section(&'static str),
    Type(Kind),
    Phase(usize),
    Unit(usize),
    Tag(&'a str),
}

impl Member {
    fn key(&self) -> Key<'_> {
        match self {
            Member::Section(id) => Key::Section(id),
            Member::Type(k) => Key::Type(*k),
            Member::Phase(n) => Key::Phase(*n),
            Member::Unit(n) => Key::Unit(*n),
            Member::Tag(t) => Key::Tag(t),
        }
    }

    fn holds(&self, i: &Item) -> bool {
        match self {
            Member::Section(id) => i.kind.section() == *id,
            Member::Type(k) => i.kind == *k,
            Member::Phase(n) => i.phase == Some(*n),
            Member::Unit(n) => i.unit == Some(*n),
            Member::Tag(t) => i.tags.contains(t),
        }
    }

    /// The nav section the list belongs to (marked as current in the nav).
    fn section(&self) -> &'static str {
        match self {
            Member::Section(id) => id,
            Member::Type(k) => k.section(),
            _ => "",
        }
    }
}

/// Every list of the site — under [`Plan::lists_unchanged`](super::Plan::lists_unchanged) only
/// those holding an included item — with their members.
fn lists(site: &Site, plan: &super::Plan) -> Vec<List> {
    let list = |base: String, title: String, kind, member| List {
        base,
        title,
        kind,
        member,
        items: Vec::new(),
    };
    let mut lists = Vec::new();
    for (id, name) in SECTIONS {
        lists.push(list(
            format!("{id}/{}", slug::LIST_PAGE),
            name.to_string(),
            "section",
            Member::Section(id),
        ));
    }
    for k in ALL {
        lists.push(list(
            format!("types/{}", k.id()),
            k.label().to_string(),
            "type",
            Member::Type(k),
        ));
    }
    for (n, p) in site.campaign.phases.iter().enumerate() {
        lists.push(list(
            format!("phases/{}", p.id),
            format!("{}阶段", p.name),
            "phase",
            Member::Phase(n),
        ));
    }
    for (n, u) in site.campaign.units.iter().enumerate() {
        lists.push(list(
            format!("units/{}", u.id),
            u.name.clone(),
            "unit",
            Member::Unit(n),
        ));
    }
    let included: Vec<&Item> = site.items.iter().filter(|i| plan.includes(i)).collect();
    let tagged: std::collections::BTreeSet<&String> = if plan.lists_unchanged() {
        included.iter().flat_map(|i| &i.tags).collect()
    } else {
        site.items.iter().flat_map(|i| &i.tags).collect()
    };
    for t in tagged {
        lists.push(list(
            format!("tags/{}", site.tag_slug(t)),
            format!("标签：{t}"),
            "tag",
            Member::Tag(t.clone()),
        ));
    }
    if plan.lists_unchanged() {
        lists.retain(|l| included.iter().any(|i| l.member.holds(i)));
    }
    // One pass over the items (not one per list: a site has hundreds of tags).
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); lists.len()];
    let at: HashMap<Key<'_>, usize> = lists
        .iter()
        .enumerate()
        .map(|(n, l)| (l.member.key(), n))
        .collect();
    for (n, i) in site.items.iter().enumerate() {
        let keys = [Key::Section(i.kind.section()), Key::Type(i.kind)]
            .into_iter()
            .chain(i.phase.map(Key::Phase))
            .chain(i.unit.map(Key::Unit))
            .chain(i.tags.iter().map(|t| Key::Tag(t)));
        for k in keys {
            if let Some(&l) = at.get(&k)
                && members[l].last() != Some(&n)
            {
                members[l].push(n);
            }
        }
    }
    drop(at);
    for (l, m) in lists.iter_mut().zip(members) {
        l.items = m;
    }
    // Sections and types are listed only when they have items; phases and units always.
    lists.retain(|l| !l.items.is_empty() || matches!(l.member, Member::Phase(_) | Member::Unit(_)));
    lists
}

/// The list pages; when only some lists can have changed (`Fresh::lists`), the pages of the
/// others are declared unchanged instead.
pub fn render_lists(cx: &Cx<'_>) -> anyhow::Result<Vec<Diagnostic>> {
    let (site, plan, tera, refs, out) = (cx.site, cx.plan, cx.tera, cx.refs, cx.out);
    let only: Option<&BTreeSet<String>> = cx.fresh.lists.as_ref();
    let lists = lists(site, plan);
    let mut pages: Vec<(&List, usize)> = lists
        .iter()
        .flat_map(|l| (0..l.items.len().div_ceil(PER_PAGE).max(1)).map(move |p| (l, p)))
        .collect();
    if let Some(only) = only {
        pages.retain(|(l, p)| {
            only.contains(&l.base) || {
                cx.memo.keep(out, &page_path(&l.base, *p));
                false
            }
        });
    }
    let shows_planned = |l: &List, p: usize| {
        l.items
            .iter()
            .skip(p * PER_PAGE)
            .take(PER_PAGE)
            .any(|&i| plan.includes(&site.items[i]))
    };
    if plan.lists_unchanged() {
        // Only the pages showing an edited item change.
        pages.retain(|(l, p)| shows_planned(l, *p));
    }
    // A page whose items, place and count are as last time is left as it is.
    pages.retain(|(l, p)| {
        let sources: Vec<&std::path::Path> = l
            .items
            .iter()
            .skip(p * PER_PAGE)
            .take(PER_PAGE)
            .map(|&i| site.items[i].source.as_path())
            .collect();
        let fp = fingerprint((
            cx.fresh.shape_fp,
            &l.base,
            &l.title,
            l.items.len(),
            p,
            sources,
        ));
        let rel = page_path(&l.base, *p);
        !cx.memo.unchanged(plan, out, &rel, shows_planned(l, *p), fp)
    });
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
            let file = l.base.rsplit('/').next().unwrap_or(slug::LIST_PAGE);
            format!("{}.html", slug::page_name(file, k))
        };
        let mut ctx = base_context(refs, "../");
        ctx.insert(
            "list",
            &serde_json::json!({
                "title": l.title,
                "kind": l.kind,
                "section": l.member.section(),
                "total": l.items.len(),
                "page": p + 1,
                "pages": total,
                "prev": if *p > 0 { Some(name(p - 1)) } else { None },
                "next": if p + 1 < total { Some(name(p + 1)) } else { None },
            }),
        );
        ctx.insert_value("items", tera::Value::from(chunk));
        let rel = page_path(&l.base, *p);
        let html = render_bytes(tera, "list.html", &ctx, &rel)?;
        out.emit(Dest::public(&rel), &html)
    })?;
    if plan.lists_unchanged() {
        return Ok(Vec::new());
    }
    // The tag index.
    let rel = format!("tags/{}.html", slug::LIST_PAGE);
    if cx.memo.unchanged(plan, out, &rel, false, cx.fresh.site_fp) {
        return Ok(Vec::new());
    }
    let mut ctx = base_context(refs, "../");
    ctx.insert("nav", "tags");
    let html = render(tera, "tags.html", &ctx, &rel)?;
    out.emit(Dest::public(&rel), html.as_bytes())?;
    Ok(Vec::new())
}

/// Output path of page `p` (from 0) of the list `base`. Items and tags never take these names
/// (the loader makes sure: `slug::is_reserved`, `slug::for_tags`).
fn page_path(base: &str, p: usize) -> String {
    format!("{}.html", slug::page_name(base, p))
}
