//! The serve build: keeps the loaded site and the in-memory files, applies batches of
//! changes as partial rebuilds, and keeps the last good build when a change breaks the site.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::RwLock;

use super::watch::Changes;
use crate::content::{self, LoadOptions, Site};
use crate::output::{Built, Output};
use crate::render::{self, Plan};
use crate::theme::Theme;

/// The files being served.
#[derive(Default)]
pub struct Files {
    pub files: HashMap<String, Vec<u8>>,
    /// Source of each per-item or copied file; files without one aggregate items.
    pub owners: HashMap<String, PathBuf>,
}

impl Files {
    /// Replaces what a partial render re-created: every file of the re-rendered sources (files
    /// of deleted sources simply disappear) and the aggregate files — all of them, unless
    /// `keep_aggregates` (edits in place, where list pages not re-rendered are still right).
    fn patch(
        &mut self,
        affected: &std::collections::BTreeSet<PathBuf>,
        keep_aggregates: bool,
        new: Built,
    ) {
        let owners = &self.owners;
        self.files.retain(|rel, _| match owners.get(rel) {
            Some(source) => !affected.contains(source),
            None => keep_aggregates,
        });
        self.owners.retain(|_, source| !affected.contains(source));
        self.files.extend(new.files);
        self.owners.extend(new.owners);
    }
}

/// What one rebuild did.
pub struct Rebuilt {
    /// Documents re-read (empty for a full build).
    pub docs: usize,
    pub full: bool,
    /// Items in the site after the rebuild.
    pub items: usize,
}

/// The site as loaded, plus what is still to be applied.
pub struct Builder {
    root: PathBuf,
    opts: LoadOptions,
    site: Option<Site>,
    theme: Option<Theme>,
    /// Changes not yet applied successfully (kept across failed rebuilds).
    pending: Changes,
}

impl Builder {
    pub fn new(root: &Path, opts: LoadOptions) -> Builder {
        Builder {
            root: root.to_path_buf(),
            opts,
            site: None,
            theme: None,
            pending: Changes {
                full: true,
                ..Changes::default()
            },
        }
    }

    /// Applies `changes` (and any that failed before) to `files`, which stay readable while
    /// rendering and are swapped or patched at the end. On error `files` is untouched.
    pub fn apply(&mut self, changes: Changes, files: &RwLock<Files>) -> anyhow::Result<Rebuilt> {
        self.pending.merge(changes);
        let r = if self.pending.full || self.site.is_none() {
            self.full(files)
        } else {
            self.partial(files)
        };
        if r.is_ok() {
            self.pending = Changes::default();
        }
        r
    }

    fn full(&mut self, files: &RwLock<Files>) -> anyhow::Result<Rebuilt> {
        let site = content::load(&self.root, &self.opts)?;
        let theme = Theme::load(&self.root, &site.campaign.theme)?;
        let out = Output::memory();
        render::render_site(&site, &theme, &out)?;
        let built = out.into_built()?;
        *files.write().expect("files lock") = Files {
            files: built.files,
            owners: built.owners,
        };
        let items = site.items.len();
        self.site = Some(site);
        self.theme = Some(theme);
        Ok(Rebuilt {
            docs: 0,
            full: true,
            items,
        })
    }

    fn partial(&mut self, files: &RwLock<Files>) -> anyhow::Result<Rebuilt> {
        let (Some(site), Some(theme)) = (self.site.as_mut(), self.theme.as_ref()) else {
            return self.full(files);
        };
        let u = site.update(&self.pending.docs, &self.opts)?;
        let plan = if u.lists_changed {
            Plan::Items(u.affected.clone())
        } else {
            Plan::Edited(u.affected.clone())
        };
        let out = Output::memory();
        render::render_plan(site, theme, &plan, &out)?;
        let built = out.into_built()?;
        files
            .write()
            .expect("files lock")
            .patch(&u.affected, !u.lists_changed, built);
        Ok(Rebuilt {
            docs: self.pending.docs.len(),
            full: false,
            items: site.items.len(),
        })
    }

    /// The loaded site's warnings (printed after a full build).
    pub fn warnings(&self) -> &[crate::diag::Diagnostic] {
        self.site.as_ref().map(|s| &s.warnings[..]).unwrap_or(&[])
    }
}
