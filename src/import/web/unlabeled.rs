//! A 信息公开 block whose labels did not survive the copy (a table whose label column was an
//! image or a style): only its values remain above the document, one a line, starting with
//! the 索引号 and running to the document's title, which the block also repeats. The 索引号
//! is known by its shape; the other values cannot be told apart without their labels, so
//! they are dropped and reported, never guessed.

use super::meta::{Field, Meta};
use crate::gongwen::chars::is_han;
use crate::import::{Line, Report};

/// "113715250043286799/2017-26749960", "11500118MB1234567X/2024-00021": letters and digits
/// with `/` or `-`, no Chinese, at least six digits.
pub fn is_index_no(t: &str) -> bool {
    t.chars().count() >= 12
        && t.contains(['/', '-'])
        && crate::gongwen::date_line::parse(t).is_none()
        && t.chars().filter(char::is_ascii_digit).count() >= 6
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/-_.".contains(c))
}

/// A value of a 信息公开 block copied without its label, as it stands alone on its line: "无",
/// a 公开方式 ("主动公开"), a date ("2021.11.19").
fn is_bare_value(t: &str) -> bool {
    matches!(t, "无" | "主动公开" | "依申请公开" | "不予公开" | "有效")
        || super::meta::is_bare_date(t)
}

/// A run of three or more bare values near the top ("无", "主动公开", "无", "无",
/// "2021.11.19", the labels lost): taken out, the date kept as the page's date (a page's
/// date line without its label), the rest reported, never guessed.
fn take_values(mut lines: Vec<Line>, meta: &mut Meta, rep: &mut Report) -> Vec<Line> {
    let top = lines.len().min(24);
    let Some(k) = (0..top).find(|&k| {
        let run = lines[k..]
            .iter()
            .take_while(|l| is_bare_value(&l.plain()))
            .count();
        let run_lines = &lines[k..k + run];
        // A date and a 公开方式 among them: a form's cells copied one a line are not a block.
        run >= 3
            && run_lines
                .iter()
                .any(|l| super::meta::first_date(&l.plain()).is_some())
            && run_lines.iter().any(|l| l.plain().contains("公开"))
    }) else {
        return lines;
    };
    let run = lines[k..]
        .iter()
        .take_while(|l| is_bare_value(&l.plain()))
        .count();
    let block: Vec<Line> = lines.drain(k..k + run).collect();
    rep.info(
        block[0].no,
        1,
        format!(
            "第 {}–{} 行是网页信息公开栏复制下来的值（没有标签），已删去；其中的日期按网页的发布日期写入，其余无法分辨，未写入",
            block[0].no,
            block[block.len() - 1].no
        ),
    );
    if meta.get("published").is_none()
        && let Some(l) = block
            .iter()
            .rev()
            .find(|l| super::meta::first_date(&l.plain()).is_some())
    {
        meta.fields.push(Field {
            key: "published",
            label: "日期".into(),
            value: l.plain(),
            line: l.no,
            col: 1,
        });
    }
    lines
}

/// Takes the block out when the first lines start with a bare 索引号 and the title stands
/// twice below it; the block ends where the title stands the second time.
pub fn take(mut lines: Vec<Line>, meta: &mut Meta, rep: &mut Report) -> Vec<Line> {
    let Some(k) = lines.iter().take(3).position(|l| is_index_no(&l.plain())) else {
        return take_values(lines, meta, rep);
    };
    let squash = |l: &Line| l.plain().split_whitespace().collect::<String>();
    let end = (k + 1..lines.len().min(k + 14)).find_map(|j| {
        let t = squash(&lines[j]);
        (t.chars().filter(|c| is_han(*c)).count() >= 6)
            .then(|| (j + 1..lines.len().min(j + 10)).find(|&m| squash(&lines[m]) == t))
            .flatten()
    });
    let Some(end) = end else {
        return lines;
    };
    let block: Vec<Line> = lines.drain(k..end).collect();
    let index = block[0].plain();
    rep.info(
        block[0].no,
        1,
        format!(
            "第 {}–{} 行是网页信息公开栏复制下来的值（没有标签），已删去；其中“{index}”按格式识别为索引号，其余（发布机构、分类、日期等）无法分辨，未写入",
            block[0].no,
            block[block.len() - 1].no
        ),
    );
    meta.fields.push(Field {
        key: "index_no",
        label: "索引号".into(),
        value: index,
        line: block[0].no,
        col: 1,
    });
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_bare_values_gives_the_date_only() {
        let lines = Line::numbered([
            "蒸溪镇开展燃气安全专项检查",
            "无",
            "主动公开",
            "无",
            "无",
            "2021.11.19",
            "为深刻汲取事故教训，11月16日起，蒸溪镇开展检查。",
        ]);
        let mut meta = Meta::default();
        let kept = take(lines, &mut meta, &mut Report::new("t.txt"));
        assert_eq!(kept.len(), 2);
        assert_eq!(meta.get("published").unwrap().value, "2021.11.19");
        assert!(meta.get("disclosure").is_none());
        // Two short lines are not a block.
        let lines = Line::numbered(["标题", "无", "2021.11.19", "正文。"]);
        assert_eq!(
            take(lines, &mut Meta::default(), &mut Report::new("t.txt")).len(),
            4
        );
    }

    #[test]
    fn values_without_labels() {
        assert!(is_index_no("113715250043286799/2017-26749960"));
        assert!(!is_index_no("2023-06-02"));
        let text = "113715250043286000/2023-26749001\n冠山县政府\n2023-06-02\n有效\n2023-06-02\n冠山县安委会关于开展安全生产月活动的通知\n有效\n冠安〔2023〕6号\n冠山县安委会关于开展安全生产月活动的通知\n冠安〔2023〕6号\n各乡镇：";
        let lines = Line::numbered(text.lines());
        let mut meta = Meta::default();
        let kept = take(lines, &mut meta, &mut Report::new("t.txt"));
        let kept: Vec<String> = kept.into_iter().map(|l| l.text).collect();
        assert_eq!(kept[0], "冠山县安委会关于开展安全生产月活动的通知");
        assert_eq!(kept.len(), 3, "{kept:?}");
        assert_eq!(meta.get("index_no").unwrap().line, 1);
    }
}
