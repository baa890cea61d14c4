//! `trailing-punct-title`: titles end without 。，；：、.
//!
//! Complexity: O(n + b) for b blocks holding n characters: per block, the last non-blank
//! character is found from the end, an ordinal is read at the start, a standalone heading's
//! text is read only when it is at most 30 characters, and the neighbours are looked at, not
//! searched.

use super::chars::{is_point, is_space};
use super::ordinal::of_block;
use super::text::{Claim, Kind};
use super::{Doc, Lint};

const BAD: &[char] = &['。', '，', '；', '：', '、', ',', ';', ':', '.'];

pub fn run(doc: &mut Doc) {
    for b in 0..doc.blocks.len() {
        let blk = &doc.blocks[b];
        let Some(last) = (0..blk.chars.len())
            .rev()
            .find(|&k| !is_space(blk.chars[k]))
        else {
            continue;
        };
        if !BAD.contains(&blk.chars[last]) || !blk.free(last) {
            continue;
        }
        let what = match blk.kind {
            Kind::Front("title" | "title_lines") => "标题",
            Kind::Front("attachments") => "附件名称",
            Kind::Heading(_) => "标题",
            Kind::Para | Kind::Item { .. } => match of_block(blk) {
                // An ordinal alone on its line (`1、`) has no title text to end with a mark.
                Some(o)
                    if o.end < last
                        && standalone(&blk.chars[o.end..last])
                        && introduces(doc, b, o.level) =>
                {
                    "层次标题"
                }
                _ => continue,
            },
            _ => continue,
        };
        let mark = blk.chars[last];
        doc.at(
            b,
            last,
            1,
            Lint::TrailingPunctTitle,
            format!("{what}末尾不应有标点“{mark}”"),
            "删除标题末尾的标点（问号、叹号、引号、括号除外）",
        );
        doc.blocks[b].claim(last..last + 1, Claim::Taken);
    }
}

/// A heading introduces text: the next block of its context exists, and neither neighbour is a
/// sibling item (short items ending with 。, such as slogans, are an enumeration, not headings).
fn introduces(doc: &Doc, b: usize, level: u8) -> bool {
    let ctx = doc.blocks[b].ctx;
    let sibling = |k: Option<usize>| {
        k.and_then(|k| doc.blocks.get(k))
            .filter(|n| n.ctx == ctx && super::is_body(n))
            .and_then(of_block)
            .is_some_and(|o| o.level == level)
    };
    let has_next = doc
        .blocks
        .get(b + 1)
        .is_some_and(|n| n.ctx == ctx && super::is_body(n));
    has_next && !sibling(b.checked_sub(1)) && !sibling(Some(b + 1))
}

/// The text of a standalone ordinal heading: short, and no point mark inside.
fn standalone(rest: &[char]) -> bool {
    rest.len() <= 30
        && !rest
            .iter()
            .any(|&c| is_point(c) || matches!(c, ',' | ';' | ':' | '?' | '!'))
}
