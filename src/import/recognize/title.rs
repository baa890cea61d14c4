//! Titles: one to three lines closed by a 文种 word, a "——" subtitle kept with its title,
//! and spaces inside a 公文 title read as manual line breaks.
//!
//! Complexity: O(n) in the bytes of the lines it reads: [`title_block`] reads at most three
//! lines plus one look-ahead each (its ordinal and date-line tests are linear), and
//! [`split_on_spaces`] is one pass (each run of blanks read once).

use super::Item;
use crate::gongwen::chars::is_blank;
use crate::gongwen::{date_line, ordinal};
use crate::import::Line;

/// Words that end a title (文种); a title line ending with one closes the title.
const GENRE_ENDINGS: &[&str] = &[
    "通知",
    "通报",
    "决定",
    "意见",
    "函",
    "方案",
    "要点",
    "计划",
    "规划",
    "讲话",
    "发言",
    "致辞",
    "告知书",
    "承诺书",
    "倡议书",
    "一封信",
    "标语",
    "口号",
    "简报",
    "案例",
    "报告",
    "请示",
    "纪要",
    "总结",
    "统计表",
    "一览表",
    "登记表",
    "自查表",
    "检查表",
    "汇总表",
    "明细表",
    "报名表",
    "回执",
    "清单",
    "台账",
];

/// A form's fill-in line ("填报单位（盖章）：      填报日期："): a run of three blanks or more.
fn has_fill_in_gap(t: &str) -> bool {
    t.split(|c: char| !is_blank(c))
        .any(|gap| gap.chars().count() >= 3)
}

fn ends_title(t: &str) -> bool {
    // "通 知": a 文种 spaced letter by letter.
    let t: String = t.chars().filter(|c| !is_blank(*c)).collect();
    let t = t.trim_end_matches("（参考）").trim_end_matches("(参考)");
    // "…简报（第5期）": the issue number closes the title too.
    if t.strip_suffix(['）', ')'])
        .and_then(|s| s.rsplit_once(['（', '(']))
        .is_some_and(|(_, inner)| super::briefing::issue_no(inner).is_some())
    {
        return true;
    }
    GENRE_ENDINGS.iter().any(|g| t.ends_with(g))
}

/// "通　　知", "讲  话": a word spaced letter by letter, without its blanks. The gaps are all
/// alike ("安 全 第 一  预 防 为 主" is two phrases, and stays as written).
fn letter_spaced(s: &str) -> Option<String> {
    let words: Vec<&str> = s.split(is_blank).filter(|w| !w.is_empty()).collect();
    let gaps: Vec<&str> = s
        .trim_matches(is_blank)
        .split(|c: char| !is_blank(c))
        .filter(|g| !g.is_empty())
        .collect();
    (words.len() > 1
        && words.iter().all(|w| w.chars().count() == 1)
        && gaps.windows(2).all(|w| w[0] == w[1]))
    .then(|| words.concat())
}

/// Splits a title line where a space separates two Chinese parts (a manual line break).
fn split_on_spaces(s: &str) -> Vec<String> {
    if let Some(word) = letter_spaced(s) {
        return vec![word];
    }
    let chars: Vec<char> = s.chars().collect();
    let mut parts = vec![String::new()];
    let mut i = 0;
    while i < chars.len() {
        if is_blank(chars[i]) {
            let j = (i..chars.len())
                .find(|&j| !is_blank(chars[j]))
                .unwrap_or(chars.len());
            let before = i.checked_sub(1).map(|k| chars[k]);
            let after = chars.get(j).copied();
            let wide = |c: Option<char>| c.is_some_and(|c| !c.is_ascii());
            if wide(before) && wide(after) {
                parts.push(String::new());
            } else {
                parts.last_mut().expect("non-empty").push(' ');
            }
            i = j;
            continue;
        }
        parts.last_mut().expect("non-empty").push(chars[i]);
        i += 1;
    }
    parts.into_iter().filter(|p| !p.is_empty()).collect()
}

/// "某乡安全生产工作 简报（2020年第4期）": a stray blank before the 文种 that closes a title
/// (the 文种 never stands apart from what it names) is taken out. Blanks between two phrases
/// ("安全充电 远离火灾！致…倡议书") stay, and so do wider gaps, a title's manual line break.
fn kind_word_joined(t: &str) -> String {
    let Some((before, after)) = t.rsplit_once(' ') else {
        return t.to_string();
    };
    if before.ends_with(is_blank) || after.is_empty() {
        return t.to_string();
    }
    let word = after
        .strip_suffix(['）', ')'])
        .and_then(|s| s.rsplit_once(['（', '(']))
        .filter(|(_, inner)| super::briefing::issue_no(inner).is_some() || *inner == "参考")
        .map_or(after, |(w, _)| w);
    let han_before = before
        .chars()
        .last()
        .is_some_and(crate::gongwen::chars::is_han);
    if han_before && GENRE_ENDINGS.contains(&word) {
        format!("{before}{after}")
    } else {
        t.to_string()
    }
}

/// Sets `title` and `title_lines` from the title's source lines.
/// In 公文 titles a space between two Chinese parts is a manual line break; other titles
/// (letters: "守护平安 共筑防线") keep it, per gongwen.md §9.
pub fn set_title(item: &mut Item, lines: &[(usize, String)]) {
    // "…培训（图文）": a portal's mark of a story with pictures is no part of its title.
    let lines: Vec<(usize, String)> = lines
        .iter()
        .map(|(no, t)| {
            let t = ["（图文）", "(图文)", "（组图）", "(组图)", "（图）", "(图)"]
                .iter()
                .find_map(|m| t.strip_suffix(m))
                .unwrap_or(t);
            (*no, kind_word_joined(t))
        })
        .collect();
    let lines = lines.as_slice();
    let pieces: Vec<String> = if item.kind.is_official() {
        lines.iter().flat_map(|(_, t)| split_on_spaces(t)).collect()
    } else {
        // "讲  话": a 文种 spaced letter by letter is one word in any kind's title (a
        // headline's spaced kicker, "筑 牢 防 线", stays as written).
        lines
            .iter()
            .map(|(_, t)| {
                letter_spaced(t)
                    .filter(|w| ends_title(w))
                    .unwrap_or_else(|| t.clone())
            })
            .collect()
    };
    item.title = pieces.concat();
    item.title_lines = if pieces.len() > 1 { pieces } else { Vec::new() };
}

/// A date line without the weekday a page prints after it ("2024年06月26日　星期三").
fn without_weekday(t: &str) -> &str {
    let t = t.trim_end_matches(crate::gongwen::chars::is_blank);
    ["星期", "周", "礼拜"]
        .iter()
        .find_map(|w| {
            let (head, day) = t.rsplit_once(w)?;
            (day.chars().count() == 1 && "一二三四五六日天".contains(day))
                .then(|| head.trim_end_matches(crate::gongwen::chars::is_blank))
        })
        .unwrap_or(t)
}

/// Reads a title of one to three lines starting at `start`; returns the lines and the index
/// after them.
pub fn title_block(lines: &[Line], start: usize) -> (Vec<(usize, String)>, usize) {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut i = start;
    while i < lines.len() && out.len() < 3 {
        let t = lines[i].plain();
        let n = t.chars().count();
        let last = t.chars().last().unwrap_or(' ');
        let fits = n <= 60
            && !t.starts_with('|')
            && !"。；，：:;,！？".contains(last)
            && (out.is_empty()
                || (!ordinal::numbered(&t)
                    && !has_fill_in_gap(&t)
                    && date_line::parse(without_weekday(&t)).is_none()
                    && super::docno::parse_doc_no(&t).is_none()
                    && !t.starts_with("附件")));
        let subtitle = t.starts_with("——") && !out.is_empty();
        if !fits && !subtitle {
            break;
        }
        out.push((lines[i].no, t.clone()));
        i += 1;
        let next_is_subtitle = lines.get(i).is_some_and(|l| l.plain().starts_with("——"));
        if ends_title(&t) && !next_is_subtitle
            || out.len() == 1 && super::kind::is_place_headline(&t)
        {
            break;
        }
    }
    (out, i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_with_its_weekday_ends_the_title() {
        // Found by the review of holdout23's rules: a page's date line under its heading.
        let lines = Line::numbered([
            "马家河乡开展禁毒宣传进校园活动",
            "2024年06月26日　星期三",
            "6月25日，活动开展。",
        ]);
        let (title, next) = title_block(&lines, 0);
        assert_eq!((title.len(), next), (1, 1));
        assert_eq!(without_weekday("2024年6月3日 周一"), "2024年6月3日");
        assert_eq!(without_weekday("安全生产宣传周"), "安全生产宣传周");
    }

    #[test]
    fn a_kind_word_spaced_out_in_a_speechs_title() {
        let mut item = Item::new(crate::gongwen::Kind::Speech, super::super::Role::Main);
        let lines = [
            (1, "在全镇安全生产工作会议上的".to_string()),
            (2, "讲  话".to_string()),
        ];
        set_title(&mut item, &lines);
        assert_eq!(item.title, "在全镇安全生产工作会议上的讲话");
        // Two phrases of a news headline keep their blank.
        let mut item = Item::new(crate::gongwen::Kind::News, super::super::Role::Main);
        set_title(&mut item, &[(1, "安全充电 远离火灾".to_string())]);
        assert_eq!(item.title, "安全充电 远离火灾");
    }

    #[test]
    fn a_stray_blank_before_the_kind_word() {
        assert_eq!(
            kind_word_joined("荷塘乡安全生产工作 简报（2020年第4期）"),
            "荷塘乡安全生产工作简报（2020年第4期）"
        );
        assert_eq!(kind_word_joined("某镇安全检查 通知"), "某镇安全检查通知");
        // Two phrases, a wide gap, or a kind word inside a phrase stay as written.
        for t in [
            "安全充电 远离火灾！致全镇居民朋友的倡议书",
            "外山乡安全生产  通知",
            "外山乡安全生产 工作要点",
        ] {
            assert_eq!(kind_word_joined(t), t);
        }
    }

    #[test]
    fn title_spaces_are_line_breaks() {
        assert_eq!(
            split_on_spaces("外山乡安全生产 工作要点"),
            ["外山乡安全生产", "工作要点"]
        );
        assert_eq!(
            split_on_spaces("提升 2.0 版本 护航"),
            ["提升 2.0 版本", "护航"]
        );
        assert_eq!(split_on_spaces("通　　知"), ["通知"]);
        assert_eq!(split_on_spaces("告 知 书"), ["告知书"]);
    }

    #[test]
    fn a_table_title_stops_before_the_form() {
        let lines = Line::numbered([
            "“安全生产月”活动情况",
            "填报单位（盖章）：      填报日期：    年   月   日",
            "序号",
        ]);
        let (title, end) = title_block(&lines, 0);
        assert_eq!(title.len(), 1);
        assert_eq!(end, 1);
        let lines = Line::numbered(["“安全生产月”活动情况统计表", "序号"]);
        assert_eq!(title_block(&lines, 0).0.len(), 1);
    }
}
