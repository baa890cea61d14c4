//! Tests of the 信息公开 block reader.

use super::*;

fn lines(text: &str) -> Vec<Line> {
    text.lines()
        .enumerate()
        .map(|(i, t)| Line {
            no: i + 1,
            text: t.trim().to_string(),
        })
        .filter(|l| !l.text.is_empty())
        .collect()
}

fn run(text: &str) -> (Vec<String>, Meta) {
    let mut rep = Report::new("t.txt");
    let (kept, meta) = take(lines(text), &mut rep);
    (kept.into_iter().map(|l| l.text).collect(), meta)
}

fn value<'a>(m: &'a Meta, key: &str) -> &'a str {
    m.get(key).map_or("", |f| f.value.as_str())
}

#[test]
fn one_field_per_line_with_spaced_labels() {
    let (kept, m) = run(
        "- 索 引 号：003511-0200-2023-00031\n- 主题分类：安全生产\n- 发布机构：外山乡人民政府\n- 成文日期：2023年04月06日\n- 文  号：永外委〔2023〕16号\n- 有效性：有效\n正文第一段。",
    );
    assert_eq!(kept, ["正文第一段。"]);
    assert_eq!(value(&m, "index_no"), "003511-0200-2023-00031");
    assert_eq!(value(&m, "issuer"), "外山乡人民政府");
    assert_eq!(value(&m, "doc_no"), "永外委〔2023〕16号");
    assert_eq!(value(&m, "valid"), "有效");
    assert_eq!(m.get("doc_no").unwrap().line, 5);
}

#[test]
fn run_together_and_bracketed() {
    let (kept, m) = run(
        "[ 索引号 ]11350525MB0000000X/2024-00012 [ 发文字号 ]永外政〔2024〕3 号 [ 发布机构 ]外山乡人民政府 [ 成文日期 ]2024-03-01 [ 发布日期 ]2024-03-04\n来源：外山乡 发布时间：2024-03-04 09:12 浏览次数：321\n关于开展安全宣传的通知",
    );
    assert_eq!(kept, ["关于开展安全宣传的通知"]);
    assert_eq!(value(&m, "doc_no"), "永外政〔2024〕3 号");
    assert_eq!(value(&m, "published"), "2024-03-04");
    assert_eq!(value(&m, "date"), "2024-03-01");
    assert_eq!(
        first_date("2024-03-04 09:12"),
        NaiveDate::from_ymd_opt(2024, 3, 4)
    );
}

#[test]
fn label_alone_with_value_below() {
    let (kept, m) = run(
        "• 索引号:\n6107280000/2024-001005\n• 主题分类:\n• 发文字号:\n镇政发〔2024〕7号\n• 发文日期:\n2024年04月06日 16:40\n• 内容概述:\n外山乡人民政府工作规则\n第一章总则",
    );
    assert_eq!(kept, ["外山乡人民政府工作规则", "第一章总则"]);
    assert_eq!(value(&m, "index_no"), "6107280000/2024-001005");
    assert_eq!(value(&m, "topic"), "");
    assert_eq!(value(&m, "doc_no"), "镇政发〔2024〕7号");
    assert_eq!(
        first_date(value(&m, "date")),
        NaiveDate::from_ymd_opt(2024, 4, 6)
    );
}

#[test]
fn a_row_of_labels_over_a_row_of_values() {
    let (kept, m) = run(
        "索引号\t文号\t发布机构\t发布日期\n011043105/2024-01123\t青政发〔2024〕5号\t青石镇人民政府\t2024-03-20\n正文。",
    );
    assert_eq!(kept, ["正文。"]);
    assert_eq!(value(&m, "doc_no"), "青政发〔2024〕5号");
    assert_eq!(m.get("doc_no").map(|f| (f.line, f.col)), Some((2, 22)));
}

#[test]
fn a_date_without_its_label_before_the_source() {
    let (kept, m) = run("2024-06-25 14:47   来源：松林镇   打印本页 关闭\n正文。");
    assert_eq!(kept, ["正文。"]);
    assert_eq!(value(&m, "published"), "2024-06-25 14:47");
    let (kept, _) = run("2024年6月1日，镇长：请各村做好准备。");
    assert_eq!(kept.len(), 1);
}

#[test]
fn body_lines_are_not_labels() {
    let (kept, m) =
        run("标题要简明。\n来源于群众的意见要认真研究。\n作者：外山乡安办\n联系人：林小梅");
    assert_eq!(kept.len(), 4, "{kept:?}");
    assert!(m.fields.is_empty());
}

#[test]
fn bracketed_labels_of_a_numbered_list() {
    let (kept, m) = run(
        "[主题分类] 综合政务/应急管理\n[发文机构] 石岭镇人民政府\n[联合发文单位]\n[成文日期] 2024-05-20\n[发文字号] 石岭政发〔2024〕7号\n[有效性]\n[文件来源] 石岭镇政府办公室\n石岭镇人民政府关于印发方案的通知",
    );
    assert_eq!(kept, ["石岭镇人民政府关于印发方案的通知"]);
    assert_eq!(value(&m, "issuer"), "石岭镇人民政府");
    assert_eq!(value(&m, "valid"), "");
    let (kept, m) =
        run("文    号: 岩府发〔2024〕11号   发布机构: 岩脚镇人民政府\n文件有效性: 有效\n正文。");
    assert_eq!(kept, ["正文。"]);
    assert_eq!(value(&m, "valid"), "有效");
    assert_eq!(value(&m, "doc_no"), "岩府发〔2024〕11号");
}

#[test]
fn toolbar_before_the_date_and_a_summary_line() {
    let (kept, m) = run(
        "红旗镇宣传标语\n放大字体  缩小字体 发布日期:2024-06-03  来源:红旗镇人民政府\n核心提示:为营造氛围，红旗镇发布宣传标语。\n人人讲安全。",
    );
    assert_eq!(kept, ["红旗镇宣传标语", "人人讲安全。"]);
    assert_eq!(value(&m, "published"), "2024-06-03");
    let (_, m) = run("索取号：SH-2024-0031 公开类别：主动公开\n正文。");
    assert_eq!(value(&m, "index_no"), "SH-2024-0031");
    assert_eq!(value(&m, "disclosure"), "主动公开");
}

#[test]
fn a_date_and_a_source_without_labels_and_bilingual_labels() {
    let (kept, m) = run("2019-09-09 16:02　　外山乡　　　　浏览：418\n正文。");
    assert_eq!(kept, ["正文。"]);
    assert_eq!(value(&m, "published"), "2019-09-09 16:02");
    assert_eq!(label_of("索引号 Index No."), Some(("索引号", "index_no")));
    assert_eq!(label_of("所属主题"), Some(("所属主题", "topic")));
    assert_eq!(label_of("Index No."), None);
}

#[test]
fn a_source_followed_by_the_date_without_its_label() {
    let (kept, m) = run("来源:荷塘乡   2020-08-14 09:40\n正文第一段。");
    assert_eq!(kept, ["正文第一段。"]);
    assert_eq!(value(&m, "published"), "2020-08-14 09:40");
    let source = m.fields.iter().find(|f| f.label == "来源").unwrap();
    assert_eq!(source.value, "荷塘乡");
    // A source that is a sentence keeps its words; no date is made up.
    let (_, m) = run("来源：本站 编辑部 2020年第4期\n正文第一段。");
    assert_eq!(value(&m, "published"), "");
}

#[test]
fn body_table_rows_are_not_the_block() {
    let text = "| 名称 | 荷塘乡安全生产知识竞赛 | 时间 | 2024年6月16日 |\n| --- | --- | --- | --- |\n| 地点 | 乡政府会议室 | 主办 | 乡安监站 |\n应急物资清单如下。\n| 名称 | 分类 | 数量 | 存放地点 |\n| --- | --- | --- | --- |\n| 灭火器 | 消防 | 20具 | 村部 |";
    let (kept, m) = run(text);
    assert_eq!(kept, text.lines().collect::<Vec<_>>());
    assert_eq!(value(&m, "title"), "");
    assert_eq!(value(&m, "published"), "");
    // The portal's row, opened by a label, is still read.
    let (kept, m) =
        run("索引号 | 01526143-2-/2024-0313005 | 发布机构 | 永腾市凤溪镇 |\n正文第一段。");
    assert_eq!(kept, ["正文第一段。"]);
    assert_eq!(value(&m, "issuer"), "永腾市凤溪镇");
}

#[test]
fn labels_run_on_to_the_value_before_them() {
    // "时间:…来源:…访问量:" written without blanks between the items.
    let (kept, m) = run("时间:2023-02-27 15:42来源:泾西镇访问量:\n同志们：");
    assert_eq!(kept, ["同志们："]);
    assert_eq!(value(&m, "published"), "2023-02-27 15:42");
    let source = m.fields.iter().find(|f| f.label == "来源").unwrap();
    assert_eq!(source.value, "泾西镇");
    // A value's own words before a colon are no label: "单位名称" holds the weak 名称.
    let (_, m) = run("发布机构:某县应急管理局单位名称:某县应急管理局");
    assert_eq!(value(&m, "issuer"), "某县应急管理局单位名称:某县应急管理局");
    assert!(m.get("title").is_none());
}

#[test]
fn body_lines_of_plans_and_notices_with_run_on_labels_stay() {
    // Found in review: an activity plan's and a report's lines read as the block.
    for (page, at) in [
        (
            "某镇安全生产月咨询日活动方案\n一、活动安排\n地点：镇文化广场\n时间：6月16日上午9时服务对象：全镇居民和企业职工\n二、活动内容",
            3,
        ),
        (
            "某镇1—5月安全生产情况通报\n各村、各企业：\n现将有关情况通报如下：\n时间：2024年1—5月数据来源：镇安监站统计\n一、总体情况",
            3,
        ),
        (
            "关于召开安全生产工作会议的通知\n各村（社区）、各企业：\n经研究，决定召开全镇安全生产工作会议。现将有关事项通知如下：\n一、会议安排\n（一）\n时间：2024年5月8日上午9时 地点：镇政府三楼会议室\n二、参加人员",
            5,
        ),
        (
            "某镇安全生产月咨询日活动方案\n一、活动安排\n时间：6月16日上午9时 服务对象：全镇居民和企业职工\n二、活动内容",
            2,
        ),
    ] {
        let (kept, m) = run(page);
        assert_eq!(kept[at], page.lines().nth(at).unwrap(), "{kept:?}");
        assert!(m.fields.is_empty(), "{page}");
    }
}

#[test]
fn a_body_line_with_a_label_inside_stays() {
    // A line that does not open with a label is not the block, whatever it holds.
    let (kept, m) = run("会议时间:2024年5月8日上午9时来源:镇安办通知");
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(m.fields.is_empty());
}

#[test]
fn the_zhejiang_platforms_generation_time_is_the_page_date() {
    let (kept, m) = run(
        "索引号:002653817/2023-00093 生成时间:2023-03-29 16:08:27 发布机构:岱溪镇 点击数:\n全镇广大干部群众：",
    );
    assert_eq!(kept, ["全镇广大干部群众："]);
    assert_eq!(value(&m, "index_no"), "002653817/2023-00093");
    assert_eq!(value(&m, "published"), "2023-03-29 16:08:27");
    assert_eq!(value(&m, "issuer"), "岱溪镇");
}

#[test]
fn a_generated_date_with_a_time_of_day_is_the_page_stamp() {
    // Labels without colons, 生成日期 stamped to the second: when the page was published.
    let (kept, m) = run(
        "索引号 620000/2023-00012 发文字号\n关键词  发布机构 某镇人民政府\n生成日期 2023-06-09 10:21:37 是否有效\n正文第一段。",
    );
    assert_eq!(kept, ["正文第一段。"]);
    assert_eq!(value(&m, "published"), "2023-06-09 10:21:37");
    assert_eq!(value(&m, "date"), "");
    // A date alone stays the 成文日期 (holdout17's Ningxia block); so does 公文生成日期.
    let (_, m) = run("索引号 640000/2024-00008 生成日期 2024-04-02\n正文第一段。");
    assert_eq!(value(&m, "date"), "2024-04-02");
    assert_eq!(value(&m, "published"), "");
    let (_, m) = run("公文生成日期：2023-05-10 09:30\n索引号：001/2023-01\n正文第一段。");
    assert_eq!(value(&m, "date"), "2023-05-10 09:30");
}

#[test]
fn a_summary_in_the_block_goes_with_it() {
    // "概  述:" under the block's rows repeats the body's first words: it goes.
    let (kept, _) = run(
        "索 引 号: 1115/2025-01 发文字号: 某安委会发〔2025〕5号\n发文机关: 应急管理局 公开日期: 2025-05-19\n概  述:   各苏木镇人民政府,各成员单位:    为贯彻落实...\n关于印发某要点的通知\n各苏木镇人民政府：",
    );
    assert_eq!(kept, ["关于印发某要点的通知", "各苏木镇人民政府："]);
    // A body sentence opening with 概述 and away from any block stays.
    let (kept, _) = run("关于某事的报告\n概述：今年以来全镇未发生较大事故。\n正文第二段。");
    assert_eq!(kept.len(), 3);
}

#[test]
fn an_empty_responsible_department_beside_the_block() {
    // Jiangxi's block: 责任部门 left empty puts two labels with colons side by side.
    let (kept, m) = run(
        "索 引 号:   thdn307/2024-00087   分 类:   规范性文件\n责任部门:      发文日期:   2024年05月20日\n标 题:   关于开展某镇汛期安全隐患大排查的通知\n关于开展某镇汛期安全隐患大排查的通知",
    );
    assert_eq!(kept, ["关于开展某镇汛期安全隐患大排查的通知"]);
    assert_eq!(value(&m, "date"), "2024年05月20日");
    assert_eq!(value(&m, "issuer"), "");
    // Its row names two labels, not three (the 日期 of 发文日期 is none): the block of the
    // saved page is the element around all the rows, not this row.
    assert_eq!(
        labelled_keys("责任部门:发文日期:2024年05月20日"),
        ["issuer", "date"]
    );
    // A plan's task names its 责任部门 away from any block: body text.
    let page = "某镇燃气安全专项整治方案\n一、排查餐饮场所燃气管道\n责任部门：镇应急办　完成时间：5月31日\n二、整改隐患";
    let (kept, m) = run(page);
    assert_eq!(kept[2], page.lines().nth(2).unwrap(), "{kept:?}");
    assert!(m.fields.is_empty(), "{:?}", m.fields);
}

#[test]
fn a_plans_task_lines_stay() {
    // Found in review: 责任部门 beside a task's 时间 line read as the block, and a deadline
    // read as the page's date.
    for page in [
        "某镇燃气安全专项整治方案\n一、工作任务\n（一）排查餐饮场所燃气管道和报警装置。\n责任部门：镇应急管理办公室\n时间：2024年6月30日前\n（二）整治瓶装液化气违规经营。\n责任部门：镇市场监管所\n时间：2024年7月15日前",
        "某镇夏季治安防范方案\n一、工作安排\n责任部门：镇派出所\n日期：2024年6月1日至6月30日\n二、工作要求",
    ] {
        let (kept, m) = run(page);
        assert_eq!(kept.len(), page.lines().count(), "{kept:?}");
        assert!(m.fields.is_empty(), "{:?}", m.fields);
    }
    assert!(is_stamp("2024年06月18日 10:21"));
    assert!(is_stamp("2024-06-18"));
    assert!(!is_stamp("2024年6月30日前"));
}

/// The review of the holdout21 labels: a body's own lines opened by them stay.
#[test]
fn body_lines_opened_by_the_page_labels_of_holdout21_stay() {
    for line in [
        "签署日期：2024年3月1日",
        "登记日期：2024年3月5日至3月20日",
        "出处：在全省安全生产工作会议上的讲话",
        "发布人：某某镇便民服务中心",
        "更新时间：2024年5月31日",
    ] {
        let text = format!("一、有关事项\n请各村认真落实。\n{line}\n其余事项另行通知。");
        let (kept, m) = run(&text);
        assert!(kept.iter().any(|l| l == line), "{line}: {kept:?}");
        assert!(m.fields.is_empty(), "{line}: {:?}", m.fields);
    }
    // Beside the block they are its labels.
    let (kept, m) = run(
        "索引号:000017264/2024-00031\n公开方式:政府网站\n信息时效期:\n签署日期:\n登记日期:\n发文日期:2024-05-14\n关于开展汛期检查的通知",
    );
    assert_eq!(kept, ["关于开展汛期检查的通知"]);
    assert_eq!(value(&m, "date"), "2024-05-14");
    let (kept, _) = run("发布人: 来 源: 时 间:2024-05-09 收藏\n正文第一段。");
    assert_eq!(kept, ["正文第一段。"]);
}

/// A weak label naming a block's key (a pledge's "签署日期：") makes no neighbour the block:
/// the task's "责任部门：…" beside it stays in the text.
#[test]
fn a_weak_dated_line_vouches_for_no_responsible_department() {
    let (kept, m) = run(
        "三、工作要求\n责任部门：镇应急办 时间：6月30日前\n签署日期：2024年3月1日\n请各村认真落实。",
    );
    assert!(
        kept.iter()
            .any(|l| l == "责任部门：镇应急办 时间：6月30日前"),
        "{kept:?}"
    );
    assert!(m.get("issuer").is_none(), "{:?}", m.fields);
}

#[test]
fn a_mobile_pages_info_line_and_a_pasted_table_of_shanghai() {
    // holdout22 gs_notice_mobile: 部门 and 栏目 are the page's own labels.
    let (kept, m) = run(
        "部门:郭岔镇 | 栏目:安全生产 | 来源:郭岔镇党政办 | 作者: | 日期:2024-10-12 00:00:00 | 阅读: 1862\n郭政发〔2024〕58号",
    );
    assert_eq!(kept, ["郭政发〔2024〕58号"]);
    assert_eq!(value(&m, "published"), "2024-10-12 00:00:00");
    assert_eq!(value(&m, "issuer"), "");
    // Alone, a task's 部门 or a column's name is body text.
    for t in ["部门：县应急管理局", "栏目：安全生产"] {
        assert_eq!(run(t).0, [t]);
    }
    // holdout22 sh_case: 公开类型 is the 公开属性; 公开期限 closes the value before it.
    let (_, m) = run(
        "文 号: | | 公开类型: | 主动公开 |\n公开属性: | 全部公开 | 公开期限: | 长期公开 |\n正文。",
    );
    assert_eq!(value(&m, "disclosure"), "主动公开");
    assert_eq!(value(&m, "doc_no"), "");
}

#[test]
fn an_empty_issuer_does_not_take_the_heading_under_it() {
    // holdout22 yn_slogans_list: "发布机构:" empty over the page's heading.
    let (kept, m) =
        run("索引号: 750712406/2024-00037\n发布机构:\n弥苴市2024年“安全生产月”宣传标语\n");
    assert_eq!(value(&m, "issuer"), "");
    assert_eq!(kept, ["弥苴市2024年“安全生产月”宣传标语"]);
    // A column named like a 文种 is still a 公开目录's value.
    let (kept, m) = run("公开目录\n通知公告\n文 号\n金政发〔2025〕12号\n正文。");
    assert_eq!(value(&m, "topic"), "通知公告");
    assert_eq!(value(&m, "doc_no"), "金政发〔2025〕12号");
    assert_eq!(kept, ["正文。"]);
}

#[test]
fn disclosure_words_of_a_body_and_a_headline_under_an_empty_issuer() {
    // Found by the holdout22 review: a notice on a 公开栏 asks for these lines.
    for t in [
        "公开类型：主动公开",
        "公开期限：每季度更新一次",
        "公开期限：长期",
    ] {
        let (kept, m) = run(t);
        assert_eq!(kept, [t]);
        assert_eq!(value(&m, "disclosure"), "");
    }
    // A news headline under an empty "发布机构:" is the headline, not the organ; an organ's
    // short name is still its value.
    let (kept, m) =
        run("索引号：620121-001/2024-00077\n发布机构：\n郭岔镇开展安全生产宣传进村入户活动\n");
    assert_eq!(value(&m, "issuer"), "");
    assert_eq!(kept, ["郭岔镇开展安全生产宣传进村入户活动"]);
    let (_, m) = run("索引号：620121-001/2024-00077\n发布机构：\n郭岔镇应急办\n正文。");
    assert_eq!(value(&m, "issuer"), "郭岔镇应急办");
}

#[test]
fn a_stray_quote_between_two_items_of_the_line() {
    // holdout23 ln_speech_asp_gbk: an old ASP page's "浏览:1386次'时间:…".
    let (kept, m) = run("浏览:1386次'时间:2024年3月22日\n同志们：");
    assert_eq!(kept, ["同志们："]);
    assert_eq!(value(&m, "published"), "2024年3月22日");
}
