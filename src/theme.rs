//! The default theme is compiled into the binary (`themes/default`); a site's own
//! `themes/<name>/` folder overrides it file by file.

use std::collections::BTreeMap;
use std::path::{Component, Path};

use anyhow::Context as _;
use include_dir::{Dir, include_dir};

use crate::diag::{Diagnostic, UserErrors};

static DEFAULT: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// Template folders whose pages are not minified: the LED players and the WeChat copy pages,
/// single files with their script inline that staff open from disk.
const VERBATIM: [&str; 2] = ["templates/led/", "templates/wechat/"];

/// The template engine of the site at `site` with theme `name` (`campaign.yaml` `theme:`):
/// for the outputs rendered apart from the site's pages (the LED players, `xuanguan wechat`).
pub fn engine(site: &Path, name: &str) -> anyhow::Result<tera::Tera> {
    crate::render::engine(&Theme::load(site, name)?)
}

/// Theme files by path relative to the theme folder (`templates/base.html`, `static/style.css`).
pub struct Theme {
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// The embedded default theme alone.
    pub fn builtin() -> Theme {
        let mut files = BTreeMap::new();
        collect_embedded(&DEFAULT, &mut files);
        Theme { files }
    }

    /// The embedded default theme overlaid with `site/themes/<name>/` when it exists.
    pub fn load(site: &Path, name: &str) -> anyhow::Result<Theme> {
        let mut files = Theme::builtin().files;
        if name.is_empty() || name == "." || name == ".." || name.contains(['/', '\\', ':']) {
            let d = Diagnostic::error(
                "content/campaign.yaml",
                0,
                0,
                "path",
                format!("主题名“{name}”不是 themes 下的一个文件夹名，已拒绝"),
            )
            .with_hint("只写主题文件夹的名字，例如 theme: 青石；不要写路径、.. 或盘符。");
            return Err(UserErrors(vec![d]).into());
        }
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

    /// The theme with its HTML templates minified by minify-html (used by `build`). Template
    /// syntax is preserved, so each template is minified once instead of every page it renders:
    /// the same markup, at a fraction of the cost. JS is left alone and closing tags are kept.
    /// The staff tools' self-contained pages ([`VERBATIM`]) are written as the theme has them.
    pub fn minified(mut self) -> Theme {
        let mut cfg = minify_html::Cfg::new();
        cfg.keep_closing_tags = true;
        cfg.keep_html_and_head_opening_tags = true;
        cfg.preserve_brace_template_syntax = true;
        cfg.minify_css = false;
        cfg.minify_js = false;
        for (name, bytes) in self.files.iter_mut() {
            if name.starts_with("templates/")
                && name.ends_with(".html")
                && !VERBATIM.iter().any(|v| name.starts_with(v))
            {
                let small = minify_html::minify(bytes, &cfg);
                // Only if the template code came through untouched (e.g. a `"` inside `{{ }}`
                // within a quoted attribute would not): otherwise keep the template as written.
                if template_code(&small) == template_code(bytes) {
                    *bytes = small;
                }
            }
        }
        self
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

/// The `{{ … }}` and `{% … %}` parts of a template, trimmed.
fn template_code(src: &[u8]) -> Vec<String> {
    let s = String::from_utf8_lossy(src);
    let mut out = Vec::new();
    let mut rest = &s[..];
    while let Some(i) = rest.find(['{']) {
        let after = &rest[i + 1..];
        let close = match after.chars().next() {
            Some('{') => "}}",
            Some('%') => "%}",
            _ => {
                rest = after;
                continue;
            }
        };
        match after[1..].find(close) {
            Some(j) => {
                out.push(
                    after[1..1 + j]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                rest = &after[1 + j + 2..];
            }
            None => break,
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minifies_templates_but_never_their_code() {
        let mut files = BTreeMap::new();
        files.insert(
            "templates/a.html".to_string(),
            b"<p class=\"x\">\n  {{ a }}\n</p>\n".to_vec(),
        );
        files.insert(
            "templates/b.html".to_string(),
            b"<meta content=\"{{ k | join(sep=\",\") }}\">\n  <p>x</p>".to_vec(),
        );
        let kiosk = b"<p class=\"x\">\n  {{ a }}\n</p>\n".to_vec();
        files.insert("templates/led/kiosk.html".to_string(), kiosk.clone());
        let t = Theme { files }.minified();
        assert_eq!(t.files["templates/a.html"], b"<p class=x>{{ a }}</p>");
        assert_eq!(
            t.files["templates/led/kiosk.html"], kiosk,
            "staff pages stay as written"
        );
        assert!(String::from_utf8_lossy(&t.files["templates/b.html"]).contains("join(sep=\",\")"));
        assert_eq!(
            template_code(b"{% if a %}{{ b  | c }}{% endif %}"),
            vec!["if a", "b | c", "endif"]
        );
    }
}
