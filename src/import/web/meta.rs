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

pub use super::labels::{label_of, labelled_keys};

mod bare;
mod row;
use super::labels::{is_strong, labelled};
pub(super) use row::is_bare_date;
use row::{header_row, pairs};

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
    /// The first non-empty value for `key`; for `topic`, the 主题分类 before a catalogue's
    /// placement of the page (组配分类, 公开目录) wherever the block puts it.
    pub fn get(&self, key: &str) -> Option<&Field> {
        let mut found = self
            .fields
            .iter()
            .filter(|f| f.key == key && !f.value.is_empty() && f.value != "无");
        if key == "topic" {
            return found.min_by_key(|f| usize::from(f.label.replace(is_blank, "") != "主题分类"));
        }
        found.next()
    }
}

/// Whether `v` can be the value of `key` when it stands on the line after its label.
fn fits(key: &str, v: &str) -> bool {
    let n = v.chars().count();
    if n == 0 || n > 80 || v.contains('。') || is_row(v) {
        return false;
    }
    match key {
        "index_no" => v.chars().any(|c| c.is_ascii_digit()),
        "date" | "published" => first_date(v).is_some(),
        "doc_no" => v == "无" || v.contains('号'),
        "disclosure" => v.contains("公开"),
        "valid" => ["有效", "失效", "废止"].iter().any(|w| v.contains(w)),
        // (The heading under an empty "发布机构:" is a title, not the organ; a column may be
        // named like one, "公开目录" over "通知公告".)
        "issuer" => {
            use crate::import::recognize::kind::{is_place_headline, is_town_headline, of_title};
            n <= 30
                && !v.contains(['，', '；'])
                && of_title(v).is_none()
                && !is_town_headline(v)
                && !is_place_headline(v)
        }
        "topic" | "genre" => n <= 30 && !v.contains(['，', '；']),
        _ => false,
    }
}

/// "来源:" over "柳营镇" (a page laid out a cell a line): a source's short name on the line
/// after its label.
fn names_source(label: &str, v: &str) -> bool {
    let v = v.trim_matches(is_blank);
    label.ends_with("来源")
        && (2..=16).contains(&v.chars().count())
        && v.chars().all(crate::gongwen::chars::is_han)
}

/// Whether `t` is a line of the block: labelled values, with or without colons.
fn is_row(t: &str) -> bool {
    pairs(t).is_some() || bare::pairs(t).is_some()
}

/// A line of the block with a label that may stand alone.
fn is_strong_row(t: &str) -> bool {
    pairs(t)
        .or_else(|| bare::pairs(t))
        .is_some_and(|f| f.iter().any(|x| is_strong(x.0)))
}

/// The first whole date in `v` ("2024年04月06日 16:40", "2023-04-07 10:21:05").
pub fn first_date(v: &str) -> Option<NaiveDate> {
    let c: Vec<char> = v.chars().collect();
    spans(&c)
        .into_iter()
        .find(|s| s.year_digits == 4 && s.day.is_some())
        .and_then(|s| s.date(None))
        // Only the years a site may name (a year 4040 would make the imported file unloadable).
        .filter(|d| crate::gongwen::date::YEARS.contains(&chrono::Datelike::year(d)))
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
        if let Some(next) = lines.get(i + 1)
            && let Some(found) = header_row(&text, &next.plain())
        {
            for (label, key, value, col) in found {
                meta.fields.push(Field {
                    key,
                    label: label.to_string(),
                    value,
                    line: next.no,
                    col,
                });
            }
            removed.extend([line.no, next.no]);
            i += 2;
            continue;
        }
        // "2025-04-22 09:36" alone near the top, over a line of the block ("来源: …") or
        // between a headline and the story's first paragraph: the page's date. (A signature's
        // date stands under its organ and over no paragraph.)
        let under_headline = || {
            i > 0 && {
                let prev = lines[i - 1].plain();
                let next = lines.get(i + 1).map(Line::plain).unwrap_or_default();
                prev.chars().count() <= 60
                    && !prev.ends_with(['。', '：', ':', '；'])
                    && !crate::import::recognize::head::is_organ(&prev)
                    && next.chars().count() >= 30
                    && next.contains(['，', '。'])
            }
        };
        if i < 12
            && is_bare_date(text.trim_matches(is_blank))
            && meta.get("published").is_none()
            && (lines.get(i + 1).is_some_and(|l| is_row(&l.plain())) || under_headline())
        {
            meta.fields.push(Field {
                key: "published",
                label: "日期".into(),
                value: text.trim_matches(is_blank).to_string(),
                line: line.no,
                col: 1,
            });
            removed.push(line.no);
            i += 1;
            continue;
        }
        let (found, bare) = match pairs(&text) {
            Some(found) => (found, false),
            None => match bare::pairs(&text) {
                Some(found) => (found, true),
                None => {
                    kept.push(line.clone());
                    i += 1;
                    continue;
                }
            },
        };
        // A neighbour is the block when it is a row with a label that may stand alone (a task's
        // "责任部门：…" and "时间：…" do not make each other the block).
        let near_block = |j: usize| lines.get(j).is_some_and(|l| is_strong_row(&l.plain()));
        let after_block = i > 0 && (near_block(i - 1) || removed.last() == Some(&lines[i - 1].no));
        // A news site's 核心提示 is a summary sentence under the title; a block's 内容概述 is
        // one within the block.
        let summary = matches!(found[0].0, "核心提示" | "内容提要") && i < 6
            || matches!(found[0].0, "内容概述" | "概述") && after_block;
        // "日期:2024-06-18" alone under the title, near the top: the page's date.
        // A meeting's "时间：…上午9时 地点：…" is body text.
        let meeting = |v: &str| {
            [
                "地点", "地址", "参加", "参会", "出席", "内容", "对象", "主持", "议程",
            ]
            .iter()
            .any(|w| v.contains(w))
        };
        let dated_top = i < 12
            && found.len() == 1
            && matches!(found[0].0, "日期" | "时间")
            && is_stamp(&found[0].2)
            && !meeting(&found[0].2);
        // "时间：… 服务对象：…" of an activity plan, "责任部门：镇应急办" over a task's "时间：
        // 6月30日前": a 服务对象 or 责任部门 counts only beside a line of the block itself (one
        // naming what only a block names: 索引号, 文号, 分类, 成文日期, 公开方式, 有效性…).
        // (A weak label with such a key, a pledge's "签署日期：", names no block.)
        let block_row = |j: usize| {
            lines.get(j).is_some_and(|l| {
                labelled(&l.plain()).iter().any(|&(label, k)| {
                    is_strong(label)
                        && matches!(
                            k,
                            "index_no"
                                | "doc_no"
                                | "topic"
                                | "genre"
                                | "date"
                                | "disclosure"
                                | "valid"
                        )
                })
            })
        };
        let meeting_row = found.iter().any(|f| matches!(f.0, "服务对象" | "责任部门"))
            && !(i > 0 && block_row(i - 1) || block_row(i + 1));
        let accepted = !meeting_row
            && (dated_top
                || if bare {
                    // Labels without colons are only words: a row of them counts with a value in
                    // it, a single one beside the block.
                    found.len() >= 2 && found.iter().any(|f| !f.2.is_empty())
                        || after_block
                        || near_block(i + 1)
                } else {
                    found.len() >= 2
                        || summary
                        || (is_strong(found[0].0) || near_block(i + 1) || after_block)
                            && !found[0].2.contains('。')
                            && found[0].2.chars().count() <= 80
                });
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
                Some(next)
                    if !bare
                        && k == last
                        && value.is_empty()
                        && (fits(key, &next.plain()) || names_source(label, &next.plain())) =>
                {
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
    for f in &mut meta.fields {
        if f.key == "date"
            && f.label.replace(is_blank, "") == "生成日期"
            && has_time_of_day(&f.value)
        {
            f.key = "published";
        }
    }
    (kept, meta)
}

/// "2024-06-18", "2024年06月18日 10:21": a date, and maybe its time of day, alone — a page's
/// stamp. A task's "2024年6月30日前" or "2024年6月1日至6月30日" is no stamp.
fn is_stamp(v: &str) -> bool {
    let v = v.trim_matches(is_blank);
    let date = match v.rsplit_once(is_blank) {
        Some((d, clock)) if clock.chars().all(|c| c.is_ascii_digit() || c == ':') => d,
        _ => v,
    };
    crate::gongwen::date_line::parse(date).is_some_and(|d| d.is_ok())
}

/// Whether a block's value carries a time of day after its date ("2023-06-09 10:21:37"): a
/// 生成日期 so stamped is when the site generated the page (its publication), not the
/// document's 成文日期, which a block gives as a date alone ("生成日期 2024-04-02").
fn has_time_of_day(v: &str) -> bool {
    let c: Vec<char> = v.chars().collect();
    first_date(v).is_some()
        && c.windows(4).any(|w| {
            w[0].is_ascii_digit() && w[1] == ':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
        })
}

#[cfg(test)]
mod tests;
