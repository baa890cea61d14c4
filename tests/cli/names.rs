//! Every output path has one owner: an item whose slug is a list page's name is an error at
//! its `slug:` line (the list page is never overwritten).

use crate::harness::{Site, snapshot};

/// A news item with these extra front-matter lines.
fn news(title: &str, date: &str, extra: &str) -> String {
    format!(
        "---\ntype: news\ntitle: {title}\ndate: {date}\n{extra}summary: 测试同名页面的处理是否正确。\n---\n\n正文。\n"
    )
}

/// Items named by a list page's file name (`index`, `index-2`…), from `slug:`, the file name or
/// the title: (file, text, where, words of the message).
const TAKEN: &[(&str, &str, &str, &str)] = &[
    (
        "content/news/t.md",
        "---\ntype: news\ntitle: 索引测试\nslug: index\ndate: 2026-09-04\n---\n\n正文。\n",
        "content/news/t.md:4:1: 错误[slug-collision]: 网址名“index”已被列表页占用（news/index.html",
        "slug: suo-yin-ce-shi",
    ),
    (
        "content/notices/t.md",
        "---\ntitle: 第二页\ndate: 2026-09-04\nslug: index-2\n---\n\n正文。\n",
        "content/notices/t.md:4:1: 错误[slug-collision]: 网址名“index-2”已被列表页占用",
        "slug: di-er-ye",
    ),
    (
        "content/pages/index.md",
        "---\ntitle: 首页说明\n---\n\n正文。\n",
        "content/pages/index.md:1:1: 错误[slug-collision]: 由文件名“index”得到的网址名“index”已被列表页占用（pages/index.html",
        "slug: shou-ye-shuo-ming",
    ),
    (
        "content/news/标题.md",
        "---\ntitle: Index 3\n---\n\n正文。\n",
        "content/news/标题.md:1:1: 错误[slug-collision]: 由标题得到的网址名“index-3”已被列表页占用",
        "slug: news-index-3",
    ),
];

#[test]
fn a_slug_taken_by_a_list_page_is_an_error_at_its_line() {
    let s = Site::fixture("minimal");
    s.run(&["build", "--today", "2026-05-20"]).ok();
    let before = snapshot(&s.file("output"));
    for (file, text, at, words) in TAKEN {
        s.write(file, text);
        let r = s.run(&["build", "--today", "2026-05-20"]).fails(1);
        assert!(
            r.stderr.contains(at),
            "{file}: expected {at} in\n{}",
            r.stderr
        );
        assert!(
            r.stderr.contains(words),
            "{file}: expected “{words}” in\n{}",
            r.stderr
        );
        assert!(r.stderr.contains("上次的输出保持不变"), "{}", r.stderr);
        assert_eq!(
            snapshot(&s.file("output")),
            before,
            "{file}: output changed"
        );
        // `check` finds it too.
        let r = s.run(&["check", "."]).fails(1);
        assert!(
            r.stdout.contains(at) || r.stderr.contains(at),
            "{file}: {}{}",
            r.stdout,
            r.stderr
        );
        std::fs::remove_file(s.file(file)).unwrap();
    }
    // Names that only look like a list page's are free.
    for slug in ["index-page", "indexes", "my-index"] {
        s.write(
            "content/news/t.md",
            &news("同名测试", "2026-05-04", &format!("slug: {slug}\n")),
        );
        s.run(&["build", "--today", "2026-05-20"]).ok();
        assert!(s.public(&format!("news/{slug}.html")).contains("同名测试"));
        assert!(s.public("news/index.html").contains("工作动态"));
    }
}
