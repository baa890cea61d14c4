//! What the page prints from the front matter, typed again in the body, so that it shows twice
//! on the page, in print and in the WeChat export:
//! - `signature-repeated`: a 公文 or letter (署名 and 成文日期 from `issuer` and `date`) whose
//!   body ends with them;
//! - `attachment-note-repeated`: a 公文 (附件说明 from `attachments`) whose 正文 has its own
//!   附件说明 paragraph (`附件：1. ……`).
//!
//! Complexity: O(n + b) for b blocks holding n characters: the last four top-level paragraphs
//! are each read a bounded number of times (collected, squeezed, read as a date line), and each
//! top-level paragraph's first three visible characters for 附件：.

use super::text::Kind;
use super::{Doc, Lint};
use crate::gongwen::date_line;

/// Paragraphs at the end of the 正文 looked at (署名 lines and a date).
const TAIL: usize = 4;

pub fn run(doc: &mut Doc) {
    attachment_note(doc);
    let Some(kind) = doc.kind else {
        return;
    };
    if !(kind.is_official() || kind.is_letter()) {
        return;
    }
    let issuers: Vec<String> = doc
        .front
        .list("issuer")
        .iter()
        .map(|s| squeeze(s))
        .collect();
    let date = doc.date;
    // The last paragraphs of the 正文, from the end; the first other paragraph stops the walk.
    let tail: Vec<usize> = (0..doc.blocks.len())
        .rev()
        .filter(|&b| doc.blocks[b].top && doc.blocks[b].ctx == 0)
        .take(TAIL)
        .take_while(|&b| doc.blocks[b].kind == Kind::Para)
        .collect();
    for b in tail {
        let text: String = doc.blocks[b].chars.iter().collect();
        let said = squeeze(&text);
        let what = if !said.is_empty() && issuers.contains(&said) {
            ("署名", "发文机关（issuer）")
        } else if date.is_some() && date_line::parse(&text).and_then(Result::ok) == date {
            ("成文日期", "日期（date）")
        } else if !issuers.is_empty() && is_organ(&said) {
            other_signature(doc, b, &said, &issuers);
            continue;
        } else {
            break;
        };
        let blk = &doc.blocks[b];
        let first = blk
            .chars
            .iter()
            .position(|c| !c.is_whitespace())
            .unwrap_or(0);
        doc.at(
            b,
            first,
            said.chars().count(),
            Lint::SignatureRepeated,
            format!(
                "正文末尾又写了{}“{}”：页面、打印件和公众号文章会按前言区的{}再显示一次",
                what.0,
                text.trim(),
                what.1
            ),
            format!("删除正文末尾的这一行；{}由前言区的{}生成", what.0, what.1),
        );
    }
}

fn attachment_note(doc: &mut Doc) {
    if !doc.kind.is_some_and(|k| k.is_official()) || doc.front.list("attachments").is_empty() {
        return;
    }
    let notes: Vec<(usize, usize)> = (0..doc.blocks.len())
        .filter(|&b| {
            let blk = &doc.blocks[b];
            blk.top && blk.ctx == 0 && blk.kind == Kind::Para
        })
        .filter_map(|b| {
            let chars = &doc.blocks[b].chars;
            let first = chars.iter().position(|c| !c.is_whitespace())?;
            let head: String = chars[first..].iter().take(3).collect();
            matches!(head.as_str(), "附件：" | "附件:").then_some((b, first))
        })
        .collect();
    for (b, first) in notes {
        doc.at(
            b,
            first,
            3,
            Lint::AttachmentNoteRepeated,
            "正文中又写了附件说明：页面和打印件会按前言区的附件（attachments）再列一次",
            "删除正文中的这段附件说明；附件的名称和顺序写在前言区的 attachments 中",
        );
    }
}

/// Endings of an organ's name as it signs (某某乡人民政府, 某某乡安全生产委员会办公室).
const ORGAN: &[&str] = &[
    "政府",
    "办公室",
    "委员会",
    "安委会",
    "安委办",
    "安办",
    "党委",
    "办事处",
    "管理局",
    "局",
    "中心",
    "所",
    "站",
    "村委会",
    "居委会",
];

/// A paragraph that is only an organ's name: Chinese characters, 4 to 30 of them, ending as
/// an organ does.
fn is_organ(said: &str) -> bool {
    let n = said.chars().count();
    (4..=30).contains(&n)
        && said.chars().all(crate::gongwen::is_han)
        && ORGAN.iter().any(|o| said.ends_with(o))
}

/// The body signs with an organ that is not the issuer: the page signs with the issuer too,
/// so two different 署名 would show.
fn other_signature(doc: &mut Doc, b: usize, said: &str, issuers: &[String]) {
    let first = doc.blocks[b]
        .chars
        .iter()
        .position(|c| !c.is_whitespace())
        .unwrap_or(0);
    doc.at(
        b,
        first,
        said.chars().count(),
        Lint::SignatureRepeated,
        format!(
            "正文末尾写了署名“{said}”，页面和打印件还会按前言区的发文机关（issuer）署名“{}”",
            issuers.join("、")
        ),
        format!("删除正文末尾的“{said}”；如果发文机关应是“{said}”，改前言区的 issuer"),
    );
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}
