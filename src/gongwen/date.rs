//! The strict date parser of front-matter values and `--today`: `2023-04-06`, `2023/4/6`
//! (what Excel writes) and `2023年4月6日`, in ASCII digits. The loader and `check` both use
//! it, so a date that loads is a date the date lints read. Dates in running text are read by
//! the lenient [`super::date_spans`].
//!
//! Complexity: O(t) for a value of t bytes: [`parse`] splits it once and checks the numbers
//! read; [`chinese`] writes a fixed number of characters.

use chrono::{Datelike, NaiveDate};

/// Parses a date; the error is a Chinese sentence saying what is wrong.
pub fn parse(s: &str) -> Result<NaiveDate, String> {
    let t = s.trim();
    let (y, m, d) = split(t).ok_or_else(|| format!("“{t}”不是日期"))?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| missing(t, y, m))
}

/// The years a date may name.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2999;

/// Why the date written `t`, of year `y` and month `m`, does not exist (a Chinese sentence).
pub fn missing(t: &str, y: i32, m: u32) -> String {
    if !(1..=12).contains(&m) {
        format!("日期“{t}”不存在：没有{m}月")
    } else {
        let last = last_day(y, m);
        format!("日期“{t}”不存在：{y}年{m}月只有{last}天")
    }
}

/// The hint shown with every date error.
pub const HINT: &str = "日期写成 2026-04-06 或 2026年4月6日。";

fn split(t: &str) -> Option<(i32, u32, u32)> {
    let nums: Vec<&str> = if let Some(rest) = t.strip_suffix('日') {
        let (y, rest) = rest.split_once('年')?;
        let (m, d) = rest.split_once('月')?;
        vec![y, m, d]
    } else if t.contains('-') {
        t.split('-').collect()
    } else if t.contains('/') {
        t.split('/').collect()
    } else {
        return None;
    };
    if nums.len() != 3
        || nums
            .iter()
            .any(|n| n.is_empty() || !n.trim().chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let y: i32 = nums[0].trim().parse().ok()?;
    if !YEARS.contains(&y) {
        return None;
    }
    Some((
        y,
        nums[1].trim().parse().ok()?,
        nums[2].trim().parse().ok()?,
    ))
}

fn last_day(y: i32, m: u32) -> u32 {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)
        .and_then(|d| d.pred_opt())
        .map(|d| d.day())
        .unwrap_or(31)
}

/// `2023年4月6日`: the 公文 form, without leading zeros.
pub fn chinese(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let d = NaiveDate::from_ymd_opt(2023, 4, 6).unwrap();
        assert_eq!(parse("2023-04-06"), Ok(d));
        assert_eq!(parse("2023年4月6日"), Ok(d));
        assert_eq!(parse("2023/4/6"), Ok(d));
        assert_eq!(chinese(d), "2023年4月6日");
    }

    #[test]
    fn impossible() {
        assert_eq!(
            parse("2023年2月30日").unwrap_err(),
            "日期“2023年2月30日”不存在：2023年2月只有28天"
        );
        assert!(parse("2023-13-01").unwrap_err().contains("没有13月"));
        assert!(parse("四月").is_err());
    }
}
