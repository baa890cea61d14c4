//! A Word or PDF file read in an online preview and copied page by page: the 页眉 (the
//! organ's name, the meeting's material number) stands at the top of every page, the 页脚
//! "第 1 页　共 3 页" under it (removed with the page numbers by [`crate::import::clean`]),
//! both in the middle of a paragraph. The 页眉 goes wherever it stands; the organ it names is
//! kept as a field, for a document signed by no organ (a speech).

use super::{Gone, drop_all, field};
use crate::gongwen::chars::is_blank;
use crate::import::Line;
use crate::import::recognize::head::is_organ;
use crate::import::web::meta::Field;

/// The label of the organ named by a running 页眉.
pub const HEADER: &str = "页眉";

/// Takes a running 页眉 out: the first line, standing again further down (on later pages).
pub fn take(mut lines: Vec<Line>, gone: &mut Gone, fields: &mut Vec<Field>) -> Vec<Line> {
    let Some(first) = lines.first().map(Line::plain) else {
        return lines;
    };
    let again: Vec<usize> = (1..lines.len())
        .filter(|&k| lines[k].plain() == first)
        .collect();
    // Two parts set apart by a run of blanks (left and right of the 页眉), or standing on
    // three pages or more; never a title repeated just under a portal's heading.
    let spread = first.contains("\u{3000}\u{3000}") || first.contains("    ");
    let running = first.chars().count() <= 80
        && !first.contains(['。', '，'])
        && (again.len() >= 2 || again.len() == 1 && spread && again[0] > 10);
    if !running {
        return lines;
    }
    if let Some(organ) = first
        .split(is_blank)
        .find(|p| !p.is_empty())
        .filter(|p| is_organ(p))
    {
        fields.push(field(HEADER, organ.to_string(), lines[0].no));
    }
    let (heads, kept): (Vec<Line>, Vec<Line>) = std::mem::take(&mut lines)
        .into_iter()
        .partition(|l| l.plain() == first);
    drop_all(gone, "每页重复的页眉", heads);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_running_header() {
        let text = "外山乡人民政府　　　　会议材料之一\n在会议上的讲话\n同志们：\n今天我们开会，我\n外山乡人民政府　　　　会议材料之一\n讲三点意见。\n外山乡人民政府　　　　会议材料之一\n谢谢大家。";
        let (kept, fields) = super::super::run(take, text);
        assert_eq!(
            kept,
            [
                "在会议上的讲话",
                "同志们：",
                "今天我们开会，我",
                "讲三点意见。",
                "谢谢大家。"
            ]
        );
        assert_eq!(
            (fields[0].label.as_str(), fields[0].value.as_str()),
            (HEADER, "外山乡人民政府")
        );
        // A portal's heading repeated by the document's title is not a 页眉.
        let lines = Line::numbered([
            "关于开展检查的通知",
            "外政〔2024〕3号",
            "关于开展检查的通知",
            "各村：",
        ]);
        assert_eq!(take(lines, &mut Gone::new(), &mut Vec::new()).len(), 4);
    }
}
