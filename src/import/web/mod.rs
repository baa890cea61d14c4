//! Documents received from government portals: copied out of the browser into a `.txt`, or
//! saved as a page (`.html`/`.htm`, also GBK), or passed on by another system (a forwarded
//! mail, an OA 发文稿纸, an app, 钉钉, a Word preview), whose chrome [`systems`] removes
//! first. [`html`] finds the article of a saved page by
//! its structure and text and turns it into lines; [`furniture`] removes what the page put
//! around the document (breadcrumb, font switch, buttons, share links, footer) from those
//! lines and from pasted text alike; [`wechat`] reads the header line of a WeChat Official
//! Account article (its account and time published) and removes its prompts and closing
//! words, and [`account`] an account's article on a news client's site (政务号) its byline
//! and the platform's disclaimer; [`meta`] reads the 政府信息公开 block into fields, [`byline`]
//! the organ of a news story's closing byline, and [`apply`] writes them into the recognised
//! document, saying where the block and the document disagree.

pub mod account;
pub mod apply;
pub mod byline;
pub mod furniture;
pub mod html;
mod labels;
pub mod meta;
pub mod systems;
pub mod unlabeled;
pub mod wechat;

use std::path::Path;

use super::{Line, Report};
pub use meta::Meta;

/// Removes page furniture from cleaned lines and takes out the 信息公开 block.
pub fn tidy(lines: Vec<Line>, rep: &mut Report) -> (Vec<Line>, Meta) {
    let (lines, meta, _) = tidy_offering(lines, rep);
    (lines, meta)
}

/// [`tidy`], also giving the files the page offers to download (line, name as listed).
pub fn tidy_offering(
    lines: Vec<Line>,
    rep: &mut Report,
) -> (Vec<Line>, Meta, Vec<(usize, String)>) {
    let (lines, systems) = systems::take(lines, rep);
    let (lines, mut account) = wechat::take(lines, rep);
    account.extend(systems);
    let (lines, on_site) = account::take(lines, rep);
    account.extend(on_site);
    let lines = furniture::inline(lines, rep);
    let (lines, mut meta) = meta::take(lines, rep);
    meta.fields.extend(account);
    if let Some((line, value)) = furniture::host(&lines) {
        meta.fields.push(meta::Field {
            key: "",
            label: "主办单位".into(),
            value,
            line,
            col: 1,
        });
    }
    if let Some((line, value)) = furniture::header_organ(&lines) {
        meta.fields.push(meta::Field {
            key: "",
            label: furniture::HEADER_ORGAN.into(),
            value,
            line,
            col: 1,
        });
    }
    let lines = unlabeled::take(lines, &mut meta, rep);
    let (lines, files) = furniture::remove_offering(lines, rep);
    meta.fields.extend(byline::find(&lines));
    (lines, meta, files)
}

/// Whether the file is a saved web page: by its name (`.html`, `.htm`, `.shtml`, `.xhtml`), or
/// by its first bytes whatever its name.
pub fn is_html(path: &Path, bytes: &[u8]) -> bool {
    let by_name = path.extension().is_some_and(|e| {
        ["html", "htm", "shtml", "xhtml"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    });
    let head: Vec<u8> = bytes
        .iter()
        .take(1024)
        .map(u8::to_ascii_lowercase)
        .collect();
    let has = |pat: &[u8]| head.windows(pat.len()).any(|w| w == pat);
    by_name || has(b"<!doctype html") || has(b"<html")
}
