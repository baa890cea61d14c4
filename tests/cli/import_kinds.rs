//! Import files each type where the engine reads it: the folder of `gongwen::Kind`, so that the
//! following `build` puts the item in its section.

use crate::harness::Site;
use crate::import::{fm, str_of};

/// issue 14: a speech (讲话) is imported into `content/news/` (where the engine reads speeches),
/// not `content/notices/`, and the build lists it in the news section.
#[test]
fn imported_speech_lands_in_news() {
    let s = Site::empty();
    s.write(
        "content/campaign.yaml",
        "title: 安全生产专项行动\norg: 外山乡人民政府\n",
    );
    s.write(
        "in/speech.txt",
        "在全乡安全生产工作会议上的讲话\n\n同志们：\n\n今天召开全乡安全生产工作会议，主要任务是部署今年的安全生产工作。\n\n一、充分认识做好安全生产工作的重要意义\n\n安全生产关系人民群众生命财产安全。\n\n外山乡人民政府\n\n2023年4月6日\n\n（此件公开发布）\n",
    );
    let r = s.run(&["import", "in/speech.txt"]).ok();
    let listed = r.stdout.lines().nth(1).unwrap_or_default().trim();
    let slug = "anquanshengchan-gongzuo-huiyi-jianghua";
    let rel = format!("content/news/{slug}.md");
    assert!(listed.ends_with(&rel), "{}", r.stdout);
    assert!(!s.file("content/notices").exists(), "{}", r.stdout);
    let v = fm(&s, &rel);
    assert_eq!(str_of(&v, "type"), "speech");
    assert_eq!(str_of(&v, "issuer"), "外山乡人民政府");
    assert_eq!(str_of(&v, "disclosure"), "主动公开");

    let b = s.run(&["build", "--today", "2023-05-01"]).ok();
    let page = s.public(&format!("news/{slug}.html"));
    assert!(
        page.contains("在全乡安全生产工作会议上的讲话"),
        "{}",
        b.stderr
    );
    let news = s.public("news/index.html");
    assert!(news.contains(&format!("{slug}.html")), "{news}");
    assert!(!s.file("output/site/notices").exists());
}
