//! The document a 印发 or 转发 notice issues, printed after the notice's signature: its own
//! 版头 (when forwarded), title and body.

use super::{Item, Role, docno, head, kind, rejoin, tail, title};
use crate::gongwen::Kind;
use crate::import::{Line, Report};

/// The plan issued by a 印发 notice: its own title (one to three lines), then its body.
pub(super) fn read_issued(lines: &[Line], notice: &Item, rep: &mut Report) -> Item {
    // A forwarded document keeps its own 版头: the 发文机关 line and its 文号 above its title.
    let (mark, doc_no) = issued_mark(lines);
    let (title_lines, used) = title::title_block(lines, mark);
    let title: String = title_lines.iter().map(|(_, t)| t.as_str()).collect();
    let kind = kind::of_title(&title).unwrap_or_else(|| {
        rep.warning(
            lines[0].no,
            1,
            format!("无法从标题“{title}”判断所印发文件的类型，按方案导入"),
        )
        .with_hint("导入后在前置信息中改正 type");
        Kind::Plan
    });
    let mut plan = Item::new(kind, Role::Issued);
    title::set_title(&mut plan, &title_lines);
    plan.line = lines[0].no;
    plan.issuer = notice.issuer.clone();
    plan.date = notice.date;
    plan.doc_no = doc_no;
    let mut body = lines[used..].to_vec();
    if let Some(s) = tail::find_signature(&body) {
        let after = body.split_off(s.end);
        s.apply(&mut plan);
        body.truncate(s.start);
        body.extend(after);
    }
    plan.body = tail::take_body_elements(body, &mut plan, rep);
    plan.body = rejoin(std::mem::take(&mut plan.body), rep);
    plan
}

/// The 版头 of an issued or forwarded document: (lines it takes, its 文号). An organ's name
/// (or "…文件") over a 文号, or a 文号 alone, above the title.
fn issued_mark(lines: &[Line]) -> (usize, Option<String>) {
    let doc_no = |k: usize| {
        lines
            .get(k)
            .and_then(|l| docno::parse_doc_no(&l.plain()))
            .map(|(n, _)| n)
    };
    let organ = lines.first().is_some_and(|l| {
        let t = l.plain();
        head::is_organ(t.trim_end_matches("文件"))
    });
    match (organ, doc_no(0), doc_no(1)) {
        (true, _, Some(n)) => (2, Some(n)),
        (_, Some(n), _) => (1, Some(n)),
        _ => (0, None),
    }
}
