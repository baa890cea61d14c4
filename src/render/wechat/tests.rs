//! One test per transformation of docs/wechat.md §2, on the real markdown pipeline.

use super::body::{Body, Targets, convert};
use super::links::{LinkKind, classify};
use super::style::Styles;
use super::text::code_html;

fn conv_with(md: &str, links: &[&str], images: &[&str], base: &str) -> Body {
    let links: Vec<String> = links.iter().map(|s| s.to_string()).collect();
    let images: Vec<String> = images.iter().map(|s| s.to_string()).collect();
    let targets = Targets {
        links: &links,
        images: &images,
        base_url: base,
    };
    convert(
        &crate::markdown::events(md),
        &targets,
        &Styles::new("#b5121b"),
    )
}

fn conv(md: &str) -> Body {
    conv_with(md, &[], &[], "")
}

#[test]
fn external_links_become_numbered_references() {
    let b = conv(
        "见[应急管理部](https://www.mem.gov.cn/)和[标准](https://std.example.cn/a)，再看[部网站](https://www.mem.gov.cn/)。",
    );
    assert!(!b.html.contains("<a "), "{}", b.html);
    assert!(b.html.contains("应急管理部<sup"), "{}", b.html);
    assert!(b.html.contains(">[1]</sup>") && b.html.contains(">[2]</sup>"));
    // The same URL keeps its first number.
    assert_eq!(b.html.matches(">[1]</sup>").count(), 2, "{}", b.html);
    assert_eq!(
        b.refs.links,
        vec![
            (
                "应急管理部".to_string(),
                "https://www.mem.gov.cn/".to_string()
            ),
            ("标准".to_string(), "https://std.example.cn/a".to_string())
        ]
    );
}

#[test]
fn weixin_links_stay_and_become_https() {
    let b = conv("往期见[上期推送](http://mp.weixin.qq.com/s/AbC)。");
    assert!(
        b.html
            .contains("<a href=\"https://mp.weixin.qq.com/s/AbC\" style=\"color:#576b95;"),
        "{}",
        b.html
    );
    assert!(b.refs.links.is_empty());
}

#[test]
fn autolinks_anchors_and_contacts_are_plain_text() {
    let b = conv(
        "网址 <https://www.mem.gov.cn/> ，[见上文](#yi)，[来信](mailto:anban@example.org)，<anban@example.org>。",
    );
    assert!(
        !b.html.contains("<a ") && !b.html.contains("<sup"),
        "{}",
        b.html
    );
    assert!(b.html.contains("https://www.mem.gov.cn/"));
    assert!(b.html.contains("来信（anban@example.org）"), "{}", b.html);
    assert!(b.html.contains("，anban@example.org。"), "{}", b.html);
    assert!(b.refs.links.is_empty());
}

#[test]
fn internal_links_use_the_site_address_when_base_url_is_set() {
    let md = "详见[通知](../notices/a.md)。";
    let with = conv_with(
        md,
        &["../notices/a.html"],
        &[],
        "https://qs.example.gov.cn/zt/",
    );
    assert_eq!(
        with.refs.links[0].1,
        "https://qs.example.gov.cn/zt/notices/a.html"
    );
    let without = conv_with(md, &["../notices/a.html"], &[], "");
    assert!(without.refs.links.is_empty() && !without.html.contains("<sup"));
    assert_eq!(
        classify("../x.md", "../x.html", "ftp://no"),
        LinkKind::TextOnly
    );
}

#[test]
fn lists_get_text_markers_and_nested_lists_are_flattened() {
    let b = conv("- 甲\n  - 乙\n  - 丙\n- 丁\n\n1. 一\n2. 二\n");
    assert!(b.html.contains("• 甲</li>"), "{}", b.html);
    assert!(
        b.html.contains("margin:4px 0 4px 1em;\">◦ 乙</li>"),
        "{}",
        b.html
    );
    assert!(b.html.contains("• 丁</li>"));
    assert!(b.html.contains("1. 一</li>") && b.html.contains("2. 二</li>"));
    assert!(b.html.contains("list-style:none"));
    // No list inside a list item.
    let mut depth = 0;
    for (i, _) in b.html.match_indices('<') {
        let rest = &b.html[i..];
        if rest.starts_with("<li") {
            depth += 1;
        } else if rest.starts_with("</li") {
            depth -= 1;
        } else if rest.starts_with("<ul") || rest.starts_with("<ol") {
            assert_eq!(depth, 0, "nested list in {}", b.html);
        }
    }
}

#[test]
fn loose_list_items_keep_their_paragraphs_on_separate_lines() {
    let b = conv("- 第一段\n\n  第二段\n\n- 下一项\n");
    assert!(b.html.contains("• 第一段<br>第二段</li>"), "{}", b.html);
    assert!(!b.html.contains("<p"), "{}", b.html);
}

#[test]
fn tables_sit_in_a_scroll_wrapper_with_styled_cells() {
    let b = conv("| 阶段 | 时间 |\n| --- | :-: |\n| 宣传 | 9月 |\n");
    assert!(
        b.html.starts_with(
            "<section style=\"max-width:100%;overflow-x:auto;margin:0 0 16px;\"><table"
        ),
        "{}",
        b.html
    );
    assert!(b.html.contains("<th style=\"border:1px solid #dddddd;"));
    assert!(
        b.html.contains("text-align:center;\">9月</td>"),
        "{}",
        b.html
    );
    assert!(!b.html.contains("<tr style"));
}

#[test]
fn code_uses_br_and_nbsp() {
    let b = conv("```\nfn main() {\n    run();\n\n\n}\n```\n");
    let code = &b.html[b.html.find("<code").unwrap()..b.html.find("</code>").unwrap()];
    assert!(!code.contains('\n') && !code.contains("  "), "{code}");
    assert!(
        b.html
            .contains("fn&nbsp;main()&nbsp;{<br>&nbsp;&nbsp;&nbsp;&nbsp;run();<br>&nbsp;<br>}"),
        "{}",
        b.html
    );
    assert!(b.html.contains("<pre style=\"overflow-x:auto;"));
    assert_eq!(code_html("a\tb"), "a&nbsp;&nbsp;&nbsp;&nbsp;b");
    let inline = conv("运行 `a  b` 即可");
    assert!(
        inline.html.contains(">a&nbsp;&nbsp;b</code>"),
        "{}",
        inline.html
    );
}

#[test]
fn footnotes_are_numbered_and_collected() {
    let b = conv(
        "依据法律[^fa]和规章[^gz]。\n\n[^gz]: 《规章》。\n[^fa]: 《安全生产法》第二十一条。\n",
    );
    assert!(
        b.html.contains(">①</sup>") && b.html.contains(">②</sup>"),
        "{}",
        b.html
    );
    assert!(!b.html.contains("[^") && !b.html.contains("href"));
    assert_eq!(b.refs.notes, vec!["fa".to_string(), "gz".to_string()]);
    let fa = b.notes.iter().find(|(l, _)| l == "fa").unwrap();
    assert!(fa.1.contains("《安全生产法》第二十一条。"), "{:?}", b.notes);
}

#[test]
fn no_soft_break_space_between_chinese_characters() {
    let b = conv("安全生产\n标准化提升\nand more\ntext");
    assert!(b.html.contains("安全生产标准化提升"), "{}", b.html);
    assert!(b.html.contains("more text"), "{}", b.html);
}

#[test]
fn https_images_stay_and_local_images_become_named_placeholders() {
    let b = conv_with(
        "![宣传现场](https://mmbiz.qpic.cn/a.png)\n\n![动员会](../static/img/dongyuan.jpg)\n\n文中![小图](http://example.cn/b.png)图\n",
        &[],
        &[
            "https://mmbiz.qpic.cn/a.png",
            "../static/img/dongyuan.jpg",
            "http://example.cn/b.png",
        ],
        "",
    );
    assert!(
        b.html.contains("<img src=\"https://mmbiz.qpic.cn/a.png\" alt=\"宣传现场\" style=\"display:block;max-width:100%;"),
        "{}",
        b.html
    );
    assert!(
        b.html.contains(">宣传现场</p>"),
        "caption below the image: {}",
        b.html
    );
    assert!(
        b.html.contains("【待上传图片：dongyuan.jpg】"),
        "{}",
        b.html
    );
    assert!(b.html.contains("【待上传图片：b.png】"));
    assert!(!b.html.contains("src=\"../") && !b.html.contains("src=\"http:"));
    assert_eq!(b.uploads.len(), 2);
    assert_eq!(b.uploads[0].name, "dongyuan.jpg");
    assert_eq!(b.uploads[0].href, "../../site/static/img/dongyuan.jpg");
    assert_eq!(b.uploads[0].alt, "动员会");
}

#[test]
fn headings_start_at_h2_in_theme_colour_and_empty_ones_vanish() {
    let b = conv("# 一、总体要求\n\n### 细则\n\n##\n\n正文");
    assert!(
        b.html.starts_with("<h2 style=\"font-size:22px;"),
        "{}",
        b.html
    );
    assert!(b.html.contains("color:#b5121b"));
    assert!(b.html.contains("<h3 style=\"font-size:20px;"));
    assert!(
        !b.html.contains("<h1") && !b.html.contains("></h2>"),
        "{}",
        b.html
    );
}

#[test]
fn paragraphs_are_indented_and_escaped() {
    let b = conv("一是<b>加强</b>领导 & 落实。");
    assert!(
        b.html
            .starts_with("<p style=\"margin:0 0 16px;text-indent:2em;\">")
    );
    assert!(
        b.html.contains("&lt;b&gt;加强&lt;/b&gt;领导 &amp; 落实"),
        "{}",
        b.html
    );
    assert_eq!(b.first_paragraph, "一是<b>加强</b>领导 & 落实。");
}

#[test]
fn cjk_bold_is_bold_and_blockquotes_are_styled() {
    let b = conv("**一是加强领导。**各村要落实。\n\n> 引文内容\n");
    assert!(
        b.html.contains(
            "<strong style=\"font-weight:bold;color:#333333;\">一是加强领导。</strong>各村"
        ),
        "{}",
        b.html
    );
    assert!(!b.html.contains("**"));
    assert!(b.html.contains(
        "<blockquote style=\"margin:0 0 16px;padding:10px 14px;border-left:4px solid #b5121b;"
    ));
}

#[test]
fn theme_colour_is_checked() {
    assert_eq!(Styles::new("#D02D09").accent(), "#d02d09");
    assert_eq!(Styles::new("red; position:absolute").accent(), "#b5121b");
}
