//! Buttons and toolbars of a portal page (打印本页, 关闭窗口, 分享到, 朗读, 无障碍, 繁体…) and
//! the font switch (【字体：大 中 小】): a line made only of them is furniture, and inside a
//! line they are cut out.

use crate::gongwen::chars::is_blank;

/// Words of buttons and toolbars; a line made only of them is furniture.
const BUTTONS: &[&str] = &[
    "打印本页",
    "打印文本",
    "打包下载",
    "打印此页",
    "打印文章",
    "打印本文",
    "打印正文",
    "放大字体",
    "缩小字体",
    "默认字体",
    "打印",
    "关闭窗口",
    "关闭本页",
    "关闭",
    "返回顶部",
    "回到顶部",
    "返回列表",
    "返回",
    "收藏本页",
    "下载本页",
    "保存本页",
    "加入收藏",
    "收藏",
    "举报",
    "评论",
    "写评论",
    "分享到",
    "分享至",
    "分享",
    "朗读",
    "开始朗读",
    "停止朗读",
    "文章播报",
    "语音播报",
    "进入播报模式",
    "退出播报模式",
    "退出播报",
    "语音合成中",
    "请耐心等待",
    "播报",
    "播放",
    "暂停",
    "停止",
    "继续",
    "扫一扫在手机打开当前页",
    "扫一扫在手机上打开当前页",
    "扫一扫在手机打开",
    "在手机上打开",
    "在手机打开",
    "手机扫一扫",
    "微信扫一扫",
    "扫一扫",
    "手机阅读",
    "我要纠错",
    "我要打印",
    "我要收藏",
    "纠错",
    "复制链接",
    "微信",
    "微博",
    "新浪微博",
    "QQ空间",
    "QQ",
    "视力保护色",
    "保护视力色",
    "护眼色",
    "字体颜色",
    "背景颜色",
    "恢复默认",
    "恢复默认颜色",
    // A page's login box ("用户登录 / 还没有账号? / 立即注册").
    "用户登录",
    "立即注册",
    "还没有账号?",
    "还没有账号？",
    "忘记密码",
    "护眼模式",
    "默认",
    "无障碍",
    "无障碍阅读",
    "长者模式",
    "长者",
    "模式",
    "智能问答",
    "智能",
    "问答",
    "关怀版",
    "进入关怀版",
    "长者助手",
    "打开适老化模式",
    "适老化模式",
    "政务服务网",
    "手机版",
    "政务微博",
    "政务微信",
    "切换到繁体",
    "繁体版",
    "简体版",
    "繁体",
    "简体",
    "繁體",
    "繁體版",
    "简",
    "繁",
    "English",
    "EN",
    // The switch to a minority language's version of the site ("ᠮᠣᠩᠭᠣᠯ 蒙古文").
    "蒙古文",
    "蒙文",
    "蒙文版",
    "藏文",
    "藏文版",
    "维吾尔文",
    "维文",
    "维文版",
    "哈萨克文",
    "朝鲜文",
    "彝文",
    "壮文",
    "登录",
    "注册",
    "退出",
    "无障碍浏览",
    "扫码关注公众号",
    "扫码关注",
    "大",
    "中",
    "小",
    "字体",
    "字号",
    "小字号",
    "中字号",
    "大字号",
    "点赞",
    "分享让更多人看到",
    "用户中心",
    "电脑版",
    // A page's width switch ("恢复窄屏" / "切换宽屏").
    "恢复窄屏",
    "切换宽屏",
    "宽屏",
    "窄屏",
    // A back link before the page's date line ("< 返回 信息来源:…").
    "<",
    "＜",
    "«",
    "网站首页",
    "网站地图",
    "全文检索",
    "站群导航",
    "适老版",
    "设为首页",
    "取消收藏",
    "加大字体",
    "字体调节",
    "A+",
    "A-",
    "操作",
    "关爱版",
    "网站支持IPv6",
    "网站支持IPV6",
    "本站支持IPv6",
    "本站支持IPV6",
    "支持IPv6",
    "支持IPV6",
    "【",
    "】",
    // The close icon of a bar ("打开适老化模式 无障碍浏览 x").
    "x",
    "×",
];

/// The colours a colour switch offers as its links' names; buttons only beside a stronger word.
const COLOURS: &[&str] = &["绿", "蓝", "黄", "白", "灰", "黑", "红", "米黄", "浅绿"];

/// A line's tokens: split at blanks, brackets, bars and colons.
pub(super) fn tokens(t: &str) -> Vec<&str> {
    t.split(|c: char| is_blank(c) || "[]【】()（）|｜：:/、,，".contains(c))
        .filter(|s| !s.is_empty())
        .collect()
}

pub(super) fn all_buttons(t: &str) -> bool {
    let toks = tokens(t);
    // "语音合成中，请耐心等待...": a player's status ends with dots.
    // "点赞 23": a counting button's counter stands beside it ("举报：12350" is a hotline).
    let count = |w: &str| w.bytes().all(|b| b.is_ascii_digit());
    let counted = toks
        .iter()
        .any(|w| ["点赞", "评论", "收藏", "分享", "阅读", "浏览"].contains(w));
    // "操作", "A+", "A-" only beside a stronger word of the bar ("字体调节: A+ A- 操作:"); the
    // colours of a colour switch ("保护视力色: 字体颜色: 【绿】") likewise.
    let weak = |w: &str| ["操作", "A+", "A-"].contains(&w) || COLOURS.contains(&w);
    !toks.is_empty()
        && toks.iter().any(|w| !count(w) && !weak(w))
        && (counted || !toks.iter().any(|w| count(w)))
        && toks.iter().all(|w| {
            BUTTONS.contains(&w.trim_end_matches(['.', '…']))
                || COLOURS.contains(w)
                || super::notes::is_mode_switch(w, BUTTONS)
                || is_scan_prompt(w)
                || in_minority_script(w)
                || count(w)
        })
}

/// The prompt a portal shows before a link leaves it, copied with the page: "您访问的链接即将
/// 离开“某镇人民政府”门户网站 是否继续?", and its two buttons run together ("继续访问放弃").
pub(super) fn is_leave_prompt(t: &str) -> bool {
    let t = crate::gongwen::chars::without_blanks(t);
    t.chars().count() <= 60
        && t.contains("即将离开")
        && t.contains("网站")
        && (t.contains("您访问的") || t.contains("是否继续"))
        || matches!(
            t.as_str(),
            "继续访问放弃" | "继续访问取消" | "放弃继续访问" | "取消继续访问"
        )
}

/// A site's advice on browsers: "IE版本过低…请升级IE版本!建议使用ie11及以上的版本",
/// "为确保最佳浏览效果,建议您使用以下浏览器版本:…".
pub(super) fn is_browser_prompt(t: &str) -> bool {
    t.chars().count() <= 160
        && ["浏览器", "IE版本", "ie11", "IE11"]
            .iter()
            .any(|w| t.contains(w))
        && [
            "升级IE",
            "版本过低",
            "建议您使用",
            "建议使用",
            "最佳浏览效果",
            "浏览效果",
        ]
        .iter()
        .any(|w| t.contains(w))
}

/// A platform's prompt to open or install its app: "打开美篇APP，查看更多精彩内容",
/// "下载客户端 阅读全文".
pub(super) fn is_app_prompt(t: &str) -> bool {
    // (A slogan asking people to install an app, "下载国家反诈中心APP，守护您的钱袋子", asks
    // for no reading in it and stays.)
    t.chars().count() <= 30
        && ["打开", "下载", "安装"].iter().any(|w| t.starts_with(w))
        && ["APP", "App", "app", "客户端"]
            .iter()
            .any(|w| t.contains(w))
        && ["查看", "阅读", "精彩", "全文", "更多"]
            .iter()
            .any(|w| t.contains(w))
}

/// A screen reader's prompt copied with the page ("提示:您已进入导航区1,本区域含有5个链接,按下
/// Tab键浏览信息", "提示:您已离开视窗区3"): entering or leaving a numbered region, or naming the
/// keys to move in it. (A sign's "提示：您已进入施工区域，请佩戴安全帽" names no region
/// number and no key, and stays.)
pub(super) fn is_reader_prompt(t: &str) -> bool {
    let t = t.trim_matches(is_blank);
    let rest = t
        .strip_prefix("提示")
        .map_or(t, |r| r.trim_start_matches(['：', ':']));
    let Some(region) = ["您已进入", "您已离开", "您已经进入", "您已经离开"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
    else {
        return false;
    };
    let name: String = region
        .chars()
        .take_while(|c| !"，,。".contains(*c))
        .collect();
    let numbered = name
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .ends_with('区')
        && name.ends_with(|c: char| c.is_ascii_digit());
    let keys = ["Tab键", "TAB键", "快捷键", "个链接"]
        .iter()
        .any(|w| region.contains(w));
    t.chars().count() <= 60 && (numbered || keys)
}

/// A word written in Mongolian, Tibetan, Arabic (Uyghur, Kazakh), Yi or Hangul: on a Chinese
/// portal, the name of the link to the site's version in that language.
fn in_minority_script(w: &str) -> bool {
    w.chars().all(|c| {
        matches!(c as u32,
            0x1800..=0x18AF | 0x0F00..=0x0FFF | 0x0600..=0x06FF | 0xFB50..=0xFEFF
            | 0xA000..=0xA4CF | 0xAC00..=0xD7AF | 0x200C | 0x200D | 0x202F)
    })
}

/// "扫一扫在手机上查看当前页面": a QR code's prompt, however the portal words it.
fn is_scan_prompt(w: &str) -> bool {
    w.chars().count() <= 16 && w.starts_with("扫一扫") && w.contains("手机")
}

/// Removes the font switch and bracketed buttons from inside a line; returns what was removed.
pub(super) fn strip_inline(t: &str) -> (String, Vec<String>) {
    let mut s = t.to_string();
    let mut gone = Vec::new();
    // 【字体：大 中 小】, 字体：【大】【中】【小】, 字号：T|T|T, [大][中][小]
    for mark in ["字体", "字号"] {
        while let Some(at) = s.find(mark) {
            let tail: String = s[at..].chars().take(16).collect();
            let Some(small) = tail.rfind('小') else {
                break;
            };
            if !tail[..small].contains('大') {
                break;
            }
            let start = s[..at]
                .char_indices()
                .next_back()
                .filter(|(_, c)| "【[［(（".contains(*c))
                .map_or(at, |(b, _)| b);
            let mut end = at + small + '小'.len_utf8();
            while let Some(c) = s[end..].chars().next() {
                if "】]］)）".contains(c)
                    || is_blank(c) && s[end..].trim_start().starts_with(['】', ']'])
                {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            gone.push(s[start..end].to_string());
            s.replace_range(start..end, " ");
        }
    }
    // 【打印本页】 [关闭窗口] 〖返回顶部〗
    for (open, close) in [('【', '】'), ('[', ']'), ('［', '］'), ('〖', '〗')] {
        let mut from = 0;
        while let Some(a) = s[from..].find(open).map(|a| a + from) {
            let Some(b) = s[a..].find(close).map(|b| b + a) else {
                break;
            };
            let inner = &s[a + open.len_utf8()..b];
            if all_buttons(inner) {
                gone.push(s[a..b + close.len_utf8()].to_string());
                s.replace_range(a..b + close.len_utf8(), " ");
            } else {
                from = b;
            }
        }
    }
    (s.trim_matches(is_blank).to_string(), gone)
}
