//! `serve` rebuilds only what an edit affects: after each edit, every file it serves must be
//! what a freshly started `serve` of the edited site serves — the page, its lists, the home
//! page, the feeds, the search index, the progress page and the LED feed alike.

use std::time::Duration;

use crate::harness::{Site, snapshot};
use crate::serve::{Server, expect_reload};

const TODAY: [&str; 2] = ["--today", "2026-09-15"];
const NEWS: &str = "content/news/dongshan-jinqiye.md";

/// Every output path of the site (what `build` writes).
/// Sets a base_url: only then are atom.xml and sitemap.xml written.
fn with_feeds(s: &Site) {
    let c = s.read("content/campaign.yaml").replace(
        "base_url: \"\"",
        "base_url: \"https://www.example.gov.cn/zt/aq/\"",
    );
    s.write("content/campaign.yaml", &c);
}

fn paths(site: &Site) -> Vec<String> {
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("o");
    site.run(&["build", TODAY[0], TODAY[1], "-o", dest.to_str().unwrap()])
        .ok();
    snapshot(&dest)
        .into_iter()
        .map(|(p, _)| p.to_string_lossy().replace('\\', "/"))
        .filter(|p| !p.starts_with('.'))
        .collect()
}

/// The body without the LED feed's time stamps (`"generated": "…"`).
fn normalize(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some(at) = rest.find("\"generated\"") {
        let (head, tail) = rest.split_at(at + "\"generated\"".len());
        out.push_str(head);
        // Skip `: "value"`.
        let open = tail.find('"').map_or(tail.len(), |i| i + 1);
        let close = tail[open..].find('"').map_or(tail.len(), |i| open + i + 1);
        rest = &tail[close..];
    }
    out.push_str(rest);
    out
}

/// Compares every output of `srv` with a fresh `serve` of the same site.
#[track_caller]
fn assert_fresh(site: &Site, srv: &Server) {
    assert_fresh_also(site, srv, &[]);
}

/// Like [`assert_fresh`], also for `gone`: outputs that should no longer exist.
#[track_caller]
fn assert_fresh_also(site: &Site, srv: &Server, gone: &[&str]) {
    let fresh = Server::start_with(site, &TODAY);
    let mut paths = paths(site);
    assert!(paths.len() > 50, "{paths:?}");
    paths.extend(gone.iter().map(|p| p.to_string()));
    for p in paths {
        let (st, body) = srv.get(&format!("/{p}"));
        let (fst, fbody) = fresh.get(&format!("/{p}"));
        let (a, b) = (normalize(&body), normalize(&fbody));
        if (st, &a) != (fst, &b) {
            let line = a.lines().zip(b.lines()).find(|(x, y)| x != y);
            panic!(
                "{p} is stale after the edit ({st} vs fresh {fst}); first difference:\n{line:?}"
            );
        }
    }
}

/// Writes `rel` with `from` replaced by `to` and waits for the reload.
#[track_caller]
fn edit(site: &Site, srv: &Server, rel: &str, from: &str, to: &str) {
    let rx = srv.events();
    let text = site.read(rel);
    assert!(text.contains(from), "{rel} has no {from:?}");
    site.write(rel, &text.replacen(from, to, 1));
    expect_reload(&rx, Duration::from_secs(10));
}

#[test]
fn in_place_edits_update_every_page_showing_them() {
    let s = Site::example();
    with_feeds(&s);
    let srv = Server::start_with(&s, &TODAY);
    // A new summary: lists, home page feed and search show it.
    edit(
        &s,
        &srv,
        NEWS,
        "summary: 东山村组织",
        "summary: 摘要已修改。东山村组织",
    );
    for page in [
        "/news/index.html",
        "/tags/yin-huan-pai-cha.html",
        "/atom.xml",
    ] {
        let (_, body) = srv.get(page);
        assert!(body.contains("摘要已修改"), "{page} is stale:\n{body}");
    }
    assert_fresh(&s, &srv);
    // New figures: the progress page adds them up.
    edit(&s, &srv, NEWS, "宣传场次: 3", "宣传场次: 1003");
    assert_fresh(&s, &srv);
    // Body only.
    edit(
        &s,
        &srv,
        NEWS,
        "开展安全生产标准化宣传进企业活动。",
        "开展活动。正文已修改。",
    );
    assert!(
        srv.get("/news/dongshan-jinqiye.html")
            .1
            .contains("正文已修改")
    );
    assert_fresh(&s, &srv);
}

#[test]
fn title_change_reaches_lists_home_and_feed() {
    let s = Site::example();
    with_feeds(&s);
    let srv = Server::start_with(&s, &TODAY);
    edit(
        &s,
        &srv,
        NEWS,
        "title: 东山村开展",
        "title: 标题已修改东山村开展",
    );
    for page in [
        "/news/index.html",
        "/index.html",
        "/atom.xml",
        "/units/dongshan.html",
    ] {
        let (_, body) = srv.get(page);
        assert!(body.contains("标题已修改"), "{page} is stale");
    }
    assert_fresh(&s, &srv);
    // A new date moves the item in every list.
    edit(&s, &srv, NEWS, "date: 2026-09-22", "date: 2025-01-02");
    assert_fresh(&s, &srv);
    // Another phase: its lists and the progress page's counts change.
    edit(&s, &srv, NEWS, "phase: xuanchuan", "phase: peixun");
    assert_fresh(&s, &srv);
    // A new tag name, and a free page's new title: both are in every page's menu or links.
    edit(&s, &srv, NEWS, "tags: [", "tags: [新标签, ");
    assert_fresh(&s, &srv);
    edit(
        &s,
        &srv,
        "content/pages/about.md",
        "title: 关于本专题",
        "title: 关于专题网站",
    );
    let (_, other) = srv.get("/notices/peixun-tongzhi.html");
    assert!(
        other.contains("关于专题网站"),
        "menu of other pages is stale"
    );
    assert_fresh(&s, &srv);
    // A notice lists its attachments by title.
    edit(
        &s,
        &srv,
        "content/notices/xuanguan-fangan.md",
        "title: ",
        "title: 附件标题已改",
    );
    let (_, notice) = srv.get("/notices/yinfa-xuanguan-fangan.html");
    assert!(notice.contains("附件标题已改"), "attachment title is stale");
    assert_fresh(&s, &srv);
}

#[test]
fn led_feed_is_served_and_follows_slogans() {
    let s = Site::example();
    let srv = Server::start_with(&s, &TODAY);
    let (st, index) = srv.get("/led/index.html");
    assert_eq!(st, 200);
    assert!(index.contains("人人讲安全"), "{index}");
    assert_eq!(srv.get("/led/zhen-menkou.json").0, 200);
    assert_eq!(srv.get("/led/cun-gonggao.txt").0, 200);
    assert!(srv.get("/led/lukou-paomadeng.html").1.contains("led-feed"));

    edit(
        &s,
        &srv,
        "content/slogans/biaoyu.md",
        "4. 人人讲安全，个个会应急。",
        "4. 平安青石人人共建。",
    );
    let index = srv.get("/led/index.html").1;
    assert!(index.contains("平安青石人人共建"), "{index}");
    assert!(!index.contains("个个会应急"));
    assert_fresh(&s, &srv);

    // An item marked `led: true` joins the feed, and leaves it again.
    let letter = "content/letters/yifengxin.md";
    edit(
        &s,
        &srv,
        letter,
        "slug: yifengxin\n",
        "slug: yifengxin\nled: true\n",
    );
    assert!(srv.get("/led/index.html").1.contains("\"kind\":\"letter\""));
    assert_fresh(&s, &srv);
    edit(&s, &srv, letter, "led: true\n", "");
    assert!(!srv.get("/led/index.html").1.contains("\"kind\":\"letter\""));
    assert_fresh(&s, &srv);
}

#[test]
fn added_and_deleted_documents_update_every_list() {
    let s = Site::example();
    let srv = Server::start_with(&s, &TODAY);
    // A new document with a new tag in an existing section.
    let rx = srv.events();
    let added = "---\ntype: news\ntitle: 新增的工作动态\ndate: 2026-09-10\nphase: xuanchuan\nunit: xihe\ntags: [新增标签, 隐患排查]\n---\n\n新增的正文。\n";
    s.write("content/news/xinzeng.md", added);
    expect_reload(&rx, Duration::from_secs(10));
    assert!(
        srv.get("/tags/yin-huan-pai-cha.html")
            .1
            .contains("新增的工作动态")
    );
    assert_eq!(srv.get("/tags/xin-zeng-biao-qian.html").0, 200);
    assert_fresh(&s, &srv);
    // Deleting it again: its new tag's list goes away.
    let rx = srv.events();
    std::fs::remove_file(s.file("content/news/xinzeng.md")).unwrap();
    expect_reload(&rx, Duration::from_secs(10));
    assert_eq!(srv.get("/tags/xin-zeng-biao-qian.html").0, 404);
    assert_fresh_also(&s, &srv, &["news/xinzeng.html"]);
    // Written again as it was: its tag's list, gone in between, is served again.
    let rx = srv.events();
    s.write("content/news/xinzeng.md", added);
    expect_reload(&rx, Duration::from_secs(10));
    assert_eq!(srv.get("/tags/xin-zeng-biao-qian.html").0, 200);
    assert_fresh(&s, &srv);
    let rx = srv.events();
    std::fs::remove_file(s.file("content/news/xinzeng.md")).unwrap();
    expect_reload(&rx, Duration::from_secs(10));
    // The last documents of a section: the section leaves the menu of every page.
    for case in [
        "content/cases/jiancai-jixie.md",
        "content/cases/zhumu-5s.md",
    ] {
        let rx = srv.events();
        std::fs::remove_file(s.file(case)).unwrap();
        expect_reload(&rx, Duration::from_secs(10));
    }
    assert_eq!(srv.get("/cases/index.html").0, 404);
    assert_eq!(srv.get("/types/case.html").0, 404);
    assert_fresh(&s, &srv);
}

#[test]
fn a_tag_whose_slug_moves_moves_on_every_page() {
    let s = Site::example();
    let srv = Server::start_with(&s, &TODAY);
    // `安全` is `tags/an-quan.html` until a tag named `an-quan` claims that name.
    edit(&s, &srv, NEWS, "tags: [", "tags: [安全, ");
    assert!(srv.get("/tags/an-quan.html").1.contains("标签：安全"));
    let rx = srv.events();
    s.write(
        "content/news/pinyin.md",
        "---\ntype: news\ntitle: 拼音标签\ndate: 2026-09-10\ntags: [an-quan]\n---\n\n正文。\n",
    );
    expect_reload(&rx, Duration::from_secs(10));
    let moved = srv.get("/news/dongshan-jinqiye.html").1;
    assert!(moved.contains("tags/an-quan_2.html"), "{moved}");
    assert!(srv.get("/tags/an-quan.html").1.contains("标签：an-quan"));
    assert_fresh(&s, &srv);
    // And back when it goes.
    let rx = srv.events();
    std::fs::remove_file(s.file("content/news/pinyin.md")).unwrap();
    expect_reload(&rx, Duration::from_secs(10));
    assert_eq!(srv.get("/tags/an-quan_2.html").0, 404);
    assert_fresh_also(&s, &srv, &["news/pinyin.html", "tags/an-quan_2.html"]);
    // A slug taken by a list page is refused; the last good pages stay.
    let rx = srv.events();
    s.write(
        "content/news/suoyin.md",
        "---\ntype: news\ntitle: 索引测试\nslug: index\ndate: 2026-09-04\n---\n\n正文。\n",
    );
    expect_reload(&rx, Duration::from_secs(10));
    srv.wait_line(Duration::from_secs(5), |l| {
        l.contains("content/news/suoyin.md:4:1") && l.contains("已被列表页占用")
    });
    let list = srv.get("/news/index.html").1;
    assert!(
        list.contains("工作动态") && !list.contains("索引测试"),
        "{list}"
    );
}

#[test]
fn a_list_losing_its_second_page() {
    let s = Site::example();
    for n in 0..31 {
        s.write(
            &format!("content/news/fenye-{n:02}.md"),
            &format!("---\ntype: news\ntitle: 分页测试第{n}篇\ndate: 2026-09-{:02}\ntags: [分页]\n---\n\n正文。\n", n % 28 + 1),
        );
    }
    let srv = Server::start_with(&s, &TODAY);
    assert_eq!(srv.get("/tags/fen-ye-2.html").0, 200);
    let rx = srv.events();
    std::fs::remove_file(s.file("content/news/fenye-07.md")).unwrap();
    expect_reload(&rx, Duration::from_secs(10));
    assert_eq!(srv.get("/tags/fen-ye-2.html").0, 404);
    // A title change reorders the list's pages; the other lists are kept as they were.
    edit(
        &s,
        &srv,
        "content/news/fenye-03.md",
        "title: 分页测试第3篇",
        "title: 一分页测试",
    );
    assert_fresh_also(&s, &srv, &["tags/fen-ye-2.html", "news/index-2.html"]);
    // The second page comes back with the document; the first page, its items unchanged,
    // counts one more.
    let rx = srv.events();
    s.write(
        "content/news/fenye-07.md",
        "---\ntype: news\ntitle: 分页测试第7篇\ndate: 2026-09-08\ntags: [分页]\n---\n\n正文。\n",
    );
    expect_reload(&rx, Duration::from_secs(10));
    assert_eq!(srv.get("/tags/fen-ye-2.html").0, 200);
    assert_fresh(&s, &srv);
}

#[test]
fn search_shards_follow_a_moved_added_and_deleted_item() {
    let s = Site::example();
    // More than one search shard (400 items each).
    for n in 0..420 {
        s.write(
            &format!("content/news/sousuo-{n:03}.md"),
            &format!(
                "---\ntype: news\ntitle: 搜索分片第{n:03}篇\ndate: 2026-0{}-{:02}\n---\n\n正文{n}。\n",
                n % 8 + 1,
                n % 28 + 1
            ),
        );
    }
    let srv = Server::start_with(&s, &TODAY);
    assert_eq!(srv.get("/search/index-1.js").0, 200);
    // Each item is in exactly one shard.
    let shards = |needle: &str| {
        (0..2)
            .filter(|n| srv.get(&format!("/search/index-{n}.js")).1.contains(needle))
            .count()
    };
    // A title change, then a date change that moves the item across the site's order.
    let page = "content/news/sousuo-007.md";
    edit(
        &s,
        &srv,
        page,
        "title: 搜索分片第007篇",
        "title: 搜索分片第000篇甲",
    );
    assert_fresh(&s, &srv);
    edit(&s, &srv, page, "date: 2026-08-08", "date: 2020-01-01");
    assert_eq!(shards("搜索分片第000篇甲"), 1);
    assert_fresh(&s, &srv);
    // A new item, then deleting it and another one.
    let rx = srv.events();
    s.write(
        "content/news/sousuo-xinzeng.md",
        "---\ntype: news\ntitle: 搜索分片新增篇\ndate: 2026-03-03\n---\n\n新增正文。\n",
    );
    expect_reload(&rx, Duration::from_secs(10));
    assert_eq!(shards("搜索分片新增篇"), 1);
    assert_fresh(&s, &srv);
    for gone in [
        "content/news/sousuo-xinzeng.md",
        "content/news/sousuo-100.md",
    ] {
        let rx = srv.events();
        std::fs::remove_file(s.file(gone)).unwrap();
        expect_reload(&rx, Duration::from_secs(10));
    }
    assert_eq!(shards("搜索分片新增篇"), 0);
    assert_eq!(shards("搜索分片第100篇"), 0);
    assert_fresh_also(&s, &srv, &["news/sousuo-100.html"]);
}

#[test]
fn a_save_refused_by_the_attachment_check_still_owes_its_lists() {
    let s = Site::example();
    with_feeds(&s);
    let srv = Server::start_with(&s, &TODAY);
    let notice = "content/notices/yinfa-xuanguan-fangan.md";
    // An attachment that does not exist: the site is patched, then the check refuses it.
    edit(
        &s,
        &srv,
        notice,
        "attachments: [xuanguan-fangan, yifengxin, biaoyu]",
        "attachments: [xuanguan-fangan, yifengxin, biaoyu, 不存在的附件]",
    );
    // Still refused, and the notice leaves the tag 宣传发动.
    edit(
        &s,
        &srv,
        notice,
        "tags: [标准化提升, 宣传发动]",
        "tags: [标准化提升]",
    );
    // The fix: every list the notice left or joined meanwhile is right.
    edit(&s, &srv, notice, ", 不存在的附件]", "]");
    assert_fresh(&s, &srv);
}

#[test]
fn links_follow_the_documents_they_point_to() {
    let s = Site::example();
    let srv = Server::start_with(&s, &TODAY);
    // A page linking to documents that do not exist yet, relatively and from the root.
    let rx = srv.events();
    s.write(
        "content/news/lianjie.md",
        "---\ntype: news\ntitle: 链接测试\ndate: 2026-09-11\n---\n\n见[新文件](xinwen.md)和[通知](/notices/xinwen2.md#er)。\n",
    );
    expect_reload(&rx, Duration::from_secs(10));
    let page = || srv.get("/news/lianjie.html").1;
    assert!(page().contains("href=\"xinwen.md\""), "{}", page());
    // The first target appears: the link leads to its page.
    let rx = srv.events();
    s.write(
        "content/news/xinwen.md",
        "---\ntype: news\ntitle: 新文件\ndate: 2026-09-12\n---\n\n正文。\n",
    );
    expect_reload(&rx, Duration::from_secs(10));
    assert!(
        page().contains("href=\"../news/xinwen.html\""),
        "{}",
        page()
    );
    assert_fresh(&s, &srv);
    // It moves (a new slug), and the second appears in another section.
    edit(
        &s,
        &srv,
        "content/news/xinwen.md",
        "title: 新文件\n",
        "title: 新文件\nslug: xinwen-gai\n",
    );
    assert!(
        page().contains("href=\"../news/xinwen-gai.html\""),
        "{}",
        page()
    );
    let rx = srv.events();
    s.write(
        "content/notices/xinwen2.md",
        "---\ntype: notice\ntitle: 新通知\ndate: 2026-09-12\nissuer: 测试镇人民政府\ndoc_no: 青安办〔2026〕9号\n---\n\n## 二 {#er}\n\n正文。\n",
    );
    expect_reload(&rx, Duration::from_secs(10));
    assert!(
        page().contains("href=\"../notices/xinwen2.html#er\""),
        "{}",
        page()
    );
    // It took the 文号 of another notice, whose page shows the duplicate …
    let other = || srv.get("/notices/peixun-tongzhi.html").1;
    assert!(other().contains("docno-duplicate"), "{}", other());
    assert_fresh(&s, &srv);
    // … until it is given its own.
    edit(
        &s,
        &srv,
        "content/notices/xinwen2.md",
        "青安办〔2026〕9号",
        "测政发〔2026〕9号",
    );
    assert!(!other().contains("docno-duplicate"), "{}", other());
    assert_fresh(&s, &srv);
    // Both deleted: the links are written as they were again.
    for gone in ["content/news/xinwen.md", "content/notices/xinwen2.md"] {
        let rx = srv.events();
        std::fs::remove_file(s.file(gone)).unwrap();
        expect_reload(&rx, Duration::from_secs(10));
    }
    assert!(page().contains("href=\"xinwen.md\""), "{}", page());
    assert_fresh_also(&s, &srv, &["news/xinwen-gai.html", "notices/xinwen2.html"]);
}

#[test]
fn a_document_saved_while_another_was_broken_is_proofread_when_the_site_builds() {
    let s = Site::example();
    let srv = Server::start_with(&s, &TODAY);
    let other = || srv.get("/notices/peixun-tongzhi.html").1;
    let notice = "content/notices/xinwen2.md";
    let rx = srv.events();
    s.write(
        notice,
        "---\ntype: notice\ntitle: 新通知\ndate: 2026-09-12\nissuer: 测试镇人民政府\ndoc_no: 青安办〔2026〕9号\n---\n\n正文。\n",
    );
    expect_reload(&rx, Duration::from_secs(10));
    assert!(other().contains("docno-duplicate"), "{}", other());
    // Another document is broken; while it is, the notice gets a 文号 of its own …
    edit(&s, &srv, NEWS, "date: 2026-09-22", "date: 2026-19-22");
    edit(&s, &srv, notice, "青安办〔2026〕9号", "测政发〔2026〕9号");
    assert!(other().contains("docno-duplicate"), "{}", other());
    // … and when only the broken one is fixed, the duplicate is gone from the other notice.
    edit(&s, &srv, NEWS, "date: 2026-19-22", "date: 2026-09-22");
    assert!(!other().contains("docno-duplicate"), "{}", other());
    assert_fresh(&s, &srv);
}
