//! `signature-repeated`: a 公文 or letter whose page prints the 署名 and the 成文日期 from the
//! front matter (`issuer`, `date`) but whose body ends with them typed again, so they show
//! twice on the page, in print and in the WeChat export.

use super::text::Kind;
use super::{Doc, Lint};
use crate::gongwen::date_line;

/// Paragraphs at the end of the 正文 looked at (署名 lines and a date).
const TAIL: usize = 4;

pub fn run(doc: &mut Doc) {
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

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}
