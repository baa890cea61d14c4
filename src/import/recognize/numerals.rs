//! Chinese numerals and the ordinals (序数) that open 公文 headings.

/// 1 → 一, 12 → 十二, 21 → 二十一 (enough for headings and docx numbering up to 99).
pub fn to_chinese(n: u32) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { D[(n - 10) as usize] }),
        20..=99 => {
            let ones = if n.is_multiple_of(10) {
                ""
            } else {
                D[(n % 10) as usize]
            };
            format!("{}十{ones}", D[(n / 10) as usize])
        }
        _ => n.to_string(),
    }
}

/// The value of one Chinese digit; 〇, ○ and 零 are zero.
pub fn digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'Ｏ' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Parses 一 … 九十九 (十, 十二, 二十, 二十三). Returns `None` for anything else.
pub fn parse_chinese(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [a] if *a == '十' => Some(10),
        [a] => digit(*a).filter(|v| *v > 0),
        ['十', b] => digit(*b).map(|v| 10 + v),
        [a, '十'] => digit(*a).map(|v| v * 10),
        [a, '十', b] => Some(digit(*a)? * 10 + digit(*b)?),
        _ => None,
    }
}

/// Parses Arabic (also full-width) or Chinese numerals; a year may be written digit by digit
/// (二〇二三).
pub fn parse_number(s: &str) -> Option<u32> {
    let ascii: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    if !ascii.is_empty() && ascii.chars().all(|c| c.is_ascii_digit()) {
        return ascii.parse().ok();
    }
    if s.chars().count() == 4 && s.chars().all(|c| digit(c).is_some()) {
        return s.chars().try_fold(0, |acc, c| Some(acc * 10 + digit(c)?));
    }
    parse_chinese(s)
}

/// The heading level an ordinal marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ordinal {
    /// 一、
    Level1,
    /// （一）
    Level2,
    /// 1. 1． 1、
    Level3,
    /// （1）
    Level4,
    /// 一是 / 二要 / 第一， — enumerations inside a paragraph.
    Enumeration,
}

/// Recognises the ordinal at the start of `s`; returns it and its length in bytes.
pub fn ordinal(s: &str) -> Option<(Ordinal, usize)> {
    let han_num = |c: char| "一二三四五六七八九十".contains(c);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map(|(b, _)| *b).unwrap_or(s.len());
    let first = chars.first()?.1;
    if han_num(first) {
        let n = chars.iter().take_while(|(_, c)| han_num(*c)).count();
        return match chars.get(n).map(|(_, c)| *c) {
            Some('、') if n <= 3 => Some((Ordinal::Level1, end_of(n + 1))),
            Some('是' | '要') if n <= 2 => Some((Ordinal::Enumeration, end_of(n + 1))),
            _ => None,
        };
    }
    if first == '第' {
        let n = chars
            .iter()
            .skip(1)
            .take_while(|(_, c)| han_num(*c))
            .count();
        let next = chars.get(n + 1).map(|(_, c)| *c);
        return (n > 0 && matches!(next, Some('，' | '、' | '是' | '部' | '阶' | '步')))
            .then(|| (Ordinal::Enumeration, end_of(n + 1)));
    }
    if first == '（' || first == '(' {
        let n = chars
            .iter()
            .skip(1)
            .take_while(|(_, c)| han_num(*c))
            .count();
        let d = chars
            .iter()
            .skip(1)
            .take_while(|(_, c)| c.is_ascii_digit())
            .count();
        let close = |i: usize| matches!(chars.get(i).map(|(_, c)| *c), Some('）' | ')'));
        if n > 0 && n <= 3 && close(n + 1) {
            return Some((Ordinal::Level2, end_of(n + 2)));
        }
        if d > 0 && d <= 2 && close(d + 1) {
            return Some((Ordinal::Level4, end_of(d + 2)));
        }
        return None;
    }
    let d = chars.iter().take_while(|(_, c)| c.is_ascii_digit()).count();
    if d > 0 && d <= 2 {
        let sep = chars.get(d).map(|(_, c)| *c);
        let after = chars.get(d + 1).map(|(_, c)| *c);
        if matches!(sep, Some('.' | '．' | '、')) && !after.is_some_and(|c| c.is_ascii_digit()) {
            return Some((Ordinal::Level3, end_of(d + 1)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers() {
        assert_eq!(to_chinese(1), "一");
        assert_eq!(to_chinese(12), "十二");
        assert_eq!(to_chinese(30), "三十");
        assert_eq!(parse_chinese("二十六"), Some(26));
        assert_eq!(parse_number("二〇二三"), Some(2023));
        assert_eq!(parse_number("二○二三"), Some(2023));
        assert_eq!(parse_number("１６"), Some(16));
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("一、总体目标").map(|o| o.0), Some(Ordinal::Level1));
        assert_eq!(ordinal("（一）造强").map(|o| o.0), Some(Ordinal::Level2));
        assert_eq!(ordinal("(二) 深入").map(|o| o.0), Some(Ordinal::Level2));
        assert_eq!(ordinal("1.管理达标").map(|o| o.0), Some(Ordinal::Level3));
        assert_eq!(ordinal("2、落实").map(|o| o.0), Some(Ordinal::Level3));
        assert_eq!(ordinal("3．落实").map(|o| o.0), Some(Ordinal::Level3));
        assert_eq!(ordinal("（1）成立").map(|o| o.0), Some(Ordinal::Level4));
        assert_eq!(ordinal("一是认真").map(|o| o.0), Some(Ordinal::Enumeration));
        assert_eq!(ordinal("2.0 版本"), None);
        assert_eq!(ordinal("2021 年以来"), None);
        assert_eq!(ordinal("（一）造强").map(|o| o.1), Some("（一）".len()));
    }
}
