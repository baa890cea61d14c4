//! 序次语 (§0 "Ordinals"): `ordinal-punct`, `heading-sequence`, `heading-level-order`.

use super::Doc;
use super::chars::{cn_number, is_cn_digit, is_digit, is_han, is_space, read_number};
use super::text::{Block, Claim, Kind};

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

const CN: [&str; 11] = [
    "", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
];

fn cn(n: u32) -> String {
    match n {
        0..=10 => CN[n as usize].to_string(),
        11..=19 => format!("十{}", CN[(n - 10) as usize]),
        _ => format!(
            "{}十{}",
            CN[(n / 10).min(9) as usize],
            CN[(n % 10) as usize]
        ),
    }
}

/// The written form of an ordinal of `level` with `n`.
pub fn label(level: u8, n: u32) -> String {
    match level {
        1 => format!("{}、", cn(n)),
        2 => format!("（{}）", cn(n)),
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
            let k = (j..c.len()).take_while(|&k| is_cn_digit(c[k])).last()? + 1;
            (2, cn_number(&c[j..k])?, k)
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
    let k = (i..c.len()).take_while(|&k| is_cn_digit(c[k])).last()? + 1;
    let number = cn_number(&c[i..k])?;
    if is_digit(ch(k + 1)) || ch(k + 1) == '\0' {
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

/// The ordinal a block starts with, if any.
pub fn of_block(b: &Block) -> Option<Ordinal> {
    match b.kind {
        Kind::Item {
            number: Some(n),
            delim,
        } => {
            let wrong = (delim == Some(')')).then_some((0, "序次语缺少前括号"));
            Some(Ordinal {
                level: 3 + wrong.is_some() as u8,
                number: n as u32,
                start: 0,
                end: 0,
                wrong,
            })
        }
        Kind::Para | Kind::Heading(_) | Kind::Item { .. } => {
            let i = b.chars.iter().take_while(|c| is_space(**c)).count();
            at(&b.chars, i, false)
        }
        _ => None,
    }
}

pub fn run(doc: &mut Doc) {
    punct(doc);
    sequence(doc);
}

fn punct(doc: &mut Doc) {
    for b in 0..doc.blocks.len() {
        if !super::is_body(&doc.blocks[b]) {
            continue;
        }
        let mut found: Vec<Ordinal> = of_block(&doc.blocks[b]).into_iter().collect();
        let c = &doc.blocks[b].chars;
        for k in 0..c.len() {
            if matches!(c[k], '：' | '；' | '。') {
                found.extend(at(c, k + 1, true).filter(|o| o.wrong.is_some()));
            }
        }
        for o in found {
            let Some((k, msg)) = o.wrong else { continue };
            if !doc.blocks[b].all_free(o.start..o.end) {
                continue;
            }
            let right = label(o.level, o.number);
            if matches!(
                doc.blocks[b].kind,
                Kind::Item {
                    number: Some(_),
                    ..
                }
            ) {
                let off = doc.blocks[b].start;
                doc.push(
                    "ordinal-punct",
                    off,
                    2,
                    format!("序次语标点有误：{msg}"),
                    format!("改为“{right}”"),
                );
                continue;
            }
            let written: String = doc.blocks[b].chars[o.start..o.end].iter().collect();
            doc.at(
                b,
                k,
                1,
                "ordinal-punct",
                format!("序次语“{written}”标点有误：{msg}"),
                format!("改为“{right}”"),
            );
            doc.blocks[b].claim(k..k + 1, Claim::Taken);
        }
    }
}

fn sequence(doc: &mut Doc) {
    let mut ctx = usize::MAX;
    let mut open: [Option<u32>; 5] = [None; 5];
    let mut last: [u32; 5] = [0; 5];
    for b in 0..doc.blocks.len() {
        let blk = &doc.blocks[b];
        if !super::is_body(blk) || matches!(blk.kind, Kind::Cell) {
            continue;
        }
        if blk.ctx != ctx {
            (ctx, open, last) = (blk.ctx, [None; 5], [0; 5]);
        }
        let Some(o) = of_block(blk) else { continue };
        let l = o.level as usize;
        let n = o.number;
        let written = label(o.level, n);
        if open[l].is_none() && open[l + 1..].iter().any(Option::is_some) {
            let deeper = (l + 1..5).find(|&k| open[k].is_some()).unwrap_or(4);
            doc.at(
                b,
                o.start,
                o.end - o.start,
                "heading-level-order",
                format!(
                    "层次序数颠倒：“{written}”出现在下级序号“{}”之后",
                    label(deeper as u8, open[deeper].unwrap_or(1))
                ),
                "层次依次为 一、→（一）→ 1. →（1），可以越级向下，不能倒置",
            );
        } else {
            let expected: &[u32] = match open[l] {
                Some(p) => &[p + 1],
                None => &[1, last[l] + 1],
            };
            if !expected.contains(&n) {
                let e = expected[0];
                let what = if open[l] == Some(n) {
                    "序号重复"
                } else if n > e {
                    "序号跳号"
                } else {
                    "序号不连续"
                };
                doc.at(
                    b,
                    o.start,
                    (o.end - o.start).max(1),
                    "heading-sequence",
                    format!("{what}：此处为“{written}”，应为“{}”", label(o.level, e)),
                    "按顺序编号，不重复、不跳号",
                );
            }
        }
        open[l] = Some(n);
        last[l] = n;
        for x in open.iter_mut().skip(l + 1) {
            *x = None;
        }
    }
}
