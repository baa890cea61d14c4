//! Nothing private reaches the public folder (SPEC.md "Output"): a build of the example with
//! an unmasked roster and unpublished documents, every byte of `site/` scanned for every
//! roster cell, the local roster path, staff-tool markup and the unpublished texts. The
//! staff materials beside it do carry the roster (so the scan is not vacuous).

use crate::harness::{Site, snapshot};

/// A roster whose every cell is found nowhere else in the example.
const ROSTER: &str = "单位名称,主要负责人,所属村,行业,联系电话
临江县测甲竹制品有限公司,欧阳测甲,测甲村,测甲行业,13912340001
临江县测乙五金加工厂,司马测乙,测乙村,测乙行业,13912340002
临江县测丙食品有限公司,诸葛测丙,测丙村,测丙行业,0571-88880003
";

/// Words only staff pages may carry: mail merge, registers, WeChat and LED tools.
const STAFF_MARKUP: [&str; 8] = [
    "复制到公众号",
    "逐户套打",
    "送达登记表",
    "register.csv",
    "print/",
    "wechat/",
    "led/",
    "content/data",
];

#[test]
fn the_public_folder_carries_no_roster_cell_staff_tool_or_unpublished_text() {
    let s = Site::example();
    s.write("content/data/enterprises.csv", ROSTER);
    s.write(
        "content/notices/neibu.md",
        "---\ntype: notice\ntitle: 内部工作安排\nissuer: 青石镇安全生产委员会办公室\ndate: 2026-09-02\ndisclosure: 不予公开\n---\n\n不公开的测丁机密文字。\n",
    );
    s.write(
        "content/news/mimi.md",
        "---\ntitle: 涉密情况通报\ndate: 2026-09-03\nsecrecy: 秘密\n---\n\n涉密的测戊文字。\n",
    );
    s.run(&["build", "--today", "2026-11-23"]).ok();
    let cells: Vec<&str> = ROSTER.lines().skip(1).flat_map(|l| l.split(',')).collect();
    let unpublished = ["测丁机密", "内部工作安排", "涉密的测戊", "涉密情况通报"];
    let public = snapshot(&s.file("output/site"));
    assert!(public.len() > 50, "the public site was built");
    let mut found = Vec::new();
    for (rel, bytes) in &public {
        let text = String::from_utf8_lossy(bytes);
        for word in cells.iter().chain(&unpublished).chain(&STAFF_MARKUP) {
            if text.contains(word) {
                found.push(format!("site/{}: {word}", rel.display()));
            }
        }
    }
    assert!(found.is_empty(), "private in site/:\n{}", found.join("\n"));
    // The staff materials do have the roster: the scan above looks for words that exist.
    let staff = String::from_utf8_lossy(
        &std::fs::read(s.file("output/print/gaozhishu.register.html")).unwrap(),
    )
    .to_string();
    for cell in &cells {
        assert!(staff.contains(cell), "register lacks {cell}");
    }
}
