//! The offline kiosk player (`<id>.html`, led-feed.md §2.5) and the preview index of all
//! screens, from the theme's `led/kiosk.html` and `led/index.html` (both include
//! `led/player.js`). Both are single self-contained files that work from file://.

use chrono::NaiveDate;
use tera::{Context, Tera, Value};

use super::feed::Feed;
use crate::diag::Diagnostic;
use crate::render::templates::render;

/// Adds the player page of every feed and the index to `files`; a template that fails to
/// render (a site's own override) becomes an error in `diags`, once per template.
pub fn pages(
    tera: &Tera,
    feeds: &[Feed],
    campaign: &str,
    date: NaiveDate,
    files: &mut Vec<(String, Vec<u8>)>,
    diags: &mut Vec<Diagnostic>,
) {
    let failed = |e: anyhow::Error| {
        Diagnostic::error("themes", 0, 0, "theme", format!("{e:#}")).with_hint(
            "检查站点 themes 文件夹中 templates/led/ 下的模板，或删除它改用默认主题的模板。",
        )
    };
    for feed in feeds {
        match kiosk(tera, feed) {
            Ok(html) => files.push((format!("led/{}.html", feed.screen.id), html.into_bytes())),
            Err(e) => {
                // The same template fails for every screen: say it once.
                diags.push(failed(e));
                break;
            }
        }
    }
    match index(tera, feeds, campaign, &date.to_string()) {
        Ok(html) => files.push(("led/index.html".to_string(), html.into_bytes())),
        Err(e) => diags.push(failed(e)),
    }
}

/// JSON for a `<script type="application/json">` element: `<` before `/` or `!` is escaped so
/// that no `</script>` or `<!--` can end or confuse the element.
pub fn script_json<T: serde::Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).expect("feed serialises");
    // Inside a script element only `</` (which could close it) and `<!` (which could open a
    // comment state) matter; escaping just those keeps markup in a value nearly its own size.
    // One pass: a WeChat fragment is thousands of `<` (a tenth of its copy page's time went
    // into two `replace` passes).
    let mut out = String::with_capacity(json.len() + 64);
    let mut rest = json.as_str();
    while let Some(at) = rest.find('<') {
        let next = rest.as_bytes().get(at + 1);
        out.push_str(&rest[..at]);
        out.push_str(if matches!(next, Some(b'/' | b'!')) {
            "\\u003c"
        } else {
            "<"
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out
}

/// [`script_json`] as a template value marked safe: autoescaping would turn its quotes into
/// entities, which a script element does not decode.
pub fn script_value<T: serde::Serialize>(value: &T) -> Value {
    Value::safe_string(&script_json(value))
}

/// The kiosk page of one screen: `feed` (the feed as in `<id>.json`) and `feed_json` (the
/// same, ready for the page's JSON script element).
pub fn kiosk(tera: &Tera, feed: &Feed) -> anyhow::Result<String> {
    let mut ctx = Context::new();
    ctx.insert("feed", feed);
    ctx.insert_value("feed_json", script_value(feed));
    let rel = format!("led/{}.html", feed.screen.id);
    render(tera, "led/kiosk.html", &ctx, &rel)
}

/// The preview page of every screen (`led/index.html`): `campaign` (its title), `date` (the
/// day the feeds are for), `feeds` and `feeds_json`.
pub fn index(tera: &Tera, feeds: &[Feed], campaign: &str, date: &str) -> anyhow::Result<String> {
    let mut ctx = Context::new();
    ctx.insert("campaign", campaign);
    ctx.insert("date", date);
    ctx.insert("feeds", feeds);
    ctx.insert_value("feeds_json", script_value(&feeds));
    render(tera, "led/index.html", &ctx, "led/index.html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_json_cannot_close_the_script() {
        let t = "</script><!--<SCRIPT></SCRIPT ><p>一</p>";
        let s = script_json(&serde_json::json!({ "t": t }));
        assert!(!s.contains("</") && !s.contains("<!"), "{s}");
        // Openers stay as they are: markup in a value keeps nearly its own size.
        assert!(s.contains("<SCRIPT>") && s.contains("<p>"), "{s}");
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back["t"], t);
    }

    #[test]
    fn pages_come_from_the_theme_with_their_text_escaped() {
        use super::super::tests::{render_sample, sample_screens, sample_slogans};
        let mut screens = sample_screens();
        screens[0].name = "<b>门头</b>".to_string();
        let out = render_sample(&screens, &sample_slogans());
        assert!(out.diagnostics.iter().all(|d| !d.is_error()));
        let page = String::from_utf8(out.file("led/door.html").unwrap().to_vec()).unwrap();
        assert!(
            page.contains("<title>LED &lt;b&gt;门头&lt;/b&gt;</title>"),
            "{page}"
        );
        assert!(page.contains("\"name\":\"<b>门头\\u003c/b>\""), "{page}");
        assert!(
            page.contains("<script>\n/* LED slide player"),
            "player.js is inlined"
        );
        assert!(!page.contains("{#") && !page.contains("{{"), "{page}");
        let index = String::from_utf8(out.file("led/index.html").unwrap().to_vec()).unwrap();
        assert!(
            index.contains("<title>LED 屏幕播放内容 - 外山乡安全生产标准化提升专项行动</title>")
        );
    }
}
