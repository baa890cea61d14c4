//! The WeChat export end to end: every export of the example campaign and of an article that
//! uses every markdown feature passes `check_wechat_html.py --gov --strict`; the limits are
//! warnings in `build` and errors with `--strict`; `xuanguan wechat FILE` exports one article;
//! the copy button is tested in `wechat_copy.rs`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::{ROOT, Site};

/// `../shared/tools/check_wechat_html.py` next to the repository (or next to its worktree).
fn checker() -> PathBuf {
    let root = Path::new(ROOT);
    [
        root.join("../shared/tools"),
        root.join("../../shared/tools"),
    ]
    .into_iter()
    .map(|d| d.join("check_wechat_html.py"))
    .find(|p| p.is_file())
    .expect("../shared/tools/check_wechat_html.py next to the repository")
}

fn python_available() -> bool {
    let ok = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipped: python3 not found, check_wechat_html.py cannot run");
    }
    ok
}

/// Runs the validator with `--gov --strict` on one export folder.
fn validate(dir: &Path) -> (bool, String) {
    let o = Command::new("python3")
        .arg(checker())
        .arg(dir.join("article.html"))
        .arg("--meta")
        .arg(dir.join("meta.json"))
        .arg("--gov")
        .arg("--strict")
        .arg("--verbose")
        .output()
        .expect("python3");
    let report =
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    (o.status.success(), report)
}

fn exports(out: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(out.join("wechat"))
        .expect("output/wechat")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn every_example_export_passes_the_validator_strictly() {
    let s = Site::example();
    let r = s.run(&["build", "--today", "2026-11-23", "--strict"]).ok();
    assert!(!r.stderr.contains("wechat-"), "{}", r.stderr);
    let dirs = exports(&s.file("output"));
    let names: Vec<String> = dirs
        .iter()
        .map(|d| d.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    // News, cases, notices, plans and letters are exported; slogans, pages, 告知书 and 承诺书
    // (mail-merge templates with blanks) are not.
    for want in [
        "dongyuanhui",
        "jiancai-jixie",
        "peixun-tongzhi",
        "xuanguan-fangan",
        "yifengxin",
    ] {
        assert!(names.iter().any(|n| n == want), "{want} missing: {names:?}");
    }
    for not in ["biaoyu", "about", "gaozhishu", "chengnuoshu"] {
        assert!(!names.iter().any(|n| n == not), "{not} exported: {names:?}");
    }
    for d in &dirs {
        for f in ["article.html", "meta.json", "index.html"] {
            assert!(d.join(f).is_file(), "{}/{f}", d.display());
        }
        // The page's style and script are the shared files, and the article is in it once
        // (as the JSON the script shows and copies), not three times.
        let page = std::fs::read_to_string(d.join("index.html")).unwrap();
        assert!(
            page.contains(r#"href="../copy.css""#) && page.contains(r#"src="../copy.js""#),
            "{}",
            d.display()
        );
        assert!(!page.contains("<style") && !page.contains("navigator.clipboard"));
        let article = std::fs::read_to_string(d.join("article.html")).unwrap();
        let first = article
            .split(['<', '>'])
            .find(|t| t.chars().filter(|c| !c.is_ascii()).count() >= 8)
            .expect("a paragraph of text");
        assert_eq!(page.matches(first).count(), 1, "{}: {first}", d.display());
    }
    for f in ["copy.css", "copy.js"] {
        assert!(s.file("output/wechat").join(f).is_file(), "wechat/{f}");
    }
    // The public page carries no staff tool: the export is linked from the staff dashboard.
    let page = s.read("output/site/news/dongyuanhui.html");
    assert!(
        !page.contains("wechat/dongyuanhui"),
        "复制到公众号 link on a public page"
    );
    if !python_available() {
        return;
    }
    for d in &dirs {
        let (ok, report) = validate(d);
        assert!(ok, "{}:\n{report}", d.display());
    }
}

const CAMPAIGN: &str = "title: 测试镇安全生产专项行动\norg: 测试镇人民政府\n\
base_url: https://zt.example.gov.cn/aq/\ntheme_color: \"#d02d09\"\n\
footer:\n  sponsor: 测试镇人民政府\n  phone: \"0000-0000000\"\n  site_code: \"0000000000\"\n  icp: 测ICP备00000000号\n  police_beian: 测公网安备00000000000000号\n\
wechat:\n  account: 测试发布\n  author: 测试镇安办\n  editor: 王编辑\n  reviewer: 李审核\n  source: 测试镇安委办\n  cover: static/cover.png\n";

const RICH: &str = "---\ntitle: 测试镇开展安全生产标准化宣传活动\ndate: 2026-05-12\n---\n\
6月1日，测试镇启动安全生产标准化宣传月活动，\n详见[应急管理部网站](https://www.mem.gov.cn/)和[上期推送](https://mp.weixin.qq.com/s/AbCdEf)。\
依据《安全生产法》[^fa]。\n\n\
## 一、主要做法\n\n**一是加强领导。**各村要落实责任，\n有关要求见[工作方案](../notices/fangan.md)。\n\n\
- 落实企业主体责任\n  - 主要负责人带头\n  - 全员参与\n- 开展隐患排查\n\n1. 宣传发动\n2. 培训\n\n\
| 时间 | 内容 |\n| --- | :-: |\n| 6月1日 | 启动仪式 |\n\n\
> 安全生产没有旁观者。\n\n```\nstep  one\n    step two\n```\n\n\
![宣传现场](https://mmbiz.qpic.cn/mmbiz_png/abc/640)\n\n![动员会现场](../static/dongyuan.png)\n\n\
联系邮箱 <anban@example.org>，电话[0000-0000000](tel:00000000000)。\n\n---\n\n\
[^fa]: 《中华人民共和国安全生产法》第二十一条。\n";

const NOTICE: &str = "---\ntitle: 测试镇安全生产标准化提升专项行动宣贯工作方案\ntype: plan\ndate: 2026-05-01\n---\n正文。\n";

/// A site with one article that uses every markdown feature the export transforms.
pub fn rich_site() -> Site {
    let s = Site::empty();
    s.write("content/campaign.yaml", CAMPAIGN);
    s.write("content/news/rich.md", RICH);
    s.write("content/notices/fangan.md", NOTICE);
    let png = std::fs::read(Path::new(ROOT).join("content/static/wechat-cover.png")).unwrap();
    s.write_bytes("content/static/cover.png", &png);
    s.write_bytes("content/static/dongyuan.png", &png);
    s
}

#[test]
fn every_transformation_passes_the_validator() {
    let s = rich_site();
    s.run(&["build", "--today", "2026-05-20"]).ok();
    // The local image is a note (never fails the build), named with what to do.
    let r = s.run(&["check"]);
    assert!(r.stdout.contains("dongyuan.png"), "{}", r.stdout);
    let html = s.read("output/wechat/rich/article.html");
    assert!(html.starts_with("<section style=\"") && html.ends_with("</section>"));
    assert!(html.starts_with("<section style=\"font-size:16px;line-height:1.75;"));
    for want in [
        "应急管理部网站<sup",
        "<a href=\"https://mp.weixin.qq.com/s/AbCdEf\"",
        "参考链接",
        "[1] 应急管理部网站：https://www.mem.gov.cn/",
        "[2] 工作方案：https://zt.example.gov.cn/aq/notices/fangan.html",
        "• 落实企业主体责任</li>",
        "◦ 主要负责人带头</li>",
        "1. 宣传发动</li>",
        "overflow-x:auto",
        "step&nbsp;&nbsp;one<br>&nbsp;&nbsp;&nbsp;&nbsp;step&nbsp;two",
        "①",
        "注释",
        "<img src=\"https://mmbiz.qpic.cn/mmbiz_png/abc/640\"",
        "【待上传图片：dongyuan.png】",
        "宣传月活动，详见",
        "color:#d02d09",
        "来源：测试镇安委办　编辑：王编辑　审核：李审核",
    ] {
        assert!(html.contains(want), "{want} missing in\n{html}");
    }
    assert!(!html.contains(" class=") && !html.contains(" id=") && !html.contains("<div"));
    assert!(
        !html.contains("活动， 详见"),
        "soft break between Chinese characters"
    );
    let meta: serde_json::Value =
        serde_json::from_str(&s.read("output/wechat/rich/meta.json")).unwrap();
    assert_eq!(
        meta["source_url"],
        "https://zt.example.gov.cn/aq/news/rich.html"
    );
    assert_eq!(meta["author"], "测试镇安办");
    assert_eq!(meta["cover_width"], 900);
    // No summary: the digest is the first paragraph, cut at a sentence end.
    let digest = meta["digest"].as_str().unwrap();
    assert!(
        digest.starts_with("6月1日，测试镇启动") && digest.ends_with('。'),
        "{digest}"
    );
    let page = s.read("output/wechat/rich/index.html");
    assert!(
        page.contains("../../site/static/dongyuan.png"),
        "upload list"
    );
    assert!(page.contains("data-copy=\"f-title\"") && page.contains("data-copy=\"f-digest\""));
    assert!(page.contains("data-copy=\"f-source_url\""));
    if !python_available() {
        return;
    }
    for d in exports(&s.file("output")) {
        let (ok, report) = validate(&d);
        assert!(ok, "{}:\n{report}", d.display());
    }
}

#[test]
fn limits_are_warnings_in_build_and_errors_with_strict() {
    let s = Site::empty();
    s.write("content/campaign.yaml", CAMPAIGN);
    // One slogan keeps the default LED screen from warning that it would be dark.
    s.write(
        "content/slogans/b.md",
        "---\ntitle: 标语\nissuer: 测试镇安委办\ndisclosure: 主动公开\nvalid_until: 2026-12-31\n---\n- 安全生产人人有责\n",
    );
    let png = std::fs::read(Path::new(ROOT).join("content/static/wechat-cover.png")).unwrap();
    s.write_bytes("content/static/cover.png", &png);
    let long_title =
        "测试镇关于进一步加强安全生产标准化提升专项行动宣贯工作中企业主要负责人培训考核的通知";
    s.write(
        "content/news/long.md",
        &format!(
            "---\ntitle: {long_title}\nauthor: 测试镇安全生产委员会办公室\nsummary: {}\n---\n正文。\n",
            "镇安委办组织全镇重点企业主要负责人和安全管理人员开展标准化提升专题培训，围绕全员安全生产责任制、双重预防机制、隐患排查治理和应急处置等内容进行系统讲解，并采取闭卷测试方式检验培训效果，测试成绩将通报各村委会和所在企业，作为年度安全生产目标责任考核的重要依据，未通过的人员须参加补训。"
        ),
    );
    s.write(
        "content/news/out.md",
        "---\ntitle: 不上公众号\nwechat: false\n---\n正文。\n",
    );
    let r = s.run(&["build", "--today", "2026-05-20"]).ok();
    assert!(r.stderr.contains("运行 xuanguan check"), "{}", r.stderr);
    let checked = s.run(&["check"]).stdout;
    for want in [
        "content/news/long.md:2:1",
        "公众号标题有 42 个字",
        "content/news/long.md:3:1",
        "公众号作者",
        "content/news/long.md:4:1",
        "摘要有 141 个字",
        "修改建议",
    ] {
        assert!(checked.contains(want), "{want}:\n{checked}");
    }
    assert!(
        !s.file("output/wechat/out").exists(),
        "wechat: false opts out"
    );
    let before = s.read("output/site/index.html");
    let r = s
        .run(&["build", "--today", "2026-05-20", "--strict"])
        .fails(1);
    assert!(
        r.stderr.contains("[wechat-title]") || r.stderr.contains("公众号标题"),
        "{}",
        r.stderr
    );
    assert_eq!(s.read("output/site/index.html"), before, "output untouched");
    // A WeChat title of its own fixes it; the page keeps the official title.
    s.write(
        "content/news/long.md",
        &format!("---\ntitle: {long_title}\nwechat_title: 测试镇开展宣传\nsummary: 短摘要。\n---\n正文。\n"),
    );
    s.run(&["build", "--today", "2026-05-20", "--strict"]).ok();
    assert!(s.read("output/site/news/long.html").contains(long_title));
    assert!(
        s.read("output/wechat/long/meta.json")
            .contains("测试镇开展宣传")
    );
    // A missing reviewer is named in campaign.yaml.
    s.write(
        "content/campaign.yaml",
        &CAMPAIGN.replace("  reviewer: 李审核\n", ""),
    );
    s.run(&["build", "--today", "2026-05-20"]).ok();
    let r = s.run(&["check"]);
    assert!(
        r.stdout.contains("content/campaign.yaml:") && r.stdout.contains("审核人"),
        "{}",
        r.stdout
    );
    // Without a `wechat:` section the campaign does not use a 公众号: exports, no findings.
    let no_wechat = &CAMPAIGN[..CAMPAIGN.find("wechat:").unwrap()];
    s.write("content/campaign.yaml", no_wechat);
    s.write(
        "content/news/long.md",
        &format!("---\ntitle: {long_title}\n---\n正文。\n"),
    );
    let r = s.run(&["build", "--today", "2026-05-20", "--strict"]).ok();
    assert!(!r.stderr.contains("公众号"), "{}", r.stderr);
    assert!(s.file("output/wechat/long/article.html").is_file());
}

#[test]
fn wechat_command_exports_one_article() {
    let s = rich_site();
    let r = s
        .run(&["wechat", "content/news/rich.md", "-o", "out-rich"])
        .ok();
    assert!(r.stderr.contains("out-rich"), "{}", r.stderr);
    for f in [
        "article.html",
        "meta.json",
        "index.html",
        "copy.css",
        "copy.js",
        "images/cover.png",
        "images/dongyuan.png",
    ] {
        assert!(s.file("out-rich").join(f).is_file(), "{f}");
    }
    // The folder stands alone: the page and meta.json point at the copied images.
    let page = s.read("out-rich/index.html");
    assert!(page.contains("\"images/dongyuan.png\"") && page.contains("\"images/cover.png\""));
    assert!(page.contains(r#"href="copy.css""#) && page.contains(r#"src="copy.js""#));
    assert!(
        s.read("out-rich/meta.json")
            .contains("\"cover\": \"images/cover.png\"")
    );
    s.write("notes.md", "# 不在站点中\n");
    let r = s.run(&["wechat", "notes.md"]).fails(1);
    assert!(r.stderr.contains("content/"), "{}", r.stderr);
    s.run(&["wechat", "missing.md"]).fails(2);
    if python_available() {
        let (ok, report) = validate(&s.file("out-rich"));
        assert!(ok, "{report}");
    }
}
