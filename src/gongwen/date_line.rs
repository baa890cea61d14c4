//! A text that is nothing but a date, as received documents write a 成文日期 or 印发日期 on a
//! line of its own: any complete form the in-text reader [`super::date_spans`] knows
//! (2023年4月6日, 2023年04月06号, 二〇二三年四月六日, 2023-04-06, 2023.4.6, 2023/4/6),
//! spaces anywhere (2024 年 1 月 26 日), the full-width point 2023．4．6, and the bare
//! 20230406 of spreadsheets. The front-matter parser is the strict [`super::date::parse`].
//!
//! Complexity: O(t) for a text of t bytes: one pass drops the blanks, then the 8-digit form or
//! the in-text reader ([`super::date_spans::spans`], linear).

use chrono::NaiveDate;

use super::date::{YEARS, missing};
use super::date_spans::spans;

/// Reads a text that is only a date. `None`: it is not a date (or not a whole one: 2023年4月,
/// 4月6日, 2023年4月6日前); `Some(Err)`: a date that cannot exist, with the reason in Chinese.
pub fn parse(s: &str) -> Option<Result<NaiveDate, String>> {
    let t: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '．' { '.' } else { c })
        .collect();
    let (y, m, d) = bare(&t).or_else(|| lost_marks(&t)).or_else(|| {
        let c: Vec<char> = t.chars().collect();
        let span = spans(&c).into_iter().next()?;
        if span.start != 0 || span.end != c.len() || span.year_digits != 4 {
            return None;
        }
        Some((span.year?, span.month, span.day?))
    })?;
    if !YEARS.contains(&y) {
        return None;
    }
    Some(NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| missing(&t, y, m)))
}

/// "2025516日": a date whose 年 and 月 a page lost (spans dropped when copied), four digits of
/// the year then two to four of month and day before the 日 left; read only when one split
/// of them alone makes a date ("2025116日" could be 1月16日 or 11月6日: not read).
fn lost_marks(t: &str) -> Option<(i32, u32, u32)> {
    one_split(t.strip_suffix('日')?)
}

/// "2024318" under a signature's organ: a date whose 年, 月 and 日 a page lost, read as
/// [`lost_marks`] reads one (a unique split of six or seven digits). Only a signature's place
/// makes such digits a date; [`parse`] does not read them.
/// The digits may stand apart ("2024 6 3"), with a stray bracket of the page's markup
/// beside them ("{ 2024 6 3").
pub fn digits_under_organ(t: &str) -> Option<NaiveDate> {
    if let Some(groups) = figures(t) {
        let [y, m, d] = groups[..] else { return None };
        if y.len() != 4 || m.len() > 2 || d.len() > 2 {
            return None;
        }
        let y: i32 = y.parse().ok()?;
        return DIGIT_YEARS
            .contains(&y)
            .then(|| NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?))
            .flatten();
    }
    let t = t.trim_matches(|c: char| c.is_whitespace() || "{}[]<>|".contains(c));
    if !(6..=7).contains(&t.len()) {
        return None;
    }
    let (y, m, d) = one_split(t)?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A row of figures apart ("3000 50 2", "{ 2024 6 3": a stray bracket of the page's markup
/// beside them): its groups of digits, two or more.
pub fn figures(t: &str) -> Option<Vec<&str>> {
    let t = t.trim_matches(|c: char| c.is_whitespace() || "{}[]<>|".contains(c));
    let groups: Vec<&str> = t.split_whitespace().collect();
    (groups.len() >= 2 && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit())))
        .then_some(groups)
}

/// Four digits of a year, then month and day of one or two digits each, when only one split
/// of the rest makes a date.
fn one_split(digits: &str) -> Option<(i32, u32, u32)> {
    if !(6..=8).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = digits[..4].parse().ok()?;
    if !DIGIT_YEARS.contains(&y) {
        return None;
    }
    let rest = &digits[4..];
    let mut found = None;
    for cut in 1..rest.len() {
        let (m, d) = (&rest[..cut], &rest[cut..]);
        if m.len() > 2 || d.len() > 2 || m.starts_with('0') && m.len() == 1 {
            continue;
        }
        let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
        if NaiveDate::from_ymd_opt(y, m, d).is_some() {
            if found.is_some() {
                return None;
            }
            found = Some((y, m, d));
        }
    }
    found
}

/// The years a date written in digits alone may have: a phone number or a postal code under
/// an organ's name ("22561215", "224051") is no date.
const DIGIT_YEARS: std::ops::RangeInclusive<i32> = 1949..=2099;

/// 20230406: eight ASCII digits, the year one a document may have.
fn bare(t: &str) -> Option<(i32, u32, u32)> {
    if t.len() != 8 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, m, d) = (
        t[..4].parse().ok()?,
        t[4..6].parse().ok()?,
        t[6..].parse().ok()?,
    );
    DIGIT_YEARS.contains(&y).then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_that_lost_its_year_and_month_marks() {
        assert_eq!(
            parse("2025516日"),
            NaiveDate::from_ymd_opt(2025, 5, 16).map(Ok)
        );
        assert_eq!(
            parse("20251203日"),
            NaiveDate::from_ymd_opt(2025, 12, 3).map(Ok)
        );
        // Two readings (1月16日, 11月6日), a count or a code: not a date.
        assert_eq!(parse("2025116日"), None);
        assert_eq!(parse("2025516"), None);
        assert_eq!(parse("共2025516日"), None);
    }

    #[test]
    fn digits_under_a_signatures_organ() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(digits_under_organ("2024318"), d(2024, 3, 18));
        assert_eq!(digits_under_organ("202456"), d(2024, 5, 6));
        // Two readings, an 8-digit number (parse reads 20240318 already), a phone number.
        assert_eq!(digits_under_organ("2024112"), None);
        assert_eq!(digits_under_organ("20240318"), None);
        assert_eq!(digits_under_organ("6187034"), None);
        // Phone numbers and a postal code whose first digits make no year of a document.
        assert_eq!(digits_under_organ("2563215"), None);
        assert_eq!(digits_under_organ("224051"), None);
        assert_eq!(parse("22561215"), None);
        // Apart, with a stray brace; not a phone number in three groups.
        assert_eq!(digits_under_organ("{ 2024 6 3"), d(2024, 6, 3));
        assert_eq!(digits_under_organ("2024　12　30"), d(2024, 12, 30));
        assert_eq!(digits_under_organ("0878 621 3059"), None);
        assert_eq!(digits_under_organ("2024 13 3"), None);
    }

    #[test]
    fn every_form_of_a_date_line() {
        let d = NaiveDate::from_ymd_opt(2023, 4, 6).map(Ok);
        for t in [
            "2023年4月6日",
            "2023年04月06号",
            "  2023 年 4 月 6 日",
            "二〇二三年四月六日",
            "二○二三年四月六日",
            "2023-04-06",
            "2023.4.6",
            "2023．4．6",
            "2023/4/6",
            "20230406",
        ] {
            assert_eq!(parse(t), d, "{t}");
        }
        assert_eq!(
            parse("二○二三年十二月二十六日"),
            NaiveDate::from_ymd_opt(2023, 12, 26).map(Ok)
        );
    }

    #[test]
    fn impossible_and_partial_dates() {
        assert_eq!(
            parse("2023年2月30日"),
            Some(Err("日期“2023年2月30日”不存在：2023年2月只有28天".into()))
        );
        assert!(matches!(parse("20231301"), Some(Err(_))));
        for t in [
            "2024年 月 日",
            "2023年4月",
            "4月6日",
            "23年4月6日",
            "2023年4月6日前",
            "外山乡人民政府",
            "12345678",
        ] {
            assert_eq!(parse(t), None, "{t}");
        }
    }
}
