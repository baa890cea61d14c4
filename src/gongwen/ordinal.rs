//! 序次语, the ordinals that open 公文 headings (GB/T 9704-2012 7.3.3): 一、 → （一） → 1. →
//! （1）, levels 1 to 4. [`at`] reads one with the mistakes people make (1、 一. （1）、),
//! [`level`] says which level a heading's text starts with, [`prefix`] which ordinal a
//! paragraph starts with and how long its marker is, [`label`] writes one. [`enumeration`]
//! reads the enumerations inside a paragraph (一是 二要 第一，), which are not 序次语.
//!
//! Complexity: [`at`] reads one ordinal: a run of digits (at most 18) or of Chinese numerals,
//! then at most two marks, O(r) for a run of r; [`level`], [`prefix`] and [`enumeration`] read
//! at most the first 12 characters.

use super::chars::{is_digit, is_han, read_number};
use super::numerals::{is_numeral, number, parse};

/// An ordinal at the start of a block (or at an inner position).
#[derive(Debug, Clone, Copy)]
pub struct Ordinal {
    pub level: u8,
    pub number: u32,
    /// First character of the marker and the character after it (punctuation included).
    pub start: usize,
    pub end: usize,
    /// A wrong mark after the ordinal: (index, message, right form).
    pub wrong: Option<(usize, &'static str)>,
}

/// The written form of an ordinal of `level` with `n`.
pub fn label(level: u8, n: u32) -> String {
    match level {
        1 => format!("{}、", number(n)),
        2 => format!("（{}）", number(n)),
        3 => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

/// Reads an ordinal at character `i`. `inner` positions (after ：；。) are stricter.
pub fn at(c: &[char], i: usize, inner: bool) -> Option<Ordinal> {
    let ch = |k: usize| c.get(k).copied().unwrap_or('\0');
    let mut j = i;
    if matches!(ch(i), '（' | '(') {
        j += 1;
        let (level, number, k) = if let Some((n, k)) = read_number(c, j).filter(|(_, k)| k - j <= 2)
        {
            (4, n as u32, k)
        } else {
            let k = (j..c.len()).take_while(|&k| is_numeral(c[k])).last()? + 1;
            (2, parse(&c[j..k])?, k)
        };
        if !matches!(ch(k), '）' | ')') {
            return None;
        }
        let wrong = matches!(ch(k + 1), '、' | '，' | ',' | '.' | '．')
            .then_some((k + 1, "括号序次语后不加标点"));
        return Some(Ordinal {
            level,
            number,
            start: i,
            end: k + 1 + wrong.is_some() as usize,
            wrong,
        });
    }
    if let Some((n, k)) = read_number(c, i).filter(|(_, k)| k - i <= 2) {
        let next = ch(k + 1);
        let after_ok = !(is_digit(next) || (inner && !is_han(next) && next != '“'));
        return match ch(k) {
            '.' | '．' if after_ok => Some(Ordinal {
                level: 3,
                number: n as u32,
                start: i,
                end: k + 1,
                wrong: None,
            }),
            '、' if after_ok => Some(Ordinal {
                level: 3,
                number: n as u32,
                start: i,
                end: k + 1,
                wrong: Some((k, "阿拉伯数字序次语后用下脚点“.”，不用顿号")),
            }),
            ')' | '）' if after_ok && (i == 0 || !matches!(c[i - 1], '（' | '(')) => {
                Some(Ordinal {
                    level: 4,
                    number: n as u32,
                    start: i,
                    end: k + 1,
                    wrong: Some((k, "序次语缺少前括号")),
                })
            }
            _ => None,
        };
    }
    let k = (i..c.len()).take_while(|&k| is_numeral(c[k])).last()? + 1;
    let number = parse(&c[i..k])?;
    // 一、2023年工作回顾 is a heading; 一.5 or 一，3 is not an ordinal.
    if ch(k) != '、' && is_digit(ch(k + 1)) {
        return None;
    }
    match ch(k) {
        '、' => Some(Ordinal {
            level: 1,
            number,
            start: i,
            end: k + 1,
            wrong: None,
        }),
        '.' | '．' => Some(Ordinal {
            level: 1,
            number,
            start: i,
            end: k + 1,
            wrong: Some((k, "汉字数字序次语后用顿号“、”")),
        }),
        '，' | ',' if !inner => Some(Ordinal {
            level: 1,
            number,
            start: i,
            end: k + 1,
            wrong: Some((k, "汉字数字序次语后用顿号“、”")),
        }),
        _ => None,
    }
}

/// The level (1–4) of the correctly written ordinal that `text` starts with.
pub fn level(text: &str) -> Option<u8> {
    let c: Vec<char> = text.chars().take(12).collect();
    at(&c, 0, false)
        .filter(|o| o.wrong.is_none())
        .map(|o| o.level)
}

/// The ordinal `text` starts with, read as [`at`] reads one (mistakes included), and the
/// length in bytes of its marker (a wrong mark after it included).
pub fn prefix(text: &str) -> Option<(Ordinal, usize)> {
    let c: Vec<char> = text.chars().take(12).collect();
    let o = at(&c, 0, false)?;
    Some((o, bytes(&c[..o.end])))
}

/// The enumeration `text` starts with: 一是 / 二要 (the marker ends after 是 or 要), or 第一
/// before ，、是 or 部 阶 步 (the marker is 第一: in 第一阶段 the word 阶段 follows it). Returns
/// the number and the length in bytes of the marker.
pub fn enumeration(text: &str) -> Option<(u32, usize)> {
    let c: Vec<char> = text.chars().take(8).collect();
    let di = usize::from(c.first() == Some(&'第'));
    let n = c[di..].iter().take_while(|&&x| is_numeral(x)).count();
    let number = parse(&c[di..di + n])?;
    let next = *c.get(di + n)?;
    let end = match (di, next) {
        (1, '，' | '、' | '是' | '部' | '阶' | '步') => di + n,
        (0, '是' | '要') => n + 1,
        _ => return None,
    };
    Some((number, bytes(&c[..end])))
}

/// Whether `text` opens with a 序次语 ([`prefix`]) or an enumeration ([`enumeration`]).
pub fn numbered(text: &str) -> bool {
    prefix(text).is_some() || enumeration(text).is_some()
}

fn bytes(c: &[char]) -> usize {
    c.iter().map(|x| x.len_utf8()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_labels() {
        for (t, l) in [
            ("一、总体目标", Some(1)),
            ("十二、附则", Some(1)),
            ("（三）加强领导", Some(2)),
            ("3.开展培训", Some(3)),
            ("12．加强宣传", Some(3)),
            ("（2）张贴标语", Some(4)),
            ("一是加强领导", None),
            ("2026年", None),
            ("1.5倍", None),
            ("一、", Some(1)),
            ("（一", None),
            ("1、开展", None),
        ] {
            assert_eq!(level(t), l, "{t}");
        }
        assert_eq!(
            [label(1, 12), label(2, 3), label(3, 4), label(4, 5)],
            ["十二、", "（三）", "4.", "（5）"]
        );
    }

    #[test]
    fn prefixes_measure_their_marker() {
        let got = |t: &str| prefix(t).map(|(o, len)| (o.level, o.number, t[..len].to_string()));
        assert_eq!(got("一、总体目标"), Some((1, 1, "一、".into())));
        assert_eq!(got("(二) 深入"), Some((2, 2, "(二)".into())));
        assert_eq!(got("（三）、加强"), Some((2, 3, "（三）、".into())));
        assert_eq!(got("12．加强宣传"), Some((3, 12, "12．".into())));
        assert_eq!(got("2、落实"), Some((3, 2, "2、".into())));
        assert_eq!(got("（1）成立"), Some((4, 1, "（1）".into())));
        assert_eq!(got("一、2023年工作回顾"), Some((1, 1, "一、".into())));
        assert_eq!(
            (
                got("2.0 版本"),
                got("2021 年以来"),
                got("一是"),
                got("一.5倍")
            ),
            (None, None, None, None)
        );
    }

    #[test]
    fn enumerations() {
        let got = |t: &str| enumeration(t).map(|(n, len)| (n, t[..len].to_string()));
        assert_eq!(got("一是认真组织学习"), Some((1, "一是".into())));
        assert_eq!(got("十二要加强"), Some((12, "十二要".into())));
        assert_eq!(got("第一阶段：动员部署"), Some((1, "第一".into())));
        assert_eq!(got("第三，要"), Some((3, "第三".into())));
        assert_eq!(
            (
                got("第一次会议"),
                got("一、总体"),
                got("十分重要"),
                got("第")
            ),
            (None, None, None, None)
        );
        assert!(numbered("二要加强") && numbered("（1）成立") && !numbered("2021 年以来"));
    }
}
