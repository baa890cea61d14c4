//! The `wechat:` section of campaign.yaml: the account, default author, the government
//! footer (来源/编辑/审核) and a default cover.

use serde_json::Value;

use crate::content::{Campaign, campaign};
use crate::diag::Diagnostic;
use crate::yaml;

/// (English key, Chinese alias).
const KEYS: &[(&str, &str)] = &[
    ("account", "公众号"),
    ("author", "作者"),
    ("editor", "编辑"),
    ("reviewer", "审核"),
    ("source", "来源"),
    ("cover", "封面"),
];

#[derive(Debug, Clone, Default)]
pub struct Config {
    pub account: String,
    pub author: String,
    pub editor: String,
    pub reviewer: String,
    pub source: String,
    /// Default cover, relative to `content/` (or an https URL).
    pub cover: String,
}

impl Config {
    /// Reads `campaign.wechat`; unknown keys and non-text values are reported in `diags`.
    pub fn read(c: &Campaign, diags: &mut Vec<Diagnostic>) -> Config {
        let mut cfg = Config::default();
        let section = ["wechat", "微信"]
            .iter()
            .find(|k| yaml::locate(&c.source, &[k], 0).is_some())
            .copied()
            .unwrap_or("wechat");
        let at = |key: &str| {
            yaml::locate(&c.source, &[section, key], 0)
                .or_else(|| yaml::locate(&c.source, &[section], 0))
                .unwrap_or((1, 1))
        };
        let map = match &c.wechat {
            Value::Object(m) => m,
            Value::Null => return cfg,
            _ => {
                let (l, col) = at(section);
                diags.push(
                    Diagnostic::warning(
                        campaign::PATH,
                        l,
                        col,
                        "wechat-config",
                        "wechat 应是“键: 值”的列表",
                    )
                    .with_hint("参照示例写 account、author、editor、reviewer、source 各一行。"),
                );
                return cfg;
            }
        };
        for (key, v) in map {
            let Some(&(name, _)) = KEYS.iter().find(|(en, zh)| en == key || zh == key) else {
                let (l, col) = at(key);
                diags.push(
                    Diagnostic::warning(
                        campaign::PATH,
                        l,
                        col,
                        "wechat-config",
                        format!("wechat 中未知的字段“{key}”"),
                    )
                    .with_hint("可用字段：account（公众号）、author（作者）、editor（编辑）、reviewer（审核）、source（来源）、cover（封面）。"),
                );
                continue;
            };
            let text = match v {
                Value::String(s) => s.trim().to_string(),
                Value::Number(n) => n.to_string(),
                _ => {
                    let (l, col) = at(key);
                    diags.push(
                        Diagnostic::warning(
                            campaign::PATH,
                            l,
                            col,
                            "wechat-config",
                            format!("wechat.{key} 应是一段文字"),
                        )
                        .with_hint("直接写文字，例如 reviewer: 陈志远"),
                    );
                    continue;
                }
            };
            if name == "cover"
                && !crate::content::paths::is_url(&text)
                && crate::content::paths::inside_content(std::path::Path::new("content"), &text)
                    .is_none()
            {
                let (l, col) = at(key);
                diags.push(
                    Diagnostic::error(
                        campaign::PATH,
                        l,
                        col,
                        "path",
                        format!("wechat.cover 的路径“{text}”指向站点以外"),
                    )
                    .with_hint(
                        "写 content 里的图片，例如 cover: static/cover.png；不要用 ..、绝对路径。",
                    ),
                );
                continue;
            }
            let slot = match name {
                "account" => &mut cfg.account,
                "author" => &mut cfg.author,
                "editor" => &mut cfg.editor,
                "reviewer" => &mut cfg.reviewer,
                "source" => &mut cfg.source,
                _ => &mut cfg.cover,
            };
            *slot = text;
        }
        cfg
    }

    /// (line, col) of `wechat.<key>` in campaign.yaml, or of the section, or the file top.
    pub fn at(c: &Campaign, key: &str) -> (usize, usize) {
        for section in ["wechat", "微信"] {
            for k in KEYS.iter().filter(|(en, _)| *en == key) {
                for name in [k.0, k.1] {
                    if let Some(at) = yaml::locate(&c.source, &[section, name], 0) {
                        return at;
                    }
                }
            }
            if let Some(at) = yaml::locate(&c.source, &[section], 0) {
                return at;
            }
        }
        (1, 1)
    }
}
