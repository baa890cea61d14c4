//! Watching the site: notify events (debounced) become a [`Changes`] set — which documents to
//! re-read, or whether the whole site must be loaded again. Editor temp files, backups and
//! swap files are ignored; an atomic save (write a temp file, rename it over the document)
//! arrives as a change of the document itself, because only the document's path is kept and
//! whether it still exists is decided when it is re-read.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use anyhow::Context as _;
use notify::event::{MetadataKind, ModifyKind};
use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, NoCache, RecommendedCache, new_debouncer, new_debouncer_opt,
};

/// What a batch of file events asks for.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// Load everything again (campaign, theme, data or static files, folders moved).
    pub full: bool,
    /// Documents (relative to the site root) that were added, edited, renamed or deleted.
    pub docs: BTreeSet<PathBuf>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        !self.full && self.docs.is_empty()
    }

    pub fn merge(&mut self, other: Changes) {
        self.full |= other.full;
        self.docs.extend(other.docs);
    }
}

/// Files editors write beside the real one: never content.
pub fn is_temp_file(name: &str) -> bool {
    crate::content::walk_ignored(name)
        || name.ends_with(".swx")
        || name.ends_with(".swo")
        || name.ends_with(".kate-swp")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name.ends_with(".crdownload")
        || name.ends_with(".part")
        || name.contains(".tmp.")
        || name.starts_with(".goutputstream")
        || name == "4913"
}

/// Classifies changed paths (absolute, under `root`, which must be canonical).
pub fn classify<'a>(root: &Path, paths: impl IntoIterator<Item = &'a Path>) -> Changes {
    let mut out = Changes::default();
    for p in paths {
        let Ok(rel) = p.strip_prefix(root) else {
            continue;
        };
        let parts: Vec<&str> = rel
            .components()
            .filter_map(|c| match c {
                Component::Normal(s) => s.to_str(),
                _ => None,
            })
            .collect();
        if parts.iter().any(|s| is_temp_file(s)) {
            continue;
        }
        match parts.as_slice() {
            ["themes", ..] => out.full = true,
            ["content", "campaign.yaml"] => out.full = true,
            ["content", "static" | "data", ..] => out.full = true,
            ["content", .., last] if last.to_ascii_lowercase().ends_with(".md") => {
                out.docs.insert(rel.components().collect());
            }
            // A folder under content/ created, renamed or deleted: its documents moved.
            ["content", _, ..]
                if p.is_dir() || Path::new(parts[parts.len() - 1]).extension().is_none() =>
            {
                out.full = true
            }
            _ => {}
        }
    }
    out
}

/// Whether an event may have changed what a file contains or where it is.
pub fn counts(kind: &EventKind) -> bool {
    !matches!(
        kind,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime))
    )
}

/// Keeps the watcher alive; dropping it stops watching.
pub enum Watcher {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<PollWatcher, NoCache>),
}

/// Watches `content/` and `themes/` of `root` (canonical) and sends each non-empty batch.
/// `poll` checks the files every half second instead of relying on system notifications
/// (network drives, WSL, some virtual machines). It compares modification times, which notify
/// keeps in whole seconds: a second save within the same second as the one before is seen only
/// with the next save (reading every file's contents each half second instead would be too
/// slow on the network drives polling is for).
pub fn watch(root: &Path, poll: bool, tx: Sender<Changes>) -> anyhow::Result<Watcher> {
    // An editor writes a save in one go, within a millisecond or two (a temp file renamed over
    // the document, or the document rewritten): 15 ms without a new event for a path sees the
    // whole save and adds little to the time from save to reload. Should a save ever take
    // longer, the rest of it arrives as the next batch and is rebuilt in turn.
    let debounce = Duration::from_millis(if poll { 100 } else { 15 });
    let root_c = root.to_path_buf();
    let handler = move |res: DebounceEventResult| {
        let Ok(events) = res else { return };
        // Reading files (our own rebuild included) reports access events: only writes,
        // creations, removals and renames count, or each rebuild would trigger the next.
        let changes = classify(
            &root_c,
            events
                .iter()
                .filter(|e| counts(&e.kind))
                .flat_map(|e| e.paths.iter().map(PathBuf::as_path)),
        );
        if !changes.is_empty() {
            let _ = tx.send(changes);
        }
    };
    let mut w = if poll {
        let cfg = notify::Config::default().with_poll_interval(Duration::from_millis(500));
        Watcher::Poll(new_debouncer_opt(debounce, None, handler, NoCache, cfg)?)
    } else {
        Watcher::Native(new_debouncer(debounce, None, handler)?)
    };
    for dir in ["content", "themes"] {
        let path = root.join(dir);
        if !path.is_dir() {
            continue;
        }
        let r = match &mut w {
            Watcher::Native(d) => d.watch(&path, RecursiveMode::Recursive),
            Watcher::Poll(d) => d.watch(&path, RecursiveMode::Recursive),
        };
        r.with_context(|| format!("无法监视 {}（可加 --poll 改用定时检查）", path.display()))?;
    }
    Ok(w)
}

#[cfg(test)]
mod tests;
