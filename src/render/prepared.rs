//! What rendering needs before the first page: the template engine and the shared template
//! values ([`Refs`]). `build` makes them once; `serve` keeps them between rebuilds and, for
//! items edited in place ([`Plan::Edited`]), patches only the edited items' entries.

use serde_json::Value;
use tera::Tera;

use super::Plan;
use super::context::{self, Refs};
use crate::content::Site;
use crate::theme::Theme;

/// The engine and values of one theme and one site, kept across renders.
#[derive(Default)]
pub struct Prepared {
    tera: Option<Tera>,
    refs: Option<Refs>,
    /// Each item's `stats` (what the progress page adds up), in item order.
    stats: Vec<Option<Value>>,
}

/// What a render may skip because the values it depends on did not change.
pub struct Fresh {
    /// Whether the progress page must be rendered (its figures may have changed).
    pub progress: bool,
}

impl Prepared {
    /// Brings the engine and values up to date with `site` for `plan`. The engine is built once
    /// (a theme change starts a new `Prepared`); the values are built again unless the plan
    /// only edits items in place, in which case those items' entries are replaced.
    pub fn update(&mut self, site: &Site, theme: &Theme, plan: &Plan) -> anyhow::Result<Fresh> {
        use crate::timing::stage;
        if self.tera.is_none() {
            self.tera = Some(stage("template engine", || super::html::engine(theme))?);
        }
        let stats = |n: usize| site.items[n].fm.values.get("stats").cloned();
        if let (Plan::Edited(_), Some(refs)) = (plan, self.refs.as_mut())
            && aligned(refs, site)
        {
            let old = &mut self.stats;
            let progress = stage("template values (edited items)", || {
                let mut progress = false;
                for n in (0..site.items.len()).filter(|&n| plan.includes(&site.items[n])) {
                    refs.set_item(site, n);
                    let s = stats(n);
                    progress |= old[n] != s;
                    old[n] = s;
                }
                progress
            });
            return Ok(Fresh { progress });
        }
        self.refs = Some(stage("template values", || Refs::new(site)));
        self.stats = (0..site.items.len()).map(stats).collect();
        Ok(Fresh { progress: true })
    }

    pub fn tera(&self) -> &Tera {
        self.tera.as_ref().expect("Prepared::update first")
    }

    pub fn refs(&self) -> &Refs {
        self.refs.as_ref().expect("Prepared::update first")
    }
}

/// Whether `refs` lists the same items in the same order as `site` (what an in-place edit
/// promises; checked, so that a broken promise costs time instead of wrong pages).
fn aligned(refs: &Refs, site: &Site) -> bool {
    refs.items.len() == site.items.len()
        && refs.items.iter().zip(&site.items).all(|(r, i)| {
            // `r.url == i.url()` without formatting 10,000 strings.
            r.kind == i.kind.id()
                && r.url
                    .strip_prefix(i.kind.section())
                    .and_then(|u| u.strip_prefix('/'))
                    .and_then(|u| u.strip_suffix(".html"))
                    == Some(i.slug.as_str())
        })
}

impl Refs {
    /// Replaces item `n`'s entries after it was edited in place (same list keys).
    fn set_item(&mut self, site: &Site, n: usize) {
        let r = context::item_ref(site, &site.items[n]);
        self.item_values[n] = tera::Value::from_serializable(&r);
        self.items[n] = r;
    }
}
