//! The editor's limits (docs/wechat.md §3) checked at build time: title ≤ 64 (warning above
//! 32), author ≤ 8, digest ≤ 120, body < 20,000 characters, a cover of at least 900×383, and
//! the government footer. Every finding is a warning (an error under `--strict`); local
//! images to upload are a note.
//!
//! Complexity: O(h) per article for its HTML of h bytes (the visible text is extracted and
//! counted once); the other limits read short fields, and the findings are deduplicated with a
//! hash set.

use super::config::Config;
use super::meta::DigestFrom;
use super::text::chars;
use super::{Export, folder};
use crate::content::{Item, Site, campaign};
use crate::diag::{Diagnostic, Severity};

pub const TITLE_MAX: usize = 64;
pub const TITLE_SHORT: usize = 32;
pub const AUTHOR_MAX: usize = 8;
pub const BODY_MAX: usize = 20_000;

/// Problems of the campaign-wide settings.
pub fn config(site: &Site, cfg: &Config, diags: &mut Vec<Diagnostic>) {
    if !site.items.iter().any(super::exported) {
        return;
    }
    let c = &site.campaign;
    if cfg.reviewer.is_empty() {
        let (l, col) = Config::at(c, "reviewer");
        diags.push(
            Diagnostic::warning(
                campaign::PATH,
                l,
                col,
                "wechat-footer",
                "公众号文章缺少审核人（先审后发）",
            )
            .with_hint(
                "在 campaign.yaml 的 wechat 下加一行 reviewer: 审核人姓名；文末会写“审核：……”。",
            ),
        );
    }
    if cfg.editor.is_empty() {
        let (l, col) = Config::at(c, "editor");
        diags.push(
            Diagnostic::warning(
                campaign::PATH,
                l,
                col,
                "wechat-footer",
                "公众号文章缺少编辑",
            )
            .with_hint("在 campaign.yaml 的 wechat 下加一行 editor: 编辑姓名。"),
        );
    }
    if cfg.source.is_empty() && c.org.is_empty() {
        let (l, col) = Config::at(c, "source");
        diags.push(
            Diagnostic::warning(
                campaign::PATH,
                l,
                col,
                "wechat-footer",
                "公众号文章缺少来源",
            )
            .with_hint("在 campaign.yaml 的 wechat 下加一行 source: 发布单位全称。"),
        );
    }
}

/// Keeps one of each finding: a problem of the `wechat:` section of campaign.yaml (its
/// default cover, author, …) is found once per article but is one problem at one place.
pub fn once(diags: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::HashSet::new();
    diags.retain(|d| seen.insert(d.to_string()));
}

/// Problems of one export.
pub fn item(site: &Site, item: &Item, e: &Export) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let path = item.path();
    let warn = |key: &str, lint: &'static str, msg: String, hint: &str| {
        let (l, c) = item.fm.at(key);
        Diagnostic::warning(&path, l, c, lint, msg).with_hint(hint)
    };
    let title_key = if item.fm.text("wechat_title").is_some() {
        "wechat_title"
    } else {
        "title"
    };
    let n = chars(&e.meta.title);
    if n > TITLE_MAX {
        out.push(warn(
            title_key,
            "wechat-title",
            format!("公众号标题有 {n} 个字，超过编辑器上限 {TITLE_MAX} 字"),
            "在前言区加 wechat_title: ……（公众号标题，最好不超过 32 字）；网页上仍用原标题。",
        ));
    } else if n > TITLE_SHORT {
        out.push(warn(
            title_key,
            "wechat-title",
            format!("公众号标题有 {n} 个字，超过 {TITLE_SHORT} 字，在消息列表和接口中会被截断"),
            "在前言区加 wechat_title: ……（公众号标题，不超过 32 字）；网页上仍用原标题。",
        ));
    }
    let n = chars(&e.meta.author);
    if n > AUTHOR_MAX {
        let (l, c) = if item.fm.text("author").is_some() {
            (path.clone(), item.fm.at("author"))
        } else {
            (
                campaign::PATH.to_string(),
                Config::at(&site.campaign, "author"),
            )
        };
        out.push(
            Diagnostic::warning(
                l,
                c.0,
                c.1,
                "wechat-author",
                format!(
                    "公众号作者“{}”有 {n} 个字，编辑器最多 {AUTHOR_MAX} 字",
                    e.meta.author
                ),
            )
            .with_hint("写简称，例如“青石镇安办”。"),
        );
    }
    let n = chars(&e.meta.digest);
    if n > super::meta::DIGEST_MAX {
        out.push(warn(
            "summary",
            "wechat-digest",
            format!(
                "摘要有 {n} 个字，公众号摘要最多 {} 字",
                super::meta::DIGEST_MAX
            ),
            "把前言区的 summary 缩短到 120 字以内。",
        ));
    } else if n == 0 && e.digest_from == DigestFrom::Body {
        out.push(warn(
            "title",
            "wechat-digest",
            "没有摘要，正文开头也没有可用的段落".into(),
            "在前言区加 summary: 一两句话的摘要（120 字以内）。",
        ));
    }
    if e.text_len >= BODY_MAX {
        out.push(
            Diagnostic::warning(
                &path,
                item.body_line(),
                1,
                "wechat-size",
                format!("公众号正文有 {} 个字符，必须少于 {BODY_MAX}", e.text_len),
            )
            .with_hint("拆成两篇发布，或删减正文；网页版不受影响。"),
        );
    }
    let (cover_path, at) = if item.fm.text("cover").is_some() || e.cover.is_none() {
        (path.clone(), item.fm.at("cover"))
    } else {
        (
            campaign::PATH.to_string(),
            Config::at(&site.campaign, "cover"),
        )
    };
    cover(e, &mut out, &cover_path, at);
    if !e.uploads.is_empty() {
        let names: Vec<&str> = e.uploads.iter().map(|u| u.name.as_str()).collect();
        out.push(
            Diagnostic::new(
                Severity::Info,
                &path,
                item.body_line(),
                1,
                "wechat-image",
                format!(
                    "公众号文章中有 {} 张本地图片需要在编辑器中手动上传：{}",
                    names.len(),
                    names.join("、")
                ),
            )
            .with_hint(format!(
                "打开 output/{}/index.html，按“需要上传的图片”逐张上传。",
                folder(item)
            )),
        );
    }
    out
}

/// Cover problems, located at the `cover` key that chose it (`at` in `path`).
fn cover(e: &Export, out: &mut Vec<Diagnostic>, path: &str, (l, c): (usize, usize)) {
    // A missing cover is reported once for all items by [`no_cover`].
    let Some(cv) = &e.cover else {
        return;
    };
    if cv.written.contains("://") {
        return;
    }
    match cv.size {
        None => out.push(
            Diagnostic::warning(
                path,
                l,
                c,
                "wechat-cover",
                format!(
                    "找不到封面图片“{}”，或不是 PNG/JPEG/GIF/BMP 图片",
                    cv.written
                ),
            )
            .with_hint(
                "把图片放在 content/static/ 下，路径相对于本文件（或以 / 开头，相对于 content/）。",
            ),
        ),
        Some((w, h)) if w < 900 || h < 383 => out.push(
            Diagnostic::warning(
                path,
                l,
                c,
                "wechat-cover",
                format!("封面图片 {w}×{h} 像素，小于 900×383"),
            )
            .with_hint(
                "换一张至少 900×383 像素（2.35:1）的图片，主体放在中间，便于裁出 1:1 的分享图。",
            ),
        ),
        Some(_)
            if cv
                .file
                .as_ref()
                .is_some_and(|f| !f.starts_with("content/static")) =>
        {
            out.push(
                Diagnostic::warning(
                    path,
                    l,
                    c,
                    "wechat-cover",
                    format!(
                        "封面图片“{}”不在 content/static/ 下，不会复制到网站中",
                        cv.written
                    ),
                )
                .with_hint("把图片移到 content/static/ 下。"),
            )
        }
        _ => {}
    }
}

/// Items without a cover: one warning at the item when it is alone, else one warning at the
/// `wechat:` section of campaign.yaml (a default cover fixes them all).
pub fn no_cover(site: &Site, items: &[&Item]) -> Option<Diagnostic> {
    const HINT: &str = "在 campaign.yaml 的 wechat 下写默认封面 cover: static/封面.jpg，或在文章前言区写 cover: ../static/封面.jpg（至少 900×383 像素）。";
    match items {
        [] => None,
        [one] => {
            let (l, c) = one.fm.at("cover");
            Some(
                Diagnostic::warning(one.path(), l, c, "wechat-cover", "公众号文章没有封面图片")
                    .with_hint(HINT),
            )
        }
        many => {
            let (l, c) = Config::at(&site.campaign, "cover");
            let names: Vec<String> = many.iter().take(3).map(|i| i.path()).collect();
            Some(
                Diagnostic::warning(
                    campaign::PATH,
                    l,
                    c,
                    "wechat-cover",
                    format!(
                        "{} 篇公众号文章没有封面图片（{} 等）",
                        many.len(),
                        names.join("、")
                    ),
                )
                .with_hint(HINT),
            )
        }
    }
}
