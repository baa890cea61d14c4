//! Finds the parts of an official document in its cleaned lines: the 版头 and title
//! ([`head`]), the signature and the closing elements ([`tail`]), the attachments
//! ([`attach`]) and the campaign phases ([`phases`]).
//!
//! Complexity: each stage reads the cleaned lines a bounded number of times; the costs are the
//! stages' own (see [`tail`] and [`super::rejoin`] for the two that are not linear in the worst
//! case).

pub mod attach;
pub mod briefing;
pub mod docno;
pub mod downloads;
pub mod head;
mod issued;
pub mod kind;
pub mod phases;
pub mod schedule;
mod slogans;
pub mod speech;
pub mod tail;
pub mod title;

use chrono::{Datelike, NaiveDate};

use super::rejoin::rejoin;
use super::{Line, Report};
use crate::gongwen::Kind;

/// Where an item stands in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The document itself (the 通知, or a stand-alone plan, letter, speech…).
    Main,
    /// The plan a 印发 notice issues, printed right after the notice.
    Issued,
    /// Attachment number n (1-based) of the main document or of the issued plan.
    Attachment(usize),
}

/// One content file to be written.
#[derive(Debug, Clone)]
pub struct Item {
    pub kind: Kind,
    pub role: Role,
    pub title: String,
    /// The title as it was broken into lines, when it was broken.
    pub title_lines: Vec<String>,
    pub doc_no: Option<String>,
    pub issuer: Vec<String>,
    pub issuer_mark: Option<String>,
    pub date: Option<NaiveDate>,
    pub addressees: Vec<String>,
    pub note: Option<String>,
    pub copy_to: Vec<String>,
    pub printed_by: Option<String>,
    pub printed_date: Option<NaiveDate>,
    pub contact: Option<String>,
    pub phase: Option<String>,
    pub urgency: Option<String>,
    pub secrecy: Option<String>,
    /// 签发人 (上行文).
    pub signer: Vec<String>,
    /// Names listed in this item's 附件说明, in order.
    pub attachment_names: Vec<String>,
    /// Indices (in [`Document::items`]) of the items this one lists as attachments.
    pub attachments: Vec<usize>,
    /// The body lines, still plain text (turned into Markdown by `import::markdown`).
    pub body: Vec<Line>,
    /// A slogan set's introduction: the paragraphs before its first numbered slogan, written
    /// above the list.
    pub lead: Vec<Line>,
    /// Line of the title in the source (for diagnostics).
    pub line: usize,
    /// Fields of the portal's 信息公开 block (索引号, 主题分类, 体裁分类, 有效性, 主题词).
    pub index_no: Option<String>,
    pub topic: Option<String>,
    pub genre: Option<String>,
    pub valid: Option<String>,
    pub keywords: Vec<String>,
    /// 发布日期 on the portal.
    pub published: Option<NaiveDate>,
    /// 公开属性 stated by the portal (公开方式); the 附注 of the document states it otherwise.
    pub disclosure: Option<String>,
    /// Imported as a draft: something the site needs could not be found.
    pub draft: bool,
    /// 期数 of a 简报.
    pub issue_no: Option<String>,
    /// Line of a signature naming the organ alone, without a date under it.
    pub undated_signature: Option<usize>,
    /// A speech's speaker line and the government its speaker heads ("某镇党委副书记、镇长
    /// 某某" → 某镇人民政府): the issuer when neither a signature nor the page names one.
    pub speaker_organ: Option<(usize, String, String)>,
}

impl Item {
    pub fn new(kind: Kind, role: Role) -> Self {
        Item {
            kind,
            role,
            title: String::new(),
            title_lines: Vec::new(),
            doc_no: None,
            issuer: Vec::new(),
            issuer_mark: None,
            date: None,
            addressees: Vec::new(),
            note: None,
            copy_to: Vec::new(),
            printed_by: None,
            printed_date: None,
            contact: None,
            phase: None,
            urgency: None,
            secrecy: None,
            signer: Vec::new(),
            attachment_names: Vec::new(),
            attachments: Vec::new(),
            body: Vec::new(),
            lead: Vec::new(),
            line: 0,
            index_no: None,
            topic: None,
            genre: None,
            valid: None,
            keywords: Vec::new(),
            published: None,
            disclosure: None,
            draft: false,
            issue_no: None,
            undated_signature: None,
            speaker_organ: None,
        }
    }
}

/// A recognised document: its items (main first) and the campaign phases it defines.
#[derive(Debug, Clone)]
pub struct Document {
    pub items: Vec<Item>,
    pub phases: Vec<phases::Phase>,
    /// Title of the plan that defines the phases (the campaign's name).
    pub campaign_title: Option<String>,
}

/// The warning on an official document whose signature names its organ without a date.
pub const UNDATED: &str = "落款只有发文机关，没有成文日期";

/// Recognises a whole document.
pub fn recognize(lines: Vec<Line>, rep: &mut Report) -> Document {
    recognize_with(lines, &[], rep)
}

/// Recognises a whole document whose page offers `files` (line, name as listed) to download:
/// the attachments its 附件说明 names and only those files hold ([`downloads`]).
pub fn recognize_with(lines: Vec<Line>, files: &[(usize, String)], rep: &mut Report) -> Document {
    if lines.is_empty() {
        rep.warning(0, 0, "文件没有任何文字内容，未导入");
        return Document {
            items: Vec::new(),
            phases: Vec::new(),
            campaign_title: None,
        };
    }
    let (lines, closing) = tail::take_closing(lines, rep);
    let (front, attachment_parts) = attach::split_attachments(lines);
    let head = head::read_head(&front, rep);
    let mut main = Item::new(head.kind, Role::Main);
    head.apply(&mut main);
    closing.apply(&mut main);
    let read_rest;
    let mut rest = &front[head.end..];
    if main.kind == Kind::Briefing {
        read_rest = briefing::read(&mut main, rest, rep);
        rest = &read_rest;
    } else if main.kind == Kind::Speech {
        read_rest = speech::read(&mut main, rest, rep);
        rest = &read_rest;
    }

    // The main body runs to the signature; a 印发 notice continues with the plan it issues.
    let sig = tail::find_signature(rest);
    let mut items = Vec::new();
    let mut issued: Option<Item> = None;
    let main_body = match &sig {
        Some(s) => {
            s.apply(&mut main);
            if let (true, Ok(d)) = (s.digits_only, &s.date) {
                rep.warning(
                    s.date_line,
                    1,
                    format!(
                        "成文日期只有数字，缺少年、月、日，已按 {} 读取",
                        crate::gongwen::date::chinese(*d)
                    ),
                )
                .with_hint("核对原件的成文日期；若不对，请改正前置信息中的 date");
            }
            for l in &rest[s.start..s.end] {
                tail::take_note(&l.plain(), &mut main);
            }
            let mut after = &rest[s.end..];
            // 附注 such as "（此件公开发布）" stands right under the date.
            while let Some(first) = after.first() {
                if !tail::take_note(&first.plain(), &mut main) {
                    break;
                }
                after = &after[1..];
            }
            if !after.is_empty() {
                if main.kind == Kind::Notice
                    && (main.title.contains("印发") || main.title.contains("转发"))
                {
                    issued = Some(issued::read_issued(after, &main, rep));
                } else {
                    rep.warning(
                        after[0].no,
                        1,
                        "署名和成文日期之后还有文字，无法判断其归属，已附在正文末尾",
                    )
                    .with_hint("请核对导入结果，必要时把这些文字移到正确的位置");
                }
            }
            let mut body = rest[..s.start].to_vec();
            if issued.is_none() {
                body.extend_from_slice(after);
            }
            body
        }
        None if (matches!(main.kind, Kind::Letter | Kind::Form | Kind::Pledge)
            || main.kind.is_official())
            && main.issuer.is_empty()
            && let Some((start, names)) = tail::undated_block(rest) =>
        {
            // A letter, or a plan or notice, signed by its organ alone, without a date.
            let last = &rest[rest.len() - 1];
            rep.info(
                last.no,
                1,
                format!("“{}”按落款（没有日期）写入 issuer", names.join("、")),
            );
            if main.kind.is_official() {
                rep.warning(last.no, 1, UNDATED)
                    .with_hint("核对原件的成文日期，在前置信息中补上 date，例如 date: 2023-04-06");
            }
            main.issuer = names;
            main.undated_signature = Some(last.no);
            rest[..start].to_vec()
        }
        None => {
            if main.kind.is_official() {
                let no = rest.first().map_or(0, |l| l.no);
                rep.warning(no, 0, "未找到发文机关署名和成文日期")
                    .with_hint("在正文后单独一行写发文机关，下一行写成文日期，如“2023年4月6日”");
            }
            rest.to_vec()
        }
    };
    if main.date.is_none() && !main.kind.is_official() {
        rep.warning(main.line, 0, "未找到日期，导入的文件中没有 date")
            .with_hint("在前置信息中补上 date，例如 date: 2021-10-20（网站按日期排序）");
    }
    if main.issuer.is_empty() {
        rep.warning(main.line, 0, "未识别出发文机关，导入的文件中没有 issuer")
            .with_hint("在前置信息中补上 issuer（发文机关全称）");
    }
    check_title_issuer(&main, rep);
    main.body = tail::take_body_elements(main_body, &mut main, rep);
    if main.kind == Kind::Slogans {
        (main.lead, main.body) = slogans::slogan_items(std::mem::take(&mut main.body), rep);
    } else {
        main.body = rejoin(std::mem::take(&mut main.body), rep);
    }
    items.push(main);
    if let Some(plan) = issued {
        items.push(plan);
    }
    // Attachments belong to the issued plan when there is one, else to the main document.
    let owner = items.len() - 1;
    let mut phase_list = Vec::new();
    let mut campaign_title = None;
    let phase_source = if items[owner].kind == Kind::Plan {
        owner
    } else {
        0
    };
    // A notice that runs a campaign itself ("关于开展…的通知") may set out its phases under
    // a 时间安排 heading of its own.
    let own_steps = items[phase_source].kind == Kind::Notice
        && phases::has_steps_section(&items[phase_source].body);
    if items[phase_source].kind == Kind::Plan || own_steps {
        let year = items[phase_source].date.map(|d| d.year());
        phase_list = phases::find_phases(&items[phase_source].body, year, rep);
        schedule::chain_starts(&mut phase_list, items[phase_source].date, rep);
        if !phase_list.is_empty() || items[phase_source].role == Role::Issued {
            campaign_title = Some(phases::campaign_title(&items[phase_source].title));
        }
    }
    let none_follow = attachment_parts.is_empty();
    for (n, part) in attachment_parts.into_iter().enumerate() {
        let mut att = attach::read_attachment(part, n + 1, &items[owner], rep);
        att.phase = phases::phase_mentioning(&phase_list, n + 1);
        att.body = rejoin(std::mem::take(&mut att.body), rep);
        items.push(att);
        let idx = items.len() - 1;
        items[owner].attachments.push(idx);
    }
    if none_follow {
        for mut att in downloads::offered(&items[owner], files, rep) {
            if let Role::Attachment(n) = att.role {
                att.phase = phases::phase_mentioning(&phase_list, n);
            }
            items.push(att);
            let idx = items.len() - 1;
            items[owner].attachments.push(idx);
        }
    }
    attach::check_names(&items, owner, rep);
    if items[0].role == Role::Main && items.len() > 1 && items[1].role == Role::Issued {
        items[0].attachments.insert(0, 1);
    }
    Document {
        items,
        phases: phase_list,
        campaign_title,
    }
}

/// gongwen.md §10: the text before 关于 in a title is empty or the issuer's name.
fn check_title_issuer(main: &Item, rep: &mut Report) {
    let Some((before, _)) = main.title.split_once("关于") else {
        return;
    };
    if before.is_empty() || main.issuer.is_empty() {
        return;
    }
    let joined = main.issuer.join("、");
    if before != joined && !main.issuer.iter().any(|i| i == before) {
        rep.warning(
            main.line,
            1,
            format!("标题中的发文机关“{before}”与署名“{joined}”不一致"),
        )
        .with_hint("标题中的发文机关应写全称，与署名一致");
    }
}

#[cfg(test)]
mod tests;
