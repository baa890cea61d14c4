//! What templates see: the site (`site`), the relative root (`root`), and items as plain
//! serializable records. Built once per build and shared by every page.

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};
use tera::value::Key;

use crate::content::kind::SECTIONS;
use crate::content::{Item, Site, attach, date, frontmatter};

/// The fields of an item's template value (`page` on its own page, an entry of every list),
/// in the order templates have always seen them.
pub const ITEM_FIELDS: [&str; 11] = [
    "title",
    "url",
    "kind",
    "kind_label",
    "section",
    "date",
    "date_cn",
    "phase",
    "unit",
    "tags",
    "summary",
];

/// The `{name, url}` values of the campaign's phases and units and of the site's tags, made
/// once: every item's value holds a reference-counted copy of the ones it shows (at 100,000
/// items, one map per item and link took about 100 MB).
pub struct Links {
    phases: Vec<tera::Value>,
    units: Vec<tera::Value>,
    tags: std::collections::HashMap<String, tera::Value>,
}

impl Links {
    /// The links of the whole site (a full render).
    pub fn of(site: &Site) -> Links {
        let mut links = Links::of_campaign(site);
        for t in site.items.iter().flat_map(|i| &i.tags) {
            if !links.tags.contains_key(t) {
                links.tags.insert(t.clone(), tag_link(site, t));
            }
        }
        links
    }

    /// The phases' and units' links only, for the few items an edit renders again (a tag
    /// not here gets a map of its own: going over every item's tags would cost each edit
    /// time in proportion to the site).
    pub fn of_campaign(site: &Site) -> Links {
        let c = &site.campaign;
        Links {
            phases: c
                .phases
                .iter()
                .map(|p| link(&p.name, format!("phases/{}.html", p.id)))
                .collect(),
            units: c
                .units
                .iter()
                .map(|u| link(&u.name, format!("units/{}.html", u.id)))
                .collect(),
            tags: Default::default(),
        }
    }
}

fn tag_link(site: &Site, t: &str) -> tera::Value {
    link(t, format!("tags/{}.html", site.tag_slug(t)))
}

fn link(name: &str, url: String) -> tera::Value {
    let mut m = tera::Map::with_capacity(2);
    m.insert(Key::Str("name"), name.into());
    m.insert(Key::Str("url"), url.into());
    m.into()
}

/// The text at `key` of a template value (empty when there is none).
pub fn field<'v>(v: &'v tera::Value, key: &'static str) -> &'v str {
    v.get_from_path(key)
        .and_then(tera::Value::as_str)
        .unwrap_or("")
}

#[derive(Serialize)]
struct PhaseCtx {
    id: String,
    name: String,
    start: String,
    end: String,
    /// The dates as `YYYY-MM-DD` (empty when open), for the page's own "today" (today.js).
    start_iso: String,
    end_iso: String,
    tasks: Vec<String>,
    url: String,
    status: &'static str,
    days_left: Option<i64>,
    count: usize,
}

/// Everything shared by all pages, computed once. The `tera::Value` copies are converted once
/// and cloned per page (they are reference-counted), instead of re-serializing per page.
pub struct Refs {
    /// The `site` template variable.
    pub site: Value,
    pub site_value: tera::Value,
    /// Each item's value ([`ITEM_FIELDS`]), in site order.
    pub item_values: Vec<tera::Value>,
    /// Item index by slug and by title (attachments name either).
    pub by_name: std::collections::HashMap<String, usize>,
    /// Back-links: item index → the notices it is an attachment of.
    pub attached_to: std::collections::HashMap<usize, Vec<Value>>,
}

impl Refs {
    /// A notice's `attachments` as `{name, url, label}`: the url of the attachment's page, or
    /// of its section in the notice's own page; `label` is 附件 or 附件N.
    pub fn attachments(&self, site: &Site, item: &Item) -> Vec<Value> {
        let resolved = attach::resolve(item, &site.items, &self.by_name);
        let sections = attach::sections(item);
        let single = resolved.len() == 1;
        resolved
            .into_iter()
            .enumerate()
            .map(|(k, (name, target))| {
                let (name, url) = match target {
                    Some(attach::Target::Item(n)) => {
                        (self.title(n).to_string(), self.url(n).to_string())
                    }
                    Some(attach::Target::Section(s)) => {
                        let url = match sections[s].anchor.as_deref() {
                            Some(a) => format!("{}#{a}", item.url()),
                            None => item.url(),
                        };
                        (name, url)
                    }
                    None => (name, String::new()),
                };
                let label = if single {
                    "附件".to_string()
                } else {
                    format!("附件{}", k + 1)
                };
                serde_json::json!({"name": name, "url": url, "label": label, "n": k + 1})
            })
            .collect()
    }

    /// The notices that list `n` among their attachments: `{name, url, label}`.
    pub fn attached_to(&self, n: usize) -> &[Value] {
        self.attached_to.get(&n).map_or(&[], Vec::as_slice)
    }

    /// Item `n`'s title, address and summary, as its value holds them.
    pub fn title(&self, n: usize) -> &str {
        field(&self.item_values[n], "title")
    }

    pub fn url(&self, n: usize) -> &str {
        field(&self.item_values[n], "url")
    }

    pub fn summary(&self, n: usize) -> &str {
        field(&self.item_values[n], "summary")
    }

    pub fn new(site: &Site) -> Refs {
        use rayon::prelude::*;
        let links = Links::of(site);
        let item_values = site
            .items
            .par_iter()
            .map(|i| item_value(site, i, &links))
            .collect();
        Refs::from_items(site, item_values)
    }

    /// The shared values around `item_values` (one per site item, in site order).
    pub(super) fn from_items(site: &Site, item_values: Vec<tera::Value>) -> Refs {
        let c = &site.campaign;
        let current = c.current_phase(site.today);
        let phases: Vec<PhaseCtx> = c
            .phases
            .iter()
            .enumerate()
            .map(|(n, p)| PhaseCtx {
                id: p.id.clone(),
                name: p.name.clone(),
                start: p.start.map(date::chinese).unwrap_or_default(),
                end: p.end.map(date::chinese).unwrap_or_default(),
                start_iso: p.start.map(|d| d.to_string()).unwrap_or_default(),
                end_iso: p.end.map(|d| d.to_string()).unwrap_or_default(),
                tasks: p.tasks.clone(),
                url: format!("phases/{}.html", p.id),
                status: status(p.start, p.end, site.today),
                days_left: p
                    .end
                    .filter(|_| current == Some(n))
                    .map(|e| (e - site.today).num_days()),
                count: site.items.iter().filter(|i| i.phase == Some(n)).count(),
            })
            .collect();
        let mut counts: std::collections::HashMap<&str, usize> = Default::default();
        for t in site.items.iter().flat_map(|i| &i.tags) {
            *counts.entry(t).or_default() += 1;
        }
        let mut tags: Vec<(&str, usize)> = counts.into_iter().collect();
        tags.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let sections: Vec<Value> = SECTIONS
            .iter()
            .filter(|(id, _)| site.items.iter().any(|i| i.kind.section() == *id) && *id != "pages")
            .map(|(id, name)| serde_json::json!({"id": id, "name": name, "url": format!("{id}/index.html")}))
            .collect();
        let pages: Vec<Value> = site
            .items
            .iter()
            .filter(|i| i.kind == crate::content::Kind::Page)
            .map(|i| serde_json::json!({"name": i.title, "url": i.url()}))
            .collect();
        let mut footer = Map::new();
        for k in [
            "sponsor",
            "organizer",
            "phone",
            "address",
            "email",
            "site_code",
            "icp",
            "police_beian",
            "zhaocuo",
        ] {
            footer.insert(
                k.into(),
                c.footer
                    .get(k)
                    .cloned()
                    .unwrap_or(Value::String(String::new())),
            );
        }
        let site_v = serde_json::json!({
            "title": c.title,
            "org": c.org,
            "description": c.description,
            "base_url": if c.base_url.is_empty() { String::new() } else { format!("{}/", c.base_url.trim_end_matches('/')) },
            "domain": c.base_url.split("://").nth(1).and_then(|r| r.split('/').next()).unwrap_or(""),
            "theme_color": c.theme_color,
            "phases": phases,
            "current_phase": current.map(|n| n as i64).unwrap_or(-1),
            "units": c.units.iter().map(|u| serde_json::json!({"id": u.id, "name": u.name, "url": format!("units/{}.html", u.id)})).collect::<Vec<_>>(),
            "tags": tags.iter().map(|(t, n)| serde_json::json!({"name": t, "url": format!("tags/{}.html", site.tag_slug(t)), "count": n})).collect::<Vec<_>>(),
            "sections": sections,
            "pages": pages,
            "footer": footer,
            "today": date::chinese(site.today),
            "today_iso": site.today.to_string(),
            "generator": concat!("xuanguan ", env!("CARGO_PKG_VERSION")),
        });
        let site_value = tera::Value::from_serializable(&site_v);
        let by_name = attach::names(&site.items);
        let attached_to = backlinks(site, &item_values, &by_name);
        Refs {
            site: site_v,
            site_value,
            item_values,
            by_name,
            attached_to,
        }
    }
}

/// Item index → the notices that list it among their attachments: `{name, url, label, doc_no}`.
pub fn backlinks(
    site: &Site,
    items: &[tera::Value],
    by_name: &std::collections::HashMap<String, usize>,
) -> std::collections::HashMap<usize, Vec<Value>> {
    let mut attached_to: std::collections::HashMap<usize, Vec<Value>> = Default::default();
    for (m, notice) in site.items.iter().enumerate() {
        if !notice.fm.values.contains_key("attachments") {
            continue;
        }
        let resolved = attach::resolve(notice, &site.items, by_name);
        let single = resolved.len() == 1;
        for (k, (_, t)) in resolved.into_iter().enumerate() {
            if let Some(attach::Target::Item(n)) = t {
                let label = if single {
                    "附件".to_string()
                } else {
                    format!("附件{}", k + 1)
                };
                attached_to.entry(n).or_default().push(serde_json::json!({
                    "name": field(&items[m], "title"), "url": field(&items[m], "url"), "label": label,
                    "doc_no": notice.fm.text("doc_no").unwrap_or(""),
                }));
            }
        }
    }
    attached_to
}

fn status(start: Option<NaiveDate>, end: Option<NaiveDate>, today: NaiveDate) -> &'static str {
    if end.is_some_and(|e| e < today) {
        "done"
    } else if start.is_some_and(|s| s > today) {
        "upcoming"
    } else {
        "current"
    }
}

/// Item `i`'s template value: [`ITEM_FIELDS`], its links shared from `links`.
pub(super) fn item_value(site: &Site, i: &Item, links: &Links) -> tera::Value {
    let date = |f: &dyn Fn(NaiveDate) -> String| i.date.map(f).unwrap_or_default();
    let tags: Vec<tera::Value> = i
        .tags
        .iter()
        .map(|t| {
            links
                .tags
                .get(t)
                .cloned()
                .unwrap_or_else(|| tag_link(site, t))
        })
        .collect();
    let values: [tera::Value; 11] = [
        i.title.as_str().into(),
        i.url().into(),
        i.kind.id().into(),
        i.kind.label().into(),
        i.kind.section().into(),
        date(&|d| d.format("%Y-%m-%d").to_string()).into(),
        date(&date::chinese).into(),
        i.phase.and_then(|n| links.phases.get(n).cloned()).into(),
        i.unit.and_then(|n| links.units.get(n).cloned()).into(),
        tags.into(),
        summary(i).into(),
    ];
    let mut m = tera::Map::with_capacity(ITEM_FIELDS.len());
    for (k, v) in ITEM_FIELDS.into_iter().zip(values) {
        m.insert(Key::Str(k), v);
    }
    m.into()
}

/// `summary:` or the first ~90 characters of the body, cut at a sentence end when possible.
pub fn summary(i: &Item) -> String {
    if let Some(s) = i.fm.text("summary") {
        return s.to_string();
    }
    // 400 characters of the body's text give more than 90 as the page shows them: a
    // placeholder shortens to no less than four ninths (`{{blank}}` reads ＿＿＿＿).
    let (source, more) = crate::markdown::plain::prefix(&i.body.html, 400);
    let text = super::search::public_text(&source);
    let text: String = text.split_whitespace().collect::<Vec<_>>().join("");
    let cut: String = text.chars().take(90).collect();
    if more || cut.chars().count() < text.chars().count() {
        match cut.rfind(['。', '！', '？', '；']) {
            Some(p) if p > 30 => cut[..p + '。'.len_utf8()].to_string(),
            _ => format!("{cut}……"),
        }
    } else {
        cut
    }
}

/// Front matter with every known key present (templates may test any of them).
pub fn front_matter(i: &Item) -> Value {
    let mut m = Map::new();
    for k in frontmatter::keys() {
        m.insert(
            k.to_string(),
            i.fm.values.get(k).cloned().unwrap_or(Value::Null),
        );
    }
    for k in [
        "date",
        "printed_date",
        "published",
        "valid_from",
        "valid_until",
    ] {
        if let Some(d) = i.fm.date(k) {
            m.insert(format!("{k}_cn"), Value::String(date::chinese(d)));
        } else {
            m.insert(format!("{k}_cn"), Value::Null);
        }
    }
    Value::Object(m)
}

/// What a letter (一封信, 告知书, 承诺书) shows around its body: the salutation from
/// `addressees`, and the signature (`issuer`, `date`) unless the body ends with its own.
pub fn letter(i: &Item) -> Value {
    let addressees = i.fm.list("addressees");
    let issuer = i.fm.list("issuer").join("　");
    let tail: String = {
        let text = crate::markdown::plain::text(&i.body.html);
        let chars: Vec<char> = text.chars().collect();
        chars[chars.len().saturating_sub(300)..].iter().collect()
    };
    let signed = issuer.is_empty() || tail.contains(&issuer);
    serde_json::json!({
        "salutation": if addressees.is_empty() { String::new() } else { format!("{}：", addressees.join("，")) },
        "sign": !signed,
        "issuer": issuer,
        "date_cn": i.date.map(date::chinese).unwrap_or_default(),
    })
}
