//! A message forwarded from a webmail, copied with its headers: the outer message's subject
//! ("转发：…"), its 发件人/时间/收件人/抄送 lines, the forwarder's note and signature, then
//! "-------- 转发的邮件 --------" with the forwarded message's own header and note, and only
//! then the document pasted into the body; after it the sender's signature (from a line "--")
//! and the list of the mail's attachments. Everything above the document and from the "--"
//! on is the mail's.

use super::{Gone, drop_all};
use crate::gongwen::chars::is_blank;
use crate::import::Line;
use crate::import::recognize::docno::parse_doc_no;
use crate::import::recognize::head::is_organ;
use crate::import::recognize::kind::of_title;

const HEADERS: &[&str] = &[
    "发件人",
    "收件人",
    "抄送",
    "密送",
    "时间",
    "日期",
    "主题",
    "发送时间",
    "发件时间",
];

/// The label of a mail header line ("发件人：…", "抄　送：…").
fn header(t: &str) -> Option<&'static str> {
    let s: String = t.chars().filter(|c| !is_blank(*c)).collect();
    HEADERS
        .iter()
        .find(|h| s.starts_with(*h) && s[h.len()..].starts_with(['：', ':']))
        .copied()
}

/// "-------- 转发的邮件 --------", "----- 原始邮件 -----", "---------- Forwarded message".
fn is_forward_marker(t: &str) -> bool {
    t.starts_with('-')
        && [
            "转发的邮件",
            "原始邮件",
            "Forwarded message",
            "Original Message",
        ]
        .iter()
        .any(|w| t.contains(w))
}

/// Where a document starts: its 发文机关 line over a 文号 or title, its 文号, or its title.
fn starts_document(lines: &[Line], k: usize) -> bool {
    let t = lines[k].plain();
    let titled = |t: &str| {
        of_title(&t.replace(is_blank, "")).is_some()
            && t.chars().count() <= 80
            && !t.contains('。')
            && !t.ends_with(['：', ':'])
    };
    let next = || lines[k + 1..].iter().take(3).map(Line::plain);
    is_organ(&t) && next().any(|n| parse_doc_no(&n).is_some() || titled(&n))
        || parse_doc_no(&t).is_some() && t.chars().count() <= 30
        || titled(&t)
}

/// Takes a forwarded mail's headers, notes and signatures out; other lines are left alone.
pub fn take(mut lines: Vec<Line>, gone: &mut Gone) -> Vec<Line> {
    let is_mail = lines
        .iter()
        .take(4)
        .any(|l| header(&l.plain()) == Some("发件人"));
    if !is_mail {
        return lines;
    }
    // The last header line of the last message (a block opened by 发件人).
    let mut last = None;
    let mut in_block = false;
    for (i, l) in lines.iter().enumerate() {
        let t = l.plain();
        match header(&t) {
            Some("发件人") => in_block = true,
            Some(_) if in_block => {}
            _ => {
                in_block = false;
                continue;
            }
        }
        last = Some(i);
    }
    let Some(h) = last else { return lines };
    // The sender's note between the header and the document.
    let start = (h + 1..lines.len().min(h + 12))
        .find(|&k| starts_document(&lines, k))
        .unwrap_or(h + 1);
    let tail = (start..lines.len()).find(|&k| lines[k].plain() == "--");
    if let Some(cut) = tail {
        drop_all(gone, "邮件签名和邮件附件列表", lines.drain(cut..));
    }
    let head: Vec<Line> = lines.drain(..start).collect();
    let (hdrs, notes): (Vec<Line>, Vec<Line>) = head
        .into_iter()
        .partition(|l| header(&l.plain()).is_some() || is_forward_marker(&l.plain()));
    drop_all(gone, "邮件头（发件人、收件人、主题等）", hdrs);
    drop_all(gone, "邮件的主题、附言和签名", notes);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forwarded_mail() {
        let text = "转发：关于开展安全检查的通知\n发件人：镇应急办 <a@b.cn>\n时　间：2024年3月2日\n收件人：小王 <c@b.cn>\n\n小王：\n请上网。\n老李\n-------- 转发的邮件 --------\n发件人：\"县安办\" <x@b.cn>\n主　题：关于开展安全检查的通知\n各乡镇：\n现将通知发给你们，请落实。\n外山县安全生产委员会办公室\n外安办〔2024〕3号\n外山县安全生产委员会办公室关于开展安全检查的通知\n各乡镇：\n请认真检查。\n--\n县安办 林敏\n附件(1 个)\n通知.pdf (1 KB)　预览　下载";
        let lines = Line::numbered(text.lines().filter(|l| !l.is_empty()));
        let mut gone = Gone::new();
        let kept: Vec<String> = take(lines, &mut gone).into_iter().map(|l| l.text).collect();
        assert_eq!(
            kept,
            [
                "外山县安全生产委员会办公室",
                "外安办〔2024〕3号",
                "外山县安全生产委员会办公室关于开展安全检查的通知",
                "各乡镇：",
                "请认真检查。"
            ]
        );
    }

    #[test]
    fn not_a_mail() {
        let lines = Line::numbered(["关于开展检查的通知", "各村：", "时间：3月1日。"]);
        assert_eq!(take(lines, &mut Gone::new()).len(), 3);
    }
}
