//! How a title reveals the type of a document, and what import takes from the head of each
//! type. The types themselves are the one [`Kind`] of [`crate::gongwen`].
//!
//! Complexity: O(t) for a title of t bytes: a fixed list of about 30 words, each searched once.

use crate::gongwen::Kind;
use crate::gongwen::chars::is_blank;

/// Types whose 主送 (or salutation) line becomes `addressees`.
pub fn takes_addressees(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Notice | Kind::Letter | Kind::Form | Kind::Pledge
    )
}

/// The type named by a title, from its 文种 word; `None` when the title names none.
pub fn of_title(title: &str) -> Option<Kind> {
    if has_issue_suffix(title) {
        return Some(Kind::Briefing);
    }
    let t = title
        .trim_end_matches(['）', ')'])
        .trim_end_matches("参考")
        .trim_end_matches(['（', '(']);
    let has = |w: &str| title.contains(w);
    if has("讲话") || has("讲座") || has("发言") || has("致辞") {
        return Some(Kind::Speech);
    }
    if has("告知书") {
        return Some(Kind::Form);
    }
    if has("承诺书") {
        return Some(Kind::Pledge);
    }
    if has("一封信") || t.ends_with("的信") || has("倡议书") {
        return Some(Kind::Letter);
    }
    if has("标语") || has("口号") {
        return Some(Kind::Slogans);
    }
    // An accident investigation report is read as a case, whatever follows it ("（摘要）").
    if has("事故调查报告") {
        return Some(Kind::Case);
    }
    if [
        "通知", "通报", "决定", "意见", "函", "报告", "请示", "批复", "纪要", "公告", "通告",
    ]
    .iter()
    .any(|w| t.ends_with(w))
    {
        return Some(Kind::Notice);
    }
    if t.ends_with("方案") || t.ends_with("要点") || t.ends_with("计划") || t.ends_with("规划")
    {
        return Some(Kind::Plan);
    }
    if has("简报") {
        return Some(Kind::Briefing);
    }
    if has("案例") || has("经验做法") || has("典型") {
        return Some(Kind::Case);
    }
    if has("工作动态") || has("信息") && t.ends_with("信息") {
        return Some(Kind::News);
    }
    None
}

/// Whether a title ends with a bracketed 期数 ("…工作动态（2023年第15期）"): a briefing,
/// whatever it calls itself.
pub fn has_issue_suffix(title: &str) -> bool {
    title
        .strip_suffix(['）', ')'])
        .and_then(|s| s.rsplit_once(['（', '(']))
        .is_some_and(|(_, inner)| super::briefing::issue_no(inner).is_some())
}

/// Whether a first paragraph opens the way a news story does: with the day of the event
/// ("6月16日，", "2024年6月16日上午，") or a time word ("近日，", "连日来，", "入夏以来，").
/// A title naming no 文种 over such a paragraph is work news.
pub fn news_lead(t: &str) -> bool {
    // "新港镇供稿（顾晓燕）6月16日上午，…", "本报讯（通讯员 王芳）近日，…": the source's
    // credit before the lead.
    if let Some(rest) = without_credit(t)
        && news_lead(rest)
    {
        return true;
    }
    // "“燃气软管用了几年了？”1月14日，…": a quotation opening the story.
    if let Some((_, rest)) = t.strip_prefix('“').and_then(|r| r.split_once('”'))
        && news_lead(rest)
    {
        return true;
    }
    // "为切实防范燃气安全事故，6月12日至13日，…", "今年6月是第24个全国“安全生产月”，6月16日，
    // …": a short clause (a purpose, the occasion) before the day.
    if let Some((clause, after)) = t.split_once('，')
        && clause.chars().count() <= 24
        && !after.starts_with('为')
        && opens_with_day(after)
        && !opens_deadline(after)
    {
        return true;
    }
    // "为进一步提高…，确保…，减少…，12月15日，…": a purpose of several clauses before the day,
    // inside the first sentence.
    if t.starts_with('为')
        && t.split('。')
            .next()
            .unwrap_or("")
            .split('，')
            .skip(1)
            .take(6)
            .any(|c| opens_with_day(c) || opens_with_time_word(c))
    {
        return true;
    }
    if opens_with_time_word(t) {
        return true;
    }
    let head: String = t.chars().take(16).collect();
    if let Some(at) = head.find("以来") {
        return head[..at].chars().count() <= 6 && head[at..].starts_with("以来，");
    }
    opens_with_day(t)
}

/// "2024年10月1日起", "6月16日前": a date that opens a rule's start or deadline, not an event.
fn opens_deadline(t: &str) -> bool {
    t.find('日')
        .is_some_and(|at| t[at + '日'.len_utf8()..].starts_with(['起', '前', '至', '到', '以']))
}

/// "近日，", "日前，", "连日来，": a story's time word at the very start.
fn opens_with_time_word(t: &str) -> bool {
    const WORDS: &[&str] = &["近日", "日前", "近期", "连日来", "近段时间", "今年以来"];
    WORDS.iter().any(|w| t.starts_with(w))
}

/// A date at the very start: [YYYY年]M月D日 (digits or Chinese numerals).
fn opens_with_day(t: &str) -> bool {
    let head: String = t.chars().take(16).collect();
    let rest = head
        .split_once('年')
        .filter(|(y, _)| y.chars().count() == 4 && y.chars().all(|c| c.is_ascii_digit()))
        .map_or(head.as_str(), |(_, r)| r);
    let Some((m, r)) = rest.split_once('月') else {
        return false;
    };
    let Some((d, _)) = r.split_once('日') else {
        return false;
    };
    let num = |s: &str| {
        (1..=3).contains(&s.chars().count())
            && s.chars()
                .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
    };
    num(m) && num(d)
}

/// The lead `t` after a credit of its source at its start ("某镇供稿（姓名）", "本网讯（通讯员
/// 姓名）"), when it opens with one.
fn without_credit(t: &str) -> Option<&str> {
    let head: String = t.chars().take(16).collect();
    let end = ["供稿", "讯"]
        .iter()
        .filter_map(|w| head.find(w).map(|a| a + w.len()))
        .min()?;
    let rest = t[end..].trim_start_matches(is_blank);
    let rest = match rest.strip_prefix(['（', '(']) {
        Some(r) => {
            let close = r.find(['）', ')'])?;
            if r[..close].chars().count() > 16 {
                return None;
            }
            &r[close + r[close..].chars().next()?.len_utf8()..]
        }
        None => rest,
    };
    Some(rest.trim_start_matches(|c: char| is_blank(c) || "：:，".contains(c)))
}

/// "长塘镇：开展燃气安全入户排查": a news headline naming the place (a township, a county…)
/// before a colon. Such a headline is one line; it names no 文种.
pub fn is_place_headline(t: &str) -> bool {
    let Some((place, rest)) = t.split_once('：') else {
        return false;
    };
    let n = place.chars().count();
    (2..=12).contains(&n)
        && place.chars().all(crate::gongwen::chars::is_han)
        && (super::head::is_organ(place)
            || place.ends_with(['县', '区', '市', '村', '旗'])
            || place.ends_with("社区"))
        && (4..=40).contains(&rest.chars().count())
        && !rest.contains(['。', '：', '；'])
}

/// "路东街道举办消防宣传月活动", "某镇联合辖区商场开展消防应急演练": a headline whose subject
/// is a township, a street, a village or a community, its verb right after the name. Under a
/// title naming no 文种 it is work news.
pub fn is_town_headline(t: &str) -> bool {
    town_of_headline(t).is_some()
}

/// The township, street, village or community a headline of [`is_town_headline`] opens
/// with: "龙沟集镇开展节前检查" → 龙沟集镇.
pub fn town_of_headline(t: &str) -> Option<String> {
    const VERBS: &[&str] = &[
        "开展",
        "举办",
        "召开",
        "组织",
        "部署",
        "推进",
        "启动",
        "深入",
        "扎实",
        "联合",
        "多措并举",
        "全力",
        "强化",
        "加强",
        "持续",
        "积极",
        "筑牢",
        "织密",
        "掀起",
        "守护",
        "打好",
        "压实",
        "落实",
        "做好",
        "完成",
        "举行",
        "进行",
        "采取",
    ];
    let cs: Vec<char> = t.chars().collect();
    if cs.len() > 40 || t.contains(['。', '，', '：']) {
        return None;
    }
    (1..cs.len().min(10)).find_map(|end| {
        let place: String = cs[..=end].iter().collect();
        let named = ["镇", "乡", "街道", "村", "社区"]
            .iter()
            .any(|e| place.ends_with(e) && place.chars().count() > e.chars().count() + 1);
        let rest: String = cs[end + 1..].iter().collect();
        (named
            && place.chars().all(crate::gongwen::chars::is_han)
            && !place.starts_with(['全', '各', '本', '我', '该'])
            && VERBS.iter().any(|v| rest.starts_with(v)))
        .then_some(place)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_leads() {
        assert!(news_lead("6月16日，宝日苏木在集贸市场开展宣传咨询日活动。"));
        assert!(news_lead("2024年6月19日是托克乡的巴扎日，"));
        assert!(news_lead("近日，镇安办组织开展燃气安全检查。"));
        assert!(news_lead("入夏以来，高温天气持续。"));
        assert!(!news_lead("为切实做好安全生产工作，现通知如下："));
        assert!(news_lead(
            "为防范燃气事故，6月12日至13日，外山镇开展入户检查。"
        ));
        assert!(!news_lead("一、6月16日开展咨询日活动。"));
        assert!(!news_lead("各村委会："));
        assert!(news_lead(
            "新港镇供稿（顾晓燕）6月16日上午，新港镇在镇文化广场开展活动。"
        ));
        assert!(news_lead("本网讯 近日，外山镇开展燃气安全检查。"));
        assert!(news_lead(
            "“报警器装了没有？”1月14日，长塘镇开展燃气安全入户排查。"
        ));
        assert!(!news_lead("“安全第一”是我们的原则。"));
        // The occasion before the day; a purpose of several clauses before it.
        assert!(news_lead(
            "今年6月是第24个全国“安全生产月”，6月16日，经开区举办咨询日活动。"
        ));
        assert!(news_lead(
            "为进一步提高群众的燃气安全意识，确保冬季用气安全，减少事故，12月15日，槐林镇开展宣传。"
        ));
        assert!(!news_lead(
            "为做好国庆节期间安全工作，根据区安委办的部署，现将有关事项通知如下："
        ));
        assert!(!news_lead(
            "为做好安全工作，确保节日平安。6月16日前各村上报。"
        ));
        assert!(!news_lead(
            "经研究决定，2024年10月1日起全镇实行新的值班制度。"
        ));
        assert!(news_lead(
            "为进一步压实安全生产责任，确保春节前后全镇安全形势稳定，近日，紫霞镇召开推进会。"
        ));
    }

    #[test]
    fn town_headlines() {
        assert!(is_town_headline(
            "路东街道举办消防宣传月暨下半年消防演练活动"
        ));
        assert!(is_town_headline("胜利路街道联合辖区商场开展消防应急演练"));
        assert!(is_town_headline("龙沟集镇开展节前安全生产检查活动"));
        assert!(!is_town_headline("全镇开展安全生产大检查"));
        assert!(!is_town_headline("关于开展安全生产大检查的通知"));
        assert!(!is_town_headline("乡村振兴与安全发展"));
        assert!(is_town_headline("双河镇采取措施确保国庆假期安全"));
        assert!(!is_town_headline("各乡镇采取措施确保假期安全"));
    }

    #[test]
    fn place_headlines() {
        assert!(is_place_headline("长塘镇：开展燃气安全入户排查"));
        assert!(is_place_headline("芦洲区：多措并举守护群众安全"));
        assert!(!is_place_headline("各村委会："));
        assert!(!is_place_headline("联系人：张三，电话：12345678"));
    }

    #[test]
    fn kinds_from_titles() {
        assert_eq!(
            of_title("外山乡人民政府关于印发…方案的通知"),
            Some(Kind::Notice)
        );
        assert_eq!(of_title("外山乡2023年安全生产工作要点"), Some(Kind::Plan));
        assert_eq!(
            of_title("在全市安全生产标准化提升线上专题讲座要点"),
            Some(Kind::Speech)
        );
        assert_eq!(
            of_title("安全生产标准化提升专项行动宣传标语（参考）"),
            Some(Kind::Slogans)
        );
        assert_eq!(
            of_title("关于自主加强安全生产标准化建设告知书"),
            Some(Kind::Form)
        );
        assert_eq!(
            of_title("关于自主加强安全生产标准化承诺书"),
            Some(Kind::Pledge)
        );
        assert_eq!(
            of_title("打造…高质量发展——致各生产经营单位的一封信"),
            Some(Kind::Letter)
        );
        assert_eq!(of_title("某某石材有限公司典型案例"), Some(Kind::Case));
        assert_eq!(of_title("会议记录"), None);
        // A speech is filed where the engine reads speeches: the news section.
        assert_eq!(
            of_title("在全乡安全生产工作会议上的讲话").map(Kind::folder),
            Some("news")
        );
    }
}
