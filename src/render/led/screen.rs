//! Screen configuration: `led.screens` in `content/campaign.yaml` (led-feed.md §2.1).

use serde::Serialize;

/// How a page enters the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    Static,
    MoveLeft,
    MoveUp,
    ScrollLeft,
}

/// Encoding of the TXT export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Encoding {
    #[serde(rename = "gbk")]
    Gbk,
    #[serde(rename = "gb2312")]
    Gb2312,
    #[serde(rename = "gb18030")]
    Gb18030,
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "utf-8-sig")]
    Utf8Sig,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Newline {
    Crlf,
    Lf,
}

/// One resolved screen, serialised as-is into `screens.json` and each feed's `screen`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Screen {
    pub id: String,
    pub name: String,
    pub cols: u32,
    pub rows: u32,
    pub effect: Effect,
    pub read_cps: f64,
    pub min_seconds: f64,
    pub lead_seconds: f64,
    pub scroll_cps: f64,
    pub encoding: Encoding,
    pub newline: Newline,
    pub max_parts: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width_px: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height_px: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub font_px: Option<u32>,
    pub color: String,
    /// Only slogans of these campaign phases (empty = every phase).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<String>,
}

impl Screen {
    /// A single-line P10 door screen: 8×1 modules, 256×16 px, 16-dot font, 16 characters.
    pub fn door(id: &str, name: &str) -> Screen {
        Screen {
            id: id.to_string(),
            name: name.to_string(),
            cols: 16,
            rows: 1,
            effect: Effect::Static,
            read_cps: 3.0,
            min_seconds: 3.0,
            lead_seconds: 1.0,
            scroll_cps: 2.0,
            encoding: Encoding::Gbk,
            newline: Newline::Crlf,
            max_parts: 3,
            width_px: Some(256),
            height_px: Some(16),
            font_px: Some(16),
            color: "#ff2a2a".to_string(),
            phases: Vec::new(),
        }
    }

    pub fn is_scroll(&self) -> bool {
        self.effect == Effect::ScrollLeft
    }
}

/// Keys of a screen entry with their Chinese aliases.
pub const KEYS: &[(&str, &str)] = &[
    ("id", "编号"),
    ("name", "名称"),
    ("cols", "列数"),
    ("rows", "行数"),
    ("width_px", "宽度"),
    ("height_px", "高度"),
    ("font_px", "字号"),
    ("effect", "特效"),
    ("read_cps", "阅读速度"),
    ("min_seconds", "最短时长"),
    ("lead_seconds", "起始时长"),
    ("scroll_cps", "滚动速度"),
    ("encoding", "编码"),
    ("newline", "换行"),
    ("max_parts", "最多屏数"),
    ("color", "颜色"),
    ("phases", "阶段"),
];
