use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::content::{LoadOptions, Site, load};
use crate::diag::UserErrors;

fn site() -> (tempfile::TempDir, Site, LoadOptions) {
    let dir = tempfile::tempdir().unwrap();
    let w = |rel: &str, text: &str| {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    w("content/campaign.yaml", "title: 测试\norg: 测试乡\n");
    w(
        "content/news/a.md",
        "---\ntitle: 甲\ndate: 2026-05-01\n---\n见[乙](b.md)。\n",
    );
    w(
        "content/news/b.md",
        "---\ntitle: 乙\ndate: 2026-05-02\n---\n乙的正文。\n",
    );
    let opts = LoadOptions {
        drafts: false,
        today: NaiveDate::from_ymd_opt(2026, 5, 20).unwrap(),
    };
    let s = load(dir.path(), &opts).unwrap();
    (dir, s, opts)
}

fn set(paths: &[&str]) -> BTreeSet<PathBuf> {
    paths.iter().map(PathBuf::from).collect()
}

fn titles(s: &Site) -> Vec<&str> {
    s.items.iter().map(|i| i.title.as_str()).collect()
}

#[test]
fn edit_replaces_one_item() {
    let (dir, mut s, opts) = site();
    std::fs::write(
        dir.path().join("content/news/b.md"),
        "---\ntitle: 乙改\ndate: 2026-05-02\n---\n新正文。\n",
    )
    .unwrap();
    let u = s.update(&set(&["content/news/b.md"]), &opts).unwrap();
    assert_eq!(u.affected, set(&["content/news/b.md"]));
    assert!(u.lists_changed, "the title changed");
    assert_eq!(titles(&s), ["乙改", "甲"]);
    assert!(s.items[0].body.html.contains("新正文"));
}

#[test]
fn errors_leave_the_site_unchanged() {
    let (dir, mut s, opts) = site();
    std::fs::write(
        dir.path().join("content/news/b.md"),
        "---\ntitle: [乙\n---\n",
    )
    .unwrap();
    let e = s.update(&set(&["content/news/b.md"]), &opts).unwrap_err();
    let u = e.downcast_ref::<UserErrors>().expect("user error");
    assert!(u.0[0].path.ends_with("b.md"), "{u}");
    assert_eq!(titles(&s), ["乙", "甲"]);
}

#[test]
fn delete_and_rename_relink_the_pages_that_link_to_them() {
    let (dir, mut s, opts) = site();
    let a = |s: &Site| {
        s.items
            .iter()
            .find(|i| i.title == "甲")
            .unwrap()
            .body
            .html
            .clone()
    };
    assert!(a(&s).contains("b.html"), "{}", a(&s));
    let root = dir.path();
    std::fs::rename(
        root.join("content/news/b.md"),
        root.join("content/news/c.md"),
    )
    .unwrap();
    let u = s
        .update(&set(&["content/news/b.md", "content/news/c.md"]), &opts)
        .unwrap();
    assert!(u.affected.contains(Path::new("content/news/a.md")));
    assert!(u.lists_changed);
    assert_eq!(s.items.len(), 2);
    assert!(s.items.iter().any(|i| i.url() == "news/c.html"));
    assert!(!a(&s).contains("../news/b.html"), "{}", a(&s));

    std::fs::remove_file(root.join("content/news/c.md")).unwrap();
    s.update(&set(&["content/news/c.md"]), &opts).unwrap();
    assert_eq!(titles(&s), ["甲"]);
}

#[test]
fn slug_collision_with_an_unchanged_item_is_an_error() {
    let (dir, mut s, opts) = site();
    std::fs::write(
        dir.path().join("content/news/d.md"),
        "---\ntitle: 丁\nslug: a\n---\n正文\n",
    )
    .unwrap();
    let e = s.update(&set(&["content/news/d.md"]), &opts).unwrap_err();
    assert!(e.to_string().contains("重复") || format!("{e:?}").contains("重复"));
    assert_eq!(s.items.len(), 2);
}

#[test]
fn body_edit_keeps_lists() {
    let (dir, mut s, opts) = site();
    std::fs::write(
        dir.path().join("content/news/b.md"),
        "---\ntitle: 乙\ndate: 2026-05-02\n---\n只改正文。\n",
    )
    .unwrap();
    let u = s.update(&set(&["content/news/b.md"]), &opts).unwrap();
    assert!(!u.lists_changed);
}
