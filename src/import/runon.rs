//! A numbered list that a table cell ran into one line: a page whose body sits in one cell
//! loses its line breaks when copied, so an introduction, "一、…。 二、…。 … 十、…。", the
//! signing organ and the date stand on one line, a single blank between them. Such a line is
//! split again: before each item of a run of three or more numbered from one (each after a
//! closing mark and a blank), and after the last item's closing mark, where the signature's
//! organ and date become lines of their own.
//!
//! Complexity: O(n) in the bytes of a line (each blank's ordinal test reads at most twelve
//! characters).

use super::recognize::head::is_organ;
use super::{Line, Report};
use crate::gongwen::chars::is_blank;
use crate::gongwen::{date_line, ordinal};

/// Marks that close an item or an introduction before the next item.
const CLOSING: &str = "。！？；：:!?”";

/// Splits run-together numbered lists into their lines; reports each line split.
pub fn split(lines: Vec<Line>, rep: &mut Report) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        match pieces(&line.plain()) {
            Some(parts) => {
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
fn pieces(t: &str) -> Option<Vec<String>> {
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
        let Some((o, _)) = ordinal::prefix(&t[byte[j]..]) else {
            continue;
        };
        let closed = j == 0
            || c[..j]
                .iter()
                .rev()
                .find(|x| !is_blank(**x))
                .is_some_and(|x| CLOSING.contains(*x));
        if closed && o.number as usize == starts.len() + 1 && level.is_none_or(|l| l == o.level) {
            level = Some(o.level);
            starts.push(j);
        }
    }
    if starts.len() < 3 {
        return None;
    }
    let piece = |a: usize, b: usize| -> String {
        c[a..b]
            .iter()
            .collect::<String>()
            .trim_matches(is_blank)
            .to_string()
    };
    let mut out = Vec::new();
    if starts[0] > 0 {
        out.push(piece(0, starts[0]));
    }
    for w in starts.windows(2) {
        out.push(piece(w[0], w[1]));
    }
    // The last item ends at its first closing mark followed by a blank.
    let last = *starts.last().expect("three or more");
    let end = (last..c.len().saturating_sub(1))
        .find(|&k| "。！？!?".contains(c[k]) && is_blank(c[k + 1]))
        .map_or(c.len(), |k| k + 1);
    out.push(piece(last, end));
    let tail = piece(end, c.len());
    if !tail.is_empty() {
        out.extend(signature(&tail));
    }
    Some(out)
}

/// "罗庄乡人民政府 2022年6月6日": the organ and the date as two lines when the tail is that,
/// else the tail as one line.
fn signature(tail: &str) -> Vec<String> {
    if let Some((organ, date)) = tail.rsplit_once(is_blank) {
        let organ = organ.trim_matches(is_blank);
        if is_organ(organ) && date_line::parse(date).is_some() {
            return vec![organ.to_string(), date.to_string()];
        }
    }
    vec![tail.to_string()]
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
}
