//! An account's article on a news client's site (政务号, 澎湃号, 头条号…), copied out of the
//! browser: the site's name and channel menu above the title, the account's name with its
//! 关注 button under the title, "图片" where an image stood, and after the text the platform's
//! disclaimer ("本文为…号作者或机构在…上传并发布，仅代表该作者或机构观点…"), followed by the
//! buttons, the account's card and the site's lists and footer.
//!
//! The account's name is kept as a field (label 发布账号) that [`super::apply`] uses as the
//! issuer only when the article names no other organ; the rest is removed, each kind reported
//! once. Nothing is done unless a name with a 关注 button stands right under the title.

use super::meta::Field;
use crate::gongwen::chars::is_blank;
use crate::gongwen::chars::without_blanks;
use crate::import::recognize::kind::of_title;
use crate::import::{Line, Report};

/// The label of the account's name among the page's fields.
pub const LABEL: &str = "发布账号";

/// A follow button: "关注", "+关注", "关注TA".
fn is_follow_button(t: &str) -> bool {
    let b: String = t.chars().filter(|c| !is_blank(*c) && *c != '+').collect();
    matches!(b.as_str(), "关注" | "关注TA" | "已关注" | "加关注")
}

/// A name standing alone: short, no sentence marks.
fn is_name(t: &str) -> bool {
    (2..=30).contains(&t.chars().count()) && !t.contains(['，', '。', '：', ':', '；', '！', '？'])
}

/// A headline written to be clicked, not a document's title: it names no 文种, or it is a
/// sentence ("…请查收！"), or it calls out to its readers ("@全镇父老乡亲").
fn not_a_title(t: &str) -> bool {
    of_title(t).is_none() || t.ends_with(['！', '？', '。', '!', '?']) || t.starts_with(['@', '＠'])
}

/// The count of readers: "阅读 1826", "浏览量 320".
fn is_read_count(t: &str) -> bool {
    ["阅读量", "阅读", "浏览量", "浏览"].iter().any(|w| {
        t.strip_prefix(w).is_some_and(|n| {
            let n = n.trim_start_matches(['：', ':']).trim_matches(is_blank);
            !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
        })
    })
}

/// Words of a platform's disclaimer under an account's article.
const DISCLAIMER: &[&str] = &[
    "仅代表该作者或机构观点",
    "仅代表该作者观点",
    "仅代表作者本人",
    "仅代表作者观点",
    "仅提供信息发布平台",
    "仅提供信息存储空间服务",
    "系信息发布平台",
];

fn is_disclaimer(t: &str) -> bool {
    DISCLAIMER.iter().any(|w| t.contains(w))
}

/// The account's byline: the index of its name, a line with a 关注 button after it, under
/// a title among the first lines.
/// The time under the name may stand between it and the button ("2025-06-14 17:26·广东"):
/// (index of the name, whether a date line follows it).
fn byline(lines: &[Line]) -> Option<(usize, bool)> {
    let dated = |k: usize| {
        lines.get(k).is_some_and(|l| {
            let t = l.plain();
            t.chars().count() <= 30 && super::meta::first_date(&t).is_some()
        })
    };
    (1..lines.len().saturating_sub(1).min(16)).find_map(|b| {
        if !is_name(&lines[b].plain()) || is_follow_button(&lines[b - 1].plain()) || dated(b) {
            return None;
        }
        if is_follow_button(&lines[b + 1].plain()) {
            Some((b, false))
        } else {
            (dated(b + 1)
                && lines
                    .get(b + 2)
                    .is_some_and(|l| is_follow_button(&l.plain())))
            .then_some((b, true))
        }
    })
}

/// Takes an account article's furniture out of `lines`: returns the rest and the account's
/// name as a field. Lines of anything else are returned unchanged.
pub fn take(lines: Vec<Line>, rep: &mut Report) -> (Vec<Line>, Vec<Field>) {
    let Some((b, dated)) = byline(&lines) else {
        return (lines, Vec::new());
    };
    let width = if dated { 3 } else { 2 };
    let mut lines = lines;
    let mut gone = super::furniture::Gone::new();
    let account = lines[b].plain();
    let field = Field {
        key: "",
        label: LABEL.into(),
        value: account.clone(),
        line: lines[b].no,
        col: 1,
    };
    // From the platform's disclaimer on, the page is the site's.
    if let Some(cut) = (b + width..lines.len()).find(|&i| is_disclaimer(&lines[i].plain())) {
        for l in lines.drain(cut..) {
            gone.entry("平台声明及其后的账号介绍、推荐列表和页脚")
                .or_default()
                .push((l.no, l.plain()));
        }
    }
    let mut fields = vec![field];
    if dated {
        let l = &lines[b + 1];
        let date = l.plain();
        let date = date
            .split(['·', '|'])
            .next()
            .unwrap_or("")
            .trim_matches(is_blank);
        fields.push(Field {
            key: "published",
            label: "发布时间".into(),
            value: date.to_string(),
            line: l.no,
            col: 1,
        });
    }
    // The time under the button ("2026-01-21 09:46"), and the count of readers under it.
    let mut width = width;
    if !dated
        && lines
            .get(b + width)
            .is_some_and(|l| super::meta::is_bare_date(&l.plain()))
    {
        let l = &lines[b + width];
        fields.push(Field {
            key: "published",
            label: "发布时间".into(),
            value: l.plain(),
            line: l.no,
            col: 1,
        });
        width += 1;
        if lines
            .get(b + width)
            .is_some_and(|l| is_read_count(&l.plain()))
        {
            width += 1;
        }
    }
    for l in lines.drain(b..b + width) {
        gone.entry("发布账号名称和“关注”按钮")
            .or_default()
            .push((l.no, l.plain()));
    }
    // A platform's headline ("@全镇父老乡亲，这份倡议书请查收！") over a document that opens
    // with its own title: the document's title is the title.
    // (The document's title then stands where the headline stood.)
    let title = b - 1;
    let own = lines
        .get(b)
        .map(|l| without_blanks(&l.plain()))
        .unwrap_or_default();
    if own.chars().count() <= 60
        && !own.ends_with(['。', '！', '？', '：', ':'])
        && of_title(&own).is_some()
        && not_a_title(&without_blanks(&lines[title].plain()))
    {
        let l = lines.remove(title);
        gone.entry("平台上的文章标题（文件有自己的标题）")
            .or_default()
            .push((l.no, l.plain()));
    }
    // Above the title: the site's name and its channel menu, short lines all.
    if title > 0
        && lines[..title].iter().all(|l| {
            let t = l.plain();
            t.chars().count() <= 20 && !t.contains(['。', '，', '：', ':'])
        })
    {
        for l in lines.drain(..title) {
            gone.entry("网页页眉（网站名称和频道菜单）")
                .or_default()
                .push((l.no, l.plain()));
        }
    }
    let mut kept = Vec::with_capacity(lines.len());
    for l in lines {
        let t = l.plain();
        if t.chars().filter(|c| !is_blank(*c)).collect::<String>() == "图片" {
            gone.entry("图片占位文字").or_default().push((l.no, t));
        } else {
            kept.push(l);
        }
    }
    super::furniture::report_removed(rep, "", gone);
    (kept, fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Vec<String>, Vec<Field>) {
        let lines = Line::numbered(text.lines());
        let (kept, fields) = take(lines, &mut Report::new("t.txt"));
        (kept.into_iter().map(|l| l.text).collect(), fields)
    }

    #[test]
    fn an_account_article_on_a_news_site() {
        let (kept, fields) = run(
            "涌潮新闻\n要闻\n视频\n登录\n【以案为鉴】某公司“4·9”机械伤害事故案例\n梅川县应急管理局\n关注\n2024-05-13 16:42 来源：涌潮新闻·涌潮号·政务\n近日，我县一家企业发生一起机械伤害事故。\n图片\n本文为涌潮号作者或机构在涌潮新闻上传并发布，仅代表该作者或机构观点，不代表涌潮新闻的观点或立场。\n举报\n梅川县应急管理局\n关注\n1286篇文章\n热门推荐",
        );
        assert_eq!(
            kept,
            [
                "【以案为鉴】某公司“4·9”机械伤害事故案例",
                "2024-05-13 16:42 来源：涌潮新闻·涌潮号·政务",
                "近日，我县一家企业发生一起机械伤害事故。"
            ]
        );
        assert_eq!(
            (fields[0].label.as_str(), fields[0].value.as_str()),
            (LABEL, "梅川县应急管理局")
        );
    }

    #[test]
    fn a_dated_byline() {
        let (kept, fields) = run(
            "外山镇开展燃气安全检查\n外山发布\n2025-06-14 17:26·广东\n关注\n6月12日，外山镇开展检查。",
        );
        assert_eq!(
            kept,
            ["外山镇开展燃气安全检查", "6月12日，外山镇开展检查。"]
        );
        assert_eq!(fields[1].value, "2025-06-14 17:26");
    }

    #[test]
    fn a_platform_headline_over_the_documents_own_title() {
        let (kept, fields) = run(
            "美篇\n首页\n@全镇父老乡亲，这份安全生产倡议书请查收！\n某镇文化传媒中心\n关注\n2026-01-21 09:46\n阅读 1826\n岁末年初安全生产倡议书\n全镇父老乡亲：",
        );
        assert_eq!(kept, ["岁末年初安全生产倡议书", "全镇父老乡亲："]);
        assert_eq!(fields[1].key, "published");
        assert_eq!(fields[1].value, "2026-01-21 09:46");
        // A headline that is the document's title stays.
        let (kept, _) =
            run("某镇关于做好节日安全工作的通知\n某镇发布\n关注\n2026-01-21 09:46\n各村委会：");
        assert_eq!(kept, ["某镇关于做好节日安全工作的通知", "各村委会："]);
    }

    #[test]
    fn other_pages_are_left_alone() {
        let text = "关于开展安全检查的通知\n各村委会：\n请关注天气变化。\n图片\n外山乡人民政府\n2024年3月1日";
        let (kept, fields) = run(text);
        assert_eq!(kept.len(), 6);
        assert!(fields.is_empty());
    }
}
