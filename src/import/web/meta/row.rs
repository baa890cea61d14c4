//! A line of the block made of labelled values ("[ 索引号 ]… [ 发文字号 ]…", "时间:…来源:…
//! 访问量:", a table row) and a row of labels over a row of values; the page's date written
//! without its label, before the source or after it.

use crate::gongwen::chars::is_blank;

use super::super::labels::{after_label, is_strong, label_at, label_of};
use super::first_date;

const BULLETS: &str = "•·●◆■□▪◇○-*|";

/// The (label, key, value, value column) pairs of a line made only of labelled values.
pub(super) fn pairs(text: &str) -> Option<Vec<(&'static str, &'static str, String, usize)>> {
    let c: Vec<char> = text.chars().collect();
    let mut starts = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let boundary = i == 0
            || is_blank(c[i - 1])
            // (A stray quote of the page's script: "浏览:1386次'时间:2024年3月22日".)
            || "[【［|•·●◆■，,；;）)'\"".contains(c[i - 1])
            || starts.is_empty() && c[..i].iter().all(|x| is_blank(*x) || BULLETS.contains(*x));
        if (boundary || !starts.is_empty() && runs_on(&c, i))
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
    let mut out = Vec::new();
    if let Some(date) = bare_date(&before) {
        // "2024-06-25 14:47   来源：松林镇": the page's date without its label (and maybe
        // the source's name without its label after it).
        out.push(("日期", "published", date, 1));
    } else if !before
        .chars()
        .all(|x| is_blank(x) || BULLETS.contains(x) || "[【［".contains(x))
        && !super::super::furniture::is_toolbar(&before)
    {
        return None;
    }
    for (k, &(_, label, key, v)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(c.len(), |n| n.0);
        let raw: String = c[v..end].iter().collect();
        let value = raw
            .trim_matches(|x: char| is_blank(x) || "[【［|".contains(x))
            .trim_start_matches(|x: char| is_blank(x) || "：:]】］".contains(x))
            .to_string();
        // "来源:荷塘乡   2020-08-14 09:40": the page's date after the source, without its label.
        if let Some((name, date)) = source_then_date(label, &value) {
            let at = v
                + 1
                + raw
                    .find(date.as_str())
                    .map_or(0, |b| raw[..b].chars().count());
            out.push((label, key, name, v + 1));
            out.push(("日期", "published", date, at));
            continue;
        }
        out.push((label, key, value, v + 1));
    }
    Some(out)
}

/// A label of the page's 发布信息 line run on to the value before it without a blank
/// ("时间:2023-02-27 15:42来源:泾西镇访问量:"): a strong label of the page's date, source or
/// counters, directly followed by its colon. (A value's own words before a colon, "单位名称:",
/// name no such label.)
///
/// Only right after a digit or a date's or clock's last mark ("27日", "42分"), or a counter
/// after the source's name ("泾西镇访问量:"); never inside a word ("数据来源:") nor after an
/// hour of the body ("上午9时服务对象:").
fn runs_on(c: &[char], i: usize) -> bool {
    let digit = |k: usize| c.get(k).is_some_and(char::is_ascii_digit);
    let after_date = i >= 1
        && (digit(i - 1) || i >= 2 && matches!(c[i - 1], '日' | '分' | '秒') && digit(i - 2));
    label_at(c, i).is_some_and(|(label, key, end)| {
        let counter = ["量", "数", "次数"].iter().any(|w| label.ends_with(w));
        (after_date || counter)
            && matches!(key, "" | "published")
            && is_strong(label)
            && label.chars().count() >= 2
            && matches!(c.get(end), Some('：' | ':'))
    })
}

/// A source's value that runs on into the page's date ("荷塘乡   2020-08-14 09:40"): the
/// source's name (a short name without marks) and the date, split at the blanks between them.
fn source_then_date(label: &str, value: &str) -> Option<(String, String)> {
    if !label.ends_with("来源") && label != "稿源" {
        return None;
    }
    let name: String = value.chars().take_while(|c| !is_blank(*c)).collect();
    let date = value[name.len()..].trim_matches(is_blank);
    ((2..=16).contains(&name.chars().count())
        && name.chars().all(crate::gongwen::chars::is_han)
        && is_bare_date(date))
    .then(|| (name, date.to_string()))
}

/// The date of a page's 发布信息 line written without labels: a date (and time) alone, or
/// followed by a short name ("2019-09-09 16:02　杉桥镇", the source without its label).
fn bare_date(t: &str) -> Option<String> {
    let t = t.trim_matches(is_blank);
    // "湍阳政府门户网站  www.tuanyang.gov.cn   2024-05-30 16:12:08": the site's name and
    // address before the date.
    let t = site_before_date(t).unwrap_or(t);
    if is_bare_date(t) {
        return Some(t.to_string());
    }
    let (date, name) = t.rsplit_once(is_blank)?;
    let name_ok =
        (2..=12).contains(&name.chars().count()) && name.chars().all(crate::gongwen::chars::is_han);
    (name_ok && is_bare_date(date)).then(|| date.trim_matches(is_blank).to_string())
}

/// `t` after the site's name and web address that a page prints before its date.
fn site_before_date(t: &str) -> Option<&str> {
    let mut rest = t;
    let mut dropped = false;
    while let Some((w, r)) = rest.split_once(is_blank) {
        let site = w.starts_with("www.")
            || w.starts_with("http")
            || w.chars().count() <= 16
                && w.chars().all(crate::gongwen::chars::is_han)
                && (w.ends_with("网站") || w.ends_with("政府网") || w.ends_with('网'));
        if !site {
            break;
        }
        rest = r.trim_start_matches(is_blank);
        dropped = true;
    }
    dropped.then_some(rest)
}

/// A date (and time) alone, as a page prints it before 来源 without a label, under an
/// account's 关注 button, or as a value of a block that lost its labels: "2021.11.19",
/// "2026-01-21 09:46", "2024年05月30日 16:12:08".
pub(in crate::import::web) fn is_bare_date(t: &str) -> bool {
    t.chars().count() <= 24
        && first_date(t).is_some()
        && t.chars()
            .all(|c| c.is_ascii_digit() || is_blank(c) || "-/.:年月日|｜".contains(c))
}

/// A table pasted as a row of labels over a row of values ("索引号\t文号\t发布机构" then the
/// values, tab- or space-separated, as many as the labels): (label, key, value, column).
pub(super) fn header_row(
    labels: &str,
    values: &str,
) -> Option<Vec<(&'static str, &'static str, String, usize)>> {
    let names: Vec<(&'static str, &'static str)> = labels
        .split(|c: char| c == '\t' || is_blank(c) && c != '\u{3000}')
        .filter(|s| !s.is_empty())
        .map(label_of)
        .collect::<Option<_>>()?;
    if names.len() < 2 || names.iter().filter(|(_, k)| !k.is_empty()).count() < 2 {
        return None;
    }
    let sep = |c: char| {
        if values.contains('\t') {
            c == '\t'
        } else {
            is_blank(c)
        }
    };
    let mut cells = Vec::new();
    let mut col = 1;
    for part in values.split(sep) {
        if !part.trim().is_empty() {
            cells.push((part.trim_matches(is_blank).to_string(), col));
        }
        col += part.chars().count() + 1;
    }
    (cells.len() == names.len() && pairs(values).is_none()).then(|| {
        names
            .into_iter()
            .zip(cells)
            .map(|((l, k), (v, c))| (l, k, v, c))
            .collect()
    })
}
