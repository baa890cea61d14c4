//! `broken-paragraph`: a prose paragraph split in two (PDF/Word page breaks).
//!
//! Complexity: O(n + b) for b blocks holding n characters: each pair of neighbouring blocks is
//! compared once (the first block's last non-blank character and its prose marks, the next
//! block's first non-blank character, ordinal and first three characters, and its visible
//! characters for the signature test), so every block is read a bounded number of times.

use super::chars::{is_han, is_space};
use super::ordinal;
use super::text::{Block, Kind};
use super::{Doc, Lint};

/// Pairs (first, next) of top-level paragraphs that look like one paragraph split in two.
pub fn splits(blocks: &[Block]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for b in 0..blocks.len().saturating_sub(1) {
        let (x, y) = (&blocks[b], &blocks[b + 1]);
        let first_ok = (x.kind == Kind::Para && x.top) || matches!(x.kind, Kind::Item { .. });
        if !first_ok || y.kind != Kind::Para || !y.top || x.ctx != y.ctx {
            continue;
        }
        let last = x.chars.iter().rev().find(|c| !is_space(**c));
        let first = y.chars.iter().find(|c| !is_space(**c));
        let prose = x
            .chars
            .iter()
            .any(|c| matches!(c, '，' | '。' | '；' | '：'));
        if last.is_some_and(|c| is_han(*c))
            && first.is_some_and(|c| is_han(*c))
            && prose
            && !starts_list(y)
            && !is_signature(y)
        {
            out.push((b, b + 1));
        }
    }
    out
}

/// The next paragraph starts an enumeration (一是, 第一, an ordinal): the first one is an
/// introduction missing its colon, not half a sentence.
fn starts_list(b: &Block) -> bool {
    let t: String = b.chars.iter().take(3).collect();
    ordinal::of_block(b).is_some()
        || t.starts_with("第")
        || ["一是", "二是", "首先", "其次"]
            .iter()
            .any(|w| t.starts_with(w))
}

/// A signature or label line: short, Han only, no punctuation (外山乡人民政府).
fn is_signature(b: &Block) -> bool {
    let text: Vec<char> = b.chars.iter().copied().filter(|c| !is_space(*c)).collect();
    text.len() <= 25 && text.iter().all(|c| is_han(*c))
}

pub fn run(doc: &mut Doc) {
    for (b, n) in splits(&doc.blocks) {
        let x = &doc.blocks[b];
        let li = (0..x.chars.len())
            .rev()
            .find(|&k| !is_space(x.chars[k]))
            .unwrap_or(0);
        let last = x.chars[li];
        let first = doc.blocks[n]
            .chars
            .iter()
            .copied()
            .find(|c| !is_space(*c))
            .unwrap_or(' ');
        let extra = if last == first {
            format!("；断开处“{last}”“{first}”相同，可能多了一个字")
        } else {
            String::new()
        };
        doc.at(
            b,
            li,
            1,
            Lint::BrokenParagraph,
            format!("段落可能在句中被断开（下一段以“{first}”接续）{extra}"),
            "把两段合并为一段（删除中间的空行）",
        );
    }
}
