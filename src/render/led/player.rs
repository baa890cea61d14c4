//! The offline kiosk player (`<id>.html`, led-feed.md §2.5) and the preview index of all
//! screens. Both are single self-contained files that work from file://.

use super::feed::Feed;
use crate::render::escape_html;

const PLAYER_JS: &str = include_str!("player.js");
const KIOSK: &str = include_str!("kiosk.html");
const INDEX: &str = include_str!("index.html");

/// JSON for a `<script type="application/json">` element: `<` is escaped so that no `</script>`
/// or `<!--` can end or confuse the element.
pub fn script_json<T: serde::Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).expect("feed serialises");
    json.replace('<', "\\u003c")
}

/// The kiosk page of one screen.
pub fn kiosk(feed: &Feed) -> String {
    let title = format!("LED {}", feed.screen.name);
    KIOSK
        .replace("__TITLE__", &escape_html(&title))
        .replace("__COLOR__", &feed.screen.color)
        .replace("__ID__", &feed.screen.id)
        .replace("__PLAYER_JS__", PLAYER_JS)
        .replace("__FEED__", &script_json(feed))
}

/// The preview page of every screen (`led/index.html`).
pub fn index(feeds: &[Feed], campaign: &str, date: &str) -> String {
    INDEX
        .replace("__CAMPAIGN__", &escape_html(campaign))
        .replace("__DATE__", &escape_html(date))
        .replace("__PLAYER_JS__", PLAYER_JS)
        .replace("__FEEDS__", &script_json(&feeds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_json_cannot_close_the_script() {
        let s = script_json(&serde_json::json!({"t": "</script><!--"}));
        assert!(!s.contains('<'));
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back["t"], "</script><!--");
    }
}
