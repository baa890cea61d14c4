//! `meta.json`: the values of the editor's separate fields (title, author, digest, 原文链接,
//! cover) and the government review trail (docs/wechat.md §1, §3).
//!
//! Complexity: O(t) per field for t bytes: the digest is cut at a sentence end found by one
//! backward search.

use serde::Serialize;

use super::config::Config;
use super::cover::Cover;
use super::text::cut_at_sentence;
use crate::content::{Item, Site};

/// Digest limit of the editor field.
pub const DIGEST_MAX: usize = 120;

#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    pub title: String,
    pub author: String,
    pub digest: String,
    /// The item's page on the site (原文链接), when `base_url` is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cover: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cover_width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cover_height: Option<u32>,
    pub profile: &'static str,
    pub account: String,
    pub editor: String,
    pub reviewer: String,
    pub source: String,
}

/// Where the digest came from (for messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DigestFrom {
    Summary,
    Body,
}

/// The title used in the editor: `wechat_title` when given, else the item's title.
pub fn title(item: &Item) -> String {
    item.fm
        .text("wechat_title")
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| item.title.clone())
}

/// The author: front matter `author`, else `wechat.author`, else the account name.
pub fn author(item: &Item, cfg: &Config) -> String {
    item.fm
        .text("author")
        .map(|s| s.trim().to_string())
        .or_else(|| (!cfg.author.is_empty()).then(|| cfg.author.clone()))
        .unwrap_or_else(|| cfg.account.clone())
}

/// The digest: front matter `summary` as written, else the first paragraph cut at a sentence
/// end within the limit.
pub fn digest(item: &Item, first_paragraph: &str) -> (String, DigestFrom) {
    match item.fm.text("summary") {
        Some(s) => (s.trim().to_string(), DigestFrom::Summary),
        None => (
            cut_at_sentence(first_paragraph, DIGEST_MAX),
            DigestFrom::Body,
        ),
    }
}

/// The item's page under `base_url`.
pub fn source_url(site: &Site, item: &Item) -> Option<String> {
    let base = site.campaign.base_url.trim().trim_end_matches('/');
    (base.starts_with("https://") || base.starts_with("http://"))
        .then(|| format!("{base}/{}", item.url()))
}

pub fn build(
    site: &Site,
    item: &Item,
    cfg: &Config,
    digest: String,
    cover: Option<&Cover>,
) -> Meta {
    Meta {
        title: title(item),
        author: author(item, cfg),
        digest,
        source_url: source_url(site, item),
        cover: cover.map(|c| c.href.clone()),
        cover_width: cover.and_then(|c| c.size).map(|s| s.0),
        cover_height: cover.and_then(|c| c.size).map(|s| s.1),
        profile: "gov",
        account: cfg.account.clone(),
        editor: cfg.editor.clone(),
        reviewer: cfg.reviewer.clone(),
        source: if cfg.source.is_empty() {
            site.campaign.org.clone()
        } else {
            cfg.source.clone()
        },
    }
}
