//! Inline styles of the WeChat fragment (docs/wechat.md §4: 16px body, line-height 1.75,
//! letter-spacing 0.034em, ink #333, justified text, 2em first-line indent for government
//! accounts, headings at 1.38×/1.25× with 2:1 margins, link blue #576b95, tables at ~0.86×).
//!
//! Every value is a literal: no `var()`, no `!important`, no `position`, no `font-family`.

/// The styles of one export, parameterised by the campaign's theme colour.
#[derive(Debug, Clone)]
pub struct Styles {
    accent: String,
}

/// Body ink: not pure black, which the editor drops.
pub const INK: &str = "#333333";
/// WeChat's own link and reference blue.
pub const LINK: &str = "#576b95";
const MUTED: &str = "#888888";

impl Styles {
    /// `theme_color` comes from campaign.yaml, already validated as `#rgb` / `#rrggbb`.
    pub fn new(theme_color: &str) -> Styles {
        let ok = theme_color
            .strip_prefix('#')
            .is_some_and(|h| matches!(h.len(), 3 | 6) && h.chars().all(|c| c.is_ascii_hexdigit()));
        Styles {
            accent: if ok { theme_color } else { "#b5121b" }.to_ascii_lowercase(),
        }
    }

    pub fn accent(&self) -> &str {
        &self.accent
    }

    pub fn root(&self) -> String {
        format!(
            "font-size:16px;line-height:1.75;letter-spacing:0.034em;color:{INK};\
             text-align:justify;word-wrap:break-word;margin:0;padding:0;"
        )
    }

    pub fn paragraph(&self) -> &'static str {
        "margin:0 0 16px;text-indent:2em;"
    }

    /// Paragraphs that must not be indented (addressees, inside quotes and list items).
    pub fn plain_paragraph(&self) -> &'static str {
        "margin:0 0 16px;"
    }

    pub fn heading(&self, level: u8) -> String {
        let (size, top, bottom) = match level {
            0..=2 => (22, 30, 15),
            3 => (20, 24, 12),
            _ => (17, 20, 10),
        };
        let extra = if level <= 2 {
            format!("border-left:4px solid {};padding-left:10px;", self.accent)
        } else {
            String::new()
        };
        format!(
            "font-size:{size}px;line-height:1.4;font-weight:bold;color:{};margin:{top}px 0 {bottom}px;{extra}",
            self.accent
        )
    }

    pub fn strong(&self) -> String {
        format!("font-weight:bold;color:{INK};")
    }

    pub fn link(&self) -> String {
        format!("color:{LINK};text-decoration:none;")
    }

    pub fn ref_mark(&self) -> String {
        format!("color:{LINK};font-size:12px;")
    }

    pub fn inline_code(&self) -> &'static str {
        "font-size:14px;color:#c7254e;background:#f6f6f6;padding:0 3px;border-radius:3px;"
    }

    pub fn code_wrap(&self) -> &'static str {
        "margin:0 0 16px;"
    }

    pub fn pre(&self) -> &'static str {
        "overflow-x:auto;background:#f6f8fa;padding:10px 12px;margin:0;border-radius:4px;"
    }

    pub fn code(&self) -> &'static str {
        "font-size:13px;line-height:1.6;color:#333333;letter-spacing:0;"
    }

    pub fn blockquote(&self) -> String {
        format!(
            "margin:0 0 16px;padding:10px 14px;border-left:4px solid {};background:#f7f7f7;color:#555555;",
            self.accent
        )
    }

    pub fn list(&self) -> &'static str {
        "list-style:none;padding:0;margin:0 0 16px;"
    }

    /// `depth` starts at 0 for a top-level list; nested lists are flattened and indented.
    pub fn list_item(&self, depth: usize) -> String {
        format!("margin:4px 0 4px {}em;", depth)
    }

    pub fn table_wrap(&self) -> &'static str {
        "max-width:100%;overflow-x:auto;margin:0 0 16px;"
    }

    pub fn table(&self) -> &'static str {
        "border-collapse:collapse;width:100%;font-size:14px;line-height:1.6;text-align:left;"
    }

    pub fn cell(&self, head: bool, align: &str) -> String {
        let bg = if head {
            "background:#f5f5f5;font-weight:bold;"
        } else {
            ""
        };
        let align = if align.is_empty() {
            String::new()
        } else {
            format!("text-align:{align};")
        };
        format!("border:1px solid #dddddd;padding:6px 8px;{bg}{align}")
    }

    pub fn figure(&self) -> &'static str {
        "margin:0 0 16px;text-align:center;"
    }

    pub fn image(&self) -> &'static str {
        "display:block;max-width:100%;height:auto;margin:0 auto;"
    }

    pub fn inline_image(&self) -> &'static str {
        "max-width:100%;height:auto;vertical-align:middle;"
    }

    pub fn caption(&self) -> String {
        format!("font-size:14px;color:{MUTED};text-align:center;margin:6px 0 0;")
    }

    /// A named box where a local image must be uploaded by hand.
    pub fn placeholder(&self) -> String {
        format!(
            "margin:0 0 16px;padding:24px 12px;border:1px dashed #bbbbbb;background:#fafafa;\
             color:{MUTED};font-size:14px;text-align:center;"
        )
    }

    pub fn inline_placeholder(&self) -> String {
        format!("color:{MUTED};border:1px dashed #bbbbbb;padding:0 4px;")
    }

    pub fn rule(&self) -> &'static str {
        "border:none;border-top:1px solid #dddddd;margin:24px 0;"
    }

    /// Title of the closing 参考链接 / 注释 lists.
    pub fn notes_title(&self) -> String {
        format!("font-size:14px;color:{MUTED};font-weight:bold;margin:24px 0 4px;")
    }

    pub fn note(&self) -> String {
        format!("font-size:13px;line-height:1.6;color:{MUTED};margin:0 0 4px;word-break:break-all;")
    }

    /// Right-aligned signature (issuer, date) of letters and notices.
    pub fn signature(&self) -> &'static str {
        "margin:0 0 4px;text-align:right;"
    }

    pub fn footer(&self) -> String {
        format!(
            "font-size:14px;line-height:1.75;color:{MUTED};margin:24px 0 0;padding-top:10px;\
             border-top:1px solid #eeeeee;"
        )
    }
}
