//! Date spans (年月日, 月日, ISO-like and 汉字 dates) and the date lints: `invalid-date`,
//! `weekday-mismatch`, `date-format`, `date-style-mixed`, `issue-date-consistency`,
//! `deadline-before-issue`. A date span is claimed, so no other lint reports inside it.

use chrono::{Datelike, NaiveDate};

use super::Doc;
use super::chars::{digit, is_digit, is_space, read_number};
use super::front::parse_date;
use super::text::Claim;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// 2023年4月6日, 4月6日, 2023年4月
    Arabic,
    /// 2023-04-06, 2023.4.6, 2023/4/6
    Iso,
    /// 二〇二三年四月六日
    Hanzi,
}

#[derive(Debug, Clone)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub form: Form,
    pub year: Option<i32>,
    pub year_digits: usize,
    pub month: u32,
    pub day: Option<u32>,
    pub padded: bool,
    pub spaced: bool,
    pub hao: bool,
    pub bad_zero: Option<char>,
}

impl Span {
    pub fn date(&self, year: Option<i32>) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year.or(year)?, self.month, self.day?)
    }
    fn valid(&self, year: Option<i32>) -> bool {
        if !(1..=12).contains(&self.month) {
            return false;
        }
        match self.day {
            None => true,
            Some(d) => {
                NaiveDate::from_ymd_opt(self.year.or(year).unwrap_or(2024), self.month, d).is_some()
            }
        }
    }
}

/// Finds the date spans of a block's characters.
pub fn spans(c: &[char]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let glued = i > 0
            && (c[i - 1].is_ascii_alphanumeric()
                || is_digit(c[i - 1])
                || matches!(c[i - 1], '.' | '-' | '/' | '_'));
        let found = if glued {
            None
        } else {
            arabic(c, i).or_else(|| iso(c, i)).or_else(|| hanzi(c, i))
        };
        match found {
            Some(s) => {
                i = s.end;
                out.push(s);
            }
            None => i += 1,
        }
    }
    out
}

fn skip_sp(c: &[char], i: &mut usize, spaced: &mut bool) {
    while *i < c.len() && is_space(c[*i]) {
        *i += 1;
        *spaced = true;
    }
}

fn arabic(c: &[char], i: usize) -> Option<Span> {
    let (a, mut j) = read_number(c, i)?;
    let a_len = j - i;
    let a_padded = a_len > 1 && digit(c[i]) == Some(0);
    let mut spaced = false;
    skip_sp(c, &mut j, &mut spaced);
    let (year, year_digits, month, m_padded);
    if c.get(j) == Some(&'年') && (a_len == 4 || a_len == 2) {
        j += 1;
        skip_sp(c, &mut j, &mut spaced);
        let ms = j;
        let (m, k) = read_number(c, j)?;
        j = k;
        skip_sp(c, &mut j, &mut spaced);
        if c.get(j) != Some(&'月') || k - ms > 2 {
            return None;
        }
        j += 1;
        (year, year_digits, month, m_padded) = (
            Some(a as i32),
            a_len,
            m as u32,
            k - ms > 1 && digit(c[ms]) == Some(0),
        );
    } else if c.get(j) == Some(&'月') && a_len <= 2 {
        j += 1;
        (year, year_digits, month, m_padded) = (None, 0, a as u32, a_padded);
    } else {
        return None;
    }
    let month_end = j;
    let mut day_spaced = spaced;
    skip_sp(c, &mut j, &mut day_spaced);
    let ds = j;
    let day = match read_number(c, j) {
        Some((d, k)) if k - ds <= 2 => {
            let mut k2 = k;
            skip_sp(c, &mut k2, &mut day_spaced);
            match c.get(k2) {
                Some('日') | Some('号') => Some((
                    d as u32,
                    k2 + 1,
                    c[k2] == '号',
                    k - ds > 1 && digit(c[ds]) == Some(0),
                )),
                _ => None,
            }
        }
        _ => None,
    };
    let (day, end, hao, d_padded, spaced) = match day {
        Some((d, e, h, p)) => (Some(d), e, h, p, day_spaced),
        None if year.is_some() => (None, month_end, false, false, spaced),
        None => return None,
    };
    Some(Span {
        start: i,
        end,
        form: Form::Arabic,
        year,
        year_digits,
        month,
        day,
        padded: m_padded || d_padded,
        spaced,
        hao,
        bad_zero: None,
    })
}

fn iso(c: &[char], i: usize) -> Option<Span> {
    let (y, j) = read_number(c, i)?;
    if j - i != 4 || !(1900..=2099).contains(&y) {
        return None;
    }
    let sep = *c.get(j)?;
    if !matches!(sep, '-' | '.' | '/') {
        return None;
    }
    let (m, k) = read_number(c, j + 1).filter(|(_, k)| k - j - 1 <= 2)?;
    if c.get(k) != Some(&sep) {
        return None;
    }
    let (d, e) = read_number(c, k + 1).filter(|(_, e)| e - k - 1 <= 2)?;
    let next = c.get(e).copied().unwrap_or(' ');
    if next.is_ascii_alphanumeric()
        || matches!(next, '-' | '/' | '_')
        || (next == '.' && c.get(e + 1).is_some_and(|x| x.is_ascii_alphanumeric()))
    {
        return None;
    }
    Some(Span {
        start: i,
        end: e,
        form: Form::Iso,
        year: Some(y as i32),
        year_digits: 4,
        month: m as u32,
        day: Some(d as u32),
        padded: false,
        spaced: false,
        hao: false,
        bad_zero: None,
    })
}

const HZ: &str = "〇○零O0一二三四五六七八九";

fn hz(c: char) -> Option<u32> {
    match c {
        '〇' | '○' | '零' | 'O' | '0' => Some(0),
        _ => "一二三四五六七八九"
            .chars()
            .position(|x| x == c)
            .map(|p| p as u32 + 1),
    }
}

fn hz_small(c: &[char], i: usize) -> Option<(u32, usize)> {
    let d = |k: usize| c.get(k).and_then(|&x| hz(x)).filter(|&v| v > 0);
    match (c.get(i), c.get(i + 1)) {
        (Some('十'), _) => Some(d(i + 1).map(|v| (10 + v, i + 2)).unwrap_or((10, i + 1))),
        (Some(_), Some('十')) => {
            let t = d(i)?;
            Some(
                d(i + 2)
                    .map(|v| (t * 10 + v, i + 3))
                    .unwrap_or((t * 10, i + 2)),
            )
        }
        _ => d(i).map(|v| (v, i + 1)),
    }
}

fn hanzi(c: &[char], i: usize) -> Option<Span> {
    if i + 5 > c.len() || (i > 0 && HZ.contains(c[i - 1])) {
        return None;
    }
    let y = &c[i..i + 4];
    if !y.iter().all(|&x| HZ.contains(x))
        || c[i + 4] != '年'
        || y.iter().filter(|x| x.is_ascii()).count() > 2
    {
        return None;
    }
    let year = y
        .iter()
        .fold(0i32, |acc, &x| acc * 10 + hz(x).unwrap_or(0) as i32);
    let bad_zero = y
        .iter()
        .find(|&&x| matches!(x, '○' | '零' | 'O' | '0'))
        .copied();
    let (month, j) = hz_small(c, i + 5)?;
    if c.get(j) != Some(&'月') {
        return None;
    }
    let (day, end) = match hz_small(c, j + 1) {
        Some((d, k)) if c.get(k) == Some(&'日') => (Some(d), k + 1),
        _ => (None, j + 1),
    };
    Some(Span {
        start: i,
        end,
        form: Form::Hanzi,
        year: Some(year),
        year_digits: 4,
        month,
        day,
        padded: false,
        spaced: false,
        hao: false,
        bad_zero,
    })
}

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
                    "invalid-date",
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
                    "date-format",
                    format!("日期“{text}”格式有误：{}", problems.join("；")),
                    format!("写作“{good}”"),
                );
            }
            let after = c.get(s.end).copied().unwrap_or(' ');
            let style = match s.form {
                Form::Iso => Some("正文中的日期应写作“X年X月X日”"),
                Form::Arabic if s.hao && !matches!(after, '楼' | '院' | '线' | '文') => {
                    Some("日期中的“日”不应写作“号”")
                }
                Form::Hanzi
                    if s.day.is_some()
                        && c.iter().filter(|x| !is_space(**x)).count() <= len + 2 =>
                {
                    Some("成文日期应使用阿拉伯数字（GB/T 9704-2012）")
                }
                _ => None,
            };
            if let Some(m) = style {
                doc.at(
                    b,
                    s.start,
                    len,
                    "date-style-mixed",
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
            "weekday-mismatch",
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
                    "deadline-before-issue",
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
            "deadline-before-issue",
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
            "issue-date-consistency",
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
        let Some((value, off)) = doc.front.located(doc.src, key).into_iter().next() else {
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
                    "invalid-date",
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
                "date-format",
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
            (issued, parse_date(&value), key)
            && d < issued
        {
            let what = if key == "published" {
                "发布日期"
            } else {
                "印发日期"
            };
            doc.push(
                "issue-date-consistency",
                off,
                c.len(),
                format!("{what}{}早于成文日期{}", fmt(d), fmt(issued)),
                format!("{what}不能早于成文日期"),
            );
        }
    }
}
