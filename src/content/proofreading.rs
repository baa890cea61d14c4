//! `proofreading:` (`校对:`) in `campaign.yaml`: the site's own words for `check`.
//!
//! ```yaml
//! 校对:
//!   词语: [仙夹镇, 鑫鑫建材]            # right here: names, intended 叠词
//!   发文机关简称:
//!     外山乡政府: 外山乡人民政府        # 简称: 全称
//!   易错词:
//!     安委办: 安办                      # 错: 对
//!   关闭规则: [cjk-space]
//! ```
//!
//! Only the shape is checked here; the rule ids of `disable` are checked against the lint
//! table by `check` (the loader does not know the rules), at the place they are written.

use serde_json::Value;

use super::campaign::PATH;
use crate::diag::Diagnostic;
use crate::yaml;

/// What a site declares about its own words.
#[derive(Debug, Clone, Default)]
pub struct Proofreading {
    /// Words that are right here (place and enterprise names, intended 叠词).
    pub words: Vec<String>,
    /// Short names of issuing organs: (简称, 全称).
    pub issuer_aliases: Vec<(String, String)>,
    /// Site-specific misspellings: (wrong, right).
    pub typos: Vec<(String, String)>,
    /// Rule ids turned off for the whole site, each with where it is written (line, col).
    pub disable: Vec<(String, usize, usize)>,
}

const KEYS: &[(&str, &str)] = &[
    ("words", "词语"),
    ("issuer_aliases", "发文机关简称"),
    ("typos", "易错词"),
    ("disable", "关闭规则"),
];

/// Parses the `proofreading` section (`key` as written); problems are pushed to `diags`.
pub fn parse(text: &str, key: &str, v: Value, diags: &mut Vec<Diagnostic>) -> Proofreading {
    let mut p = Proofreading::default();
    let err = |diags: &mut Vec<Diagnostic>, path: &[&str], msg: String, hint: &str| {
        let (l, c) = yaml::locate(text, path, 0)
            .or_else(|| yaml::locate(text, &[key], 0))
            .unwrap_or((1, 1));
        diags.push(Diagnostic::error(PATH, l, c, "campaign", msg).with_hint(hint));
    };
    let map = match v {
        Value::Object(m) => m,
        Value::Null => return p,
        _ => {
            err(
                diags,
                &[key],
                format!("{key} 应是“键: 值”的列表"),
                "缩进两个空格写 词语、发文机关简称、易错词、关闭规则",
            );
            return p;
        }
    };
    for (k, v) in map {
        let Some(&(name, zh)) = KEYS.iter().find(|(en, zh)| *en == k || *zh == k) else {
            err(
                diags,
                &[key, &k],
                format!("{key} 中未知的字段“{k}”"),
                "可用：词语（words）、发文机关简称（issuer_aliases）、易错词（typos）、关闭规则（disable）",
            );
            continue;
        };
        let shown = if k.chars().any(crate::gongwen::is_han) {
            zh
        } else {
            name
        };
        match name {
            "words" => match strings(&v) {
                Some(list) => p.words = list,
                None => err(
                    diags,
                    &[key, &k],
                    format!("{shown} 应是词语的列表"),
                    &format!("例如 {shown}: [仙夹镇, 鑫鑫建材有限公司]"),
                ),
            },
            "disable" => match strings(&v) {
                Some(list) => {
                    let at = yaml::locate(text, &[key, &k], 0).unwrap_or((1, 1));
                    p.disable = list
                        .into_iter()
                        .map(|id| {
                            let (l, c) = item_at(text, at.0, &id).unwrap_or(at);
                            (id, l, c)
                        })
                        .collect();
                }
                None => err(
                    diags,
                    &[key, &k],
                    format!("{shown} 应是规则编号的列表"),
                    &format!("例如 {shown}: [cjk-space]；全部规则见 xuanguan check --rules"),
                ),
            },
            _ => match pairs(&v) {
                Some(list) if name == "typos" => p.typos = list,
                Some(list) => p.issuer_aliases = list,
                None => {
                    let example = if name == "typos" {
                        "安委办: 安办（错误写法: 正确写法）"
                    } else {
                        "外山乡政府: 外山乡人民政府（简称: 全称）"
                    };
                    err(
                        diags,
                        &[key, &k],
                        format!("{shown} 应是“键: 值”的列表"),
                        &format!("缩进两个空格，每行一对，例如 {example}"),
                    );
                }
            },
        }
    }
    p
}

/// A list of strings (a single string is a list of one); blanks trimmed, empty ones dropped.
fn strings(v: &Value) -> Option<Vec<String>> {
    let one = |x: &Value| match x {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let list: Vec<String> = match v {
        Value::Null => Vec::new(),
        Value::Array(a) => a.iter().map(one).collect::<Option<_>>()?,
        other => vec![one(other)?],
    };
    Some(list.into_iter().filter(|s| !s.is_empty()).collect())
}

/// `a: b` pairs; `full: [short, short]` gives one pair per short name.
fn pairs(v: &Value) -> Option<Vec<(String, String)>> {
    let Value::Object(m) = v else {
        return matches!(v, Value::Null).then(Vec::new);
    };
    let mut out = Vec::new();
    for (k, x) in m {
        match x {
            Value::String(s) => out.push((k.trim().to_string(), s.trim().to_string())),
            Value::Array(_) => {
                for short in strings(x)? {
                    out.push((short, k.trim().to_string()));
                }
            }
            _ => return None,
        }
    }
    Some(out)
}

/// Where `value` is written at or after 1-based line `from` (a flow list on the key's line or
/// a block list below it).
fn item_at(text: &str, from: usize, value: &str) -> Option<(usize, usize)> {
    text.lines()
        .enumerate()
        .skip(from.saturating_sub(1))
        .take(64)
        .find_map(|(i, line)| {
            let col = line.find(value)?;
            Some((i + 1, line[..col].chars().count() + 1))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (Proofreading, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let v = yaml::parse(text).unwrap()["校对"].clone();
        (parse(text, "校对", v, &mut diags), diags)
    }

    #[test]
    fn reads_every_key_in_chinese_with_where_each_rule_id_is() {
        let text = "校对:\n  词语: [仙夹镇, 鑫鑫建材]\n  发文机关简称:\n    外山乡政府: 外山乡人民政府\n    外山乡安委会: [安委会]\n  易错词:\n    安委办: 安办\n  关闭规则:\n    - cjk-space\n    - repeated-chr\n";
        let (p, diags) = parsed(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(p.words, ["仙夹镇", "鑫鑫建材"]);
        assert_eq!(
            p.issuer_aliases,
            [
                ("外山乡政府".to_string(), "外山乡人民政府".to_string()),
                ("安委会".to_string(), "外山乡安委会".to_string())
            ]
        );
        assert_eq!(p.typos, [("安委办".to_string(), "安办".to_string())]);
        assert_eq!(
            p.disable,
            [
                ("cjk-space".to_string(), 9, 7),
                ("repeated-chr".to_string(), 10, 7)
            ]
        );
    }

    #[test]
    fn a_wrong_shape_is_an_error_at_its_key() {
        let (_, diags) = parsed("校对:\n  词汇: [甲]\n  易错词: [甲]\n");
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert_eq!((diags[0].line, diags[0].col), (2, 3));
        assert!(diags[0].message.contains("未知的字段“词汇”"));
        assert_eq!(diags[1].line, 3);
        assert!(diags[1].message.contains("易错词 应是"));
    }
}
