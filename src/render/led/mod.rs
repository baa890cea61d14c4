//! The LED slide feed (`led-feed/1`, docs/led-feed.md): screens, splitter, encodings, files.
//!
//! Entry point: [`render`] takes the screens (from [`parse_screens`]), the slogans
//! ([`SloganSource`]) and the campaign phases, and returns every file under `output/led/`
//! plus the diagnostics. Nothing here touches the file system.

pub mod chars;
pub mod clause;
pub mod config;
pub mod encode;
pub mod feed;
pub mod lexicon;
pub mod locate;
pub mod player;
pub mod screen;
pub mod site;
pub mod source;
pub mod split;
pub mod title;

pub use config::parse_screens;
pub use feed::{Feed, Slide};
pub use lexicon::Lexicon;
pub use screen::Screen;
pub use source::{PhaseSpan, SloganSource};

use crate::diag::Diagnostic;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

/// Everything the LED renderer needs from a loaded site.
pub struct LedInput<'a> {
    /// Site-relative path of the campaign file, for screen-level diagnostics.
    pub campaign_path: &'a str,
    pub campaign_title: &'a str,
    pub screens: &'a [Screen],
    /// Where screen `i` is configured in the campaign file (line, col), for its findings.
    pub screen_at: &'a dyn Fn(usize) -> (usize, usize),
    pub slogans: &'a [SloganSource],
    pub phases: &'a [PhaseSpan],
    /// The local (UTC+8) date the feed is built for.
    pub date: NaiveDate,
    /// Time stamp written into every feed.
    pub generated: DateTime<FixedOffset>,
    pub lexicon: &'a Lexicon,
    /// The site's template engine, for the player pages (`<id>.html`, `index.html`); without
    /// it only the feeds are written.
    pub engine: Option<&'a tera::Tera>,
}

/// The rendered feed: files relative to the output folder (`led/…`), the feeds themselves and
/// every problem found.
#[derive(Debug, Default)]
pub struct LedOutput {
    pub files: Vec<(String, Vec<u8>)>,
    pub feeds: Vec<Feed>,
    pub diagnostics: Vec<Diagnostic>,
}

impl LedOutput {
    /// The bytes of one output file, e.g. `led/door.txt`.
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, b)| b.as_slice())
    }
}

/// China Standard Time (UTC+8, no daylight saving).
pub fn cst() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("valid offset")
}

/// The current time in UTC+8.
pub fn now_cst() -> DateTime<FixedOffset> {
    Utc::now().with_timezone(&cst())
}

/// "Today" everywhere in the tool: the date in UTC+8 (Beijing time), whatever the computer's
/// time zone (`--today` overrides it).
pub fn today() -> NaiveDate {
    now_cst().date_naive()
}

/// The time stamp of a feed built for `date`: `now`'s time of day on that date, so that the
/// feed's `generated` and `date` always agree (also under `--today`).
pub fn stamp(date: NaiveDate, now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    date.and_time(now.time())
        .and_local_timezone(cst())
        .single()
        .unwrap_or(now)
}

/// Builds `led/<id>.json|.txt|.html` for every screen, `led/screens.json` and `led/index.html`.
pub fn render(input: &LedInput) -> LedOutput {
    let mut out = LedOutput::default();
    let mut diags = Vec::new();
    let prepared = source::prepare(input.slogans, input.phases, input.screens, &mut diags);
    for (i, screen) in input.screens.iter().enumerate() {
        let (line, col) = (input.screen_at)(i);
        let feed = feed::build(
            screen,
            &prepared,
            input.date,
            input.generated,
            input.lexicon,
            &mut diags,
        );
        if feed.slides.is_empty() {
            // Named as staff know the screen; the id is what campaign.yaml (or the default
            // screen, when none is configured) calls it.
            let msg = format!(
                "屏幕“{}”（{}）在 {} 没有可播放的标语，屏幕会黑屏",
                screen.name, screen.id, input.date
            );
            diags.push(Diagnostic::warning(input.campaign_path, line, col, "led-empty", msg).with_hint(
                "检查标语的起始日期、截止日期（valid_from/valid_until）、阶段和屏幕（screens）设置，或为这块屏补充标语",
            ));
        }
        let id = &screen.id;
        let json = serde_json::to_vec_pretty(&feed).expect("feed serialises");
        out.files.push((format!("led/{id}.json"), json));
        if let Some(txt) = feed::txt_or_diag(&feed, (input.campaign_path, line, col), &mut diags) {
            out.files.push((format!("led/{id}.txt"), txt));
        }
        out.feeds.push(feed);
    }
    let screens = serde_json::json!({ "screens": input.screens });
    out.files.push((
        "led/screens.json".into(),
        serde_json::to_vec_pretty(&screens).expect("screens serialise"),
    ));
    if let Some(tera) = input.engine {
        player::pages(
            tera,
            &out.feeds,
            input.campaign_title,
            input.date,
            &mut out.files,
            &mut diags,
        );
    }
    let mut seen = std::collections::HashSet::new();
    diags.retain(|d| seen.insert(d.to_string()));
    out.diagnostics = diags;
    out
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod player_tests;
