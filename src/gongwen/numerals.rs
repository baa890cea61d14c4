//! Chinese numerals both ways.
//!
//! Zero is written differently by use, and each writer below says which it picks:
//! - quantities ([`number`]: 一式零份 would be 零) use **零**;
//! - numbers read digit by digit ([`digits`]: 二〇二六年) use **〇**, as GB/T 9704 prints a
//!   成文日期 in Chinese numerals;
//! - ordinals (一、（一）) start at 一 and have no zero: [`super::ordinal::label`] never
//!   writes one.
//!
//! Readers are lenient where people are: [`digit`] reads 〇, ○, 零 and full-width Ｏ as zero;
//! [`value`] reads a number in whichever of the written forms a document uses.
//!
//! Complexity: every reader and writer is O(t) in its text (a digit is looked up among 10
//! numerals; [`value`] reads the digits once).

const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// The value of one Chinese digit (〇 ○ 零 Ｏ are zero; 十 is not a digit).
pub fn digit(c: char) -> Option<u32> {
    match c {
        '〇' | '○' | '零' | 'Ｏ' => Some(0),
        _ => D.iter().position(|&x| x == c).map(|p| p as u32),
    }
}

/// One of 一二三四五六七八九十: a character that can start or continue a numeral 1–99.
pub fn is_numeral(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// 0–99 as a quantity (零, 四, 十, 十二, 二十, 三十五); larger numbers as Arabic digits.
pub fn number(n: u32) -> String {
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => match n - 10 {
            0 => "十".into(),
            r => format!("十{}", D[r as usize]),
        },
        20..=99 => match n % 10 {
            0 => format!("{}十", D[(n / 10) as usize]),
            r => format!("{}十{}", D[(n / 10) as usize], D[r as usize]),
        },
        _ => n.to_string(),
    }
}

/// Digit by digit, zero as 〇 (2026 → 二〇二六): years in Chinese numerals.
pub fn digits(n: u32) -> String {
    n.to_string()
        .chars()
        .map(|c| match c {
            '0' => '〇',
            _ => D[c as usize - '0' as usize],
        })
        .collect()
}

/// Reads 一 … 九十九 in the standard form (十, 十二, 二十, 二十七); `None` for anything else
/// (一十, 〇, 二十〇).
pub fn parse(s: &[char]) -> Option<u32> {
    let d = |c: char| digit(c).filter(|&v| v > 0);
    match s {
        ['十'] => Some(10),
        [a] => d(*a),
        ['十', b] => d(*b).map(|v| 10 + v),
        [a, '十'] => d(*a).filter(|&v| v > 1).map(|v| v * 10),
        [a, '十', b] => Some(d(*a).filter(|&v| v > 1)? * 10 + d(*b)?),
        _ => None,
    }
}

/// [`parse`] on a string.
pub fn parse_str(s: &str) -> Option<u32> {
    parse(&s.chars().collect::<Vec<_>>())
}

/// Reads a number written digit by digit in Chinese (二〇二六 → 2026), the inverse of
/// [`digits`]; any zero [`digit`] knows is read. At most nine digits.
pub fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 9 {
        return None;
    }
    s.chars().try_fold(0, |acc, c| Some(acc * 10 + digit(c)?))
}

/// The value of a number as documents write one: Arabic digits (ASCII or full-width: 16,
/// １６), a Chinese numeral 一 … 九十九 ([`parse`]) or a year digit by digit (二〇二三: four
/// Chinese digits, [`parse_digits`]).
pub fn value(s: &str) -> Option<u32> {
    let c: Vec<char> = s.chars().collect();
    if let Some((n, end)) = super::chars::read_number(&c, 0)
        && end == c.len()
    {
        return u32::try_from(n).ok();
    }
    if c.len() == 4
        && let Some(year) = parse_digits(s)
    {
        return Some(year);
    }
    parse(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_ways() {
        for n in 1..=99 {
            assert_eq!(parse_str(&number(n)), Some(n), "{n}");
        }
        let got: Vec<String> = [0, 1, 4, 10, 12, 20, 35, 120].map(number).into();
        assert_eq!(
            got,
            ["零", "一", "四", "十", "十二", "二十", "三十五", "120"]
        );
        assert_eq!(digits(2026), "二〇二六");
        assert_eq!(
            (parse_str("一十"), parse_str("〇"), parse_str("二十〇")),
            (None, None, None)
        );
        assert_eq!(
            (digit('○'), digit('零'), digit('十')),
            (Some(0), Some(0), None)
        );
    }

    #[test]
    fn values_in_every_written_form() {
        let got: Vec<Option<u32>> = [
            "16",
            "１６",
            "2023",
            "二十六",
            "十",
            "二〇二三",
            "二○二三",
            "二零二六",
            "〇",
            "二三",
            "",
            "16日",
            "一十",
        ]
        .map(value)
        .into();
        assert_eq!(
            got,
            [
                Some(16),
                Some(16),
                Some(2023),
                Some(26),
                Some(10),
                Some(2023),
                Some(2023),
                Some(2026),
                None,
                None,
                None,
                None,
                None
            ]
        );
        assert_eq!(parse_digits(&digits(2026)), Some(2026));
        assert_eq!((parse_digits("十"), parse_digits("")), (None, None));
    }
}
