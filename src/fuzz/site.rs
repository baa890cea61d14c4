//! The `site` fuzz target: a whole site made from the input, loaded, proofread and rendered
//! the way `build` does it (into memory instead of a folder).
//!
//! The input is cut at `0xFF` bytes (never part of UTF-8 text) into the files of a small site,
//! in the order of [`FILES`]: the first part is `campaign.yaml`, then a notice, a news item,
//! slogans, a letter, its roster, a case and a page. Missing parts are left out.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;

use crate::check;
use crate::content::{self, LoadOptions};
use crate::output::Output;
use crate::render;
use crate::theme::Theme;

/// Where each part of the input goes, under `content/`.
pub const FILES: &[&str] = &[
    "campaign.yaml",
    "notices/a.md",
    "news/b.md",
    "slogans/c.md",
    "letters/d.md",
    "data/enterprises.csv",
    "cases/e.md",
    "pages/f.md",
];

/// Parts longer than this are cut (the whole input is already at most 64 KiB).
const MAX_PART: usize = 16 * 1024;

/// Builds the site of `data` and checks what every stage promises: no panic; every finding
/// points at a file of the site and a line inside it; the default theme renders any site the
/// loader accepted without a template error.
pub fn site(data: &[u8]) {
    let _ = build(data);
}

/// [`site`], returning how many files the render wrote (`None` when it did not render).
fn build(data: &[u8]) -> Option<usize> {
    let dir = Scratch::new();
    let mut texts: Vec<(String, usize)> = Vec::new();
    for (part, name) in data.split(|b| *b == 0xFF).zip(FILES) {
        let part = &part[..part.len().min(MAX_PART)];
        let path = dir.0.join("content").join(name);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("scratch folder");
        std::fs::write(&path, part).expect("scratch file");
        // Lines as the loader reads them: a lone CR ends one (old Mac files, pasted text).
        let lines = String::from_utf8_lossy(part)
            .replace("\r\n", "\n")
            .split(['\n', '\r'])
            .count();
        texts.push((format!("content/{name}"), lines));
    }
    let opts = LoadOptions {
        drafts: false,
        today: NaiveDate::from_ymd_opt(2026, 8, 20).expect("a date"),
    };
    let site = content::load_all(&dir.0, &opts).ok()?;
    let outcome = check::site::proofread(&site);
    for f in outcome.findings.iter().chain(&outcome.suppressed) {
        let d = &f.diag;
        let Some((_, lines)) = texts.iter().find(|(p, _)| *p == d.path) else {
            // Site-level findings name the folder or a file the site does not have
            // (a roster or attachment it refers to); they carry no line in it.
            assert_eq!(d.line, 0, "{}:{} is not a file of the site", d.path, d.line);
            continue;
        };
        assert!(
            d.line <= *lines + 1,
            "{}:{} past the end ({lines} lines): {}",
            d.path,
            d.line,
            d.message
        );
    }
    if !site.errors.is_empty() {
        return None;
    }
    let theme = Theme::load(&dir.0, &site.campaign.theme).ok()?;
    let own;
    let theme = if site.campaign.theme == "default" {
        default_theme()
    } else {
        own = theme.minified();
        &own
    };
    let out = Output::memory();
    if let Err(e) = render::render_site(&site, theme, &out) {
        assert!(
            e.downcast_ref::<render::TemplateError>().is_none(),
            "the default theme failed on an accepted site: {e:#}"
        );
        return None;
    }
    out.commit().ok().map(|files| files.len())
}

/// The default theme, minified once per process as `build` minifies it once per build.
fn default_theme() -> &'static Theme {
    static THEME: OnceLock<Theme> = OnceLock::new();
    THEME.get_or_init(|| Theme::builtin().minified())
}

/// A scratch folder for one input, removed afterwards.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        static N: AtomicUsize = AtomicUsize::new(0);
        let base = if Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir = base.join(format!("xuanguan-fuzz-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    /// The example campaign cut into the target's parts renders a whole site: the target
    /// reaches every stage, not only the loader.
    #[test]
    fn the_example_renders_through_the_target() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/content/");
        let parts = [
            "campaign.yaml",
            "notices/peixun-tongzhi.md",
            "news/dongyuanhui.md",
            "slogans/biaoyu.md",
            "letters/gaozhishu.md",
            "data/enterprises.csv",
        ];
        let data: Vec<u8> = parts
            .iter()
            .map(|p| std::fs::read(format!("{root}{p}")).expect("example file"))
            .collect::<Vec<_>>()
            .join(&0xFF);
        let files = super::build(&data).expect("the example renders");
        assert!(files > 20, "{files} files");
    }
}
