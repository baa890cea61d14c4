//! Incremental reload (for `serve`): re-reads the documents that changed on disk and patches a
//! loaded [`Site`] in place, with the same parse-once, `path:line:col` behaviour as [`load`].
//!
//! [`load`]: super::load

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use rayon::prelude::*;

use super::load::{Draft, finish, publishable, read_doc, relink};
use super::{LoadOptions, Site, has_source};
use crate::diag::{Diagnostic, UserErrors, display_path};

/// What [`Site::update`] changed.
#[derive(Debug)]
pub struct Updated {
    /// Sources whose own outputs must be rendered again: the changed ones (also when deleted)
    /// and the documents whose links to them moved.
    pub affected: BTreeSet<PathBuf>,
    /// Whether any list (its members, their order, or what a list shows of them other than the
    /// summary) may have changed; `false` when documents were only edited in place.
    pub lists_changed: bool,
    /// Errors of the checks across documents (attachments, rosters), found after the site
    /// was patched: the site stays patched and what the update affected is still owed to the
    /// outputs, on the next good save.
    pub errors: Vec<Diagnostic>,
}

/// What decides an item's place in lists.
type ListKey = (
    PathBuf,
    String,
    &'static str,
    Option<chrono::NaiveDate>,
    String,
    Option<usize>,
    Option<usize>,
    Vec<String>,
);

impl Site {
    /// Applies added, edited and deleted documents (`content/…/*.md`, relative to the site
    /// root). On user errors the site is left exactly as it was.
    pub fn update(
        &mut self,
        changed: &BTreeSet<PathBuf>,
        opts: &LoadOptions,
    ) -> anyhow::Result<Updated> {
        let root = self.root.clone();
        let canon_root = root
            .canonicalize()
            .with_context(|| format!("无法访问 {}", root.display()))?;
        let parsed: Vec<(Option<Draft>, Vec<Diagnostic>)> = changed
            .par_iter()
            .filter(|rel| root.join(rel).is_file())
            .map(|rel| {
                let mut d = Vec::new();
                let draft = read_doc(&root, &canon_root, rel, &self.campaign, &mut d);
                (draft, d)
            })
            .collect();
        let mut errors = Vec::new();
        let mut notes = Vec::new();
        let mut drafts = Vec::new();
        for (draft, diags) in parsed {
            for d in diags {
                if d.is_error() {
                    errors.push(d)
                } else {
                    notes.push(d)
                }
            }
            drafts.extend(draft);
        }
        drafts.retain(|d| publishable(d, opts, &mut notes));
        self.check_slugs(changed, &drafts, &mut errors);
        if !errors.is_empty() {
            errors.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
            let mut seen = std::collections::HashSet::new();
            errors.retain(|d| seen.insert(d.to_string()));
            return Err(UserErrors(errors).into());
        }

        // Patch the site. Only the checks across documents (attachments, rosters) below can
        // still fail: the site stays patched, the errors are reported, and serve renders what
        // it owes on the next good save.
        let old_keys: BTreeSet<ListKey> = self
            .items
            .iter()
            .filter(|i| has_source(changed, &i.source))
            .map(list_key)
            .collect();
        // Names (slug, title) other documents may list as `attachments`, before and after.
        let mut names: BTreeSet<String> = self
            .items
            .iter()
            .filter(|i| has_source(changed, &i.source))
            .flat_map(|i| [i.slug.clone(), i.title.clone()])
            .collect();
        let old_urls: HashMap<PathBuf, Option<String>> = changed
            .iter()
            .map(|s| (s.clone(), self.urls.remove(s)))
            .collect();
        self.items.retain(|i| !has_source(changed, &i.source));
        for d in &drafts {
            self.urls.insert(d.source.clone(), d.url());
        }
        let urls = &self.urls;
        let mut affected = changed.clone();
        // Documents whose output path appeared, vanished or moved: pages linking to them
        // resolve their links again.
        let moved: BTreeSet<&PathBuf> = changed
            .iter()
            .filter(|s| old_urls.get(*s).and_then(Option::as_ref) != urls.get(*s))
            .collect();
        if !moved.is_empty() {
            let relinked: Vec<PathBuf> = self
                .items
                .par_iter_mut()
                .filter(|i| i.links_to.iter().any(|p| moved.contains(p)))
                .map(|i| {
                    relink(i, urls);
                    i.source.clone()
                })
                .collect();
            affected.extend(relinked);
        }
        let shown: BTreeSet<String> = changed.iter().map(|p| display_path(p)).collect();
        self.warnings.retain(|w| !shown.contains(&w.path));
        self.warnings.extend(notes);
        let finished: Vec<_> = drafts.into_par_iter().map(|d| finish(d, urls)).collect();
        for (item, warnings) in finished {
            self.warnings.extend(warnings);
            self.items.push(item);
        }
        self.items.sort_by(super::load::item_order);
        // Pages showing a changed document as an attachment (by its title).
        names.extend(
            self.items
                .iter()
                .filter(|i| has_source(changed, &i.source))
                .flat_map(|i| [i.slug.clone(), i.title.clone()]),
        );
        affected.extend(
            self.items
                .iter()
                .filter(|i| i.fm.list("attachments").iter().any(|a| names.contains(a)))
                .map(|i| i.source.clone()),
        );
        let new_keys: BTreeSet<ListKey> = self
            .items
            .iter()
            .filter(|i| has_source(changed, &i.source))
            .map(list_key)
            .collect();
        // A tag's slug depends on the other tags (`安全` and `an-quan`): when tags came or went,
        // the pages showing a tag whose slug moved link it anew.
        if old_keys != new_keys {
            let tag_slugs = self.tag_slugs_now();
            if tag_slugs != self.tag_slugs {
                let before = std::mem::replace(&mut self.tag_slugs, tag_slugs);
                affected.extend(
                    self.items
                        .iter()
                        .filter(|i| {
                            i.tags
                                .iter()
                                .any(|t| before.get(t) != self.tag_slugs.get(t))
                        })
                        .map(|i| i.source.clone()),
                );
            }
        }
        // Rosters are small: re-read them whenever a letter changed. A roster error leaves
        // the print pages of the last good rosters and is reported like any build error.
        let mut errors = Vec::new();
        if self
            .items
            .iter()
            .any(|i| changed.contains(&i.source) && i.fm.text("roster").is_some())
        {
            match super::roster::load_all(&root, &self.items) {
                Ok(rosters) => self.rosters = rosters,
                Err(e) => errors.extend(e),
            }
        }
        errors.extend(super::attach::check(&self.items));
        Ok(Updated {
            lists_changed: old_keys != new_keys,
            affected,
            errors,
        })
    }

    /// Two documents may not share a slug: checks the re-read ones against the rest.
    fn check_slugs(
        &self,
        changed: &BTreeSet<PathBuf>,
        drafts: &[Draft],
        errors: &mut Vec<Diagnostic>,
    ) {
        let mut seen: HashMap<&str, &Path> = self
            .items
            .iter()
            .filter(|i| !has_source(changed, &i.source))
            .map(|i| (i.slug.as_str(), i.source.as_path()))
            .collect();
        for d in drafts {
            if d.slug.is_empty() {
                continue;
            }
            match seen.get(d.slug.as_str()) {
                Some(first) => {
                    let (l, c) = if d.fm.keys.contains_key("slug") {
                        d.fm.at("slug")
                    } else {
                        (1, 1)
                    };
                    errors.push(
                        Diagnostic::error(
                            &d.source,
                            l,
                            c,
                            "slug-collision",
                            format!("网址名“{}”与 {} 重复", d.slug, display_path(first)),
                        )
                        .with_hint("在其中一个文件的前言区写一个不同的 slug: ……"),
                    );
                }
                None => {
                    seen.insert(&d.slug, &d.source);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;

/// The list key of an item.
fn list_key(i: &super::Item) -> ListKey {
    (
        i.source.clone(),
        i.url(),
        i.kind.id(),
        i.date,
        i.title.clone(),
        i.phase,
        i.unit,
        i.tags.clone(),
    )
}
