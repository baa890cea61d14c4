//! Page furniture of a government portal, wherever it stands in a pasted or saved page: the
//! breadcrumb (当前位置/您的位置), the font switch (【字体：大 中 小】), buttons (打印本页,
//! 关闭窗口, 返回顶部, 分享到, 朗读, 文章播报, 扫一扫在手机打开), 上一篇/下一篇, 相关链接 lists,
//! 附件下载 lists, menus, and the footer (主办单位, 网站标识码, ICP 备案). Each kind removed is
//! reported once with its lines; nothing of it reaches a content file.

use std::collections::BTreeMap;

use crate::gongwen::chars::is_blank;
use crate::gongwen::date_line;
use crate::import::recognize::head::is_organ;
use crate::import::{Line, Report};

mod bars;
mod buttons;
mod heading;
mod notes;
mod repeat;
mod words;
use bars::*;
use buttons::*;
use heading::*;
use notes::*;
use repeat::*;
use words::*;

/// Whether `t` names a file (its extension: .docx, .xls, .pdf…), as a link to download it does.
pub fn names_file(t: &str) -> bool {
    names_a_file(t)
}

/// Whether `t` is made only of toolbar words (放大字体 缩小字体, 打印 关闭…).
pub fn is_toolbar(t: &str) -> bool {
    all_buttons(t)
}

/// Removes the font switch and bracketed buttons from inside lines (a line left empty goes).
pub fn inline(lines: Vec<Line>, rep: &mut Report) -> Vec<Line> {
    let mut gone: Vec<(usize, String)> = Vec::new();
    let mut cells: Vec<(usize, String)> = Vec::new();
    let mut kept = Vec::with_capacity(lines.len());
    for mut line in lines {
        if let Some((t, tail)) = strip_empty_cells(&line.plain()) {
            cells.push((line.no, tail));
            line.text = t;
        }
        let (t, removed) = strip_inline(&line.plain());
        if removed.is_empty() {
            kept.push(line);
            continue;
        }
        gone.extend(removed.into_iter().map(|g| (line.no, g)));
        if !t.is_empty() {
            line.text = t;
            kept.push(line);
        }
    }
    report(
        rep,
        BTreeMap::from([("字号切换和网页按钮", gone), ("表格空单元格", cells)]),
    );
    kept
}

/// Lines removed from a page, by what they were: (line number, text).
pub(crate) type Gone = BTreeMap<&'static str, Vec<(usize, String)>>;

fn report(rep: &mut Report, gone: Gone) {
    report_removed(rep, "网页附带的", gone);
}

/// Tells the clerk once per kind what was removed: where (the first line numbers) and a
/// sample of the text, so a line taken by mistake is found and put back by hand.
pub(crate) fn report_removed(rep: &mut Report, lead: &str, gone: Gone) {
    for (what, mut at) in gone {
        if at.is_empty() {
            continue;
        }
        at.sort();
        let nos: Vec<String> = at.iter().take(8).map(|(n, _)| n.to_string()).collect();
        let sample: Vec<&str> = at.iter().take(3).map(|(_, t)| t.as_str()).collect();
        rep.info(
            at[0].0,
            1,
            format!(
                "已删除{lead}{what}（第 {}{} 行：“{}”{}）",
                nos.join("、"),
                if at.len() > 8 { "…" } else { "" },
                sample.join("”“"),
                if at.len() > 3 { "等" } else { "" }
            ),
        );
    }
}

/// The organ named by the footer's 主办单位 (or 主办), on a footer line standing by an ICP or
/// 网站标识码 line: the site's owner, the last resort for a document without any 署名.
pub fn host(lines: &[Line]) -> Option<(usize, String)> {
    let strong: Vec<bool> = lines.iter().map(|l| is_footer(&l.plain())).collect();
    lines.iter().enumerate().find_map(|(i, l)| {
        let t = l.plain();
        let near = strong[i.saturating_sub(3)..(i + 4).min(strong.len())].contains(&true);
        if !near || !(is_footer_near(&t) || strong[i]) {
            return None;
        }
        let at = ["主办单位", "主办"]
            .iter()
            .find_map(|w| t.find(w).map(|a| a + w.len()))?;
        let name: String = t[at..]
            .trim_start_matches(|c: char| is_blank(c) || "：:".contains(c))
            .chars()
            .take_while(|c| !is_blank(*c) && !"，,；;|｜".contains(*c))
            .collect();
        is_organ(&name).then_some((l.no, name))
    })
}

/// The label of the organ [`header_organ`] finds among the page's fields.
pub const HEADER_ORGAN: &str = "网站名称";

/// The organ the page's header names above its breadcrumb (the site or the channel: "某镇
/// 人民政府"): the issuer of last resort, before the footer's 主办单位.
pub fn header_organ(lines: &[Line]) -> Option<(usize, String)> {
    let crumb = lines
        .iter()
        .take(16)
        .position(|l| is_breadcrumb(&l.plain()))?;
    // A government's own name, not a column's ("新闻中心").
    let owner = |t: &str| {
        is_organ(t)
            && ["人民政府", "办事处", "管理委员会", "管委会"]
                .iter()
                .any(|e| t.ends_with(e))
    };
    lines[..crumb]
        .iter()
        .rev()
        .find(|l| owner(&l.plain()))
        .map(|l| (l.no, l.plain()))
}

/// Removes furniture lines; reports each kind once.
pub fn remove(lines: Vec<Line>, rep: &mut Report) -> Vec<Line> {
    remove_offering(lines, rep).0
}

/// Removes furniture lines (see [`remove`]); also returns the files the page offers to
/// download (line, name as listed), which may be the document's attachments.
pub fn remove_offering(lines: Vec<Line>, rep: &mut Report) -> (Vec<Line>, Vec<(usize, String)>) {
    let mut gone: BTreeMap<&'static str, Vec<(usize, String)>> = BTreeMap::new();
    let mut kept: Vec<Line> = Vec::with_capacity(lines.len());
    let strong: Vec<bool> = lines.iter().map(|l| is_footer(&l.plain())).collect();
    let near_strong =
        |i: usize| strong[i.saturating_sub(3)..(i + 4).min(strong.len())].contains(&true);
    let mut i = 0;
    let mut footer = false;
    let mut removed = vec![false; lines.len()];
    while i < lines.len() {
        let line = lines[i].clone();
        let t = line.plain();
        i += 1;
        // The site's name above the header's bar or menu, where no breadcrumb follows.
        let header_bar = i <= 8
            && (is_nav(&t) || is_menu_bar(&t) || all_buttons(&t) && is_top_bar(&t))
            && (1..=2).contains(&kept.len())
            && kept.iter().all(|l| is_site_name(&l.plain()));
        if header_bar {
            for l in kept.drain(..) {
                gone.entry("网页页眉").or_default().push((l.no, l.plain()));
            }
        }
        let what = if t.is_empty() {
            None
        } else if is_separator(&t) && !in_table(&lines, i - 1) {
            Some("分隔符")
        } else if is_breadcrumb(&t) {
            // Short lines above a breadcrumb at the top are the page's header (site name).
            // More than three only under a breadcrumb with its arrows, near the top.
            let arrows = t.contains(['>', '»', '＞', '›', '→']);
            let most = if arrows && i <= 16 { 8 } else { 3 };
            if kept.len() <= most && kept.iter().all(|l| is_header_line(&l.plain())) {
                for l in kept.drain(..) {
                    gone.entry("网页页眉").or_default().push((l.no, l.plain()));
                }
            }
            Some("面包屑导航")
        } else if all_buttons(&t) || is_app_prompt(&t) {
            Some("网页按钮")
        } else if is_reader_prompt(&t) {
            Some("读屏提示")
        } else if is_browser_prompt(&t) {
            Some("浏览器版本提示")
        } else if is_leave_prompt(&t) {
            Some("离站提示")
        } else if is_editor_credit(&t) || is_signoff(&t) {
            Some("编辑署名")
        } else if is_source_link(&t) {
            Some("原文链接")
        } else if is_image_name(&t) {
            Some("图片文件名")
        } else if is_prev_next(&t) {
            Some("上一篇/下一篇")
        } else if strong[i - 1]
            || is_footer_near(&t) && (footer || near_strong(i - 1) || is_last_credit(&lines, i))
            || footer && is_footer_detail(&t)
        {
            footer = true;
            Some("页脚和备案信息")
        } else if is_nav(&t) || kept.len() <= 1 && is_menu_bar(&t) {
            Some("网站导航")
        } else if is_related_heading(&t) {
            while i < lines.len() && is_link_like(&lines[i].plain()) && !strong[i] {
                gone.entry("相关链接")
                    .or_default()
                    .push((lines[i].no, lines[i].plain()));
                i += 1;
            }
            Some("相关链接")
        } else if is_download_heading(&t) && i < lines.len() && names_a_file(&lines[i].plain())
            || names_a_file(&t) && !t.starts_with("附件：") && is_link_like(&t)
        {
            Some("附件下载列表")
        } else {
            None
        };
        if t.is_empty() {
            continue;
        }
        if let Some(what) = what {
            removed[i - 1] = true;
            gone.entry(what).or_default().push((line.no, t));
            continue;
        }
        kept.push(line);
    }
    let bar = floating_bar(&lines, &removed);
    if !bar.is_empty() {
        let nos: Vec<usize> = bar.iter().map(|&k| lines[k].no).collect();
        kept.retain(|l| !nos.contains(&l.no));
        for k in bar {
            gone.entry("网页浮动栏")
                .or_default()
                .push((lines[k].no, lines[k].plain()));
        }
    }
    // Address and telephone lines just above the footer belong to it.
    if let Some(f) = gone
        .get("页脚和备案信息")
        .and_then(|v| v.first())
        .map(|x| x.0)
    {
        while kept.last().is_some_and(|l| {
            l.no < f && (is_footer_detail(&l.plain()) || is_footer_near(&l.plain()))
        }) {
            let l = kept.pop().expect("checked");
            gone.entry("页脚和备案信息")
                .or_default()
                .push((l.no, l.plain()));
        }
    }
    let kept = drop_repeat(kept, &mut gone);
    let kept = undouble_heading(kept, &mut gone);
    let kept = drop_reprint_lead(kept, &mut gone);
    let kept = drop_page_heading(kept, &mut gone);
    let mut kept = drop_header_over_title(kept, &mut gone);
    // The site's name left alone after the 署名 and the date.
    let n = kept.len();
    if n >= 3
        && is_organ(&kept[n - 1].plain())
        && date_line::parse(&kept[n - 2].plain()).is_some()
        && is_organ(&kept[n - 3].plain())
        && kept[n - 1].plain() != kept[n - 3].plain()
    {
        let l = kept.pop().expect("checked");
        gone.entry("网站名称").or_default().push((l.no, l.plain()));
    }
    // "(韩冬)" under the signature's organ and date: the page's editor, named alone in
    // brackets.
    let n = kept.len();
    if n >= 3
        && is_organ(&kept[n - 3].plain())
        && date_line::parse(&kept[n - 2].plain()).is_some()
        && is_bracketed_name(&kept[n - 1].plain())
    {
        let l = kept.pop().expect("checked");
        gone.entry("编辑署名").or_default().push((l.no, l.plain()));
    }
    let files = gone
        .get("附件下载列表")
        .into_iter()
        .flatten()
        .filter(|(_, t)| names_a_file(t))
        .cloned()
        .collect();
    report(rep, gone);
    (kept, files)
}

/// A line of a page's header: a short name (site, column) without punctuation, the site's
/// name in English, its menu (short names between blanks, "首页  乡镇（街道）  县直部门"), or
/// its links to the portals above it ("中国政府网 山西省人民政府网").
pub(super) fn is_header_line(t: &str) -> bool {
    let english = t.chars().count() <= 80
        && t.chars().any(|c| c.is_ascii_alphabetic())
        && t.chars()
            .all(|c| c.is_ascii_alphabetic() || is_blank(c) || "&-.,'".contains(c));
    let items: Vec<&str> = t.split(is_blank).filter(|w| !w.is_empty()).collect();
    let menu = items.len() >= 4
        && items.iter().all(|w| {
            (2..=8).contains(&w.chars().count())
                && w.chars()
                    .all(|c| crate::gongwen::chars::is_han(c) || "（）()".contains(c))
        });
    // "中国政府网 山西省人民政府网 吕梁市人民政府网": links to the portals above this one.
    let portal = |w: &str| {
        w.chars().count() <= 14
            && w.chars().all(crate::gongwen::chars::is_han)
            && ["政府网", "网站", "门户网"].iter().any(|e| w.ends_with(e))
    };
    let portals = items.len() >= 2 && items.iter().all(|w| portal(w));
    // "中央人民政府网站 | 吉林省人民政府网站 | 白城市人民政府网站 网上信访 | 网上举报设为首页 |
    // 加入收藏 |": the portals' links, a few of the site's own and its buttons, between bars.
    let links: Vec<&str> = t
        .split(|c: char| is_blank(c) || "|｜".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let button = |w: &str| {
        buttons::all_buttons(w)
            || ["设为首页", "加入收藏"].iter().any(|b| {
                w.strip_suffix(b).is_some_and(|r| {
                    (2..=6).contains(&r.chars().count())
                        && r.chars().all(crate::gongwen::chars::is_han)
                })
            })
    };
    let link_bar = t.contains(['|', '｜'])
        && links.iter().any(|w| portal(w))
        && links.iter().any(|w| button(w))
        && links.iter().all(|w| {
            portal(w)
                || button(w)
                || (2..=6).contains(&w.chars().count())
                    && w.chars().all(crate::gongwen::chars::is_han)
        });
    // "欢迎进入某省某县人民政府网!今天是:": the site's greeting.
    let welcome = t.starts_with("欢迎") && t.chars().count() <= 40 && !t.contains('。');
    english
        || menu
        || portals
        || link_bar
        || welcome
        || is_date_widget(t)
        || t.chars().count() <= 20 && !t.contains(['。', '，', '：', ':'])
}

/// "(韩冬)", "（李 娜）": a person's name alone in brackets. A 附注 ("（主动公开）",
/// "（有删节）", "（盖章）") is no name.
fn is_bracketed_name(t: &str) -> bool {
    let inner = t
        .trim_matches(is_blank)
        .strip_prefix(['(', '（'])
        .and_then(|r| r.strip_suffix([')', '）']))
        .map(|r| r.replace(is_blank, ""));
    inner.is_some_and(|r| {
        is_person(&r)
            && ![
                '章', '签', '印', '页', '件', '稿', '略', '删', '节', '公', '开', '摘', '转', '完',
                '注', '附', '存', '发',
            ]
            .iter()
            .any(|c| r.contains(*c))
    })
}

/// The header's clock: "今天是：", "今天是：2021年6月2日 星期三" (empty when copied before the
/// script filled it in).
fn is_date_widget(t: &str) -> bool {
    t.chars().count() <= 30
        && t.strip_prefix("今天是").is_some_and(|rest| {
            let rest = rest.trim_start_matches(['：', ':']).trim_matches(is_blank);
            rest.is_empty()
                || crate::import::web::meta::first_date(rest).is_some()
                || rest.contains("星期")
        })
}

/// The page's last line naming who built the system ("技术支持：…", "建议使用…分辨率"), as a
/// web application closes its pages without an ICP line.
fn is_last_credit(lines: &[Line], i: usize) -> bool {
    i == lines.len()
        && ["技术支持", "分辨率"]
            .iter()
            .any(|w| lines[i - 1].plain().contains(w))
}

#[cfg(test)]
mod tests;
