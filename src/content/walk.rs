//! Discovers a site's files: markdown documents, data tables, static files.

use std::path::{Path, PathBuf};

#[derive(Default)]
pub struct Files {
    /// Markdown documents, relative to the site root.
    pub docs: Vec<PathBuf>,
    /// Relative to `content/data`.
    pub data: Vec<PathBuf>,
    /// Relative to `content/static`.
    pub statics: Vec<PathBuf>,
    /// Symlinks (relative to the site root) that lead outside the site, back into a folder
    /// being walked, or nowhere: never read, reported by the loader.
    pub outside: Vec<PathBuf>,
}

/// Editor temp files and hidden files are never content.
pub fn ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('~')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
}

pub fn walk(root: &Path) -> std::io::Result<Files> {
    let content = root.join("content");
    let canon_root = root.canonicalize()?;
    let mut files = Files::default();
    let mut stack = vec![(content.clone(), vec![content.canonicalize()?])];
    while let Some((dir, ancestors)) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let name = e.file_name().to_string_lossy().to_string();
            if ignored(&name) {
                continue;
            }
            let path = e.path();
            // Symlinks are followed only when they stay inside the site and do not loop.
            let real = if e.file_type()?.is_symlink() {
                match path.canonicalize() {
                    Ok(r) if r.starts_with(&canon_root) && !ancestors.contains(&r) => r,
                    _ => {
                        let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
                        files.outside.push(rel);
                        continue;
                    }
                }
            } else {
                ancestors.last().map(|a| a.join(&name)).unwrap_or_default()
            };
            let ft = std::fs::metadata(&path)?.file_type();
            let rel = path.strip_prefix(&content).unwrap_or(&path).to_path_buf();
            if ft.is_dir() {
                let mut a = ancestors.clone();
                a.push(real);
                stack.push((path, a));
            } else if rel.starts_with("static") {
                files
                    .statics
                    .push(rel.strip_prefix("static").unwrap_or(&rel).to_path_buf());
            } else if rel.starts_with("data") {
                files
                    .data
                    .push(rel.strip_prefix("data").unwrap_or(&rel).to_path_buf());
            } else if path
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("md"))
            {
                files
                    .docs
                    .push(path.strip_prefix(root).unwrap_or(&path).to_path_buf());
            }
        }
    }
    files.docs.sort();
    files.data.sort();
    files.statics.sort();
    Ok(files)
}
