//! Pages of apps, copied out of a phone's browser: a news or 融媒体 app's share page (its
//! name and the banner "打开APP，阅读体验更佳" above the article; "App名 | 日期 时间" under the
//! title; after the article the reprint notice, 点赞/评论/分享, 举报, comments, 相关推荐 and
//! the account's card, whose "…官方账号" names the organ behind the account), and a 钉钉
//! 公告 (工作台 breadcrumb and tabs above the title; the "组织 · 部门", 发布人, 发布范围 and
//! 已读/未读 lines under it; 确认收到 and comments after it).

use super::{Gone, drop_all, field};
use crate::gongwen::chars::is_blank;
use crate::gongwen::chars::without_blanks;
use crate::import::Line;
use crate::import::recognize::head::is_organ;
use crate::import::web::meta::{Field, first_date};

/// The label of the organ named by an account's card ("…官方账号").
pub const CERTIFIED: &str = "账号认证";

/// "打开APP，阅读体验更佳", "打开App", "APP内打开": an app's banner on its share page.
fn is_banner(t: &str) -> bool {
    let s = without_blanks(t).to_lowercase();
    s.chars().count() <= 20
        && ["打开app", "app内打开", "app内阅读", "打开客户端"]
            .iter()
            .any(|w| s.contains(w))
}

/// Lines from which an app page is the platform's, not the article's.
fn ends_article(t: &str) -> bool {
    let s = without_blanks(t);
    [
        "举报",
        "举报/反馈",
        "热门评论",
        "全部评论",
        "发表评论",
        "相关推荐",
        "确认收到",
    ]
    .contains(&s.as_str())
        || s.starts_with("点赞") && s.contains("评论")
        || s.starts_with("评论(")
        || s.starts_with("评论（")
        || s.starts_with('（') && (s.contains("版权归原作者") || s.contains("如有侵权"))
}

/// "槐江融媒 | 2021-09-29 10:08": the app's name and the time the article was published.
fn app_dateline(t: &str) -> Option<String> {
    let (name, date) = t.split_once(['|', '｜'])?;
    let name = name.trim_matches(is_blank);
    ((1..=16).contains(&name.chars().count()) && first_date(date).is_some())
        .then(|| date.trim_matches(is_blank).to_string())
}

/// "已读 46　未读 7": a 钉钉 公告's read count.
fn is_read_count(t: &str) -> bool {
    let s = without_blanks(t);
    s.starts_with("已读") && s.contains("未读")
}

/// Lines under a 钉钉 公告's title: "组织 · 部门", 发布人, 发布范围.
fn is_notice_meta(t: &str) -> bool {
    let s = without_blanks(t);
    ["发布人", "发布范围", "发布时间", "接收人"]
        .iter()
        .any(|w| s.starts_with(w))
        || t.contains(" · ") && s.chars().count() <= 40 && !s.contains(['。', '，'])
}

/// Takes an app page's chrome out; other lines are left alone.
pub fn take(mut lines: Vec<Line>, gone: &mut Gone, fields: &mut Vec<Field>) -> Vec<Line> {
    let banner = lines.iter().take(4).position(|l| is_banner(&l.plain()));
    let read = lines
        .iter()
        .take(14)
        .position(|l| is_read_count(&l.plain()));
    if banner.is_none() && read.is_none() {
        return lines;
    }
    if let Some(cut) = (1..lines.len()).find(|&k| ends_article(&lines[k].plain())) {
        let tail: Vec<Line> = lines.drain(cut..).collect();
        if let Some((l, organ)) = tail.iter().find_map(|l| {
            let t = without_blanks(&l.plain());
            let name = t.strip_suffix("官方账号").or(t.strip_suffix("官方帐号"))?;
            is_organ(name).then(|| (l.no, name.to_string()))
        }) {
            fields.push(field(CERTIFIED, organ, l));
        }
        drop_all(gone, "应用页面正文后的转载声明、评论、推荐和账号介绍", tail);
    }
    if let Some(b) = banner {
        // The app's name above the banner, an "打开" button under it.
        let mut end = b + 1;
        if lines
            .get(end)
            .is_some_and(|l| without_blanks(&l.plain()) == "打开")
        {
            end += 1;
        }
        drop_all(gone, "应用的下载提示栏", lines.drain(..end));
        if let Some(k) =
            (0..lines.len().min(3)).find(|&k| app_dateline(&lines[k].plain()).is_some())
        {
            let l = lines.remove(k);
            let date = app_dateline(&l.plain()).expect("checked");
            let mut f = field("发布时间", date, l.no);
            f.key = "published";
            fields.push(f);
            drop_all(gone, "应用名称和发布时间", [l]);
        }
    }
    if let Some(r) = read {
        let r = r.min(lines.len().saturating_sub(1));
        if let Some(r) = (0..=r).rev().find(|&k| is_read_count(&lines[k].plain())) {
            let mut m = r;
            while m > 0 && is_notice_meta(&lines[m - 1].plain()) {
                m -= 1;
            }
            drop_all(gone, "钉钉公告的发布信息和已读人数", lines.drain(m..=r));
            // The title stands above them; the workbench's breadcrumb and tabs above it.
            drop_all(gone, "钉钉工作台的导航", lines.drain(..m.saturating_sub(1)));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Vec<String>, Vec<Field>) {
        super::super::run(take, text)
    }

    #[test]
    fn an_app_share_page() {
        let (kept, fields) = run(
            "某县融媒\n打开APP，阅读体验更佳\n打开\n某镇致企业的一封信\n某县融媒 | 2021-09-29 10:08\n致企业的一封信\n各企业：\n请注意安全。\n（本文来源于某镇，版权归原作者所有）\n点赞 3　评论 1　分享\n举报\n某镇发布\n外山镇人民政府官方账号",
        );
        assert_eq!(
            kept,
            [
                "某镇致企业的一封信",
                "致企业的一封信",
                "各企业：",
                "请注意安全。"
            ]
        );
        assert_eq!(fields[0].label, CERTIFIED);
        assert_eq!(fields[0].value, "外山镇人民政府");
        assert_eq!(
            (fields[1].key, fields[1].value.as_str()),
            ("published", "2021-09-29 10:08")
        );
    }

    #[test]
    fn a_dingtalk_notice() {
        let (kept, _) = run(
            "钉钉\n工作台 > 公告\n全部公告　我发布的\n公告\n外山乡安全宣传标语\n外山乡人民政府 · 应急办\n发布人：张三　2022-06-02 09:15\n已读 4　未读 1\n各村：\n1. 安全第一。\n确认收到\n评论(1)",
        );
        assert_eq!(kept, ["外山乡安全宣传标语", "各村：", "1. 安全第一。"]);
    }
}
