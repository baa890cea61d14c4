use super::*;

fn html(src: &str) -> String {
    render(src, &NoLinks).html
}

#[test]
fn chinese_bold_cases() {
    assert_eq!(
        html("**一是加强领导。**各村"),
        "<p><strong>一是加强领导。</strong>各村</p>\n"
    );
    assert_eq!(
        html("**“四色风险”**动态监管"),
        "<p><strong>“四色风险”</strong>动态监管</p>\n"
    );
    assert_eq!(
        html("**二要**深入宣传"),
        "<p><strong>二要</strong>深入宣传</p>\n"
    );
    assert_eq!(html("\\*\\*不加粗\\*\\*"), "<p>**不加粗**</p>\n");
    assert_eq!(html("`**代码**`"), "<p><code>**代码**</code></p>\n");
}

#[test]
fn soft_break_between_chinese_is_nothing() {
    assert_eq!(html("厚德\n载物"), "<p>厚德载物</p>\n");
    assert_eq!(html("安全，\n生产"), "<p>安全，生产</p>\n");
    assert_eq!(html("LED\nscreen"), "<p>LED\nscreen</p>\n");
    assert_eq!(
        html("**加强领导。**\n各村"),
        "<p><strong>加强领导。</strong>各村</p>\n"
    );
}

#[test]
fn raw_html_is_text_and_comments_vanish() {
    assert_eq!(
        html("a<script>alert(1)</script>b"),
        "<p>a&lt;script&gt;alert(1)&lt;/script&gt;b</p>\n"
    );
    assert_eq!(html("<!-- 校对忽略 -->\n\n正文"), "<p>正文</p>\n");
    assert_eq!(
        html("[x](javascript:alert(1))"),
        "<p><a href=\"#\">x</a></p>\n"
    );
}

#[test]
fn headings_get_ids_tables_and_footnotes() {
    let r = render(
        "## 一、总体要求\n\n## 一、总体要求\n\n|甲|乙|\n|-|-|\n|1|2|\n\n脚注[^1]\n\n[^1]: 说明\n",
        &NoLinks,
    );
    assert_eq!(
        r.headings[0],
        (2, "一总体要求".to_string(), "一、总体要求".to_string())
    );
    assert_eq!(r.headings[1].1, "一总体要求-2");
    assert!(r.html.contains("<table>"));
    assert!(r.html.contains("footnote-definition"));
    assert!(html("~~删除~~").contains("<del>删除</del>"));
}

#[test]
fn code_is_highlighted() {
    let r = html("```rust\nfn main() {}\n```\n");
    assert!(r.contains("<pre style="), "{r}");
    let plain = html("```\n**x**\n```\n");
    assert_eq!(plain, "<pre><code>**x**\n</code></pre>\n");
}

#[test]
fn heading_attributes_cannot_add_event_handlers() {
    let h = html("# 标题 {#top .big onclick=alert(1) style=x}");
    assert_eq!(h, "<h1 id=\"top\" class=\"big\">标题</h1>\n");
}

#[test]
fn only_allowed_link_schemes_survive() {
    let refused = [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "vbscript:x",
        "data:text/html,alert(1)",
        "blob:https://evil.example/123",
        "file:///etc/passwd",
        "mhtml:file://c:/x.mht!x",
        "java%0ascript:alert(1)",
        "java\tscript:alert(1)",
        "C:/Windows/x.html",
    ];
    for u in refused {
        assert!(!allowed_url(u), "{u}");
        assert_eq!(
            html(&format!("[x](<{u}>)")),
            "<p><a href=\"#\">x</a></p>\n",
            "{u}"
        );
    }
    for u in [
        "https://www.gov.cn/",
        "HTTP://example.com",
        "mailto:anban@example.gov.cn",
        "tel:0571-12345678",
        "../news/a.md",
        "/static/a.pdf",
        "#top",
        "a.html?x=1:2",
        "//www.gov.cn/",
        "",
    ] {
        assert!(allowed_url(u), "{u}");
    }
    // Autolinks, reference links and images go through the same gate.
    let h = html(
        "<blob:https://evil.example/123> [r][1] ![i](file:///etc/passwd)\n\n[1]: mhtml:file://c:/x.mht!x\n",
    );
    assert!(!h.contains("href=\"blob:"), "{h}");
    assert!(
        !h.contains("href=\"mhtml") && !h.contains("src=\"file"),
        "{h}"
    );
    assert_eq!(h.matches("href=\"#\"").count(), 2, "{h}");
    assert!(h.contains("src=\"#\""), "{h}");
}

#[test]
fn many_equal_headings_get_ids_in_linear_time() {
    // 3,000 headings with one text: each id was found by trying -2, -3, … against a list of
    // all ids taken (O(n³), minutes in a debug build).
    let src = "## 安全\n\n".repeat(3000);
    let r = render(&src, &NoLinks);
    assert_eq!(r.headings[0].1, "安全");
    assert_eq!(r.headings[2999].1, "安全-3000");
    // A base whose numbered id was taken by another heading skips it, as before.
    let r = render("# a\n\n# a 2\n\n# a\n\n# a\n", &NoLinks);
    let ids: Vec<&str> = r.headings.iter().map(|h| h.1.as_str()).collect();
    assert_eq!(ids, ["a", "a-2", "a-3", "a-4"]);
}

#[test]
fn unpaired_bold_across_links_is_linear() {
    // `**a [b** c](u)`: the bold cannot close inside the link, so each opening stays on the
    // stack; every link end filtered the whole stack (O(n²), minutes in a debug build).
    let src = "**a [b** c](u) ".repeat(100_000);
    let r = html(&src);
    assert_eq!(r.matches("<a href=\"u\">").count(), 100_000);
    assert!(!r.contains("<strong>"));
}

#[test]
fn highlighted_blocks_replace_their_events_in_place() {
    let r = html("甲\n\n```rust\nfn a() {}\n```\n\n乙\n\n```rust\nfn b() {}\n```\n\n丙\n");
    assert_eq!(r.matches("<pre style=").count(), 2, "{r}");
    let (a, b, c) = (
        r.find("甲").unwrap(),
        r.find("乙").unwrap(),
        r.find("丙").unwrap(),
    );
    assert!(a < b && b < c, "{r}");
    assert!(!r.contains("<code"), "{r}");
}
