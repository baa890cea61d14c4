//! Spaces and numerals: `cjk-space` and `number-style`.
//!
//! Complexity: O(n) in the characters of a block (n): `spaces` consumes each run of spaces once
//! (the blanks after a blank date's 月 and the Western token after a space are read at most
//! twice); `ranges` reads each number and its dash at most twice (a failed range restarts after
//! its first number) and, for 几, only the digits just before it; `approximations` looks at five
//! characters around each 、.

use super::chars::{is_cjk, is_digit, is_han, is_space};
use super::text::Kind;
use super::{Doc, Lint};
use crate::gongwen::numerals::is_numeral as is_cn_digit;

pub fn run(doc: &mut Doc) {
    for b in 0..doc.blocks.len() {
        spaces(doc, b);
        ranges(doc, b);
        approximations(doc, b);
    }
}

fn spaces(doc: &mut Doc, b: usize) {
    let blk = &doc.blocks[b];
    let c = &blk.chars;
    let heading = blk.is_title() || matches!(blk.kind, Kind::Front(_));
    let form = doc.is_form();
    let lead = c.iter().take_while(|x| is_space(**x)).count();
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    let mut i = lead;
    while i < c.len() {
        if !is_space(c[i]) {
            i += 1;
            continue;
        }
        let run = (i..c.len()).take_while(|&k| is_space(c[k])).count();
        let (l, r) = (blk.at(i as isize - 1), blk.at((i + run) as isize));
        let end = i + run;
        let flagged =
            (is_han(l) && is_han(r)) || (is_cjk(l) && is_digit(r)) || (is_digit(l) && is_cjk(r));
        let blank_date = form && matches!(l, '年' | '月') && matches!(r, '月' | '日');
        let title_sep = heading && run == 1;
        let blank = matches!(l, '年' | '月') && matches!(r, '月' | '日');
        if blank && !form && !title_sep {
            // ____年 月 日: one finding for the whole blank date.
            let mut stop = end;
            if r == '月' {
                let more = (end + 1..c.len()).take_while(|&k| is_space(c[k])).count();
                if more > 0 && blk.at((end + 1 + more) as isize) == '日' {
                    stop = end + 1 + more;
                }
            }
            found.push((
                i,
                stop - i,
                "日期中的空白处用空格占位，网页上看不出来".into(),
            ));
            i = stop;
            continue;
        }
        if end < c.len() && flagged && !blank_date && !title_sep && blk.all_free(i..end) {
            // 提升 2.0 版: one finding for the spaces around a short Western token.
            let tok = (end..c.len())
                .take_while(|&k| c[k].is_ascii_graphic())
                .count();
            let after = end + tok;
            let joined = is_cjk(l)
                && tok > 0
                && after < c.len()
                && is_space(c[after])
                && is_cjk(blk.at(
                    (after + (after..c.len()).take_while(|&k| is_space(c[k])).count()) as isize,
                ));
            let what = if c[i] == '\u{3000}' {
                "全角空格"
            } else {
                "空格"
            };
            found.push((i, run, format!("中文之间或中文与数字之间有多余的{what}")));
            i = if joined {
                after + (after..c.len()).take_while(|&k| is_space(c[k])).count()
            } else {
                end
            };
            continue;
        }
        i = end;
    }
    for (i, len, m) in found {
        doc.at(
            b,
            i,
            len,
            Lint::CjkSpace,
            m,
            "删除空格（公文中汉字与数字之间不加空格；表格空白请用 ____ 或 {{blank}}）",
        );
    }
}

/// 1--2家, 2023-2025年, 60～80%: numeric ranges.
fn ranges(doc: &mut Doc, b: usize) {
    let blk = &doc.blocks[b];
    let c = &blk.chars;
    let mut found: Vec<(usize, usize, String, String)> = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let prev = blk.at(i as isize - 1);
        if !is_digit(c[i])
            || is_digit(prev)
            || prev.is_ascii_alphabetic()
            || matches!(prev, '/' | '.' | '-' | ' ' | '～' | '~')
            || !blk.free(i)
        {
            i += 1;
            continue;
        }
        let a_end = (i..c.len())
            .take_while(|&k| is_digit(c[k]) || c[k] == '.')
            .last()
            .unwrap_or(i)
            + 1;
        let a_pct = blk.at(a_end as isize) == '%';
        let d_start = a_end + a_pct as usize;
        let dash_len = (d_start..c.len())
            .take_while(|&k| matches!(c[k], '-' | '~' | '—' | '－' | '～'))
            .count();
        let dash: String = c[d_start..d_start + dash_len].iter().collect();
        let b_start = d_start + dash_len;
        let b_end = (b_start..c.len())
            .take_while(|&k| is_digit(c[k]) || c[k] == '.')
            .count()
            + b_start;
        if dash_len == 0 || b_end == b_start || !blk.all_free(i..b_end) {
            i = a_end.max(i + 1);
            continue;
        }
        let after = blk.at(b_end as isize);
        let leading_zero = c[i] == '0' && a_end - i > 1;
        let short = a_end - i <= 4 && b_end - b_start <= 4;
        let unit = is_han(after) || after == '%';
        let bad_dash = matches!(dash.as_str(), "-" | "--" | "~" | "——" | "－");
        if short && unit && !leading_zero {
            let year_span = a_end - i == 4 && matches!(after, '年');
            let time = year_span || matches!(after, '年' | '月' | '日' | '时' | '点' | '期' | '号');
            let want = if time { "—" } else { "～" };
            let a: String = c[i..a_end].iter().collect();
            let bb: String = c[b_start..b_end].iter().collect();
            let pct_missing = after == '%' && !a_pct;
            if bad_dash || (pct_missing && dash == "～") {
                let pct = if after == '%' { "%" } else { "" };
                let fixed = format!("{a}{pct}{want}{bb}{pct}");
                let m = if bad_dash {
                    format!("数值范围的连接号不应写作“{dash}”")
                } else {
                    "百分数范围前一个数也应带“%”".into()
                };
                found.push((
                    i,
                    b_end - i + (after == '%') as usize,
                    m,
                    format!("改为“{fixed}”"),
                ));
            }
        }
        i = b_end;
    }
    for (k, &x) in c.iter().enumerate() {
        if is_digit(x) && blk.at(k as isize + 1) == '几' && blk.free(k) {
            let d: String = c[..=k]
                .iter()
                .rev()
                .take_while(|y| is_digit(**y))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            found.push((
                k + 1 - d.chars().count(),
                d.chars().count() + 1,
                format!("“{d}几”阿拉伯数字与“几”连用"),
                "改用汉字，如“十几”".into(),
            ));
        }
    }
    for (i, len, m, h) in found {
        doc.at(b, i, len, Lint::NumberStyle, m, h);
    }
}

/// 三、四名工人: two neighbouring numerals as an approximation take no 顿号.
fn approximations(doc: &mut Doc, b: usize) {
    let c = doc.blocks[b].chars.clone();
    const ORDINAL_UNITS: &str = "级类等档期批号季阶条款项章节段轮星产线层是要";
    let val = |x: char| "一二三四五六七八九".chars().position(|y| y == x);
    for i in 1..c.len().saturating_sub(2) {
        let (x, y) = (c[i - 1], c[i + 1]);
        if c[i] != '、' || !doc.blocks[b].free(i) {
            continue;
        }
        let (Some(vx), Some(vy)) = (val(x), val(y)) else {
            continue;
        };
        let before = if i >= 2 { c[i - 2] } else { ' ' };
        let after = c[i + 2];
        let list = before == '、'
            || before == '第'
            || is_cn_digit(before)
            || after == '、'
            || ORDINAL_UNITS.contains(after);
        if vy == vx + 1 && is_han(after) && !list && i >= 2 {
            doc.at(
                b,
                i - 1,
                3,
                Lint::NumberStyle,
                format!("表示概数的“{x}、{y}”之间不用顿号"),
                format!("改为“{x}{y}”"),
            );
        }
    }
}
