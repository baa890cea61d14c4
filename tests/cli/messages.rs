//! What reaches the user when things go wrong outside the content: a pipe closed early, a
//! mistyped command line, an operating-system error. All of it in Chinese, with the right
//! exit code, and never a panic.

use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;

use crate::harness::{Site, bin};

/// The example site with a news body of one line repeating “安全生产”: every repetition is a
/// repeated-word error, so the report runs to megabytes.
fn long_report_site() -> Site {
    let s = Site::example();
    let path = "content/news/dongyuanhui.md";
    let text = s.read(path);
    let end = text[3..].find("\n---\n").expect("front matter") + 3 + 5;
    s.write(
        path,
        &format!("{}\n{}\n", &text[..end], "安全生产".repeat(20_000)),
    );
    s
}

/// No English from the standard library, clap or the OS.
#[track_caller]
fn no_english(text: &str) {
    for w in [
        "panicked",
        "os error",
        "error:",
        "Usage:",
        "For more information",
        "tip:",
        "possible values",
        "invalid",
        "No such file",
        "Permission denied",
        "Address already in use",
    ] {
        assert!(!text.contains(w), "“{w}” reached the user:\n{text}");
    }
}

#[test]
fn check_cut_short_by_a_closed_pipe_still_exits_1() {
    let s = long_report_site();
    let mut child = bin()
        .args(["check"])
        .current_dir(s.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader goes away, like `xuanguan check | head -1`.
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(first.contains("content/"), "{first}");
    assert_eq!(status.code(), Some(1), "{stderr}");
    no_english(&stderr);
}

#[test]
fn build_report_cut_short_by_a_closed_pipe_keeps_the_build_status() {
    let s = long_report_site();
    let mut child = bin()
        .args(["build"])
        .current_dir(s.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(first.contains("content/"), "{first}");
    // The build itself succeeds (proofreading errors do not stop it): no panic (101).
    assert_eq!(status.code(), Some(0));
    assert!(s.file("output/site/index.html").is_file());
}

#[test]
fn check_into_a_full_device_says_so_in_chinese() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let s = long_report_site();
    let out = bin()
        .args(["check"])
        .current_dir(s.path())
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("无法输出检查报告") && stderr.contains("磁盘已满"),
        "{stderr}"
    );
    no_english(&stderr);
}

#[test]
fn usage_errors_are_chinese_with_exit_2() {
    let s = Site::example();
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["frobnicate"],
            &["没有“frobnicate”这个命令", "build、import"],
        ),
        (&["buil"], &["你是不是要用 xuanguan build"]),
        (
            &["serve", "--port", "99999"],
            &["--port", "“99999”", "0 到 65535"],
        ),
        (
            &["build", "--bogus"],
            &[
                "不认识的选项“--bogus”",
                "--drafts",
                "-- --bogus",
                "用法：xuanguan build",
            ],
        ),
        (&["build", "--drafs"], &["你是不是要用 --drafts"]),
        (
            &["led", "--format", "xml"],
            &["--format", "“xml”", "json、txt"],
        ),
        (
            &["check", "--format"],
            &["--format 后面缺少值", "text、json"],
        ),
        (
            &["serve", "--bind", "999.1.1.1"],
            &["--bind", "“999.1.1.1”", "IP 地址", "127.0.0.1"],
        ),
        (
            &["import"],
            &["缺少参数 <文件>", "xuanguan import 通知.docx"],
        ),
        (&["build", "a", "b"], &["多余的参数“b”", "引号"]),
    ];
    for (args, words) in cases {
        let r = s.run(args).fails(2);
        for w in *words {
            assert!(
                r.stderr.contains(w),
                "{args:?}: expected “{w}” in\n{}",
                r.stderr
            );
        }
        assert!(r.stderr.starts_with("错误："), "{args:?}:\n{}", r.stderr);
        let sub = match args[0] {
            "frobnicate" | "buil" => "xuanguan --help".to_string(),
            cmd => format!("xuanguan {cmd} --help"),
        };
        assert!(
            r.stderr.contains(&format!("更多信息请运行：{sub}")),
            "{args:?}:\n{}",
            r.stderr
        );
        no_english(&r.stderr);
    }
}

#[test]
fn help_and_version_still_exit_0() {
    let s = Site::example();
    let r = s.run(&["build", "--help"]).ok();
    assert!(
        r.stdout.contains("用法：") && r.stdout.contains("--strict"),
        "{}",
        r.stdout
    );
    let r = s.run(&["--version"]).ok();
    assert!(r.stdout.starts_with("xuanguan "), "{}", r.stdout);
}

#[test]
fn os_errors_are_explained_in_chinese() {
    let s = Site::example();
    let r = s.run(&["wechat", "nosuch.md"]).fails(2);
    assert!(
        r.stderr.contains("原因：文件或文件夹不存在"),
        "{}",
        r.stderr
    );
    no_english(&r.stderr);
    s.write("afile", "x");
    let r = s.run(&["new", "afile/site"]).fails(2);
    assert!(
        r.stderr.contains("路径中有一段是文件而不是文件夹"),
        "{}",
        r.stderr
    );
    no_english(&r.stderr);
}

#[test]
fn serve_on_a_busy_port_says_so_in_chinese() {
    let s = Site::example();
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = busy.local_addr().unwrap().port().to_string();
    let r = s.run(&["serve", "--port", &port]).fails(2);
    assert!(r.stderr.contains("端口已被其他程序占用"), "{}", r.stderr);
    assert!(r.stderr.contains("--port"), "{}", r.stderr);
    no_english(&r.stderr);
}

/// The example site with one line of the news item's front matter replaced (`key: …`), or a
/// line inserted after the opening `---` when no line starts with the key.
fn with_front_matter_line(line: &str) -> Site {
    let s = Site::example();
    let path = "content/news/dongyuanhui.md";
    let text = s.read(path);
    let key = line.split(':').next().unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    match lines.iter().position(|l| l.starts_with(&format!("{key}:"))) {
        Some(i) => lines[i] = line.to_string(),
        None => lines.insert(1, line.to_string()),
    }
    s.write(path, &(lines.join("\n") + "\n"));
    s
}

/// The first report line about the news item, and the report.
fn news_error(s: &Site) -> (String, String) {
    let r = s.run(&["check"]).fails(1);
    let first = r
        .stdout
        .lines()
        .find(|l| l.starts_with("content/news/dongyuanhui.md:"))
        .unwrap_or_else(|| panic!("no report line for the news item:\n{}", r.stdout))
        .to_string();
    (first, r.stdout)
}

#[test]
fn yaml_errors_are_chinese_and_located() {
    let deep = format!("title: {}", "[".repeat(200));
    let cases: &[(&str, &str, &str)] = &[
        ("title: *x", "content/news/dongyuanhui.md:3:8:", "引用"),
        (
            "title: \"\\uZZZZ\"",
            "content/news/dongyuanhui.md:3:11:",
            "十六进制",
        ),
        ("%YAML 1.2", "content/news/dongyuanhui.md:2:1:", "YAML 指令"),
        (&deep, "content/news/dongyuanhui.md:3:", "嵌套太深"),
        // The control character is on line 4 of the file (line 3 of the front matter).
        (
            "slug: a\u{1}b",
            "content/news/dongyuanhui.md:4:8:",
            "控制字符",
        ),
        (
            "title: \"未关上的引号",
            "content/news/dongyuanhui.md:3:8:",
            "引号没有关上",
        ),
        (
            "tags: [宣传发动, 隐患排查",
            "content/news/dongyuanhui.md:10:7:",
            "方括号“[”没有关上",
        ),
    ];
    for (line, at, word) in cases {
        let s = with_front_matter_line(line);
        let (first, report) = news_error(&s);
        assert!(
            first.starts_with(at) && first.contains(word),
            "{line:?}: expected {at} … {word} in\n{report}"
        );
        assert!(!report.contains("YAML 格式错误"), "{line:?}:\n{report}");
        no_english(&report);
    }
}

#[test]
fn too_many_copies_is_one_error_at_the_value() {
    let s = Site::example();
    let path = "content/letters/gaozhishu.md";
    let text = s
        .read(path)
        .replace("copies: 4", "copies: 99999999999999999999");
    s.write(path, &text);
    let r = s.run(&["check"]).fails(1);
    let lines: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with(path) && l.contains("错误"))
        .collect();
    assert_eq!(lines.len(), 1, "{}", r.stdout);
    assert!(
        lines[0].starts_with("content/letters/gaozhishu.md:8:9:") && lines[0].contains("1 到 99"),
        "{}",
        r.stdout
    );
    no_english(&r.stdout);
}

#[test]
fn a_long_slug_is_too_long_not_uppercase_and_is_not_echoed() {
    let s = with_front_matter_line(&format!("slug: {}", "a".repeat(255)));
    let (first, report) = news_error(&s);
    assert!(
        first.contains("太长") && first.contains("255") && first.contains("100"),
        "{report}"
    );
    assert!(!first.contains(&"a".repeat(100)), "{first}");
    assert!(!report.contains("小写"), "{report}");
}

#[test]
fn a_huge_led_size_names_the_maximum_once() {
    let s = Site::example();
    let text = s
        .read("content/campaign.yaml")
        .replacen("width_px: 256", "width_px: 99999999", 1);
    s.write("content/campaign.yaml", &text);
    let r = s.run(&["check"]).fails(1);
    let led: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.contains("led-config"))
        .collect();
    assert_eq!(led.len(), 1, "{}", r.stdout);
    assert!(
        led[0].contains("width_px") && led[0].contains("100000"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("同时给出"), "{}", r.stdout);
}

#[test]
fn a_truncated_campaign_says_once_that_it_has_no_phases_or_units() {
    let s = Site::example();
    let head: Vec<String> = s
        .read("content/campaign.yaml")
        .lines()
        .take(5)
        .map(str::to_string)
        .collect();
    s.write("content/campaign.yaml", &(head.join("\n") + "\n"));
    let r = s.run(&["check"]).fails(1);
    assert!(!r.stdout.contains("可用：；"), "{}", r.stdout);
    for what in ["阶段（phases）", "单位（units）"] {
        assert_eq!(r.stdout.matches(what).count(), 1, "{what}:\n{}", r.stdout);
    }
}

/// A site whose own `list.html` has `line` inserted as its 21st line.
fn broken_list_template(line: &str) -> Site {
    let s = Site::example();
    let list = std::fs::read_to_string(format!(
        "{}/themes/default/templates/list.html",
        crate::harness::ROOT
    ))
    .unwrap();
    let mut lines: Vec<&str> = list.lines().collect();
    lines.insert(20, line);
    s.write(
        "themes/default/templates/list.html",
        &(lines.join("\n") + "\n"),
    );
    s
}

#[test]
fn theme_template_errors_point_into_the_template_as_written() {
    let cases: &[(&str, &str, &str)] = &[
        // The stray `endfor` closes the loop: the original one, now line 22, is the extra.
        ("{% endfor %}", "list.html 第 22 行第 4 列", "没有配对"),
        (
            "<p>{{ list.nosuchfield }}</p>",
            "list.html 第 21 行第 12 列",
            "没有“nosuchfield”这个字段",
        ),
        (
            "<p>{{ list.title | nosuchfilter }}</p>",
            "list.html 第 21 行第 20 列",
            "没有名为“nosuchfilter”的过滤器",
        ),
    ];
    for (line, at, word) in cases {
        let s = broken_list_template(line);
        let r = s.run(&["build"]).fails(2);
        assert!(
            r.stderr.contains(at) && r.stderr.contains(word),
            "{line}: expected {at} … {word} in\n{}",
            r.stderr
        );
        assert!(
            r.stderr.contains(line.trim()),
            "{line}: the line as written\n{}",
            r.stderr
        );
        // Not the minified one-line template.
        assert!(!r.stderr.contains("{% extends"), "{}", r.stderr);
        assert!(r.stderr.len() < 1500, "{}", r.stderr);
    }
}

#[test]
fn a_bad_default_wechat_cover_is_reported_once() {
    let s = Site::example();
    let text = s
        .read("content/campaign.yaml")
        .replace("cover: static/wechat-cover.png", "cover: /etc/passwd");
    assert!(text.contains("cover: /etc/passwd"));
    s.write("content/campaign.yaml", &text);
    let r = s.run(&["check"]);
    let n = r
        .stdout
        .lines()
        .filter(|l| l.contains("wechat-cover") && l.contains("/etc/passwd"))
        .count();
    assert_eq!(n, 1, "{}", r.stdout);
}
