//! 附件 sections of the body (each a numbering context) and `attachment-mismatch`: the
//! `attachments` list and the sections agree in count, numbering and title.
//!
//! Complexity: O(n + b) for b blocks holding n characters: `sections` reads each heading and
//! top-level paragraph once and, after a 附件N, skips the blank blocks to its title (the skip
//! stops at the next non-blank block, so the skips are disjoint); `check` compares each section
//! with one `attachments` entry.

use super::chars::{is_digit, is_space};
use super::text::Kind;
use super::{Doc, Lint, Section};

/// Finds the 附件 sections (`附件`, `附件N`, `附件 N` as a heading or a paragraph of its own)
/// and numbers the blocks' contexts.
pub fn sections(doc: &mut Doc) {
    let mut ctx = 0;
    for b in 0..doc.blocks.len() {
        let blk = &doc.blocks[b];
        if matches!(blk.kind, Kind::Heading(_)) || (blk.kind == Kind::Para && blk.top) {
            let t: String = blk.chars.iter().filter(|c| !is_space(**c)).collect();
            if let Some(rest) = t.strip_prefix("附件")
                && rest.chars().all(is_digit)
                && rest.len() <= 2
            {
                ctx += 1;
                let number = rest.parse().ok();
                let title = title_after(doc, b);
                doc.sections.push(Section {
                    heading: b,
                    number,
                    title,
                });
            }
        }
        doc.blocks[b].ctx = ctx;
    }
}

fn title_after(doc: &Doc, b: usize) -> Option<(usize, String)> {
    let next =
        (b + 1..doc.blocks.len()).find(|&k| !doc.blocks[k].chars.iter().all(|c| is_space(*c)))?;
    let mut t = doc.blocks[next].text().trim().to_string();
    if let Some(sub) = doc
        .blocks
        .get(next + 1)
        .map(|x| x.text())
        .filter(|s| s.trim_start().starts_with("——"))
    {
        t.push_str(sub.trim());
    }
    Some((next, t))
}

pub fn check(doc: &mut Doc) {
    let items = doc.opts.items.clone();
    let listed: Vec<(String, usize)> = doc
        .front
        .values("attachments")
        .into_iter()
        .filter(|(n, _)| !items.contains_key(n.trim()))
        .collect();
    let clean = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '《' | '》'))
            .collect::<String>()
    };
    let single = listed.len() == 1;
    for (k, sec) in doc.sections.clone().iter().enumerate() {
        let head = sec.heading;
        match listed.get(k) {
            None => {
                let msg = if listed.is_empty() {
                    "正文有附件，但 front matter 未列出 attachments".to_string()
                } else {
                    format!("正文第 {} 个附件未在 attachments 中列出", k + 1)
                };
                doc.at(
                    head,
                    0,
                    4,
                    Lint::AttachmentMismatch,
                    msg,
                    "在 attachments 中按顺序列出每个附件的名称",
                );
            }
            Some((name, _)) => {
                let ok_number = if single {
                    matches!(sec.number, None | Some(1))
                } else {
                    sec.number == Some(k as u32 + 1)
                };
                if !ok_number {
                    let want = if single {
                        "附件".to_string()
                    } else {
                        format!("附件{}", k + 1)
                    };
                    doc.at(
                        head,
                        0,
                        4,
                        Lint::AttachmentMismatch,
                        format!("附件编号有误，应为“{want}”"),
                        "附件按 附件1、附件2… 顺序编号；只有一个附件时写“附件”",
                    );
                }
                if let Some((tb, title)) = &sec.title
                    && clean(title) != clean(name)
                {
                    doc.at(
                        *tb,
                        0,
                        title.chars().count(),
                        Lint::AttachmentMismatch,
                        format!("附件标题“{title}”与附件说明“{name}”不一致"),
                        "附件说明（attachments）与附件标题应完全一致",
                    );
                }
            }
        }
    }
    for (name, off) in listed.iter().skip(doc.sections.len()) {
        doc.push(
            Lint::AttachmentMismatch,
            *off,
            name.chars().count(),
            format!("附件“{name}”在正文中没有对应的附件部分"),
            "在正文末尾加入“## 附件N”和附件标题，或从 attachments 中删除",
        );
    }
}
