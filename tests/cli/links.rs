//! A link checker over the built output: every internal link and image resolves to a file,
//! and nothing points at another host for assets (no CDN, no web fonts).

use std::path::Path;

use crate::harness::Site;

/// (file, target) pairs of every `href`/`src` in the HTML files under `out`.
pub fn links(out: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (rel, bytes) in crate::harness::snapshot(out) {
        if rel.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        for attr in ["href=", "src="] {
            let mut rest = &html[..];
            while let Some(i) = rest.find(attr) {
                rest = &rest[i + attr.len()..];
                let (val, _) = match rest.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let end = rest[1..].find(q).map(|e| e + 1).unwrap_or(rest.len());
                        (&rest[1..end], ())
                    }
                    _ => {
                        let end = rest.find([' ', '>']).unwrap_or(rest.len());
                        (&rest[..end], ())
                    }
                };
                found.push((
                    rel.to_string_lossy().replace('\\', "/"),
                    val.replace("&amp;", "&"),
                ));
            }
        }
    }
    found
}

/// Internal targets that do not resolve to a file.
pub fn broken(out: &Path) -> Vec<String> {
    let mut bad = Vec::new();
    for (file, target) in links(out) {
        if target.is_empty()
            || target.starts_with('#')
            || target.starts_with("mailto:")
            || target.starts_with("tel:")
        {
            continue;
        }
        if target.starts_with("http://")
            || target.starts_with("https://")
            || target.starts_with("//")
        {
            continue;
        }
        let path = target.split(['#', '?']).next().unwrap_or("");
        if path.starts_with('/') {
            bad.push(format!(
                "{file}: {target} (absolute link breaks under a sub-path or file://)"
            ));
            continue;
        }
        let base = Path::new(&file).parent().unwrap_or(Path::new(""));
        let resolved = out.join(base).join(percent_decode(path));
        if !resolved.is_file() {
            bad.push(format!("{file}: {target}"));
        }
    }
    bad
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && i + 2 < b.len()
            && let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn every_internal_link_and_image_resolves_in_the_example() {
    let s = Site::example();
    s.run(&["build", "--today", "2026-11-23"]).ok();
    let bad = broken(&s.file("output"));
    assert!(bad.is_empty(), "broken links:\n{}", bad.join("\n"));
    assert!(links(&s.file("output")).len() > 50);
}

#[test]
fn every_internal_link_resolves_in_the_fixture_and_markdown_links_are_rewritten() {
    let s = Site::fixture("minimal");
    s.run(&["build"]).ok();
    let bad = broken(&s.file("output"));
    assert!(bad.is_empty(), "broken links:\n{}", bad.join("\n"));
    let page = s.read("output/site/notices/dongyuan.html");
    assert!(page.contains("../news/peixun.html"), "{page}");
    assert!(page.contains("../pages/about.html#lianxi"));
    assert!(page.contains("../static/xuanchuan.png"));
}

#[test]
fn the_checker_catches_a_broken_link() {
    let s = Site::fixture("minimal");
    s.write(
        "content/news/broken.md",
        "---\ntitle: 断链\n---\n[不存在](../notices/nope.md)\n",
    );
    s.run(&["build"]).ok();
    let bad = broken(&s.file("output"));
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert!(bad[0].contains("nope.md"));
}

#[test]
fn no_third_party_assets() {
    let s = Site::fixture("minimal");
    s.run(&["build"]).ok();
    for (file, target) in links(&s.file("output")) {
        let asset =
            target.ends_with(".css") || target.ends_with(".js") || target.ends_with(".woff2");
        assert!(
            !(asset && target.contains("://")),
            "{file} loads {target} from another host"
        );
    }
}

#[test]
fn every_internal_link_resolves_in_an_imported_site() {
    let dir = std::path::Path::new(crate::harness::ROOT).join("tests/fixtures/import");
    let s = Site::empty();
    let mut args = vec!["import".to_string()];
    for f in ["gbk_notice.txt", "gb18030_letter.txt", "notice.docx"] {
        args.push(dir.join(f).display().to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    s.run(&args).ok();
    s.run(&["build", "--today", "2023-05-01"]).ok();
    let bad = broken(&s.file("output"));
    assert!(bad.is_empty(), "broken links:\n{}", bad.join("\n"));
}

#[test]
fn public_pages_carry_no_staff_tools_and_feeds_need_base_url() {
    let s = Site::example();
    let r = s.run(&["build", "--today", "2026-11-23"]).ok();
    // Said once, in the report's format (at the key, with its source line and the hint).
    assert_eq!(
        r.stderr.matches("没有填写网站地址").count(),
        1,
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("content/campaign.yaml:4:1: 提示[base-url]"),
        "{}",
        r.stderr
    );
    assert!(!s.file("output/site/atom.xml").exists());
    assert!(!s.file("output/site/sitemap.xml").exists());
    for (rel, bytes) in crate::harness::snapshot(&s.file("output")) {
        let rel = rel.to_string_lossy().replace('\\', "/");
        // Staff materials: the three folders and the dashboard (`index.html` of the output).
        if !rel.ends_with(".html")
            || rel == "index.html"
            || ["print/", "wechat/", "led/"]
                .iter()
                .any(|p| rel.starts_with(p))
        {
            continue;
        }
        let html = String::from_utf8_lossy(&bytes);
        for staff in [
            "复制到公众号",
            "套打页",
            "送达登记表",
            "register.csv",
            "content/data/",
            "led/index.html",
            "atom.xml",
            "{{",
        ] {
            assert!(!html.contains(staff), "{rel} contains {staff}");
        }
    }
    let home = s.public("index.html");
    assert!(home.contains("data-phase-now") && home.contains("data-start=\"2026-10-01\""));
    let search = s.public("search.html");
    assert!(search.contains("placeholder=\"如："), "{search}");
}

/// Every site the tests have (fixtures, a new site, the five real documents imported when
/// `shared/seeds` is beside the checkout): no broken link in the public site, the staff
/// materials or the dashboard, no "更多" link to a list that was not written.
#[test]
fn every_internal_link_resolves_in_every_fixture_site_a_new_site_and_the_imported_seeds() {
    let mut built: Vec<(String, Site)> = Vec::new();
    let fixtures = std::path::Path::new(crate::harness::ROOT).join("tests/fixtures/sites");
    for e in std::fs::read_dir(&fixtures).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().to_string();
        let s = Site::fixture(&name);
        s.run(&["build"]).ok();
        built.push((name, s));
    }
    let s = Site::empty();
    s.run(&["new", "."]).ok();
    s.run(&["build"]).ok();
    built.push(("xuanguan new".into(), s));
    let seeds: Option<Vec<_>> = ["000_", "001_", "002_", "003_", "004_"]
        .iter()
        .map(|p| crate::import::seed(p))
        .collect();
    if let Some(files) = seeds {
        built.push(("seeds".into(), crate::import::import_and_build(&files).0));
    }
    for (name, s) in &built {
        let bad = broken(&s.file("output"));
        assert!(bad.is_empty(), "{name}: broken links:\n{}", bad.join("\n"));
        // Checked above with the rest: the home page's "更多" links, the dashboard's links.
        assert!(
            links(&s.file("output"))
                .iter()
                .any(|(f, _)| f == "index.html"),
            "{name}: the dashboard links nothing"
        );
    }
}

#[test]
fn percent_encoded_links_lead_to_their_documents() {
    let s = Site::fixture("minimal");
    s.write(
        "content/news/新闻稿.md",
        "---\ntitle: 中文文件名\nslug: xinwengao\n---\n正文。\n",
    );
    s.write(
        "content/news/lianjie.md",
        "---\ntitle: 编码链接\n---\n见[新闻稿](%E6%96%B0%E9%97%BB%E7%A8%BF.md)。\n",
    );
    s.run(&["build"]).ok();
    let bad = broken(&s.file("output"));
    assert!(bad.is_empty(), "broken links:\n{}", bad.join("\n"));
    let page = s.read("output/site/news/lianjie.html");
    assert!(page.contains("href=\"../news/xinwengao.html\""), "{page}");
}
