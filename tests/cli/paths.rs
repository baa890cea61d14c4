//! Paths that lead outside the site are refused with a located error, and nothing outside the
//! site ever reaches `output/` (issue 10, item 3). `serve`'s side is in `serve_pressure.rs`.

use std::os::unix::fs::symlink;

use crate::harness::{Site, snapshot};

/// A secret beside the site that no build may read.
fn site_with_secret() -> (Site, tempfile::TempDir) {
    let s = Site::fixture("minimal");
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "绝密内容 XG-SECRET").unwrap();
    std::fs::create_dir_all(outside.path().join("dir")).unwrap();
    std::fs::write(outside.path().join("dir/a.png"), "XG-SECRET").unwrap();
    (s, outside)
}

#[track_caller]
fn refused(s: &Site, at: &str, words: &str) {
    s.refuses(&["build"], at, words);
}

fn no_secret_in_output(s: &Site) {
    for (p, bytes) in snapshot(&s.file("output")) {
        assert!(
            !String::from_utf8_lossy(&bytes).contains("XG-SECRET"),
            "{} holds a file from outside the site",
            p.display()
        );
    }
}

/// Front-matter paths: `..`, absolute (Unix, Windows drive, UNC, file:) in every path field,
/// with the words of the refusal.
const FRONT: &[(&str, &str, &str)] = &[
    ("cover", "../../../secret.txt", "站点以外"),
    ("cover", "//etc/passwd", "站点以外"),
    ("cover", "file:///etc/passwd", "站点以外"),
    ("cover", "..\\\\..\\\\secret.png", "站点以外"),
    ("cover", "C:\\\\Windows\\\\win.ini", "站点以外"),
    ("封面", "static/../../../x.png", "站点以外"),
    ("roster", "..\\\\..\\\\secret.csv", "不在 content/data"),
    (
        "roster",
        "\\\\\\\\server\\\\share\\\\a.csv",
        "不在 content/data",
    ),
    ("roster", "file:///etc/passwd", "不在 content/data"),
    ("roster", "C:/Users/a.csv", "不在 content/data"),
    ("名单", "/root/a.csv", "不在 content/data"),
    ("attachments", "[../../etc/passwd]", "站点以外"),
    ("附件", "[/etc/shadow]", "站点以外"),
];

#[test]
fn front_matter_paths_outside_the_site_are_refused() {
    let s = Site::fixture("minimal");
    s.run(&["build"]).ok();
    for (key, value, words) in FRONT {
        s.write(
            "content/letters/path.md",
            &format!("---\ntitle: 路径\n{key}: {value}\n---\n\n正文。\n"),
        );
        refused(&s, "content/letters/path.md:3:", words);
    }
    s.write("content/data/qiye.csv", "单位名称\n甲公司\n");
    s.write(
        "content/letters/path.md",
        "---\ntitle: 路径\ncover: ../static/xuanchuan.png\nroster: qiye.csv\n---\n\n{{单位名称}}：\n",
    );
    s.run(&["build"]).ok();
}

#[test]
fn images_outside_the_site_are_refused() {
    let s = Site::fixture("minimal");
    s.run(&["build"]).ok();
    for src in [
        "../../../etc/passwd",
        "../../x.png",
        "/../x.png",
        "C:/Users/a.png",
        "file:///etc/passwd",
        "//server/share/a.png",
    ] {
        s.write(
            "content/news/img.md",
            &format!("---\ntitle: 图\n---\n\n正文。\n\n![图]({src})\n"),
        );
        refused(&s, "content/news/img.md:7:1", "站点以外");
    }
    s.write(
        "content/news/img.md",
        "---\ntitle: 图\n---\n\n![图](../static/xuanchuan.png) ![图](/static/xuanchuan.png)\n",
    );
    s.run(&["build"]).ok();
}

#[test]
fn symlinks_leading_out_are_refused_everywhere() {
    let cases = [
        ("content/static/leak.txt", "secret.txt"),
        ("content/static/leakdir", "dir"),
        ("content/data/roster.csv", "secret.txt"),
        ("content/news/leak.md", "secret.txt"),
        ("themes/default/templates/item.html", "secret.txt"),
    ];
    for (link, target) in cases {
        let (s, outside) = site_with_secret();
        s.run(&["build"]).ok();
        let p = s.file(link);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        symlink(outside.path().join(target), &p).unwrap();
        let shown = link.rsplit('/').next().unwrap();
        refused(&s, shown, "链接");
        no_secret_in_output(&s);
    }
}

#[test]
fn symlink_loops_and_dangling_links_are_refused_not_followed() {
    for target in ["..", "../..", ".", "/nonexistent/xg"] {
        let s = Site::fixture("minimal");
        s.run(&["build"]).ok();
        symlink(target, s.file("content/static/loop")).unwrap();
        refused(&s, "content/static/loop", "链接");
    }
}

#[test]
fn symlinks_inside_the_site_still_work() {
    let s = Site::fixture("minimal");
    std::fs::create_dir_all(s.file("assets")).unwrap();
    std::fs::write(s.file("assets/logo.svg"), "<svg/>").unwrap();
    symlink("../../assets/logo.svg", s.file("content/static/logo.svg")).unwrap();
    s.run(&["build"]).ok();
    assert_eq!(s.read("output/site/static/logo.svg"), "<svg/>");
}

#[test]
fn a_wechat_cover_outside_the_site_is_refused() {
    let s = Site::example();
    s.run(&["build"]).ok();
    let c = s.read("content/campaign.yaml");
    for bad in [
        "../../etc/passwd",
        "//etc/passwd",
        "C:\\\\a.png",
        "static/../../x.png",
    ] {
        let mut lines: Vec<String> = c.lines().map(str::to_string).collect();
        for l in lines
            .iter_mut()
            .filter(|l| l.trim_start().starts_with("cover:"))
        {
            *l = format!("  cover: {bad}");
        }
        s.write("content/campaign.yaml", &(lines.join("\n") + "\n"));
        refused(&s, "content/campaign.yaml:", "指向站点以外");
    }
}

#[test]
fn a_theme_name_that_is_a_path_is_refused() {
    let (s, outside) = site_with_secret();
    std::fs::create_dir_all(outside.path().join("evil/templates")).unwrap();
    std::fs::write(outside.path().join("evil/templates/item.html"), "XG-SECRET").unwrap();
    std::fs::create_dir_all(s.file("themes")).unwrap();
    s.run(&["build"]).ok();
    let campaign = s.read("content/campaign.yaml");
    let evil = outside.path().join("evil");
    for name in [
        evil.to_string_lossy().into_owned(),
        "../../evil".to_string(),
        "..".to_string(),
        "C:\\\\themes".to_string(),
    ] {
        s.write(
            "content/campaign.yaml",
            &format!("{campaign}\ntheme: \"{name}\"\n"),
        );
        refused(&s, "content/campaign.yaml", "已拒绝");
        no_secret_in_output(&s);
    }
}

/// Issue 20 item 2: a former output folder with `content/` copied in is never replaced.
#[test]
fn output_guard_keeps_a_content_folder_copied_into_an_old_output() {
    let s = Site::fixture("minimal");
    s.run(&["build", ".", "-o", "d"]).ok();
    crate::harness::copy_dir(&s.file("content"), &s.file("d/content"));
    let before = snapshot(&s.file("d"));
    let r = s.run(&["build", "d", "-o", "d"]);
    assert_ne!(r.code, 0, "{}", r.stderr);
    assert_eq!(snapshot(&s.file("d")), before, "d/ changed");
    assert!(s.file("d/content/campaign.yaml").is_file());
    // A file the previous build did not write is refused as well, named in the message.
    s.run(&["build", ".", "-o", "e"]).ok();
    s.write("e/news/我的笔记.docx", "mine");
    let r = s.run(&["build", ".", "-o", "e"]).fails(2);
    assert!(r.stderr.contains("news/我的笔记.docx"), "{}", r.stderr);
    assert!(s.file("e/news/我的笔记.docx").is_file());
    // The next build over its own output still works (the manifest matches).
    s.run(&["build", ".", "-o", "f"]).ok();
    s.run(&["build", ".", "-o", "f"]).ok();
}

/// Issue 20 item 2: an output inside the site's own sources is refused before anything is written.
#[test]
fn output_inside_content_is_refused() {
    let s = Site::fixture("minimal");
    let before = snapshot(&s.file("content"));
    let r = s.run(&["build", ".", "-o", "content/static/gen"]).fails(2);
    assert!(r.stderr.contains("源文件夹"), "{}", r.stderr);
    assert_eq!(snapshot(&s.file("content")), before);
}

/// Issue 20 item 10: a leftover folder of a build killed while deleting the old output still has
/// its marker, so the next build removes it.
#[test]
fn half_deleted_leftover_is_removed() {
    let s = Site::fixture("minimal");
    s.run(&["build"]).ok();
    crate::harness::copy_dir(&s.file("output"), &s.file(".output.tmp-999997"));
    // What a kill -9 in the middle of the deletion leaves: some folders gone, the marker kept.
    std::fs::remove_dir_all(s.file(".output.tmp-999997/site/news")).unwrap();
    assert!(s.file(".output.tmp-999997/.xuanguan-output").is_file());
    s.run(&["build"]).ok();
    assert!(!s.file(".output.tmp-999997").exists());
}

/// Issue 20 item 3: `led -o` overwrites only a feed it wrote, unless `--force`.
#[test]
fn led_output_never_overwrites_a_user_file() {
    let s = Site::fixture("minimal");
    let yaml = s.read("content/campaign.yaml");
    let r = s.run(&["led", ".", "-o", "content/campaign.yaml"]).fails(2);
    assert!(r.stderr.contains("content/campaign.yaml"), "{}", r.stderr);
    assert_eq!(s.read("content/campaign.yaml"), yaml);
    s.write("notes.txt", "我的笔记\n");
    s.run(&["led", ".", "--format", "txt", "-o", "notes.txt"])
        .fails(2);
    assert_eq!(s.read("notes.txt"), "我的笔记\n");
    // Its own feeds are replaced freely, json and txt.
    s.run(&["led", ".", "-o", "screen.json"]).ok();
    s.run(&["led", ".", "-o", "screen.json"]).ok();
    s.run(&["led", ".", "--format", "txt", "-o", "screen.txt"])
        .ok();
    s.run(&["led", ".", "--format", "txt", "-o", "screen.txt"])
        .ok();
    // --force says the user means it.
    s.run(&["led", ".", "--format", "txt", "-o", "notes.txt", "--force"])
        .ok();
    assert_ne!(s.read("notes.txt"), "我的笔记\n");
}
