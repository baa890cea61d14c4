//! The 政府信息公开 block of a portal page (索引号, 发布机构, 主题分类, 成文日期, 文号, 发布日期,
//! 公开方式, 有效性…) and the page's own 来源 / 发布时间 / 浏览次数 line, read from the cleaned
//! lines wherever they stand: one "key：value" per line, several on one run-together line
//! ("[ 索引号 ]… [ 发文字号 ]…", a table row), or a label alone with its value on the next
//! line. The lines are removed; the values become [`Meta`] fields, named by the schema keys of
//! [`crate::gongwen::fields`].

use chrono::NaiveDate;

use crate::gongwen::chars::is_blank;
use crate::gongwen::date_spans::spans;
use crate::import::{Line, Report};

use super::labels::{after_label, is_strong, label_at};
pub use super::labels::{label_of, labelled_keys};

/// One value of the block: its schema key (or `""` for labels that are page furniture), the
/// label as written, the value, and where the value stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    pub label: String,
    pub value: String,
    pub line: usize,
    pub col: usize,
}

/// The fields of the block, in the order they were read.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub fields: Vec<Field>,
}

impl Meta {
    /// The first non-empty value for `key`.
    pub fn get(&self, key: &str) -> Option<&Field> {
        self.fields
            .iter()
            .find(|f| f.key == key && !f.value.is_empty() && f.value != "无")
    }
}

const BULLETS: &str = "•·●◆■□▪◇○-*|";

/// The (label, key, value, value column) pairs of a line made only of labelled values.
fn pairs(text: &str) -> Option<Vec<(&'static str, &'static str, String, usize)>> {
    let c: Vec<char> = text.chars().collect();
    let mut starts = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let boundary = i == 0
            || is_blank(c[i - 1])
            || "[【［|•·●◆■，,；;）)".contains(c[i - 1])
            || starts.is_empty() && c[..i].iter().all(|x| is_blank(*x) || BULLETS.contains(*x));
        if boundary
            && let Some((label, key, end)) = label_at(&c, i)
            && let Some(v) = after_label(&c, end)
        {
            starts.push((i, label, key, v));
            i = v;
            continue;
        }
        i += 1;
    }
    let first = starts.first()?;
    let before: String = c[..first.0].iter().collect();
    if !before
        .chars()
        .all(|x| is_blank(x) || BULLETS.contains(x) || "[【［".contains(x))
    {
        return None;
    }
    let mut out = Vec::new();
    for (k, &(_, label, key, v)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(c.len(), |n| n.0);
        let raw: String = c[v..end].iter().collect();
        let value = raw
            .trim_matches(|x: char| is_blank(x) || "[【［|".contains(x))
            .trim_start_matches(|x: char| is_blank(x) || "：:]】］".contains(x))
            .to_string();
        out.push((label, key, value, v + 1));
    }
    Some(out)
}

/// Whether `v` can be the value of `key` when it stands on the line after its label.
fn fits(key: &str, v: &str) -> bool {
    let n = v.chars().count();
    if n == 0 || n > 80 || v.contains('。') || pairs(v).is_some() {
        return false;
    }
    match key {
        "index_no" => v.chars().any(|c| c.is_ascii_digit()),
        "date" | "published" => first_date(v).is_some(),
        "doc_no" => v == "无" || v.contains('号'),
        "disclosure" => v.contains("公开"),
        "valid" => ["有效", "失效", "废止"].iter().any(|w| v.contains(w)),
        "issuer" | "topic" | "genre" => n <= 30 && !v.contains(['，', '；']),
        _ => false,
    }
}

/// The first whole date in `v` ("2024年04月06日 16:40", "2023-04-07 10:21:05").
pub fn first_date(v: &str) -> Option<NaiveDate> {
    let c: Vec<char> = v.chars().collect();
    spans(&c)
        .into_iter()
        .find(|s| s.year_digits == 4 && s.day.is_some())
        .and_then(|s| s.date(None))
}

/// Takes the block's lines out of `lines`; returns the rest and the fields read.
pub fn take(lines: Vec<Line>, rep: &mut Report) -> (Vec<Line>, Meta) {
    let mut meta = Meta::default();
    let mut kept = Vec::with_capacity(lines.len());
    let mut i = 0;
    let mut removed = Vec::new();
    while i < lines.len() {
        let line = &lines[i];
        let text = line.plain();
        let Some(found) = pairs(&text) else {
            kept.push(line.clone());
            i += 1;
            continue;
        };
        let near_block = |j: usize| lines.get(j).is_some_and(|l| pairs(&l.plain()).is_some());
        let accepted = found.len() >= 2
            || (is_strong(found[0].0) || near_block(i + 1) || i > 0 && near_block(i - 1))
                && !found[0].2.contains('。')
                && found[0].2.chars().count() <= 80;
        if !accepted {
            kept.push(line.clone());
            i += 1;
            continue;
        }
        removed.push(line.no);
        let mut used_next = false;
        let last = found.len() - 1;
        for (k, (label, key, value, col)) in found.into_iter().enumerate() {
            let (value, no, col) = match lines.get(i + 1) {
                Some(next) if k == last && value.is_empty() && fits(key, &next.plain()) => {
                    used_next = true;
                    (next.plain().trim_matches(is_blank).to_string(), next.no, 1)
                }
                _ => (value, line.no, col),
            };
            meta.fields.push(Field {
                key,
                label: label.to_string(),
                value,
                line: no,
                col,
            });
        }
        i += 1;
        if used_next {
            removed.push(lines[i].no);
            i += 1;
        }
    }
    if let Some(&first) = removed.first() {
        let labels: Vec<&str> = meta.fields.iter().map(|f| f.label.as_str()).collect();
        rep.info(
            first,
            1,
            format!(
                "网页的信息公开栏和发布信息（{}）共 {} 行已从正文中删去，有用的项写入前置信息",
                labels.join("、"),
                removed.len()
            ),
        );
    }
    (kept, meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        text.lines()
            .enumerate()
            .map(|(i, t)| Line {
                no: i + 1,
                text: t.trim().to_string(),
            })
            .filter(|l| !l.text.is_empty())
            .collect()
    }

    fn run(text: &str) -> (Vec<String>, Meta) {
        let mut rep = Report::new("t.txt");
        let (kept, meta) = take(lines(text), &mut rep);
        (kept.into_iter().map(|l| l.text).collect(), meta)
    }

    fn value<'a>(m: &'a Meta, key: &str) -> &'a str {
        m.get(key).map_or("", |f| f.value.as_str())
    }

    #[test]
    fn one_field_per_line_with_spaced_labels() {
        let (kept, m) = run(
            "- 索 引 号：003511-0200-2023-00031\n- 主题分类：安全生产\n- 发布机构：外山乡人民政府\n- 成文日期：2023年04月06日\n- 文  号：永外委〔2023〕16号\n- 有效性：有效\n正文第一段。",
        );
        assert_eq!(kept, ["正文第一段。"]);
        assert_eq!(value(&m, "index_no"), "003511-0200-2023-00031");
        assert_eq!(value(&m, "issuer"), "外山乡人民政府");
        assert_eq!(value(&m, "doc_no"), "永外委〔2023〕16号");
        assert_eq!(value(&m, "valid"), "有效");
        assert_eq!(m.get("doc_no").unwrap().line, 5);
    }

    #[test]
    fn run_together_and_bracketed() {
        let (kept, m) = run(
            "[ 索引号 ]11350525MB0000000X/2024-00012 [ 发文字号 ]永外政〔2024〕3 号 [ 发布机构 ]外山乡人民政府 [ 成文日期 ]2024-03-01 [ 发布日期 ]2024-03-04\n来源：外山乡 发布时间：2024-03-04 09:12 浏览次数：321\n关于开展安全宣传的通知",
        );
        assert_eq!(kept, ["关于开展安全宣传的通知"]);
        assert_eq!(value(&m, "doc_no"), "永外政〔2024〕3 号");
        assert_eq!(value(&m, "published"), "2024-03-04");
        assert_eq!(value(&m, "date"), "2024-03-01");
        assert_eq!(
            first_date("2024-03-04 09:12"),
            NaiveDate::from_ymd_opt(2024, 3, 4)
        );
    }

    #[test]
    fn label_alone_with_value_below() {
        let (kept, m) = run(
            "• 索引号:\n6107280000/2024-001005\n• 主题分类:\n• 发文字号:\n镇政发〔2024〕7号\n• 发文日期:\n2024年04月06日 16:40\n• 内容概述:\n外山乡人民政府工作规则\n第一章总则",
        );
        assert_eq!(kept, ["外山乡人民政府工作规则", "第一章总则"]);
        assert_eq!(value(&m, "index_no"), "6107280000/2024-001005");
        assert_eq!(value(&m, "topic"), "");
        assert_eq!(value(&m, "doc_no"), "镇政发〔2024〕7号");
        assert_eq!(
            first_date(value(&m, "date")),
            NaiveDate::from_ymd_opt(2024, 4, 6)
        );
    }

    #[test]
    fn body_lines_are_not_labels() {
        let (kept, m) =
            run("标题要简明。\n来源于群众的意见要认真研究。\n作者：外山乡安办\n联系人：林小梅");
        assert_eq!(kept.len(), 4, "{kept:?}");
        assert!(m.fields.is_empty());
    }
}
