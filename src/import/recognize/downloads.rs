//! Attachments a portal offers only as files to download ("附件下载：附件1.某某清单.docx"):
//! when the 附件说明 names them and no attachment's text follows the document, each named
//! file that the page offers becomes an attachment item of its own, titled by its name and
//! saying which file holds its text.

use super::kind::of_title;
use super::{Item, Role};
use crate::gongwen::Kind;
use crate::gongwen::chars::{is_blank, is_digit};
use crate::import::{Line, Report};

/// The name of an offered file without its "附件1." prefix and its extension:
/// "附件2.某某汇总表.xls" → "某某汇总表".
/// Also "附件【某某汇总表.xls】已下载次": what follows the extension (a counter, the size) and
/// the brackets around the name go.
pub fn file_title(file: &str) -> String {
    let t = file.trim_matches(is_blank);
    let t = &t[..extension_at(t).unwrap_or(t.len())];
    let t = match t.strip_prefix("附件") {
        Some(rest) => rest
            .trim_start_matches(|c: char| is_digit(c) || is_blank(c))
            .trim_start_matches(['.', '．', '、', '：', ':', '-', '_']),
        None => t,
    };
    let t = t
        .trim_start_matches(['【', '[', '［', '〖'])
        .trim_end_matches(['】', ']', '］', '〗']);
    t.chars().filter(|c| !is_blank(*c)).collect()
}

/// The file's name as the page lists it, without the words around it:
/// "附件【某某表.docx】已下载次" → "某某表.docx".
fn file_name(file: &str) -> &str {
    let t = file.trim_matches(is_blank);
    let end = extension_at(t).map_or(t.len(), |at| {
        at + 1
            + t[at + 1..]
                .bytes()
                .take_while(u8::is_ascii_alphanumeric)
                .count()
    });
    let t = &t[..end];
    // Only a bracket left open before the name ("附件【名称.docx"), not one inside it.
    t.rfind(['【', '['])
        .filter(|&at| !t[at..].contains(['】', ']']))
        .map_or(t, |at| {
            &t[at + t[at..].chars().next().map_or(1, char::len_utf8)..]
        })
}

/// Where the last file extension of `t` starts: a dot, one to five ASCII letters or digits
/// beginning with a letter, and no ASCII letter or digit after them ("提升2.0版" has none).
fn extension_at(t: &str) -> Option<usize> {
    t.match_indices('.').map(|(at, _)| at).rev().find(|&at| {
        let ext: String = t[at + 1..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        (1..=5).contains(&ext.len()) && ext.starts_with(|c: char| c.is_ascii_alphabetic())
    })
}

/// One attachment item for each name of `owner`'s 附件说明 that a file in `files` (line, text
/// as the page lists it) stands for, in the order of the 附件说明; empty unless every name has
/// its file.
pub fn offered(owner: &Item, files: &[(usize, String)], rep: &mut Report) -> Vec<Item> {
    let found: Vec<&(usize, String)> = owner
        .attachment_names
        .iter()
        .filter_map(|name| {
            files
                .iter()
                .find(|(_, f)| file_title(f) == crate::gongwen::chars::without_blanks(name))
        })
        .collect();
    if found.is_empty() || found.len() != owner.attachment_names.len() {
        return Vec::new();
    }
    // A warning, not a note: the pages say their text is missing until someone copies it in.
    rep.warning(
        found[0].0,
        1,
        format!(
            "附件说明列出的 {} 个附件只作为文件附在网页上，已按名称各生成一个附件页面，页面中暂无附件正文",
            found.len()
        ),
    )
    .with_hint("附件的正文请从原网页的文件中复制到对应的附件页面");
    owner
        .attachment_names
        .iter()
        .zip(found)
        .enumerate()
        .map(|(k, (name, (no, file)))| {
            let mut item = Item::new(
                of_title(name).unwrap_or(Kind::Page),
                Role::Attachment(k + 1),
            );
            item.title = name.trim_matches(is_blank).to_string();
            item.line = *no;
            item.date = owner.date;
            item.body = vec![Line {
                no: *no,
                text: format!(
                    "本附件的正文在原网页所附的文件“{}”中，导入时未能读取。",
                    file_name(file)
                ),
            }];
            item
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offered_files_stand_for_the_named_attachments() {
        assert_eq!(
            file_title("附件1.某镇隐患自查清单.docx"),
            "某镇隐患自查清单"
        );
        assert_eq!(file_title("附件 2：某镇汇总表.xls"), "某镇汇总表");
        assert_eq!(file_title("某镇值班表.xlsx"), "某镇值班表");
        assert_eq!(
            file_title("附件【某县“安全生产月”活动安排表.docx】已下载次"),
            "某县“安全生产月”活动安排表"
        );
        assert_eq!(file_title("某镇提升2.0版方案"), "某镇提升2.0版方案");
        let mut owner = Item::new(Kind::Notice, Role::Main);
        owner.attachment_names = vec!["某镇隐患自查清单".into(), "某镇汇总表".into()];
        let files = [
            (30, "附件1.某镇隐患自查清单.docx".to_string()),
            (31, "附件2.某镇汇总表.xls".to_string()),
        ];
        let mut rep = Report::new("t.html");
        let items = offered(&owner, &files, &mut rep);
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].title, "某镇汇总表");
        assert_eq!(items[1].role, Role::Attachment(2));
        // A file the 附件说明 does not name: nothing is made up.
        assert!(offered(&owner, &files[..1], &mut rep).is_empty());
    }
}
