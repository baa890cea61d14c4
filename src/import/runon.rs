//! A numbered list that a table cell ran into one line: a page whose body sits in one cell
//! loses its line breaks when copied, so an introduction, "一、…。 二、…。 … 十、…。", the
//! signing organ and the date stand on one line, a single blank between them. Such a line is
//! split again: before each item of a run of three or more numbered from one (each after a
//! closing mark and a blank), and after the last item's closing mark, where the signature's
//! organ and date become lines of their own.
//!
//! An item after the first must follow a sentence's end (。！？!?”), so a list inside one
//! sentence ("请各村做好以下工作： 1.排查隐患； 2.建立台账； 3.按时上报。") stays whole; a colon may
//! close only the introduction before item one. A Markdown table row ("| 1 | 隐患排查 | … |",
//! a cell's paragraphs joined by blanks) is never split. The cuts are found in the line's
//! plain text and made in its text, so `**` emphasis survives, reopened and closed around a
//! cut inside it.
//!
//! Complexity: O(n) in the bytes of a line (each blank's ordinal test reads at most twelve
//! characters).

use super::recognize::head::is_organ;
use super::{Line, Report};
use crate::gongwen::chars::is_blank;
use crate::gongwen::numerals::is_numeral;
use crate::gongwen::{date_line, ordinal};

/// Marks that close an item before the next item: a sentence's end.
const CLOSING: &str = "。！？!?”";

/// Marks that may also close the introduction before item one.
const INTRO: &str = "：:";

/// Splits run-together numbered lists into their lines; reports each line split.
pub fn split(lines: Vec<Line>, rep: &mut Report) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        match ranges(&line.plain()) {
            Some(ranges) => {
                let parts = cut(&line.text, &ranges);
                rep.info(
                    line.no,
                    1,
                    format!(
                        "这一行是网页表格一格中连在一起的编号条目（及其前后文字），已按编号分为 {} 行",
                        parts.len()
                    ),
                );
                out.extend(parts.into_iter().map(|text| Line { no: line.no, text }));
            }
            None => out.push(line),
        }
    }
    out
}

/// The lines of `t` when it holds a run-together list (see the module), else `None`.
#[cfg(test)]
fn pieces(t: &str) -> Option<Vec<String>> {
    let c: Vec<char> = t.chars().collect();
    let r = ranges(t)?;
    Some(r.iter().map(|&(a, b)| c[a..b].iter().collect()).collect())
}

/// `text` (a line that may hold `**` emphasis) cut into the pieces whose char ranges
/// `ranges` gives in its plain text; emphasis open across a cut is closed before it and
/// reopened after it.
fn cut(text: &str, ranges: &[(usize, usize)]) -> Vec<String> {
    // Each plain char: its byte range in `text` and whether emphasis is open at it, markers
    // read left to right as `plain` removes them.
    let mut at: Vec<(usize, usize, bool)> = Vec::new();
    let mut bold = false;
    let mut rest = text.char_indices().peekable();
    while let Some((b, ch)) = rest.next() {
        if text[b..].starts_with("**") {
            rest.next();
            bold = !bold;
        } else {
            at.push((b, b + ch.len_utf8(), bold));
        }
    }
    if bold {
        // Unbalanced markers: the plain pieces.
        let c: Vec<char> = crate::import::clean::plain(text).chars().collect();
        return ranges
            .iter()
            .map(|&(a, b)| c[a..b].iter().collect())
            .collect();
    }
    ranges
        .iter()
        .map(|&(a, b)| {
            let (from, open) = (at[a].0, at[a].2);
            let (to, close) = (at[b - 1].1, at[b - 1].2);
            let mut s = String::new();
            if open {
                s.push_str("**");
            }
            s.push_str(&text[from..to]);
            if close {
                s.push_str("**");
            }
            s
        })
        .collect()
}

/// The char ranges of the lines of `t` when it holds a run-together list (see the module),
/// else `None`; each range non-empty, without blanks at its ends.
fn ranges(t: &str) -> Option<Vec<(usize, usize)>> {
    // A Markdown table row: its cells stay in one line.
    if t.trim_start_matches(is_blank).starts_with('|') {
        return None;
    }
    let c: Vec<char> = t.chars().collect();
    let byte: Vec<usize> = t.char_indices().map(|(b, _)| b).collect();
    // Where each item starts, numbered 1, 2, 3… at one level.
    let mut starts: Vec<usize> = Vec::new();
    let mut level = None;
    for j in 0..c.len() {
        let after_blank = j > 0 && is_blank(c[j - 1]);
        if !(j == 0 || after_blank) {
            continue;
        }
        let Some((o, len)) = ordinal::prefix(&t[byte[j]..]) else {
            continue;
        };
        // "一、二月份…": a month, not an item.
        let after: Vec<char> = t[byte[j] + len..].chars().take(4).collect();
        let numerals = after
            .iter()
            .take_while(|x| is_numeral(**x) || x.is_ascii_digit())
            .count();
        if numerals > 0 && after.get(numerals) == Some(&'月') {
            continue;
        }
        let first = starts.is_empty();
        let closed = j == 0
            || c[..j]
                .iter()
                .rev()
                .find(|x| !is_blank(**x))
                .is_some_and(|x| CLOSING.contains(*x) || first && INTRO.contains(*x));
        if closed && o.number as usize == starts.len() + 1 && level.is_none_or(|l| l == o.level) {
            level = Some(o.level);
            starts.push(j);
        }
    }
    if starts.len() < 3 {
        return None;
    }
    // A range without the blanks at its ends.
    let trim = |mut a: usize, mut b: usize| {
        while a < b && is_blank(c[a]) {
            a += 1;
        }
        while b > a && is_blank(c[b - 1]) {
            b -= 1;
        }
        (a, b)
    };
    let mut out = Vec::new();
    if starts[0] > 0 {
        out.push(trim(0, starts[0]));
    }
    for w in starts.windows(2) {
        out.push(trim(w[0], w[1]));
    }
    // The last item ends at its first closing mark followed by a blank.
    let last = *starts.last().expect("three or more");
    let end = (last..c.len().saturating_sub(1))
        .find(|&k| "。！？!?".contains(c[k]) && is_blank(c[k + 1]))
        .map_or(c.len(), |k| k + 1);
    out.push(trim(last, end));
    let tail = trim(end, c.len());
    if tail.0 < tail.1 {
        out.extend(signature(&c, tail));
    }
    Some(out)
}

/// "罗庄乡人民政府 2022年6月6日": the organ and the date as two ranges when the tail (the
/// range `tail` of `c`) is that, else the tail as one.
fn signature(c: &[char], (a, b): (usize, usize)) -> Vec<(usize, usize)> {
    if let Some(k) = (a..b).rev().find(|&k| is_blank(c[k])) {
        let organ: String = c[a..k].iter().collect();
        let date: String = c[k + 1..b].iter().collect();
        let organ = organ.trim_end_matches(is_blank);
        if is_organ(organ) && date_line::parse(&date).is_some() {
            return vec![(a, a + organ.chars().count()), (k + 1, b)];
        }
    }
    vec![(a, b)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slogans_run_together_in_a_cell() {
        let t = "为增强交通安全意识，制作了以下宣传标语，请各村张贴。 一、一盔一带，安全常在。 二、开车不喝酒，喝酒不开车。 三、骑车戴头盔，出行保平安。 罗庄乡人民政府 2022年6月6日";
        assert_eq!(
            pieces(t).unwrap(),
            [
                "为增强交通安全意识，制作了以下宣传标语，请各村张贴。",
                "一、一盔一带，安全常在。",
                "二、开车不喝酒，喝酒不开车。",
                "三、骑车戴头盔，出行保平安。",
                "罗庄乡人民政府",
                "2022年6月6日"
            ]
        );
        let mut rep = Report::new("t.txt");
        assert_eq!(split(Line::numbered([t]), &mut rep).len(), 6);
    }

    #[test]
    fn ordinary_lines_stay_whole() {
        for t in [
            // Two items only.
            "要求如下： 一、加强领导。 二、落实责任。",
            // Numbers inside a sentence, not after a closing mark.
            "全镇共检查企业 1、2、3 号厂房，发现隐患 5 处。",
            "一、工作目标",
            // Items out of order.
            "说明： 一、甲。 三、乙。 二、丙。 四、丁。",
        ] {
            assert_eq!(pieces(t), None, "{t}");
        }
    }

    #[test]
    fn table_rows_stay_whole() {
        for t in [
            "| 1 | 隐患排查 | 各村开展全面排查。 1.排查用电线路； 2.排查消防设施； 3.排查燃气管道。 | 安监站 | 6月30日前 |",
            "| 1 | 隐患排查 | 各村开展全面排查。 1.排查用电线路。 2.排查消防设施。 3.排查燃气管道。 | 安监站 | 6月30日前 |",
            "  | 第一阶段 | 动员部署。 一、制定方案。 二、召开会议。 三、广泛宣传。 |",
        ] {
            assert_eq!(pieces(t), None, "{t}");
        }
    }

    #[test]
    fn a_list_inside_one_sentence_stays_whole() {
        for t in [
            "请各村做好以下工作： 1.排查隐患； 2.建立台账； 3.按时上报。",
            "要求： 一、加强领导： 二、落实责任： 三、严格考核。",
            // 一、二月份 is January and February, no item.
            "一季度工作回顾。 一、二月份检查企业12家。 二、三月份整改隐患8处。 三、四月份开展演练。",
        ] {
            assert_eq!(pieces(t), None, "{t}");
        }
        // A colon closes the introduction; sentences close the items.
        assert_eq!(
            pieces("要求如下： 一、加强领导。 二、落实责任。 三、严格考核。").unwrap(),
            [
                "要求如下：",
                "一、加强领导。",
                "二、落实责任。",
                "三、严格考核。"
            ]
        );
    }

    #[test]
    fn emphasis_survives_a_split() {
        let mut rep = Report::new("t.txt");
        let lines =
            Line::numbered(["为此要求： **一、加强领导。 二、落实责任。** 三、严格**考核**。"]);
        let texts: Vec<String> = split(lines, &mut rep).into_iter().map(|l| l.text).collect();
        assert_eq!(
            texts,
            [
                "为此要求：",
                "**一、加强领导。**",
                "**二、落实责任。**",
                "三、严格**考核**。"
            ]
        );
        // Unbalanced markers: the plain text.
        let lines = Line::numbered(["要求： **一、甲。 二、乙。 三、丙。"]);
        let texts: Vec<String> = split(lines, &mut rep).into_iter().map(|l| l.text).collect();
        assert_eq!(texts, ["要求：", "一、甲。", "二、乙。", "三、丙。"]);
    }
}
