//! The default theme is compiled into the binary (`themes/default`); a site's own
//! `themes/<name>/` folder overrides it file by file.

use std::collections::BTreeMap;
use std::path::{Component, Path};

use anyhow::Context as _;
use include_dir::{Dir, include_dir};

use crate::diag::{Diagnostic, UserErrors};

static DEFAULT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Theme files by path relative to the theme folder (`templates/base.html`, `static/style.css`).
pub struct Theme {
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// The embedded default theme overlaid with `site/themes/<name>/` when it exists.
    pub fn load(site: &Path, name: &str) -> anyhow::Result<Theme> {
        let mut files = BTreeMap::new();
        collect_embedded(&DEFAULT, &mut files);
        let dir = site.join("themes").join(name);
        if dir.is_dir() {
            let root = site
                .canonicalize()
                .with_context(|| format!("无法访问 {}", site.display()))?;
            overlay(&root, &dir, &dir, &mut files)?;
        } else if name != "default" {
            let d = Diagnostic::error(
                "content/campaign.yaml",
                0,
                0,
                "theme",
                format!("找不到主题“{name}”（themes/{name} 文件夹）"),
            )
            .with_hint("删除 theme 一行使用默认主题，或建立该主题文件夹。");
            return Err(UserErrors(vec![d]).into());
        }
        Ok(Theme { files })
    }

    /// Templates as (name, text), names relative to `templates/`.
    pub fn templates(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().filter_map(|(k, v)| {
            let name = k.strip_prefix("templates/")?;
            Some((name, std::str::from_utf8(v).ok()?))
        })
    }

    /// Static files as (path relative to `static/`, bytes).
    pub fn statics(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix("static/")?, v.as_slice())))
    }
}

fn collect_embedded(dir: &Dir<'static>, out: &mut BTreeMap<String, Vec<u8>>) {
    for f in dir.files() {
        out.insert(
            f.path().to_string_lossy().replace('\\', "/"),
            f.contents().to_vec(),
        );
    }
    for d in dir.dirs() {
        collect_embedded(d, out);
    }
}

fn overlay(
    root: &Path,
    base: &Path,
    dir: &Path,
    out: &mut BTreeMap<String, Vec<u8>>,
) -> anyhow::Result<()> {
    for e in std::fs::read_dir(dir).with_context(|| format!("无法读取 {}", dir.display()))? {
        let e = e?;
        let path = e.path();
        let name = e.file_name().to_string_lossy().to_string();
        if crate::content::walk_ignored(&name) {
            continue;
        }
        let real = path
            .canonicalize()
            .with_context(|| format!("无法访问 {}", path.display()))?;
        let rel = path.strip_prefix(base).unwrap_or(&path);
        if !real.starts_with(root) || rel.components().any(|c| !matches!(c, Component::Normal(_))) {
            let d = Diagnostic::error(
                crate::diag::display_path(&path),
                0,
                0,
                "path",
                "主题文件指向站点以外，已拒绝",
            )
            .with_hint("把文件复制到主题文件夹里，不要使用符号链接。");
            return Err(UserErrors(vec![d]).into());
        }
        if real.is_dir() {
            overlay(root, base, &path, out)?;
        } else {
            let bytes =
                std::fs::read(&path).with_context(|| format!("无法读取 {}", path.display()))?;
            out.insert(crate::diag::display_path(rel), bytes);
        }
    }
    Ok(())
}
