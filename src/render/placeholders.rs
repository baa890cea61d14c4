//! Placeholders of a letter body (`{{列名}}`, `{{blank}}`) as the public page shows them:
//! labelled blanks, never a roster cell (the mail merge fills them in on `print/` pages only).
//!
//! Complexity: O(h) in the bytes of the body's HTML: one search for `{{`, then [`roster::fill`]
//! (linear) with one column lookup per placeholder.

use super::escape_html;
use crate::content::Item;
use crate::content::roster::{self, Roster};

/// An underlined blank to fill in by hand.
pub const BLANK: &str = r#"<span class="blank"></span>"#;

/// The body as shown on the site: placeholders become labelled blanks.
pub fn blanks(item: &Item, roster: Option<&Roster>) -> String {
    if !item.body.html.contains("{{") {
        return item.body.html.clone();
    }
    roster::fill(&item.body.html, |name| {
        if name == "blank" {
            Some(BLANK.to_string())
        } else {
            roster.and_then(|r| r.column(name)).map(|_| {
                format!(
                    r#"<span class="field" title="此处为各收件单位自己的信息">{}</span>"#,
                    escape_html(name)
                )
            })
        }
    })
}
