//! Every path a user writes must stay inside the site: `cover` and `attachments` in
//! front matter, images in bodies. `..` that climbs out, absolute paths (`/etc/…`, `C:\…`,
//! `\\server\…`, `file:`) and symlinks leading out are refused with a located error.

use std::path::{Component, Path, PathBuf};

use pulldown_cmark::{Event, Parser, Tag};

use super::FrontMatter;
use crate::diag::{Diagnostic, line_col};

const HINT: &str = "只写站点里的文件：content/static 或 content/data 中的文件名（如 images/a.jpg），不要用 ..、绝对路径或指向别处的快捷方式。";

/// An absolute path on any system the users have (`/…`, `\\…`, `C:…`), or a `file:` URL.
pub fn is_absolute(p: &str) -> bool {
    let b = p.as_bytes();
    p.starts_with('/')
        || p.starts_with('\\')
        || (b.len() >= 2
            && b[0].is_ascii_alphabetic()
            && b[1] == b':'
            && b.get(2).is_none_or(|c| matches!(c, b'/' | b'\\')))
        || p.to_ascii_lowercase().starts_with("file:")
}

/// A web address (`https://…`): a scheme of two letters or more (`C://` is a drive).
pub fn is_url(p: &str) -> bool {
    p.split_once("://").is_some_and(|(scheme, _)| {
        scheme.len() >= 2
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
            && !scheme.eq_ignore_ascii_case("file")
    })
}

/// `..` anywhere (with `/` or `\` separators): front-matter paths never need it.
pub fn has_parent(p: &str) -> bool {
    p.split(['/', '\\']).any(|c| c == "..")
}

/// Where a path written in the document at `dir` (a folder such as `content/news`) points,
/// relative to the site: a leading `/` is the root of `content/`, `\\` counts as `/`.
/// `None` when it leaves `content/` or is absolute.
pub fn inside_content(dir: &Path, target: &str) -> Option<PathBuf> {
    let t = target.replace('\\', "/");
    let joined = match t.strip_prefix('/') {
        Some(abs) if !abs.starts_with('/') => Path::new("content").join(abs),
        _ if is_absolute(&t) => return None,
        _ => dir.join(&t),
    };
    let content = Some(Component::Normal("content".as_ref()));
    normalize(&joined).filter(|p| p.components().next() == content)
}

/// Checks `cover` (relative to the document, as the WeChat export reads it) and
/// `attachments` (`roster` is checked where rosters are read, in [`super::roster`]).
pub fn front_matter(
    path: &str,
    fm: &FrontMatter,
    dir: &Path,
    root: &Path,
    canon_root: &Path,
    diags: &mut Vec<Diagnostic>,
) {
    let mut refuse = |key: &str, msg: String| {
        let (l, c) = fm.at(key);
        diags.push(Diagnostic::error(path, l, c, "path", msg).with_hint(HINT));
    };
    if let Some(v) = fm.text("cover").filter(|v| !is_url(v)) {
        match inside_content(dir, v) {
            None => refuse("cover", format!("封面的路径“{v}”指向站点以外")),
            Some(rel) => {
                let p = root.join(rel);
                if p.symlink_metadata().is_ok()
                    && !p.canonicalize().is_ok_and(|c| c.starts_with(canon_root))
                {
                    refuse("cover", format!("封面文件“{v}”是指向站点以外的链接"));
                }
            }
        }
    }
    for v in fm.list("attachments") {
        if is_absolute(&v) || has_parent(&v) {
            refuse("attachments", format!("附件“{v}”是站点以外的路径"));
        }
    }
}

/// Checks the images of a body: a relative target must stay inside `content/`.
/// `dir` is the folder of the document relative to the site (`content/news`).
pub fn images(path: &str, text: &str, body_start: usize, dir: &Path, diags: &mut Vec<Diagnostic>) {
    let body = &text[body_start..];
    // Every image is written `![…`: a body without one is not parsed.
    if !body.contains("![") {
        return;
    }
    for (e, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        let Event::Start(Tag::Image { dest_url, .. }) = e else {
            continue;
        };
        let url = dest_url.trim();
        if is_url(url) || url.to_ascii_lowercase().starts_with("data:") || url.is_empty() {
            continue;
        }
        let target = url.split(['#', '?']).next().unwrap_or("");
        if inside_content(dir, target).is_none() {
            refuse_image(path, text, body_start + range.start, url, diags);
        }
    }
}

fn refuse_image(path: &str, text: &str, at: usize, url: &str, diags: &mut Vec<Diagnostic>) {
    let (l, c) = line_col(text, at);
    diags.push(
        Diagnostic::error(path, l, c, "path", format!("图片“{url}”在站点以外")).with_hint(HINT),
    );
}

/// Resolves `.` and `..` lexically; `None` when the path climbs above its start.
pub fn normalize(p: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::Normal(n) => out.push(n),
            _ => return None,
        }
    }
    Some(out)
}

/// A link target as the file system names it: `%20` → space, `%E6%96%B0` → 新 (invalid UTF-8
/// is replaced). The link check and the link rewriting both read targets through it.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |k: usize| b.get(k).and_then(|c| (*c as char).to_digit(16));
        if let (b'%', Some(h), Some(l)) = (b[i], hex(i + 1), hex(i + 2)) {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
