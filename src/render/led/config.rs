//! Reading `led.screens` from campaign.yaml: defaults, pixel geometry, validation, and a
//! located Chinese diagnostic for every mistake.

use super::screen::{Effect, Encoding, KEYS, Newline, Screen};
use crate::diag::Diagnostic;
use serde_json::{Map, Value};

/// Finds `(line, col)` of a key path such as `led.screens.1.cols` in `campaign.yaml`.
pub type Locate<'a> = &'a dyn Fn(&str) -> (usize, usize);

/// Reads `led.screens` (the `led:` section of campaign.yaml as JSON). A missing section gives
/// the default door screen; every problem is reported against `path` (the campaign file).
pub fn parse_screens(
    led: Option<&Value>,
    path: &str,
    locate: Locate,
) -> (Vec<Screen>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let list = led.and_then(|l| l.get("screens").or_else(|| l.get("屏幕")));
    let Some(list) = list.filter(|v| !v.is_null()) else {
        return (
            vec![Screen::door("door", "门头屏（P10 单色 8×1 模组）")],
            diags,
        );
    };
    let Some(items) = list.as_array() else {
        let (l, c) = locate("led.screens");
        let d = Diagnostic::error(path, l, c, "led-config", "led.screens 应为列表")
            .with_hint("每块屏幕写成一个以“- id: …”开头的列表项");
        return (Vec::new(), vec![d]);
    };
    let mut screens: Vec<Screen> = Vec::new();
    let mut ids: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let key = format!("led.screens.{i}");
        let mut p = Parser {
            path,
            locate,
            base: key.clone(),
            index: i,
            diags: &mut diags,
            errors: 0,
        };
        let Some(obj) = item.as_object() else {
            p.err(
                "",
                "屏幕配置应为“键: 值”形式的映射",
                "参照 docs/led-feed.md §2.1 填写 id、name、cols 等",
            );
            continue;
        };
        if let Some(s) = p.screen(obj) {
            if ids.contains(&s.id) {
                p.err(
                    "id",
                    &format!("屏幕编号“{}”重复", s.id),
                    "每块屏幕的 id 必须不同，它也是输出文件名",
                );
            } else {
                ids.push(s.id.clone());
                if p.errors == 0 {
                    screens.push(s);
                }
            }
        }
    }
    (screens, diags)
}

/// The largest pixel size, font size, column or row count a screen may have.
const MAX_UINT: u64 = 100_000;

struct Parser<'a, 'd> {
    path: &'a str,
    locate: Locate<'a>,
    base: String,
    index: usize,
    diags: &'d mut Vec<Diagnostic>,
    errors: usize,
}

impl Parser<'_, '_> {
    fn err(&mut self, key: &str, msg: &str, hint: &str) {
        let full = if key.is_empty() {
            self.base.clone()
        } else {
            format!("{}.{key}", self.base)
        };
        let (l, c) = (self.locate)(&full);
        let shown = if key.is_empty() {
            format!("led.screens 第 {} 项", self.index + 1)
        } else {
            format!("led.screens 第 {} 项的 {key}", self.index + 1)
        };
        self.diags.push(
            Diagnostic::error(self.path, l, c, "led-config", format!("{shown}：{msg}"))
                .with_hint(hint),
        );
        self.errors += 1;
    }

    fn get<'v>(&self, obj: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
        let alias = KEYS.iter().find(|k| k.0 == key).map(|k| k.1)?;
        obj.get(key)
            .or_else(|| obj.get(alias))
            .filter(|v| !v.is_null())
    }

    fn uint(&mut self, obj: &Map<String, Value>, key: &str) -> Option<u32> {
        let v = self.get(obj, key)?;
        match v.as_u64().filter(|n| (1..=MAX_UINT).contains(n)) {
            Some(n) => Some(n as u32),
            None if v.as_f64().is_some_and(|n| n > MAX_UINT as f64) => {
                self.err(
                    key,
                    &format!("太大了：最大为 {MAX_UINT}，实际为 {v}"),
                    "核对屏幕的参数（像素宽高、列数、行数一般是几十到几千）",
                );
                None
            }
            None => {
                self.err(
                    key,
                    &format!("应为 1 到 {MAX_UINT} 之间的整数，实际为 {v}"),
                    "写一个不带引号和单位的正整数，例如 16",
                );
                None
            }
        }
    }

    fn num(&mut self, obj: &Map<String, Value>, key: &str, default: f64, lo: f64, hi: f64) -> f64 {
        let Some(v) = self.get(obj, key) else {
            return default;
        };
        match v
            .as_f64()
            .filter(|n| *n >= lo && *n <= hi && !(lo == 0.0 && *n == 0.0 && key.ends_with("cps")))
        {
            Some(n) => n,
            None => {
                self.err(
                    key,
                    &format!("应为 {lo} 到 {hi} 之间的数，实际为 {v}"),
                    "写一个数字，例如 3 或 2.5",
                );
                default
            }
        }
    }

    fn text(&mut self, obj: &Map<String, Value>, key: &str) -> Option<String> {
        let v = self.get(obj, key)?;
        match v.as_str() {
            Some(s) => Some(s.trim().to_string()),
            None => {
                self.err(key, &format!("应为文字，实际为 {v}"), "给这个值加上引号");
                None
            }
        }
    }

    fn screen(&mut self, obj: &Map<String, Value>) -> Option<Screen> {
        for k in obj.keys() {
            if !KEYS.iter().any(|(en, zh)| k == en || k == zh) {
                let names: Vec<&str> = KEYS.iter().map(|k| k.0).collect();
                self.err(
                    k,
                    &format!("未知的屏幕配置项“{k}”"),
                    &format!("可用的配置项：{}", names.join("、")),
                );
            }
        }
        let Some(id) = self.text(obj, "id") else {
            self.err(
                "",
                "缺少 id",
                "加一行 id: door（小写字母、数字和连字符，最多 32 个字符）",
            );
            return None;
        };
        let id_ok = id.len() <= 32
            && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !id_ok {
            self.err(
                "id",
                &format!("屏幕编号“{id}”不合规"),
                "只用小写字母、数字和连字符，最多 32 个字符，例如 zhen-menkou",
            );
        }
        let mut s = Screen::door(&id, &id);
        s.width_px = None;
        s.height_px = None;
        s.font_px = None;
        if let Some(name) = self.text(obj, "name").filter(|n| !n.is_empty()) {
            s.name = name;
        }
        self.geometry(obj, &mut s);
        self.options(obj, &mut s);
        Some(s)
    }

    fn geometry(&mut self, obj: &Map<String, Value>, s: &mut Screen) {
        let (cols, rows) = (self.uint(obj, "cols"), self.uint(obj, "rows"));
        let (w, h, f) = (
            self.uint(obj, "width_px"),
            self.uint(obj, "height_px"),
            self.uint(obj, "font_px"),
        );
        match (w, h) {
            (Some(w), Some(h)) => {
                let f = f.unwrap_or(16);
                let (dc, dr) = (w / f, h / f);
                if dc == 0 || dr == 0 {
                    self.err(
                        "font_px",
                        &format!("{f} 点的字在 {w}×{h} 像素的屏上放不下"),
                        "减小 font_px 或核对屏幕像素",
                    );
                    return;
                }
                if cols.is_some_and(|c| c != dc) || rows.is_some_and(|r| r != dr) {
                    let msg = format!(
                        "cols/rows 与像素不符：{w}×{h} 像素、{f} 点字应为 {dc} 列 × {dr} 行"
                    );
                    self.err(
                        "cols",
                        &msg,
                        "删去 cols/rows 让它们由像素算出，或改正像素尺寸",
                    );
                }
                (s.width_px, s.height_px, s.font_px) = (Some(w), Some(h), Some(f));
                (s.cols, s.rows) = (dc, dr);
            }
            (None, None) => {
                if f.is_some() {
                    self.err(
                        "font_px",
                        "给了 font_px 却没有 width_px 和 height_px",
                        "补上屏幕像素宽高，或删去 font_px",
                    );
                }
                s.cols = cols.unwrap_or(16);
                s.rows = rows.unwrap_or(1);
            }
            // One of the two is missing, not just wrong (a wrong value is reported already).
            _ if self.get(obj, "width_px").is_some() != self.get(obj, "height_px").is_some() => {
                self.err(
                    "width_px",
                    "width_px 和 height_px 要同时给出",
                    "补上另一项，或两项都删去、只写 cols/rows",
                )
            }
            _ => {}
        }
    }

    fn options(&mut self, obj: &Map<String, Value>, s: &mut Screen) {
        if let Some(e) = self.text(obj, "effect") {
            s.effect = match e.as_str() {
                "static" | "静止" => Effect::Static,
                "move_left" | "左移" => Effect::MoveLeft,
                "move_up" | "上移" => Effect::MoveUp,
                "scroll_left" | "连续左移" => Effect::ScrollLeft,
                _ => {
                    self.err(
                        "effect",
                        &format!("未知的特效“{e}”"),
                        "可选 static、move_left、move_up、scroll_left",
                    );
                    s.effect
                }
            };
        }
        if let Some(e) = self.text(obj, "encoding") {
            s.encoding = match e.to_ascii_lowercase().replace('_', "-").as_str() {
                "gbk" | "cp936" | "ansi" => Encoding::Gbk,
                "gb2312" => Encoding::Gb2312,
                "gb18030" => Encoding::Gb18030,
                "utf-8" | "utf8" => Encoding::Utf8,
                "utf-8-sig" | "utf8-sig" => Encoding::Utf8Sig,
                _ => {
                    self.err(
                        "encoding",
                        &format!("未知的编码“{e}”"),
                        "可选 gbk（默认）、gb2312、gb18030、utf-8、utf-8-sig",
                    );
                    s.encoding
                }
            };
        }
        if let Some(n) = self.text(obj, "newline") {
            s.newline = match n.to_ascii_lowercase().as_str() {
                "crlf" => Newline::Crlf,
                "lf" => Newline::Lf,
                _ => {
                    self.err(
                        "newline",
                        &format!("未知的换行方式“{n}”"),
                        "可选 crlf（默认，Windows）或 lf",
                    );
                    s.newline
                }
            };
        }
        s.read_cps = self.num(obj, "read_cps", s.read_cps, 0.0, 10.0);
        s.min_seconds = self.num(obj, "min_seconds", s.min_seconds, 0.0, 600.0);
        s.lead_seconds = self.num(obj, "lead_seconds", s.lead_seconds, 0.0, 60.0);
        s.scroll_cps = self.num(obj, "scroll_cps", s.scroll_cps.min(s.read_cps), 0.0, 10.0);
        if s.is_scroll() && s.scroll_cps > s.read_cps {
            let msg = format!(
                "滚动速度 {} 字/秒快于阅读速度 {} 字/秒，路人来不及看",
                s.scroll_cps, s.read_cps
            );
            self.err(
                "scroll_cps",
                &msg,
                "把 scroll_cps 调到不超过 read_cps，默认 2",
            );
        }
        if let Some(m) = self.uint(obj, "max_parts") {
            s.max_parts = m;
        }
        if let Some(c) = self.text(obj, "color") {
            let hex = c.strip_prefix('#').unwrap_or("");
            if matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit()) {
                s.color = c;
            } else {
                self.err(
                    "color",
                    &format!("颜色“{c}”不是 #rgb 或 #rrggbb"),
                    "例如 \"#ff2a2a\"（红）或 \"#ffd200\"（黄），要加引号",
                );
            }
        }
        if let Some(v) = self.get(obj, "phases") {
            match v
                .as_array()
                .map(|a| a.iter().map(|x| x.as_str().map(str::to_string)).collect())
            {
                Some(Some(list)) => s.phases = list,
                _ => self.err(
                    "phases",
                    "应为阶段名称的列表",
                    "例如 phases: [造强宣传声势, 强化学习培训]",
                ),
            }
        }
    }
}

#[cfg(test)]
#[path = "screen_tests.rs"]
mod tests;
