//! Every path a user writes must stay inside the site: `cover` and `attachments` in
//! front matter, images in bodies. `..` that climbs out, absolute paths (`/etc/…`, `C:\…`,
//! `\\server\…`, `file:`) and symlinks leading out are refused with a located error.

use std::path::{Component, Path};

use pulldown_cmark::{Event, Parser, Tag};

use super::FrontMatter;
use super::load::normalize;
use crate::diag::{Diagnostic, line_col};

const HINT: &str = "只写站点里的文件：content/static 或 content/data 中的文件名（如 images/a.jpg），不要用 ..、绝对路径或指向别处的快捷方式。";

/// An absolute path on any system the users have, or a `file:` URL.
pub fn is_absolute(p: &str) -> bool {
    let b = p.as_bytes();
    p.starts_with('/')
        || p.starts_with('\\')
        || (b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && !p.contains("://"))
        || p.to_ascii_lowercase().starts_with("file:")
}

/// `..` anywhere (with `/` or `\` separators): front-matter paths never need it.
pub fn has_parent(p: &str) -> bool {
    p.split(['/', '\\']).any(|c| c == "..")
}

/// Checks `cover` and `attachments` (`roster` is checked where rosters are read, in
/// [`super::roster`]).
pub fn front_matter(
    path: &str,
    fm: &FrontMatter,
    root: &Path,
    canon_root: &Path,
    diags: &mut Vec<Diagnostic>,
) {
    let mut refuse = |key: &str, msg: String| {
        let (l, c) = fm.at(key);
        diags.push(Diagnostic::error(path, l, c, "path", msg).with_hint(HINT));
    };
    if let Some(v) = fm.text("cover") {
        if is_absolute(v) || has_parent(v) {
            refuse("cover", format!("封面的路径“{v}”指向站点以外"));
        } else if ["content/static", "content"]
            .iter()
            .map(|base| root.join(base).join(v))
            .filter(|p| p.symlink_metadata().is_ok())
            .any(|p| !p.canonicalize().is_ok_and(|c| c.starts_with(canon_root)))
        {
            refuse("cover", format!("封面文件“{v}”是指向站点以外的链接"));
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
    for (e, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        let Event::Start(Tag::Image { dest_url, .. }) = e else {
            continue;
        };
        let url = dest_url.trim();
        if url.contains("://") && !url.to_ascii_lowercase().starts_with("file:") {
            continue;
        }
        if url.starts_with("data:") || url.is_empty() {
            continue;
        }
        let target = url.split(['#', '?']).next().unwrap_or("");
        // A leading `/` is the root of `content/`, as links resolve it.
        let joined = match target.strip_prefix('/') {
            Some(abs) if !abs.starts_with(['/', '\\']) => Path::new("content").join(abs),
            _ if is_absolute(target) => {
                refuse_image(path, text, body_start + range.start, url, diags);
                continue;
            }
            _ => dir.join(target),
        };
        let content = Some(Component::Normal("content".as_ref()));
        if normalize(&joined).is_none_or(|p| p.components().next() != content) {
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
