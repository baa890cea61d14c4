//! The period of a campaign phase as plans write it in a heading's parentheses: a deadline
//! (2023年4月底前, 2024年3月15日前, 年底前, 即日起至4月30日), a start (2023年10月起), a range (4月1日至5月31日,
//! 2023年4月6日—30日, 2023年5月至6月) or a whole month (2023年5月). Numbers are read with
//! [`super::numerals::value`], so 二〇二三年五月 and full-width digits are read too.
//!
//! Complexity: O(t) for a text of t bytes: the blanks dropped once, a split at the first of
//! eight range marks (each searched once), and each side read with at most three `split_once`
//! and [`super::numerals::value`].

use chrono::NaiveDate;

use super::numerals::value;

/// A phase period; `year_from_context` is set when the first bound had no year and took the
/// document's year.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Period {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub year_from_context: bool,
}

/// One bound: year (optional), month, day (optional: the month's first or last day).
struct Point {
    year: Option<i32>,
    month: u32,
    day: Option<u32>,
}

impl Point {
    /// 2023年4月6日, 4月6号, 5月底, 2023年10月份.
    fn parse(s: &str) -> Option<Point> {
        let s = s.trim_end_matches('份');
        let (year, rest) = match s.split_once('年') {
            Some((y, r)) => (Some(value(y)? as i32), r),
            None => (None, s),
        };
        let (m, rest) = rest.split_once('月')?;
        let day = match rest {
            "" | "底" | "末" => None,
            r => Some(value(r.trim_end_matches(['日', '号']))?),
        };
        Some(Point {
            year,
            month: value(m)?,
            day,
        })
    }

    /// The date of the bound in `year` (when it names none): its day, or the first or the last
    /// day of its month.
    fn resolve(&self, year: i32, at_end: bool) -> Option<NaiveDate> {
        let y = self.year.unwrap_or(year);
        match self.day {
            Some(d) => NaiveDate::from_ymd_opt(y, self.month, d),
            None if at_end => last_day(y, self.month),
            None => NaiveDate::from_ymd_opt(y, self.month, 1),
        }
    }
}

fn last_day(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// Reads a period; `doc_year` (the year of the document) completes bounds without a year.
pub fn parse(s: &str, doc_year: Option<i32>) -> Option<Period> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.trim_end_matches(['止', '。']);
    // "即日起至4月30日": from the day of the document (filled in later), until a deadline.
    if let Some(rest) = s
        .trim_start_matches(['自', '从'])
        .strip_prefix("即日")
        .map(|r| r.trim_start_matches('起'))
        .and_then(|r| r.strip_prefix('至').or_else(|| r.strip_prefix('到')))
    {
        let rest = rest.trim_end_matches(['前', '止']);
        return parse(&format!("{rest}前"), doc_year);
    }
    for sep in ["—", "——", "－", "-", "~", "～", "至", "到"] {
        if let Some((a, b)) = s.split_once(sep) {
            return range(a, b, doc_year);
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
        return Some(Period {
            start: None,
            end: NaiveDate::from_ymd_opt(value(y)? as i32, 12, 31),
            year_from_context: false,
        });
    }
    let p = Point::parse(body)?;
    let year = p.year.or(doc_year)?;
    let (first, last) = (p.resolve(year, false)?, p.resolve(year, true)?);
    let whole_month = body == s;
    Some(Period {
        start: (is_start || whole_month).then_some(first),
        end: (!is_start).then_some(last),
        year_from_context: p.year.is_none(),
    })
}

/// "2023年4月6日" to "4月30日前" (or "30日": the second bound repeats neither year nor month).
fn range(a: &str, b: &str, doc_year: Option<i32>) -> Option<Period> {
    let b = b.trim_start_matches('—').trim_end_matches(['前', '底']);
    let a = Point::parse(a)?;
    let year = a.year.or(doc_year)?;
    let b = Point::parse(b).or_else(|| {
        Some(Point {
            year: Some(year),
            month: a.month,
            day: Some(value(b.trim_end_matches(['日', '号']))?),
        })
    })?;
    Some(Period {
        start: Some(a.resolve(year, false)?),
        end: Some(b.resolve(year, true)?),
        year_from_context: a.year.is_none(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn deadlines_starts_and_months() {
        let p = parse("2023年4月底前", None).unwrap();
        assert_eq!((p.start, p.end), (None, d(2023, 4, 30)));
        assert_eq!(parse("2024年3月15 日前", None).unwrap().end, d(2024, 3, 15));
        let p = parse("2023年10月起", None).unwrap();
        assert_eq!((p.start, p.end), (d(2023, 10, 1), None));
        let p = parse("即日起至4月30日", Some(2024)).unwrap();
        assert_eq!((p.start, p.end), (None, d(2024, 4, 30)));
        assert_eq!(
            parse("自即日起到5月底", Some(2024)).unwrap().end,
            d(2024, 5, 31)
        );
        let p = parse("5月底前", Some(2023)).unwrap();
        assert_eq!(p.end, d(2023, 5, 31));
        assert!(p.year_from_context);
        assert_eq!(
            parse("2021年12月31日前", None).unwrap().end,
            d(2021, 12, 31)
        );
        let p = parse("2023年底前", None).unwrap();
        assert_eq!((p.start, p.end), (None, d(2023, 12, 31)));
        let p = parse("二〇二三年五月", None).unwrap();
        assert_eq!((p.start, p.end), (d(2023, 5, 1), d(2023, 5, 31)));
        assert_eq!(parse("长期坚持", Some(2023)), None);
        assert_eq!(parse("5月底前", None), None);
    }

    #[test]
    fn ranges() {
        let p = parse("2023年4月6日—4月30日", None).unwrap();
        assert_eq!((p.start, p.end), (d(2023, 4, 6), d(2023, 4, 30)));
        let p = parse("2023年5月至6月", None).unwrap();
        assert_eq!((p.start, p.end), (d(2023, 5, 1), d(2023, 6, 30)));
        let p = parse("4月1日至5月31日", Some(2024)).unwrap();
        assert_eq!((p.start, p.end), (d(2024, 4, 1), d(2024, 5, 31)));
        assert!(p.year_from_context);
        let p = parse("2023年4月6日——30日", None).unwrap();
        assert_eq!((p.start, p.end), (d(2023, 4, 6), d(2023, 4, 30)));
        let p = parse("２０２３年１２月１日～２０２４年１月１０日", None).unwrap();
        assert_eq!((p.start, p.end), (d(2023, 12, 1), d(2024, 1, 10)));
    }
}
