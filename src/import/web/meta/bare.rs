//! A 信息公开 table copied without the colons of its labels ("索引号 1150…/2026-00008 发文字号
//! 青杠府发〔2026〕5号"), or with them on one column only ("文件名称 致全镇…的一封信 公开目录:
//! 乡镇信息"): each label is a word of its own between blanks, its value the words up to the
//! next label (none when two labels stand side by side over an empty cell). Without colons a
//! label is only a word, so every value must look like what its label names.

use super::first_date;
use crate::gongwen::chars::is_blank;

use super::super::labels::label_of;

/// One blank-separated word of a line: (first char, char after the end, text). A table
/// copied with tabs between its cells ("索 引 号\t640223…\t发文时间\t2024-05-28"), or with
/// bars ("索引号 | 0152…/2024-0313005 | 发布机构 | 某镇 |"), has a word per cell, the blanks
/// inside it left out ("索引号").
fn words(text: &str) -> Vec<(usize, usize, String)> {
    let sep = if text.contains('\t') {
        Some('\t')
    } else {
        cells_by_bars(text).then_some('|')
    };
    if let Some(sep) = sep {
        let mut out = Vec::new();
        let mut at = 0;
        for cell in text.split(sep) {
            let n = cell.chars().count();
            let lead = cell.chars().take_while(|c| is_blank(*c)).count();
            let word: String = cell.chars().filter(|c| !is_blank(*c)).collect();
            if !word.is_empty() {
                let trail = cell.chars().rev().take_while(|c| is_blank(*c)).count();
                out.push((at + lead, at + n - trail, word));
            }
            at += n + 1;
        }
        return out;
    }
    let mut out = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    for (i, c) in text.chars().enumerate() {
        if is_blank(c) {
            if let Some((s, w)) = cur.take() {
                out.push((s, i, w));
            }
        } else {
            cur.get_or_insert((i, String::new())).1.push(c);
        }
    }
    if let Some((s, w)) = cur {
        let n = s + w.chars().count();
        out.push((s, n, w));
    }
    join_spaced_labels(out)
}

/// "索 引 号 XM01937-… 成文时间 …", "发布机构 某街道 文 号": a label whose characters a
/// table's copy spaced out is one word again (the longest run of one-character words that
/// spells a label), when the line names what only a block names (a strong label with a key:
/// a table's header "名 称 数 量 来 源" is no block).
fn join_spaced_labels(ws: Vec<(usize, usize, String)>) -> Vec<(usize, usize, String)> {
    let joined = join_runs(&ws);
    let block = joined
        .iter()
        .any(|w| label_word(&w.2).is_some_and(|(l, k, _)| !k.is_empty() && super::is_strong(l)));
    if block && joined.len() < ws.len() {
        joined
    } else {
        ws
    }
}

fn join_runs(ws: &[(usize, usize, String)]) -> Vec<(usize, usize, String)> {
    let single = |w: &(usize, usize, String)| w.2.chars().count() == 1;
    let mut out = Vec::with_capacity(ws.len());
    let mut k = 0;
    while k < ws.len() {
        let run = ws[k..].iter().take(6).take_while(|w| single(w)).count();
        let joined = (2..=run).rev().find_map(|n| {
            let text: String = ws[k..k + n].iter().map(|w| w.2.as_str()).collect();
            label_of(&text)
                .filter(|(l, _)| *l == text)
                .map(|_| (n, text))
        });
        match joined {
            Some((n, text)) => {
                out.push((ws[k].0, ws[k + n - 1].1, text));
                k += n;
            }
            None => {
                out.push(ws[k].clone());
                k += 1;
            }
        }
    }
    out
}

/// "索引号 | … | 发布机构 | … |": a row whose cells a bar between blanks separates, closed by a
/// bar, opened by a label. A row opened by a bar ("| 名称 | 数量 |") is a Markdown table of the
/// body, not the block.
fn cells_by_bars(text: &str) -> bool {
    let t = text.trim_matches(is_blank);
    !t.starts_with('|') && t.ends_with('|') && t.contains(" | ")
}

/// A word that is a label, maybe closed by a colon and its value run on ("公开日期:2020-02-19"):
/// (label, key, chars of the word taken by the label and its colon).
fn label_word(w: &str) -> Option<(&'static str, &'static str, usize)> {
    let (head, colon) = match w.find(['：', ':']) {
        Some(at) => (&w[..at], true),
        None => (w, false),
    };
    if head.is_empty() || head.contains(['[', '【', '］', ']', '】']) {
        return None;
    }
    let exact = |(l, k): (&'static str, &'static str)| (l == head).then_some((l, k));
    let (label, key) = label_of(head).and_then(exact)?;
    Some((label, key, head.chars().count() + usize::from(colon)))
}

/// Whether `v`, read without a colon to mark it, can be the value of `key`.
fn plausible(key: &str, v: &str) -> bool {
    let n = v.chars().count();
    if v.contains('。') || n > 80 {
        return false;
    }
    match key {
        "index_no" => n <= 40 && v.chars().any(|c| c.is_ascii_digit()),
        "date" | "published" => first_date(v).is_some(),
        "doc_no" => v == "无" || v.contains('号'),
        "valid" => ["有效", "失效", "废止"].iter().any(|w| v.contains(w)),
        "disclosure" => v.contains("公开"),
        "title" => true,
        _ => n <= 30,
    }
}

/// The (label, key, value, value column) of a line of labels without colons, when it starts
/// with a label and every value fits its label.
pub(super) fn pairs(text: &str) -> Option<Vec<(&'static str, &'static str, String, usize)>> {
    let chars: Vec<char> = text.chars().collect();
    let ws = words(text);
    let first = ws.first()?;
    label_word(&first.2)?;
    let mut labels = Vec::new();
    for (start, end, w) in &ws {
        if let Some((label, key, len)) = label_word(w) {
            // A cell that is the label alone ends where the cell ends (its blanks inside).
            let from = if w.chars().count() == len {
                *end
            } else {
                start + len
            };
            labels.push((*start, label, key, from));
        }
    }
    let mut out = Vec::new();
    for (k, &(_, label, key, from)) in labels.iter().enumerate() {
        let to = labels.get(k + 1).map_or(chars.len(), |n| n.0);
        let raw: String = chars[from..to].iter().collect();
        let cell = |c: char| is_blank(c) || c == '|';
        let value = raw.trim_matches(cell).to_string();
        if !value.is_empty() && !plausible(key, &value) {
            return None;
        }
        let col = from + raw.chars().take_while(|c| cell(*c)).count() + 1;
        out.push((label, key, value, col));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(t: &str) -> Vec<(&'static str, String)> {
        pairs(t)
            .unwrap_or_default()
            .into_iter()
            .map(|(_, k, v, _)| (k, v))
            .collect()
    }

    #[test]
    fn labels_without_colons_and_empty_cells() {
        assert_eq!(
            keys("索引号 00351-0200/2024-00031 发文字号 白政发〔2024〕9号"),
            [
                ("index_no", "00351-0200/2024-00031".to_string()),
                ("doc_no", "白政发〔2024〕9号".to_string())
            ]
        );
        // Two labels side by side: the first one's cell was empty.
        assert_eq!(
            keys("发文时间 2024-03-02 08:15:40 文号  有效性 有效"),
            [
                ("date", "2024-03-02 08:15:40".to_string()),
                ("doc_no", String::new()),
                ("valid", "有效".to_string())
            ]
        );
        // Half of the labels with colons.
        assert_eq!(
            keys("文件名称 致全乡养殖户的一封信 公开目录: 乡镇信息"),
            [
                ("title", "致全乡养殖户的一封信".to_string()),
                ("topic", "乡镇信息".to_string())
            ]
        );
        assert_eq!(pairs("文号 公开日期:2021-03-04").map(|p| p[1].3), Some(9));
    }

    #[test]
    fn a_row_of_tab_separated_cells_with_spaced_labels() {
        assert_eq!(
            keys("索 引 号\t640223001/2024-00517\t发文时间\t2024-05-28"),
            [
                ("index_no", "640223001/2024-00517".to_string()),
                ("date", "2024-05-28".to_string())
            ]
        );
        assert_eq!(
            keys("发布机构\t二闸镇人民政府\t文 号\t"),
            [
                ("issuer", "二闸镇人民政府".to_string()),
                ("doc_no", String::new())
            ]
        );
    }

    #[test]
    fn a_row_of_spaced_labels_without_colons() {
        // holdout21 fj_news: the block's labels spaced out, no colons, 文号 empty at the end.
        assert_eq!(
            keys("索 引 号 XM01937-10-00-2025-007 成文时间 2025-04-18"),
            [
                ("index_no", "XM01937-10-00-2025-007".to_string()),
                ("date", "2025-04-18".to_string())
            ]
        );
        assert_eq!(
            keys("发布机构 鹭湾区筼港街道 文 号"),
            [
                ("issuer", "鹭湾区筼港街道".to_string()),
                ("doc_no", String::new())
            ]
        );
        // Single characters that spell no label stay words; a table's header spaced out
        // names no block ("名 称 数 量 来 源").
        assert_eq!(pairs("文 明 祭 扫"), None);
        assert_eq!(pairs("名 称 数 量 来 源"), None);
    }

    #[test]
    fn a_row_of_cells_between_bars() {
        assert_eq!(
            keys("索引号 | 01526143-2-/2024-0313005 | 发布机构 | 永腾市凤溪镇 |"),
            [
                ("index_no", "01526143-2-/2024-0313005".to_string()),
                ("issuer", "永腾市凤溪镇".to_string())
            ]
        );
        assert_eq!(
            keys("文号 | 浏览量 |"),
            [("doc_no", String::new()), ("", String::new())]
        );
        assert_eq!(keys("是否有效 有效"), [("valid", "有效".to_string())]);
        // A table row of the body is no row of the block.
        assert_eq!(pairs("| 单位 | 份数 |"), None);
        assert_eq!(
            pairs("| 名称 | 荷塘乡安全生产知识竞赛 | 时间 | 2024年6月16日 |"),
            None
        );
        assert_eq!(pairs("| 名称 | 分类 | 数量 | 存放地点 |"), None);
    }

    #[test]
    fn sentences_are_not_rows() {
        assert_eq!(pairs("标题 要简明，一句话说清楚。"), None);
        assert_eq!(pairs("成文日期 另行通知"), None);
        assert_eq!(pairs("各村委会 发布日期 2024-05-01"), None);
    }
}
