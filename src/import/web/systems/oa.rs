//! A township OA system's 发文稿纸 page, copied whole: the system's name, greeting and menu
//! lines, the form's title ("…发文稿纸"), its rows (tab-separated "发文字号\t…\t紧急程度\t…",
//! 签发人, 核稿, 拟稿…), the buttons ("[ 正文 ] [ 流程跟踪 ]…") and the preview bar of the
//! document's file ("第 1 页 / 共 3 页 适合页宽 下载"); only then the document. After it, the
//! preview bar again and the 流程跟踪 table. The form's 发文字号, 标题 and 公开属性 are kept as
//! fields, to be checked against the document.

use super::{Gone, drop_all, field};
use crate::gongwen::chars::is_blank;
use crate::import::Line;
use crate::import::web::meta::{Field, label_of};

fn is_form_title(t: &str) -> bool {
    t.chars().count() <= 40
        && ["稿纸", "发文单", "发文处理笺", "发文笺"]
            .iter()
            .any(|w| t.ends_with(w))
}

/// A row of the form: a short label, a tab, its value (several pairs a row).
fn is_form_row(t: &str) -> bool {
    t.split_once('\t').is_some_and(|(label, _)| {
        let n = label.chars().filter(|c| !is_blank(*c)).count();
        (2..=6).contains(&n) && !label.contains(['。', '，'])
    })
}

/// A label alone: short, no punctuation.
fn is_label(t: &str) -> bool {
    let n = t.chars().filter(|c| !is_blank(*c)).count();
    (2..=6).contains(&n) && !t.contains(['。', '，', '：', ':'])
}

/// "[ 正文 ] [ 附件(0) ] [ 流程跟踪 ]": a row of bracketed buttons.
fn is_button_row(t: &str) -> bool {
    let s: String = t.chars().filter(|c| !is_blank(*c)).collect();
    s.starts_with('[') && s.ends_with(']') && s.matches('[').count() >= 2
}

/// A document preview's bar: "第 1 页 / 共 3 页" with the viewer's buttons or the file's name.
pub fn is_preview_bar(t: &str) -> bool {
    let s: String = t.chars().filter(|c| !is_blank(*c)).collect();
    let Some(at) = s.find('第') else {
        return false;
    };
    let rest = &s[at + '第'.len_utf8()..];
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits > 0
        && rest[digits..].starts_with("页")
        && rest[digits + '页'.len_utf8()..]
            .trim_start_matches(['/', '／', '，', ','])
            .starts_with('共')
        && !s.contains('。')
}

/// Takes the form and the 流程跟踪 table out; other lines are left alone.
pub fn take(mut lines: Vec<Line>, gone: &mut Gone, fields: &mut Vec<Field>) -> Vec<Line> {
    let Some(f) = lines
        .iter()
        .take(12)
        .position(|l| is_form_title(&l.plain()))
    else {
        return lines;
    };
    let mut end = f;
    let mut rows = 0;
    for (j, l) in lines.iter().enumerate().skip(f + 1).take(30) {
        let t = l.text.as_str();
        if is_form_row(t) {
            rows += 1;
            for pair in t.split('\t').collect::<Vec<_>>().chunks(2) {
                if let [label, value] = pair
                    && let Some((label, key)) = label_of(label)
                    && matches!(key, "doc_no" | "title" | "disclosure")
                    && !value.trim().is_empty()
                {
                    let mut fd = field(label, value.trim_matches(is_blank).to_string(), l.no);
                    fd.key = key;
                    fields.push(fd);
                }
            }
        } else if is_label(t) && lines.get(j + 1).is_some_and(|n| is_form_row(&n.text)) {
            // A row whose value is empty (its tab trimmed away): "会　　签".
        } else if !(is_button_row(t) || is_preview_bar(t)) {
            break;
        }
        end = j;
    }
    if rows < 3 {
        fields.clear();
        return lines;
    }
    // The 流程跟踪 (办理过程) table after the document: its heading, then rows to the end.
    let trace = (end + 1..lines.len()).find(|&k| {
        matches!(
            lines[k].plain().as_str(),
            "流程跟踪" | "办理过程" | "流转记录" | "办理记录"
        ) && lines.get(k + 1).is_some_and(|n| n.text.contains('\t'))
    });
    if let Some(k) = trace {
        let stop = (k + 1..lines.len())
            .find(|&m| !lines[m].text.contains('\t'))
            .unwrap_or(lines.len());
        drop_all(gone, "公文系统的流程跟踪表", lines.drain(k..stop));
    }
    drop_all(
        gone,
        "公文系统的页面、发文稿纸和预览栏",
        lines.drain(..=end),
    );
    let (bars, kept): (Vec<Line>, Vec<Line>) =
        lines.into_iter().partition(|l| is_preview_bar(&l.plain()));
    drop_all(gone, "公文系统的页面、发文稿纸和预览栏", bars);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_oa_form() {
        let text = "某县协同办公平台\n欢迎您：张三　待办(2)　退出\n外山乡人民政府发文稿纸\n发文字号\t外政〔2024〕3号\t紧急程度\t加急\n签 发 人\t李四\n会　　签\n标　　题\t外山乡人民政府关于开展检查的通知\n[ 正文 ] [ 流程跟踪 ]\n正文：外政〔2024〕3号.docx　第 1 页 / 共 2 页　下载\n外山乡人民政府关于开展检查的通知\n各村：\n请检查。\n第 2 页 / 共 2 页　上一页　下一页\n流程跟踪\n序号\t环节\n1\t拟稿\n技术支持：某公司";
        let (kept, fields) = super::super::run(take, text);
        assert_eq!(
            kept,
            [
                "外山乡人民政府关于开展检查的通知",
                "各村：",
                "请检查。",
                "技术支持：某公司"
            ]
        );
        assert_eq!(fields.len(), 2);
        assert!(is_preview_bar("第 1 页 / 共 3 页　　适合页宽　　下载"));
        assert!(!is_preview_bar("第一阶段"));
    }
}
