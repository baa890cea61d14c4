//! The page's own heading above the document: a news site's headline and lead over a
//! reprinted document, and a portal's heading that the document's title repeats (exactly,
//! after the organ's name, or shortened).

use std::collections::BTreeMap;

use super::{all_buttons, is_header_line};
use crate::gongwen::chars::is_blank;
use crate::gongwen::date_line;
use crate::import::Line;
use crate::import::recognize::docno::parse_doc_no;
use crate::import::recognize::head::{PLACE_ENDINGS, is_head_mark, is_organ};

/// A news site reprinting a document: its headline and a lead ending "全文如下：" above the
/// document's own title. Both go; the document starts at its title.
pub(super) fn drop_reprint_lead(
    mut lines: Vec<Line>,
    gone: &mut BTreeMap<&'static str, Vec<(usize, String)>>,
) -> Vec<Line> {
    let lead = lines.iter().take(6).position(|l| {
        let t = l.plain();
        ["全文如下", "原文如下", "内容如下"]
            .iter()
            .any(|w| t.trim_end_matches(['：', ':']).ends_with(w))
    });
    let Some(i) = lead else {
        return lines;
    };
    let next = lines.get(i + 1).map(Line::plain).unwrap_or_default();
    if next.chars().count() > 60
        || crate::import::recognize::kind::of_title(&next.replace(is_blank, "")).is_none()
    {
        return lines;
    }
    for l in lines.drain(..=i) {
        gone.entry("转载的新闻标题和导语")
            .or_default()
            .push((l.no, l.plain()));
    }
    lines
}

/// The page's own heading repeated by the document's title a few lines below (often with the
/// 文号 between): the page heading goes. A "【局名】" before a heading goes too.
pub(super) fn drop_page_heading(
    mut lines: Vec<Line>,
    gone: &mut BTreeMap<&'static str, Vec<(usize, String)>>,
) -> Vec<Line> {
    for l in lines.iter_mut().take(12) {
        let t = l.plain();
        if let Some(rest) = t.strip_prefix('【')
            && let Some((org, title)) = rest.split_once('】')
            && org.chars().count() <= 16
            && title.chars().count() >= 6
            && !all_buttons(org)
        {
            gone.entry("栏目标记")
                .or_default()
                .push((l.no, format!("【{org}】")));
            l.text = title.trim_matches(is_blank).to_string();
        }
    }
    let head = lines.len().min(12);
    for i in 0..head {
        let a = crate::gongwen::chars::without_blanks(&lines[i].plain());
        let a = without_doc_no(&a);
        // (The site's name, printed twice in a header, is no page heading.)
        if a.chars().count() < 8
            || date_line::parse(a).is_some()
            || a.ends_with(['。', '：', ':'])
            || super::bars::is_site_name(a)
        {
            continue;
        }
        let later: Vec<String> = lines[i + 1..]
            .iter()
            .take(12)
            .map(|l| crate::gongwen::chars::without_blanks(&l.plain()))
            .collect();
        // The document's title may be split over two or three lines.
        let found = (0..later.len()).find_map(|j| {
            (j + 1..=(j + 3).min(later.len()))
                .find(|&k| same_title(a, &later[j..k].concat()))
                .map(|k| (j, k))
        });
        // "某区某镇…案例" over the body's "某区应急管理局" and "某镇…案例": the organ's line
        // and the title without the place go, the heading naming the place is the title.
        if let Some((j, k)) = found
            && j > 0
            && let Some(place) = a.strip_suffix(later[j..k].concat().as_str())
            && !place.is_empty()
            && is_organ(&later[j - 1])
            && later[j - 1].starts_with(place)
        {
            for l in lines.drain(i + j..i + 1 + k) {
                gone.entry("重复的网页标题")
                    .or_default()
                    .push((l.no, l.plain()));
            }
            break;
        }
        // The body's copy of the title cut short ("关于做好…安全防范工作的" under the heading
        // "关于做好…安全防范工作的通知"): the copy goes, the whole heading is the title.
        if found.is_none()
            && let Some(j) = cut_copy(a, &later)
        {
            let l = lines.remove(i + 1 + j);
            gone.entry("重复的网页标题")
                .or_default()
                .push((l.no, l.plain()));
            break;
        }
        if found.is_some() {
            // Short lines above the page's heading are the page's header (site, column names).
            let header = lines[..i].iter().all(|l| is_header_line(&l.plain()));
            if header {
                for l in lines.drain(..i) {
                    gone.entry("网页页眉").or_default().push((l.no, l.plain()));
                }
            }
            let l = lines.remove(if header { 0 } else { i });
            gone.entry("重复的网页标题")
                .or_default()
                .push((l.no, l.plain()));
            break;
        }
    }
    lines
}

/// Short lines of the page's header over a 公文 title that opens with its organ ("返回 主页"
/// and the column's name "安全生产" over "某镇人民政府关于…的通知"): a title so opened starts
/// there, so the lines above it are no part of it. The marks a document itself may print
/// above its title (版头, 份号, 密级, 紧急程度) stay.
pub(super) fn drop_header_over_title(
    mut lines: Vec<Line>,
    gone: &mut BTreeMap<&'static str, Vec<(usize, String)>>,
) -> Vec<Line> {
    let Some(i) = (1..lines.len().min(6)).find(|&i| opens_title(&lines, i)) else {
        return lines;
    };
    let header = lines[..i].iter().all(|l| {
        let t = crate::gongwen::chars::without_blanks(&l.plain());
        is_header_line(&l.plain())
            && !is_organ(&t)
            && !t.ends_with("文件")
            && !is_head_mark(&l.plain())
            // (A 文号 over the title is the document's.)
            && !t.contains(|c: char| c.is_ascii_digit() || "〔〕[]★☆".contains(c))
            // Marks written otherwise ("紧急", "签发人 王某", a draft's "征求意见稿").
            && !["急", "密", "签发", "稿", "内部", "资料"]
                .iter()
                .any(|w| t.contains(w))
            // The first half of a title: "…关于转发" over "某县人民政府关于…的通知", a place
            // over its organ.
            && !["转发", "批转", "印发", "关于", "转"]
                .iter()
                .any(|w| t.ends_with(w))
            && !t.ends_with(PLACE_ENDINGS)
    });
    if header {
        for l in lines.drain(..i) {
            gone.entry("网页页眉").or_default().push((l.no, l.plain()));
        }
    }
    lines
}

/// Whether line `i` opens a 公文 title with its organ: "某镇人民政府关于…" ending with a 文种,
/// on this line or the next.
fn opens_title(lines: &[Line], i: usize) -> bool {
    use crate::import::recognize::kind::of_title;
    let t = crate::gongwen::chars::without_blanks(&lines[i].plain());
    // A full name ("郭岔镇人民政府"): "人民政府关于…" under "某县" is a title split in two.
    let full = |o: &str| {
        o.chars().count() >= 5 && o.chars().rev().skip(2).any(|c| PLACE_ENDINGS.contains(&c))
    };
    let organ = t
        .find("关于")
        .is_some_and(|p| p > 0 && is_organ(&t[..p]) && full(&t[..p]));
    let next = lines
        .get(i + 1)
        .map(|l| crate::gongwen::chars::without_blanks(&l.plain()))
        .unwrap_or_default();
    organ
        && t.chars().count() <= 60
        && (of_title(&t).is_some() || of_title(&format!("{t}{next}")).is_some())
}

/// Whether a page's heading `a` names the document titled `t`: the same words; or the
/// title after the name of its issuer ("某镇" + "致全镇企业的一封信"); or the title shortened
/// in its middle, an organ's full name abbreviated ("…转发市安委会关于…" for "…转发某市安全
/// 生产委员会关于…"), with the same start and the same end.
pub(super) fn same_title(a: &str, t: &str) -> bool {
    use crate::import::recognize::kind::of_title;
    if a == t || without_suffix(a) == Some(t) {
        return true;
    }
    if of_title(t).is_none() || of_title(a).is_none() {
        return false;
    }
    if let Some(before) = a.strip_suffix(t) {
        return t.chars().count() >= 6 && (is_organ(before) || is_place_or_speaker(before, t));
    }
    let (ac, tc): (Vec<char>, Vec<char>) = (a.chars().collect(), t.chars().collect());
    let pre = ac.iter().zip(&tc).take_while(|(x, y)| x == y).count();
    let suf = ac
        .iter()
        .rev()
        .zip(tc.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    tc.len() > ac.len() && pre >= 4 && suf >= 8 && pre + suf <= ac.len()
}

/// A heading without the column or site name a portal appends after a hyphen
/// ("在全镇…会议上的讲话-安全生产", "…的通知_某县人民政府"). A page about the document
/// ("…的通知—政策解读", "…的通知-附件") names it after a dash too, and is no copy of it.
fn without_suffix(a: &str) -> Option<&str> {
    let (head, tail) = a.rsplit_once(['-', '－', '_', '|'])?;
    let about = [
        "解读",
        "附件",
        "说明",
        "图解",
        "问答",
        "答问",
        "全文",
        "原文",
        "摘要",
        "草案",
        "意见",
        "修订",
        "附表",
        "清单",
        "名单",
        "一图读懂",
    ];
    ((2..=16).contains(&tail.chars().count())
        && tail.chars().all(crate::gongwen::chars::is_han)
        && !about.iter().any(|w| tail.contains(w))
        && !head.ends_with(['-', '－', '_', '|', '—'])
        && crate::import::recognize::kind::of_title(head).is_some())
    .then_some(head)
}

/// Which of the `later` lines is the heading `a` cut short of its 文种 ("关于…工作的" under
/// "关于…工作的通知"): the heading without its last words, which name its kind, and the
/// 主送 right after it (a title split over two lines goes on with the rest of a title:
/// "…工作的" over "紧急通知" is not cut; a body line over a paragraph is body text).
fn cut_copy(a: &str, later: &[String]) -> Option<usize> {
    use crate::import::recognize::kind::of_title;
    of_title(a)?;
    (0..later.len()).find(|&j| {
        let t = &later[j];
        let next = later.get(j + 1).map_or("", String::as_str);
        t.chars().count() >= 10
            && a.strip_prefix(t.as_str()).is_some_and(|rest| {
                !rest.is_empty() && rest.chars().count() <= 4 && of_title(rest).is_some()
            })
            && next.ends_with(['：', ':'])
    })
}

/// What a portal may put before a document's own title `t` in its heading besides the organ:
/// the county's name ("某县" + "某镇…实施方案"), or the speaker ("某某同志" + "在…会议上的
/// 讲话", or the bare name before a speech titled "在…").
fn is_place_or_speaker(before: &str, t: &str) -> bool {
    let n = before.chars().count();
    let speech = t.starts_with('在')
        && crate::import::recognize::kind::of_title(t) == Some(crate::gongwen::Kind::Speech);
    before.chars().all(crate::gongwen::chars::is_han)
        && !before.starts_with(['全', '本', '我'])
        && ((2..=10).contains(&n) && before.ends_with(['省', '市', '县', '区', '州', '旗'])
            || (4..=8).contains(&n) && before.ends_with("同志")
            || (2..=4).contains(&n) && speech)
}

/// `t` without a 发文字号 written before it ("岩府发〔2024〕11号岩脚镇人民政府关于…", as some
/// portals head a page).
pub(super) fn without_doc_no(t: &str) -> &str {
    t.char_indices()
        .take(24)
        .filter(|&(_, c)| c == '号')
        .map(|(at, c)| at + c.len_utf8())
        .find(|&end| parse_doc_no(&t[..end]).is_some())
        .map_or(t, |end| &t[end..])
}
