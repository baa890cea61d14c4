//! `wechat/<slug>/index.html`: the article at phone width, a one-click copy of the fragment
//! (`text/html` with a `text/plain` fallback, as doocs/md and mdnice do), a copy button for
//! each editor field, and the images the user must upload. Works from file://. The markup is
//! the theme's `wechat/copy.html`, its style and script the shared `copy.css` and `copy.js`
//! beside the export folders; this module computes what the page shows.

use serde::Serialize;
use tera::{Context, Tera, Value};

use super::Export;
use super::meta::DIGEST_MAX;
use super::validate::{AUTHOR_MAX, BODY_MAX, TITLE_MAX};
use crate::content::{Item, Site};
use crate::render::led::player::script_value;
use crate::render::templates::{render as render_template, render_bytes};

/// One editor field with a copy button.
#[derive(Serialize)]
struct Field<'a> {
    key: &'static str,
    label: &'static str,
    value: &'a str,
    /// The editor's limit, and the value's length against it.
    max: Option<usize>,
    count: usize,
}

impl<'a> Field<'a> {
    fn new(key: &'static str, label: &'static str, value: &'a str, max: Option<usize>) -> Self {
        let count = value.chars().count();
        Field {
            key,
            label,
            value,
            max,
            count,
        }
    }
}

#[derive(Serialize)]
struct Cover<'a> {
    href: &'a str,
    written: &'a str,
    width: Option<u32>,
    height: Option<u32>,
}

/// Renders the preview page of `e` through the theme's `wechat/copy.html`.
/// `assets`: the path from the page to the shared `copy.css` and `copy.js` ([`shared`]).
pub fn render(
    tera: &Tera,
    site: &Site,
    item: &Item,
    e: &Export,
    assets: &str,
) -> anyhow::Result<Vec<u8>> {
    let m = &e.meta;
    let mut fields = vec![
        Field::new("title", "标题", &m.title, Some(TITLE_MAX)),
        Field::new("author", "作者", &m.author, Some(AUTHOR_MAX)),
        Field::new("digest", "摘要", &m.digest, Some(DIGEST_MAX)),
    ];
    if let Some(u) = &m.source_url {
        fields.push(Field::new("source_url", "原文链接", u, None));
    }
    let cover = e.cover.as_ref().map(|c| Cover {
        href: &c.href,
        written: &c.written,
        width: c.size.map(|s| s.0),
        height: c.size.map(|s| s.1),
    });
    let account = if m.account.is_empty() {
        &site.campaign.org
    } else {
        &m.account
    };
    let mut ctx = Context::new();
    ctx.insert("title", &m.title);
    ctx.insert("page_url", &item.url());
    ctx.insert("text_len", &e.text_len);
    ctx.insert("text_max", &BODY_MAX);
    ctx.insert("fields", &fields);
    ctx.insert("cover", &cover);
    ctx.insert("uploads", &e.uploads);
    ctx.insert("account", account);
    ctx.insert("author", &m.author);
    ctx.insert("assets", assets);
    // The fragment is the export's own HTML, its text escaped when it was rendered.
    ctx.insert_value("article", Value::safe_string(&e.html));
    ctx.insert_value("article_json", script_value(&e.html));
    let rel = format!("{}/index.html", super::folder(item));
    render_bytes(tera, "wechat/copy.html", &ctx, &rel)
}

/// The files every copy page shares, (name, bytes): its style and script, from the theme's
/// `wechat/copy.css` and `wechat/copy.js`. A build writes them once in `wechat/` (inline, they were
/// 6 KB of every page); `xuanguan wechat` writes them into its one export folder.
pub fn shared(tera: &Tera) -> anyhow::Result<Vec<(&'static str, Vec<u8>)>> {
    let ctx = Context::new();
    ["copy.css", "copy.js"]
        .into_iter()
        .map(|name| {
            let t = format!("wechat/{name}");
            Ok((name, render_template(tera, &t, &ctx, &t)?.into_bytes()))
        })
        .collect()
}
