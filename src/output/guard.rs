//! GUARD: what a build may replace or delete, verified by content.
//!
//! A build replaces its output folder only when that folder is empty or provably its own: it
//! holds the marker, none of `content/`, `campaign.yaml`, `Cargo.toml`, `.git`, and no file
//! missing from the manifest the previous build recorded ([`MANIFEST`]). An output inside a
//! site's sources (a folder holding `campaign.yaml`, or a site's `themes/`) is refused.
//! The manifest is the list of files found in the fresh folder just before the swap.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::bail;

use super::MARKER;

/// The list of files the build that made this folder wrote (JSON array of `/` paths).
pub const MANIFEST: &str = ".xuanguan-manifest.json";

/// Names that only a user's own folder holds; an output folder holding one is never replaced.
const FORBIDDEN: [&str; 4] = ["content", "campaign.yaml", "Cargo.toml", ".git"];

/// Refuses an output folder that lies inside a site's sources (`content/`, `themes/`), as
/// written and as the file system resolves it (through symlinks and `..`).
pub fn refuse_inside_sources(dest: &Path) -> anyhow::Result<()> {
    let abs = std::path::absolute(dest).unwrap_or_else(|_| dest.to_path_buf());
    let real = resolve(&abs);
    for a in abs.ancestors().chain(real.ancestors()) {
        let is_content = a.join("campaign.yaml").is_file();
        let is_themes = a.file_name().is_some_and(|n| n == "themes")
            && a.parent()
                .is_some_and(|p| p.join("content/campaign.yaml").is_file());
        if is_content || is_themes {
            bail!(
                "输出文件夹 {} 位于站点的源文件夹 {} 之中；生成结果会混进源文件、并在下次生成时被当作内容读入，已停止。请把输出文件夹（-o）放到 content/ 和 themes/ 之外，例如站点文件夹下的 output。",
                dest.display(),
                a.canonicalize().as_deref().unwrap_or(a).display()
            );
        }
    }
    Ok(())
}

/// Where writing to `path` really lands: every component that exists is resolved (symlinks
/// followed, `..` taken after them, as the file system does); the rest, which a build would
/// create, is appended with its `.` and `..` applied.
fn resolve(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => {
                out.push(other);
                if let Ok(real) = out.canonicalize() {
                    out = real;
                }
            }
        }
    }
    out
}

/// Refuses to replace `dest` unless it is missing, empty, or verifiably a previous output.
pub fn check_replaceable(dest: &Path) -> anyhow::Result<()> {
    let Ok(meta) = std::fs::symlink_metadata(dest) else {
        return Ok(());
    };
    if !meta.is_dir() {
        bail!(
            "输出位置 {} 已有一个文件（不是文件夹），为避免覆盖它，已停止。请换一个输出文件夹（-o）。",
            dest.display()
        );
    }
    let empty = std::fs::read_dir(dest)
        .map(|mut d| d.next().is_none())
        .unwrap_or(false);
    if empty {
        return Ok(());
    }
    let stop = |what: String| -> anyhow::Result<()> {
        bail!(
            "输出文件夹 {} {what}，不能确认它是 xuanguan 上次生成的输出；为避免删除你的文件，已停止。请换一个输出文件夹（-o），或把你的文件移走后再生成。",
            dest.display()
        )
    };
    if !dest.join(MARKER).is_file() {
        return stop("已存在且不是 xuanguan 生成的".into());
    }
    for name in FORBIDDEN {
        if std::fs::symlink_metadata(dest.join(name)).is_ok() {
            return stop(format!("中有 {name}（这是站点或项目的源文件）"));
        }
    }
    let Some(known) = read(dest) else {
        return stop("缺少生成记录 .xuanguan-manifest.json".into());
    };
    for rel in walk(dest)? {
        if !known.contains(&rel) {
            return stop(format!("中有上次生成时没有写入的文件 {rel}"));
        }
    }
    Ok(())
}

/// Records every file of the fresh folder `tmp` in its manifest; returns the files' paths.
pub fn write_manifest(tmp: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let files = walk(tmp)?;
    let json = serde_json::to_vec(&files)?;
    std::fs::write(tmp.join(MANIFEST), json)?;
    Ok(files.iter().map(|r| tmp.join(r)).collect())
}

fn read(dest: &Path) -> Option<HashSet<String>> {
    let bytes = std::fs::read(dest.join(MANIFEST)).ok()?;
    serde_json::from_slice::<Vec<String>>(&bytes)
        .ok()
        .map(|v| v.into_iter().collect())
}

/// Every non-folder entry under `root` (symlinks not followed), as `/` paths, without the
/// marker and the manifest.
pub fn walk(root: &Path) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut stack = vec![(root.to_path_buf(), String::new())];
    while let Some((dir, prefix)) = stack.pop() {
        for e in std::fs::read_dir(&dir)? {
            let e = e?;
            let name = e.file_name().to_string_lossy().to_string();
            let rel = format!("{prefix}{name}");
            if e.file_type()?.is_dir() {
                stack.push((e.path(), format!("{rel}/")));
            } else if rel != MARKER && rel != MANIFEST {
                out.push(rel);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Deletes an output folder so that an interruption leaves the marker until last: a half
/// deleted leftover is still recognised (and finished) by the next run.
pub fn remove_output(dir: &Path) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        if e.file_name() == MARKER {
            continue;
        }
        if e.file_type()?.is_dir() {
            std::fs::remove_dir_all(e.path())?;
        } else {
            std::fs::remove_file(e.path())?;
        }
    }
    std::fs::remove_dir_all(dir)
}
