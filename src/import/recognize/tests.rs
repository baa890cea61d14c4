//! Recognition of whole (small) documents.

use super::*;
use crate::import::clean::clean;

fn doc(text: &str) -> (Document, Report) {
    let mut rep = Report::new("t.txt");
    let lines = clean(text, &mut rep);
    (recognize(lines, &mut rep), rep)
}

#[test]
fn notice_with_attachments() {
    let (d, rep) = doc(
        "外山乡人民政府文件\n永外政〔2024〕3号\n外山乡人民政府关于开展\n安全宣传的通知\n各村委会：\n请认真组织宣传。\n附件：1.致企业的一封信\n2.宣传标语\n外山乡人民政府\n2024年3月1日\n附件1\n致企业的一封信\n各企业：\n请落实责任。\n附件2\n宣传标语\n1.安全第一。\n2、预防为主。\n外山乡人民政府办公室  2024年3月2日印发\n",
    );
    let kinds: Vec<Kind> = d.items.iter().map(|i| i.kind).collect();
    assert_eq!(kinds, [Kind::Notice, Kind::Letter, Kind::Slogans]);
    let n = &d.items[0];
    assert_eq!(n.title, "外山乡人民政府关于开展安全宣传的通知");
    assert_eq!(n.title_lines, ["外山乡人民政府关于开展", "安全宣传的通知"]);
    assert_eq!(n.issuer_mark.as_deref(), Some("外山乡人民政府文件"));
    assert_eq!(n.addressees, ["各村委会"]);
    assert_eq!(n.attachments, [1, 2]);
    assert_eq!(n.attachment_names, ["致企业的一封信", "宣传标语"]);
    assert_eq!(n.printed_by.as_deref(), Some("外山乡人民政府办公室"));
    assert_eq!(n.body.len(), 1);
    assert_eq!(d.items[1].addressees, ["各企业"]);
    let slogans: Vec<&str> = d.items[2].body.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(slogans, ["安全第一。", "预防为主。"]);
    assert!(
        !rep.diagnostics
            .iter()
            .any(|x| x.severity == crate::diag::Severity::Warning)
    );
}

#[test]
fn report_with_signer_and_contact_note() {
    let (d, rep) = doc(
        "永外政〔2024〕8号    签发人：林某某\n外山乡人民政府关于安全生产工作情况的报告\n县安委会：\n现将有关情况报告如下。\n外山乡人民政府\n2024年7月1日\n（联系人：陈某，电话：12345678）\n",
    );
    let r = &d.items[0];
    assert_eq!(r.kind, Kind::Notice);
    assert_eq!(r.signer, ["林某某"]);
    assert_eq!(r.doc_no.as_deref(), Some("永外政〔2024〕8号"));
    assert_eq!(r.contact.as_deref(), Some("陈某，电话：12345678"));
    let warnings: Vec<String> = rep
        .diagnostics
        .iter()
        .filter(|x| x.severity == crate::diag::Severity::Warning)
        .map(|x| x.message.clone())
        .collect();
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn standalone_slogan_set() {
    let (d, _) = doc(
        "安全生产月宣传标语\n1.安全第一。\n2、预防为主。\n3．综合治理。\n外山乡安全生产委员会办公室\n2024年5月6日\n",
    );
    let s = &d.items[0];
    assert_eq!(s.kind, Kind::Slogans);
    let items: Vec<&str> = s.body.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(items, ["安全第一。", "预防为主。", "综合治理。"]);
    assert_eq!(s.issuer, ["外山乡安全生产委员会办公室"]);
}

#[test]
fn slogans_numbered_01_after_a_lead() {
    let (d, rep) = doc(
        "东坪镇安全生产月宣传标语\n6月是全国“安全生产月”，镇安委办整理了一组宣传标语，请各村广泛宣传。\n宣传标语\n01  人人讲安全，个个会应急。\n02  查找身边隐患，守护平安家园。\n",
    );
    let s = &d.items[0];
    assert_eq!(s.kind, Kind::Slogans);
    let items: Vec<&str> = s.body.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        items,
        ["人人讲安全，个个会应急。", "查找身边隐患，守护平安家园。"]
    );
    let lead: Vec<&str> = s.lead.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(lead.len(), 2);
    assert_eq!(lead[1], "宣传标语");
    assert!(
        !rep.diagnostics
            .iter()
            .any(|d| d.message.contains("没有编号"))
    );
    // Unnumbered sets have no lead: every line is a slogan.
    let (d, _) = doc("宣传标语\n安全第一。\n预防为主。\n");
    assert!(d.items[0].lead.is_empty());
    assert_eq!(d.items[0].body.len(), 2);
    // Two digits run into the text are no number.
    let (d, _) = doc("宣传标语\n1.安全第一。\n2.预防为主。\n24小时值守保平安。\n");
    assert_eq!(d.items[0].body[2].text, "24小时值守保平安。");
}

#[test]
fn standalone_form_keeps_its_blank_addressee() {
    let (d, _) = doc(
        "关于加强安全生产的告知书\n             :\n请你单位落实主体责任。\n接收单位（盖章）：\n",
    );
    let f = &d.items[0];
    assert_eq!(f.kind, Kind::Form);
    assert!(f.addressees.is_empty());
    assert_eq!(f.body[0].text, "________：");
}

#[test]
fn secrecy_urgency_and_copy_number() {
    let (d, rep) = doc(
        "000123\n秘密★1年\n特急\n外山乡人民政府文件\n永外政〔2024〕5号\n外山乡人民政府关于做好防汛工作的通知\n各村委会：\n请做好防汛工作。\n外山乡人民政府\n2024年6月1日\n",
    );
    let n = &d.items[0];
    assert_eq!(n.secrecy.as_deref(), Some("秘密★1年"));
    assert_eq!(n.urgency.as_deref(), Some("特急"));
    assert_eq!(n.doc_no.as_deref(), Some("永外政〔2024〕5号"));
    assert_eq!(n.title, "外山乡人民政府关于做好防汛工作的通知");
    assert!(
        rep.diagnostics
            .iter()
            .any(|x| x.message.contains("份号“000123”"))
    );
}

#[test]
fn unknown_type_is_reported_not_guessed() {
    let (d, rep) = doc("会议记录\n今天开了会，讨论了安全生产宣传工作的有关事项。\n");
    assert_eq!(d.items[0].kind, Kind::Page);
    assert!(
        rep.diagnostics
            .iter()
            .any(|x| x.message.contains("无法从标题“会议记录”判断文档类型"))
    );
}

/// issue 18: a portal links the attachment's file; its name is the attachment's title.
#[test]
fn attachment_file_names_lose_their_extension() {
    let (d, rep) = doc(
        "关于做好国庆值班工作的通知\n各村：\n请安排值班。\n附件：国庆值班表.XLSX\n外山乡人民政府\n2024年9月10日\n",
    );
    assert_eq!(d.items[0].attachment_names, ["国庆值班表"]);
    assert!(
        rep.diagnostics
            .iter()
            .any(|x| x.message.contains("“.XLSX”已去掉"))
    );
}

#[test]
fn a_forwarded_document_keeps_its_own_head() {
    let (d, _) = doc(
        "外山县人民政府办公室转发某市安全生产委员会关于开展检查的通知\n各乡镇：\n现转发给你们，请执行。\n外山县人民政府办公室\n2022年5月27日\n某市安全生产委员会\n某安委〔2022〕6号\n某市安全生产委员会关于开展检查的通知\n各县：\n请检查。\n某市安全生产委员会\n2022年5月20日",
    );
    assert_eq!(d.items[1].title, "某市安全生产委员会关于开展检查的通知");
    assert_eq!(d.items[1].doc_no.as_deref(), Some("某安委〔2022〕6号"));
}

#[test]
fn an_organ_finishing_the_last_sentence_is_no_signature() {
    // Found in review: "办公室设在：" was cut off and its organ read as the signature.
    let (d, _) = doc(
        "某镇燃气安全隐患排查整治工作方案\n为切实防范燃气事故，结合我镇实际，制定本方案。\n一、工作机构\n成立燃气安全整治工作领导小组，领导小组下设办公室，办公室设在：\n某镇应急管理办公室\n",
    );
    let main = &d.items[0];
    assert!(main.issuer.is_empty(), "{:?}", main.issuer);
    let body: Vec<&str> = main.body.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(body.last(), Some(&"某镇应急管理办公室"), "{body:?}");
}

#[test]
fn an_undated_signature_of_two_organs_takes_both() {
    let (d, _) = doc(
        "关于做好汛期安全工作的通知\n各村（社区）：\n请各村落实防汛值班制度，发现险情立即报告。\n某镇人民政府\n某镇安全生产委员会\n",
    );
    let main = &d.items[0];
    assert_eq!(main.issuer, ["某镇人民政府", "某镇安全生产委员会"]);
    assert!(main.body.iter().all(|l| !l.text.contains("某镇人民政府")));
}

#[test]
fn a_forms_blank_contact_field_stays_in_the_body() {
    let (d, _) = doc(
        "关于报送安全员培训人员名单的通知\n各企业：\n请于5月10日前报送参加培训人员名单，回执如下：\n姓名：\n职务：\n联系电话：\n某镇安全生产委员会办公室\n2024年4月28日\n",
    );
    let main = &d.items[0];
    assert!(main.contact.is_none(), "{:?}", main.contact);
    assert!(main.body.iter().any(|l| l.text == "联系电话："));
}

#[test]
fn a_contact_line_in_the_body_stays_where_it_stands() {
    let (d, _) = doc(
        "关于开展安全生产月活动的通知\n各村（社区）：\n一、活动时间\n6月1日至6月30日。\n联系人：王小明，联系电话：0591-12345678\n二、工作要求\n各村于6月5日前报送活动方案。\n某镇人民政府\n2024年5月20日\n（联系人：李华，电话：13800000000）\n",
    );
    let main = &d.items[0];
    let body: Vec<&str> = main.body.iter().map(|l| l.text.as_str()).collect();
    let at = body.iter().position(|t| t.contains("0591-12345678"));
    assert_eq!(at, Some(2), "{body:?}");
    // The 附注 under the date is the notice's contact, shown under the date when built.
    assert_eq!(main.contact.as_deref(), Some("李华，电话：13800000000"));
}

#[test]
fn a_letters_contact_note_stays_in_its_text() {
    // Letters show no 附注: what a notice would take as one stays in the letter's text.
    let (d, _) = doc(
        "致全镇企业的一封信\n各企业负责人：\n请落实安全生产主体责任。\n（联系人：李华，电话：13800000000）\n某镇安全生产委员会办公室\n2024年5月20日\n",
    );
    let main = &d.items[0];
    assert_eq!(main.kind, Kind::Letter);
    assert!(main.contact.is_none(), "{:?}", main.contact);
    assert!(
        main.body.iter().any(|l| l.text.contains("13800000000")),
        "{:?}",
        main.body
    );
}

#[test]
fn organs_and_their_phone_numbers_are_no_signature() {
    // Found in review: the first organ over a 7-digit number was read as the signature.
    let (d, _) = doc(
        "关于公布安全生产举报电话的通知\n各村（社区）、各企业：\n现将各单位举报电话公布如下：\n某镇应急管理办公室\n2015215\n某镇派出所\n2563110\n某镇人民政府\n2024年6月3日\n",
    );
    let main = &d.items[0];
    assert_eq!(main.issuer, ["某镇人民政府"]);
    assert_eq!(main.date, chrono::NaiveDate::from_ymd_opt(2024, 6, 3));
    let body: Vec<&str> = main.body.iter().map(|l| l.text.as_str()).collect();
    assert!(
        body.contains(&"2015215") && body.contains(&"某镇应急管理办公室"),
        "{body:?}"
    );
    // At the end, digits under the organ are its date.
    let (d, _) = doc(
        "关于做好清明节期间安全防范工作的通知\n各村民委员会：\n请落实值班值守。\n某镇人民政府\n2024318\n",
    );
    assert_eq!(
        d.items[0].date,
        chrono::NaiveDate::from_ymd_opt(2024, 3, 18)
    );
    // holdout23: the digits apart, a brace of the page's markup before them and the 附注
    // between the organ and the date; the 附注 is kept as the note.
    let (d, _) = doc(
        "某县防汛宣传标语\n防汛无小事，安全大于天！\n汛期不在危房住，雨天不在崖下留！\n紫溪县应急管理局\n（此件公开发布）\n{ 2024 6 3\n",
    );
    let main = &d.items[0];
    assert_eq!(main.issuer, ["紫溪县应急管理局"]);
    assert_eq!(main.date, chrono::NaiveDate::from_ymd_opt(2024, 6, 3));
    assert_eq!(main.note.as_deref(), Some("此件公开发布"));
    let body: Vec<&str> = main.body.iter().map(|l| l.text.as_str()).collect();
    assert!(
        !body
            .iter()
            .any(|l| l.contains("2024") || l.contains("此件")),
        "{body:?}"
    );
    // Found by the review: a list of organs and their quantities is no signature.
    let (d, _) = doc(
        "关于公布各单位防汛物资储备情况的通报\n各乡镇人民政府：\n现将各单位编织袋、救生衣、冲锋舟储备数量通报如下：\n紫溪县应急管理局\n3000 50 2\n紫溪县水务局\n2024 12 8\n",
    );
    let main = &d.items[0];
    assert_eq!(main.date, None);
    let body: Vec<&str> = main.body.iter().map(|l| l.text.as_str()).collect();
    assert!(body.contains(&"2024 12 8"), "{body:?}");
}

#[test]
fn contact_notes_in_a_section_and_in_two_lines() {
    // Found in review: a note under a section was moved under the date; "联系人及电话" was
    // shown as "联系人：及电话"; the phone of a second note line was left behind.
    let (d, _) = doc(
        "关于报送安全隐患排查情况的通知\n各村（社区）：\n一、排查范围\n全镇生产经营单位。\n二、报送要求\n请于6月5日前报送。\n（联系人：王小明，电话：0591-2563215）\n三、工作纪律\n严禁弄虚作假。\n某镇人民政府\n2024年5月20日\n（联系人：李华）\n（联系电话：0591-2563110）\n",
    );
    let main = &d.items[0];
    let body: Vec<&str> = main.body.iter().map(|l| l.text.as_str()).collect();
    assert!(
        body.contains(&"（联系人：王小明，电话：0591-2563215）"),
        "{body:?}"
    );
    assert_eq!(
        main.contact.as_deref(),
        Some("李华，联系电话：0591-2563110")
    );
    let (d, _) = doc(
        "关于报送安全隐患排查情况的通知\n各村（社区）：\n请于6月5日前报送。\n某镇人民政府\n2024年5月20日\n（联系人及电话：李华 13800000000）\n",
    );
    assert_eq!(
        d.items[0].contact.as_deref(),
        Some("联系人及电话：李华 13800000000")
    );
    assert_eq!(
        crate::gongwen::order::note_lines(None, d.items[0].contact.as_deref()),
        ["联系人及电话：李华 13800000000"]
    );
}
