//! One screen's feed: slides, timing, the JSON document and the TXT export (led-feed.md §2.3,
//! §2.4, §3.3).

use super::chars::half_width;
use super::encode::encode;
use super::lexicon::Lexicon;
use super::screen::{Effect, Newline, Screen};
use super::source::{Prepared, encoding_label};
use super::split::split_slogan;
use crate::diag::Diagnostic;
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

pub const SCHEMA: &str = "led-feed/1";
/// Fills the unused rows of a paged TXT slide (GB2312 A1A1).
const PAD: &str = "\u{3000}";

#[derive(Debug, Clone, Serialize)]
pub struct Feed {
    pub schema: &'static str,
    pub generated: String,
    pub date: String,
    pub screen: Screen,
    pub txt: TxtInfo,
    pub player: String,
    pub cycle_seconds: f64,
    pub slides: Vec<Slide>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TxtInfo {
    pub path: String,
    pub layout: &'static str,
    pub stay_seconds: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Slide {
    pub id: String,
    pub text: String,
    pub lines: Vec<String>,
    pub seconds: f64,
    pub effect: Effect,
    pub group: String,
    pub part: usize,
    pub parts: usize,
    pub source: SlideSource,
    pub valid_from: Option<String>,
    pub valid_until: Option<String>,
    pub phase: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SlideSource {
    pub path: String,
    pub line: usize,
    pub item: usize,
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub title: String,
    pub text: String,
}

fn ceil_half(x: f64) -> f64 {
    (x * 2.0 - 1e-9).ceil() / 2.0
}

/// Hold time of one slide (§3.3): reading time for paged effects, crossing time for a scroll.
pub fn seconds_for(text: &str, s: &Screen) -> f64 {
    let w = f64::from(half_width(&text.replace(char::is_whitespace, ""))) / 2.0;
    if s.is_scroll() {
        ceil_half((w + f64::from(s.cols)) / s.scroll_cps)
    } else {
        ceil_half(s.min_seconds.max(s.lead_seconds + w / s.read_cps))
    }
}

fn fingerprint(t: &str) -> String {
    t.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// Builds the feed of one screen for `date` from the prepared slogans.
pub fn build(
    screen: &Screen,
    slogans: &[Prepared],
    date: NaiveDate,
    generated: DateTime<FixedOffset>,
    lex: &Lexicon,
    diags: &mut Vec<Diagnostic>,
) -> Feed {
    let mut slides = Vec::new();
    let mut seen: HashMap<String, &Prepared> = HashMap::new();
    let mut fragments: HashMap<String, String> = HashMap::new();
    for p in slogans {
        if p.broken
            || !p.for_screen(screen)
            || !p.valid_on(date)
            || !p.check_encoding(screen, diags)
        {
            continue;
        }
        let fp = fingerprint(&p.text);
        if let Some(first) = seen.get(&fp) {
            let msg = format!(
                "与 {}:{} 的标语重复（屏幕“{}”）",
                first.src.path, first.src.line, screen.id
            );
            diags.push(
                Diagnostic::error(&p.src.path, p.src.line, p.src.col, "led-duplicate", msg)
                    .with_hint("删去其中一条，或用 screens 把它们分到不同的屏幕"),
            );
            continue;
        }
        seen.insert(fp.clone(), p);
        let pages = split_slogan(&p.text, screen.cols, screen.rows, screen.is_scroll(), lex);
        let group = format!("{}#{}", p.src.path, p.src.item);
        if pages.len() > screen.max_parts as usize {
            let msg = format!(
                "标语在屏幕“{}”（{}×{}）上要分 {} 屏播放，超过 max_parts = {}",
                screen.id,
                screen.cols,
                screen.rows,
                pages.len(),
                screen.max_parts
            );
            diags.push(
                Diagnostic::warning(&p.src.path, p.src.line, p.src.col, "led-parts", msg)
                    .with_hint("缩短标语，或在这块屏上改用 effect: scroll_left（连续左移）"),
            );
        }
        for (k, lines) in pages.iter().enumerate() {
            let text = lines.concat();
            let seconds = seconds_for(&text, screen);
            let frag = fingerprint(&text);
            match fragments.get(&frag) {
                Some(other) if *other != group => {
                    let msg = format!(
                        "屏幕“{}”上的一屏“{text}”与 {other} 的一屏相同，观众会以为是同一条",
                        screen.id
                    );
                    diags.push(
                        Diagnostic::warning(
                            &p.src.path,
                            p.src.line,
                            p.src.col,
                            "led-fragment",
                            msg,
                        )
                        .with_hint("改写其中一条的开头，或把它们分到不同的屏幕"),
                    );
                }
                _ => {
                    fragments.insert(frag, group.clone());
                }
            }
            if !screen.is_scroll() && seconds > 30.0 {
                let msg = format!("分屏“{text}”在屏幕“{}”上要停留 {seconds} 秒", screen.id);
                diags.push(
                    Diagnostic::warning(&p.src.path, p.src.line, p.src.col, "led-long", msg)
                        .with_hint("缩短标语，或加大屏幕的每行字数"),
                );
            }
            slides.push(Slide {
                id: format!("{group}.{}", k + 1),
                text,
                lines: lines.clone(),
                seconds,
                effect: screen.effect,
                group: group.clone(),
                part: k + 1,
                parts: pages.len(),
                source: SlideSource {
                    path: p.src.path.clone(),
                    line: p.src.line,
                    item: p.src.item,
                    kind: if p.src.kind.is_empty() {
                        "slogan".into()
                    } else {
                        p.src.kind.clone()
                    },
                    url: p.src.url.clone(),
                    title: p.src.set_title.clone(),
                    text: p.text.clone(),
                },
                valid_from: p.valid_from.map(|d| d.to_string()),
                valid_until: p.valid_until.map(|d| d.to_string()),
                phase: p.src.phase.clone(),
            });
        }
    }
    let stay = slides.iter().map(|s| s.seconds).fold(0.0, f64::max);
    Feed {
        schema: SCHEMA,
        generated: generated.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        date: date.to_string(),
        screen: screen.clone(),
        txt: TxtInfo {
            path: format!("{}.txt", screen.id),
            layout: if screen.is_scroll() { "lines" } else { "paged" },
            stay_seconds: stay,
        },
        player: format!("{}.html", screen.id),
        cycle_seconds: slides.iter().fold(0.0, |sum, s| sum + s.seconds),
        slides,
    }
}

/// The TXT export: one page of exactly `rows` lines per slide (or one line per slogan for a
/// scroll), the declared newline between lines and none after the last.
pub fn txt(feed: &Feed) -> Result<Vec<u8>, char> {
    let s = &feed.screen;
    let mut lines: Vec<&str> = Vec::new();
    for slide in &feed.slides {
        if s.is_scroll() {
            lines.push(&slide.text);
        } else {
            lines.extend(slide.lines.iter().map(String::as_str));
            lines.extend(std::iter::repeat_n(
                PAD,
                (s.rows as usize).saturating_sub(slide.lines.len()),
            ));
        }
    }
    let nl = if s.newline == Newline::Crlf {
        "\r\n"
    } else {
        "\n"
    };
    encode(&lines.join(nl), s.encoding)
}

/// The TXT export, or an error naming the screen (every character was checked per slogan
/// before, so this only fires on a bug).
pub fn txt_or_diag(
    feed: &Feed,
    (campaign, line, col): (&str, usize, usize),
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<u8>> {
    match txt(feed) {
        Ok(b) => Some(b),
        Err(c) => {
            let msg = format!(
                "屏幕“{}”的 TXT 无法用 {} 编码“{c}”",
                feed.screen.id,
                encoding_label(feed.screen.encoding)
            );
            diags.push(
                Diagnostic::error(campaign, line, col, "led-encoding", msg)
                    .with_hint("请报告这个问题，并暂时删去含这个字符的标语"),
            );
            None
        }
    }
}
