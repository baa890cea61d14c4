//! WRITE: the one place output is written.
//!
//! `build` writes into a fresh sibling folder and swaps it in only when everything succeeded,
//! so a failed build leaves the previous output exactly as it was. `serve` writes into memory.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::bail;

mod durable;
pub mod guard;

/// Marker file that says a folder was written by xuanguan (and may be replaced by it).
pub const MARKER: &str = ".xuanguan-output";

enum Target {
    Disk { tmp: PathBuf, dest: PathBuf },
    Memory(Mutex<Built>),
}

/// An in-memory build: the files, and for each file that comes from one source (an item's page,
/// a copied static file) that source. Files without an owner aggregate many items (lists, feeds).
#[derive(Default)]
pub struct Built {
    pub files: HashMap<String, Vec<u8>>,
    pub owners: HashMap<String, PathBuf>,
    /// Aggregates a partial render left unwritten because they did not change.
    pub kept: std::collections::HashSet<String>,
}

/// One file an output received: where it landed (`site/notices/a.html`, `print/a.html`) and
/// the one source it came from, if any (see [`Dest::from`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Emitted {
    pub path: String,
    pub source: Option<PathBuf>,
}

/// Where a build goes.
pub struct Output {
    target: Target,
    /// Every file emitted so far, in the order they came (renderers run side by side).
    emitted: Mutex<Vec<Emitted>>,
    /// Whether files are laid out as a site build: public files in `site/`, staff materials
    /// beside it (see [`Audience`]). Off for a single export (`xuanguan wechat`).
    split: bool,
}

impl Output {
    /// Prepares a fresh folder beside `dest`. Refuses to later replace a `dest` that exists,
    /// is not empty and was not written by xuanguan.
    pub fn disk(dest: &Path) -> anyhow::Result<Output> {
        guard::refuse_inside_sources(dest)?;
        recover(dest)?;
        guard::check_replaceable(dest)?;
        let parent = dest
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)
            .map_err(|e| io(e, format!("无法创建文件夹 {}", parent.display())))?;
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "output".into());
        let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
        if tmp.exists() {
            std::fs::remove_dir_all(&tmp)
                .map_err(|e| io(e, format!("无法清理 {}", tmp.display())))?;
        }
        std::fs::create_dir_all(&tmp)
            .map_err(|e| io(e, format!("无法在 {} 中写入", parent.display())))?;
        std::fs::write(tmp.join(MARKER), b"")
            .map_err(|e| io(e, format!("无法写入 {}", tmp.display())))?;
        Ok(Output {
            target: Target::Disk {
                tmp,
                dest: dest.to_path_buf(),
            },
            emitted: Mutex::default(),
            split: true,
        })
    }

    /// An in-memory output (for `serve`).
    pub fn memory() -> Output {
        Output {
            target: Target::Memory(Mutex::default()),
            emitted: Mutex::default(),
            split: true,
        }
    }

    /// The same output without the site layout: files land where they are named.
    pub fn unsplit(mut self) -> Output {
        self.split = false;
        self
    }

    /// Where the file `dest` lands in the output: public files inside [`PUBLIC`], staff
    /// materials as named (`print/…`, `wechat/…`, `led/…`).
    fn place(&self, dest: &Dest<'_>) -> anyhow::Result<String> {
        let rel = dest.rel;
        if !self.split {
            return Ok(rel.to_string());
        }
        match dest.audience {
            Audience::Public => Ok(format!("{PUBLIC}{rel}")),
            Audience::Staff if rel == DASHBOARD || STAFF.iter().any(|p| rel.starts_with(p)) => {
                Ok(rel.to_string())
            }
            Audience::Staff => bail!("internal: staff file {rel} outside the staff folders"),
        }
    }

    /// Writes one file the way its renderer tagged it (see [`Dest`]). A file with a source is
    /// recorded as that source's, so a partial rebuild knows which files to replace when that
    /// source changes or goes away; files without one aggregate many items.
    pub fn emit(&self, dest: Dest<'_>, bytes: &[u8]) -> anyhow::Result<()> {
        let placed = self.place(&dest)?;
        self.emitted.lock().expect("output lock").push(Emitted {
            path: placed.clone(),
            source: dest.source.map(Path::to_path_buf),
        });
        match &self.target {
            Target::Disk { tmp, .. } => {
                let path = tmp.join(&placed);
                if let Some(p) = path.parent() {
                    std::fs::create_dir_all(p)
                        .map_err(|e| io(e, format!("无法创建文件夹 {}", p.display())))?;
                }
                std::fs::write(&path, bytes)
                    .map_err(|e| io(e, format!("无法写入 {}", path.display())))
            }
            Target::Memory(m) => {
                let mut built = m.lock().expect("output lock");
                if let Some(source) = dest.source {
                    built.owners.insert(placed.clone(), source.to_path_buf());
                }
                built.files.insert(placed, bytes.to_vec());
                Ok(())
            }
        }
    }

    /// Declares that the aggregate `rel` is unchanged and was not written: a partial rebuild
    /// (`serve`) keeps its previous copy; a `rel` ending in `/` keeps the whole folder. Nothing
    /// to do for a full build.
    pub fn keep(&self, dest: Dest<'_>) {
        if let (Target::Memory(m), Ok(placed)) = (&self.target, self.place(&dest)) {
            m.lock().expect("output lock").kept.insert(placed);
        }
    }

    /// Records a file made in [`Output::folder`] by another program (a PDF the browser printed
    /// from a page emitted earlier): listed with the emitted files, swapped in with them.
    pub fn adopt(&self, dest: Dest<'_>) -> anyhow::Result<()> {
        let placed = self.place(&dest)?;
        self.emitted.lock().expect("output lock").push(Emitted {
            path: placed,
            source: dest.source.map(Path::to_path_buf),
        });
        Ok(())
    }

    /// Every file emitted so far, sorted by where it landed: what the dashboard lists.
    pub fn emitted(&self) -> Vec<Emitted> {
        let mut list = self.emitted.lock().expect("output lock").clone();
        list.sort_by(|a, b| a.path.cmp(&b.path));
        list
    }

    /// The bytes of a file emitted earlier, by where it landed (see [`Emitted::path`]).
    pub fn read(&self, placed: &str) -> Option<Vec<u8>> {
        match &self.target {
            Target::Disk { tmp, .. } => std::fs::read(tmp.join(placed)).ok(),
            Target::Memory(m) => m.lock().expect("output lock").files.get(placed).cloned(),
        }
    }

    /// The files of an in-memory output with their owners (see [`Dest::from`]).
    pub fn into_built(self) -> anyhow::Result<Built> {
        match self.target {
            Target::Memory(m) => Ok(m.into_inner().expect("output lock")),
            Target::Disk { .. } => bail!("internal: into_built on a disk output"),
        }
    }

    /// The fresh folder a disk build writes into before [`Output::commit`] swaps it in: what is
    /// made from the written files (PDFs of the print pages) goes there too, so it is swapped
    /// in with them or thrown away with them. `None` for an in-memory output.
    pub fn folder(&self) -> Option<&Path> {
        match &self.target {
            Target::Disk { tmp, .. } => Some(tmp),
            Target::Memory(_) => None,
        }
    }

    /// Makes the build visible: swaps the fresh folder in (disk) or returns the files (memory).
    pub fn commit(self) -> anyhow::Result<HashMap<String, Vec<u8>>> {
        match self.target {
            Target::Memory(m) => Ok(m.into_inner().expect("output lock").files),
            Target::Disk { tmp, dest } => {
                seal(&tmp)?;
                // Checked again just before the swap: nothing may have appeared meanwhile.
                guard::check_replaceable(&dest)?;
                // One atomic exchange where the system has it: `dest` is never missing, and a
                // crash right after leaves the previous output in `tmp`, removed by `recover`.
                if dest.exists() && exchange(&tmp, &dest).is_ok() {
                    sync_parent(&dest);
                    let _ = guard::remove_output(&tmp);
                    return Ok(HashMap::new());
                }
                let old = dest.with_file_name(format!(
                    ".{}.old-{}",
                    dest.file_name().unwrap_or_default().to_string_lossy(),
                    std::process::id()
                ));
                if dest.exists() {
                    std::fs::rename(&dest, &old)
                        .map_err(|e| io(e, format!("无法替换 {}", dest.display())))?;
                }
                if let Err(e) = std::fs::rename(&tmp, &dest) {
                    let _ = std::fs::rename(&old, &dest);
                    return Err(io(e, format!("无法写入 {}", dest.display())));
                }
                sync_parent(&dest);
                let _ = guard::remove_output(&old);
                Ok(HashMap::new())
            }
        }
    }

    /// Throws a failed build away.
    pub fn abandon(self) {
        if let Target::Disk { tmp, .. } = self.target {
            let _ = guard::remove_output(&tmp);
        }
    }
}

/// Who may see an output file. Renderers say it of every file they make; the output puts
/// public files in `site/`, the one folder to upload, and staff materials beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Part of the public website.
    Public,
    /// For the office only: print pages (roster data), WeChat exports, LED feeds.
    Staff,
}

/// One output file as its renderer names it: its path (with `/`, relative to its audience's
/// folder for public files, to the output root for staff ones), who may see it, and the one
/// source it comes from (an item, a copied file), if it comes from one.
#[derive(Debug, Clone, Copy)]
pub struct Dest<'a> {
    pub rel: &'a str,
    pub audience: Audience,
    pub source: Option<&'a Path>,
}

impl<'a> Dest<'a> {
    /// A page of the public website.
    pub fn public(rel: &'a str) -> Dest<'a> {
        Dest {
            rel,
            audience: Audience::Public,
            source: None,
        }
    }

    /// A staff material (`rel` starts with one of [`STAFF`], or is the [`DASHBOARD`]).
    pub fn staff(rel: &'a str) -> Dest<'a> {
        Dest {
            rel,
            audience: Audience::Staff,
            source: None,
        }
    }

    /// The file belongs to `source` alone.
    pub fn from(self, source: &'a Path) -> Dest<'a> {
        Dest {
            source: Some(source),
            ..self
        }
    }
}

/// The staff dashboard (工作台), at the top of the output beside `site/`: opened from disk,
/// never uploaded.
pub const DASHBOARD: &str = "index.html";

/// Folders of the output that hold staff materials (print pages with roster data, WeChat
/// exports, LED feeds): never inside the public `site/` folder.
pub const STAFF: [&str; 3] = ["print/", "wechat/", "led/"];

/// The folder of the public website inside the output.
pub const PUBLIC: &str = "site/";

/// Records the manifest and makes the fresh folder durable before it is swapped in.
fn seal(tmp: &Path) -> anyhow::Result<()> {
    let files = guard::write_manifest(tmp).map_err(|e| {
        let what = format!("无法写入生成记录 {}", tmp.display());
        match e.downcast::<std::io::Error>() {
            Ok(e) => io(e, what),
            Err(e) => e.context(what),
        }
    })?;
    durable::sync_tree(tmp, &files).map_err(|e| io(e, format!("无法把 {} 写入磁盘", tmp.display())))
}

/// fsyncs the folder that holds `dest`, so the rename itself survives a power cut.
fn sync_parent(dest: &Path) {
    let parent = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let _ = durable::sync_dir(parent);
}

/// Repairs what an interrupted build (power loss, `kill -9`) can leave beside `dest`:
/// if the process died between moving the previous output aside and moving the new one in,
/// the previous output is put back; stale temporary folders of dead builds are removed.
pub fn recover(dest: &Path) -> anyhow::Result<()> {
    let parent = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Some(name) = dest.file_name().map(|n| n.to_string_lossy().to_string()) else {
        return Ok(());
    };
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Ok(());
    };
    for e in entries.flatten() {
        let file = e.file_name().to_string_lossy().to_string();
        let (old, pid) = if let Some(p) = file.strip_prefix(&format!(".{name}.old-")) {
            (true, p.to_string())
        } else if let Some(p) = file.strip_prefix(&format!(".{name}.tmp-")) {
            (false, p.to_string())
        } else {
            continue;
        };
        let path = e.path();
        if !path.join(MARKER).exists() || alive(&pid) {
            continue;
        }
        if old && !dest.exists() {
            std::fs::rename(&path, dest)
                .map_err(|e| io(e, format!("无法恢复上次的输出 {}", path.display())))?;
            crate::ewriteln!("上次生成被中断，已恢复之前的输出：{}", dest.display());
        } else {
            guard::remove_output(&path)
                .map_err(|e| io(e, format!("无法清理 {}", path.display())))?;
        }
    }
    Ok(())
}

/// An I/O error as one Chinese sentence that says what happened, why (the one table of
/// reasons, [`crate::diag::io_reason`]) and that the previous output is untouched.
fn io(e: std::io::Error, what: String) -> anyhow::Error {
    let why = crate::diag::io_reason(&e);
    anyhow::Error::new(e).context(format!("{what}：{why}。之前生成的输出保持原样，未被改动。"))
}

/// Swaps two paths atomically (Linux `renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(std::io::Error::other);
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Elsewhere the two renames of [`Output::commit`] are used (and repaired by [`recover`]).
#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Whether the build process `pid` still runs (only checkable where /proc exists).
fn alive(pid: &str) -> bool {
    pid.parse::<u32>()
        .is_ok_and(|p| p != std::process::id() && Path::new("/proc").join(p.to_string()).exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tag_decides_the_folder_and_staff_files_stay_in_staff_folders() {
        let out = Output::memory();
        out.emit(Dest::public("notices/a.html"), b"a").unwrap();
        out.emit(
            Dest::staff("print/a.html").from(Path::new("content/letters/a.md")),
            b"p",
        )
        .unwrap();
        assert!(out.emit(Dest::staff("notices/b.html"), b"b").is_err());
        let built = out.into_built().unwrap();
        let mut names: Vec<&str> = built.files.keys().map(String::as_str).collect();
        names.sort();
        assert_eq!(names, ["print/a.html", "site/notices/a.html"]);
        assert_eq!(
            built.owners.get("print/a.html").map(PathBuf::as_path),
            Some(Path::new("content/letters/a.md"))
        );
    }
}
