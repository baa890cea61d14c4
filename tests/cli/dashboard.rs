//! The staff dashboard (`output/index.html`, SPEC "Output"): today's phase with its tasks and
//! days left, what was published per phase and channel, the findings by file with links to
//! them, and links to every print batch, WeChat export and LED screen with what plays today;
//! every link resolves from disk; a site's theme may override it; `serve` shows it too.

use crate::harness::Site;

/// The example with one proofreading error in a news item, built on 2026-11-23 (强化学习培训,
/// which ends on 2026-12-31).
fn built() -> Site {
    let s = Site::example();
    let news =
        s.read("content/news/dongyuanhui.md")
            .replacen("参加会议。", "参加会议，纳入纳入考核。", 1);
    s.write("content/news/dongyuanhui.md", &news);
    s.run(&["build", "--today", "2026-11-23"]).ok();
    s
}

/// The text of `html` between `start` and the next `end` after it.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let at = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in {html}"));
    let rest = &html[at..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

#[test]
fn the_dashboard_shows_today_the_channels_the_findings_and_links_to_every_staff_material() {
    let s = built();
    let page = s.read("output/index.html");

    // Today: the phase current on the build date, its tasks, its deadline and days left.
    let now = between(&page, "data-phase-now", "data-timeline");
    let shown = now
        .split("<section")
        .find(|b| b.contains("current-phase") && !b.contains("current-phase off"))
        .expect("one phase block shown");
    assert!(shown.contains("当前阶段：强化学习培训"), "{shown}");
    assert!(shown.contains("距截止还有 38 天"), "{shown}");
    assert!(shown.contains("2026年12月31日"), "{shown}");
    assert!(
        shown.contains("举办安全生产标准化提升专题培训班"),
        "{shown}"
    );
    assert!(
        page.contains("site/static/today.js"),
        "recomputed when read"
    );

    // Published per phase and channel: 造强宣传声势 has the plan, notices, letters and news.
    let row = between(&page, ">造强宣传声势</a></th>", "</tr>");
    let cells: Vec<usize> = row
        .split("<td class=\"n\">")
        .skip(1)
        .map(|c| c[..c.find('<').unwrap()].parse().unwrap())
        .collect();
    assert_eq!(cells.len(), 4, "site, WeChat, LED, print: {row}");
    assert!(cells[0] >= 5 && cells[1] >= 1 && cells[3] >= 1, "{row}");
    assert!(page.contains("<th scope=\"row\">合计</th>"), "{page}");

    // Findings: counted by severity, the file linked to its list, which says what and where.
    let counts = between(&page, "class=\"counts\"", "</ul>");
    assert!(counts.contains("错误<strong>1</strong>"), "{counts}");
    let link = between(&page, "<th scope=\"row\"><a href=\"#f", "</a>");
    assert!(link.ends_with("content/news/dongyuanhui.md"), "{link}");
    let link = &link[link.find("<a").unwrap()..];
    let id = &link["<a href=\"#".len()..link.find("\">").unwrap()];
    let list = between(&page, &format!("<section id=\"{id}\""), "</section>");
    assert!(
        list.contains("[repeated-word]") && list.contains("纳入纳入"),
        "{list}"
    );
    assert!(page.contains("href=\"site/news/dongyuanhui.html\">打开网页"));

    // Every print batch, WeChat export and LED screen, with today's slogans.
    for href in [
        "print/gaozhishu.html",
        "print/gaozhishu.register.html",
        "print/gaozhishu.register.csv",
        "wechat/dongyuanhui/index.html",
        "led/index.html",
        "led/zhen-menkou.html",
    ] {
        assert!(
            page.contains(&format!("href=\"{href}\"")),
            "no link to {href}"
        );
    }
    let led = between(&page, "id=\"led-title\"", "</section>");
    assert!(led.contains("2026-11-23"), "{led}");
    assert!(led.contains("<li>"), "today's slogans listed: {led}");

    // Every link of the dashboard resolves from disk.
    let bad: Vec<String> = crate::links::broken(&s.file("output"))
        .into_iter()
        .filter(|b| b.starts_with("index.html"))
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
    // It is a staff page: never in the public folder.
    assert!(!s.public("index.html").contains("工作台"));
}

#[test]
fn a_clean_site_says_so_and_a_site_theme_overrides_the_dashboard() {
    let s = Site::empty();
    s.run(&["new", "."]).ok();
    s.run(&["build"]).ok();
    let page = s.read("output/index.html");
    assert!(
        page.contains("错误<strong>0</strong>") && page.contains("警告<strong>0</strong>"),
        "{page}"
    );

    s.write(
        "themes/default/templates/dashboard.html",
        "<!DOCTYPE html><html lang=\"zh-CN\"><title>本镇工作台</title><p>{{ site.title }}：{{ findings.errors }} 个错误，{{ published | length }} 个阶段</p></html>",
    );
    s.run(&["build"]).ok();
    let page = s.read("output/index.html");
    assert!(
        page.contains("本镇工作台") && page.contains("0 个错误"),
        "{page}"
    );
}

#[test]
fn serve_shows_the_dashboard_beside_the_site() {
    let s = Site::example();
    let server = crate::serve::Server::start(&s);
    let (status, page) = server.get("/staff.html");
    assert_eq!(status, 200);
    assert!(
        page.contains("工作台：青石镇安全生产标准化提升专项行动"),
        "{page}"
    );
    assert!(page.contains("href=\"site/index.html\""), "{page}");
    // Its links work under serve as on disk; `/` stays the public site.
    let (status, _) = server.get("/site/index.html");
    assert_eq!(status, 200);
    let (_, home) = server.get("/");
    assert!(!home.contains("工作台："), "{home}");
    assert!(page.contains("错误<strong>0</strong>"), "{page}");
    // A saved mistake shows up on the dashboard after the rebuild.
    let news =
        s.read("content/news/dongyuanhui.md")
            .replacen("参加会议。", "参加会议，纳入纳入考核。", 1);
    s.write("content/news/dongyuanhui.md", &news);
    let page = server.wait_for(
        "/staff.html",
        std::time::Duration::from_secs(20),
        |_, body| body.contains("错误<strong>1</strong>"),
    );
    assert!(page.contains("content/news/dongyuanhui.md"), "{page}");
}

/// The edited page reloads as soon as its build is done; the dashboard, which sums up every
/// finding of the site, is rendered after that and reloads only itself, when it is ready
/// (serve waited for it before telling any page: 320 ms a save at 10,000 pages).
#[test]
fn serve_reloads_the_edited_page_before_the_dashboard_and_the_dashboard_when_ready() {
    let s = Site::example();
    let server = crate::serve::Server::start(&s);
    let (_, staff) = server.get("/staff.html");
    assert!(staff.contains(r#"addEventListener("staff""#), "{staff}");
    assert!(!staff.contains(r#"addEventListener("reload""#));
    let (_, page) = server.get("/news/dongyuanhui.html");
    assert!(page.contains(r#"addEventListener("reload""#));
    let rx = server.events();
    let news =
        s.read("content/news/dongyuanhui.md")
            .replacen("参加会议。", "参加会议，纳入纳入考核。", 1);
    s.write("content/news/dongyuanhui.md", &news);
    let seen = crate::serve::next_events(&rx, 2, std::time::Duration::from_secs(20));
    assert_eq!(seen, ["event: reload", "event: staff"]);
    // When the dashboard's own event comes, it already shows the new finding.
    let (_, staff) = server.get("/staff.html");
    assert!(staff.contains("错误<strong>1</strong>"), "{staff}");
}

/// A site whose first build fails has no dashboard yet: `/staff.html` is the not-found page,
/// which must reload on the dashboard's event too, or it would stay “未找到” after the fix.
/// A failed rebuild tells every page, the dashboard's too, so both show the error.
#[test]
fn the_dashboard_not_rendered_yet_reloads_when_it_is() {
    let s = Site::fixture("minimal");
    let page = "content/news/peixun.md";
    let good = s.read(page);
    s.write(page, &good.replace("tags: [培训]", "tags: [培训"));
    let server = crate::serve::Server::start(&s);
    server.wait_line(std::time::Duration::from_secs(20), |l| {
        l.starts_with("生成出错")
    });
    let (status, staff) = server.get("/staff.html");
    assert_eq!(status, 404);
    assert!(
        staff.contains(r#"addEventListener("reload""#)
            && staff.contains(r#"addEventListener("staff""#),
        "{staff}"
    );
    let events = |rx| crate::serve::next_events(rx, 2, std::time::Duration::from_secs(20));
    // Still broken: both events, so the dashboard's page shows the error too.
    let rx = server.events();
    s.write(page, &good.replace("tags: [培训]", "tags: [培训, "));
    assert_eq!(events(&rx), ["event: reload", "event: staff"]);
    // Fixed: the pages, then the dashboard, which is there when its event comes.
    s.write(page, &good);
    assert_eq!(events(&rx), ["event: reload", "event: staff"]);
    let (status, staff) = server.get("/staff.html");
    assert_eq!(status, 200, "{staff}");
    assert!(staff.contains(r#"addEventListener("staff""#));
}

#[test]
fn a_mistake_in_the_sites_dashboard_template_is_located_as_written() {
    let s = Site::fixture("minimal");
    s.run(&["build"]).ok();
    let before = crate::harness::snapshot(&s.file("output"));
    s.write(
        "themes/default/templates/dashboard.html",
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<title>工作台</title>\n<p>{{ site.title | nosuchfilter }}</p>\n</html>\n",
    );
    let r = s.run(&["build"]).fails(2);
    assert!(
        r.stderr.contains("dashboard.html 第 4 行") && r.stderr.contains("nosuchfilter"),
        "{}",
        r.stderr
    );
    assert!(
        crate::harness::snapshot(&s.file("output")) == before,
        "output changed"
    );
}

/// A file with many findings: the dashboard lists its first 30 and says how many more there
/// are (a county-scale site has a hundred thousand; the page must stay small and readable).
#[test]
fn a_file_with_many_findings_lists_the_first_and_counts_the_rest() {
    let s = Site::example();
    let many: String = (0..40).map(|_| "安全,生产。\n\n").collect();
    s.write(
        "content/news/dongyuanhui.md",
        &format!("{}\n{many}", s.read("content/news/dongyuanhui.md")),
    );
    s.run(&["build", "--today", "2026-11-23"]).ok();
    let page = s.read("output/index.html");
    let at = page
        .find("content/news/dongyuanhui.md</h3>")
        .expect("the file's findings");
    let section = between(&page[at..], "</h3>", "</section>");
    assert_eq!(section.matches("<li>").count(), 30, "{section}");
    assert!(
        section.contains("这个文件还有 10 处问题没有列出"),
        "{section}"
    );
}

/// A county-scale site: more files with findings than the dashboard details. A build keeps
/// only what it lists (`check::tally`), yet its report and dashboard count every finding, the
/// first files show their findings, and `check` still lists them all.
#[test]
fn a_site_with_more_files_with_findings_than_the_dashboard_lists_counts_them_all() {
    let s = Site::example();
    let files = 230;
    for n in 0..files {
        s.write(
            &format!("content/news/zz{n:03}.md"),
            &format!(
                "---\ntype: news\ntitle: 青石镇安全生产动态第{n}期\nissuer: 青石镇人民政府\ndate: 2026-09-04\ndisclosure: 主动公开\n---\n\n镇安办开展检查,发现隐患。\n\n督促整改,限期完成。\n"
            ),
        );
    }
    let r = s.run(&["build", "--today", "2026-11-23"]).ok();
    let json = s.run(&["check", "--format", "json"]).fails(1);
    let all: Vec<serde_json::Value> = serde_json::from_str(&json.stdout).unwrap();
    let ours = all
        .iter()
        .filter(|f| f["path"].as_str().unwrap().starts_with("content/news/zz"))
        .count();
    assert_eq!(ours, 2 * files, "two half-width commas a file");
    let errors = all.iter().filter(|f| f["severity"] == "error").count();
    let warnings = all.iter().filter(|f| f["severity"] == "warning").count();
    // The report: 30 of the rule in full, the rest counted, the totals of everything.
    assert_eq!(
        r.stderr.matches("错误[halfwidth-punct]").count(),
        30,
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains(&format!("共 {errors} 个错误，{warnings} 个警告。")),
        "{}",
        r.stderr
    );
    // The dashboard: the first files by path with their findings, the others in the table.
    let page = s.read("output/index.html");
    let first = page
        .find("content/news/zz000.md</h3>")
        .expect("the first file's findings");
    assert_eq!(
        between(&page[first..], "</h3>", "</section>")
            .matches("<li>")
            .count(),
        2
    );
    assert!(page.contains(&format!("{errors}")), "the error count");
    let detailed = page.matches("-title\">content/").count();
    assert_eq!(detailed, 200, "the files detailed");
    for n in 0..detailed.min(files) {
        let Some(at) = page.find(&format!("content/news/zz{n:03}.md</h3>")) else {
            continue;
        };
        let list = between(&page[at..], "</h3>", "</section>");
        assert_eq!(list.matches("<li>").count(), 2, "zz{n:03}: {list}");
    }
}
