//! `xuanguan new`: a ready site that builds and checks clean; a non-empty folder is refused.

use crate::harness::{Site, run_in};

#[test]
fn new_site_builds_without_warnings() {
    let s = Site::empty();
    let r = s.run(&["new", "xin"]).ok();
    assert!(r.stderr.contains("xuanguan serve"), "{}", r.stderr);
    let dir = s.file("xin");
    assert!(dir.join("使用说明.md").exists());
    let campaign = std::fs::read_to_string(dir.join("content/campaign.yaml")).unwrap();
    for phase in [
        "造强宣传声势",
        "强化学习培训",
        "推广示范典型",
        "宣传长效机制",
    ] {
        assert!(campaign.contains(phase), "{phase}");
    }
    let today = chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    assert!(campaign.contains(&format!("start: {today}")), "{campaign}");
    let r = run_in(&dir, &["build"]).ok();
    assert!(
        !r.stderr.contains("警告") && !r.stderr.contains("错误"),
        "{}",
        r.stderr
    );
    for page in [
        "notices/dongyuan.html",
        "notices/fangan.html",
        "slogans/biaoyu.html",
        "letters/yifengxin.html",
        "letters/gaozhishu.html",
        "letters/chengnuoshu.html",
        "cases/shifan.html",
        "news/dongtai.html",
        "news/jianbao.html",
        "news/jianghua.html",
        "pages/about.html",
    ] {
        assert!(dir.join("output/site").join(page).exists(), "{page}");
    }
    let r = run_in(&dir, &["check"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
}

#[test]
fn non_empty_folder_is_refused() {
    let s = Site::empty();
    s.write("jiu/keep.txt", "x");
    let r = s.run(&["new", "jiu"]).fails(2);
    assert!(r.stderr.contains("不是空的"), "{}", r.stderr);
    assert_eq!(std::fs::read_dir(s.file("jiu")).unwrap().count(), 1);
}
