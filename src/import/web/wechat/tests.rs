//! Tests of the WeChat article reader.

use super::*;

fn run(text: &str) -> (Vec<String>, Vec<Field>, Report) {
    let mut rep = Report::new("t.txt");
    let lines = Line::numbered(text.lines())
        .into_iter()
        .filter(|l| !l.text.trim_matches(is_blank).is_empty())
        .collect();
    let (kept, fields) = take(lines, &mut rep);
    (kept.into_iter().map(|l| l.text).collect(), fields, rep)
}

#[test]
fn header_lines() {
    let h = header(
        "原创 白鹭镇应急办 白鹭发布 2023-06-20 18:06 发表于浙江",
        true,
    )
    .unwrap();
    assert!(h.original);
    assert_eq!(h.author.as_deref(), Some("白鹭镇应急办"));
    assert_eq!(h.account, "白鹭发布");
    assert_eq!(h.published.as_deref(), Some("2023-06-20 18:06"));
    let h = header("原创 韦丽娟 青峰镇人民政府 2022-02-15 17:30", true).unwrap();
    assert_eq!(h.account, "青峰镇人民政府");
    let h = header("平安东坪 2025年06月03日 17:45 江西", false).unwrap();
    assert_eq!((h.author, h.account.as_str()), (None, "平安东坪"));
    assert_eq!(h.published.as_deref(), Some("2025年06月03日 17:45"));
    // Not marked 原创 nor placed: only read once the page is known to be WeChat's.
    assert!(header("平安东坪 2025年06月03日 17:45 江西", true).is_none());
    assert!(header("白鹭镇应急办 白鹭发布 2023-06-20 发表于浙江", true).is_some());
    let h = header("原创 白鹭发布", false).unwrap();
    assert_eq!(h.published, None);
    // A portal's date line, a title, a signature are none.
    assert!(header("2024-05-13 16:42 来源：涌潮新闻", false).is_none());
    assert!(header("白鹭镇：安全宣传“五进”活动走深走实", false).is_none());
    assert!(header("外山乡人民政府 2024年3月1日 星期五", false).is_none());
    assert!(
        header(
            "原创 白鹭镇应急办 白鹭发布 2023-06-20 18:06 另有文字",
            false
        )
        .is_none()
    );
}

#[test]
fn furniture_words() {
    assert!(is_follow("点击蓝字"));
    assert!(is_follow("▲点击上方蓝字关注我们"));
    assert!(is_follow("关注我们"));
    assert!(!is_follow(
        "请大家关注我们镇的安全生产工作，共同守护平安家园。"
    ));
    assert!(is_collection("收录于合集"));
    assert!(is_collection("#安全生产月 8个"));
    assert!(!is_collection("#1 号楼东侧"));
    assert!(is_end_mark("- END -"));
    assert!(is_end_mark("END"));
    assert!(!is_end_mark("ENDLESS"));
    assert!(is_buttons("赞 在看 分享"));
    assert!(is_buttons("分享 · 点赞 · 在看"));
    assert!(!is_buttons("分享"));
    assert!(is_read_count("阅读 1862"));
    assert!(is_read_count("阅读 10万+"));
    assert!(!is_read_count("阅读材料"));
    assert!(is_earlier("往期推荐"));
    assert!(is_earlier("▼ 往期回顾 ▼"));
}

#[test]
fn an_article_copied_in_the_browser() {
    let (kept, fields, rep) = run("白鹭镇：安全宣传“五进”活动走深走实
原创 白鹭镇应急办 白鹭发布 2023-06-20 18:06 发表于浙江
收录于合集
#安全生产月 8个
点击蓝字
关注我们
\u{200b}
6月16日上午，白鹭镇在镇文化广场举办安全宣传咨询日活动，拉开了全镇安全宣传“五进”集中活动的序幕。
图片
下一步，白鹭镇将持续推进安全宣传常态化，进一步营造“人人讲安全、个个会应急”的浓厚氛围。
编辑：陈思雨
来源：白鹭镇应急管理办公室
往期推荐
@所有白鹭人，这份防溺水安全提示请收好！
点击蓝字关注我们
阅读原文
阅读 1862
白鹭发布
赞 在看 分享
写留言
预览时标签不可点
微信扫一扫
关注该公众号
：，。视频小程序赞，轻点两下取消赞在看，轻点两下取消在看分享留言收藏听过");
    assert_eq!(
        kept,
        [
            "白鹭镇：安全宣传“五进”活动走深走实",
            "6月16日上午，白鹭镇在镇文化广场举办安全宣传咨询日活动，拉开了全镇安全宣传“五进”集中活动的序幕。",
            "下一步，白鹭镇将持续推进安全宣传常态化，进一步营造“人人讲安全、个个会应急”的浓厚氛围。",
            "编辑：陈思雨",
            "来源：白鹭镇应急管理办公室",
        ]
    );
    assert_eq!(fields[0].key, "published");
    assert_eq!(fields[0].value, "2023-06-20 18:06");
    assert_eq!(
        (fields[1].label.as_str(), fields[1].value.as_str()),
        ("公众号", "白鹭发布")
    );
    let msgs: Vec<&str> = rep.diagnostics.iter().map(|d| d.message.as_str()).collect();
    for what in ["署名行", "关注提示", "合集", "图片占位", "留言等页面文字"] {
        assert!(msgs.iter().any(|m| m.contains(what)), "{what}: {msgs:?}");
    }
}

#[test]
fn a_list_of_earlier_articles_followed_by_text_is_not_the_end() {
    let (kept, _, _) = run("标题
原创 白鹭发布 2023-06-20
第一段正文，说明活动开展的情况，内容比较长，足够成为一段完整的文字，不是链接的标题。
推荐阅读
第二段正文，仍然是文章的内容，说明下一步的工作安排，内容比较长，足够成为一段完整的文字。
END
阅读原文");
    assert_eq!(kept.len(), 4, "{kept:?}");
    assert_eq!(kept[2], "推荐阅读");
}

#[test]
fn other_pages_are_left_alone() {
    let text = "外山乡人民政府关于开展安全宣传的通知\n图片\n各村委会：\n关注我们\nEND";
    let (kept, fields, _) = run(text);
    assert_eq!(kept.len(), 5);
    assert!(fields.is_empty());
}
