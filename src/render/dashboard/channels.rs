//! What the dashboard counts and links per channel: the items published per phase on the site,
//! in WeChat exports, on the LED screens and on paper; the print batches; the WeChat exports;
//! the LED screens with what plays today.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use super::{Written, sources};
use crate::content::Site;
use crate::output::Emitted;
use crate::render::led::site::feeds_led;

/// One row of the table "published per phase and channel".
#[derive(Serialize, Default)]
pub struct Row {
    name: String,
    /// The phase's list page on the site (relative to `site/`), empty for 未分阶段.
    url: String,
    site: usize,
    wechat: usize,
    led: usize,
    print: usize,
}

/// Per item (site order): whether it has a public page, a WeChat export, print pages.
fn channels_of(site: &Site, files: &[Emitted]) -> Vec<[bool; 3]> {
    let at: HashMap<&Path, usize> = site
        .items
        .iter()
        .enumerate()
        .map(|(n, i)| (i.source.as_path(), n))
        .collect();
    let mut has = vec![[false; 3]; site.items.len()];
    for (path, source) in sources(files) {
        let Some(&n) = at.get(source.as_path()) else {
            continue;
        };
        if path.starts_with(crate::output::PUBLIC) && path.ends_with(".html") {
            has[n][0] = true;
        } else if path.starts_with("wechat/") {
            has[n][1] = true;
        } else if path.starts_with("print/") {
            has[n][2] = true;
        }
    }
    has
}

/// The items published per phase and channel, one row per phase, then 未分阶段 when some
/// published item has no phase.
pub fn published(site: &Site, files: &[Emitted]) -> Vec<Row> {
    let has = channels_of(site, files);
    let phases = &site.campaign.phases;
    let mut rows: Vec<Row> = phases
        .iter()
        .map(|p| Row {
            name: p.name.clone(),
            url: format!("phases/{}.html", p.id),
            ..Row::default()
        })
        .collect();
    rows.push(Row {
        name: "未分阶段".into(),
        ..Row::default()
    });
    for (i, [page, wechat, print]) in site.items.iter().zip(has) {
        let row = &mut rows[i.phase.unwrap_or(phases.len())];
        row.site += usize::from(page);
        row.wechat += usize::from(wechat);
        row.print += usize::from(print);
        row.led += usize::from(feeds_led(i));
    }
    let last = rows.last().expect("the 未分阶段 row");
    if last.site + last.wechat + last.led + last.print == 0 {
        rows.pop();
    }
    rows
}

/// The column totals of [`published`].
pub fn totals(rows: &[Row]) -> Row {
    let mut t = Row {
        name: "合计".into(),
        ..Row::default()
    };
    for r in rows {
        t.site += r.site;
        t.wechat += r.wechat;
        t.led += r.led;
        t.print += r.print;
    }
    t
}

#[derive(Serialize)]
pub struct Link {
    label: String,
    url: String,
}

/// One print batch: an item's print pages.
#[derive(Serialize)]
pub struct Batch {
    title: String,
    kind: &'static str,
    /// Rows of its roster (one A4 page each), 0 without a roster.
    recipients: usize,
    files: Vec<Link>,
}

/// The print batches, in site order.
pub fn print(site: &Site, files: &[Emitted]) -> Vec<Batch> {
    per_item(site, files, "print/")
        .into_iter()
        .map(|(n, paths)| {
            let item = &site.items[n];
            let recipients = item.roster(site).map_or(0, |r| r.rows.len());
            let files = paths
                .into_iter()
                .map(|p| Link {
                    label: print_label(p, recipients > 0),
                    url: p.to_string(),
                })
                .collect();
            Batch {
                title: item.title.clone(),
                kind: item.kind.label(),
                recipients,
                files,
            }
        })
        .collect()
}

fn print_label(path: &str, merged: bool) -> String {
    if path.ends_with(".register.csv") {
        "送达登记表（CSV，可用 Excel 打开）".into()
    } else if path.ends_with(".pdf") {
        "PDF（build --pdf 打印）".into()
    } else if path.ends_with(".register.html") {
        "送达登记表".into()
    } else if path.ends_with(".html") {
        if merged {
            "逐户套打页"
        } else {
            "打印页"
        }
        .into()
    } else {
        path.rsplit('/').next().unwrap_or(path).to_string()
    }
}

/// The WeChat exports: each item's copy page.
pub fn wechat(site: &Site, files: &[Emitted]) -> Vec<Link> {
    per_item(site, files, "wechat/")
        .into_iter()
        .filter_map(|(n, paths)| {
            let page = paths.into_iter().find(|p| p.ends_with("/index.html"))?;
            Some(Link {
                label: site.items[n].title.clone(),
                url: page.to_string(),
            })
        })
        .collect()
}

/// Per item with files under `folder` (site order), those files.
fn per_item<'f>(site: &Site, files: &'f [Emitted], folder: &str) -> Vec<(usize, Vec<&'f str>)> {
    let mut by: HashMap<&Path, Vec<&str>> = HashMap::new();
    for (path, source) in sources(files) {
        if path.starts_with(folder) {
            by.entry(source.as_path()).or_default().push(path);
        }
    }
    site.items
        .iter()
        .enumerate()
        .filter_map(|(n, i)| by.remove(i.source.as_path()).map(|p| (n, p)))
        .collect()
}

/// One LED screen: its player page and the slogans its feed plays today.
#[derive(Serialize)]
pub struct Screen {
    id: String,
    name: String,
    url: String,
    date: String,
    slogans: Vec<String>,
}

/// The LED screens, from their feeds (`led/<id>.json`, `led-feed/1`).
pub fn led(written: &Written<'_>) -> Vec<Screen> {
    written
        .files
        .iter()
        .filter_map(|f| {
            let id = f.path.strip_prefix("led/")?.strip_suffix(".json")?;
            if id == "screens" || id.contains('/') {
                return None;
            }
            let feed: serde_json::Value = serde_json::from_slice(&(written.read)(&f.path)?).ok()?;
            let mut slogans: Vec<String> = Vec::new();
            for s in feed["slides"].as_array().into_iter().flatten() {
                let text = s["source"]["text"].as_str().or(s["text"].as_str());
                if let Some(t) = text.filter(|t| !slogans.iter().any(|s| s == t)) {
                    slogans.push(t.to_string());
                }
            }
            let page = format!("led/{id}.html");
            let has_page = written.files.iter().any(|f| f.path == page);
            Some(Screen {
                id: id.to_string(),
                name: feed["screen"]["name"].as_str().unwrap_or(id).to_string(),
                url: if has_page { page } else { f.path.clone() },
                date: feed["date"].as_str().unwrap_or("").to_string(),
                slogans,
            })
        })
        .collect()
}
