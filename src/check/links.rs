//! Site consistency: internal links, images and attachments of a body must resolve to a
//! published item or to a file under `content/static/` (what `build` copies); a target with a
//! scheme the pages refuse (see [`crate::markdown::allowed_url`]) is reported, since the page
//! shows it as a dead `#` link.
//!
//! Complexity: O(n + l·u) for a body of n bytes with l links and images of at most u bytes: one
//! pulldown-cmark pass; each target is decoded, normalised and looked up in hash sets.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Tag};

use super::{Finding, Lint};
use crate::content::{Item, Site};

const ATTACHMENT_EXT: &[&str] = &[
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps", "ofd", "zip", "rar", "7z", "txt",
    "csv",
];

/// What a link may point at (the items' paths borrowed: `serve` builds this at every save).
pub struct Targets<'a> {
    items: HashSet<&'a Path>,
    statics: HashSet<PathBuf>,
}

impl Targets<'_> {
    pub fn of(site: &Site) -> Targets<'_> {
        Targets {
            items: site.items.iter().map(|i| i.source.as_path()).collect(),
            statics: site
                .static_files
                .iter()
                .map(|p| Path::new("content/static").join(p))
                .collect(),
        }
    }
}

/// Findings for the links and images of one item (byte offsets into `item.text`).
pub fn check(item: &Item, targets: &Targets<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let dir = item.source.parent().unwrap_or(Path::new("content"));
    let body = item.markdown();
    // A link or image is written with `[` (inline, reference) or `<` (autolink): a body with
    // neither is not parsed.
    if !body.contains(['[', '<']) {
        return out;
    }
    for (ev, r) in
        pulldown_cmark::Parser::new_ext(body, crate::markdown::options()).into_offset_iter()
    {
        let (url, image) = match ev {
            Event::Start(Tag::Link { dest_url, .. }) => (dest_url, false),
            Event::Start(Tag::Image { dest_url, .. }) => (dest_url, true),
            _ => continue,
        };
        if let Some(scheme) = crate::markdown::scheme(&url)
            && !crate::markdown::allowed_url(&url)
        {
            let (lint, what) = if image {
                (Lint::MissingImage, "图片")
            } else {
                (Lint::BrokenLink, "链接")
            };
            out.push(Finding {
                lint,
                off: item.body_start + r.start,
                len: url.chars().count().min(40),
                message: format!(
                    "{what}“{url}”用了不允许的协议“{scheme}:”，生成的网页中已改为 #（不可点击）"
                ),
                hint: "只能链接 http://、https://、mailto:、tel: 开头的网址，或站内的相对路径；如果是站内文件，把它放进 content/static/ 后用相对路径引用".into(),
                edits: Vec::new(),
            });
            continue;
        }
        if url.is_empty() || url.starts_with('#') || url.starts_with("//") || url.contains(':') {
            continue;
        }
        let path = url.split(['#', '?']).next().unwrap_or("");
        let decoded = crate::content::percent_decode(path);
        let joined = match decoded.strip_prefix('/') {
            Some(abs) => Path::new("content").join(abs),
            None => dir.join(&decoded),
        };
        let norm = crate::content::normalize(&joined);
        let ok = norm
            .as_ref()
            .is_some_and(|n| targets.items.contains(n.as_path()) || targets.statics.contains(n));
        if ok {
            continue;
        }
        let ext = Path::new(path)
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let (lint, what) = if image {
            (Lint::MissingImage, "图片")
        } else if ATTACHMENT_EXT.contains(&ext.as_str()) {
            (Lint::MissingAttachment, "附件文件")
        } else {
            (Lint::BrokenLink, "链接目标")
        };
        let hint = if ext == "md" || ext.is_empty() {
            "检查文件名和相对路径；链接到草稿或不公开的文档在网站上也会失效"
        } else {
            "把文件放进 content/static/，并用相对路径或以 / 开头的路径（相对 content/）引用"
        };
        out.push(Finding {
            lint,
            off: item.body_start + r.start,
            len: url.chars().count().min(40),
            message: format!("{what}“{url}”不存在"),
            hint: hint.into(),
            edits: Vec::new(),
        });
    }
    out
}
