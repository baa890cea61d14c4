//! DURABLE: the fresh output reaches the disk before it is swapped in, so a power cut leaves
//! either the previous output or the complete new one. Every file and folder is fsynced
//! (in parallel: the cost is latency, not CPU), then the parent folder after the rename.

use std::path::Path;

use rayon::prelude::*;

/// fsyncs `files` and every folder from `root` down.
pub fn sync_tree(root: &Path, files: &[std::path::PathBuf]) -> std::io::Result<()> {
    files
        .par_iter()
        .try_for_each(|f| std::fs::File::open(f)?.sync_all())?;
    let mut dirs = vec![root.to_path_buf()];
    let mut i = 0;
    while i < dirs.len() {
        for e in std::fs::read_dir(&dirs[i])?.flatten() {
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                dirs.push(e.path());
            }
        }
        i += 1;
    }
    dirs.par_iter().try_for_each(|d| sync_dir(d))
}

/// fsyncs one folder (its entries: names created or renamed in it).
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}
