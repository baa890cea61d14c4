//! Every output path has one owner: an item whose slug is a list page's name is an error at
//! its `slug:` line (the list page is never overwritten), and every tag gets a page of its
//! own, however its name transliterates (`安全` and `an-quan`, `index`, `x` and `x-2`).

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
        let r = s.refuses(&["build", "--today", "2026-05-20"], at, words);
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

/// Whether a built page links to `target` (relative to the page's folder).
fn links_to(page: &str, target: &str) -> bool {
    page.contains(&format!("href=\"{target}\""))
}

/// The output has no broken internal link.
#[track_caller]
fn no_broken_links(s: &Site) {
    let bad = crate::links::broken(&s.file("output"));
    assert!(bad.is_empty(), "broken links:\n{}", bad.join("\n"));
}

#[test]
fn a_tag_named_index_has_its_own_page() {
    let s = Site::fixture("minimal");
    s.write(
        "content/news/suoyin.md",
        &news("索引标签测试", "2026-05-04", "tags: [index, 培训]\n"),
    );
    s.run(&["build", "--today", "2026-05-20"]).ok();
    let page = s.public("news/suoyin.html");
    assert!(links_to(&page, "../tags/index_2.html"), "{page}");
    let tag = s.public("tags/index_2.html");
    assert!(tag.contains("标签：index"), "{tag}");
    assert!(links_to(&tag, "../news/suoyin.html"), "{tag}");
    assert!(!links_to(&tag, "../news/peixun.html"), "{tag}");
    // The tag index is still the list of every tag, linking to the tag's page.
    let all = s.public("tags/index.html");
    assert!(!all.contains("标签：index"), "{all}");
    assert!(links_to(&all, "../tags/index_2.html"), "{all}");
    assert!(links_to(&all, "../tags/pei-xun.html"), "{all}");
    no_broken_links(&s);
}

#[test]
fn tags_with_the_same_slug_get_a_page_each() {
    let s = Site::fixture("minimal");
    s.write(
        "content/news/hanzi.md",
        &news("中文标签测试", "2026-05-04", "tags: [安全]\n"),
    );
    s.write(
        "content/news/pinyin.md",
        &news("拼音标签测试", "2026-05-05", "tags: [an-quan]\n"),
    );
    s.run(&["build", "--today", "2026-05-20"]).ok();
    // The name that is its own slug keeps it; the other one gets `_2`.
    for (item, tag, name, other) in [
        ("pinyin", "an-quan", "an-quan", "hanzi"),
        ("hanzi", "an-quan_2", "安全", "pinyin"),
    ] {
        let page = s.public(&format!("news/{item}.html"));
        assert!(
            links_to(&page, &format!("../tags/{tag}.html")),
            "{item}: {page}"
        );
        let list = s.public(&format!("tags/{tag}.html"));
        assert!(list.contains(&format!("标签：{name}")), "{tag}: {list}");
        assert!(
            links_to(&list, &format!("../news/{item}.html")),
            "{tag}: {list}"
        );
        assert!(
            !links_to(&list, &format!("../news/{other}.html")),
            "{tag}: {list}"
        );
        let all = s.public("tags/index.html");
        assert!(links_to(&all, &format!("../tags/{tag}.html")), "{all}");
    }
    no_broken_links(&s);
}

#[test]
fn a_tag_named_like_a_second_page_does_not_replace_it() {
    let s = Site::fixture("minimal");
    // Tag `x` has two pages, `tags/x.html` and `tags/x-2.html`.
    for n in 0..31 {
        s.write(
            &format!("content/news/x{n:02}.md"),
            &news(
                &format!("分页第{n}篇"),
                &format!("2026-04-{:02}", n % 28 + 1),
                "tags: [x]\n",
            ),
        );
    }
    s.write(
        "content/news/x2.md",
        &news("另一个标签", "2026-05-06", "tags: [x-2]\n"),
    );
    s.run(&["build", "--today", "2026-05-20"]).ok();
    let second = s.public("tags/x-2.html");
    assert!(second.contains("标签：x"), "{second}");
    assert!(!links_to(&second, "../news/x2.html"), "{second}");
    let own = s.public("tags/x-2_2.html");
    assert!(own.contains("标签：x-2"), "{own}");
    assert!(links_to(&own, "../news/x2.html"), "{own}");
    assert!(links_to(&s.public("news/x2.html"), "../tags/x-2_2.html"));
    no_broken_links(&s);
}

/// A phase or unit id whose list page is another list's page (`x-2` is page 2 of `x`), or the
/// folder's index, is an error at the id.
#[test]
fn phase_and_unit_ids_that_name_another_lists_page_are_refused() {
    let s = Site::example();
    let c = s.read("content/campaign.yaml");
    let first = c
        .lines()
        .find(|l| l.trim_start().starts_with("- id: "))
        .unwrap();
    let id = first
        .trim_start()
        .trim_start_matches("- id: ")
        .trim()
        .to_string();
    // The second phase takes the id of page 2 of the first phase's list.
    let mut n = 0;
    let changed: String = c
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("- id: ") {
                n += 1;
                if n == 2 {
                    let indent = &l[..l.len() - l.trim_start().len()];
                    return format!("{indent}- id: {id}-2\n");
                }
            }
            format!("{l}\n")
        })
        .collect();
    let line = changed
        .lines()
        .position(|l| l.ends_with(&format!("- id: {id}-2")))
        .unwrap()
        + 1;
    s.write("content/campaign.yaml", &changed);
    let r = s.run(&["build"]).fails(1);
    let at = format!("content/campaign.yaml:{line}:");
    assert!(
        r.stderr.contains(&at)
            && r.stderr
                .contains(&format!("编号“{id}-2”与“{id}”的列表页重名")),
        "{at}\n{}",
        r.stderr
    );
}
