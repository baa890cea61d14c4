//! The elements after the 正文: 附件说明, 联系人, 附注, the signature with 成文日期, and the
//! 版记 (抄送, 印发机关和印发日期).
//!
//! Complexity: `take_closing` and `take_body_elements` read each line once (linear).
//! [`find_signature`] reads, on each line up to the signature, a date line starting at each
//! position of the line's tail (its last 32 visible characters and the blanks among them):
//! O(W²) per line for a tail of W characters, so O(n + lines·W²) with W > 32 only through
//! blanks inside the tail.

use chrono::NaiveDate;

use super::Item;
use super::head::{is_organ, split_addressees};
use crate::gongwen::Kind;
use crate::gongwen::chars::is_blank;
use crate::gongwen::date_line;
use crate::gongwen::ordinal::prefix;
use crate::import::{Line, Report};

/// The 版记 found anywhere in the document.
#[derive(Debug, Clone, Default)]
pub struct Closing {
    pub copy_to: Vec<String>,
    pub printed_by: Option<String>,
    pub printed_date: Option<NaiveDate>,
}

impl Closing {
    pub fn apply(&self, item: &mut Item) {
        item.copy_to = self.copy_to.clone();
        item.printed_by = self.printed_by.clone();
        item.printed_date = self.printed_date;
    }
}

/// Splits "organ   2024年1月26日" into the organ and the date; the date must end the text.
/// Non-blank characters of the longest date worth trying (二〇二三年十二月二十六日 has 12).
const MAX_DATE_CHARS: usize = 32;

pub fn organ_and_date(t: &str) -> Option<(String, Result<NaiveDate, String>)> {
    // A date is the last few characters of the line: trying every suffix of a long line made
    // importing a file with one huge line quadratic (found by the `import` fuzz target).
    let mut seen = 0;
    let from = t
        .char_indices()
        .rev()
        .take_while(|(_, c)| {
            seen += usize::from(!c.is_whitespace());
            seen <= MAX_DATE_CHARS
        })
        .last()
        .map_or(t.len(), |(b, _)| b);
    for (b, _) in t[from..].char_indices().map(|(b, c)| (b + from, c)) {
        if let Some(d) = date_line::parse(&t[b..]) {
            return Some((t[..b].trim_matches(is_blank).to_string(), d));
        }
    }
    None
}

/// Removes the 抄送 and 印发 lines and returns them.
pub fn take_closing(lines: Vec<Line>, rep: &mut Report) -> (Vec<Line>, Closing) {
    let mut closing = Closing::default();
    let mut kept = Vec::new();
    for line in lines {
        let t = line.plain();
        if let Some(rest) = t
            .strip_prefix("抄送")
            .map(|r| r.trim_start_matches(['：', ':']))
        {
            closing.copy_to = split_addressees(rest.trim_end_matches('。'));
            continue;
        }
        if let Some(body) = t.strip_suffix("印发")
            && let Some((organ, date)) = organ_and_date(body)
            && !organ.is_empty()
            && organ.chars().count() <= 30
        {
            match date {
                Ok(d) => closing.printed_date = Some(d),
                Err(e) => {
                    rep.warning(line.no, 1, format!("印发日期无法识别：{e}"))
                        .with_hint("核对印发日期");
                }
            }
            closing.printed_by = Some(organ);
            continue;
        }
        kept.push(line);
    }
    (kept, closing)
}

/// The 署名 and 成文日期 block: lines `start..end`.
#[derive(Debug, Clone)]
pub struct Signature {
    pub start: usize,
    pub end: usize,
    pub issuers: Vec<String>,
    pub date: Result<NaiveDate, String>,
    pub date_line: usize,
    /// The date was read from digits alone ("2024318"): the user is asked to check it.
    pub digits_only: bool,
}

impl Signature {
    /// Sets issuer (the signature's full name wins over a 版头 short name) and date.
    pub fn apply(&self, item: &mut Item) {
        if !self.issuers.is_empty() {
            item.issuer = self.issuers.clone();
        }
        item.date = self.date.as_ref().ok().copied();
    }
}

/// The organ names on a signature line (several when separated by spaces).
fn organs(t: &str) -> Option<Vec<String>> {
    let names: Vec<String> = t
        .split(is_blank)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    (!names.is_empty() && names.iter().all(|n| is_organ(n))).then_some(names)
}

/// The organ names of an undated signature: the last line of a letter or a 告知书 naming
/// its organ alone.
pub fn undated_signature(t: &str) -> Option<Vec<String>> {
    organs(t)
}

/// An undated signature closing `lines`: up to three organ lines at the end, as a dated
/// signature has, under a line that ends a sentence (or a letter's "此致 敬礼"). Returns where
/// it starts and the organs. (An organ under "办公室设在：" finishes the sentence and is no
/// signature.)
pub fn undated_block(lines: &[Line]) -> Option<(usize, Vec<String>)> {
    let mut start = lines.len();
    let mut names = Vec::new();
    while start > 1 && lines.len() - start < 3 {
        let Some(n) = undated_signature(&lines[start - 1].plain()) else {
            break;
        };
        names.splice(0..0, n);
        start -= 1;
    }
    let before = lines.get(start.checked_sub(1)?)?.plain();
    let before = before.trim_end_matches(crate::gongwen::chars::is_blank);
    let ends = before.ends_with([
        '。', '！', '？', '!', '?', '；', '…', '”', '’', '）', ')', '】',
    ]) || before.ends_with("敬礼");
    (start < lines.len() && ends).then_some((start, names))
}

/// Finds the first signature block: organ lines followed by a date line (or one line with
/// both, or a date line alone).
pub fn find_signature(lines: &[Line]) -> Option<Signature> {
    // "2024318" under the organ: a date whose 年, 月 and 日 the page lost — only at the end of
    // the document, where the signature stands (a list of organs and their phone numbers is
    // body text), with nothing after it but 附注 in brackets (from `notes_from` on).
    let mut notes_from = lines.len();
    while notes_from > 0 && lines[notes_from - 1].plain().starts_with(['（', '(']) {
        notes_from -= 1;
    }
    for (i, line) in lines.iter().enumerate() {
        let t = line.plain();
        let (organ, date, digits_only) = if let Some((organ, date)) = organ_and_date(&t) {
            (organ, date, false)
        } else if let Some(d) = i
            .checked_sub(1)
            // (A 附注 "（此件公开发布）" may stand between the organ and the date.)
            .map(|k| match k.checked_sub(1) {
                Some(j) if lines[k].plain().starts_with("（此件") => j,
                _ => k,
            })
            .filter(|&k| i + 1 >= notes_from && organs(&lines[k].plain()).is_some())
            // (Digits apart are a row of figures when another such row stands above: a list
            // of organs and their quantities.)
            .filter(|&k| {
                date_line::figures(&t).is_none()
                    || !lines[..k]
                        .iter()
                        .any(|l| date_line::figures(&l.plain()).is_some())
            })
            .and_then(|_| date_line::digits_under_organ(&t))
        {
            (String::new(), Ok(d), true)
        } else {
            continue;
        };
        if !organ.is_empty() && organs(&organ).is_none() {
            continue;
        }
        // The organ lines end above the date, or above a 附注 over digits (taken by the caller).
        let top = if digits_only && lines[i - 1].plain().starts_with("（此件") {
            i - 1
        } else {
            i
        };
        let mut start = top;
        let mut issuers: Vec<String> = Vec::new();
        if organ.is_empty() {
            while start > 0 && top - start < 3 && organs(&lines[start - 1].plain()).is_some() {
                start -= 1;
            }
            issuers.extend(
                lines[start..top]
                    .iter()
                    .flat_map(|l| organs(&l.plain()).unwrap_or_default()),
            );
        } else {
            issuers.extend(organs(&organ).unwrap_or_default());
        }
        return Some(Signature {
            start,
            end: i + 1,
            issuers,
            date,
            date_line: line.no,
            digits_only,
        });
    }
    None
}

/// Moves 附件说明 and the 附注 in parentheses closing the text (see [`take_note`]) from
/// `lines` into `item`; returns the rest. A line "联系人：…，联系电话：…" in the body stays where it stands:
/// it is part of the text the office published.
pub fn take_body_elements(lines: Vec<Line>, item: &mut Item, rep: &mut Report) -> Vec<Line> {
    let mut kept = Vec::new();
    let mut in_attachment_list = false;
    // Only the 附注 closing the text are the document's: one in a section stays in it.
    let mut notes_from = lines.len();
    while notes_from > 0 && note_of(&lines[notes_from - 1].plain(), item.kind).is_some() {
        notes_from -= 1;
    }
    for (k, line) in lines.into_iter().enumerate() {
        let t = line.plain();
        if let Some(rest) = t.strip_prefix("附件：").or_else(|| t.strip_prefix("附件:")) {
            in_attachment_list = true;
            push_name(item, rest, &line, rep);
            continue;
        }
        if in_attachment_list
            && (prefix(&t).is_some_and(|(o, _)| o.level == 3) || t.starts_with("——"))
        {
            push_name(item, &t, &line, rep);
            continue;
        }
        in_attachment_list = false;
        if k >= notes_from && take_note(&t, item) {
            continue;
        }
        kept.push(line);
    }
    kept
}

/// A 附注 in parentheses: "（此件公开发布）" becomes `note` (and the 公开属性); "（联系人：…）",
/// "（联系电话：…）", "（联系人及电话：…）" `contact`. A contact is shown only under the date of
/// an official document (`gongwen::order::note_lines`); any other kind keeps it in its text.
pub fn take_note(t: &str, item: &mut Item) -> bool {
    match note_of(t, item.kind) {
        Some(Note::Publish(n)) => item.note = Some(n.to_string()),
        Some(Note::Contact(c)) => {
            item.contact = Some(match item.contact.take() {
                Some(old) => format!("{old}，{c}"),
                None => c.to_string(),
            })
        }
        None => return false,
    }
    true
}

enum Note<'a> {
    /// "此件公开发布".
    Publish(&'a str),
    /// "李华，电话：…" (after "联系人："), or "联系电话：…" whole.
    Contact(&'a str),
}

fn note_of(t: &str, kind: Kind) -> Option<Note<'_>> {
    let inner = t
        .strip_prefix(['（', '('])
        .and_then(|s| s.strip_suffix(['）', ')']))?;
    if inner.starts_with("此件") {
        return Some(Note::Publish(inner));
    }
    let contact = ["联系人", "联系电话", "联系方式"]
        .iter()
        .any(|w| inner.starts_with(w));
    if !contact || !kind.is_official() {
        return None;
    }
    Some(Note::Contact(
        inner
            .strip_prefix("联系人")
            .and_then(|c| c.strip_prefix(['：', ':']))
            .unwrap_or(inner),
    ))
}

fn push_name(item: &mut Item, text: &str, line: &Line, rep: &mut Report) {
    let t = text.trim_matches(is_blank);
    if let Some(sub) = t.strip_prefix("——")
        && let Some(last) = item.attachment_names.last_mut()
    {
        last.push_str("——");
        last.push_str(sub.trim_matches(is_blank));
        return;
    }
    let name = match prefix(t) {
        Some((o, len)) if o.level == 3 => &t[len..],
        _ => t,
    };
    let name = name.trim_matches(is_blank);
    let trimmed = name.trim_end_matches(['。', '；', ';', '，', ',']);
    if trimmed.len() != name.len() {
        rep.info(line.no, 1, format!("附件名称“{trimmed}”末尾的标点已去掉"));
    }
    // A portal links the attachment's file: "附件：值班表.xlsx" names the attachment 值班表.
    let lower = trimmed.to_ascii_lowercase();
    let trimmed = match [".docx", ".doc", ".pdf", ".xlsx", ".xls", ".wps", ".ofd"]
        .iter()
        .find(|e| lower.ends_with(*e))
    {
        Some(e) => {
            let (stem, ext) = trimmed.split_at(trimmed.len() - e.len());
            rep.info(
                line.no,
                1,
                format!("附件名称“{stem}”后的文件扩展名“{ext}”已去掉"),
            );
            stem
        }
        None => trimmed,
    };
    if !trimmed.is_empty() {
        item.attachment_names.push(trimmed.to_string());
    }
}
