//! `xuanguan build`: the example and fixture sites build; bad input is reported with its
//! location and leaves the previous output untouched.

use crate::harness::{Site, snapshot};

#[test]
fn example_campaign_builds_without_warnings() {
    let s = Site::example();
    let r = s.run(&["build", "--today", "2026-11-23"]).ok();
    assert!(!r.stderr.contains("警告"), "{}", r.stderr);
    assert!(s.file("output/site/index.html").exists());
}

#[test]
fn minimal_site_has_every_page_kind() {
    let s = Site::fixture("minimal");
    s.run(&["build", "--today", "2026-05-20"]).ok();
    for f in [
        "index.html",
        "404.html",
        "notices/dongyuan.html",
        "notices/index.html",
        "news/peixun.html",
        "slogans/biaoyu.html",
        "pages/about.html",
        "types/notice.html",
        "phases/xuanchuan.html",
        "units/dongshan.html",
        "tags/index.html",
        "static/style.css",
        "static/xuanchuan.png",
    ] {
        assert!(
            s.file(&format!("output/site/{f}")).exists(),
            "missing output/{f}"
        );
    }
}

#[test]
fn current_phase_follows_today() {
    let s = Site::fixture("minimal");
    s.run(&["build", "--today", "2026-05-20"]).ok();
    let home = s.read("output/site/index.html");
    assert!(home.contains("当前阶段：强化学习培训"), "{home}");
    assert!(home.contains("距截止还有 41 天"));
    s.run(&["build", "--today", "2026-04-30"]).ok();
    let home = s.read("output/site/index.html");
    assert!(home.contains("当前阶段：造强宣传声势"));
    assert!(home.contains("今天截止"));
    // Before the campaign: the first phase, not yet started.
    s.run(&["build", "--today", "2026-01-01"]).ok();
    assert!(s.read("output/site/index.html").contains("尚未开始"));
}

#[test]
fn chinese_markdown_renders_right() {
    let s = Site::fixture("minimal");
    s.run(&["build"]).ok();
    let page = s.read("output/site/notices/dongyuan.html");
    assert!(
        page.contains("<strong>一是加强领导。</strong>各村要成立工作专班，明确专人负责。"),
        "{page}"
    );
    assert!(page.contains("<strong>“四色风险”</strong>动态监管"));
    assert!(page.contains("<strong>二要</strong>深入宣传，**不是加粗**，<code>**代码**</code>"));
}

#[test]
fn notepad_file_with_bom_and_crlf_builds_like_any_other() {
    let s = Site::fixture("minimal");
    let text = "---\r\ntitle: 记事本保存的通知\r\ndate: 2026-03-06\r\n---\r\n**一是加强领导。**各村\r\n要落实。\r\n";
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    s.write_bytes("content/notices/notepad.md", &bytes);
    s.run(&["build"]).ok();
    let page = s.read("output/site/notices/notepad.html");
    assert!(page.contains("记事本保存的通知"));
    assert!(
        page.contains("<strong>一是加强领导。</strong>各村要落实。"),
        "{page}"
    );
}

/// Each bad input: (file, content, expected `path:line:col`, expected words).
const BAD: &[(&str, &str, &str, &str)] = &[
    (
        "content/news/yaml.md",
        "---\ntitle: 甲\ndate: [2026\n---\n",
        // Where the bracket opens, not where the front matter ends.
        "content/news/yaml.md:3:7",
        "方括号",
    ),
    (
        "content/news/key.md",
        "---\ntitle: 甲\nauthr: 乙\n---\n",
        "content/news/key.md:3:1: 错误[front-matter]: 未知的字段“authr”",
        "author",
    ),
    (
        "content/news/colon.md",
        "---\n标题：关于开展宣传的通知\n---\n",
        "content/news/colon.md:2:3",
        "中文冒号",
    ),
    (
        "content/news/date.md",
        "---\ntitle: 甲\ndate: 2023年2月30日\n---\n",
        "content/news/date.md:3:7",
        "2023年2月只有28天",
    ),
    (
        "content/news/dup.md",
        "---\ntitle: 甲\nslug: about\n---\n",
        "网址名“about”",
        "重复",
    ),
    (
        "content/news/escape.md",
        "---\ntitle: 甲\nslug: ../../x\n---\n",
        "content/news/escape.md:3:1",
        "只能用小写英文字母",
    ),
    (
        "content/news/phase.md",
        "---\ntitle: 甲\nphase: nope\n---\n",
        "content/news/phase.md:3:1",
        "不在 campaign.yaml 中",
    ),
];

#[test]
fn bad_inputs_are_located_and_leave_output_untouched() {
    let s = Site::fixture("minimal");
    s.run(&["build"]).ok();
    let before = snapshot(&s.file("output"));
    for (file, text, at, words) in BAD {
        s.write(file, text);
        s.refuses(&["build"], at, words);
        assert_eq!(
            snapshot(&s.file("output")),
            before,
            "{file}: output changed"
        );
        std::fs::remove_file(s.file(file)).unwrap();
    }
}

#[test]
fn all_errors_of_a_build_are_reported_at_once() {
    let s = Site::fixture("minimal");
    s.write("content/news/a.md", "---\ntitle: 甲\nauthr: 乙\n---\n");
    s.write(
        "content/news/b.md",
        "---\ndate: 2023-02-30\ntitle: 乙\n---\n",
    );
    let r = s.run(&["build"]).fails(1);
    assert!(r.stderr.contains("content/news/a.md:3:1"), "{}", r.stderr);
    assert!(r.stderr.contains("content/news/b.md:2:7"), "{}", r.stderr);
    // One mistake, one finding: the impossible date is not reported twice.
    assert_eq!(
        r.stderr.matches("content/news/b.md:2:7").count(),
        1,
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("未生成输出"), "{}", r.stderr);
}

#[test]
fn gbk_file_is_rejected_with_its_location() {
    let s = Site::fixture("minimal");
    let (gbk, _, _) = encoding_rs::GBK.encode("---\ntitle: 关于宣传\n---\n正文\n");
    s.write_bytes("content/news/gbk.md", &gbk);
    let r = s.run(&["build"]).fails(1);
    assert!(r.stderr.contains("content/news/gbk.md:2:8"), "{}", r.stderr);
    assert!(r.stderr.contains("不是 UTF-8"));
    assert!(!s.file("output").exists());
}

#[test]
fn missing_campaign_yaml_is_an_error() {
    let s = Site::fixture("minimal");
    std::fs::remove_file(s.file("content/campaign.yaml")).unwrap();
    let r = s.run(&["build"]).fails(1);
    assert!(r.stderr.contains("content/campaign.yaml"), "{}", r.stderr);
    assert!(r.stderr.contains("缺少"));
}

#[test]
fn drafts_and_unpublishable_documents_stay_out() {
    let s = Site::fixture("minimal");
    s.write(
        "content/news/draft.md",
        "---\ntitle: 草稿\ndraft: true\n---\n",
    );
    s.write(
        "content/notices/secret.md",
        "---\ntitle: 内部\nsecrecy: 秘密\n---\n",
    );
    s.write(
        "content/notices/apply.md",
        "---\ntitle: 依申请\ndisclosure: 依申请公开\n---\n",
    );
    s.run(&["build"]).ok();
    assert!(!s.file("output/site/news/draft.html").exists());
    assert!(!s.file("output/site/notices/secret.html").exists());
    assert!(!s.file("output/site/notices/apply.html").exists());
    let sitemap = std::fs::read_to_string(s.file("output/site/sitemap.xml")).unwrap_or_default();
    assert!(!sitemap.contains("secret"));
    s.run(&["build", "--drafts"]).ok();
    assert!(s.file("output/site/news/draft.html").exists());
    assert!(!s.file("output/site/notices/secret.html").exists());
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_write() {
    let s = Site::fixture("minimal");
    s.write("mine/important.txt", "用户自己的文件");
    let r = s.run(&["build", "-o", "mine"]).fails(2);
    assert!(r.stderr.contains("不是 xuanguan 生成的"), "{}", r.stderr);
    assert_eq!(s.read("mine/important.txt"), "用户自己的文件");
}

#[test]
fn front_matter_is_escaped() {
    let s = Site::fixture("minimal");
    s.write("content/news/x.md", "---\ntitle: \"<script>alert(1)</script>\"\nauthor: '\"><img src=x onerror=alert(1)>'\n---\n正文\n");
    s.run(&["build"]).ok();
    let page = s.read("output/site/news/x.html");
    for (name, attrs) in crate::html::elements(&page) {
        assert_ne!(name, "img", "{page}");
        if name == "script" {
            let src = crate::html::attr(&attrs, "src").unwrap_or_default();
            assert!(
                src.starts_with("../static/"),
                "unexpected script {attrs}\n{page}"
            );
        }
    }
    assert!(page.contains("alert(1)"), "the text itself is kept");
}

#[test]
fn going_online_without_identity_fields_warns_and_strict_fails() {
    let s = Site::fixture("minimal");
    let yaml = s.read("content/campaign.yaml").replace(
        "description:",
        "base_url: https://www.example.gov.cn/zt/\ndescription:",
    );
    s.write("content/campaign.yaml", &yaml);
    let r = s.run(&["check"]);
    assert!(
        r.stdout
            .contains("已设置 base_url（准备上线），但页脚缺少网站标识码"),
        "{}",
        r.stdout
    );
    s.run(&["build"]).ok();
    let r = s.run(&["build", "--strict", "-o", "strict-out"]).fails(1);
    assert!(r.stderr.contains("content/campaign.yaml:"), "{}", r.stderr);
    assert!(!s.file("strict-out").exists());
}

#[test]
fn image_without_alt_is_a_warning_at_its_line() {
    let s = Site::fixture("minimal");
    s.write(
        "content/news/pic.md",
        "---\ntitle: 图片\n---\n第一段。\n\n![](/static/xuanchuan.png)\n",
    );
    // `build` summarizes warnings by rule and file and names the command that lists them…
    let r = s.run(&["build"]).ok();
    assert!(r.stderr.contains("image-alt 1 处"), "{}", r.stderr);
    assert!(
        r.stderr.contains("content/news/pic.md 1 处"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("运行 xuanguan check"), "{}", r.stderr);
    // …and `check` shows it at its line.
    let r = s.run(&["check"]);
    assert!(
        r.stdout.contains(
            "content/news/pic.md:6:1: 警告[image-alt]: 图片“/static/xuanchuan.png”缺少说明文字"
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn theme_color_cannot_inject_css() {
    let s = Site::fixture("minimal");
    let yaml = s.read("content/campaign.yaml").replace(
        "description:",
        "theme_color: \"red}</style><script>alert(1)</script>\"\ndescription:",
    );
    s.write("content/campaign.yaml", &yaml);
    let r = s.run(&["build"]).fails(1);
    assert!(r.stderr.contains("不是颜色值"), "{}", r.stderr);
}

#[test]
fn county_platform_meta_tags() {
    let s = Site::fixture("minimal");
    let yaml = s.read("content/campaign.yaml").replace(
        "description:",
        "base_url: https://www.example.gov.cn/zt/aq\ndescription:",
    );
    s.write("content/campaign.yaml", &yaml);
    s.run(&["build"]).ok();
    let page = s.read("output/site/notices/dongyuan.html");
    use crate::html::meta;
    assert_eq!(
        meta(&page, "SiteName").as_deref(),
        Some("测试乡安全生产标准化提升专项行动")
    );
    assert_eq!(
        meta(&page, "SiteDomain").as_deref(),
        Some("www.example.gov.cn")
    );
    assert_eq!(
        meta(&page, "ArticleTitle").as_deref(),
        Some("关于开展安全生产宣传的通知")
    );
    assert_eq!(meta(&page, "PubDate").as_deref(), Some("2026-03-05 00:00"));
    assert_eq!(
        meta(&page, "ContentSource").as_deref(),
        Some("测试乡人民政府")
    );
    assert_eq!(
        meta(&page, "Url").as_deref(),
        Some("https://www.example.gov.cn/zt/aq/notices/dongyuan.html")
    );
    assert_eq!(meta(&page, "Keywords").as_deref(), Some("宣传发动,标准化"));
    let list = s.read("output/site/notices/index.html");
    assert_eq!(
        crate::html::meta(&list, "ColumnName").as_deref(),
        Some("通知公告")
    );
    assert!(crate::html::meta(&list, "ColumnDescription").is_some());
    assert!(
        s.read("output/site/sitemap.xml")
            .contains("<loc>https://www.example.gov.cn/zt/aq/notices/dongyuan.html</loc>")
    );
}

#[test]
fn attachments_link_to_their_items_by_slug_or_title() {
    let s = Site::fixture("minimal");
    s.write(
        "content/notices/yinfa.md",
        "---\ntitle: 关于印发方案的通知\ndate: 2026-03-06\nattachments: [peixun, 安全生产宣传标语, 附表一]\n---\n正文。\n\n## 附件3\n\n## 附表一\n\n内容。\n",
    );
    s.run(&["build"]).ok();
    let page = s.read("output/site/notices/yinfa.html");
    let links: Vec<(String, String)> = crate::html::elements(&page)
        .into_iter()
        .filter(|(t, _)| t == "a")
        .filter_map(|(_, a)| crate::html::attr(&a, "href").map(|h| (h, a)))
        .collect();
    assert!(
        links.iter().any(|(h, _)| h == "../news/peixun.html"),
        "{page}"
    );
    assert!(
        links.iter().any(|(h, _)| h == "../slogans/biaoyu.html"),
        "{page}"
    );
    assert!(
        page.contains("东山村开展企业负责人安全培训</a>"),
        "title shown, not the slug: {page}"
    );
    let section = links
        .iter()
        .find_map(|(h, _)| h.strip_prefix("../notices/yinfa.html#"))
        .unwrap_or_else(|| panic!("a 附件 section of the body is linked in the page: {page}"));
    let ids: Vec<String> = crate::html::elements(&page)
        .into_iter()
        .filter_map(|(_, a)| crate::html::attr(&a, "id"))
        .collect();
    assert!(
        ids.iter().any(|i| i == section),
        "anchor #{section} exists: {ids:?}"
    );
    // The 附件 sections come after the signature and 附注, not inside the 正文.
    let sign = page.find("gw-sign").unwrap();
    assert!(page.find("附表一</h2>").unwrap() > sign, "{page}");
    // Each attachment links back to its notice, with its number.
    let back = s.read("output/site/news/peixun.html");
    assert!(back.contains("关于印发方案的通知</a>的附件1。"), "{back}");
    assert!(
        s.read("output/site/slogans/biaoyu.html")
            .contains("的附件2。")
    );
}

#[test]
fn attachment_mismatches_are_build_errors_naming_both_files() {
    let s = Site::fixture("minimal");
    s.run(&["build"]).ok();
    let before = snapshot(&s.file("output"));
    let notice = |list: &str, body: &str| {
        s.write(
            "content/notices/yinfa.md",
            &format!("---\ntitle: 关于印发方案的通知\ndate: 2026-03-06\nattachments: [{list}]\n---\n正文。\n{body}"),
        );
    };
    // The build fails saying each of `words`, and the output stays as it was.
    let fails_with = |words: &[&str]| {
        let r = s.run(&["build"]).fails(1);
        for w in words {
            assert!(r.stderr.contains(w), "missing {w}:\n{}", r.stderr);
        }
        assert_eq!(snapshot(&s.file("output")), before);
    };
    // A title that is close to another item's but not the same.
    notice("安全生产宣传标语（修订）", "");
    fails_with(&[
        "content/notices/yinfa.md:4:15",
        "与 content/slogans/biaoyu.md 的标题“安全生产宣传标语”不一致",
    ]);

    // Order: the attachment's own page says 附件2 but it is listed first.
    s.write(
        "content/news/peixun.md",
        &s.read("content/news/peixun.md")
            .replace("\n---\n", "\n---\n附件2\n\n"),
    );
    notice("peixun, biaoyu", "");
    fails_with(&[
        "content/notices/yinfa.md:4:15",
        "在附件说明中是附件1，但 content/news/peixun.md:",
    ]);

    // Count: a 附件 section of the body that the list leaves out; and a name that is nothing.
    notice("biaoyu, peixun", "\n## 附件3\n\n## 检查清单\n\n内容。\n");
    fails_with(&[
        "content/notices/yinfa.md:8:1",
        "正文第 1 个附件“检查清单”没有列在附件说明",
    ]);
    notice("biaoyu, peixun, 不存在的附件", "");
    fails_with(&["找不到附件“不存在的附件”"]);
    // Listed twice, the notice itself, and a long name wrapped over two YAML lines (which
    // once made the locator slice inside a character).
    notice("biaoyu, biaoyu", "");
    fails_with(&["附件“biaoyu”重复列出"]);
    notice("yinfa", "");
    fails_with(&["附件“yinfa”就是本文自己"]);
    s.write(
        "content/notices/yinfa.md",
        "---\ntitle: 关于印发方案的通知\ndate: 2026-03-06\nattachments:\n  - 测试乡安全生产标准化提升专项行动\n    宣贯工作方案（征求意见稿）\n---\n正文。\n",
    );
    fails_with(&["content/notices/yinfa.md:4:1"]);
}

/// A build killed between moving the old output aside and moving the new one in leaves
/// `.output.old-PID`; the next run (even a failing one) puts it back, and removes stale
/// temporary folders of dead builds.
#[test]
fn output_survives_a_crash_between_the_two_renames() {
    let s = Site::fixture("minimal");
    s.run(&["build"]).ok();
    let before = snapshot(&s.file("output"));
    std::fs::rename(s.file("output"), s.file(".output.old-999999")).unwrap();
    s.write(".output.tmp-999998/.xuanguan-output", "");
    s.write(".output.tmp-999998/index.html", "half-written");
    s.write("content/news/bad.md", "---\ntitle: 甲\nauthr: 乙\n---\n");
    let r = s.run(&["build"]).fails(1);
    assert!(r.stderr.contains("已恢复之前的输出"), "{}", r.stderr);
    assert_eq!(snapshot(&s.file("output")), before);
    assert!(!s.file(".output.old-999999").exists());
    assert!(!s.file(".output.tmp-999998").exists());
}

/// The public folder `output/site/` is what staff upload: no roster cell (enterprise, person,
/// phone), no local path of the roster, no mail-merge or register page may be in it. The
/// staff materials beside it (`output/print/`) do carry the roster, so this test can fail.
#[test]
fn public_site_folder_holds_no_roster_data() {
    let s = Site::example();
    s.run(&["build", "--today", "2026-05-20"]).ok();
    let roster = s.read("content/data/enterprises.csv");
    // Cells the authors also wrote into a published document or the campaign file (village
    // and unit names) are public text, not roster data.
    let mut published = String::new();
    for (rel, bytes) in snapshot(&s.file("content")) {
        if rel.extension().is_some_and(|e| e == "md" || e == "yaml") {
            published.push_str(&String::from_utf8_lossy(&bytes));
        }
    }
    let cells: Vec<&str> = roster
        .lines()
        .skip(1)
        .flat_map(|l| l.split(','))
        .map(str::trim)
        .filter(|c| c.chars().count() >= 3 && !published.contains(c))
        .collect();
    assert!(cells.len() > 50, "{cells:?}");
    let print =
        String::from_utf8_lossy(&std::fs::read(s.file("output/print/gaozhishu.html")).unwrap())
            .to_string();
    assert!(
        cells.iter().any(|c| print.contains(c)),
        "print pages carry the roster"
    );
    let site = snapshot(&s.file("output/site"));
    assert!(site.len() > 20);
    for (rel, bytes) in site {
        let text = String::from_utf8_lossy(&bytes);
        for c in &cells {
            assert!(
                !text.contains(c),
                "{} carries roster cell {c}",
                rel.display()
            );
        }
        assert!(
            !text.contains("content/data"),
            "{} names a local path",
            rel.display()
        );
        assert!(
            !text.contains(".register."),
            "{} links a register",
            rel.display()
        );
    }
    for staff in ["print", "wechat", "led"] {
        assert!(
            !s.file(&format!("output/site/{staff}")).exists(),
            "{staff} in site/"
        );
        assert!(
            s.file(&format!("output/{staff}")).is_dir(),
            "{staff} missing"
        );
    }
}
