//! `content/campaign.yaml`: the campaign's title, organisation, phases, units and footer.

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use super::{date, slug};
use crate::diag::Diagnostic;
use crate::yaml;

pub const PATH: &str = "content/campaign.yaml";

#[derive(Debug, Clone, Serialize)]
pub struct Phase {
    pub id: String,
    pub name: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub tasks: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Unit {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Campaign {
    pub title: String,
    pub org: String,
    pub description: String,
    pub base_url: String,
    pub theme_color: String,
    pub theme: String,
    pub phases: Vec<Phase>,
    pub units: Vec<Unit>,
    /// Footer identity fields (主办单位, 网站标识码 …), canonical English key → text.
    pub footer: serde_json::Map<String, Value>,
    /// `led:` section, validated by the LED renderer.
    pub led: Value,
    /// `wechat:` section, validated by the WeChat renderer.
    pub wechat: Value,
    /// `proofreading:` section: the site's own words for `check`.
    #[serde(skip)]
    pub proofreading: super::proofreading::Proofreading,
    /// The file's text, so renderers can locate their own keys.
    #[serde(skip)]
    pub source: String,
}

const TOP: &[(&str, &str)] = &[
    ("title", "标题"),
    ("org", "机关"),
    ("description", "简介"),
    ("base_url", "网址"),
    ("theme_color", "主题色"),
    ("theme", "主题"),
    ("phases", "阶段"),
    ("units", "单位"),
    ("footer", "页脚"),
    ("led", "LED"),
    ("wechat", "微信"),
    ("proofreading", "校对"),
];

const FOOTER: &[(&str, &str)] = &[
    ("sponsor", "主办单位"),
    ("organizer", "承办单位"),
    ("phone", "联系电话"),
    ("address", "地址"),
    ("email", "邮箱"),
    ("site_code", "网站标识码"),
    ("icp", "ICP备案号"),
    ("police_beian", "公安备案号"),
    ("zhaocuo", "找错"),
];

impl Campaign {
    /// The phase that is running on `today`, else the next one to start, else the last one.
    pub fn current_phase(&self, today: NaiveDate) -> Option<usize> {
        let running = self
            .phases
            .iter()
            .position(|p| p.start.is_none_or(|s| s <= today) && p.end.is_none_or(|e| today <= e));
        running
            .or_else(|| {
                self.phases
                    .iter()
                    .position(|p| p.start.is_some_and(|s| s > today))
            })
            .or_else(|| self.phases.len().checked_sub(1))
    }

    pub fn phase_index(&self, key: &str) -> Option<usize> {
        self.phases
            .iter()
            .position(|p| p.id == key || p.name == key)
    }

    pub fn unit_index(&self, key: &str) -> Option<usize> {
        self.units.iter().position(|u| u.id == key || u.name == key)
    }
}

/// Parses campaign.yaml; problems are pushed to `diags`.
pub fn parse(text: &str, diags: &mut Vec<Diagnostic>) -> Campaign {
    let mut c = Campaign {
        theme: "default".into(),
        theme_color: "#b5121b".into(),
        source: text.to_string(),
        ..Default::default()
    };
    let err = |diags: &mut Vec<Diagnostic>, at: Option<(usize, usize)>, msg: String, hint: &str| {
        let (l, col) = at.unwrap_or((1, 1));
        diags.push(Diagnostic::error(PATH, l, col, "campaign", msg).with_hint(hint));
    };
    let map = match yaml::parse(text) {
        Ok(Value::Object(m)) => m,
        Ok(_) => {
            err(
                diags,
                None,
                "campaign.yaml 应是“键: 值”的列表".into(),
                "参照示例：title、org、phases 各占一行。",
            );
            return c;
        }
        Err(e) => {
            diags.push(
                Diagnostic::error(PATH, e.line, e.col, "campaign", e.message).with_hint(e.hint),
            );
            return c;
        }
    };
    for (key, v) in map {
        let at = yaml::locate(text, &[&key], 0);
        let Some(&(name, _)) = TOP.iter().find(|(en, zh)| *en == key || *zh == key) else {
            err(
                diags,
                at,
                format!("campaign.yaml 中未知的字段“{key}”"),
                "可用字段：title、org、description、base_url、theme_color、theme、phases、units、footer、led、wechat、proofreading（校对）。",
            );
            continue;
        };
        let mut v = v;
        if let Some(ch) = super::frontmatter::control_char_in(&v) {
            err(
                diags,
                at,
                format!("“{key}”中有看不见的控制字符 U+{:04X}", u32::from(ch)),
                super::frontmatter::CONTROL_HINT,
            );
            super::frontmatter::strip_controls(&mut v);
        }
        let s = v.as_str().map(|s| s.trim().to_string()).unwrap_or_default();
        let text_key = matches!(name, "title" | "org" | "theme_color" | "theme");
        if text_key && s.is_empty() {
            err(
                diags,
                at,
                format!("“{key}”应是一段文字"),
                "直接写文字，例如 title: 青石镇安全生产标准化提升专项行动",
            );
        }
        match name {
            "title" => c.title = s,
            "org" => c.org = s,
            "description" => c.description = s,
            "base_url" => match &v {
                Value::Null => {}
                Value::String(_) if s.is_empty() || web_url(&s) => c.base_url = s,
                _ => err(
                    diags,
                    at,
                    format!(
                        "网址（{key}）“{}”不是以 http:// 或 https:// 开头的完整网址",
                        shown(&v)
                    ),
                    "写专栏的完整网址，例如 base_url: https://www.xxx.gov.cn/zt/aqbzh；网站还没上线时留空：base_url: \"\"",
                ),
            },
            "theme_color" => c.theme_color = s,
            "theme" => c.theme = s,
            "phases" => c.phases = phases(text, &key, v, diags),
            "units" => c.units = units(text, &key, v, diags),
            "footer" => footer(&mut c, text, &key, v, diags),
            "led" => c.led = v,
            "proofreading" => c.proofreading = super::proofreading::parse(text, &key, v, diags),
            _ => c.wechat = v,
        }
    }
    let hex = c.theme_color.strip_prefix('#').unwrap_or("");
    if !(matches!(hex.len(), 3 | 6) && hex.chars().all(|ch| ch.is_ascii_hexdigit())) {
        let at =
            yaml::locate(text, &["theme_color"], 0).or_else(|| yaml::locate(text, &["主题色"], 0));
        err(
            diags,
            at,
            format!("主题色“{}”不是颜色值", c.theme_color),
            "写成 # 加六位十六进制数，例如 theme_color: \"#b5121b\"（要加英文引号）。",
        );
        c.theme_color = "#b5121b".into();
    }
    if !c.base_url.is_empty() {
        identity(&c, text, diags);
    }
    if c.title.is_empty() && !diags.iter().any(|d| d.message.contains("“title”")) {
        err(
            diags,
            None,
            "campaign.yaml 缺少 title（专项行动名称）".into(),
            "加一行 title: ……专项行动",
        );
    }
    if c.org.is_empty() {
        err(
            diags,
            None,
            "campaign.yaml 缺少 org（主办机关）".into(),
            "加一行 org: ……人民政府",
        );
    }
    c
}

/// A site that declares its address (`base_url`) is going online: the identity fields that
/// government-site rules require must be configured (never invented). Warnings, errors with
/// `--strict`.
fn identity(c: &Campaign, text: &str, diags: &mut Vec<Diagnostic>) {
    let at = yaml::locate(text, &["footer"], 0)
        .or_else(|| yaml::locate(text, &["base_url"], 0))
        .unwrap_or((1, 1));
    for (key, name) in [
        ("sponsor", "主办单位"),
        ("phone", "联系电话"),
        ("site_code", "网站标识码"),
        ("icp", "ICP备案号"),
        ("police_beian", "公安备案号"),
    ] {
        if c.footer
            .get(key)
            .and_then(Value::as_str)
            .is_none_or(|v| v.trim().is_empty())
        {
            diags.push(
                Diagnostic::warning(
                    PATH,
                    at.0,
                    at.1,
                    "site-identity",
                    format!("已设置 base_url（准备上线），但页脚缺少{name}（footer.{key}）"),
                )
                .with_hint(format!(
                    "向县政府网站主管单位索取后填写 footer: {key}: ……；不要编造。"
                )),
            );
        }
    }
}

/// An absolute web address: `http://` or `https://`, a host, and nothing a browser would
/// strip or reinterpret (blanks, control characters, quotes, angle brackets, backslashes, a
/// `user@` part before the host).
pub fn web_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && host
            .chars()
            .all(|ch| ch.is_alphanumeric() || matches!(ch, '-' | '.' | ':' | '[' | ']'))
        && plain(s)
}

/// The 找错 link: a web address, or `mailto:`/`tel:` with something after it.
fn zhaocuo_url(s: &str) -> bool {
    if web_url(s) {
        return true;
    }
    let lower = s.to_ascii_lowercase();
    ["mailto:", "tel:"]
        .iter()
        .any(|p| lower.strip_prefix(p).is_some_and(|r| !r.is_empty()))
        && plain(s)
}

/// No character that a browser strips from, or that breaks out of, an address.
fn plain(s: &str) -> bool {
    !s.chars().any(|ch| {
        ch.is_whitespace() || ch.is_control() || matches!(ch, '"' | '\'' | '<' | '>' | '\\' | '`')
    })
}

/// A scalar as the user wrote it, for messages.
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn footer(c: &mut Campaign, text: &str, key: &str, v: Value, diags: &mut Vec<Diagnostic>) {
    let m = match v {
        Value::Object(m) => m,
        Value::Null => return,
        _ => {
            let (l, col) = yaml::locate(text, &[key], 0).unwrap_or((1, 1));
            diags.push(
                Diagnostic::error(PATH, l, col, "campaign", "footer 应是“键: 值”的列表")
                    .with_hint("缩进两个空格写 sponsor: ……"),
            );
            return;
        }
    };
    for (fk, fv) in m {
        match FOOTER.iter().find(|(en, zh)| *en == fk || *zh == fk) {
            Some((en, _)) => {
                let t = match fv {
                    Value::String(s) => s,
                    Value::Null => String::new(),
                    other => other.to_string(),
                };
                if *en == "zhaocuo" && !t.trim().is_empty() && !zhaocuo_url(t.trim()) {
                    let (l, col) = yaml::locate(text, &[key, &fk], 0).unwrap_or((1, 1));
                    diags.push(
                        Diagnostic::error(
                            PATH,
                            l,
                            col,
                            "campaign",
                            format!("找错链接（footer.{fk}）“{t}”不是可用的网址（应以 https://、http://、mailto: 或 tel: 开头）"),
                        )
                        .with_hint("填写“我为政府网站找错”平台给本网站的完整网址（以 https:// 开头），也可以写 mailto:邮箱 或 tel:电话；没有时留空：zhaocuo: \"\""),
                    );
                    continue;
                }
                c.footer.insert(en.to_string(), Value::String(t));
            }
            None => {
                let (l, col) = yaml::locate(text, &[key, &fk], 0).unwrap_or((1, 1));
                diags.push(Diagnostic::error(PATH, l, col, "campaign", format!("footer 中未知的字段“{fk}”")).with_hint("可用：sponsor（主办单位）、organizer（承办单位）、phone、address、email、site_code（网站标识码）、icp、police_beian、zhaocuo。"));
            }
        }
    }
}

fn phases(text: &str, key: &str, v: Value, diags: &mut Vec<Diagnostic>) -> Vec<Phase> {
    let Value::Array(list) = v else {
        let at = yaml::locate(text, &[key], 0).unwrap_or((1, 1));
        diags.push(
            Diagnostic::error(PATH, at.0, at.1, "campaign", "phases 应是列表")
                .with_hint("每个阶段以“- id: ……”开头。"),
        );
        return Vec::new();
    };
    let mut out: Vec<Phase> = Vec::new();
    for (i, p) in list.into_iter().enumerate() {
        let at = |k: &str| {
            yaml::locate(text, &[key, k], i)
                .or_else(|| yaml::locate(text, &[key], 0))
                .unwrap_or((1, 1))
        };
        let get = |k: &str, zh: &str| {
            p.get(k)
                .or_else(|| p.get(zh))
                .cloned()
                .unwrap_or(Value::Null)
        };
        let name = get("name", "名称")
            .as_str()
            .unwrap_or("")
            .trim()
            .to_string();
        let id = match get("id", "编号") {
            Value::String(s) => s.trim().to_string(),
            Value::Null => slug::from_text(&name),
            other => other.to_string(),
        };
        let mut bad = |k: &str, msg: String, hint: &str| {
            let (l, col) = at(k);
            diags.push(Diagnostic::error(PATH, l, col, "campaign", msg).with_hint(hint));
        };
        if name.is_empty() {
            bad(
                "id",
                format!("第{}个阶段缺少 name（阶段名称）", i + 1),
                "加一行 name: 造强宣传声势",
            );
        }
        if !slug::is_valid(&id) {
            bad(
                "id",
                format!("阶段编号“{id}”只能用小写英文字母、数字和连字符"),
                "例如 id: xuanchuan",
            );
        } else if out.iter().any(|q| q.id == id) {
            bad("id", format!("阶段编号“{id}”重复"), "每个阶段用不同的 id。");
        } else if let Some(msg) = page_clash("phases", &id, out.iter().map(|q| q.id.as_str())) {
            bad(
                "id",
                msg,
                "换一个阶段编号，不要用 index，也不要用另一个编号加“-数字”。",
            );
        }
        let mut day = |k: &str, zh: &str| -> Option<NaiveDate> {
            match get(k, zh) {
                Value::Null => None,
                Value::String(s) => match date::parse(&s) {
                    Ok(d) => Some(d),
                    Err(m) => {
                        bad(k, m, date::HINT);
                        None
                    }
                },
                other => {
                    bad(k, format!("“{other}”不是日期"), date::HINT);
                    None
                }
            }
        };
        let start = day("start", "开始");
        let end = day("end", "截止");
        if let (Some(s), Some(e)) = (start, end)
            && s > e
        {
            bad(
                "end",
                format!("阶段“{name}”的截止日期早于开始日期"),
                "检查 start 和 end 是否写反。",
            );
        }
        let tasks = match get("tasks", "任务") {
            Value::Array(a) => a
                .iter()
                .filter_map(|t| t.as_str().map(|s| s.trim().to_string()))
                .collect(),
            Value::String(s) => vec![s],
            _ => Vec::new(),
        };
        out.push(Phase {
            id,
            name,
            start,
            end,
            tasks,
        });
    }
    out
}

fn units(text: &str, key: &str, v: Value, diags: &mut Vec<Diagnostic>) -> Vec<Unit> {
    let Value::Array(list) = v else {
        let at = yaml::locate(text, &[key], 0).unwrap_or((1, 1));
        diags.push(
            Diagnostic::error(PATH, at.0, at.1, "campaign", "units 应是列表")
                .with_hint("每个单位以“- id: ……”开头，或直接写“- 单位名称”。"),
        );
        return Vec::new();
    };
    let mut out: Vec<Unit> = Vec::new();
    for (i, u) in list.into_iter().enumerate() {
        let (id, name) = match &u {
            Value::String(s) => (slug::from_text(s), s.trim().to_string()),
            _ => {
                let name = u
                    .get("name")
                    .or_else(|| u.get("名称"))
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .trim()
                    .to_string();
                let id = u
                    .get("id")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .unwrap_or_else(|| slug::from_text(&name));
                (id, name)
            }
        };
        let at = yaml::locate(text, &[key, "id"], i)
            .or_else(|| yaml::locate(text, &[key], 0))
            .unwrap_or((1, 1));
        if name.is_empty() || !slug::is_valid(&id) || out.iter().any(|x| x.id == id) {
            diags.push(
                Diagnostic::error(
                    PATH,
                    at.0,
                    at.1,
                    "campaign",
                    format!(
                        "第{}个单位的 id 或名称有误（id 须唯一，只用小写英文字母、数字和连字符）",
                        i + 1
                    ),
                )
                .with_hint("例如 - id: anban 换行 name: 镇安办"),
            );
            continue;
        }
        if let Some(msg) = page_clash("units", &id, out.iter().map(|x| x.id.as_str())) {
            let hint = "换一个单位编号，不要用 index，也不要用另一个编号加“-数字”。";
            diags.push(Diagnostic::error(PATH, at.0, at.1, "campaign", msg).with_hint(hint));
            continue;
        }
        out.push(Unit { id, name });
    }
    out
}

/// Why the list page of `id` in `folder` (`phases/<id>.html`, then `<id>-2.html`…) would be
/// another list's page: the folder's own index, or a page of another id's list (`x-2` is page
/// 2 of `x`, whichever is written first).
fn page_clash<'a>(folder: &str, id: &str, others: impl Iterator<Item = &'a str>) -> Option<String> {
    if slug::is_reserved(id) {
        return Some(format!(
            "编号“{id}”与 {folder}/index.html（全部列表的目录页）重名"
        ));
    }
    others
        .into_iter()
        .find(|o| slug::is_page_of(id, o) || slug::is_page_of(o, id))
        .map(|o| {
            let (a, b) = if slug::is_page_of(id, o) { (id, o) } else { (o, id) };
            format!(
                "编号“{id}”与“{o}”的列表页重名：{folder}/{a}.html 也是“{b}”超过一页时的第二页以后的文件名"
            )
        })
}
