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

/// Takes the block out when the first lines start with a bare 索引号 and the title stands
/// twice below it; the block ends where the title stands the second time.
pub fn take(mut lines: Vec<Line>, meta: &mut Meta, rep: &mut Report) -> Vec<Line> {
    let Some(k) = lines.iter().take(3).position(|l| is_index_no(&l.plain())) else {
        return lines;
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
