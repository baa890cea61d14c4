//! Every page comes from the theme: a site's own `themes/<name>/templates/` overrides the LED
//! player, the LED preview index, the WeChat copy page and the progress chart, and the text
//! these pages show from front matter arrives escaped.

use crate::harness::{ROOT, Site};
use crate::html::{attr, elements, elements_with_text, tags};

const SCREEN: &str = "zhen-menkou";

/// The example campaign with overrides of the player, the index, the copy page and the
/// progress chart in `themes/default/templates/` of the site.
fn overridden() -> Site {
    let s = Site::example();
    let t = "themes/default/templates";
    s.write(
        &format!("{t}/led/kiosk.html"),
        "<!DOCTYPE html><title>自定义播放页：{{ feed.screen.name }}</title>\
         <p id=\"n\">{{ feed.slides | length }} 屏</p>\
         <script type=\"application/json\" id=\"led-feed\">{{ feed_json }}</script>\n",
    );
    s.write(
        &format!("{t}/led/index.html"),
        "<!DOCTYPE html><title>自定义屏幕总览：{{ campaign }}</title>\
         <ul>{% for f in feeds %}<li>{{ f.screen.id }}</li>{% endfor %}</ul>\n",
    );
    s.write(
        &format!("{t}/wechat/copy.html"),
        "<!DOCTYPE html><title>自定义复制页：{{ title }}</title>\
         <table>{% for f in fields %}<tr><th>{{ f.label }}</th><td>{{ f.value }}</td></tr>{% endfor %}</table>\
         <div id=\"preview-body\">{{ article }}</div>\n",
    );
    // The chart is the `bar_chart` component of parts.html: the override keeps the other
    // components and draws the chart as a list.
    let parts = std::fs::read_to_string(format!("{ROOT}/themes/default/templates/parts.html"))
        .expect("default parts.html");
    let cut = parts
        .find("{% component bar_chart")
        .expect("bar_chart in parts.html");
    s.write(
        &format!("{t}/parts.html"),
        &format!(
            "{}{{% component bar_chart(chart) %}}<ol class=\"my-chart\" data-title=\"{{{{ chart.title }}}}\">\
             {{% for r in chart.rows %}}<li>{{{{ r.label }}}}：{{{{ r.shown }}}}</li>{{% endfor %}}</ol>\
             {{% endcomponent bar_chart %}}\n",
            &parts[..cut]
        ),
    );
    s
}

#[test]
fn a_sites_theme_overrides_the_led_player_the_wechat_page_and_the_progress_chart() {
    let s = overridden();
    s.run(&["build", "--today", "2026-09-15"]).ok();

    let kiosk = s.read(&format!("output/led/{SCREEN}.html"));
    assert!(
        kiosk.starts_with(
            "<!DOCTYPE html><title>自定义播放页：镇政府门头屏（P10 单红 8×1 模组）</title>"
        ),
        "{kiosk}"
    );
    let feed: serde_json::Value =
        serde_json::from_str(&s.read(&format!("output/led/{SCREEN}.json"))).unwrap();
    let slides = feed["slides"].as_array().unwrap().len();
    assert!(
        kiosk.contains(&format!("<p id=\"n\">{slides} 屏</p>")),
        "{kiosk}"
    );
    let index = s.read("output/led/index.html");
    assert!(
        index.contains("自定义屏幕总览：青石镇安全生产标准化提升专项行动"),
        "{index}"
    );
    assert!(
        index.contains("<li>zhen-menkou</li><li>cun-gonggao</li><li>lukou-paomadeng</li>"),
        "{index}"
    );

    let copy = s.read("output/wechat/dongyuanhui/index.html");
    assert!(
        copy.contains(
            "<title>自定义复制页：青石镇召开安全生产标准化提升专项行动宣贯动员会</title>"
        ),
        "{copy}"
    );
    assert!(
        copy.contains("<tr><th>作者</th><td>青石镇安办</td></tr>"),
        "{copy}"
    );
    assert!(
        !copy.contains("复制正文"),
        "the default page is gone: {copy}"
    );
    // The fragment is the export's own HTML, as in article.html.
    let article = s.read("output/wechat/dongyuanhui/article.html");
    assert!(copy.contains(&format!("<div id=\"preview-body\">{article}</div>")));

    // The build minifies parts.html: attributes are read by the tokenizer.
    let progress = s.public("progress.html");
    let charts: Vec<String> = elements(&progress)
        .into_iter()
        .filter(|(n, a)| n == "ol" && attr(a, "class").as_deref() == Some("my-chart"))
        .filter_map(|(_, a)| attr(&a, "data-title"))
        .collect();
    assert_eq!(charts[0], "各阶段时间进度", "{progress}");
    assert!(
        charts.contains(&"宣传场次（按阶段）".to_string()),
        "{charts:?}"
    );
    assert!(progress.contains("<li>造强宣传声势："), "{progress}");
    assert!(
        !tags(&progress).contains(&"svg".to_string()),
        "the default chart is gone"
    );
    // The other components of parts.html still work.
    assert!(progress.contains("当前位置"), "{progress}");

    // `xuanguan wechat` exports through the same theme.
    s.run(&["wechat", "content/news/dongyuanhui.md", "-o", "export"])
        .ok();
    assert!(s.read("export/index.html").contains("自定义复制页："));
}

#[test]
fn a_broken_player_template_stops_the_build_and_says_where() {
    let s = Site::example();
    s.run(&["build", "--today", "2026-09-15"]).ok();
    s.write(
        "themes/default/templates/led/kiosk.html",
        "<title>{{ feed.screen.no_such_field }}</title>",
    );
    let r = s.run(&["build", "--today", "2026-09-15"]).fails(1);
    assert!(r.stderr.contains("led/kiosk.html"), "{}", r.stderr);
    assert!(r.stderr.contains("led/zhen-menkou.html"), "{}", r.stderr);
    assert!(
        s.file("output/led/zhen-menkou.html").is_file(),
        "the last output stays"
    );
}

const SCRIPT: &str = "<script>alert(1)</script>";

#[test]
fn script_in_front_matter_reaches_the_led_player_wechat_page_and_chart_escaped() {
    let s = Site::example();
    let quoted = format!("\"{SCRIPT}\"");
    let set = with_key(&s.read("content/slogans/biaoyu.md"), "title", &quoted);
    s.write("content/slogans/biaoyu.md", &set);
    let news = with_key(&s.read("content/news/dongyuanhui.md"), "title", &quoted)
        .replace("  宣传场次: 1", &format!("  {quoted}: 1\n  宣传场次: 1"));
    s.write("content/news/dongyuanhui.md", &news);
    s.run(&["build", "--today", "2026-09-15"]).ok();

    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
    for rel in [
        format!("output/led/{SCREEN}.html"),
        "output/led/index.html".to_string(),
    ] {
        let page = s.read(&rel);
        assert!(!page.contains(SCRIPT), "{rel}: {page}");
        // In a script element only `</` and `<!` could end it or change its state: escaped.
        assert!(page.contains("<script>alert(1)\\u003c/script>"), "{rel}");
        for (name, _, raw) in elements_with_text(&page) {
            assert!(name != "script" || !raw.contains("alert(1)</"), "{rel}");
        }
    }
    let copy = s.read("output/wechat/dongyuanhui/index.html");
    assert!(!copy.contains(SCRIPT), "{copy}");
    assert!(
        copy.contains(&format!("<title>公众号导出：{escaped}</title>")),
        "{copy}"
    );
    assert!(
        copy.contains(&format!("id=\"f-title\">{escaped}</td>")),
        "{copy}"
    );

    let progress = s.public("progress.html");
    assert!(!progress.contains(SCRIPT), "{progress}");
    assert!(
        progress.contains(&format!("<title>{escaped}（按阶段）</title>")),
        "{progress}"
    );
}

/// `text` (a content file) with the first front-matter line `key: …` set to `value`.
fn with_key(text: &str, key: &str, value: &str) -> String {
    let at = text
        .find(&format!("\n{key}:"))
        .expect("key in front matter")
        + 1;
    let end = at + text[at..].find('\n').unwrap();
    format!("{}{key}: {value}{}", &text[..at], &text[end..])
}
