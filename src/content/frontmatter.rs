//! Front matter: split it from the body, check every key against the schema (English names
//! and Chinese aliases), convert values, and locate every problem in the *file*.
//!
//! Complexity: O(y + k·F) for y bytes of front matter with k keys against the F fields of the
//! schema: [`split`] reads the lines up to the closing `---` once; [`parse`] parses the YAML
//! once, locates every key with one pass ([`yaml::first_keys`]; a search per key was O(k·y)),
//! and matches each key against the schema. The value column of a known key is a pass over
//! the front matter (at most F of them), and an unknown key's suggestion compares it with
//! every field name.

use std::ops::Range;

use serde_json::Value;

use super::keyed::Keyed;
use crate::diag::Diagnostic;
use crate::gongwen::date;
use crate::yaml;

use crate::gongwen::fields::FIELDS;
pub use crate::gongwen::fields::{Ty, fields, keys};

/// Parsed front matter: canonical English key → normalized value (dates as `YYYY-MM-DD`,
/// lists as arrays of strings, stats as a map of integers), plus where each key was written.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    pub values: Keyed<Value>,
    /// 1-based (line, col) of each key in the file.
    pub keys: Keyed<(usize, usize)>,
    /// Where each known key was written, also when its value was refused (for `check`).
    pub spans: Keyed<Span>,
}

/// Where a key was written in the file, and its value before conversion when it is one scalar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of the key in the file.
    pub key: usize,
    /// Byte range of the value in the file: after `key:` up to the next top-level key.
    pub value: Range<usize>,
    /// A string, number or boolean as written (`2023年04月06日`, `甲、乙` before it is split).
    pub scalar: Option<String>,
}

impl FrontMatter {
    pub fn text(&self, key: &str) -> Option<&str> {
        self.values
            .get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.trim().is_empty())
    }
    pub fn list(&self, key: &str) -> Vec<String> {
        match self.values.get(key) {
            Some(Value::Array(a)) => a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        }
    }
    pub fn flag(&self, key: &str) -> Option<bool> {
        self.values.get(key).and_then(Value::as_bool)
    }
    pub fn int(&self, key: &str) -> Option<i64> {
        self.values.get(key).and_then(Value::as_i64)
    }
    pub fn date(&self, key: &str) -> Option<chrono::NaiveDate> {
        self.text(key).and_then(|s| date::parse(s).ok())
    }
    /// (line, col) where `key` was written, or the top of the file.
    pub fn at(&self, key: &str) -> (usize, usize) {
        self.keys.get(key).copied().unwrap_or((1, 1))
    }
}

/// The result of splitting a file: front matter text, its first line, and the body offset.
pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line of the first YAML line in the file.
    pub yaml_line: usize,
    /// Byte offset of the first YAML line in the file.
    pub yaml_start: usize,
    /// Byte offset where the markdown body starts.
    pub body_start: usize,
}

/// An opening `---` with no closing line.
#[derive(Debug)]
pub struct Unclosed;

/// Splits `---` front matter off a (LF-normalized) text. `Err` = an opening `---` without a close.
pub fn split(text: &str) -> Result<Split<'_>, Unclosed> {
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        return Ok(Split {
            yaml: "",
            yaml_line: 1,
            yaml_start: 0,
            body_start: 0,
        });
    }
    let start = (first_end + 1).min(text.len());
    let mut pos = start;
    while pos < text.len() {
        let end = text[pos..]
            .find('\n')
            .map(|i| pos + i)
            .unwrap_or(text.len());
        let line = text[pos..end].trim_end();
        if line == "---" || line == "..." {
            let body_start = (end + 1).min(text.len());
            return Ok(Split {
                yaml: &text[start..pos],
                yaml_line: 2,
                yaml_start: start,
                body_start,
            });
        }
        pos = end + 1;
    }
    Err(Unclosed)
}

/// Parses front matter; every problem becomes a diagnostic located in the file at `path`.
pub fn parse(path: &str, split: &Split<'_>, diags: &mut Vec<Diagnostic>) -> Option<FrontMatter> {
    let off = split.yaml_line - 1;
    let before = diags.len();
    fullwidth_colons(path, split.yaml, off, diags);
    if diags.len() > before {
        return None;
    }
    let value = match yaml::parse(split.yaml) {
        Ok(v) => v,
        Err(e) => {
            diags.push(
                Diagnostic::error(path, e.line + off, e.col, "front-matter", e.message)
                    .with_hint(e.hint),
            );
            return None;
        }
    };
    let map = match value {
        Value::Null => serde_json::Map::new(),
        Value::Object(m) => m,
        _ => {
            diags.push(
                Diagnostic::error(
                    path,
                    split.yaml_line,
                    1,
                    "front-matter",
                    "前言区（--- 之间）应是“键: 值”的列表",
                )
                .with_hint("每行写一个“键: 值”，例如 title: 关于……的通知"),
            );
            return None;
        }
    };
    let mut fm = FrontMatter::default();
    let entries = yaml::entries(split.yaml);
    // Every key's place in one pass (a `locate` per key was O(keys · lines)).
    let keys_at = yaml::first_keys(split.yaml);
    for (key, v) in map {
        let (line, col) = keys_at
            .get(key.as_str())
            .map(|&(l, c)| (l + off, c))
            .unwrap_or((split.yaml_line, 1));
        let Some(&(name, zh, ty)) = FIELDS.iter().find(|(en, zh, _)| *en == key || *zh == key)
        else {
            diags.push(
                Diagnostic::error(
                    path,
                    line,
                    col,
                    "front-matter",
                    format!("未知的字段“{key}”"),
                )
                .with_hint(suggest(&key)),
            );
            continue;
        };
        if fm.keys.contains_key(name) {
            diags.push(
                Diagnostic::error(
                    path,
                    line,
                    col,
                    "front-matter",
                    format!("字段“{name}”（{zh}）重复出现"),
                )
                .with_hint("英文名和中文名是同一个字段，只保留一个。"),
            );
            continue;
        }
        if let Some((_, r)) = entries.iter().find(|(k, _)| *k == key) {
            fm.spans.insert(name, span(split, r, &v));
        }
        let vcol = value_col(split.yaml, line - off, col);
        let mut v = v;
        // A refused value: one error at the value, in the key's words.
        let refuse = |diags: &mut Vec<Diagnostic>, msg: String, hint: String| {
            diags.push(Diagnostic::error(path, line, vcol, "front-matter", msg).with_hint(hint));
        };
        if let Err((msg, hint)) = limit(name, &v) {
            refuse(diags, format!("字段“{key}”：{msg}"), hint);
            continue;
        }
        if let Some(ch) = control_char_in(&v) {
            let msg = format!("字段“{key}”中有看不见的控制字符 U+{:04X}", u32::from(ch));
            refuse(diags, msg, CONTROL_HINT.into());
            strip_controls(&mut v);
        }
        match convert(ty, v) {
            Ok(Some(v)) => {
                fm.values.insert(name, v);
                fm.keys.insert(name, (line, col));
            }
            Ok(None) => {
                fm.keys.insert(name, (line, col));
            }
            Err((msg, hint)) => refuse(diags, format!("字段“{key}”：{msg}"), hint),
        }
    }
    fm.values.shrink_to_fit();
    fm.keys.shrink_to_fit();
    fm.spans.shrink_to_fit();
    Some(fm)
}

/// Where an entry (`range` in the YAML text) sits in the file, with its scalar as written.
fn span(split: &Split<'_>, range: &Range<usize>, v: &Value) -> Span {
    let entry = &split.yaml[range.clone()];
    let colon = entry.find(':').map_or(0, |i| i + 1);
    let scalar = match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    Span {
        key: split.yaml_start + range.start,
        value: split.yaml_start + range.start + colon..split.yaml_start + range.end,
        scalar,
    }
}

/// Column of the value after `key:` on a YAML line (1-based), for pointing at wrong values.
fn value_col(yaml: &str, line: usize, key_col: usize) -> usize {
    let Some(l) = yaml.lines().nth(line.saturating_sub(1)) else {
        return key_col;
    };
    match l.find(':') {
        Some(i) => {
            let after = &l[i + 1..];
            let pad = after.len() - after.trim_start().len();
            l[..i + 1 + pad].chars().count() + 1
        }
        None => key_col,
    }
}

type Problem = (String, String);

/// The longest slug [`crate::content::slug::is_valid`] accepts.
const MAX_SLUG: usize = 100;

/// The most copies a letter may ask for (份数).
pub const MAX_COPIES: i64 = 99;

/// Limits of single fields, checked before the type: the number of copies, the length of a
/// slug (the value is not echoed: it may be hundreds of characters).
fn limit(name: &str, v: &Value) -> Result<(), Problem> {
    match (name, v) {
        ("copies", Value::Number(n)) => {
            let ok = n.as_i64().is_some_and(|c| (1..=MAX_COPIES).contains(&c));
            let integral = n.as_i64().is_some() || n.as_f64().is_some_and(|f| f.fract() == 0.0);
            if ok || !integral {
                return Ok(());
            }
            Err((
                format!("份数应在 1 到 {MAX_COPIES} 之间"),
                "写每家企业要签的份数，例如 份数: 4（一式四份）。".into(),
            ))
        }
        ("slug", Value::String(s)) if s.chars().count() > MAX_SLUG => {
            let head: String = s.chars().take(20).collect();
            Err((
                format!(
                    "网址名“{head}…”太长：有 {} 个字符，最多 {} 个",
                    s.chars().count(),
                    MAX_SLUG
                ),
                "网址名会出现在网页地址里，写几个词就够了，例如 slug: anquan-tongzhi。".into(),
            ))
        }
        _ => Ok(()),
    }
}

fn convert(ty: Ty, v: Value) -> Result<Option<Value>, Problem> {
    if v.is_null() {
        return Ok(None);
    }
    let text = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    match ty {
        Ty::Text => text(&v).map(|s| Some(Value::String(s))).ok_or_else(|| {
            (
                "应是一段文字".into(),
                "直接写文字；如果以 [、{、是/否 等开头，请用英文引号括起来。".into(),
            )
        }),
        Ty::Bool => match v {
            Value::Bool(b) => Ok(Some(Value::Bool(b))),
            Value::String(s) if matches!(s.as_str(), "是" | "否") => {
                Ok(Some(Value::Bool(s == "是")))
            }
            _ => Err((
                "应是 true 或 false".into(),
                "写 true（是）或 false（否）。".into(),
            )),
        },
        Ty::Int => match v {
            Value::Number(n) if n.as_i64().is_some_and(|i| i >= 0) => Ok(Some(Value::Number(n))),
            _ => Err(("应是一个整数".into(), "写阿拉伯数字，例如 4。".into())),
        },
        Ty::Date => {
            let s = text(&v).ok_or_else(|| ("应是日期".to_string(), date::HINT.to_string()))?;
            let d = date::parse(&s).map_err(|m| (m, date::HINT.to_string()))?;
            Ok(Some(Value::String(d.format("%Y-%m-%d").to_string())))
        }
        Ty::List | Ty::Names => {
            let items: Vec<Value> = match v {
                Value::Array(a) => a
                    .iter()
                    .map(|x| text(x).ok_or(()))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|_| {
                        (
                            "列表里只能是文字".to_string(),
                            "每项写成“- 文字”。".to_string(),
                        )
                    })?
                    .into_iter()
                    .map(Value::String)
                    .collect(),
                other => {
                    let s = text(&other).ok_or_else(|| {
                        (
                            "应是列表".to_string(),
                            "写成 [甲, 乙] 或每行一个“- 甲”。".to_string(),
                        )
                    })?;
                    s.split(['、', '，', ',', '；', ';'])
                        .map(str::trim)
                        .filter(|x| !x.is_empty())
                        .map(|x| Value::String(x.to_string()))
                        .collect()
                }
            };
            Ok(Some(Value::Array(items)))
        }
        Ty::Lint => {
            let ids = |d: &Value| d.as_array().is_some_and(|a| a.iter().all(Value::is_string));
            match v {
                Value::Object(m) if m.iter().all(|(k, d)| k == "disable" && ids(d)) => {
                    Ok(Some(Value::Object(m)))
                }
                _ => Err((
                    "应写成 {disable: [规则名, …]}".into(),
                    "例如 lint: {disable: [word-list]}，全部规则见 xuanguan check --rules。".into(),
                )),
            }
        }
        Ty::Stats => match v {
            Value::Object(m) => {
                for (k, n) in &m {
                    if n.as_i64().is_none_or(|i| i < 0) {
                        return Err((
                            format!("统计项“{k}”应是非负整数"),
                            "统计写成“名称: 数字”，例如 宣传场次: 3。".into(),
                        ));
                    }
                }
                Ok(Some(Value::Object(m)))
            }
            _ => Err((
                "应是“名称: 数字”的列表".into(),
                "例如换行缩进写“  宣传场次: 3”。".into(),
            )),
        },
    }
}

/// A character no text of a document may hold: a control character other than tab and line
/// break (a YAML escape such as `"\x01"` produces one), or a noncharacter. Pages, `atom.xml`
/// and JSON consumers break on them, and they are never intended.
pub fn is_control(ch: char) -> bool {
    (ch.is_control() && !matches!(ch, '\t' | '\n')) || matches!(ch, '\u{FFFE}' | '\u{FFFF}')
}

/// The first [`is_control`] character in a value's strings (and its keys).
pub fn control_char_in(v: &Value) -> Option<char> {
    let in_str = |s: &str| s.chars().find(|&ch| is_control(ch));
    match v {
        Value::String(s) => in_str(s),
        Value::Array(a) => a.iter().find_map(control_char_in),
        Value::Object(m) => m
            .iter()
            .find_map(|(k, x)| in_str(k).or_else(|| control_char_in(x))),
        _ => None,
    }
}

/// Removes the characters [`control_char_in`] reports (after reporting them), so that one
/// such character makes one error and the rest of the value is still checked.
pub fn strip_controls(v: &mut Value) {
    match v {
        Value::String(s) => s.retain(|ch| !is_control(ch)),
        Value::Array(a) => a.iter_mut().for_each(strip_controls),
        Value::Object(m) => m.values_mut().for_each(strip_controls),
        _ => {}
    }
}

pub const CONTROL_HINT: &str = "删掉这个字符（它通常是复制粘贴或 \\x01、\\u0001 这样的转义写法带进来的，看不见，但会让网页和订阅文件 atom.xml 出错）。";

/// `标题：……` — a full-width colon where YAML needs `: `. Every parser rejects it unhelpfully.
fn fullwidth_colons(path: &str, yaml: &str, off: usize, diags: &mut Vec<Diagnostic>) {
    for (i, line) in yaml.lines().enumerate() {
        if line.starts_with([' ', '-', '#']) {
            continue;
        }
        let Some(fw) = line.find('：') else { continue };
        if line.find(':').is_some_and(|c| c < fw) {
            continue;
        }
        let key = &line[..fw];
        if key.is_empty() || key.contains(char::is_whitespace) || key.chars().count() > 12 {
            continue;
        }
        let col = key.chars().count() + 1;
        diags.push(
            Diagnostic::error(
                path,
                i + 1 + off,
                col,
                "front-matter",
                format!("“{key}：”用了中文冒号"),
            )
            .with_hint(format!(
                "把中文冒号“：”改成英文冒号加一个空格，写成“{key}: ……”（xuanguan check --fix 可自动改正）。"
            )),
        );
    }
}

fn suggest(key: &str) -> String {
    // In the language the key is written in: a Chinese key gets the Chinese name first.
    let chinese = key.chars().any(crate::gongwen::is_han);
    let name = |en: &str, zh: &str| {
        if chinese {
            format!("“{zh}”（{en}）")
        } else {
            format!("“{en}”（{zh}）")
        }
    };
    if let Some(en) = crate::gongwen::fields::synonym(key)
        && let Some((_, zh, _)) = FIELDS.iter().find(|(e, _, _)| *e == en)
    {
        return format!("“{key}”请写作{}。", name(en, zh));
    }
    let best = FIELDS
        .iter()
        .flat_map(|(en, zh, _)| [(*en, *en, *zh), (*zh, *en, *zh)])
        .map(|(cand, en, zh)| (similarity(key, cand), en, zh))
        .max_by_key(|(s, _, _)| *s);
    match best {
        Some((s, en, zh)) if s >= 50 => {
            format!("是不是想写{}？如不需要，删除这一行。", name(en, zh))
        }
        _ if chinese => "删除这一行，或改用可用的字段：标题、日期、发文机关、文号、主送、附件、公开属性、阶段、单位、标签、摘要等，完整列表见站点文件夹中《使用说明》的“前言区字段”。".into(),
        _ => "删除这一行，或改用可用的字段：title（标题）、date（日期）、issuer（发文机关）、doc_no（文号）、addressees（主送）、disclosure（公开属性）、phase（阶段）、tags（标签）等，完整列表见站点文件夹中《使用说明》的“前言区字段”。".into(),
    }
}

/// 0–100: shared characters (CJK) or edit distance (ASCII).
pub fn similarity(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (
        a.to_lowercase().chars().collect(),
        b.to_lowercase().chars().collect(),
    );
    let n = a.len().max(b.len());
    if n == 0 {
        return 0;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    100 - prev[b.len()] * 100 / n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_get_the_field_they_mean_in_their_own_language() {
        assert!(suggest("成文日期").starts_with("“成文日期”请写作“日期”（date）"));
        assert!(suggest("署名").contains("“发文机关”（issuer）"));
        assert!(suggest("titel").contains("“title”（标题）"));
        assert!(suggest("发文机构").contains("“发文机关”（issuer）"));
        assert!(suggest("备忘").contains("《使用说明》的“前言区字段”"));
    }

    fn run(text: &str) -> (Option<FrontMatter>, Vec<Diagnostic>) {
        let s = split(text).unwrap();
        let mut d = Vec::new();
        (parse("a.md", &s, &mut d), d)
    }

    #[test]
    fn aliases_and_types() {
        let (fm, d) = run(
            "---\n标题: 甲\ndate: 2023年4月6日\ntags: 安全、宣传\nstats:\n  宣传场次: 3\n---\n正文\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let fm = fm.unwrap();
        assert_eq!(fm.text("title"), Some("甲"));
        assert_eq!(fm.text("date"), Some("2023-04-06"));
        assert_eq!(fm.list("tags"), vec!["安全", "宣传"]);
        assert_eq!(fm.at("date"), (3, 1));
    }

    #[test]
    fn spans_locate_keys_and_keep_scalars_as_written() {
        let text = "---\n标题: 甲\ndate: 2023年04月06日\nprinted_date: 2023-02-30\ntags:\n  - 乙\n---\n正文\n";
        let (fm, d) = run(text);
        assert_eq!(d.len(), 1, "{d:?}");
        let fm = fm.unwrap();
        let date = &fm.spans["date"];
        assert!(text[date.key..].starts_with("date:"));
        assert_eq!(text[date.value.clone()].trim(), "2023年04月06日");
        assert_eq!(date.scalar.as_deref(), Some("2023年04月06日"));
        assert_eq!(fm.text("date"), Some("2023-04-06"));
        // A refused value keeps its place and its text.
        assert!(!fm.values.contains_key("printed_date"));
        assert_eq!(
            fm.spans["printed_date"].scalar.as_deref(),
            Some("2023-02-30")
        );
        let tags = &fm.spans["tags"];
        assert_eq!(
            (tags.scalar.as_ref(), &text[tags.value.clone()]),
            (None, "\n  - 乙\n")
        );
        assert!(text[fm.spans["title"].key..].starts_with("标题"));
    }

    #[test]
    fn errors_are_located_in_the_file() {
        let (_, d) = run("---\ntitle: 甲\ntitel: 乙\ndate: 2023年2月30日\n---\n");
        assert_eq!(d.len(), 2);
        assert_eq!((d[0].line, d[0].col), (3, 1));
        assert!(d[0].hint.as_deref().unwrap().contains("title"));
        assert_eq!((d[1].line, d[1].col), (4, 7));
        assert!(d[1].message.contains("只有28天"));
    }

    #[test]
    fn fullwidth_colon_has_its_own_hint() {
        let (_, d) = run("---\n标题：关于开展宣传的通知\n---\n");
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].line, d[0].col), (2, 3));
        assert!(d[0].message.contains("中文冒号"));
    }

    #[test]
    fn control_characters_are_one_error_at_the_value() {
        let (fm, d) =
            run("---\ntitle: \"甲\\x01乙\"\ntags: [\"丙\\u0085\"]\nsummary: \"a\\tb\\nc\"\n---\n");
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!((d[0].line, d[0].col), (2, 8));
        assert!(d[0].message.contains("U+0001"), "{}", d[0].message);
        assert_eq!((d[1].line, d[1].col), (3, 7));
        assert!(d[1].message.contains("U+0085"), "{}", d[1].message);
        let fm = fm.unwrap();
        assert_eq!(fm.text("title"), Some("甲乙"));
        assert_eq!(fm.text("summary"), Some("a\tb\nc"));
    }

    #[test]
    fn unclosed_front_matter() {
        assert!(split("---\ntitle: a\n").is_err());
        assert_eq!(split("no front matter").unwrap().body_start, 0);
    }

    #[test]
    fn many_unknown_keys_are_located_in_one_pass() {
        // 10,000 unknown keys: each was located by a pass over every line, building the list of
        // lines each time (20,000 keys took over 30 s in a release build); now one pass.
        let keys: String = (0..10_000).map(|i| format!("k{i}: 1\n")).collect();
        let (fm, d) = run(&format!("---\ntitle: 甲\n{keys}---\n正文\n"));
        assert!(fm.is_some());
        assert_eq!(d.len(), 10_000);
        assert!(
            d.iter().any(|d| d.line == 10_002 && d.col == 1),
            "{:?}",
            d.last()
        );
    }
}
