//! The date lints: `invalid-date`, `weekday-mismatch`, `date-format`, `date-style-mixed`,
//! `issue-date-consistency`, `deadline-before-issue`. A date span is claimed, so no other lint
//! reports inside it.
//!
//! Complexity: O(n) in the characters of a block (n): the in-text date reader
//! ([`super::dates::spans`]) is one forward scan, the 《》 depth is a prefix sum, the text
//! between two dates is read once, the block's visible length is counted once (not per date),
//! and each date looks at most a few characters around it (weekday, 前/之前, 于). The front
//! matter's five date keys are read once each.

use chrono::{Datelike, NaiveDate};

use super::chars::is_space;
use super::dates::{Form, Span, spans};
use super::text::Claim;
use super::{Doc, Lint};

const WEEK: &str = "一二三四五六日天";

fn fmt(d: NaiveDate) -> String {
    d.format("%Y年%-m月%-d日").to_string()
}

pub fn run(doc: &mut Doc) {
    front_dates(doc);
    for b in 0..doc.blocks.len() {
        let c = doc.blocks[b].chars.clone();
        let mut sentence_year: Option<i32> = None;
        let mut last_end = 0;
        // Counted once per block: counting it for each 汉字 date was quadratic.
        let visible = c.iter().filter(|x| !is_space(**x)).count();
        let mut title_depth = vec![0i32; c.len() + 1];
        for (k, &x) in c.iter().enumerate() {
            title_depth[k + 1] = title_depth[k] + (x == '《') as i32 - (x == '》') as i32;
        }
        for s in spans(&c) {
            if !doc.blocks[b].all_free(s.start..s.end) {
                continue;
            }
            if c[last_end..s.start]
                .iter()
                .any(|x| matches!(x, '。' | '！' | '？'))
            {
                sentence_year = None;
            }
            last_end = s.end;
            let ctx_year = s.year.or(sentence_year).or(doc.date.map(|d| d.year()));
            if s.year.is_some() {
                sentence_year = s.year;
            }
            doc.blocks[b].claim(s.start..s.end, Claim::Date);
            let len = s.end - s.start;
            let text: String = c[s.start..s.end].iter().collect();
            if !s.valid(ctx_year) {
                doc.at(
                    b,
                    s.start,
                    len,
                    Lint::InvalidDate,
                    format!("日期“{text}”不存在"),
                    "核对月份（1～12）和该月的天数（含闰年）",
                );
                continue;
            }
            let mut problems = Vec::new();
            if s.padded {
                problems.push("月、日不加前导0");
            }
            if s.year_digits == 2 {
                problems.push("年份应写全四位");
            }
            if s.spaced {
                problems.push("日期中不应有空格");
            }
            if let Some(z) = s.bad_zero {
                problems.push(if z == '零' {
                    "汉字年份中的零应写作“〇”"
                } else {
                    "汉字年份中的零应写作“〇”（不是字母O、数字0或○）"
                });
            }
            let good = s
                .date(ctx_year)
                .map(fmt)
                .unwrap_or_else(|| text.replace([' ', '\u{3000}'], ""));
            if !problems.is_empty() {
                doc.at(
                    b,
                    s.start,
                    len,
                    Lint::DateFormat,
                    format!("日期“{text}”格式有误：{}", problems.join("；")),
                    format!("写作“{good}”"),
                );
                // A full 2023年04月 06日 (leading zeros, blanks) is rewritten as it reads; a
                // year to guess, a 号 or a 零 to replace is for the writer.
                let mechanical = s.form == Form::Arabic
                    && s.year.is_some()
                    && s.year_digits == 4
                    && s.day.is_some()
                    && !s.hao
                    && s.bad_zero.is_none();
                if mechanical {
                    let edit = doc.edit(b, s.start, len, &good);
                    doc.fix([edit]);
                }
            }
            let after = c.get(s.end).copied().unwrap_or(' ');
            let style = match s.form {
                Form::Iso => Some("正文中的日期应写作“X年X月X日”"),
                Form::Arabic if s.hao && !matches!(after, '楼' | '院' | '线' | '文') => {
                    Some("日期中的“日”不应写作“号”")
                }
                Form::Hanzi if s.day.is_some() && visible <= len + 2 => {
                    Some("成文日期应使用阿拉伯数字（GB/T 9704-2012）")
                }
                _ => None,
            };
            if let Some(m) = style {
                doc.at(
                    b,
                    s.start,
                    len,
                    Lint::DateStyleMixed,
                    format!("{m}：“{text}”"),
                    format!("写作“{good}”"),
                );
            }
            let Some(d) = s.date(ctx_year) else { continue };
            weekday(doc, b, &c, &s, d);
            if let Some(issued) = doc.date {
                let explicit = s.date(s.year.or(sentence_year));
                consistency(doc, b, &c, &s, explicit, issued, title_depth[s.start] > 0);
            }
        }
    }
}

fn weekday(doc: &mut Doc, b: usize, c: &[char], s: &Span, d: NaiveDate) {
    let mut j = s.end;
    if matches!(c.get(j), Some('（' | '(')) {
        j += 1;
    }
    let k = if c.get(j) == Some(&'星') && c.get(j + 1) == Some(&'期') {
        j + 2
    } else if c.get(j) == Some(&'周') {
        j + 1
    } else {
        return;
    };
    let Some(w) = c.get(k).and_then(|&x| WEEK.chars().position(|y| y == x)) else {
        return;
    };
    let written = (w as u32).min(6); // 日/天 → 6
    let actual = d.weekday().num_days_from_monday();
    if written != actual {
        let name = ["一", "二", "三", "四", "五", "六", "日"][actual as usize];
        doc.at(
            b,
            j,
            k + 1 - j,
            Lint::WeekdayMismatch,
            format!(
                "{}是星期{name}，不是“{}”",
                fmt(d),
                c[j..=k].iter().collect::<String>()
            ),
            format!("核对日期，或改为“星期{name}”"),
        );
    }
}

fn consistency(
    doc: &mut Doc,
    b: usize,
    c: &[char],
    s: &Span,
    d: Option<NaiveDate>,
    issued: NaiveDate,
    in_title: bool,
) {
    let Some(d) = d else {
        // 2023年3月底前: a month-level deadline.
        if let (Some(y), None, true) = (
            s.year,
            s.day,
            c.get(s.end) == Some(&'底') && c.get(s.end + 1) == Some(&'前'),
        ) {
            let last = NaiveDate::from_ymd_opt(y, s.month % 12 + 1, 1).map(|n| {
                if s.month == 12 {
                    NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(n)
                } else {
                    n.pred_opt().unwrap_or(n)
                }
            });
            if let Some(last) = last.filter(|l| *l < issued && !in_title) {
                let _ = last;
                doc.at(
                    b,
                    s.start,
                    s.end + 2 - s.start,
                    Lint::DeadlineBeforeIssue,
                    format!("期限“{}月底前”早于成文日期{}", s.month, fmt(issued)),
                    "核对期限是否已过，或成文日期是否有误",
                );
            }
        }
        return;
    };
    let starts = |k: usize, w: &str| w.chars().enumerate().all(|(n, x)| c.get(k + n) == Some(&x));
    let mut e = s.end;
    while e < c.len() && is_space(c[e]) {
        e += 1;
    }
    let before = |w: &str| s.start >= w.chars().count() && starts(s.start - w.chars().count(), w);
    let deadline = ["前", "之前", "以前", "止"].iter().any(|w| starts(e, w))
        || before("截止")
        || before("截止到");
    if deadline && d < issued && !in_title {
        doc.at(
            b,
            s.start,
            s.end - s.start,
            Lint::DeadlineBeforeIssue,
            format!("期限{}早于成文日期{}，发文时已过期", fmt(d), fmt(issued)),
            "核对期限或成文日期",
        );
    }
    let future = ["将于", "定于", "拟于", "计划于"].iter().any(|w| before(w));
    let past_verb = ["召开", "举行", "举办", "印发", "发布", "出台"]
        .iter()
        .any(|w| starts(e, w));
    let past = (before("于") && !future && past_verb)
        || ["印发的", "发布的", "出台的", "召开的"]
            .iter()
            .any(|w| starts(e, w));
    if past && d > issued {
        doc.at(
            b,
            s.start,
            s.end - s.start,
            Lint::IssueDateConsistency,
            format!("已发生的事项日期{}晚于成文日期{}", fmt(d), fmt(issued)),
            "核对事项日期或成文日期",
        );
    }
}

/// Front-matter dates: impossible, zero-padded, and out of order.
fn front_dates(doc: &mut Doc) {
    let issued = doc.date;
    for key in [
        "date",
        "printed_date",
        "published",
        "valid_from",
        "valid_until",
    ] {
        let Some((value, off)) = doc.front.written(key).into_iter().next() else {
            continue;
        };
        let c: Vec<char> = value.trim().chars().collect();
        let span = spans(&c)
            .into_iter()
            .next()
            .filter(|s| s.start == 0 && s.end == c.len());
        let Some(s) = span else { continue };
        if !s.valid(s.year) || s.day.is_none() {
            if !s.valid(s.year) {
                doc.push(
                    Lint::InvalidDate,
                    off,
                    c.len(),
                    format!("{key} 的日期“{value}”不存在"),
                    "核对月份和该月的天数（含闰年）",
                );
            }
            continue;
        }
        if s.form == Form::Arabic && s.padded {
            doc.push(
                Lint::DateFormat,
                off,
                c.len(),
                format!("{key} 的日期“{value}”月、日不加前导0"),
                format!(
                    "写作“{}”或 ISO 格式",
                    s.date(None).map(fmt).unwrap_or_default()
                ),
            );
        }
        if let (Some(issued), Some(d), "printed_date" | "published") =
            (issued, doc.front.date(key), key)
            && d < issued
        {
            let what = if key == "published" {
                "发布日期"
            } else {
                "印发日期"
            };
            doc.push(
                Lint::IssueDateConsistency,
                off,
                c.len(),
                format!("{what}{}早于成文日期{}", fmt(d), fmt(issued)),
                format!("{what}不能早于成文日期"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn many_hanzi_dates_in_one_paragraph_are_linear() {
        // 30,000 汉字 dates in one paragraph: each counted the paragraph's visible characters
        // (9·10⁹ steps, minutes in a debug build); now counted once per block.
        let head = "---\ntitle: 甲\n---\n";
        let dates = "二〇二四年一月一日，".repeat(30_000);
        let src = format!("{head}{dates}\n\n二〇二四年一月一日\n");
        let found = super::super::lint_text("content/news/a.md", &src, &Default::default());
        let mixed: Vec<_> = found
            .iter()
            .filter(|d| d.lint == "date-style-mixed")
            .collect();
        assert_eq!(mixed.len(), 1, "{mixed:?}");
        assert_eq!(mixed[0].line, 6);
    }
}
