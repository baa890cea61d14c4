//! Paragraphs that a page break or a hard wrap split across lines, joined again: the first
//! is long and stops without closing punctuation, the second does not open a new item (a
//! 序次语, an enumeration, a date line, 附件：, a table row).
//!
//! Complexity: not linear when many lines join into one paragraph: whether the paragraph being
//! built is still open is decided on its whole text (`**` removed, characters counted, last
//! character) each time a line is added, so a paragraph of j lines and P bytes costs O(j·P). A
//! line that ends a sentence stops the joining, so documents with punctuation stay linear;
//! hard-wrapped text without any is quadratic in its length. Each line's own tests (ordinal,
//! date line) are linear.

use super::clean::plain;
use super::{Line, Report};
use crate::gongwen::chars::is_han;
use crate::gongwen::{date_line, ordinal};

/// Punctuation that can end a paragraph.
fn closes_paragraph(c: char) -> bool {
    "。！？；：:;!?…”’）)】」』》".contains(c)
}

/// Rejoins body paragraphs that a page break split: the first is long and stops without
/// closing punctuation, the second does not open a new item. A character repeated across the
/// break is kept and reported.
pub fn rejoin(lines: Vec<Line>, rep: &mut Report) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut joined: Vec<usize> = Vec::new();
    for line in lines {
        if let Some(prev) = out.last_mut()
            && is_open(&prev.text)
            && continues(&line.text)
        {
            let last = plain(&prev.text).chars().last();
            let first = plain(&line.text).chars().next();
            if last.is_some() && last == first && last.is_some_and(is_han) {
                let c = last.unwrap_or_default();
                rep.warning(
                    line.no,
                    1,
                    format!(
                        "分页处前后重复的字“{c}”（第 {} 行末与第 {} 行首），已原样保留",
                        prev.no, line.no
                    ),
                )
                .with_hint(format!("核对原件，若是转换造成的重复，请删去一个“{c}”"));
            }
            joined.push(line.no);
            prev.text.push_str(&line.text);
            continue;
        }
        out.push(line);
    }
    if let Some(&first) = joined.first() {
        let mut at: Vec<String> = joined.iter().take(10).map(usize::to_string).collect();
        if joined.len() > 10 {
            at.push("…".into());
        }
        rep.info(
            first,
            1,
            format!(
                "{} 处被分页或换行断开的段落已与上一行接上（第 {} 行）",
                joined.len(),
                at.join("、")
            ),
        );
    }
    out
}

fn is_open(text: &str) -> bool {
    let p = plain(text);
    let Some(last) = p.chars().last() else {
        return false;
    };
    p.chars().count() >= 30 && !closes_paragraph(last) && !text.starts_with('|')
}

fn continues(text: &str) -> bool {
    let p = plain(text);
    !p.is_empty()
        && !ordinal::numbered(&p)
        && !p.starts_with("附件：")
        && !p.starts_with("——")
        && !p.starts_with('|')
        && date_line::parse(&p).is_none()
}

#[cfg(test)]
mod tests {
    use crate::import::clean::tests::run;

    #[test]
    fn rejoins_page_breaks_and_reports_duplicates() {
        let text = "各村各单位要深入宣传“一套标准规范”“两化有机融合”等相关内容，为标\n\n标准化提升专项行动奠定坚实的基础。\n\n一、总体目标\n\n以习近平新时代中国特色社会主义思想为指导，确保各级安全生产监\n\n管人员切实把握重大意义。\n外山乡人民政府\n2023年4月6日\n";
        let (lines, rep) = run(text);
        assert_eq!(
            lines[0],
            "各村各单位要深入宣传“一套标准规范”“两化有机融合”等相关内容，为标标准化提升专项行动奠定坚实的基础。"
        );
        assert_eq!(lines[1], "一、总体目标");
        assert_eq!(
            lines[2],
            "以习近平新时代中国特色社会主义思想为指导，确保各级安全生产监管人员切实把握重大意义。"
        );
        assert_eq!(lines[3], "外山乡人民政府");
        let dup: Vec<_> = rep
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("重复的字"))
            .collect();
        assert_eq!(dup.len(), 1);
        assert_eq!(dup[0].line, 3);
    }

    #[test]
    fn rejoins_hard_wrapped_lines() {
        let text = "要积极引导辖区内各类生产经营单位通过悬挂LED滚动播放宣传标语（\n附件2）等各类方式，广泛开展宣传\n工作。\n二、有关要求\n";
        let (lines, _) = run(text);
        assert_eq!(
            lines,
            [
                "要积极引导辖区内各类生产经营单位通过悬挂LED滚动播放宣传标语（附件2）等各类方式，广泛开展宣传工作。",
                "二、有关要求"
            ]
        );
    }
}
