//! From a loaded [`Site`] to the LED renderer's input: screens from `led:` in campaign.yaml,
//! slogans from slogan sets (one per top-level list item) and from items marked `led: true`.
//!
//! Complexity: O(n) in the bytes of a slogan set (n): one pulldown-cmark pass lists the
//! items, each item's text goes once through [`crate::markdown::events`], and items are
//! located with one [`LineIndex`] per file, in increasing order (locating each from the top
//! of the file was O(items·n)). The site's terms and roster names are read once per build.

use super::locate::locate;
use super::{LedInput, LedOutput, Lexicon, PhaseSpan, Screen, SloganSource, parse_screens};
use crate::content::{Item, Kind, Site, campaign};
use crate::diag::{Diagnostic, LineIndex};
use chrono::{DateTime, FixedOffset};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::sync::{Arc, Mutex};

/// Keys of the `led:` section with their Chinese aliases.
const LED_KEYS: &[(&str, &str)] = &[("screens", "屏幕"), ("lexicon", "词表")];

fn aliases(key: &str) -> Vec<String> {
    let screen_keys = super::screen::KEYS.iter();
    LED_KEYS
        .iter()
        .chain(screen_keys)
        .filter(|k| k.0 == key)
        .map(|k| k.1.to_string())
        .collect()
}

/// The LED renderer: every LED file of the site (staff materials), unless the plan edits
/// items in place that the feed neither showed nor shows.
pub fn render(cx: &crate::render::Cx<'_>) -> anyhow::Result<Vec<Diagnostic>> {
    if !cx.plan.renders_led() {
        cx.out.keep(crate::output::Dest::staff("led/"));
        return Ok(Vec::new());
    }
    let out = build(cx.site, super::now_cst(), Some(cx.tera));
    for (rel, bytes) in &out.files {
        cx.out.emit(crate::output::Dest::staff(rel), bytes)?;
    }
    Ok(out.diagnostics)
}

/// Whether any of the `changed` sources is shown by the LED feed in `site`.
pub fn touches(site: &Site, changed: &std::collections::BTreeSet<std::path::PathBuf>) -> bool {
    site.items
        .iter()
        .any(|i| crate::content::has_source(changed, &i.source) && feeds_led(i))
}

/// Every LED file of the site for `site.today`; the player pages (`<id>.html`, `index.html`)
/// only with the theme's `engine`.
pub fn build(
    site: &Site,
    generated: DateTime<FixedOffset>,
    engine: Option<&tera::Tera>,
) -> LedOutput {
    let c = &site.campaign;
    let mut diags = Vec::new();
    let at = |key: &str| locate(&c.source, key, &aliases);
    let led = (!c.led.is_null()).then_some(&c.led);
    if let Some(obj) = led.and_then(|l| l.as_object()) {
        for k in obj
            .keys()
            .filter(|k| !LED_KEYS.iter().any(|(en, zh)| k == en || k == zh))
        {
            let (l, col) = at(&format!("led.{k}"));
            diags.push(
                Diagnostic::error(
                    campaign::PATH,
                    l,
                    col,
                    "led-config",
                    format!("led 下未知的配置项“{k}”"),
                )
                .with_hint(
                    "led 下只能写 screens（屏幕列表）和 lexicon（不可拆开的地名、单位名列表）",
                ),
            );
        }
    } else if led.is_some() {
        let (l, col) = at("led");
        diags.push(
            Diagnostic::error(
                campaign::PATH,
                l,
                col,
                "led-config",
                "led 应为“键: 值”形式的映射",
            )
            .with_hint("写成 led: 换行后缩进两格写 screens:"),
        );
    }
    let (mut screens, d) = parse_screens(led, campaign::PATH, &at);
    diags.extend(d);
    map_screen_phases(site, &mut screens, &at, &mut diags);
    let phases: Vec<PhaseSpan> = c
        .phases
        .iter()
        .map(|p| PhaseSpan {
            name: p.name.clone(),
            from: p.start,
            until: p.end,
        })
        .collect();
    let slogans = collect(site, &mut diags);
    let lexicon = lexicon(site);
    // A screen's findings point at its entry under led.screens (the default screen, when
    // none is configured, at `led:` or the top of the file).
    let configured = led.is_some_and(|l| l.get("screens").or_else(|| l.get("屏幕")).is_some());
    let screen_at = |i: usize| match configured {
        true => at(&format!("led.screens.{i}")),
        false => at("led"),
    };
    let mut out = super::render(&LedInput {
        campaign_path: campaign::PATH,
        campaign_title: &c.title,
        screens: &screens,
        screen_at: &screen_at,
        slogans: &slogans,
        phases: &phases,
        date: site.today,
        generated: super::stamp(site.today, generated),
        lexicon: &lexicon,
        engine,
    });
    diags.append(&mut out.diagnostics);
    out.diagnostics = diags;
    out
}

/// Screen `phases:` may name a phase by id or name; the feed compares names.
fn map_screen_phases(
    site: &Site,
    screens: &mut [Screen],
    at: &dyn Fn(&str) -> (usize, usize),
    diags: &mut Vec<Diagnostic>,
) {
    for (i, s) in screens.iter_mut().enumerate() {
        for p in &mut s.phases {
            match site.campaign.phase_index(p) {
                Some(k) => *p = site.campaign.phases[k].name.clone(),
                None => {
                    let (l, col) = at(&format!("led.screens.{i}.phases"));
                    let names: Vec<&str> =
                        site.campaign.phases.iter().map(|p| p.id.as_str()).collect();
                    diags.push(
                        Diagnostic::error(
                            campaign::PATH,
                            l,
                            col,
                            "led-config",
                            format!("屏幕“{}”的阶段“{p}”不存在", s.id),
                        )
                        .with_hint(format!("可用的阶段：{}", names.join("、"))),
                    );
                }
            }
        }
    }
}

/// The splitter's lexicon with the site's own names (places, units, enterprises): the LED feed
/// and the 公文 title breaker share it.
pub fn lexicon(site: &Site) -> Arc<Lexicon> {
    lexicon_for(site_terms(site))
}

/// The lexicon for these site terms. Loading jieba's dictionary is the slowest part of the LED
/// feed, so the last lexicon is kept for the next build of the same site (`serve`).
fn lexicon_for(terms: Vec<String>) -> Arc<Lexicon> {
    static LAST: Mutex<Option<(Vec<String>, Arc<Lexicon>)>> = Mutex::new(None);
    let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((t, lex)) = last.as_ref()
        && *t == terms
    {
        return Arc::clone(lex);
    }
    let lex = Arc::new(Lexicon::new(&terms));
    *last = Some((terms, Arc::clone(&lex)));
    lex
}

/// Place, unit and organisation names the splitter must keep whole.
fn site_terms(site: &Site) -> Vec<String> {
    let c = &site.campaign;
    let mut terms: Vec<String> = c.units.iter().map(|u| u.name.clone()).collect();
    terms.push(c.org.clone());
    // The words the site declares right for proofreading (campaign.yaml 校对.词语) are names too.
    terms.extend(c.proofreading.words.iter().cloned());
    for key in ["lexicon", "词表"] {
        if let Some(list) = c.led.get(key).and_then(|v| v.as_array()) {
            terms.extend(list.iter().filter_map(|v| v.as_str().map(str::to_string)));
        }
    }
    for rel in site
        .data_files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
    {
        if let Ok(bytes) = std::fs::read(site.root.join("content/data").join(rel)) {
            terms.extend(roster_names(&bytes));
        }
    }
    terms
}

/// Names in a roster: the columns whose header names a unit, enterprise or village.
fn roster_names(bytes: &[u8]) -> Vec<String> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.trim_start_matches('\u{feff}').to_string(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    };
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let Ok(headers) = rdr.headers().cloned() else {
        return Vec::new();
    };
    let cols: Vec<usize> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| {
            ["名称", "单位", "企业", "村", "name"]
                .iter()
                .any(|k| h.contains(k))
        })
        .map(|(i, _)| i)
        .collect();
    let mut out = Vec::new();
    for rec in rdr.records().flatten() {
        out.extend(
            cols.iter()
                .filter_map(|&i| rec.get(i))
                .map(|v| v.trim().to_string())
                .filter(|v| {
                    let n = v.chars().count();
                    (2..=24).contains(&n) && !v.chars().any(|c| c.is_ascii_digit())
                }),
        );
    }
    out
}

/// Whether the LED feed shows (something of) `item`: slogan sets unless `led: false`, and
/// items marked `led: true`.
pub fn feeds_led(item: &Item) -> bool {
    let flag = item.fm.flag("led");
    (item.kind == Kind::Slogans && flag != Some(false)) || flag == Some(true)
}

/// Every slogan of the site, in item order; a slogan set without list items is reported.
pub fn collect(site: &Site, diags: &mut Vec<Diagnostic>) -> Vec<SloganSource> {
    let mut out = Vec::new();
    for item in site.items.iter().filter(|i| feeds_led(i)) {
        if item.kind == Kind::Slogans && item.fm.flag("led") != Some(false) {
            let items = list_items(item.markdown());
            // One index per file: locating each item from the top of the file was O(items · n).
            let index = LineIndex::new(&item.text);
            if items.is_empty() {
                let msg = "标语集的正文中没有列表项，LED 屏上不会播放其中的标语";
                diags.push(Diagnostic::warning(item.path(), item.body_line(), 1, "led-no-items", msg)
                    .with_hint("每条标语单独一行，写成“1. 标语内容”（数字、英文句点、空格）或“- 标语内容”"));
            }
            for (k, (offset, text)) in items.into_iter().enumerate() {
                let (line, col) = index.line_col(item.body_start + offset);
                out.push(source(site, item, k + 1, line, col, text, "slogan"));
            }
        } else {
            let key = if item.fm.text("summary").is_some() {
                "summary"
            } else {
                "title"
            };
            let text = item.fm.text(key).unwrap_or(&item.title).to_string();
            let (line, col) = item.fm.at(key);
            let kind = match item.kind {
                Kind::Letter | Kind::Form | Kind::Pledge => "letter",
                Kind::Case => "case",
                _ => "notice",
            };
            out.push(source(site, item, 1, line, col, text, kind));
        }
    }
    out
}

fn source(
    site: &Site,
    item: &Item,
    k: usize,
    line: usize,
    col: usize,
    text: String,
    kind: &str,
) -> SloganSource {
    SloganSource {
        path: item.path(),
        line,
        col,
        item: k,
        kind: kind.into(),
        text,
        set_slug: item.slug.clone(),
        set_title: item.title.clone(),
        url: Some(item.url()),
        screens: item.fm.list("screens"),
        valid_from: item.fm.date("valid_from"),
        valid_until: item.fm.date("valid_until"),
        phase: item.phase.map(|p| site.campaign.phases[p].name.clone()),
    }
}

/// Top-level list items of a markdown body: (byte offset of the item's text, plain text).
pub fn list_items(md: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    for (ev, range) in Parser::new_ext(md, crate::markdown::options()).into_offset_iter() {
        match ev {
            Event::Start(Tag::List(_)) => depth += 1,
            Event::End(TagEnd::List(_)) => depth = depth.saturating_sub(1),
            Event::Start(Tag::Item) if depth == 1 => {
                let src = &md[range.clone()];
                let start = content_start(src);
                let line_start = md[..range.start].rfind('\n').map_or(0, |i| i + 1);
                let indent = range.start + start - line_start;
                let text = plain_text(&dedent(&src[start..], indent));
                if !text.trim().is_empty() {
                    out.push((range.start + start, text));
                }
            }
            _ => {}
        }
    }
    out
}

/// Offset of an item's text after its marker (`1. `, `- `, `* `, `1) `).
fn content_start(src: &str) -> usize {
    let t = src.trim_start();
    let lead = src.len() - t.len();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let marker = if digits > 0 && t[digits..].starts_with(['.', ')']) {
        digits + 1
    } else if t.starts_with(['-', '*', '+']) {
        1
    } else {
        0
    };
    let rest = &t[marker..];
    lead + marker + (rest.len() - rest.trim_start_matches([' ', '\t']).len())
}

/// Removes an item's content indentation from its continuation lines, so that the item can be
/// parsed on its own.
fn dedent(src: &str, indent: usize) -> String {
    let mut out = String::with_capacity(src.len());
    for (i, line) in src.split_inclusive('\n').enumerate() {
        let spaces = line.len() - line.trim_start_matches(' ').len();
        out.push_str(if i == 0 {
            line
        } else {
            &line[spaces.min(indent)..]
        });
    }
    out
}

/// The text of one item through the project's markdown passes (CJK bold, soft breaks), up to
/// any nested list.
fn plain_text(md: &str) -> String {
    let mut s = String::new();
    for ev in crate::markdown::events(md) {
        match ev {
            Event::Text(t) | Event::Code(t) => s.push_str(&t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            Event::Start(Tag::List(_)) => break,
            _ => {}
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::line_col;

    #[test]
    fn roster_names_come_from_name_columns() {
        let csv = "单位名称,主要负责人,所属村,联系电话\n临江县青石竹业有限公司,陈建国,东山村,138****0001\n";
        assert_eq!(
            roster_names(csv.as_bytes()),
            ["临江县青石竹业有限公司", "东山村"]
        );
        let gbk = encoding_rs::GBK.encode(csv).0;
        assert_eq!(roster_names(&gbk).len(), 2);
    }

    #[test]
    fn list_items_with_offsets() {
        let md = "前言。\n\n1. 安全第一，**预防为主**。\n2.  人人讲安全，\n   个个会应急。\n    - 不要这一条\n\n- 隐患就是事故。\n";
        let items = list_items(md);
        let texts: Vec<&str> = items.iter().map(|i| i.1.as_str()).collect();
        assert_eq!(
            texts,
            [
                "安全第一，预防为主。",
                "人人讲安全，个个会应急。",
                "隐患就是事故。"
            ]
        );
        assert_eq!(line_col(md, items[0].0), (3, 4));
        assert_eq!(line_col(md, items[1].0), (4, 5));
        assert_eq!(line_col(md, items[2].0), (8, 3));
    }
}
