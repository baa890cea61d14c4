//! `check` over a site as the loader loads it: the lints read the loaded front matter (the
//! loader's dates, lists, key positions), suppressions are checked against the lint table,
//! and documents the loader left out are still proofread as text.

use std::path::Path;

use crate::check::site::proofread;
use crate::content::{LoadOptions, load_all};

const CAMPAIGN: &str = "title: 测试乡安全生产专项行动\norg: 外山乡人民政府\nphases:\n  - id: xuanchuan\n    name: 造强宣传声势\n    start: 2023-03-01\n    end: 2023-04-30\n";

/// Loads a site made of `files` and returns `(path, line, col, lint, message, hint)` of every
/// finding in `content/notices/`.
fn check(files: &[(&str, &str)]) -> Vec<(String, usize, usize, String, String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let write = |rel: &str, text: &str| {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write("content/campaign.yaml", CAMPAIGN);
    for (rel, text) in files {
        write(rel, text);
    }
    let opts = LoadOptions {
        drafts: true,
        today: chrono::NaiveDate::from_ymd_opt(2023, 4, 10).unwrap(),
    };
    let site = load_all(Path::new(dir.path()), &opts).unwrap();
    proofread(&site)
        .findings
        .into_iter()
        .map(|l| l.diag)
        .filter(|d| d.path.starts_with("content/notices/"))
        .map(|d| {
            let hint = d.hint.unwrap_or_default();
            (d.path, d.line, d.col, d.lint.to_string(), d.message, hint)
        })
        .collect()
}

fn at(found: &[(String, usize, usize, String, String, String)]) -> Vec<(usize, usize, &str)> {
    found.iter().map(|f| (f.1, f.2, f.3.as_str())).collect()
}

const HEAD: &str = "---\ntype: notice\ntitle: 外山乡人民政府关于开展安全生产宣传活动的通知\nissuer: 外山乡人民政府\naddressees: [各村委会]\ndisclosure: 主动公开\n";

/// `2023/4/6` is a date the loader accepts: the date lints read the loaded date, so the 文号
/// year, the printed date and the deadlines are checked against it.
#[test]
fn a_slash_date_gets_its_date_lints() {
    let text = format!(
        "{HEAD}date: 2023/4/6\ndoc_no: 永外政〔2022〕5号\nprinted_date: 2023-04-03\n---\n\n请于2023年3月31日前报送，乡安办已于2023年5月10日召开推进会。\n"
    );
    let found = check(&[("content/notices/a.md", &text)]);
    assert_eq!(
        at(&found),
        [
            (8, 12, "issue-date-consistency"),
            (9, 15, "issue-date-consistency"),
            (12, 3, "deadline-before-issue"),
            (12, 22, "issue-date-consistency"),
        ],
        "{found:?}"
    );
    assert!(found[1].4.contains("早于成文日期2023年4月6日"), "{found:?}");
}

/// A date written with zero padding, under its Chinese key and followed by a YAML comment, is
/// loaded as 2023-04-06 and still reported as written.
#[test]
fn a_front_matter_date_is_checked_as_written() {
    let text = format!("{HEAD}日期: 2023年04月06日 # 成文日期\n---\n\n正文。\n");
    let found = check(&[("content/notices/a.md", &text)]);
    assert_eq!(at(&found), [(7, 5, "date-format")], "{found:?}");
}

/// Unknown ids in a suppression are errors at the id, with the closest id or the list of ids;
/// the valid ids beside them still suppress.
#[test]
fn an_unknown_lint_id_is_reported_where_it_is_written() {
    let text = format!(
        "{HEAD}date: 2023-04-06\nlint: {{disable: [word-lst]}}\n---\n\n<!-- gwlint-disable-next-line repeated-char, repeated-wrd -->\n标标企业要纳入纳入学习。\n\n<!-- gwlint-disable nosuch -->\n截止目前已完成。\n"
    );
    let found = check(&[("content/notices/a.md", &text)]);
    assert_eq!(
        at(&found),
        [
            (8, 18, "unknown-lint"),
            (11, 46, "unknown-lint"),
            (12, 6, "repeated-word"),
            (14, 21, "unknown-lint"),
            (15, 1, "word-list"),
        ],
        "{found:?}"
    );
    assert_eq!(
        found[0].4,
        "没有名为“word-lst”的检查规则，这条忽略设置不起作用"
    );
    assert!(found[0].5.contains("“word-list”"), "{}", found[0].5);
    assert!(found[1].5.contains("“repeated-word”"), "{}", found[1].5);
    assert!(
        found[3].5.starts_with("可用的规则名：fm-required、"),
        "{}",
        found[3].5
    );
    assert!(!found[3].5.contains("unknown-lint"), "{}", found[3].5);
    assert!(found.iter().all(|f| f.3 != "repeated-char"));
}

/// The site checks are lints of the same table: a comment suppresses a broken link.
#[test]
fn a_broken_link_can_be_suppressed() {
    let text = format!(
        "{HEAD}date: 2023-04-06\n---\n\n详见[动态](../news/meiyou.md)。\n\n<!-- gwlint-disable-next-line broken-link -->\n另见[旧文](../news/jiu.md)。\n"
    );
    let found = check(&[("content/notices/a.md", &text)]);
    assert_eq!(at(&found), [(10, 3, "broken-link")], "{found:?}");
}

/// A document whose front matter the loader cannot read is proofread as body text, from the
/// line after its front matter.
#[test]
fn an_unreadable_front_matter_leaves_the_body_proofread() {
    let text = "---\ntitle: [甲\ndate: 2023-04-06\n---\n\n今天,我们召开了了会议。\n";
    let found = check(&[("content/notices/a.md", text)]);
    assert_eq!(
        at(&found),
        [
            (2, 8, "front-matter"),
            (6, 3, "halfwidth-punct"),
            (6, 8, "repeated-char"),
        ],
        "{found:?}"
    );
}

/// A link or image with a scheme the pages refuse is reported where it is written; allowed
/// addresses are not.
#[test]
fn a_refused_link_scheme_is_a_broken_link() {
    let text = format!(
        "{HEAD}date: 2023-04-06\n---\n\n见[甲](blob:https://evil.example/1)和<file:///etc/passwd>。\n\n![图](mhtml:file://c:/x.mht!x)[乙](https://www.gov.cn/)[丙](mailto:a@b.cn)\n"
    );
    let found = check(&[("content/notices/a.md", &text)]);
    assert_eq!(
        at(&found),
        [
            (10, 2, "broken-link"),
            (10, 35, "broken-link"),
            (12, 1, "missing-image")
        ],
        "{found:?}"
    );
    assert!(found[0].4.contains("“blob:”"), "{found:?}");
}
