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
    let mut files = Files::default();
    let mut stack = vec![content.clone()];
    while let Some(dir) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let name = e.file_name().to_string_lossy().to_string();
            if ignored(&name) {
                continue;
            }
            let path = e.path();
            // Symlinks are followed only when they stay inside the site (checked by the loader).
            let ft = std::fs::metadata(&path)?.file_type();
            let rel = path.strip_prefix(&content).unwrap_or(&path).to_path_buf();
            if ft.is_dir() {
                stack.push(path);
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
