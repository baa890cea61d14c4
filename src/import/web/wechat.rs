//! Articles of a WeChat Official Account (公众号), copied out of the browser or the phone, or
//! saved as a page (read into lines by [`super::html`]): the line under the title that names
//! the author, the account and the time it was published ("原创 白鹭镇应急办 白鹭发布
//! 2023-06-20 18:06 发表于浙江"), the account's prompts ("点击蓝字 关注我们", "收录于合集",
//! "#安全生产月 8个", "图片" where an image stood, "END") and the page's closing words
//! (往期推荐, 阅读原文, 阅读数, 赞 在看 分享, 留言, "预览时标签不可点", "微信扫一扫 关注该公众号"…).
//!
//! The header line gives the page's 发表日期 (`published`) and the account's name, which
//! [`super::apply`] uses as the issuer only when the article names no other organ; the rest
//! is removed, each kind reported once. Nothing is done unless the lines are a WeChat
//! article: a header line marked 原创 or placed (发表于…), a saved page's 公众号 line, or
//! words only a WeChat page has.

use super::meta::Field;
use crate::gongwen::chars::{is_blank, is_han};
use crate::gongwen::date_line;
use crate::import::{Line, Report};

/// Words that only a WeChat article's page shows.
const MARKS: &[&str] = &[
    "预览时标签不可点",
    "继续滑动看下一个",
    "向上滑动看下一个",
    "轻触阅读原文",
    "关注该公众号",
    "长按识别二维码",
    "长按二维码关注",
    "长按扫码关注",
];

/// Lines that end a WeChat article: everything from one of them on is the page's, not the
/// article's.
const END: &[&str] = &[
    "阅读原文",
    "预览时标签不可点",
    "写留言",
    "留言",
    "暂无留言",
    "已无更多数据",
    "微信扫一扫",
    "关注该公众号",
    "继续滑动看下一个",
    "向上滑动看下一个",
    "轻触阅读原文",
    "长按识别二维码",
    "长按二维码关注",
    "长按扫码关注",
    "使用小程序",
];

/// Headings of the account's list of earlier articles, after the article's text.
const EARLIER: &[&str] = &[
    "往期推荐",
    "往期回顾",
    "往期精彩",
    "往期精选",
    "往期阅读",
    "精彩回顾",
    "推荐阅读",
    "相关阅读",
    "延伸阅读",
];

/// The buttons under an article (赞 在看 分享, 分享 · 点赞 · 在看).
const BUTTONS: &[&str] = &[
    "赞",
    "在看",
    "分享",
    "收藏",
    "点赞",
    "转发",
    "推荐",
    "喜欢",
    "写留言",
    "留言",
    "听过",
];

/// The line under a WeChat article's title, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Marked 原创.
    pub original: bool,
    pub author: Option<String>,
    /// The account's name (公众号名称).
    pub account: String,
    /// The time published, as written ("2023-06-20 18:06").
    pub published: Option<String>,
}

/// Decorations around a WeChat prompt (▲ 点击蓝字 ▲).
fn bare(t: &str) -> String {
    t.chars()
        .filter(|c| !is_blank(*c) && !"▲▼△▽↑↓●·•★☆♥❤→←👆👇".contains(*c))
        .collect()
}

/// "18:06", "18:06:31".
fn is_time(t: &str) -> bool {
    let parts: Vec<&str> = t.split([':', '：']).collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The provinces (and regions) a WeChat page names as the IP 属地.
const PLACES: &[&str] = &[
    "北京",
    "天津",
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "上海",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "重庆",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
    "台湾",
    "香港",
    "澳门",
    "中国香港",
    "中国澳门",
    "中国台湾",
];

/// "发表于浙江", or the IP 属地 alone ("江西") as a saved page prints it.
fn is_place(t: &str) -> bool {
    match t.strip_prefix("发表于") {
        Some(p) => (2..=8).contains(&p.chars().count()) && p.chars().all(is_han),
        None => PLACES.contains(&t),
    }
}

/// A name on the header line: the author or the account.
fn is_name(t: &str) -> bool {
    (1..=20).contains(&t.chars().count())
        && !t.contains(['，', '。', '：', ':', '；', '、', '！', '？'])
        && !t.chars().all(|c| c.is_ascii_digit())
        && date_line::parse(t).is_none()
}

/// Reads a header line: 原创 (optional), the author (optional), the account, the date and
/// time, the place (发表于…). Without 原创 it must carry the date; `strict` asks for 原创 or
/// 发表于, as a line of a page not known to be WeChat's must.
pub fn header(t: &str, strict: bool) -> Option<Header> {
    let mut toks: Vec<&str> = t.split(is_blank).filter(|s| !s.is_empty()).collect();
    let original = toks.first().is_some_and(|w| *w == "原创");
    if original {
        toks.remove(0);
    }
    // The names end at the first token that opens with a digit: the date.
    let date_at = toks
        .iter()
        .position(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()));
    let names_end = date_at.unwrap_or(toks.len());
    let names = &toks[..names_end];
    if names.is_empty() || names.len() > 2 || !names.iter().all(|n| is_name(n)) {
        return None;
    }
    let mut published = None;
    let mut placed = false;
    if let Some(k) = date_at {
        // The date, a time, the place; nothing else.
        let mut rest: Vec<&str> = toks[k..].to_vec();
        if rest.last().is_some_and(|p| is_place(p)) {
            placed = rest.last().is_some_and(|p| p.starts_with("发表于"));
            rest.pop();
        }
        if rest.last().is_some_and(|p| is_time(p)) {
            let time = rest.pop().expect("checked");
            let date = rest.concat();
            date_line::parse(&date)?.ok()?;
            published = Some(format!("{date} {time}"));
        } else {
            let date = rest.concat();
            date_line::parse(&date)?.ok()?;
            published = Some(date);
        }
    } else if !original {
        return None;
    }
    if strict && !original && !placed {
        return None;
    }
    let (author, account) = match names {
        [a, b] => (Some(a.to_string()), b.to_string()),
        [a] => (None, a.to_string()),
        _ => return None,
    };
    Some(Header {
        original,
        author,
        account,
        published,
    })
}

/// "点击蓝字 关注我们", "点击上方蓝字关注我们", "关注我们": the account asks to be followed.
fn is_follow(t: &str) -> bool {
    let b = bare(t);
    let n = b.chars().count();
    n <= 24
        && (b.contains("蓝字") && (b.contains("关注") || b.contains("点击"))
            || matches!(
                b.as_str(),
                "关注我们" | "欢迎关注" | "关注我们吧" | "点击关注" | "点击上方关注"
            ))
}

/// "收录于合集", "#安全生产月 8个": the collections the article was filed in.
fn is_collection(t: &str) -> bool {
    if t.starts_with("收录于") && t.chars().count() <= 60 {
        return true;
    }
    let toks: Vec<&str> = t.split(is_blank).filter(|s| !s.is_empty()).collect();
    let count = |w: &str| {
        w.strip_suffix(['个', '篇'])
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    };
    toks.first().is_some_and(|w| w.starts_with('#'))
        && toks.iter().all(|w| w.starts_with('#') || count(w))
}

/// "END", "- END -", "—END—", "THE END": the account's mark at the end of the text.
fn is_end_mark(t: &str) -> bool {
    let b: String = bare(t)
        .chars()
        .filter(|c| !"-—–－_~～".contains(*c))
        .collect::<String>()
        .to_ascii_uppercase();
    matches!(b.as_str(), "END" | "THEEND")
}

/// A line of the buttons under the article: "赞 在看 分享", "分享 · 点赞 · 在看".
fn is_buttons(t: &str) -> bool {
    let toks: Vec<&str> = t
        .split(|c: char| is_blank(c) || "·•|｜,，、".contains(c))
        .filter(|s| !s.is_empty())
        .collect();
    !toks.is_empty() && toks.iter().all(|w| BUTTONS.contains(w)) && toks.contains(&"在看")
}

/// "阅读 1862", "阅读 10万+", "阅读量 3,208".
fn is_read_count(t: &str) -> bool {
    let Some(rest) = t.strip_prefix("阅读量").or_else(|| t.strip_prefix("阅读")) else {
        return false;
    };
    let rest = rest.trim_matches(is_blank);
    !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || ",.+万w".contains(c))
        && rest.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Whether `t` ends a WeChat article for sure (the page's own words follow).
fn ends_article(t: &str) -> bool {
    let b = bare(t);
    END.contains(&b.as_str()) || is_buttons(t) || is_read_count(t)
}

/// The heading of the account's list of earlier articles.
fn is_earlier(t: &str) -> bool {
    let b: String = bare(t)
        .chars()
        .filter(|c| !"【】[]|｜-—:：".contains(*c))
        .collect();
    EARLIER.contains(&b.as_str())
}

/// A paragraph of text (not a linked title).
fn is_paragraph(t: &str) -> bool {
    t.chars().count() >= 30 && t.contains('。')
}

/// Whether the lines are a WeChat article: a header line marked 原创 or placed (发表于…) near
/// the top, a saved page's 公众号 line, or the words only its page has.
pub fn is_wechat(lines: &[Line]) -> bool {
    lines.iter().take(5).any(|l| {
        let t = l.plain();
        header(&t, true).is_some() || t.starts_with("公众号：")
    }) || lines.iter().any(|l| {
        let t = l.plain();
        let b = bare(&t);
        MARKS.iter().any(|m| b.contains(m)) || is_follow(&t) && b.contains("蓝字") || is_buttons(&t)
    })
}

/// Takes a WeChat article's header line and furniture out of `lines`: returns the rest and
/// the fields the header gave (`published`, and the account's name under the label 公众号).
/// Lines of anything else are returned unchanged.
pub fn take(lines: Vec<Line>, rep: &mut Report) -> (Vec<Line>, Vec<Field>) {
    if !is_wechat(&lines) {
        return (lines, Vec::new());
    }
    let mut fields = Vec::new();
    let mut gone = super::furniture::Gone::new();
    let mut lines = lines;
    // The header line stands under the title.
    if let Some(at) = lines
        .iter()
        .take(5)
        .position(|l| header(&l.plain(), false).is_some())
    {
        let line = lines.remove(at);
        let h = header(&line.plain(), false).expect("found");
        match &h.published {
            Some(p) => fields.push(Field {
                key: "published",
                label: "发表时间".into(),
                value: p.clone(),
                line: line.no,
                col: 1,
            }),
            None => {
                rep.warning(
                    line.no,
                    1,
                    format!(
                        "公众号文章的署名行“{}”中没有发表日期，published 未填写",
                        line.plain()
                    ),
                )
                .with_hint("请在公众号文章页面的标题下核对发表日期，在前置信息中补上 published（如 published: 2023-06-20）");
            }
        }
        fields.push(Field {
            key: "",
            label: "公众号".into(),
            value: h.account.clone(),
            line: line.no,
            col: 1,
        });
        rep.info(
            line.no,
            1,
            format!(
                "第 {} 行是公众号文章的署名行（{}公众号“{}”{}），已从正文中删去",
                line.no,
                h.author
                    .as_ref()
                    .map_or(String::new(), |a| format!("作者“{a}”、")),
                h.account,
                h.published
                    .as_ref()
                    .map_or(String::new(), |p| format!("、发表时间 {p}")),
            ),
        );
    }
    // The page's closing words: from the first line that surely ends the article, or from the
    // list of earlier articles when no paragraph of text follows it.
    let start = lines
        .iter()
        .position(|l| is_paragraph(&l.plain()))
        .unwrap_or(0);
    let hard = (start..lines.len()).find(|&i| ends_article(&lines[i].plain()));
    let soft = (start..hard.unwrap_or(lines.len())).find(|&i| {
        is_earlier(&lines[i].plain())
            && !lines[i + 1..hard.unwrap_or(lines.len())]
                .iter()
                .any(|l| is_paragraph(&l.plain()))
    });
    if let Some(cut) = soft.or(hard) {
        for l in lines.drain(cut..) {
            gone.entry("公众号文章末尾的往期推荐、阅读原文、点赞在看、留言等页面文字")
                .or_default()
                .push((l.no, l.plain()));
        }
    }
    let mut kept = Vec::with_capacity(lines.len());
    for l in lines {
        let t = l.plain();
        let what = if is_follow(&t) {
            "公众号的关注提示"
        } else if is_collection(&t) {
            "公众号的合集和话题标签"
        } else if bare(&t) == "图片" {
            "图片占位文字"
        } else if is_end_mark(&t) {
            "公众号文章的结束标记"
        } else {
            kept.push(l);
            continue;
        };
        gone.entry(what).or_default().push((l.no, t));
    }
    super::furniture::report_removed(rep, "", gone);
    (kept, fields)
}

#[cfg(test)]
mod tests;
