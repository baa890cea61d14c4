//! Dates as written in documents: 2023年4月6日, 二〇二三年四月六日, 2023-4-6, 20230406, and
//! the periods of campaign phases (2023年4月底前, 5月底前, 2023年10月起, 4月6日—30日).

use chrono::{Datelike, NaiveDate};

use super::numerals::parse_number;

/// Parses a line that is only a date. `None`: not a date; `Some(Err)`: a date that cannot exist.
pub fn parse_date(s: &str) -> Option<Result<NaiveDate, String>> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let (y, m, d) = if let Some(rest) = s.strip_suffix('日').or_else(|| s.strip_suffix('号')) {
        let (y, rest) = rest.split_once('年')?;
        let (m, d) = rest.split_once('月')?;
        (parse_number(y)?, parse_number(m)?, parse_number(d)?)
    } else if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        (
            s[..4].parse().ok()?,
            s[4..6].parse().ok()?,
            s[6..].parse().ok()?,
        )
    } else {
        let parts: Vec<&str> = s.split(['-', '.', '/', '．']).collect();
        let [y, m, d] = parts.as_slice() else {
            return None;
        };
        if y.len() != 4
            || ![y, m, d]
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    };
    if !(1949..=2200).contains(&y) {
        return None;
    }
    Some(NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(|| format!("{y}年{m}月{d}日不存在")))
}

/// A phase period; `year_from_context` is set when a bound had no year and took the
/// document's year.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Period {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub year_from_context: bool,
}

/// One bound: year (optional), month, day (optional).
struct Point {
    year: Option<i32>,
    month: u32,
    day: Option<u32>,
}

fn parse_point(s: &str) -> Option<Point> {
    let s = s.trim_end_matches('份');
    let (year, rest) = match s.split_once('年') {
        Some((y, r)) => (Some(parse_number(y)? as i32), r),
        None => (None, s),
    };
    let (m, rest) = rest.split_once('月')?;
    let month = parse_number(m)?;
    let day = match rest {
        "" | "底" | "末" => None,
        r => Some(parse_number(r.trim_end_matches(['日', '号']))?),
    };
    Some(Point { year, month, day })
}

fn last_day(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

fn resolve(p: &Point, year: i32, at_end: bool) -> Option<NaiveDate> {
    let y = p.year.unwrap_or(year);
    match p.day {
        Some(d) => NaiveDate::from_ymd_opt(y, p.month, d),
        None if at_end => last_day(y, p.month),
        None => NaiveDate::from_ymd_opt(y, p.month, 1),
    }
}

/// Parses the period in a phase heading's parentheses; `doc_year` fills a missing year.
pub fn parse_period(s: &str, doc_year: Option<i32>) -> Option<Period> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.trim_end_matches(['止', '。']);
    let year_of = |p: &Point, fallback: Option<i32>| p.year.or(fallback);
    for sep in ["—", "——", "－", "-", "~", "～", "至", "到"] {
        if let Some((a, b)) = s.split_once(sep) {
            let b = b.trim_start_matches('—').trim_end_matches(['前', '底']);
            let a = parse_point(a)?;
            let year = year_of(&a, doc_year)?;
            let b = parse_point(b).or_else(|| {
                // "4月6日—30日": the second bound repeats neither year nor month.
                let d = parse_number(b.trim_end_matches(['日', '号']))?;
                Some(Point {
                    year: Some(year),
                    month: a.month,
                    day: Some(d),
                })
            })?;
            let b_year = b.year.unwrap_or(year);
            return Some(Period {
                start: Some(resolve(&a, year, false)?),
                end: Some(resolve(&b, b_year, true)?),
                year_from_context: a.year.is_none(),
            });
        }
    }
    let (body, is_start) = if let Some(b) = s.strip_suffix("起").or_else(|| s.strip_suffix("开始"))
    {
        (b.trim_end_matches('以'), true)
    } else if let Some(b) = s.strip_suffix("前") {
        (b.trim_end_matches(['以', '之']), false)
    } else {
        (s, false)
    };
    if let Some(y) = body
        .strip_suffix("年底")
        .or_else(|| body.strip_suffix("年末"))
    {
        let y = parse_number(y)? as i32;
        return Some(Period {
            start: None,
            end: NaiveDate::from_ymd_opt(y, 12, 31),
            year_from_context: false,
        });
    }
    let p = parse_point(body)?;
    let year = year_of(&p, doc_year)?;
    let date_start = resolve(&p, year, false)?;
    let date_end = resolve(&p, year, true)?;
    let mut period = Period {
        year_from_context: p.year.is_none(),
        ..Default::default()
    };
    if is_start {
        period.start = Some(date_start);
    } else if body == s {
        // "2023年5月": the whole month.
        period.start = Some(date_start);
        period.end = Some(date_end);
    } else {
        period.end = Some(date_end);
    }
    Some(period)
}

/// The year of a date, for periods that omit it.
pub fn year(d: Option<NaiveDate>) -> Option<i32> {
    d.map(|d| d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2023年4月6日"), Some(Ok(d(2023, 4, 6).unwrap())));
        assert_eq!(
            parse_date("  2024 年 1 月 26 日"),
            Some(Ok(d(2024, 1, 26).unwrap()))
        );
        assert_eq!(
            parse_date("二〇二三年四月六日"),
            Some(Ok(d(2023, 4, 6).unwrap()))
        );
        assert_eq!(
            parse_date("二○二三年十二月二十六日"),
            Some(Ok(d(2023, 12, 26).unwrap()))
        );
        assert_eq!(parse_date("2023.4.6"), Some(Ok(d(2023, 4, 6).unwrap())));
        assert_eq!(parse_date("20230406"), Some(Ok(d(2023, 4, 6).unwrap())));
        assert!(matches!(parse_date("2023年2月30日"), Some(Err(_))));
        assert_eq!(parse_date("2024年 月 日"), None);
        assert_eq!(parse_date("外山乡人民政府"), None);
    }

    #[test]
    fn periods() {
        let p = parse_period("2023年4月底前", None).unwrap();
        assert_eq!((p.start, p.end), (None, d(2023, 4, 30)));
        let p = parse_period("2024年3月15 日前", None).unwrap();
        assert_eq!(p.end, d(2024, 3, 15));
        let p = parse_period("2023年10月起", None).unwrap();
        assert_eq!((p.start, p.end), (d(2023, 10, 1), None));
        let p = parse_period("5月底前", Some(2023)).unwrap();
        assert_eq!(p.end, d(2023, 5, 31));
        assert!(p.year_from_context);
        let p = parse_period("2023年4月6日—4月30日", None).unwrap();
        assert_eq!((p.start, p.end), (d(2023, 4, 6), d(2023, 4, 30)));
        let p = parse_period("2023年5月至6月", None).unwrap();
        assert_eq!((p.start, p.end), (d(2023, 5, 1), d(2023, 6, 30)));
        let p = parse_period("2021年12月31日前", None).unwrap();
        assert_eq!(p.end, d(2021, 12, 31));
        assert_eq!(parse_period("长期坚持", Some(2023)), None);
    }
}
