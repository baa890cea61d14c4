//! The site's own words (campaign.yaml `校对:`) through the real binary: declared words and the
//! names the site already knows are right, short names of issuers match, site misspellings
//! are reported, rules can be turned off for the site, and a mistyped rule id is an error at
//! the id.

use crate::harness::Site;

/// A news item with a site name doubled like a typo, a site misspelling and a spaced phrase;
/// a notice whose title names its issuer by a short name; a letter merged over a roster.
fn site() -> Site {
    let s = Site::fixture("minimal");
    s.write(
        "content/news/dongtai.md",
        "---\ntitle: 工作动态\ndate: 2026-05-12\n---\n\n丰丰村和鑫鑫建材有限公司开展安全生产培训，安委办派员参加，会上强调要要落实责任。\n\n东山村 组织学习。\n",
    );
    s.write(
        "content/notices/tongzhi.md",
        "---\ntitle: 测试乡安委会关于开展安全生产宣传的通知\ndate: 2026-03-05\nissuer: 测试乡安全生产委员会\ndisclosure: 主动公开\naddressees: [各村委会]\n---\n\n各村要认真组织宣传。\n",
    );
    s.write(
        "content/letters/gaozhi.md",
        "---\ntype: form\ntitle: 告知书\ndate: 2026-03-05\nissuer: 测试乡人民政府\ndisclosure: 主动公开\n名单: qiye.csv\n---\n\n{{企业名称}}：请落实主体责任。\n",
    );
    s.write(
        "content/data/qiye.csv",
        "企业名称,主要负责人\n鑫鑫建材有限公司,张某\n",
    );
    s
}

fn findings(s: &Site) -> Vec<serde_json::Value> {
    let r = s.run(&["check", ".", "--format", "json"]);
    serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}\n{}", r.stdout))
}

fn has(all: &[serde_json::Value], path: &str, lint: &str) -> bool {
    all.iter().any(|f| f["path"] == path && f["lint"] == lint)
}

const NEWS: &str = "content/news/dongtai.md";

#[test]
fn declared_and_known_names_are_right_and_short_issuer_names_match() {
    let s = site();
    // Without the section: 丰丰 is a doubled character, the short name a mismatch.
    let before = findings(&s);
    let doubled = |all: &[serde_json::Value], what: &str| {
        all.iter()
            .any(|f| f["lint"] == "repeated-char" && f["message"].as_str().unwrap().contains(what))
    };
    assert!(doubled(&before, "丰丰"), "{before:#?}");
    assert!(doubled(&before, "要要"), "{before:#?}");
    assert!(has(
        &before,
        "content/notices/tongzhi.md",
        "issuer-mismatch"
    ));
    // The roster's enterprise is known without being listed.
    assert!(!doubled(&before, "鑫鑫"), "{before:#?}");
    let c = s.read("content/campaign.yaml");
    s.write(
        "content/campaign.yaml",
        &format!(
            "{c}校对:\n  词语: [丰丰村]\n  发文机关简称:\n    测试乡安委会: 测试乡安全生产委员会\n  易错词:\n    安委办: 乡安办\n"
        ),
    );
    let after = findings(&s);
    assert!(!doubled(&after, "丰丰"), "{after:#?}");
    assert!(doubled(&after, "要要"), "a real mistake stays reported");
    assert!(!has(
        &after,
        "content/notices/tongzhi.md",
        "issuer-mismatch"
    ));
    let typo = after
        .iter()
        .find(|f| f["lint"] == "word-list" && f["path"] == NEWS)
        .unwrap_or_else(|| panic!("{after:#?}"));
    assert_eq!(typo["message"], "“安委办”应为“乡安办”");
}

#[test]
fn rules_turned_off_for_the_site_and_a_mistyped_id_at_its_place() {
    let s = site();
    assert!(has(&findings(&s), NEWS, "cjk-space"));
    let c = s.read("content/campaign.yaml");
    let lines = c.lines().count();
    s.write(
        "content/campaign.yaml",
        &format!("{c}proofreading:\n  disable:\n    - cjk-space\n    - repeated-chr\n"),
    );
    let r = s.run(&["check", "."]).fails(1);
    assert!(!r.stdout.contains("[cjk-space]"), "{}", r.stdout);
    let at = format!("content/campaign.yaml:{}:7: 错误[unknown-lint]", lines + 4);
    assert!(r.stdout.contains(&at), "{at} in\n{}", r.stdout);
    assert!(
        r.stdout.contains("是不是想写“repeated-char”"),
        "{}",
        r.stdout
    );
    // The rest of the site is still proofread in the same run.
    assert!(r.stdout.contains("[repeated-char]"), "{}", r.stdout);
}

#[test]
fn a_wrong_shape_is_an_error_at_the_key() {
    let s = site();
    let c = s.read("content/campaign.yaml");
    let lines = c.lines().count();
    s.write(
        "content/campaign.yaml",
        &format!("{c}校对:\n  词汇: [丰丰村]\n"),
    );
    let r = s.run(&["check", "."]).fails(1);
    let at = format!("content/campaign.yaml:{}:3", lines + 2);
    assert!(r.stdout.contains(&at), "{at} in\n{}", r.stdout);
    assert!(r.stdout.contains("未知的字段“词汇”"), "{}", r.stdout);
    assert!(r.stdout.contains("词语（words）"), "{}", r.stdout);
}
