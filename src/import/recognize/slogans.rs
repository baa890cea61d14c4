//! A slogan set's items: the numbers they open with (1. 2、 一、 01) stripped, and the
//! introduction before them set apart from the slogans.

use crate::gongwen::chars::is_blank;
use crate::gongwen::ordinal::prefix;
use crate::import::{Line, Report};

/// The length in bytes of the number a slogan opens with: `1.` `2、` `3．` (or 一、二、 in some
/// sets) as 公文 number their items, or two digits set apart by blanks as a WeChat article
/// prints them ("01  人人讲安全，个个会应急。").
fn slogan_number(t: &str) -> Option<usize> {
    match prefix(t) {
        Some((o, len)) if o.level == 3 || o.level == 1 => return Some(len),
        _ => {}
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &t[digits..];
    (digits == 2 && rest.starts_with(is_blank) && !rest.trim_matches(is_blank).is_empty())
        .then_some(digits)
}

/// A paragraph introducing a set of slogans ("现将…宣传标语公布如下，请…选用。"): longer than
/// a slogan and made of sentences, or closed by a colon.
fn is_intro(t: &str) -> bool {
    let inner = t.trim_end_matches(['。', '：', ':', '！']);
    t.chars().count() > 40
        && (inner.contains(['。', '！', '；']) || t.ends_with(['：', ':']) || t.contains("如下"))
}

/// Splits a slogan set's body into its introduction and its slogans, and strips the
/// numbering of each slogan. When the slogans are numbered, the unnumbered lines before the
/// first of them (a lead paragraph, a heading) introduce the set and are no slogans; any
/// other unnumbered line is kept as a slogan of its own and reported. Unnumbered slogans are
/// introduced only by paragraphs no slogan could be ([`is_intro`]).
pub fn slogan_items(body: Vec<Line>, rep: &mut Report) -> (Vec<Line>, Vec<Line>) {
    let numbered = |l: &Line| slogan_number(&l.plain()).is_some();
    let first = body.iter().position(numbered).unwrap_or(0);
    let mut body = body;
    let is_numbered = body.iter().filter(|l| numbered(l)).count() >= 2;
    let lead: Vec<Line> = if is_numbered {
        body.drain(..first).collect()
    } else {
        // Unnumbered slogans, one a line: a paragraph before them that no slogan could be.
        let n = body.iter().take_while(|l| is_intro(&l.plain())).count();
        if body.len() >= n + 2 {
            body.drain(..n).collect()
        } else {
            Vec::new()
        }
    };
    if let Some(l) = lead.first() {
        rep.info(
            l.no,
            1,
            format!(
                "{}前的 {} 段文字（“{}”{}）是标语集的说明，不是标语，放在标语列表之前",
                if is_numbered {
                    "第一条编号的标语"
                } else {
                    "标语"
                },
                lead.len(),
                l.plain().chars().take(20).collect::<String>(),
                if lead.len() > 1 || l.plain().chars().count() > 20 {
                    "…"
                } else {
                    ""
                }
            ),
        );
    }
    let slogans = body
        .into_iter()
        .map(|l| {
            let t = l.plain();
            match slogan_number(&t) {
                Some(len) => Line {
                    no: l.no,
                    text: t[len..].trim_matches(is_blank).to_string(),
                },
                // A bulleted list (Word's "List Bullet"): the items need no number.
                _ if t.starts_with(['•', '●', '▪', '◆']) => Line {
                    no: l.no,
                    text: t
                        .trim_start_matches(['•', '●', '▪', '◆'])
                        .trim_matches(is_blank)
                        .to_string(),
                },
                _ => {
                    rep.warning(l.no, 1, format!("标语“{t}”没有编号，已作为单独一条导入"))
                        .with_hint("若它是上一条的后半句，请在导入结果中把两行合并");
                    Line { no: l.no, text: t }
                }
            }
        })
        .collect();
    (lead, slogans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unnumbered_slogans_after_an_introduction() {
        let body = Line::numbered([
            "今年是第二十个“安全生产月”，主题为“人人讲安全”。现将我乡宣传标语印发如下，请各村在广播和宣传栏中选用。",
            "安全生产，人人有责！",
            "隐患险于明火，防范胜于救灾。",
        ]);
        let (lead, slogans) = slogan_items(body, &mut Report::new("t.txt"));
        assert_eq!(lead.len(), 1);
        assert_eq!(slogans.len(), 2);
        // A short first line is a slogan, not an introduction.
        let body = Line::numbered(["安全第一。", "预防为主。", "综合治理。"]);
        let (lead, slogans) = slogan_items(body, &mut Report::new("t.txt"));
        assert!(lead.is_empty());
        assert_eq!(slogans.len(), 3);
    }
}
