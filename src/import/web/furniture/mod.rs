//! Page furniture of a government portal, wherever it stands in a pasted or saved page: the
//! breadcrumb (当前位置/您的位置), the font switch (【字体：大 中 小】), buttons (打印本页,
//! 关闭窗口, 返回顶部, 分享到, 朗读, 文章播报, 扫一扫在手机打开), 上一篇/下一篇, 相关链接 lists,
//! 附件下载 lists, menus, and the footer (主办单位, 网站标识码, ICP 备案). Each kind removed is
//! reported once with its lines; nothing of it reaches a content file.

use std::collections::BTreeMap;

use crate::gongwen::chars::is_blank;
use crate::import::{Line, Report};

mod words;
use words::*;

/// Removes the font switch and bracketed buttons from inside lines (a line left empty goes).
pub fn inline(lines: Vec<Line>, rep: &mut Report) -> Vec<Line> {
    let mut gone: Vec<(usize, String)> = Vec::new();
    let mut kept = Vec::with_capacity(lines.len());
    for mut line in lines {
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
    report(rep, BTreeMap::from([("字号切换和网页按钮", gone)]));
    kept
}

fn report(rep: &mut Report, gone: BTreeMap<&'static str, Vec<(usize, String)>>) {
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
                "已删除网页附带的{what}（第 {}{} 行：“{}”{}）",
                nos.join("、"),
                if at.len() > 8 { "…" } else { "" },
                sample.join("”“"),
                if at.len() > 3 { "等" } else { "" }
            ),
        );
    }
}

/// Removes furniture lines; reports each kind once.
pub fn remove(lines: Vec<Line>, rep: &mut Report) -> Vec<Line> {
    let mut gone: BTreeMap<&'static str, Vec<(usize, String)>> = BTreeMap::new();
    let mut kept: Vec<Line> = Vec::with_capacity(lines.len());
    let strong: Vec<bool> = lines.iter().map(|l| is_footer(&l.plain())).collect();
    let near_strong =
        |i: usize| strong[i.saturating_sub(3)..(i + 4).min(strong.len())].contains(&true);
    let mut i = 0;
    let mut footer = false;
    while i < lines.len() {
        let line = lines[i].clone();
        let t = line.plain();
        i += 1;
        let what = if t.is_empty() {
            None
        } else if is_breadcrumb(&t) {
            Some("面包屑导航")
        } else if all_buttons(&t) {
            Some("网页按钮")
        } else if is_prev_next(&t) {
            Some("上一篇/下一篇")
        } else if strong[i - 1]
            || is_footer_near(&t) && (footer || near_strong(i - 1))
            || footer && is_footer_detail(&t)
        {
            footer = true;
            Some("页脚和备案信息")
        } else if is_nav(&t) {
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
            gone.entry(what).or_default().push((line.no, t));
            continue;
        }
        kept.push(line);
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
    let kept = drop_page_heading(kept, &mut gone);
    report(rep, gone);
    kept
}

/// The page's own heading repeated by the document's title a few lines below (often with the
/// 文号 between): the page heading goes. A "【局名】" before a heading goes too.
fn drop_page_heading(
    mut lines: Vec<Line>,
    gone: &mut BTreeMap<&'static str, Vec<(usize, String)>>,
) -> Vec<Line> {
    let squash = |s: &str| s.chars().filter(|c| !is_blank(*c)).collect::<String>();
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
        let a = squash(&lines[i].plain());
        if a.chars().count() < 8 {
            continue;
        }
        let later = lines[i + 1..]
            .iter()
            .take(10)
            .any(|l| squash(&l.plain()) == a);
        if later {
            let l = lines.remove(i);
            gone.entry("重复的网页标题")
                .or_default()
                .push((l.no, l.plain()));
            break;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Vec<String>, Report) {
        let mut rep = Report::new("t.txt");
        let lines = text
            .lines()
            .enumerate()
            .map(|(i, t)| Line {
                no: i + 1,
                text: t.trim().to_string(),
            })
            .filter(|l| !l.text.is_empty())
            .collect();
        let kept = remove(inline(lines, &mut rep), &mut rep);
        (kept.into_iter().map(|l| l.text).collect(), rep)
    }

    #[test]
    fn furniture_around_a_notice() {
        let (kept, rep) = run(
            "您当前的位置：首页 > 政务公开 > 通知公告\n首页 政务公开 政务服务 互动交流\n【字体：大 中 小】 【打印本页】 【关闭窗口】\n外山乡人民政府关于开展安全宣传的通知\n朗读\n文章播报\n各村委会：\n请认真组织宣传。\n附件下载：\n1.宣传标语.docx\n外山乡人民政府\n2024年3月1日\n分享到：\n扫一扫在手机打开当前页\n打印本页 关闭窗口\n上一篇：关于做好防汛工作的通知\n下一篇：无\n相关链接\n关于印发安全生产工作要点的通知\n地址：外山乡政府大院 电话：0595-12345678\n主办单位：外山乡人民政府 网站标识码：3505250000\n闽ICP备12345678号\n",
        );
        assert_eq!(
            kept,
            [
                "外山乡人民政府关于开展安全宣传的通知",
                "各村委会：",
                "请认真组织宣传。",
                "外山乡人民政府",
                "2024年3月1日"
            ]
        );
        let msgs: Vec<&str> = rep.diagnostics.iter().map(|d| d.message.as_str()).collect();
        for what in [
            "面包屑导航",
            "网页按钮",
            "相关链接",
            "附件下载列表",
            "页脚和备案信息",
        ] {
            assert!(msgs.iter().any(|m| m.contains(what)), "{what}: {msgs:?}");
        }
    }

    #[test]
    fn inline_font_switch_and_page_heading() {
        let (kept, _) = run(
            "【区应急管理局】外山乡安全生产月活动方案\n字体：【大】【中】【小】\n外山乡安全生产月活动方案\n一、总体要求\n安全第一 预防为主 综合治理\n",
        );
        assert_eq!(
            kept,
            [
                "外山乡安全生产月活动方案",
                "一、总体要求",
                "安全第一 预防为主 综合治理"
            ]
        );
        assert_eq!(
            strip_inline("发布时间：2024-03-04 【字体：大 中 小】").0,
            "发布时间：2024-03-04"
        );
    }
}
