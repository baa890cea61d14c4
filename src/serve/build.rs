//! The serve build: keeps the loaded site and the in-memory files, applies batches of
//! changes as partial rebuilds, and keeps the last good build when a change breaks the site.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::RwLock;

use super::watch::Changes;
use crate::content::{self, LoadOptions, Site};
use crate::output::{Built, Output};
use crate::render::{self, Plan, Prepared};
use crate::theme::Theme;
use crate::timing::stage;

/// The files being served.
#[derive(Default)]
pub struct Files {
    pub files: HashMap<String, Vec<u8>>,
    /// Source of each per-item or copied file; files without one aggregate items.
    pub owners: HashMap<String, PathBuf>,
    /// The files of each source (`owners` the other way round).
    owned: HashMap<PathBuf, Vec<String>>,
    /// The files without a source (lists, feeds, search shards, LED feeds…).
    aggregates: HashSet<String>,
}

impl Files {
    fn new(built: Built) -> Files {
        let mut files = Files::default();
        files.add(built);
        files
    }

    fn add(&mut self, new: Built) {
        for (rel, source) in &new.owners {
            self.aggregates.remove(rel);
            if self.owners.get(rel) == Some(source) {
                continue;
            }
            self.owned
                .entry(source.clone())
                .or_default()
                .push(rel.clone());
        }
        for rel in new.files.keys() {
            if !new.owners.contains_key(rel) {
                self.aggregates.insert(rel.clone());
            }
        }
        self.files.extend(new.files);
        self.owners.extend(new.owners);
    }

    /// Replaces what a partial render re-created: every file of the re-rendered sources (files
    /// of deleted sources simply disappear) and the aggregate files — all of them but those the
    /// render declared unchanged ([`Output::keep`]), unless `keep_aggregates` (edits in place,
    /// where list pages not re-rendered are still right).
    fn patch(&mut self, affected: &BTreeSet<PathBuf>, keep_aggregates: bool, new: Built) {
        for source in affected {
            for rel in self.owned.remove(source).unwrap_or_default() {
                // A file that came to belong to another source since stays.
                if self.owners.get(&rel) == Some(source) {
                    self.files.remove(&rel);
                    self.owners.remove(&rel);
                }
            }
        }
        if !keep_aggregates {
            let folders: Vec<&String> = new.kept.iter().filter(|k| k.ends_with('/')).collect();
            let kept = |rel: &str| {
                new.kept.contains(rel) || folders.iter().any(|k| rel.starts_with(k.as_str()))
            };
            let dropped: Vec<String> = self
                .aggregates
                .iter()
                .filter(|rel| !kept(rel))
                .cloned()
                .collect();
            for rel in &dropped {
                self.files.remove(rel);
                self.aggregates.remove(rel);
            }
        }
        self.add(new);
    }
}

/// What one rebuild did.
pub struct Rebuilt {
    /// Documents re-read (empty for a full build): this batch's and those of batches that
    /// failed since the last good rebuild.
    pub docs: BTreeSet<PathBuf>,
    pub full: bool,
    /// Items in the site after the rebuild.
    pub items: usize,
    /// Documents rendered again because of the saved ones (pages linking to a document that
    /// appeared, vanished or moved; pages listing one as an attachment): their findings may
    /// have changed too. Empty for a full build.
    pub affected: BTreeSet<PathBuf>,
    /// Warnings about what a partial rebuild re-read or re-rendered (a full build's are in
    /// [`Builder::warnings`]).
    pub warnings: Vec<crate::diag::Diagnostic>,
}

/// The site as loaded, plus what is still to be applied.
pub struct Builder {
    root: PathBuf,
    opts: LoadOptions,
    site: Option<Site>,
    theme: Option<Theme>,
    /// Template engine and values kept between rebuilds of the same theme.
    prepared: Prepared,
    /// The renderers' warnings of the last full build (LED fit, WeChat export limits).
    rendered: Vec<crate::diag::Diagnostic>,
    /// Changes not yet applied successfully (kept across failed rebuilds).
    pending: Changes,
    /// What a partial rebuild that failed after the site was updated still owes the files.
    owed: Option<Owed>,
}

/// Outputs to render again even if the next update no longer sees them change.
struct Owed {
    affected: BTreeSet<PathBuf>,
    lists_changed: bool,
    led: bool,
}

impl Builder {
    pub fn new(root: &Path, opts: LoadOptions) -> Builder {
        Builder {
            root: root.to_path_buf(),
            opts,
            site: None,
            theme: None,
            prepared: Prepared::default(),
            rendered: Vec::new(),
            pending: Changes {
                full: true,
                ..Changes::default()
            },
            owed: None,
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
            self.owed = None;
        }
        r
    }

    fn full(&mut self, files: &RwLock<Files>) -> anyhow::Result<Rebuilt> {
        let site = content::load(&self.root, &self.opts)?;
        let theme = Theme::load(&self.root, &site.campaign.theme)?;
        let out = Output::memory();
        let mut prepared = Prepared::default();
        let rendered = render::render_prepared(&mut prepared, &site, &theme, &Plan::All, &out);
        let rendered = gate(rendered?)?;
        let built = out.into_built()?;
        *files.write().expect("files lock") = Files::new(built);
        let items = site.items.len();
        self.site = Some(site);
        self.theme = Some(theme);
        self.prepared = prepared;
        self.rendered = rendered;
        Ok(Rebuilt {
            docs: BTreeSet::new(),
            full: true,
            items,
            affected: BTreeSet::new(),
            warnings: Vec::new(),
        })
    }

    fn partial(&mut self, files: &RwLock<Files>) -> anyhow::Result<Rebuilt> {
        let (Some(site), Some(theme)) = (self.site.as_mut(), self.theme.as_ref()) else {
            return self.full(files);
        };
        let docs = &self.pending.docs;
        let led_before = render::led::site::touches(site, docs);
        let u = stage("re-read", || site.update(docs, &self.opts))?;
        let owed = self.owed.get_or_insert(Owed {
            affected: BTreeSet::new(),
            lists_changed: false,
            led: false,
        });
        owed.affected.extend(u.affected);
        owed.lists_changed |= u.lists_changed;
        owed.led |= led_before || render::led::site::touches(site, docs);
        if !u.errors.is_empty() {
            return Err(crate::diag::UserErrors(u.errors).into());
        }
        let plan = if owed.lists_changed {
            Plan::Items {
                sources: owed.affected.clone(),
                led: owed.led,
            }
        } else {
            Plan::Edited {
                sources: owed.affected.clone(),
                led: owed.led,
            }
        };
        let out = Output::memory();
        // (The renderers' own stages run side by side; this is the wall time of all of them.)
        let rendered = stage("render (all)", || {
            render::render_prepared(&mut self.prepared, site, theme, &plan, &out).and_then(gate)
        });
        let rendered = match rendered {
            Ok(d) => d,
            Err(e) => {
                // What `prepared` skips next time must not depend on a render that never arrived.
                self.prepared = Prepared::default();
                return Err(e);
            }
        };
        let built = stage("collect output", || out.into_built())?;
        stage("swap files", || {
            files
                .write()
                .expect("files lock")
                .patch(&owed.affected, !owed.lists_changed, built)
        });
        let shown: BTreeSet<String> = docs.iter().map(|p| crate::diag::display_path(p)).collect();
        let mut warnings: Vec<_> = site
            .warnings
            .iter()
            .filter(|w| shown.contains(&w.path))
            .cloned()
            .collect();
        warnings.extend(rendered);
        Ok(Rebuilt {
            docs: docs.clone(),
            full: false,
            items: site.items.len(),
            affected: owed.affected.clone(),
            warnings,
        })
    }

    /// The staff dashboard for the files being served and `findings` (none before a good
    /// build).
    pub fn dashboard(
        &self,
        files: &Files,
        findings: &[crate::diag::Diagnostic],
    ) -> Option<anyhow::Result<String>> {
        let site = self.site.as_ref()?;
        if !self.prepared.is_ready() {
            return None;
        }
        let mut emitted: Vec<crate::output::Emitted> = files
            .files
            .keys()
            .filter(|k| k.as_str() != super::DASHBOARD)
            .map(|k| crate::output::Emitted {
                path: k.clone(),
                source: files.owners.get(k).cloned(),
            })
            .collect();
        emitted.sort_by(|a, b| a.path.cmp(&b.path));
        let read = |p: &str| files.files.get(p).cloned();
        let written = render::Written {
            files: &emitted,
            read: &read,
        };
        let tally = crate::check::tally::Tally::of_diags(findings);
        Some(render::dashboard(
            &self.prepared,
            site,
            &written,
            findings,
            &tally,
        ))
    }

    /// The site as last built.
    pub fn site(&self) -> Option<&Site> {
        self.site.as_ref()
    }

    /// The loaded site's and the renderers' warnings (printed after a full build).
    pub fn warnings(&self) -> impl Iterator<Item = &crate::diag::Diagnostic> {
        let site = self.site.as_ref().map(|s| &s.warnings[..]).unwrap_or(&[]);
        site.iter().chain(&self.rendered)
    }
}

/// The renderers' errors stop a rebuild like the loader's; their warnings are kept.
fn gate(diags: Vec<crate::diag::Diagnostic>) -> anyhow::Result<Vec<crate::diag::Diagnostic>> {
    let (errors, warnings): (Vec<_>, Vec<_>) = diags.into_iter().partition(|d| d.is_error());
    if errors.is_empty() {
        Ok(warnings)
    } else {
        Err(crate::diag::UserErrors(errors).into())
    }
}
