use super::*;

#[test]
fn organs() {
    assert!(is_organ("外山乡人民政府"));
    assert!(is_organ("泉州市安全生产委员会办公室"));
    assert!(!is_organ("各村委会，乡直各单位："));
}

#[test]
fn addressees_split_outside_brackets_only() {
    assert_eq!(
        split_addressees("各县（市、区）安委办，各乡镇（街道）："),
        ["各县（市、区）安委办", "各乡镇（街道）"]
    );
}

#[test]
fn rule_under_the_issuer_mark() {
    assert!(is_rule("——————————————"));
    assert!(is_rule("- - - - -"));
    assert!(!is_rule("——"));
    assert!(!is_rule("一、——总体要求"));
    let lines: Vec<Line> = Line::numbered([
        "外山乡人民政府",
        "————————",
        "外政〔2024〕3号",
        "外山乡人民政府关于开展安全检查的通知",
        "各村委会：",
    ]);
    let h = read_head(&lines, &mut Report::new("t.txt"));
    assert_eq!(h.doc_no.as_deref(), Some("外政〔2024〕3号"));
    assert_eq!(h.issuers, ["外山乡人民政府"]);
    assert_eq!(h.title.len(), 1);
    assert_eq!(h.addressees, ["各村委会"]);
}

#[test]
fn urgency_under_the_mark_and_an_internal_mark() {
    let lines: Vec<Line> = Line::numbered([
        "内部资料　注意保存",
        "外山乡人民政府文件",
        "加急",
        "外政〔2024〕3号",
        "外山乡人民政府关于开展安全检查的紧急通知",
        "各村委会：",
    ]);
    let h = read_head(&lines, &mut Report::new("t.txt"));
    assert_eq!(h.urgency.as_deref(), Some("加急"));
    assert_eq!(h.doc_no.as_deref(), Some("外政〔2024〕3号"));
    assert_eq!(h.addressees, ["各村委会"]);
}

#[test]
fn a_pdf_head_spaced_out_with_urgency_and_wrapped_addressees() {
    let lines: Vec<Line> = Line::numbered([
        "云 溪 县 安 全 生 产 委 员 会 文 件",
        "云安委〔2021〕7号",
        "云溪县安全生产委员会关于开展安全检查的通知",
        "各乡（镇）人民政府，县安委会各成员单位，",
        "各有关企业：",
    ]);
    let h = read_head(&lines, &mut Report::new("t.txt"));
    assert_eq!(h.issuers, ["云溪县安全生产委员会"]);
    assert_eq!(h.issuer_mark.as_deref(), Some("云溪县安全生产委员会文件"));
    assert_eq!(h.doc_no.as_deref(), Some("云安委〔2021〕7号"));
    assert_eq!(
        h.addressees,
        ["各乡（镇）人民政府", "县安委会各成员单位", "各有关企业"]
    );
    // A portal prints the title first, then 特急 and the 文号.
    let lines: Vec<Line> = Line::numbered([
        "泓川市安委办关于做好春节期间安全防范工作的紧急通知",
        "特急",
        "泓安办明电〔2025〕2号",
        "各县（区）人民政府：",
    ]);
    let h = read_head(&lines, &mut Report::new("t.txt"));
    assert_eq!(h.urgency.as_deref(), Some("特急"));
    assert_eq!(h.doc_no.as_deref(), Some("泓安办明电〔2025〕2号"));
    assert_eq!(h.addressees, ["各县（区）人民政府"]);
}

#[test]
fn a_portal_heading_split_as_organ_matter_and_spaced_genre() {
    // The organ's line over "关于…的" and "通 知", the 文号 printed under the heading: a title
    // of three lines, not a 版头 (a 版头's 文号 follows its organ lines directly).
    let lines: Vec<Line> = Line::numbered([
        "岗头镇人民政府",
        "关于开展汛期安全生产隐患排查整治的",
        "通 知",
        "岗政发〔2023〕11号",
        "各村（社区）、镇直各单位：",
    ]);
    let h = read_head(&lines, &mut Report::new("t.txt"));
    assert!(h.issuers.is_empty());
    assert_eq!(h.title.len(), 3);
    assert_eq!(h.doc_no.as_deref(), Some("岗政发〔2023〕11号"));
    assert_eq!(h.addressees, ["各村（社区）", "镇直各单位"]);
    // A 文号 never joins a title that is not closed by its 文种.
    let lines: Vec<Line> = Line::numbered([
        "关于开展汛期隐患排查整治工作的安排",
        "岗政发〔2023〕11号",
        "各村委会：",
    ]);
    assert_eq!(read_head(&lines, &mut Report::new("t.txt")).title.len(), 1);
}

#[test]
fn a_letter_signed_by_its_organ_alone() {
    assert_eq!(
        super::super::tail::undated_signature("坦溪镇人民政府"),
        Some(vec!["坦溪镇人民政府".to_string()])
    );
    assert_eq!(super::super::tail::undated_signature("请及时报告。"), None);
}

#[test]
fn urgency_between_the_mark_and_its_doc_no() {
    // Found in review: the look-ahead for a 版头's 文号 stopped at the urgency line.
    let lines: Vec<Line> = Line::numbered([
        "某县安全生产委员会办公室",
        "特急",
        "某安办〔2024〕3号",
        "关于开展安全检查的通知",
        "各乡镇：",
    ]);
    let h = read_head(&lines, &mut Report::new("t.txt"));
    assert_eq!(h.issuers, ["某县安全生产委员会办公室"]);
    assert_eq!(h.doc_no.as_deref(), Some("某安办〔2024〕3号"));
    assert_eq!(h.title.len(), 1);
}
