//! Furniture known by where it stands rather than by its words: the site's name above the
//! page's top bar or menu, a floating side bar's links between two buttons, and the lone
//! dashes a mobile page puts between its header's items.

use crate::gongwen::chars::{is_blank, is_han};
use crate::import::Line;
use crate::import::recognize::head::is_organ;

use super::buttons::tokens;

/// "-", "·", "|": a line of one or two marks only, an empty item of a page's list; or
/// "| | | |", a row of share icons copied as their bars alone (bars only, any number).
pub(super) fn is_separator(t: &str) -> bool {
    let marks: Vec<char> = t.chars().filter(|c| !is_blank(*c)).collect();
    bars_only(t)
        || (1..=2).contains(&marks.len()) && marks.iter().all(|c| "-－—–_·•|｜*=~".contains(*c))
}

/// A line of bars and blanks only ("| | | |", "|  |  |").
fn bars_only(t: &str) -> bool {
    let mut marks = t.chars().filter(|c| !is_blank(*c)).peekable();
    marks.peek().is_some() && marks.all(|c| "|｜".contains(c))
}

/// Whether `lines[k]`, a line of bars only, is an empty row of a Markdown table ("|  |  |  |",
/// a fill-in form's blank rows): the nearest non-empty line before or after it that is not
/// bars only is a row of the table (it starts with a bar). The share icons' bars stand
/// between the date line and the body text instead.
pub(super) fn in_table(lines: &[Line], k: usize) -> bool {
    if !bars_only(&lines[k].plain()) {
        return false;
    }
    let row = |l: &Line| {
        let t = l.plain();
        let t = t.trim_matches(is_blank);
        (!t.is_empty() && !bars_only(t)).then(|| t.starts_with(['|', '｜']))
    };
    let before = lines[..k].iter().rev().find_map(row);
    let after = lines[k + 1..].iter().find_map(row);
    before == Some(true) || after == Some(true)
}

/// A line of text followed by the empty cells of an old table page copied with its bars
/// ("标题 | ||||||||||||||||||"): the text before the cells and the cells removed. The cells
/// are a tail of bars and blanks only holding a run of at least three bars (empty cells side
/// by side); a Markdown row of the body ("| 名称 | 数量 |") opens with a bar and stays, as does
/// a single bar between words ("打印 | 关闭").
pub(super) fn strip_empty_cells(t: &str) -> Option<(String, String)> {
    let t = t.trim_matches(is_blank);
    if t.starts_with(['|', '｜']) {
        return None;
    }
    let bar = |c: char| c == '|' || c == '｜';
    let text = t.trim_end_matches(|c: char| bar(c) || is_blank(c));
    let tail = &t[text.len()..];
    let mut run = 0;
    let mut longest = 0;
    for c in tail.chars() {
        run = if bar(c) { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    (longest >= 3 && !text.is_empty()).then(|| (text.to_string(), tail.trim().to_string()))
}

/// The site's name as its header prints it: an organ ("某县人民政府") or a "…网站".
pub(super) fn is_site_name(t: &str) -> bool {
    is_organ(t)
        || t.chars().count() <= 20
            && ["网站", "政府网", "门户网", "门户"]
                .iter()
                .any(|e| t.ends_with(e))
}

/// A bar of the page's header: several buttons or menu items on one line.
pub(super) fn is_top_bar(t: &str) -> bool {
    tokens(t).len() >= 2
}

/// The original indices (into `lines`) of links of a floating side bar: runs of at most five
/// short names (湘易办, 政府领导, 网上信访) kept between two lines removed as furniture.
pub(super) fn floating_bar(lines: &[Line], removed: &[bool]) -> Vec<usize> {
    let short = |t: &str| (2..=6).contains(&t.chars().count()) && t.chars().all(is_han);
    let mut out = Vec::new();
    let mut i = 1;
    while i < lines.len() {
        if removed[i] || !removed[i - 1] {
            i += 1;
            continue;
        }
        let end = (i..lines.len())
            .find(|&j| removed[j])
            .unwrap_or(lines.len());
        if end < lines.len() && end - i <= 5 && lines[i..end].iter().all(|l| short(&l.plain())) {
            out.extend(i..end);
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_site_names_and_side_bars() {
        assert!(is_separator("-"));
        assert!(is_separator(" · "));
        assert!(!is_separator("---"));
        assert!(is_separator("| | | |"));
        assert!(!is_separator("| 单位 | 份数 |"));
        assert!(!is_separator("一"));
        // A fill-in form's empty rows stay; share icons' bars under the date line go.
        let form = Line::numbered([
            "登记表如下。",
            "| 序号 | 姓名 | 单位 |",
            "| --- | --- | --- |",
            "|  |  |  |",
            "|  |  |  |",
            "",
            "正文。",
        ]);
        assert!(in_table(&form, 3) && in_table(&form, 4));
        let page = Line::numbered(["发布时间：2024-06-01 来源：某镇", "| | | |", "|", "正文。"]);
        assert!(!in_table(&page, 1) && !in_table(&page, 2));
        assert!(is_site_name("白石县人民政府"));
        // An old table page's empty cells after the title go; body rows and lone bars stay.
        assert_eq!(
            strip_empty_cells("某镇安全生产工作简报（第4期） | ||||||||||||||||||"),
            Some((
                "某镇安全生产工作简报（第4期）".into(),
                "| ||||||||||||||||||".into()
            ))
        );
        assert_eq!(strip_empty_cells("| 名称 | 数量 | | | |"), None);
        assert_eq!(strip_empty_cells("打印 | 关闭 |"), None);
        assert_eq!(strip_empty_cells("检查企业 12 家 | 整改隐患 30 处"), None);
        assert_eq!(strip_empty_cells("||||||"), None);
        assert!(is_site_name("白石县人民政府门户网站"));
        assert!(!is_site_name("白石乡关于开展检查的通知"));
        let lines = Line::numbered([
            "正文。",
            "打印",
            "办事大厅",
            "领导信箱",
            "返回顶部",
            "安全第一",
        ]);
        let removed = [false, true, false, false, true, false];
        assert_eq!(floating_bar(&lines, &removed), [2, 3]);
        // Not closed by furniture: the last line is no bar.
        assert!(floating_bar(&lines[..5], &[false, true, false, false, false]).is_empty());
    }
}
