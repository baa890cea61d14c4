//! What a page gives twice: the whole article printed again right under itself (a CMS that
//! writes its content field twice), and a heading copied as the page's short title followed
//! by its full title on one line. The second copy of the article goes; the heading keeps the
//! full title.

use std::collections::{BTreeMap, HashMap};

use crate::gongwen::chars::is_blank;
use crate::import::Line;
use crate::import::recognize::kind::of_title;

/// How far from the top the repeated article may start (the header's lines before it).
const START_WITHIN: usize = 30;

/// The article given twice, the second copy right after the first, line for line the same
/// (four lines or more, one of them a sentence of twenty characters or more): the second copy
/// goes. The copy must be the article: the first one opens at the page's heading (the first
/// line left, or a title naming its 文种) and the second runs to the end of the page, or
/// nearly (fewer lines after it than it has). (A list repeating a line or two, short lines
/// printed twice, or a reply form asking its fields twice inside the body, stays.)
pub(super) fn drop_repeat(
    mut lines: Vec<Line>,
    gone: &mut BTreeMap<&'static str, Vec<(usize, String)>>,
) -> Vec<Line> {
    let texts: Vec<String> = lines.iter().map(Line::plain).collect();
    // The next line with the same text as each line (one pass from the end).
    let mut next_same = vec![None; texts.len()];
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, t) in texts.iter().enumerate().rev() {
        next_same[i] = seen.insert(t.as_str(), i);
    }
    // Each start is compared with its first repeat only, and only near the top: at most
    // START_WITHIN comparisons of the document's length.
    let found = (0..texts.len().min(START_WITHIN)).find_map(|i| {
        let j = next_same[i]?;
        let k = j - i;
        let copy = j + k <= texts.len()
            && k >= 4
            && texts[i..j] == texts[j..j + k]
            && texts[i..j].iter().any(|t| t.chars().count() >= 20)
            && (i == 0 || is_heading(&texts[i]))
            && texts.len() - (j + k) < k;
        copy.then_some((j, k))
    });
    if let Some((j, k)) = found {
        for l in lines.drain(j..j + k) {
            gone.entry("重复的全文")
                .or_default()
                .push((l.no, l.plain()));
        }
    }
    lines
}

/// A title line: short, no sentence inside, naming a 文种.
fn is_heading(t: &str) -> bool {
    let t = crate::gongwen::chars::without_blanks(t);
    t.chars().count() <= 80 && !t.contains(['。', '；']) && of_title(&t).is_some()
}

/// "丰庄镇 2024年“安全生产月” 丰庄镇 2024年“安全生产月” 宣传标语": a heading copied as its
/// short title and then its full title, which opens with the short one and closes with a 文种.
/// Returns the full title, the blanks where the portal broke its lines taken out (kept
/// between two Latin letters or digits), and the short title.
pub(super) fn doubled_heading(t: &str) -> Option<(String, String)> {
    if t.chars().count() > 120 || t.contains(['。', '；']) {
        return None;
    }
    let squash = crate::gongwen::chars::without_blanks;
    t.char_indices()
        .filter(|&(_, c)| is_blank(c))
        .find_map(|(at, _)| {
            let (short, full) = (squash(&t[..at]), squash(&t[at..]));
            (short.chars().count() >= 6
                && full.len() >= short.len()
                && full.starts_with(&short)
                && of_title(&full).is_some())
            .then(|| (joined(t[at..].trim_matches(is_blank)), short))
        })
}

/// `t` with its blanks taken out, except between two Latin letters or digits.
fn joined(t: &str) -> String {
    let words: Vec<&str> = t.split(is_blank).filter(|w| !w.is_empty()).collect();
    let mut out = String::with_capacity(t.len());
    for w in words {
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if latin(out.chars().last()) && latin(w.chars().next()) {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Rewrites a doubled heading among the first lines to its full title.
pub(super) fn undouble_heading(
    mut lines: Vec<Line>,
    gone: &mut BTreeMap<&'static str, Vec<(usize, String)>>,
) -> Vec<Line> {
    for l in lines.iter_mut().take(12) {
        if let Some((full, short)) = doubled_heading(&l.plain()) {
            gone.entry("网页的短标题").or_default().push((l.no, short));
            l.text = full;
            break;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(t: &str) -> Vec<Line> {
        Line::numbered(t.lines())
    }

    fn texts(ls: &[Line]) -> Vec<String> {
        ls.iter().map(Line::plain).collect()
    }

    #[test]
    fn an_article_given_twice_keeps_one_copy() {
        let once = "某乡人民政府关于做好清明节期间安全工作的通知\n某政〔2024〕9号\n各村委会：\n清明节期间野外用火增多，请各村安排专人巡查，发现火情立即报告。\n某乡人民政府\n2024年4月1日";
        let page = format!("当前位置：首页\n{once}\n{once}\n【打印此页】");
        let mut gone = BTreeMap::new();
        let kept = drop_repeat(lines(&page), &mut gone);
        let mut want: Vec<String> = vec!["当前位置：首页".into()];
        want.extend(once.lines().map(str::to_string));
        want.push("【打印此页】".into());
        assert_eq!(texts(&kept), want);
        assert_eq!(gone["重复的全文"].len(), 6);
        assert_eq!(gone["重复的全文"][0].0, 8);
    }

    #[test]
    fn short_repeats_stay() {
        // Slogans repeated two at a time, and a short list printed twice, are not an article.
        for page in [
            "安全第一，预防为主\n生命至上\n安全第一，预防为主\n生命至上\n",
            "一、检查\n二、整改\n三、验收\n四、总结\n一、检查\n二、整改\n三、验收\n四、总结\n",
            // Not right after each other: a quotation of the opening later on.
            "请各村认真组织开展安全生产大检查工作。\n甲\n乙\n丙\n中间的一段话写在这里，不是重复。\n请各村认真组织开展安全生产大检查工作。\n甲\n乙\n丙\n",
        ] {
            let mut gone = BTreeMap::new();
            let kept = drop_repeat(lines(page), &mut gone);
            assert_eq!(kept.len(), page.lines().count(), "{page}");
            assert!(gone.is_empty());
        }
    }

    #[test]
    fn a_reply_form_asking_its_fields_twice_stays() {
        let page = "关于报送安全员培训人员名单的通知\n发布时间：2024-04-28 10:00 来源：某镇\n各企业：\n请于5月10日前报送参加培训人员名单，每家企业报送两名，回执如下：\n姓名：\n职务：\n联系电话：\n是否住宿（请填写“是”或“否”，便于统一安排食宿）：\n姓名：\n职务：\n联系电话：\n是否住宿（请填写“是”或“否”，便于统一安排食宿）：\n某镇安全生产委员会办公室\n2024年4月28日";
        let mut gone = BTreeMap::new();
        let kept = drop_repeat(lines(page), &mut gone);
        assert_eq!(texts(&kept), texts(&lines(page)));
        assert!(gone.is_empty());
    }

    #[test]
    fn a_short_title_before_the_full_one() {
        assert_eq!(
            doubled_heading("丰庄镇 2024年“安全生产月” 丰庄镇 2024年“安全生产月” 宣传标语"),
            Some((
                "丰庄镇2024年“安全生产月”宣传标语".to_string(),
                "丰庄镇2024年“安全生产月”".to_string()
            ))
        );
        assert_eq!(
            doubled_heading("全镇开展消防安全 全镇开展消防安全 专项整治实施方案").map(|x| x.0),
            Some("全镇开展消防安全专项整治实施方案".to_string())
        );
    }

    #[test]
    fn headings_that_only_look_doubled_stay() {
        // A title with blanks but no short title before it.
        assert_eq!(doubled_heading("某镇2024年“安全生产月” 宣传标语"), None);
        // A short repeated word is no short title.
        assert_eq!(doubled_heading("安全 安全生产月活动方案"), None);
        // A sentence of the body.
        assert_eq!(
            doubled_heading("安全生产工作 安全生产工作要常抓不懈，切实落实责任。"),
            None
        );
        // The words before the blank do not open what follows.
        assert_eq!(
            doubled_heading("安全生产月宣传 某镇2024年安全生产月宣传标语"),
            None
        );
    }

    #[test]
    fn latin_words_keep_their_blank() {
        assert_eq!(joined("某镇 APP 使用 说明"), "某镇APP使用说明");
        assert_eq!(joined("PM 2.5 监测方案"), "PM 2.5监测方案");
    }
}
