//! Issue 20, security items: addresses in `campaign.yaml` and link targets in bodies are
//! allow-listed (no `javascript:` link on any page), `serve` answers only requests addressed to
//! it (DNS rebinding), the output guard sees through symlinks, and control characters never
//! reach the pages and feeds.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::os::unix::fs::symlink;
use std::time::Duration;

use crate::harness::{Site, snapshot};
use crate::serve::Server;

/// Addresses that must never become a link of the footer or the base of the site's links.
const HOSTILE_URLS: &[&str] = &[
    "javascript:alert(1)",
    "  JavaScript:alert(1)",
    "vbscript:x",
    "data:text/html,<script>alert(1)</script>",
    "//evil.example/",
    "file:///etc",
    "blob:https://evil.example/1",
    "https://www.example.gov.cn\"onmouseover=\"alert(1)",
    "https://www.example.gov.cn@evil.example/",
    "java\tscript:alert(1)",
];

/// The minimal site with `line` added at the top of campaign.yaml and `footer` lines added to
/// its footer (the last section); returns the line number of the first added footer line.
fn campaign_with(s: &Site, line: &str, footer: &str) -> usize {
    let yaml = s.read("content/campaign.yaml");
    let at = yaml.lines().count() + 1 + usize::from(!line.is_empty());
    let top = if line.is_empty() {
        String::new()
    } else {
        format!("{line}\n")
    };
    s.write("content/campaign.yaml", &format!("{top}{yaml}{footer}"));
    at
}

#[track_caller]
fn refused(s: &Site, at: &str, words: &str) {
    s.refuses(&["build"], at, words);
}

fn quoted(v: &str) -> String {
    serde_json::to_string(v).unwrap()
}

#[test]
fn the_zhaocuo_link_must_be_a_web_address() {
    for bad in HOSTILE_URLS {
        let s = Site::fixture("minimal");
        let line = campaign_with(&s, "", &format!("  zhaocuo: {}\n", quoted(bad)));
        refused(
            &s,
            &format!("content/campaign.yaml:{line}:3"),
            "找错链接（footer.zhaocuo）",
        );
        let r = s.run(&["build"]);
        assert!(r.stderr.contains("https://"), "no hint:\n{}", r.stderr);
    }
    // The Chinese key too.
    let s = Site::fixture("minimal");
    let line = campaign_with(&s, "", "  找错: \"javascript:alert(1)\"\n");
    refused(
        &s,
        &format!("content/campaign.yaml:{line}:3"),
        "找错链接（footer.找错）",
    );
    // Web addresses, mailto: and tel: are links of every page.
    for good in [
        "https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteByCode?site_code=3301000001",
        "mailto:anban@example.gov.cn",
        "tel:0571-12345678",
    ] {
        let s = Site::fixture("minimal");
        campaign_with(&s, "", &format!("  zhaocuo: {}\n", quoted(good)));
        s.run(&["build"]).ok();
        let page = s.public("news/peixun.html");
        let href = format!("href=\"{}\"", good.replace('&', "&amp;"));
        assert!(page.contains(&href), "{href} missing:\n{page}");
    }
}

#[test]
fn base_url_must_be_an_absolute_web_address() {
    for bad in HOSTILE_URLS
        .iter()
        .chain(&["www.example.gov.cn", "https://", "3"])
    {
        let s = Site::fixture("minimal");
        let value = if *bad == "3" { "3".into() } else { quoted(bad) };
        campaign_with(&s, &format!("base_url: {value}"), "");
        refused(&s, "content/campaign.yaml:1:1", "网址（base_url）");
    }
    let s = Site::fixture("minimal");
    campaign_with(&s, "网址: \"javascript:alert(1)\"", "");
    refused(&s, "content/campaign.yaml:1:1", "网址（网址）");
    // A real address, and an empty one (not online yet), build.
    for good in [
        "https://www.example.gov.cn/zt/aq/",
        "HTTP://10.0.0.1:8080",
        "\"\"",
    ] {
        let s = Site::fixture("minimal");
        campaign_with(&s, &format!("base_url: {good}"), "");
        s.run(&["build"]).ok();
    }
}

/// Link targets of bodies: only http(s), mailto, tel, relative paths and #fragments are
/// written into pages; every other target becomes `#` and `check` reports it where it is
/// written.
#[test]
fn body_links_keep_only_allowed_schemes() {
    let s = Site::fixture("minimal");
    let refused = [
        "blob:https://evil.example/123",
        "file:///etc/passwd",
        "mhtml:file://c:/x.mht!x",
        "java%0ascript:alert(1)",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "vbscript:x",
    ];
    let mut body = String::new();
    for (i, u) in refused.iter().enumerate() {
        body.push_str(&format!(
            "内联[链接]({u})，自动<{u}>，引用[链接][r{i}]。\n\n"
        ));
    }
    for (i, u) in refused.iter().enumerate() {
        body.push_str(&format!("[r{i}]: {u}\n"));
    }
    body.push_str(
        "\n可用：[国务院](https://www.gov.cn/)、[邮件](mailto:anban@example.gov.cn)、[电话](tel:12350)、[培训](peixun.md)、[顶部](#top)。\n",
    );
    s.write(
        "content/news/lianjie.md",
        &format!("---\ntitle: 链接测试\ndate: 2026-05-12\n---\n\n{body}"),
    );
    s.run(&["build"]).ok();
    for (rel, bytes) in snapshot(&s.file("output")) {
        let text = String::from_utf8_lossy(&bytes).to_ascii_lowercase();
        for u in refused {
            let u = u.to_ascii_lowercase();
            for attr in ["href=\"", "src=\"", "href='", "src='"] {
                assert!(
                    !text.contains(&format!("{attr}{u}")),
                    "{} links to {u}",
                    rel.display()
                );
            }
        }
    }
    let page = s.public("news/lianjie.html");
    // `<java%0ascript:…>` is no autolink (`%` cannot be in a scheme): it stays text.
    let autolinks = |u: &str| !u.contains('%');
    let dead: usize = refused.iter().map(|u| 2 + usize::from(autolinks(u))).sum();
    assert_eq!(page.matches("href=\"#\"").count(), dead, "{page}");
    for ok in [
        "href=\"https://www.gov.cn/\"",
        "href=\"mailto:anban@example.gov.cn\"",
        "href=\"tel:12350\"",
        "href=\"../news/peixun.html\"",
        "href=\"#top\"",
    ] {
        assert!(page.contains(ok), "{ok} missing:\n{page}");
    }
    // `check` names each refused link (inline, autolink, reference) at its place.
    let r = s.run(&["check", ".", "--format", "json"]).fails(1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON");
    let found: Vec<(u64, u64)> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["path"] == "content/news/lianjie.md" && f["lint"] == "broken-link")
        .map(|f| (f["line"].as_u64().unwrap(), f["col"].as_u64().unwrap()))
        .collect();
    let mut want = Vec::new();
    for i in 0..refused.len() as u64 {
        let line = 6 + 2 * i;
        let text = body.lines().nth(2 * i as usize).unwrap();
        for mark in ["[链接](", "<", "[链接]["] {
            if mark == "<" && !autolinks(refused[i as usize]) {
                continue;
            }
            let byte = text.find(mark).unwrap();
            want.push((line, text[..byte].chars().count() as u64 + 1));
        }
    }
    assert_eq!(found, want, "{}", r.stdout);
    let first = v
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["lint"] == "broken-link")
        .unwrap();
    assert!(
        first["message"]
            .as_str()
            .unwrap()
            .contains("不允许的协议“blob:”"),
        "{first}"
    );
}

/// The raw response to GET / with the given `Host` header lines.
fn with_host(srv: &Server, path: &str, host_lines: &str) -> String {
    let mut c = TcpStream::connect(("127.0.0.1", srv.port)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        c,
        "GET {path} HTTP/1.1\r\n{host_lines}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = Vec::new();
    let _ = c.read_to_end(&mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// DNS rebinding: a page of evil.example whose name now points at 127.0.0.1 must not read the
/// preview (drafts included).
#[test]
fn serve_answers_only_requests_addressed_to_it() {
    let s = Site::fixture("minimal");
    s.write(
        "content/news/caogao.md",
        "---\ntitle: 草稿XG-DRAFT\ndate: 2026-05-12\ndraft: true\n---\n\n草稿正文XG-DRAFT。\n",
    );
    let srv = Server::start_with(&s, &["--today", "2026-05-20", "--drafts"]);
    let port = srv.port;
    for host in [
        format!("Host: localhost:{port}\r\n"),
        format!("Host: 127.0.0.1:{port}\r\n"),
        format!("Host: [::1]:{port}\r\n"),
        "Host: LOCALHOST\r\n".to_string(),
    ] {
        let r = with_host(&srv, "/news/caogao.html", &host);
        assert!(r.starts_with("HTTP/1.1 200"), "{host}: {r}");
        assert!(r.contains("XG-DRAFT"), "{host}");
    }
    for host in [
        "Host: evil.example\r\n".to_string(),
        format!("Host: evil.example:{port}\r\n"),
        format!("Host: localhost.evil.example:{port}\r\n"),
        format!("Host: 127.0.0.1.nip.io:{port}\r\n"),
        format!("Host: 192.168.1.20:{port}\r\n"),
        "Host: localhost:1\r\n".to_string(),
        "Host: \r\n".to_string(),
        String::new(),
        format!("Host: localhost:{port}\r\nHost: evil.example\r\n"),
    ] {
        for path in ["/", "/news/caogao.html", "/__xuanguan/events", "/atom.xml"] {
            let r = with_host(&srv, path, &host);
            assert!(r.starts_with("HTTP/1.1 403"), "{host:?} {path}: {r}");
            assert!(!r.contains("XG-DRAFT"), "{host:?} {path}");
            assert!(r.contains("拒绝访问"), "{host:?} {path}: {r}");
        }
    }
}

/// `--bind 0.0.0.0` lets a phone on the same network open the preview by the machine's LAN
/// address (any IP address in `Host`, on the server's port); names are still refused.
#[test]
fn serve_bound_to_all_interfaces_answers_ip_addresses_only() {
    let s = Site::fixture("minimal");
    let srv = Server::start_with(&s, &["--today", "2026-05-20", "--bind", "0.0.0.0"]);
    let port = srv.port;
    for host in [
        format!("Host: 192.168.1.20:{port}\r\n"),
        format!("Host: 10.0.0.7:{port}\r\n"),
        format!("Host: localhost:{port}\r\n"),
    ] {
        let r = with_host(&srv, "/", &host);
        assert!(r.starts_with("HTTP/1.1 200"), "{host}: {r}");
    }
    for host in [
        format!("Host: evil.example:{port}\r\n"),
        format!("Host: 192.168.1.20.nip.io:{port}\r\n"),
        "Host: 192.168.1.20:1\r\n".to_string(),
    ] {
        let r = with_host(&srv, "/", &host);
        assert!(r.starts_with("HTTP/1.1 403"), "{host}: {r}");
    }
}

/// The guard compares where the output really lands: a symlink (or `..`) into `content/` is
/// refused before anything is written.
#[test]
fn output_through_a_symlink_into_content_is_refused() {
    let s = Site::fixture("minimal");
    symlink(s.file("content/static"), s.file("lnk")).unwrap();
    symlink("content", s.file("rel")).unwrap();
    std::fs::create_dir(s.file("d")).unwrap();
    let before = snapshot(&s.file("content"));
    for out in [
        "lnk/gen",
        "lnk",
        "rel/news/gen",
        "rel/../content/gen",
        "d/../content/static/gen",
        "nonexistent/../lnk/gen",
        "d/../lnk/a/b/gen",
    ] {
        let r = s.run(&["build", ".", "-o", out]).fails(2);
        assert!(r.stderr.contains("源文件夹"), "{out}: {}", r.stderr);
        assert!(
            r.stderr.contains(
                &s.file("content")
                    .canonicalize()
                    .unwrap()
                    .display()
                    .to_string()
            ),
            "{out}: the message names the real folder:\n{}",
            r.stderr
        );
        assert_eq!(
            snapshot(&s.file("content")),
            before,
            "{out}: content changed"
        );
    }
    assert!(!s.file("nonexistent").exists());
    // The LED export goes through the same guard.
    let r = s.run(&["led", ".", "-o", "lnk/screen.txt"]).fails(2);
    assert!(r.stderr.contains("源文件夹"), "{}", r.stderr);
    assert_eq!(snapshot(&s.file("content")), before);
    // A symlink to a folder outside the sources is still a fine output.
    let elsewhere = tempfile::tempdir().unwrap();
    symlink(elsewhere.path(), s.file("out")).unwrap();
    s.run(&["build", ".", "-o", "out/site"]).ok();
    assert!(elsewhere.path().join("site/site/index.html").is_file());
}

/// A control character written as a YAML escape parses, but would make atom.xml ill-formed
/// and the pages invalid: it is a located error, in front matter and in campaign.yaml.
#[test]
fn control_characters_in_front_matter_are_errors() {
    let s = Site::fixture("minimal");
    campaign_with(&s, "base_url: https://www.example.gov.cn/zt/aq/", "");
    s.run(&["build"]).ok();
    std::fs::remove_dir_all(s.file("output")).unwrap();
    let page = s.read("content/news/peixun.md");
    for (from, to, at, ch) in [
        (
            "title: 东山村开展企业负责人安全培训",
            "title: \"控制\\x01字符\"",
            "content/news/peixun.md:2:8",
            "U+0001",
        ),
        (
            "title: 东山村开展企业负责人安全培训",
            "标题: \"东山村\\u001b[31m培训\"",
            "content/news/peixun.md:2:5",
            "U+001B",
        ),
        (
            "tags: [培训]",
            "tags: [\"培\\x7f训\"]",
            "content/news/peixun.md:6:7",
            "U+007F",
        ),
        (
            "  发放资料: 300",
            "  \"发放\\x00资料\": 300",
            "content/news/peixun.md:7:7",
            "U+0000",
        ),
    ] {
        s.write("content/news/peixun.md", &page.replace(from, to));
        refused(&s, at, ch);
        let r = s.run(&["build"]);
        assert!(r.stderr.contains("控制字符"), "{}", r.stderr);
        // One error for one character: the title is not also reported missing.
        assert!(!r.stderr.contains("缺少标题"), "{}", r.stderr);
    }
    // Tabs and line breaks are text.
    s.write(
        "content/news/peixun.md",
        &page.replace(
            "title: 东山村开展企业负责人安全培训",
            "title: 东山村开展企业负责人安全培训\nsummary: \"甲\\t乙\\n丙\"",
        ),
    );
    s.run(&["build"]).ok();
    let atom = s.public("atom.xml");
    assert!(
        !atom
            .chars()
            .any(|c| c.is_control() && !"\t\n\r".contains(c))
    );
    // campaign.yaml: the same error at the key.
    let s = Site::fixture("minimal");
    let yaml = s
        .read("content/campaign.yaml")
        .replace("org: 测试乡人民政府", "org: \"测试乡\\x02人民政府\"");
    s.write("content/campaign.yaml", &yaml);
    refused(&s, "content/campaign.yaml:2:1", "U+0002");
    let r = s.run(&["build"]);
    assert!(!r.stderr.contains("缺少 org"), "{}", r.stderr);
}

/// A control character pasted into a body is an error at its place; the output stays as it was.
#[test]
fn control_characters_in_a_body_are_located_errors() {
    let s = Site::example();
    s.run(&["build", "--today", "2026-11-23"]).ok();
    let before = snapshot(&s.file("output"));
    let path = "content/news/dongyuanhui.md";
    let text = s.read(path);
    let end = text.trim_end().len();
    s.write(
        path,
        &format!("{}\n\n会后\u{1}各村立即行动。\n", &text[..end]),
    );
    let line = text[..end].lines().count() + 2;
    let r = s.run(&["build", "--today", "2026-11-23"]).fails(1);
    let at = format!("{path}:{line}:3: 错误[control-char]: 正文中有看不见的控制字符 U+0001");
    assert!(r.stderr.contains(&at), "{at}\n{}", r.stderr);
    assert!(
        snapshot(&s.file("output")) == before,
        "the previous output changed"
    );
}
