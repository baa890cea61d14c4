//! What rendering needs before the first page: the template engine and the shared template
//! values ([`Refs`]). `build` makes them once; `serve` keeps them between rebuilds: for items
//! edited in place ([`Plan::Edited`]) only those items' entries are replaced, otherwise the
//! entries of the items outside the plan are reused (an item's entry depends on nothing else).

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde_json::Value;
use tera::Tera;

use super::Plan;
use super::context::{self, Refs};
use crate::content::{Item, Kind, Site};
use crate::theme::Theme;
use crate::timing::stage;

/// The engine and values of one theme and one site, kept across renders.
#[derive(Default)]
pub struct Prepared {
    tera: Option<Tera>,
    refs: Option<Refs>,
    /// The source of each entry of `refs`.
    sources: Vec<PathBuf>,
    /// What the progress page counts and adds up, per item in site order.
    progress: Vec<ProgressInput>,
    /// The aggregate pages of the last render.
    pub memo: super::memo::Memo,
}

type ProgressInput = (Kind, Option<usize>, Option<usize>, Option<Value>);

fn progress_input(i: &Item) -> (Kind, Option<usize>, Option<usize>, Option<&Value>) {
    (i.kind, i.phase, i.unit, i.fm.values.get("stats"))
}

/// What a render may skip because the values it depends on did not change, or must add.
pub struct Fresh {
    /// Whether the progress page must be rendered (its figures may have changed).
    pub progress: bool,
    /// Whether every item's page must be rendered: what all pages show of the site (the menu
    /// of sections and pages, the tag names) changed.
    pub all_pages: bool,
    /// The lists (output paths without `.html`, e.g. `tags/an-quan`) that held or hold an
    /// included item, when only they can have changed; `None`: any list may have.
    pub lists: Option<BTreeSet<String>>,
    /// Per item (site order), whether it is outside the plan and at the same place as in the
    /// previous render, when that is known; what shows only such items did not change.
    pub unmoved: Option<Vec<bool>>,
    /// How many items the previous render had, when it is known and this render is partial.
    pub items_before: Option<usize>,
    /// A fingerprint of the `site` template value (see `memo.rs`).
    pub site_fp: u64,
    /// The same without the counts of items per phase and tag, which only the home page and
    /// the tag index show (see `shared_shape`).
    pub shape_fp: u64,
}

impl Prepared {
    /// Brings the engine and values up to date with `site` for `plan`. The engine is built once
    /// (a theme change starts a new `Prepared`).
    pub fn update(&mut self, site: &Site, theme: &Theme, plan: &Plan) -> anyhow::Result<Fresh> {
        if self.tera.is_none() {
            self.tera = Some(stage("template engine", || {
                super::templates::engine(theme)
            })?);
        }
        let before = self.refs.as_ref().map(|r| shared_shape(&r.site));
        let mut lists = None;
        let refs = match (plan, self.refs.take()) {
            (Plan::Edited { .. }, Some(mut refs)) if aligned(&refs, site) => {
                stage("template values (edited items)", || {
                    let links = context::Links::of_campaign(site);
                    for n in (0..site.items.len()).filter(|&n| plan.includes(&site.items[n])) {
                        refs.set_item(site, n, &links);
                    }
                    // An edited notice may list other attachments.
                    refs.by_name = crate::content::attach::names(&site.items);
                    refs.attached_to = context::backlinks(site, &refs.item_values, &refs.by_name);
                });
                refs
            }
            (Plan::All, _) | (_, None) => stage("template values", || Refs::new(site)),
            (_, Some(old)) => stage("template values (reused)", || {
                let mut bases = BTreeSet::new();
                for (n, source) in self.sources.iter().enumerate() {
                    if plan.includes_source(source) {
                        bases.extend(list_bases(&old.item_values[n]));
                    }
                }
                lists = Some(bases);
                reuse(site, plan, old, &self.sources)
            }),
        };
        // Without earlier values (first render, or after a failed one) nothing is known.
        let shape = shared_shape(&refs.site);
        let shape_fp = super::memo::fingerprint(shape.to_string());
        let all_pages = match before {
            Some(b) => b != shape,
            None => !plan.is_all(),
        };
        if all_pages {
            lists = None;
        }
        let unmoved = (lists.is_some() && !all_pages).then(|| {
            let old = &self.sources;
            (0..site.items.len())
                .map(|n| {
                    let i = &site.items[n];
                    !plan.includes(i)
                        && old.get(n).is_some_and(|s| {
                            s.as_os_str().as_encoded_bytes()
                                == i.source.as_os_str().as_encoded_bytes()
                        })
                })
                .collect()
        });
        let items_before = unmoved.is_some().then_some(self.sources.len());
        if !matches!(plan, Plan::Edited { .. }) || self.sources.len() != site.items.len() {
            self.sources = site.items.iter().map(|i| i.source.clone()).collect();
        }
        if let Some(bases) = lists.as_mut() {
            for (n, i) in site.items.iter().enumerate() {
                if plan.includes(i) {
                    bases.extend(list_bases(&refs.item_values[n]));
                }
            }
        }
        self.refs = Some(refs);
        // Only an in-place edit may leave the progress page out (see the Plan rule).
        let progress = !plan.lists_unchanged()
            || self.progress.len() != site.items.len()
            || self
                .progress
                .iter()
                .zip(&site.items)
                .any(|((k, p, u, s), i)| (*k, *p, *u, s.as_ref()) != progress_input(i));
        if progress {
            self.progress = site
                .items
                .iter()
                .map(|i| {
                    let (k, p, u, s) = progress_input(i);
                    (k, p, u, s.cloned())
                })
                .collect();
        }
        let site_fp = super::memo::fingerprint(self.refs().site.to_string());
        Ok(Fresh {
            site_fp,
            shape_fp,
            progress,
            all_pages,
            lists,
            unmoved,
            items_before,
        })
    }

    /// Whether a render made the engine and values ready (see [`Prepared::update`]).
    pub fn is_ready(&self) -> bool {
        self.tera.is_some() && self.refs.is_some()
    }

    pub fn tera(&self) -> &Tera {
        self.tera.as_ref().expect("Prepared::update first")
    }

    pub fn refs(&self) -> &Refs {
        self.refs.as_ref().expect("Prepared::update first")
    }

    /// Frees the items' values once the last page that shows items is written (a build's
    /// dashboard shows only the `site` value): the room they held takes what comes after.
    pub fn release_items(&mut self) {
        if let Some(refs) = &mut self.refs {
            refs.item_values = Vec::new();
        }
    }
}

/// The lists an item is on (see `lists.rs`): its section, its type, its phase, its unit and
/// its tags.
fn list_bases(r: &tera::Value) -> Vec<String> {
    let field = |key| context::field(r, key);
    let mut out = vec![
        format!("{}/index", field("section")),
        format!("types/{}", field("kind")),
    ];
    let tags = r.get_from_path("tags").and_then(tera::Value::as_array);
    let links = ["phase", "unit"]
        .into_iter()
        .filter_map(|k| r.get_from_path(k))
        .chain(tags.unwrap_or_default());
    out.extend(links.map(|l| {
        context::field(l, "url")
            .trim_end_matches(".html")
            .to_string()
    }));
    out
}

/// The `site` value without the item counts (of phases and tags), which only pages that
/// aggregate items show (and which are rendered again whenever items move).
fn shared_shape(site: &Value) -> Value {
    let mut v = site.clone();
    for key in ["phases", "tags"] {
        if let Some(list) = v.get_mut(key).and_then(Value::as_array_mut) {
            for entry in list.iter_mut().filter_map(Value::as_object_mut) {
                entry.remove("count");
            }
        }
    }
    // Tags are ordered by count.
    if let Some(tags) = v.get_mut("tags").and_then(Value::as_array_mut) {
        tags.sort_by_key(Value::to_string);
    }
    v
}

/// New values for `site`, taking the entries of items outside `plan` from `old` (whose
/// entries belong to `sources`).
fn reuse(site: &Site, plan: &Plan, old: Refs, sources: &[PathBuf]) -> Refs {
    let mut kept: Vec<Option<tera::Value>> = old.item_values.into_iter().map(Some).collect();
    // Most items keep their place, or move by one with the item added, deleted or moved
    // before them: each is looked for where the one before it was found, then one place either
    // side, and by path only when all of these miss.
    let mut at: Option<HashMap<&Path, usize>> = None;
    let mut shift: isize = 0;
    let mut values = Vec::with_capacity(site.items.len());
    let links = context::Links::of_campaign(site);
    for (k, i) in site.items.iter().enumerate() {
        let bytes = i.source.as_os_str().as_encoded_bytes();
        let same = |n: &usize| {
            sources
                .get(*n)
                .is_some_and(|s| s.as_os_str().as_encoded_bytes() == bytes)
        };
        let was = if plan.includes(i) {
            None
        } else {
            let near = [shift, shift - 1, shift + 1]
                .into_iter()
                .filter_map(|d| k.checked_add_signed(d))
                .find(same);
            let found = near.or_else(|| {
                at.get_or_insert_with(|| {
                    sources
                        .iter()
                        .enumerate()
                        .map(|(n, p)| (p.as_path(), n))
                        .collect()
                })
                .get(i.source.as_path())
                .copied()
            });
            if let Some(n) = found {
                shift = n as isize - k as isize;
            }
            found
        };
        let v = was
            .and_then(|n| kept.get_mut(n)?.take())
            .unwrap_or_else(|| context::item_value(site, i, &links));
        values.push(v);
    }
    Refs::from_items(site, values)
}

/// Whether `refs` lists the same items in the same order as `site` (what an in-place edit
/// promises; checked, so that a broken promise costs time instead of wrong pages).
fn aligned(refs: &Refs, site: &Site) -> bool {
    refs.item_values.len() == site.items.len()
        && refs.item_values.iter().zip(&site.items).all(|(r, i)| {
            // `url == i.url()` without formatting 10,000 strings.
            context::field(r, "kind") == i.kind.id()
                && context::field(r, "url")
                    .strip_prefix(i.kind.section())
                    .and_then(|u| u.strip_prefix('/'))
                    .and_then(|u| u.strip_suffix(".html"))
                    == Some(i.slug.as_str())
        })
}

impl Refs {
    /// Replaces item `n`'s entries after it was edited in place (same list keys).
    fn set_item(&mut self, site: &Site, n: usize, links: &context::Links) {
        self.item_values[n] = context::item_value(site, &site.items[n], links);
    }
}
