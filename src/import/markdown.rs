//! Turns an item's body lines into Markdown: 公文 headings standing alone become Markdown
//! headings (`## 一、` `### （一）` `#### 1．`), run-in headings a bold lead
//! (`**（一）加强领导。**正文…`), slogan sets a list; everything else stays as written.
//!
//! Complexity: O(n) in the bytes of the body lines: each line is read once for its ordinal (at
//! most the first 12 characters), its first 。 and its escapes, and appended once to the output.

use super::recognize::Item;
use super::{Line, Report};
use crate::gongwen::Kind;
use crate::gongwen::chars::is_blank;
use crate::gongwen::ordinal::prefix;

/// The Markdown body of `item`.
pub fn body(item: &Item, rep: &mut Report) -> String {
    let mut fixed = Vec::new();
    let mut out = String::new();
    let mut prev_table = false;
    // A slogan set's introduction stands above its list.
    for line in &item.lead {
        out.push_str(&paragraph(line, &mut fixed));
        out.push_str("\n\n");
    }
    for line in &item.body {
        let md = if item.kind == Kind::Slogans {
            format!("- {}", escape_start(&line.text))
        } else {
            paragraph(line, &mut fixed)
        };
        let table = md.starts_with('|');
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push_str(if (table && prev_table) || item.kind == Kind::Slogans {
                "\n"
            } else {
                "\n\n"
            });
        }
        out.push_str(&md);
        prev_table = table;
    }
    out.push('\n');
    if let Some(first) = fixed.first() {
        let lines: Vec<String> = fixed.iter().map(usize::to_string).collect();
        rep.info(
            *first,
            1,
            format!(
                "序号的半角括号已改为全角（如“(一)”→“（一）”），共 {} 处，见第 {} 行",
                fixed.len(),
                lines.join("、")
            ),
        );
    }
    out
}

/// One paragraph: heading, run-in heading or plain text.
fn paragraph(line: &Line, fixed: &mut Vec<usize>) -> String {
    if line.text.starts_with('|') {
        return line.text.clone();
    }
    let plain = line.plain();
    let Some((ord, len)) = prefix(&plain) else {
        return escape_start(&line.text);
    };
    if ord.level > 3 {
        return escape_start(&line.text);
    }
    let (num, rest) = plain.split_at(len);
    let mut num = num.to_string();
    if ord.level == 2 && num.contains(['(', ')']) {
        fixed.push(line.no);
        num = num.replace('(', "（").replace(')', "）");
    }
    let rest = rest.trim_start_matches(is_blank);
    let spaced = if ord.level == 3 && plain[..len].len() < plain.len() - rest.len() {
        " "
    } else {
        ""
    };
    let n = rest.chars().count();
    if n <= 40 && !rest.contains(['。', '；', '！', '？']) && !rest.ends_with(['：', ':']) {
        return format!(
            "{} {num}{spaced}{rest}",
            "#".repeat(usize::from(ord.level) + 1)
        );
    }
    if let Some(pos) = rest.find('。') {
        let (head, tail) = rest.split_at(pos + '。'.len_utf8());
        if head.chars().count() <= 40 && !tail.is_empty() {
            return format!("**{num}{spaced}{head}**{tail}");
        }
    }
    escape_start(&line.text)
}

/// Escapes what Markdown would read as block syntax at the start of a paragraph.
fn escape_start(s: &str) -> String {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && s[digits..].starts_with(['.', ')']) && s[digits + 1..].starts_with([' ', '\t'])
    {
        return format!("{}\\{}", &s[..digits], &s[digits..]);
    }
    if s.starts_with(['#', '>', '+', '-', '=', '`', '~'])
        || (s.starts_with('*') && !s.starts_with("**"))
    {
        return format!("\\{s}");
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::recognize::Role;

    fn md(lines: &[&str], kind: Kind) -> String {
        let mut item = Item::new(kind, Role::Main);
        item.body = Line::numbered(lines);
        body(&item, &mut Report::new("t.txt"))
    }

    #[test]
    fn headings() {
        let out = md(
            &[
                "一、总体目标",
                "（一）造强宣传声势（2023年4月底前）",
                "(二) 深入实施“示范工程”。镇安办要注重构建工作架构。",
                "**2. 常态化开展安全生产宣传教育培训。**持续加大力度。",
                "1.管理达标。镇安办要坚持。",
                "一是认真组织学习。要结合活动。",
                "2021 年以来，成效明显。",
                "1. 这一句是完整的句子。",
            ],
            Kind::Notice,
        );
        let paras: Vec<&str> = out.trim_end().split("\n\n").collect();
        assert_eq!(paras[0], "## 一、总体目标");
        assert_eq!(paras[1], "### （一）造强宣传声势（2023年4月底前）");
        assert_eq!(
            paras[2],
            "**（二）深入实施“示范工程”。**镇安办要注重构建工作架构。"
        );
        assert_eq!(
            paras[3],
            "**2. 常态化开展安全生产宣传教育培训。**持续加大力度。"
        );
        assert_eq!(paras[4], "**1.管理达标。**镇安办要坚持。");
        assert_eq!(paras[5], "一是认真组织学习。要结合活动。");
        assert_eq!(paras[6], "2021 年以来，成效明显。");
        assert_eq!(paras[7], "1\\. 这一句是完整的句子。");
    }

    #[test]
    fn slogans_are_a_list() {
        assert_eq!(
            md(&["安全第一。", "预防为主。"], Kind::Slogans),
            "- 安全第一。\n- 预防为主。\n"
        );
        let mut item = Item::new(Kind::Slogans, Role::Main);
        item.lead = Line::numbered(["请各村转发使用。"]);
        item.body = Line::numbered(["安全第一。", "预防为主。"]);
        assert_eq!(
            body(&item, &mut Report::new("t.txt")),
            "请各村转发使用。\n\n- 安全第一。\n- 预防为主。\n"
        );
    }
}
