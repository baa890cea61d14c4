//! Debris left by conversions: bookmarks, stray Markdown, page numbers, "（下转第2页）",
//! blank addressee lines. Paragraphs split across lines are joined again by [`super::rejoin`].
//!
//! Complexity: O(n) in the bytes of the text when a line has no debris; each debris mark found
//! is removed by searching the line again from its start and shifting the rest
//! (`replace_range`), so k `[bookmark:…]` or 转页 marks on a line of L bytes cost O(k·L), and
//! each 转页 mark's column is counted from the line start. The other steps are one pass per line
//! (the blanks after a 年 or 月 are read once each and end at the next non-blank).

use super::{Line, Report};
use crate::gongwen::chars::is_blank;

/// Splits `text` into non-empty, trimmed lines with their 1-based line numbers, removing debris.
pub fn clean(text: &str, rep: &mut Report) -> Vec<Line> {
    let mut out = Vec::new();
    let mut markdown_marks = 0usize;
    for (i, raw) in text.split('\n').enumerate() {
        let no = i + 1;
        let mut s = raw.to_string();
        // The loader refuses control characters in front matter: none reaches a title.
        if s.chars().any(crate::content::frontmatter::is_control) {
            s.retain(|c| !crate::content::frontmatter::is_control(c));
            rep.info(no, 0, "已删除看不见的控制字符");
        }
        while let Some(start) = s.find("[bookmark:") {
            let Some(len) = s[start..].find(']') else {
                break;
            };
            s.replace_range(start..start + len + 1, "");
            rep.info(no, 0, "已删除 Word 书签残留“[bookmark: …]”");
        }
        for mark in ["下转第", "上接第", "转下页", "接上页", "转第", "接第"] {
            while let Some((a, b)) = find_bracketed(&s, mark) {
                let col = s[..a].chars().count() + 1;
                rep.info(no, col, format!("已删除转页标记“{}”", &s[a..b]));
                s.replace_range(a..b, "");
            }
        }
        let t = s.trim_matches(is_blank);
        if t.is_empty() {
            continue;
        }
        if t.chars().all(|c| is_blank(c) || c == ':' || c == '：')
            && raw.trim_matches(is_blank).len() < raw.len()
        {
            rep.info(no, 1, "空白的主送单位行已改为下划线“________：”");
            out.push(Line {
                no,
                text: "________：".into(),
            });
            continue;
        }
        if is_page_number(t) {
            rep.info(no, 1, format!("已删除页码“{t}”"));
            continue;
        }
        let (t, stripped) = strip_markdown_prefix(t);
        markdown_marks += stripped as usize;
        let mut t = t.to_string();
        if t.matches("**").count() % 2 == 1 {
            rep.warning(
                no,
                t.find("**")
                    .map(|b| t[..b].chars().count() + 1)
                    .unwrap_or(0),
                "不成对的“**”已删除",
            )
            .with_hint("如需加粗，请用成对的 **…** 包住文字");
            t = t.replace("**", "");
        }
        let t = t.trim_matches(is_blank);
        let t = visible_date_blanks(t, no, rep);
        if !t.is_empty() && !t.chars().all(|c| c == '*') {
            out.push(Line {
                no,
                text: t.to_string(),
            });
        }
    }
    if markdown_marks > 0 {
        rep.info(
            0,
            0,
            format!(
                "已去除行首的 Markdown 标记（#、-、>）{markdown_marks} 处，标题层级按序号重新识别"
            ),
        );
    }
    out
}

/// "2024年 月 日": the spaces of a date left blank for filling in become underscores, so the
/// blank shows on the web ("2024年__月__日").
fn visible_date_blanks(t: &str, no: usize, rep: &mut Report) -> String {
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        out.push(chars[i]);
        if matches!(chars[i], '年' | '月') {
            let j = (i + 1..chars.len())
                .find(|&j| !is_blank(chars[j]))
                .unwrap_or(chars.len());
            if j > i + 1 && matches!(chars.get(j), Some('月' | '日')) {
                out.push_str("__");
                changed = true;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if changed {
        rep.info(
            no,
            1,
            "日期中留空待填的空格已改为下划线“__”，网页上才看得见",
        );
    }
    out
}

/// Finds "（下转第2页）" style markers: a bracketed run containing `mark`.
fn find_bracketed(s: &str, mark: &str) -> Option<(usize, usize)> {
    let at = s.find(mark)?;
    let open = s[..at].rfind(['（', '('])?;
    if s[open..at].chars().count() > 2 {
        return None;
    }
    let close_rel = s[at..].find(['）', ')'])?;
    let close = at + close_rel;
    let close_len = s[close..].chars().next()?.len_utf8();
    // Only page references: "（下转第2页）", "（接上页）", "（转第3版）".
    s[open..close]
        .contains(['页', '版'])
        .then_some((open, close + close_len))
}

fn is_page_number(t: &str) -> bool {
    let core = t.trim_matches(|c: char| "-—–－ ".contains(c) || is_blank(c));
    let dashed = core.len() < t.len();
    if !core.is_empty() && core.len() <= 3 && core.bytes().all(|b| b.is_ascii_digit()) {
        return dashed || t == core;
    }
    // 第 3 页 / 第3页 共5页
    let compact: String = t.chars().filter(|c| !is_blank(*c)).collect();
    let Some(rest) = compact.strip_prefix('第') else {
        return false;
    };
    let Some((n, tail)) = rest.split_once('页') else {
        return false;
    };
    let total_ok = tail.is_empty()
        || tail
            .strip_prefix('共')
            .and_then(|x| x.strip_suffix('页'))
            .is_some_and(|x| x.bytes().all(|b| b.is_ascii_digit()));
    !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && total_ok
}

fn strip_markdown_prefix(t: &str) -> (&str, bool) {
    let hashes = t.len() - t.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\u{3000}']) {
        return (t[hashes..].trim_start_matches(is_blank), true);
    }
    for p in ["- ", "* ", "+ ", "> ", "-\u{3000}"] {
        if let Some(rest) = t.strip_prefix(p) {
            return (rest.trim_start_matches(is_blank), true);
        }
    }
    (t, false)
}

/// The text of a line without `**` emphasis markers.
pub fn plain(s: &str) -> String {
    s.replace("**", "")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn run(text: &str) -> (Vec<String>, Report) {
        let mut rep = Report::new("t.txt");
        let lines = clean(text, &mut rep);
        let lines = crate::import::rejoin::rejoin(lines, &mut rep);
        (lines.into_iter().map(|l| l.text).collect(), rep)
    }

    #[test]
    fn removes_debris() {
        let (lines, rep) = run(
            "于2024年 4 月  日前完成。\n2024年 月 日\n[bookmark: _GoBack]我市启动新一轮行动。\n\n— 2 —\n\n第3页 共5页\n12\n## 一、总体目标\n继续推进（下转第2页）\n（接第一次会议精神）继续。\n**二要**深入宣传。\n不成对**的标记。\n             :\n",
        );
        assert_eq!(lines[0], "于2024年 4 月__日前完成。");
        assert_eq!(lines[1], "2024年__月__日");
        assert!(lines.contains(&"我市启动新一轮行动。".to_string()));
        assert!(lines.contains(&"一、总体目标".to_string()));
        assert!(lines.contains(&"继续推进".to_string()));
        assert!(lines.contains(&"（接第一次会议精神）继续。".to_string()));
        assert!(lines.contains(&"**二要**深入宣传。".to_string()));
        assert!(lines.contains(&"不成对的标记。".to_string()));
        assert!(lines.contains(&"________：".to_string()));
        assert!(
            !lines
                .iter()
                .any(|l| l.contains('2') && l.contains('—') || l == "12" || l.contains("共5页"))
        );
        assert!(rep.diagnostics.iter().any(|d| d.message.contains("不成对")));
    }
}
