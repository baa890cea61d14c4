//! Attachments: each "附件N" part becomes its own item of the type its title (or content)
//! shows — letter, 告知书, 承诺书, slogan set, case…
//!
//! Complexity: O(n) in the bytes of the lines: each line is tested once as a 附件 marker, each
//! part is read once (title block, signature, body elements), and the names are compared once
//! each.

use super::head::split_addressees;
use super::kind::of_title;
use super::slogans::slogan_items;
use super::tail::{find_signature, take_body_elements};
use super::title::{set_title, title_block};
use super::{Item, Role};
use crate::gongwen::Kind;
use crate::gongwen::chars::{is_blank, is_digit};
use crate::gongwen::numerals::{is_numeral, value};
use crate::gongwen::ordinal::prefix;
use crate::import::{Line, Report};

/// The number of a standalone "附件" / "附件1" / "附件 2：" marker line (0 when unnumbered).
pub fn marker_number(t: &str) -> Option<usize> {
    let rest = t.strip_prefix("附件")?;
    let rest: String = rest.chars().filter(|c| !is_blank(*c)).collect();
    let rest = rest.trim_end_matches(['：', ':']);
    if rest.is_empty() {
        return Some(0);
    }
    value(rest).map(|n| n as usize)
}

/// "附件1：致企业的一封信" — a numbered marker with the title on the same line: the number
/// and the title.
fn marker_with_title(t: &str) -> Option<(usize, String)> {
    let rest = t.strip_prefix("附件")?.trim_start_matches(is_blank);
    let digits: String = rest
        .chars()
        .take_while(|&c| is_digit(c) || is_numeral(c))
        .collect();
    let after = rest[digits.len()..].strip_prefix(['：', ':', ' ', '\u{3000}'])?;
    let title = after.trim_matches(is_blank);
    let n = value(&digits)? as usize;
    (!title.is_empty()).then(|| (n, title.to_string()))
}

/// Splits the lines before the first attachment marker from the attachment parts (each
/// starting with its marker line; an inline title becomes the next line).
pub fn split_attachments(lines: Vec<Line>) -> (Vec<Line>, Vec<Vec<Line>>) {
    let mut front = Vec::new();
    let mut parts: Vec<Vec<Line>> = Vec::new();
    for line in lines {
        let t = line.plain();
        if marker_number(&t).is_some() {
            parts.push(vec![line]);
        } else if let Some((n, title)) = marker_with_title(&t) {
            let marker = Line {
                no: line.no,
                text: format!("附件{n}"),
            };
            parts.push(vec![
                marker,
                Line {
                    no: line.no,
                    text: title,
                },
            ]);
        } else if let Some(p) = parts.last_mut() {
            p.push(line);
        } else {
            front.push(line);
        }
    }
    (front, parts)
}

/// Reads attachment `n` (its marker line first) of `owner`.
pub fn read_attachment(part: Vec<Line>, n: usize, owner: &Item, rep: &mut Report) -> Item {
    let marker = &part[0];
    let shown = marker_number(&marker.plain()).unwrap_or(0);
    if shown != 0 && shown != n {
        rep.warning(
            marker.no,
            1,
            format!("附件编号是 {shown}，但按顺序应为 {n}"),
        )
        .with_hint("核对附件的编号和附件说明");
    }
    let (title_lines, used) = title_block(&part, 1);
    let mut body: Vec<Line> = part[used..].to_vec();
    let title: String = title_lines.iter().map(|(_, t)| t.as_str()).collect();
    let kind = of_title(&title).or_else(|| looks_like_slogans(&body).then_some(Kind::Slogans));
    let kind = kind.unwrap_or_else(|| {
        rep.warning(
            marker.no,
            1,
            format!("无法判断附件 {n}“{title}”的类型，按普通页面导入"),
        )
        .with_hint(
            "导入后把文件移到正确的栏目（letters、slogans、cases…），并在前置信息中填写 type",
        );
        Kind::Page
    });
    let mut item = Item::new(kind, Role::Attachment(n));
    item.line = title_lines.first().map_or(marker.no, |t| t.0);
    if title_lines.is_empty() {
        rep.warning(marker.no, 1, format!("附件 {n} 没有可识别的标题"))
            .with_hint("在“附件N”的下一行写附件标题");
    }
    set_title(&mut item, &title_lines);
    if kind == Kind::Letter
        && let Some(first) = body.first()
    {
        let t = first.plain();
        if t.ends_with(['：', ':']) && t.chars().count() <= 40 && !t.starts_with('_') {
            item.addressees = split_addressees(&t);
            body.remove(0);
        }
    }
    if let Some(sig) = find_signature(&body)
        && sig.end == body.len()
    {
        match &sig.date {
            Ok(_) => sig.apply(&mut item),
            Err(e) => {
                rep.warning(sig.date_line, 1, format!("附件 {n} 的日期无法识别：{e}"))
                    .with_hint("核对日期");
            }
        }
        body.truncate(sig.start);
    }
    if item.date.is_none() {
        item.date = owner.date;
    }
    // An unsigned letter, 告知书 or 承诺书 goes out under the document that carries it.
    if item.issuer.is_empty() && matches!(kind, Kind::Letter | Kind::Form | Kind::Pledge) {
        item.issuer = owner.issuer.clone();
    }
    body = take_body_elements(body, &mut item, rep);
    if kind == Kind::Slogans {
        (item.lead, body) = slogan_items(body, rep);
    }
    item.body = body;
    item
}

fn looks_like_slogans(body: &[Line]) -> bool {
    body.len() >= 2
        && body.iter().all(|l| {
            let t = l.plain();
            prefix(&t).is_some_and(|(o, _)| o.level == 3) && t.chars().count() <= 60
        })
}

/// Compares the 附件说明 of `owner` with the attachments' titles, in order.
pub fn check_names(items: &[Item], owner: usize, rep: &mut Report) {
    let o = &items[owner];
    let titles: Vec<&Item> = o.attachments.iter().map(|&i| &items[i]).collect();
    if o.attachment_names.len() != titles.len() {
        rep.warning(
            titles.first().map_or(o.line, |t| t.line),
            0,
            format!(
                "附件说明列出 {} 个附件，正文后实际有 {} 个附件",
                o.attachment_names.len(),
                titles.len()
            ),
        )
        .with_hint("核对附件说明与附件是否一一对应");
    }
    for (k, (name, att)) in o.attachment_names.iter().zip(&titles).enumerate() {
        if crate::gongwen::chars::without_blanks(name)
            != crate::gongwen::chars::without_blanks(&att.title)
        {
            rep.warning(
                att.line,
                1,
                format!(
                    "附件说明中的第 {} 个名称“{name}”与附件标题“{}”不一致",
                    k + 1,
                    att.title
                ),
            )
            .with_hint("附件说明的名称应与附件标题完全一致，请核对后改正其一");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert_eq!(marker_number("附件"), Some(0));
        assert_eq!(marker_number("附件1"), Some(1));
        assert_eq!(marker_number("附件 2"), Some(2));
        assert_eq!(marker_number("附件二："), Some(2));
        assert_eq!(marker_number("附件：1. 标语"), None);
        assert_eq!(
            marker_with_title("附件1：致企业的一封信"),
            Some((1, "致企业的一封信".into()))
        );
        assert_eq!(
            marker_with_title("附件 2 宣传标语"),
            Some((2, "宣传标语".into()))
        );
        assert_eq!(
            marker_with_title("附件３：宣传标语"),
            Some((3, "宣传标语".into()))
        );
        assert_eq!(marker_with_title("附件：1. 标语"), None);
        assert_eq!(marker_with_title("附件1所列单位"), None);
    }
}
