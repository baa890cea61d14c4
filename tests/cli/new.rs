//! `xuanguan new`: a ready site that builds and checks clean; a non-empty folder is refused.

use crate::harness::{Site, run_in};

#[test]
fn new_site_builds_without_warnings() {
    let s = Site::empty();
    // Dated from today in Beijing time, whatever the computer's time zone (Samoa, UTC−11, is
    // on another date most of the day).
    let beijing = || {
        (chrono::Utc::now() + chrono::Duration::hours(8))
            .format("%Y-%m-%d")
            .to_string()
    };
    let before = beijing();
    let o = crate::harness::bin()
        .args(["new", "xin"])
        .current_dir(s.path())
        .env("TZ", "Pacific/Pago_Pago")
        .output()
        .expect("run xuanguan new");
    let after = beijing();
    let r = crate::harness::Run {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
    .ok();
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
    assert!(
        campaign.contains(&format!("start: {before}"))
            || campaign.contains(&format!("start: {after}")),
        "not dated from {before} (Beijing): {campaign}"
    );
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
