//! The 报头 of a 简报: the 期数 ("第5期", "（总第12期）") and the line with the editing organ
//! and the date under it; and its 报送/发送 lines at the end. Read before the signature is
//! looked for, so the 报头's organ and date are not taken for a 署名.

use super::Item;
use super::head::{is_organ, split_addressees};
use super::tail::organ_and_date;
use crate::gongwen::chars::is_blank;
use crate::import::{Line, Report};

/// "第5期", "（第5期）", "总第12期", "2023年第3期": the 期数 as written, without brackets.
pub fn issue_no(t: &str) -> Option<String> {
    let s: String = t.chars().filter(|c| !is_blank(*c)).collect();
    let s = s
        .trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')']);
    let core = s.strip_suffix('期')?;
    let at = core.rfind('第')?;
    let num = &core[at + '第'.len_utf8()..];
    let ok_num = !num.is_empty()
        && num
            .chars()
            .all(|c| c.is_ascii_digit() || crate::gongwen::numerals::is_numeral(c));
    let before = &core[..at];
    let ok_before = before.is_empty()
        || before == "总"
        || before.ends_with('年') && before.chars().filter(|c| c.is_ascii_digit()).count() == 4;
    (ok_num && ok_before && s.chars().count() <= 16).then(|| s.to_string())
}

/// A number of the issue written short before a briefing's name: "4期", "第4期", "2024年4期".
fn short_issue_no(t: &str) -> bool {
    let core = t.trim_start_matches('第');
    let core = core.strip_suffix('期').unwrap_or("");
    let core = core
        .split_once('年')
        .filter(|(y, _)| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        .map_or(core, |(_, n)| n.trim_start_matches('第'));
    issue_no(t).is_some() || !core.is_empty() && core.bytes().all(|b| b.is_ascii_digit())
}

/// The compiling office without the label before it ("主办：某办公室", "编印：某办").
fn without_label(organ: &str) -> &str {
    match organ.split_once(['：', ':']) {
        Some((label, name)) if ["主办", "编印", "编发", "主编", "编"].contains(&label.trim()) => {
            name.trim_matches(is_blank)
        }
        _ => organ,
    }
}

/// The full name of an organ a 报头 names by the standard short form of a 安全生产委员会
/// ("某乡安委会办公室", "某乡安委办", "某镇安委会" → "某乡安全生产委员会办公室"…), after the
/// place it serves; `None` for any other name.
pub fn full_organ(organ: &str) -> Option<String> {
    const SHORT: &[(&str, &str)] = &[
        ("安委会办公室", "安全生产委员会办公室"),
        ("安委办", "安全生产委员会办公室"),
        ("安委会", "安全生产委员会"),
    ];
    SHORT.iter().find_map(|(short, full)| {
        let place = organ.strip_suffix(short)?;
        let n = place.chars().count();
        ((2..=12).contains(&n)
            && place.chars().all(crate::gongwen::chars::is_han)
            && place.ends_with(['乡', '镇', '县', '区', '市', '旗', '道']))
        .then(|| format!("{place}{full}"))
    })
}

/// A table row's non-empty cells joined by a space; `None` for any other line.
fn cells(t: &str) -> Option<String> {
    let inner = t.strip_prefix('|')?.strip_suffix('|')?;
    let cells: Vec<&str> = inner
        .split('|')
        .map(|c| c.trim_matches(is_blank))
        .filter(|c| !c.is_empty())
        .collect();
    Some(cells.join(" "))
}

/// The rule under a table's first row ("| --- | --- |").
fn is_table_rule(t: &str) -> bool {
    t.starts_with('|') && t.chars().all(|c| "|-: ".contains(c))
}

/// Takes the 报头 lines at the start of `rest` and the 报送 lines anywhere into `item`.
pub fn read(item: &mut Item, rest: &[Line], rep: &mut Report) -> Vec<Line> {
    let mut kept = Vec::new();
    // The 报头 may be a table ("| 安全生产简报 | |", "| 主办：某办公室 | 2022年7月8日 |"): its
    // rows are read by their cells, and its rule goes with the rows taken.
    let mut n = 0;
    let mut taken = false;
    for line in rest {
        let raw = line.plain();
        if n < 4 && taken && is_table_rule(&raw) {
            continue;
        }
        let t = cells(&raw).unwrap_or(raw);
        let i = n;
        n += 1;
        taken = true;
        // The 报头 ("安全生产工作简报", "安全生产工作动态") under the portal's own heading of
        // the same briefing.
        if i < 2 && t.chars().count() >= 4 && t.chars().count() <= 20 && item.title.contains(&t) {
            // "4期 安全生产简报": a portal's short form of the 报头 and its number; the title
            // is the 报头, given its full 期数 below.
            let squashed = crate::gongwen::chars::without_blanks(&item.title);
            if squashed
                .strip_suffix(t.as_str())
                .is_some_and(short_issue_no)
            {
                item.title = t.clone();
                item.title_lines.clear();
            }
            rep.info(line.no, 1, format!("简报的报头“{t}”已并入标题"));
            continue;
        }
        // "2024年第4期（总第27期）": the year's number, then the running one.
        let own_no = issue_no(&t).or_else(|| {
            t.split_once(['（', '('])
                .filter(|(_, total)| issue_no(total).is_some())
                .and_then(|(no, _)| issue_no(no))
        });
        if i < 4
            && let Some(no) = own_no
        {
            item.issue_no.get_or_insert(no);
            continue;
        }
        if i < 4
            && item.date.is_none()
            && let Some((organ, Ok(date))) = organ_and_date(&t)
            // "某某办公室编": the office that compiles the briefing.
            && let organ = without_label(&organ)
                .trim_end_matches(|c: char| is_blank(c) || "编印发".contains(c))
                .to_string()
            && (organ.is_empty() || is_organ(&organ))
        {
            if !organ.is_empty() {
                let full = full_organ(&organ);
                if let Some(full) = &full {
                    rep.info(
                        line.no,
                        1,
                        format!("报头写的是简称“{organ}”，发文机关按全称填写为“{full}”"),
                    );
                }
                item.issuer = vec![full.unwrap_or(organ)];
            }
            item.date = Some(date);
            continue;
        }
        if let Some(to) = [
            "报送", "报：", "报:", "送：", "送:", "发送", "分送", "发：", "发:",
        ]
        .iter()
        .find_map(|w| t.strip_prefix(w))
        {
            item.addressees.extend(split_addressees(
                to.trim_start_matches(['：', ':']).trim_end_matches('。'),
            ));
            rep.info(line.no, 1, "简报的报送范围已写入 addressees");
            continue;
        }
        taken = false;
        kept.push(line.clone());
    }
    if item.issue_no.is_none()
        && let Some((_, inner)) = item
            .title
            .strip_suffix(['）', ')'])
            .and_then(|s| s.rsplit_once(['（', '(']))
    {
        item.issue_no = issue_no(inner);
    }
    // A title that is the 报头 alone ("安全生产工作简报", the portal heading being the
    // article's) is given its 期数, as the 报头 prints it under the name.
    if let Some(no) = &item.issue_no
        && !super::kind::has_issue_suffix(&item.title)
        && !item.title.contains(no.as_str())
    {
        item.title = format!("{}（{no}）", item.title);
    }
    kept
}

#[cfg(test)]
mod tests {
    #[test]
    fn short_issue_numbers_before_a_name() {
        assert!(short_issue_no("4期"));
        assert!(short_issue_no("第4期"));
        assert!(short_issue_no("2024年4期"));
        assert!(!short_issue_no("某镇"));
        assert!(!short_issue_no(""));
    }

    use super::*;

    #[test]
    fn short_forms_of_a_safety_committee() {
        assert_eq!(
            full_organ("荷塘乡安委会办公室").as_deref(),
            Some("荷塘乡安全生产委员会办公室")
        );
        assert_eq!(
            full_organ("柏溪县安委办").as_deref(),
            Some("柏溪县安全生产委员会办公室")
        );
        assert_eq!(
            full_organ("某镇安委会").as_deref(),
            Some("某镇安全生产委员会")
        );
        // Full names and other organs stay as written.
        assert_eq!(full_organ("荷塘乡安全生产委员会办公室"), None);
        assert_eq!(full_organ("荷塘乡党政办公室"), None);
        assert_eq!(full_organ("安委会"), None);
    }

    #[test]
    fn issue_numbers() {
        assert_eq!(issue_no("第5期").as_deref(), Some("第5期"));
        assert_eq!(issue_no("（总第12期）").as_deref(), Some("总第12期"));
        assert_eq!(issue_no("2023年第3期").as_deref(), Some("2023年第3期"));
        assert_eq!(issue_no("第一期"), Some("第一期".into()));
        assert_eq!(issue_no("第5期培训班圆满结束"), None);
    }

    #[test]
    fn masthead_with_running_number_and_compiling_office() {
        let lines: Vec<Line> = Line::numbered([
            "2024年第4期（总第27期）",
            "金汇镇安全生产委员会办公室编　　　　2024年7月2日",
            "★ 金汇镇安全生产月活动圆满结束",
            "发：各社区居委会、镇属各单位",
        ]);
        let mut item = Item::new(crate::gongwen::Kind::Briefing, super::super::Role::Main);
        let kept = read(&mut item, &lines, &mut Report::new("t.txt"));
        assert_eq!(item.issue_no.as_deref(), Some("2024年第4期"));
        assert_eq!(item.issuer, ["金汇镇安全生产委员会办公室"]);
        assert_eq!(item.addressees, ["各社区居委会", "镇属各单位"]);
        assert_eq!(kept.len(), 1);
    }

    #[test]
    fn masthead_as_a_table_with_the_office_labelled() {
        let lines: Vec<Line> = Line::numbered([
            "| 防汛工作简报 |  |",
            "| --- | --- |",
            "| 第3期 |  |",
            "| 主办：白石乡防汛抗旱指挥部办公室 | 2021年6月30日 |",
            "白石乡召开防汛工作会议",
        ]);
        let mut item = Item::new(crate::gongwen::Kind::Briefing, super::super::Role::Main);
        item.title = "白石乡防汛工作简报（第3期）".into();
        let kept = read(&mut item, &lines, &mut Report::new("t.txt"));
        assert_eq!(item.issue_no.as_deref(), Some("第3期"));
        assert_eq!(item.issuer, ["白石乡防汛抗旱指挥部办公室"]);
        assert_eq!(item.date, chrono::NaiveDate::from_ymd_opt(2021, 6, 30));
        assert_eq!(kept.len(), 1);
    }
}
