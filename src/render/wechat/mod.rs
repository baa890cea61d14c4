//! WeChat Official Account (公众号) export, per docs/wechat.md: for every article-like item,
//! `wechat/<slug>/article.html` (one root `<section>`, inline styles only), `meta.json` (the
//! editor's separate fields) and `index.html` (phone-width preview, copy buttons, the images
//! to upload). Limits are checked by [`diagnostics`]: warnings in `build`, errors with `--strict`.
//!
//! Complexity: per article, the body's events are converted once ([`body`], O(e + h)) and the
//! fragment's visible text counted once (O(h)); the parts around it are the modules' own.

mod blocks;
pub mod body;
pub mod config;
pub mod cover;
mod frame;
pub mod links;
mod media;
pub mod meta;
pub mod page;
mod paragraphs;
pub mod style;
pub mod text;
mod validate;

use std::path::Path;

use anyhow::Context as _;
use rayon::prelude::*;

use crate::content::{Item, Kind, Site};
use crate::diag::Diagnostic;
use crate::gongwen::order::{self, Part};
use crate::output::Dest;

use super::Cx;
pub use body::Upload;
pub use config::Config;
pub use cover::Cover;
pub use meta::{DigestFrom, Meta};
use style::Styles;
use text::escape;

/// One exported article.
#[derive(Debug, Clone)]
pub struct Export {
    /// The fragment (`article.html`).
    pub html: String,
    pub meta: Meta,
    /// Local images the user must upload by hand (shown as placeholders in the fragment).
    pub uploads: Vec<Upload>,
    pub cover: Option<Cover>,
    pub digest_from: DigestFrom,
    /// Visible characters of the fragment (the draft API allows fewer than 20,000).
    pub text_len: usize,
}

/// Whether `item` gets an export: article-like types by default (notices, plans, letters,
/// cases, news, briefings, speeches); front matter `wechat: true|false` decides otherwise.
pub fn exported(item: &Item) -> bool {
    item.fm.flag("wechat").unwrap_or(matches!(
        item.kind,
        Kind::Notice
            | Kind::Plan
            | Kind::Letter
            | Kind::Case
            | Kind::News
            | Kind::Briefing
            | Kind::Speech
    ))
}

/// The folder of an item's export, relative to the output root.
pub fn folder(item: &Item) -> String {
    format!("wechat/{}", item.slug)
}

/// The preview page of an item's export, when it has one.
pub fn page_url(item: &Item) -> Option<String> {
    exported(item).then(|| format!("{}/index.html", folder(item)))
}

/// Exports one item.
pub fn export(site: &Site, item: &Item, cfg: &Config) -> Export {
    let st = Styles::new(&site.campaign.theme_color);
    let events = crate::markdown::events(item.markdown());
    let targets = body::Targets {
        links: &item.body.links,
        images: &item.body.images,
        base_url: &site.campaign.base_url,
    };
    let body = body::convert(&events, &targets, &st);
    let (digest, digest_from) = meta::digest(item, &body.first_paragraph);
    let cover = cover_of(site, item, cfg);
    let meta = meta::build(site, item, cfg, digest, cover.as_ref());

    let mut html = format!("<section style=\"{}\">\n", st.root());
    // The parts in the one order of a 公文 (gongwen::order), also for letters and plans: the
    // 附件 written in the body go after the 署名, 成文日期 and 附注.
    let (main, annexes) = order::split_annexes(&body.html);
    let official = item.kind.is_official();
    for part in order::ORDER {
        match part {
            // The red 版头 and the 版记 belong to the printed document, the title to the
            // editor's own field.
            Part::Banner | Part::Title | Part::Date | Part::Record => {}
            // The 文号 heads an official document (GB/T 9704 [7.2]), centred above the 主送机关.
            Part::DocNo => {
                if let Some(no) = item.fm.text("doc_no").filter(|_| official) {
                    html.push_str(&format!(
                        "<p style=\"{}text-align:center;\">{}</p>\n",
                        st.plain_paragraph(),
                        escape(no)
                    ));
                }
            }
            Part::Addressees => {
                let addressees = item.fm.list("addressees");
                if !addressees.is_empty() && matches!(item.kind, Kind::Notice | Kind::Letter) {
                    html.push_str(&format!(
                        "<p style=\"{}\">{}：</p>\n",
                        st.plain_paragraph(),
                        escape(&addressees.join("、"))
                    ));
                }
            }
            Part::Body => html.push_str(main),
            Part::AttachmentNote => frame::attachments(&mut html, site, item),
            // The date is the signature's second line.
            Part::Signature => {
                if matches!(item.kind, Kind::Notice | Kind::Letter) {
                    frame::signature(&mut html, item, &st);
                }
            }
            Part::Note if official => {
                let lines = order::note_lines(item.fm.text("note"), item.fm.text("contact"));
                for line in lines {
                    html.push_str(&format!(
                        "<p style=\"{}text-indent:2em;\">（{}）</p>\n",
                        st.plain_paragraph(),
                        escape(&line)
                    ));
                }
            }
            Part::Note => {}
            Part::Annexes => html.push_str(annexes),
        }
    }
    frame::notes(&mut html, &body, &st);
    frame::footer(&mut html, &meta, &st);
    html.push_str("</section>");
    let text_len = text::visible_len(&html);
    Export {
        html,
        meta,
        uploads: body.uploads,
        cover,
        digest_from,
        text_len,
    }
}

fn cover_of(site: &Site, item: &Item, cfg: &Config) -> Option<Cover> {
    let dir = item
        .source
        .parent()
        .unwrap_or(std::path::Path::new("content"));
    match item.fm.text("cover") {
        Some(c) => Some(cover::resolve(&site.root, dir, c)),
        None if !cfg.cover.is_empty() => Some(cover::resolve(
            &site.root,
            std::path::Path::new("content"),
            &cfg.cover,
        )),
        None => None,
    }
}

/// Writes the exports of the items `plan` includes and returns their limits (see
/// [`diagnostics`]): each export is built once, for its files and its findings.
pub fn render(cx: &Cx<'_>) -> anyhow::Result<Vec<Diagnostic>> {
    let (site, plan, tera, out) = (cx.site, cx.plan, cx.tera, cx.out);
    let mut diags = Vec::new();
    let cfg = Config::read(&site.campaign, &mut diags);
    let report = !site.campaign.wechat.is_null();
    if report {
        validate::config(site, &cfg, &mut diags);
    } else {
        diags.clear();
    }
    let picked: Vec<&Item> = site
        .items
        .iter()
        .filter(|i| exported(i) && plan.includes(i))
        .collect();
    let per_item = picked
        .into_par_iter()
        .map(|item| {
            let _at = crate::crash::at(item.path());
            let e = export(site, item, &cfg);
            for (name, bytes) in files(site, tera, item, &e, "../")? {
                let rel = format!("{}/{name}", folder(item));
                out.emit(Dest::staff(&rel).from(&item.source), &bytes)
                    .with_context(|| format!("写入 {rel}"))?;
            }
            Ok(if report {
                (
                    validate::item(site, item, &e),
                    e.cover.is_none().then_some(item),
                )
            } else {
                (Vec::new(), None)
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    // The copy pages' shared style and script, owned by the theme like its static files.
    if plan.is_all() {
        for (name, bytes) in page::shared(tera)? {
            let rel = format!("wechat/{name}");
            out.emit(Dest::staff(&rel).from(Path::new("themes")), &bytes)
                .with_context(|| format!("写入 {rel}"))?;
        }
    }
    let uncovered: Vec<&Item> = per_item.iter().filter_map(|(_, i)| *i).collect();
    if report {
        diags.extend(validate::no_cover(site, &uncovered));
    }
    diags.extend(per_item.into_iter().flat_map(|(d, _)| d));
    validate::once(&mut diags);
    Ok(diags)
}

/// The three files of an export: (file name, bytes); the page through the theme's `tera`,
/// reaching the shared files ([`page::shared`]) at `assets`.
pub fn files(
    site: &Site,
    tera: &tera::Tera,
    item: &Item,
    e: &Export,
    assets: &str,
) -> anyhow::Result<Vec<(&'static str, Vec<u8>)>> {
    let meta = serde_json::to_string_pretty(&e.meta)? + "\n";
    Ok(vec![
        ("article.html", e.html.clone().into_bytes()),
        ("meta.json", meta.into_bytes()),
        ("index.html", page::render(tera, site, item, e, assets)?),
    ])
}

/// The limits of one export, plus the campaign-wide footer settings.
pub fn diagnostics_of(site: &Site, cfg: &Config, item: &Item, e: &Export) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    validate::config(site, cfg, &mut diags);
    diags.extend(validate::item(site, item, e));
    if e.cover.is_none() {
        diags.extend(validate::no_cover(site, &[item]));
    }
    diags
}

/// The export's limits for every exported item, plus problems of the `wechat:` section.
/// A campaign without a `wechat:` section does not publish on a 公众号: its exports are still
/// written, but their limits are not reported (they would only be noise in `build --strict`).
pub fn diagnostics(site: &Site) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    if site.campaign.wechat.is_null() {
        return diags;
    }
    let cfg = Config::read(&site.campaign, &mut diags);
    validate::config(site, &cfg, &mut diags);
    let per_item: Vec<(Vec<Diagnostic>, Option<&Item>)> = site
        .items
        .par_iter()
        .filter(|i| exported(i))
        .map(|item| {
            let e = export(site, item, &cfg);
            (
                validate::item(site, item, &e),
                e.cover.is_none().then_some(item),
            )
        })
        .collect();
    let uncovered: Vec<&Item> = per_item.iter().filter_map(|(_, i)| *i).collect();
    diags.extend(validate::no_cover(site, &uncovered));
    diags.extend(per_item.into_iter().flat_map(|(d, _)| d));
    validate::once(&mut diags);
    diags
}

#[cfg(test)]
mod tests;
