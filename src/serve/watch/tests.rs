use std::path::{Path, PathBuf};

use super::{Changes, classify, is_temp_file};

fn run(paths: &[&str]) -> Changes {
    let root = Path::new("/site");
    let full: Vec<PathBuf> = paths.iter().map(|p| root.join(p)).collect();
    classify(root, full.iter().map(PathBuf::as_path))
}

fn docs(c: &Changes) -> Vec<String> {
    c.docs
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect()
}

#[test]
fn edited_document() {
    let c = run(&["content/news/a.md"]);
    assert!(!c.full);
    assert_eq!(docs(&c), ["content/news/a.md"]);
}

#[test]
fn editor_temp_files_are_ignored() {
    for name in [
        "content/news/.a.md.swp",
        "content/news/a.md~",
        "content/news/.#a.md",
        "content/news/#a.md#",
        "content/news/4913",
        "content/news/a.md___jb_tmp___",
        "content/news/a.md.kate-swp",
        "content/news/.goutputstream-XYZ12",
        "content/news/~$a.md",
        "content/static/.DS_Store",
        "content/news/a.md.tmp.1234.5678",
    ] {
        assert!(run(&[name]).is_empty(), "{name}");
    }
    assert!(is_temp_file("a.tmp") && !is_temp_file("a.md"));
}

#[test]
fn atomic_save_is_one_document_change() {
    // VS Code / vim style: write a temp file, rename it over the document.
    let c = run(&[
        "content/news/.a.md.tmp",
        "content/news/a.md",
        "content/news/a.md~",
    ]);
    assert!(!c.full);
    assert_eq!(docs(&c), ["content/news/a.md"]);
}

#[test]
fn rename_reports_both_names() {
    let c = run(&["content/news/old.md", "content/news/new.md"]);
    assert_eq!(docs(&c), ["content/news/new.md", "content/news/old.md"]);
}

#[test]
fn campaign_theme_static_and_data_need_a_full_load() {
    for p in [
        "content/campaign.yaml",
        "themes/default/templates/base.html",
        "content/static/logo.png",
        "content/data/qiye.csv",
    ] {
        assert!(run(&[p]).full, "{p}");
    }
}

#[test]
fn deleted_folder_needs_a_full_load() {
    assert!(run(&["content/news"]).full);
}

#[test]
fn other_files_are_ignored() {
    assert!(run(&["content/news/photo.jpg", "output/index.html", "README.txt"]).is_empty());
    assert!(classify(Path::new("/site"), [Path::new("/elsewhere/a.md")]).is_empty());
}

#[test]
fn reading_a_file_is_not_a_change() {
    use notify::EventKind;
    use notify::event::{AccessKind, AccessMode, DataChange, MetadataKind, ModifyKind};
    assert!(!super::counts(&EventKind::Access(AccessKind::Close(
        AccessMode::Read
    ))));
    assert!(!super::counts(&EventKind::Modify(ModifyKind::Metadata(
        MetadataKind::AccessTime
    ))));
    assert!(super::counts(&EventKind::Modify(ModifyKind::Data(
        DataChange::Content
    ))));
    // The poll watcher reports a new modification time as a metadata change.
    assert!(super::counts(&EventKind::Modify(ModifyKind::Metadata(
        MetadataKind::WriteTime
    ))));
}
