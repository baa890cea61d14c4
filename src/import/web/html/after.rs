//! The page's 发布信息 line where an old table-laid page prints it only after the body
//! ("发布时间：2023-5-16 9:32:17　浏览次数：…" in the row under the article's cell): read back
//! into the lines when the article's region names no date of its own.

use scraper::Html;

use super::find::is_block;
use super::texts::Texts;
use super::writer::Writer;
use crate::gongwen::chars::is_blank;
use crate::import::web::labels::{is_strong, label_at};
use crate::import::web::meta::{first_date, labelled_keys};

/// How many blocks with text after the body are looked at: the date line stands right under
/// it, before the buttons and the footer.
const NEAR: usize = 4;

/// The 发布信息 line among the first blocks after the body (`after`: the body's last node in
/// document order), unless `lines` (the region written) already hold a labelled date.
pub(super) fn date_line(
    doc: &Html,
    texts: &Texts,
    after: usize,
    lines: &[String],
) -> Option<String> {
    if lines
        .iter()
        .any(|l| labelled_keys(l).contains(&"published"))
    {
        return None;
    }
    doc.tree
        .root()
        .descendants()
        .filter(|n| texts.order(n.id()) > after)
        .filter(|n| is_block(n) && !texts.has_block(n))
        .filter(|n| !texts.skipped(n) && texts.len(n) > 0)
        .take(NEAR)
        .find_map(|n| {
            let mut w = Writer::new(texts);
            w.node(n);
            w.lines
                .into_iter()
                .map(|l| l.trim().to_string())
                .find(|l| is_date_line(l))
        })
}

/// "发布时间：2023-5-16 9:32:17　浏览次数：": a short line with a date, no sentence, opened by
/// a label of the date of publication. A weak one (日期, 时间) opens it only beside another
/// label ("时间：2023-5-16　浏览：12"). A related article's line ("关于…的通知 发布时间：
/// 2023-04-01") names its title first.
fn is_date_line(l: &str) -> bool {
    let c: Vec<char> = l
        .trim_start_matches(|x: char| is_blank(x) || "[【".contains(x))
        .chars()
        .collect();
    // The labels a colon or a closing bracket follows, in order, none inside another.
    let mut labels = Vec::new();
    let mut i = 0;
    while i < c.len() {
        match label_at(&c, i) {
            Some((label, key, end)) if matches!(c.get(end), Some('：' | ':' | ']' | '】')) => {
                labels.push((i, label, key));
                i = end;
            }
            _ => i += 1,
        }
    }
    let opens = labels.first().is_some_and(|&(at, label, key)| {
        at == 0 && key == "published" && (is_strong(label) || labels.len() >= 2)
    });
    l.chars().count() <= 100 && !l.contains('。') && opens && first_date(l).is_some()
}

#[cfg(test)]
mod tests {
    use super::super::page_text;

    #[test]
    fn a_date_line_under_the_body() {
        let page = r#"<html><body><table><tr><td class="t">某县关于开展检查的通知</td></tr>
<tr><td><p>各乡镇：</p><p>　　请认真开展安全检查，确保各项措施落实到位，坚决防范各类事故发生，切实保障人民群众生命财产安全。</p><p>某县人民政府</p><p>2023年5月15日</p></td></tr>
<tr><td>发布时间：2023-5-16 9:32:17　浏览次数：<script>x()</script></td></tr>
<tr><td>[打印本页]</td></tr></table></body></html>"#;
        let text = page_text(page);
        let last = text.lines().map(str::trim).rfind(|l| !l.is_empty());
        assert_eq!(last, Some("发布时间：2023-5-16 9:32:17　浏览次数："));
        // A sentence after the body naming a date is no date line.
        let page = page.replace("发布时间：2023-5-16 9:32:17", "时间：2023-5-16前完成检查。");
        assert!(!page_text(&page).contains("完成检查"));
        // Nor is a related article's entry.
        let page = page.replace(
            "时间：2023-5-16前完成检查。",
            "关于做好汛期安全工作的通知 发布时间：2023-04-01",
        );
        assert!(!page_text(&page).contains("汛期"));
    }

    #[test]
    fn only_a_line_opened_by_a_date_label() {
        use super::is_date_line;
        assert!(is_date_line("发布时间：2023-5-16 9:32:17　浏览次数："));
        assert!(is_date_line("【发布日期：2023-05-16】【来源：某镇】"));
        assert!(is_date_line("时间：2023-05-16　浏览：12"));
        // A related article's entry, a weak label alone.
        assert!(!is_date_line(
            "关于做好汛期安全工作的通知 发布时间：2023-04-01"
        ));
        assert!(!is_date_line("日期：2023-05-16"));
        assert!(!is_date_line("时间：2023-05-16"));
    }
}
