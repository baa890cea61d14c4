use super::*;

#[test]
fn run_in_phase_headings() {
    let body: Vec<Line> = Line::numbered([
        "三、实施步骤",
        "（一）动员部署（2023年4月6日至4月30日）。各村要制定方案；要召开动员会。",
        "（二）集中宣传（5月底前）。要悬挂横幅。",
        "四、工作要求",
        "（一）加强领导（2023年5月）",
    ]);
    let mut rep = Report::new("t.txt");
    let p = find_phases(&body, Some(2023), &mut rep);
    assert_eq!(p.len(), 2);
    assert_eq!(
        (p[0].start, p[0].end),
        (
            NaiveDate::from_ymd_opt(2023, 4, 6),
            NaiveDate::from_ymd_opt(2023, 4, 30)
        )
    );
    assert_eq!(p[0].tasks, ["制定方案", "召开动员会"]);
    assert_eq!(p[1].end, NaiveDate::from_ymd_opt(2023, 5, 31));
    assert_eq!(p[1].tasks, ["悬挂横幅"]);
}

#[test]
fn a_table_of_stages() {
    let body: Vec<Line> = Line::numbered([
        "| 阶段 | 时间 | 主要任务 |",
        "| --- | --- | --- |",
        "| 宣传发动阶段 | 2021年5月6日—5月31日 | 各村要召开动员会。 |",
        "| 整改提升阶段 | 2021年6月1日—6月30日 | 要整改隐患。 |",
    ]);
    let p = find_phases(&body, Some(2021), &mut Report::new("t.txt"));
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].name, "宣传发动阶段");
    assert_eq!(p[0].start, NaiveDate::from_ymd_opt(2021, 5, 6));
    assert_eq!(p[1].end, NaiveDate::from_ymd_opt(2021, 6, 30));
    assert_eq!(p[1].tasks, ["整改隐患"]);
}

#[test]
fn heading_forms() {
    assert_eq!(
        heading_parts("（一）造强宣传声势（2023年4月底前）"),
        Some(("造强宣传声势".into(), "2023年4月底前".into()))
    );
    assert_eq!(
        heading_parts("第一阶段：动员部署（5月底前）"),
        Some(("动员部署".into(), "5月底前".into()))
    );
    assert_eq!(
        heading_parts("(一)前期统筹谋划阶段(2024年3月15 日前)"),
        Some(("前期统筹谋划阶段".into(), "2024年3月15 日前".into()))
    );
    assert_eq!(
        heading_parts("（二）集中宣传：2023年5月1日—6月30日"),
        Some(("集中宣传".into(), "2023年5月1日—6月30日".into()))
    );
    assert_eq!(
        heading_parts("1.宣传发动阶段（2024年5月25日-5月31日）"),
        Some(("宣传发动阶段".into(), "2024年5月25日-5月31日".into()))
    );
    // A third-level item that names no 阶段 is a task, not a phase.
    assert_eq!(heading_parts("1.张贴标语（5月31日前）"), None);
}

#[test]
fn run_in_headings_with_the_period_after_a_colon() {
    let body: Vec<Line> = Line::numbered([
        "二、工作步骤",
        "（一）排查摸底阶段：4月10日至4月25日。各组要逐户登记。",
        "（二）整改销号阶段：4月26日至6月15日。要建立台账。",
        "三、保障措施",
        "（一）加强领导：成立工作专班。",
    ]);
    let mut rep = Report::new("t.txt");
    let p = find_phases(&body, Some(2021), &mut rep);
    assert_eq!(p.len(), 2);
    assert_eq!(p[0].name, "排查摸底阶段");
    assert_eq!(
        (p[1].start, p[1].end),
        (
            NaiveDate::from_ymd_opt(2021, 4, 26),
            NaiveDate::from_ymd_opt(2021, 6, 15)
        )
    );
    assert_eq!(p[1].tasks, ["建立台账"]);
}
