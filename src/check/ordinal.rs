//! 序次语 (§0 "Ordinals"): `ordinal-punct`, `heading-sequence`, `heading-level-order`.
//!
//! Complexity: O(n + b) for b blocks holding n characters: `punct` reads an ordinal after each
//! ：；。 (a run of digits or numerals, which ends at the next mark, so the runs read are
//! disjoint); `sequence` keeps the open numbers of five levels, O(1) per block; [`of_block`]
//! reads the ordinal at the start of a block.

use super::chars::is_space;
use super::text::{Block, Claim, Kind};
use super::{Doc, Lint};
pub use crate::gongwen::ordinal::{Ordinal, at, label};

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
                    Lint::OrdinalPunct,
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
                Lint::OrdinalPunct,
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
                Lint::HeadingLevelOrder,
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
                    Lint::HeadingSequence,
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
