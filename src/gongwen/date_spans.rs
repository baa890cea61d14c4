//! The lenient in-text date reader: the spans of 年月日, 月日, ISO-like (2023-06-20,
//! 2023.4.20, 2023/4/20) and 汉字 dates (二〇二三年四月六日) in running text, with what is
//! odd about each (padding, spaces, 号, a wrong zero). The date lints of `check` read them;
//! [`super::date::parse`] is the strict parser of front-matter values. Both read Chinese
//! numerals with [`super::numerals::digit`].
//!
//! Complexity: [`spans`] is O(n) in the characters (n): no reader starts inside a run of digits
//! or Latin letters, each reader reads forward over at most three numbers (18 digits each at
//! most), the blanks between them and a bounded number of marks (a 汉字 date at most 12
//! characters), and a date found is skipped whole, so each character is read by a bounded
//! number of attempts.

use chrono::NaiveDate;

use super::chars::{digit, is_digit, is_space, read_number};
use super::numerals;

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
    pub fn valid(&self, year: Option<i32>) -> bool {
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

/// A Chinese digit; in a year people also type the letter O or the digit 0 for 〇 (reported by
/// the date lints as a wrong zero).
fn hz(c: char) -> Option<u32> {
    match c {
        'O' | '0' => Some(0),
        _ => numerals::digit(c),
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
    if i + 5 > c.len() || c[i + 4] != '年' || (i > 0 && HZ.contains(c[i - 1])) {
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
