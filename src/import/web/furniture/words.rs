//! The words and shapes of page furniture: the breadcrumb, menus, the footer, 上一篇/下一篇,
//! 相关链接 and 附件下载 lists. Each predicate looks at one cleaned line; [`super`] decides what
//! to remove around it.

use super::buttons::tokens;
use crate::gongwen::chars::is_blank;

pub(super) fn is_breadcrumb(t: &str) -> bool {
    let head: String = t.chars().take(10).filter(|c| !is_blank(*c)).collect();
    const WHERE: &[&str] = &[
        "当前位置",
        "您的位置",
        "您当前的位置",
        "您当前位置",
        "您现在的位置",
        "您所在的位置",
        "您当前所在位置",
        "当前所在位置",
        "所在位置",
        "位置：",
        "当前栏目",
        "所在栏目",
        "您当前所在栏目",
    ];
    WHERE.iter().any(|w| head.starts_with(w))
        || t.starts_with("首页") && t.contains(['>', '»', '＞', '›', '→', '/'])
        || is_trail(t)
        || t.chars().count() <= 80 && (t.ends_with(">正文") || t.ends_with("> 正文"))
}

/// "华夏民生网 >> 地方频道 >> 市县新闻": three short names or more joined by arrows.
fn is_trail(t: &str) -> bool {
    let parts: Vec<&str> = t
        .split(['>', '»', '＞', '›'])
        .map(|p| p.trim_matches(is_blank))
        .collect();
    let names = parts.iter().filter(|p| !p.is_empty()).count();
    names >= 3
        && t.chars().count() <= 80
        && parts
            .iter()
            .all(|p| p.chars().count() <= 16 && !p.contains(['。', '，', '；']))
}

const NAV: &[&str] = &[
    "首页",
    "网站首页",
    "政务公开",
    "信息公开",
    "政府信息公开",
    "政务服务",
    "互动交流",
    "政民互动",
    "专题专栏",
    "新闻中心",
    "新闻动态",
    "通知公告",
    "政策文件",
    "政策解读",
    "网站地图",
    "联系我们",
    "领导信箱",
    "走进",
    "概况",
    "乡镇动态",
    "部门动态",
    "镇街动态",
    "镇街要闻",
    "乡镇要闻",
    "办事指南",
    "办事服务",
    "在线办事",
    "正文",
];

/// A menu bar at the top of the page ("华夏民生网首页|地方频道|时政|社会|财经"): five short
/// names or more between bars. Only near the top: a table pasted with bars looks the same.
pub(super) fn is_menu_bar(t: &str) -> bool {
    let parts: Vec<&str> = t
        .split(['|', '｜'])
        .map(|p| p.trim_matches(is_blank))
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 5
        && parts
            .iter()
            .all(|p| p.chars().count() <= 8 && !p.contains(['。', '，', '：', ':']))
}

pub(super) fn is_nav(t: &str) -> bool {
    let toks = tokens(t);
    if toks.len() == 1 {
        return NAV.contains(&toks[0]);
    }
    toks.len() >= 3
        && toks.iter().filter(|w| NAV.contains(w)).count() >= 2
        && toks.iter().all(|w| w.chars().count() <= 8)
}

/// Footer words found nowhere else on a page.
const FOOTER: &[&str] = &[
    "网站标识码",
    "ICP备",
    "ICP证",
    "公网安备",
    "公安备案",
    "版权所有",
    "Copyright",
    "copyright",
    "©",
    "政府网站找错",
];

/// Footer words that body text may use too: furniture only beside a [`FOOTER`] line.
const FOOTER_NEAR: &[&str] = &[
    "主办单位",
    "承办单位",
    "主办：",
    "承办：",
    "技术支持",
    "运维单位",
    "网站地图",
    "联系我们",
    "建议使用",
    "分辨率",
];

pub(super) fn is_footer(t: &str) -> bool {
    t.chars().count() <= 160 && !t.contains('。') && FOOTER.iter().any(|w| t.contains(w))
}

/// (A footer's bracketed note may end with a full stop: "网站技术支持电话:…(工作日9:00-17:00,
/// 只处理网站问题。)"; only on a line naming the site or its builder, so a body line
/// "承办单位：镇应急管理办公室（负责场地布置和安全保障。）" stays.)
pub(super) fn is_footer_near(t: &str) -> bool {
    let site = ["技术支持", "网站", "备案", "版权", "ICP"]
        .iter()
        .any(|w| t.contains(w));
    t.chars().count() <= 100
        && !if site {
            super::notes::outside_brackets(t)
        } else {
            t.to_string()
        }
        .contains('。')
        && FOOTER_NEAR.iter().any(|w| t.contains(w))
}

/// Address and telephone lines that stand with the footer.
pub(super) fn is_footer_detail(t: &str) -> bool {
    [
        "地址",
        "联系电话",
        "电话",
        "邮编",
        "邮箱",
        "传真",
        "E-mail",
        "Email",
    ]
    .iter()
    .any(|w| t.starts_with(w))
        && !t.contains('。')
}

/// "(责编：林晓、王鹏)", "（责任编辑：李明）": a news site's editor credit.
pub(super) fn is_editor_credit(t: &str) -> bool {
    let inner = t
        .strip_prefix(['(', '（', '['])
        .and_then(|r| r.strip_suffix([')', '）', ']']));
    inner.is_some_and(|r| {
        ["责编", "责任编辑", "编辑", "审核", "校对", "编审"]
            .iter()
            .any(|w| r.starts_with(w))
            && r.chars().count() <= 40
            // "(文/图:许丽萍)", "（摄影：张三）": a picture's credit, its name after a colon
            // ("（摄影作品须为原创）" is the body's).
            || ["文/图", "图/文", "文／图", "图／文", "文图", "摄影", "供图"]
                .iter()
                .any(|w| {
                    r.strip_prefix(w).is_some_and(|rest| {
                        rest.trim_start_matches(is_blank).starts_with(['：', ':'])
                    })
                })
                && r.chars().count() <= 30
    })
}

pub(super) fn is_prev_next(t: &str) -> bool {
    ["上一篇", "下一篇", "上一条", "下一条", "前一篇", "后一篇"]
        .iter()
        .any(|w| t.starts_with(w))
}

pub(super) fn is_related_heading(t: &str) -> bool {
    let t = t.trim_end_matches(['：', ':']).trim_matches(is_blank);
    [
        "相关链接",
        "相关文章",
        "相关阅读",
        "相关新闻",
        "相关信息",
        "相关文件",
        "相关稿件",
        "推荐阅读",
        "热点推荐",
        "延伸阅读",
        "猜你喜欢",
        "友情链接",
        "图片新闻",
        "热门排行",
        "热门推荐",
        "热点新闻",
        "排行榜",
        "精彩推荐",
        "相关推荐",
        "更多推荐",
    ]
    .contains(&t)
}

/// A linked title in a list: short, no sentence inside.
pub(super) fn is_link_like(t: &str) -> bool {
    t.chars().count() <= 80 && !t.contains(['。', '；', '！', '？'])
}

const FILE_EXTS: &[&str] = &[
    ".doc", ".docx", ".pdf", ".xls", ".xlsx", ".wps", ".et", ".ofd", ".zip", ".rar", ".txt",
];

pub(super) fn names_a_file(t: &str) -> bool {
    let lower = t.to_lowercase();
    FILE_EXTS.iter().any(|e| {
        lower.match_indices(e).any(|(at, _)| {
            !lower[at + e.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric())
        })
    }) && t.chars().count() <= 120
}

/// "22.jpg", "IMG_0231.JPG": an image's file name left where the picture stood.
pub(super) fn is_image_name(t: &str) -> bool {
    let lower = t.trim_matches(is_blank).to_lowercase();
    let stem = [".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp"]
        .iter()
        .find_map(|e| lower.strip_suffix(e));
    // (A sentence naming a format, "2.照片格式为.jpg", or a file name to give,
    // "白石村-更换前.jpg", is the body's: a left-over name is the site's, in ASCII.)
    // "微信图片_20241012091735.jpg": the name WeChat gives a saved picture, in Chinese.
    fn machine(s: &str) -> &str {
        ["微信图片_", "微信截图_", "图片_", "截图_"]
            .iter()
            .find_map(|p| s.strip_prefix(p))
            .unwrap_or(s)
    }
    stem.is_some_and(|s| {
        (1..=60).contains(&s.len())
            && machine(s)
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c))
    })
}

pub(super) fn is_download_heading(t: &str) -> bool {
    let t = t.trim_end_matches(['：', ':']);
    // "附件(3 个)", "附件（1）": a mail's or an app's list of its files.
    if let Some(n) = t
        .strip_prefix("附件")
        .and_then(|r| r.strip_prefix(['(', '（']))
        .and_then(|r| r.strip_suffix([')', '）']))
    {
        let n = n.trim_end_matches('个').trim_matches(is_blank);
        return !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
    }
    [
        "附件下载",
        "相关附件",
        "附件列表",
        "下载附件",
        "文件下载",
        "附件",
    ]
    .contains(&t)
}
