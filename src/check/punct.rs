//! Point marks (GB/T 15834-2011): `halfwidth-punct`, `repeated-punct`, `quoted-list-dunhao`,
//! `ellipsis-misuse`.
//!
//! Complexity: O(n) in the characters of a block (n): `halfwidth` is one pass plus the inside
//! of each straight-quote pair (pairs do not overlap); `repeated` consumes each run of point
//! marks once and, after `。（`, searches forward only to the next parenthesis, which the next
//! such search cannot pass; `dunhao` is one pass; `ellipsis` consumes each run of one character
//! once.

use super::chars::{is_cjk, is_digit, is_han, is_point};
use super::pairs::{Marks, is_opener};
use super::{Doc, Lint};

fn full(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        _ => '。',
    }
}

pub fn run(doc: &mut Doc) {
    for b in 0..doc.blocks.len() {
        halfwidth(doc, b);
        repeated(doc, b);
        dunhao(doc, b);
        ellipsis(doc, b);
    }
}

fn halfwidth(doc: &mut Doc, b: usize) {
    let blk = &doc.blocks[b];
    let c = &blk.chars;
    let at = |i: isize| blk.at(i);
    // (char, message, hint, the corrections: (char, replacement)).
    let mut found: Vec<(usize, String, String, Marks)> = Vec::new();
    let mut quotes: Vec<Vec<usize>> = vec![Vec::new(), Vec::new()];
    // Between Chinese characters (or after one at the end of the block) the full-width mark is
    // the only reading: a mechanical fix. A run of the same mark (`,,`) is read as one.
    let end = c.len() as isize;
    let between = |i: usize| {
        let x = c[i];
        let first = (0..=i).rev().take_while(|&k| c[k] == x).last().unwrap_or(i);
        let last = (i..c.len()).take_while(|&k| c[k] == x).last().unwrap_or(i);
        let r = at(last as isize + 1);
        is_cjk(at(first as isize - 1)) && (is_cjk(r) || last as isize + 1 == end)
    };
    for (i, &x) in c.iter().enumerate() {
        if !blk.free(i) {
            continue;
        }
        let (l, r) = (at(i as isize - 1), at(i as isize + 1));
        match x {
            ',' | ';' | ':' | '?' | '!'
                if (is_cjk(l) || is_cjk(r)) && !(is_digit(l) && is_digit(r)) =>
            {
                let fix = if between(i) {
                    vec![(i, full(x))]
                } else {
                    Vec::new()
                };
                found.push((
                    i,
                    format!("中文行文中使用了半角标点“{x}”"),
                    format!("改为“{}”", full(x)),
                    fix,
                ));
            }
            '.' if (is_han(l) || matches!(l, '”' | '’' | '）' | '》'))
                && r != '.'
                && !r.is_ascii_alphanumeric()
                && !(i > 0 && at(i as isize - 1) == '.') =>
            {
                let fix = if i as isize + 1 == end {
                    vec![(i, '。')]
                } else {
                    Vec::new()
                };
                found.push((
                    i,
                    "中文句末使用了半角句点“.”".into(),
                    "改为“。”".into(),
                    fix,
                ));
            }
            '"' => quotes[0].push(i),
            '\'' if !(l.is_ascii_alphabetic() && r.is_ascii_alphabetic()) => quotes[1].push(i),
            _ => {}
        }
    }
    for q in quotes {
        for pair in q.chunks(2) {
            let (o, e) = (pair[0], pair.get(1).copied().unwrap_or(pair[0]));
            let inside = (o + 1..e).any(|k| is_han(c[k]));
            let outside = is_cjk(at(o as isize - 1))
                || is_cjk(at(e as isize + 1))
                || is_cjk(at(o as isize + 1))
                || is_cjk(at(e as isize - 1));
            if inside || outside {
                let (a, z) = if c[o] == '"' {
                    ('“', '”')
                } else {
                    ('‘', '’')
                };
                // A closed pair around Chinese text: “…”.
                let fix = if e > o && inside {
                    vec![(o, a), (e, z)]
                } else {
                    Vec::new()
                };
                found.push((
                    o,
                    format!("中文行文中使用了直引号“{}”", c[o]),
                    format!("改为弯引号“{a}…{z}”"),
                    fix,
                ));
            }
        }
    }
    for (i, m, h, fix) in found {
        doc.at(b, i, 1, Lint::HalfwidthPunct, m, h);
        if !fix.is_empty() {
            let edits: Vec<_> = fix
                .iter()
                .map(|&(k, to)| doc.edit(b, k, 1, &to.to_string()))
                .collect();
            doc.fix(edits);
        }
    }
}

fn repeated(doc: &mut Doc, b: usize) {
    let blk = &doc.blocks[b];
    let c = &blk.chars;
    let mut found: Vec<(usize, usize, String, bool)> = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let x = c[i];
        if !blk.free(i) {
            i += 1;
            continue;
        }
        let next = blk.at(i as isize + 1);
        if is_point(x) && is_point(next) {
            let run = (i..c.len()).take_while(|&k| is_point(c[k])).count();
            let all_q = c[i..i + run].iter().all(|&k| matches!(k, '？' | '！'));
            let dots = c[i..i + run].iter().all(|&k| k == '。') && run >= 3; // ellipsis-misuse
            if !(dots || (all_q && run <= 3)) {
                let s: String = c[i..i + run].iter().collect();
                // The same mark typed twice (，，): keep one.
                let same = c[i..i + run].iter().all(|&k| k == x);
                found.push((i + 1, run - 1, format!("标点“{s}”连用"), same));
            }
            i += run;
            continue;
        }
        if is_point(x) && i > 0 && is_opener(c[i - 1]) {
            found.push((i, 1, format!("“{}”后不应紧跟“{x}”", c[i - 1]), false));
        } else if matches!(x, '，' | '、' | '；' | '：')
            && matches!(next, '）' | '”' | '’' | '》' | '】' | '〕')
        {
            found.push((i, 1, format!("“{x}”不应紧挨在“{next}”前"), false));
        } else if matches!(x, '。' | '；' | '！' | '？') && next == '（' {
            // 。（各有关部门负责）。
            if let Some(k) = (i + 2..c.len()).find(|&k| c[k] == '）' || c[k] == '（')
                && c[k] == '）'
                && matches!(blk.at(k as isize + 1), '。' | '；')
            {
                found.push((k + 1, 1, "括注前后都有句末点号".into(), false));
            }
        }
        i += 1;
    }
    for (i, len, m, same) in found {
        doc.at(
            b,
            i,
            len,
            Lint::RepeatedPunct,
            m,
            "删除多余的点号：句内括注放在句末点号之前，句外括注之后不再加点号",
        );
        if same {
            let edit = doc.edit(b, i, len, "");
            doc.fix([edit]);
        }
    }
}

fn dunhao(doc: &mut Doc, b: usize) {
    let c = doc.blocks[b].chars.clone();
    for i in 1..c.len().saturating_sub(1) {
        let pair = (c[i - 1], c[i + 1]);
        if c[i] == '、'
            && matches!(pair, ('”', '“') | ('》', '《') | ('’', '‘'))
            && doc.blocks[b].free(i)
        {
            doc.at(
                b,
                i,
                1,
                Lint::QuotedListDunhao,
                format!(
                    "并列的{}之间一般不用顿号",
                    if pair.0 == '》' {
                        "书名号"
                    } else {
                        "引号"
                    }
                ),
                "删除顿号（GB/T 15834-2011 4.5.3.5）",
            );
        }
    }
}

fn ellipsis(doc: &mut Doc, b: usize) {
    let blk = &doc.blocks[b];
    let c = &blk.chars;
    let mut found: Vec<(usize, usize, String, &str)> = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let x = c[i];
        let run = (i..c.len()).take_while(|&k| c[k] == x).count();
        if !blk.all_free(i..i + run) {
            i += run;
            continue;
        }
        let near_cjk = is_cjk(blk.at(i as isize - 1)) || is_cjk(blk.at((i + run) as isize));
        // The run as written, made only for a finding (most runs are one ordinary character).
        let s = || c[i..i + run].iter().collect::<String>();
        match x {
            '.' if run >= 3 && near_cjk => {
                found.push((i, run, format!("中文省略号不应写作“{}”", s()), "改为“……”"))
            }
            '。' if run >= 3 => {
                found.push((i, run, format!("省略号不应写作“{}”", s()), "改为“……”"))
            }
            '·' | '・' if run >= 3 => found.push((
                i,
                run,
                format!("省略号不应写作“{}”", s()),
                "改为“……”（两个 U+2026）",
            )),
            '…' if run % 2 == 1 => {
                found.push((i, run, "省略号应为两个“…”（占两个字位）".into(), "改为“……”"))
            }
            '…' if blk.at((i + run) as isize) == '等' => found.push((
                i,
                run + 1,
                "省略号与“等”不能同时使用".into(),
                "删除“……”或“等”",
            )),
            '等' if run == 2 && blk.at((i + 2) as isize) == '…' => found.push((
                i,
                2 + 2,
                "“等等”与省略号不能同时使用".into(),
                "删除“等等”或“……”",
            )),
            _ => {}
        }
        i += run;
    }
    for (i, len, m, h) in found {
        doc.at(b, i, len, Lint::EllipsisMisuse, m, h);
    }
}
