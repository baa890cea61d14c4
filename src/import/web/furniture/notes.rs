//! Short notes a portal prints around an article, known by their form on many platforms: the
//! editors' sign-off under a news page ("初审:… 责编:… 终审:…"), the link to the original
//! file ("原文链接:点击查看源文件"), the switch into or out of a mode of the site ("退出长者
//! 模式"), and a footer line whose full stop stands only inside its bracketed note
//! ("网站技术支持电话:…(工作日9:00-17:00,只处理网站问题。)").

use crate::gongwen::chars::{is_blank, is_han};

/// The labels of an editors' sign-off: the three reviews and the editor's credits.
const SIGNOFF: &[&str] = &[
    "初审",
    "初审人",
    "复审",
    "复审人",
    "终审",
    "终审人",
    "一审",
    "二审",
    "三审",
    "责编",
    "责任编辑",
    "编辑",
    "审核",
    "审校",
    "审稿",
    "核稿",
    "校对",
    "编审",
    "签发",
];

/// "初审:孙丽娟 责编:方晓东 终审:程志刚": a line made only of two sign-off labels or more,
/// each with a short name after its colon. (A sentence naming the reviews, "稿件实行初审、
/// 复审、终审三审制度。", has no colons and names; it stays.)
pub(super) fn is_signoff(t: &str) -> bool {
    if t.chars().count() > 60 {
        return false;
    }
    // "初审: 孙丽娟": blanks after a colon belong to the item.
    let mut joined = String::with_capacity(t.len());
    let mut after_colon = false;
    for c in t.chars() {
        if is_blank(c) && after_colon {
            continue;
        }
        after_colon = matches!(c, '：' | ':');
        joined.push(c);
    }
    let items: Vec<&str> = joined.split(is_blank).filter(|w| !w.is_empty()).collect();
    items.len() >= 2
        && items.iter().all(|item| {
            item.split_once(['：', ':']).is_some_and(|(label, name)| {
                SIGNOFF.contains(&label) && name.split('、').all(is_person)
            })
        })
}

/// Words that end an organ's or a body's name, not a person's.
const ORGAN_ENDS: &[char] = &[
    '办', '委', '会', '局', '村', '所', '站', '队', '组', '部', '室', '镇', '乡', '处', '科', '院',
    '厅', '司', '社', '区', '县', '市', '省', '厂', '校', '馆', '台', '团', '府', '企', '户',
];

/// "孙丽娟", "阿依古丽·买买提": a person's name, two to four Han characters (or Han names
/// joined by "·"); not an organ ("镇安办", "各村", "应急中心") nor a reviewer's word ("同意").
pub(super) fn is_person(name: &str) -> bool {
    let n = name.chars().count();
    let han = |w: &str| !w.is_empty() && w.chars().all(is_han);
    let shaped = if name.contains('·') {
        n <= 12 && name.split('·').all(han)
    } else {
        (2..=4).contains(&n) && han(name)
    };
    shaped
        && !name.ends_with(ORGAN_ENDS)
        && !name.ends_with("中心")
        && !name.starts_with(['各', '本', '全'])
        && ![
            "同意",
            "通过",
            "批准",
            "不同意",
            "已阅",
            "已审",
            "无误",
            "合格",
            "待定",
            "暂无",
            "无",
        ]
        .contains(&name)
}

/// "原文链接:点击查看源文件", "原文地址：http://…": the link to the original file or page,
/// whose value is the link's words or its address. (A sentence about the link, "原文链接
/// 失效的，请告知。", stays.)
pub(super) fn is_source_link(t: &str) -> bool {
    let Some(rest) = ["原文链接", "原文地址", "原文网址", "源文件链接"]
        .iter()
        .find_map(|w| t.strip_prefix(w))
    else {
        return false;
    };
    let rest = rest.trim_start_matches(is_blank);
    let Some(value) = rest.strip_prefix(['：', ':']) else {
        return false;
    };
    let value = value.trim_matches(is_blank);
    let link_words = value.starts_with("点击")
        || ["查看原文", "查看源文件", "下载原文", "打开原文"].contains(&value);
    value.is_empty()
        || value.starts_with("http")
        || value.starts_with("www.")
        || link_words && value.chars().count() <= 16 && !value.contains(['。', '，', '；'])
}

/// "退出长者模式", "切换到无障碍模式", "进入关怀版": a switch into or out of one of the site's
/// modes or versions named among `buttons`. (An ordinary phrase, "进入应急模式", names no
/// mode of the site and is no switch.)
pub(super) fn is_mode_switch(w: &str, buttons: &[&str]) -> bool {
    let Some(mode) = [
        "切换到",
        "切换至",
        "切换",
        "进入",
        "退出",
        "打开",
        "关闭",
        "返回",
    ]
    .iter()
    .find_map(|p| w.strip_prefix(p)) else {
        return false;
    };
    let base = mode
        .strip_suffix("模式")
        .or_else(|| mode.strip_suffix("版"))
        .filter(|b| !b.is_empty());
    base.is_some_and(|b| buttons.contains(&mode) || buttons.contains(&b))
}

/// `t` without what its brackets hold: a footer's note "(工作日9:00-17:00,只处理网站问题。)"
/// may end with a full stop that the line itself does not have.
pub(super) fn outside_brackets(t: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_editors_signoff_is_furniture() {
        assert!(is_signoff("初审:孙丽娟 责编:方晓东 终审:程志刚"));
        assert!(is_signoff("初审：李明　复审：王芳　终审：赵强"));
        assert!(is_signoff("责任编辑: 张伟 审核: 刘洋"));
    }

    #[test]
    fn body_lines_naming_reviews_stay() {
        assert!(!is_signoff("稿件实行初审、复审、终审三审制度。"));
        assert!(!is_signoff(
            "终审：由县应急管理局统一负责，初审：由各村负责。"
        ));
        // One credit alone is no sign-off (a bracketed one is read elsewhere).
        assert!(!is_signoff("终审:程志刚"));
        assert!(!is_signoff("初审:孙丽娟 联系电话:0551-1234567"));
    }

    #[test]
    fn reviews_by_organs_or_verdicts_stay() {
        // A 竞赛活动方案's review steps, done by organs, and an approval line.
        assert!(!is_signoff("初审：各村 复审：镇安办 终审：镇安委会"));
        assert!(!is_signoff("审核：同意 签发：同意"));
        assert!(!is_signoff("初审：镇应急中心 终审：镇政府"));
        // Persons' names, one of them joined by "·", are a sign-off.
        assert!(is_signoff("初审：阿依古丽·买买提 终审：程志刚"));
        assert!(is_signoff("责编：林晓、王鹏 审核：刘洋"));
    }

    #[test]
    fn a_link_to_the_original_is_furniture() {
        assert!(is_source_link("原文链接:点击查看源文件"));
        assert!(is_source_link("原文链接："));
        assert!(is_source_link(
            "原文地址：http://www.example.gov.cn/art/1.html"
        ));
        assert!(is_source_link("原文链接 : 查看原文"));
    }

    #[test]
    fn sentences_about_the_original_stay() {
        assert!(!is_source_link("原文链接失效的，请告知镇党政办。"));
        assert!(!is_source_link(
            "原文链接：请到镇政府网站查阅，逾期不再受理。"
        ));
        assert!(!is_source_link("原文如下："));
    }

    #[test]
    fn a_mode_switch_is_a_button() {
        let b = &["长者模式", "无障碍", "关怀版", "长者"];
        assert!(is_mode_switch("退出长者模式", b));
        assert!(is_mode_switch("进入长者模式", b));
        assert!(is_mode_switch("切换到无障碍模式", b));
        assert!(is_mode_switch("退出关怀版", b));
        assert!(!is_mode_switch("进入应急模式", b));
        assert!(!is_mode_switch("退出", b));
        assert!(!is_mode_switch("关闭模式", b));
    }

    #[test]
    fn a_bracketed_note_is_left_out() {
        assert_eq!(
            outside_brackets("网站技术支持电话:0519-1234(工作日9:00-17:00,只处理网站问题。)"),
            "网站技术支持电话:0519-1234"
        );
        assert_eq!(
            outside_brackets("本项目由县应急管理局提供技术支持。"),
            "本项目由县应急管理局提供技术支持。"
        );
    }
}
