//! `xuanguan import`: the fixtures (GBK, GB18030, UTF-8 with BOM, .docx) import into
//! content files that build; existing files and phases are kept; bad inputs are usage errors.
//! The real seed documents are in `import_seeds.rs`.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::harness::Site;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");
/// The seeds live in `shared/seeds` beside the checkout (`../shared`), or beside the folder
/// of worktrees (`../../shared`).
const SEED_DIRS: [&str; 2] = [
    concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds"),
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/seeds"),
];

/// The front matter of a content file as a JSON-like value.
pub fn fm(s: &Site, rel: &str) -> Value {
    let text = s.read(rel);
    let yaml = text
        .strip_prefix("---\n")
        .and_then(|t| t.split_once("\n---\n"))
        .unwrap_or_else(|| panic!("{rel} has no front matter"))
        .0;
    xuanguan::yaml::parse(yaml).unwrap_or_else(|e| panic!("{rel}: {}", e.message))
}

pub fn body(s: &Site, rel: &str) -> String {
    s.read(rel)
        .splitn(3, "---\n")
        .nth(2)
        .unwrap_or_default()
        .to_string()
}

pub fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} missing in {v}"))
}

pub fn list(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

pub fn seed(prefix: &str) -> Option<PathBuf> {
    let dir = SEED_DIRS.iter().map(Path::new).find(|d| d.is_dir())?;
    let entries = std::fs::read_dir(dir).ok()?;
    entries.flatten().map(|e| e.path()).find(|p| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
    })
}

/// Imports `files` into a fresh site, builds it, and returns the site and the import stdout /
/// stderr.
pub fn import_and_build(files: &[PathBuf]) -> (Site, String, String) {
    let s = Site::empty();
    let mut args = vec!["import".to_string()];
    args.extend(files.iter().map(|f| f.display().to_string()));
    args.extend(["--into".into(), ".".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let r = s.run(&args).ok();
    let b = s.run(&["build", "--today", "2023-05-01"]);
    assert_eq!(
        b.code, 0,
        "build of the imported site failed:\n{}\nimport said:\n{}",
        b.stderr, r.stderr
    );
    // Proofreading findings in the documents' own text are the user's to fix; the front
    // matter import wrote must be clean, except fields the document does not give (公开属性,
    // a speech's date and issuer), which import reports.
    let fm_errors: Vec<&str> = b
        .stderr
        .lines()
        .filter(|l| l.contains("[fm-") && !l.contains("[fm-required]"))
        .collect();
    assert!(fm_errors.is_empty(), "{}", b.stderr);
    assert!(r.stderr.contains("未填写 disclosure"), "{}", r.stderr);
    (s, r.stdout, r.stderr)
}

pub fn campaign(s: &Site) -> Value {
    xuanguan::yaml::parse(&s.read("content/campaign.yaml")).unwrap()
}

#[test]
fn fixtures_import_and_build() {
    let files: Vec<PathBuf> = [
        "gbk_notice.txt",
        "joint_bom.txt",
        "gb18030_letter.txt",
        "notice.docx",
    ]
    .iter()
    .map(|f| Path::new(FIXTURES).join(f))
    .collect();
    let (s, out, err) = import_and_build(&files);
    // The printed list: per source, the main document first.
    let first = out.lines().nth(1).unwrap_or_default().trim();
    assert!(first.ends_with("content/notices/ywz-2024-7.md"), "{out}");

    // GBK, CRLF, 文件 header, 文号 with [] and 第, title over three lines, Chinese-numeral date.
    let n = fm(&s, "content/notices/ywz-2024-7.md");
    assert!(err.contains("GBK"), "{err}");
    assert_eq!(str_of(&n, "doc_no"), "永外政〔2024〕7号");
    assert!(err.contains("已规范为“永外政〔2024〕7号”"), "{err}");
    assert_eq!(str_of(&n, "issuer"), "外山乡人民政府");
    assert_eq!(str_of(&n, "issuer_mark"), "外山乡人民政府文件");
    assert_eq!(str_of(&n, "date"), "2024-05-10");
    assert_eq!(
        str_of(&n, "title"),
        "外山乡人民政府关于印发外山乡2024年安全生产月宣传活动方案的通知"
    );
    assert_eq!(list(&n, "title_lines").len(), 3);
    assert_eq!(list(&n, "addressees"), ["各村委会", "乡直各单位"]);
    assert_eq!(str_of(&n, "note"), "此件公开发布");
    assert_eq!(str_of(&n, "disclosure"), "主动公开");
    assert_eq!(list(&n, "copy_to"), ["县安委办", "县应急管理局"]);
    assert_eq!(str_of(&n, "printed_by"), "外山乡人民政府办公室");
    assert_eq!(str_of(&n, "printed_date"), "2024-05-10");
    assert_eq!(
        list(&n, "attachments"),
        ["anquanshengchan-yue-xuanchuan-fangan"]
    );

    // The issued plan: debris gone, page break rejoined, duplicate reported, contact, 附件.
    let plan_path = "content/notices/anquanshengchan-yue-xuanchuan-fangan.md";
    let p = fm(&s, plan_path);
    assert_eq!(str_of(&p, "type"), "plan");
    // The contact line stands in the body, where the office wrote it, and is published.
    assert!(p["contact"].is_null(), "{p}");
    let pb = body(&s, plan_path);
    assert!(pb.contains("联系人：林小梅"), "{pb}");
    for out in [
        "output/site/notices/anquanshengchan-yue-xuanchuan-fangan.html",
        "output/print/anquanshengchan-yue-xuanchuan-fangan.html",
        "output/wechat/anquanshengchan-yue-xuanchuan-fangan/article.html",
    ] {
        assert!(
            s.read(out).contains("0595-23888888"),
            "{out} lost the contact"
        );
    }
    // The 附注 under the date is shown under the date.
    for out in [
        "output/site/notices/ywz-2024-7.html",
        "output/print/ywz-2024-7.html",
        "output/wechat/ywz-2024-7/article.html",
    ] {
        assert!(
            s.read(out).contains("（此件公开发布）"),
            "{out} lost the 附注"
        );
    }
    for debris in ["bookmark", "**浓厚", "— 2 —", "第 3 页", "下转", "附件："] {
        assert!(!pb.contains(debris), "{debris} left in\n{pb}");
    }
    assert!(pb.contains("营造浓厚的安安全生产月宣传活动氛围。"), "{pb}");
    assert!(err.contains("重复的字“安”"), "{err}");
    assert!(pb.contains("## 二、实施步骤"), "{pb}");
    assert!(pb.contains("**（一）加强组织领导。**各村各单位"), "{pb}");
    assert_eq!(
        list(&p, "attachments"),
        [
            "anquanshengchan-yue-xuanchuan-fangan-fj1",
            "anquanshengchan-yue-xuanchuan-fangan-fj2"
        ]
    );
    let form = fm(
        &s,
        "content/letters/anquanshengchan-yue-xuanchuan-fangan-fj1.md",
    );
    assert_eq!(str_of(&form, "type"), "form");
    assert_eq!(str_of(&form, "phase"), "p1");
    let fb = body(
        &s,
        "content/letters/anquanshengchan-yue-xuanchuan-fangan-fj1.md",
    );
    assert!(
        fb.starts_with("\n________：") && fb.contains("____年__月__日"),
        "{fb}"
    );
    let slogans = body(
        &s,
        "content/slogans/anquanshengchan-yue-xuanchuan-fangan-fj2.md",
    );
    assert_eq!(
        slogans.trim().lines().collect::<Vec<_>>(),
        [
            "- 人人讲安全，个个会应急。",
            "- 畅通生命通道，守护平安家园。",
            "- 安全生产月，安全你我他。"
        ]
    );

    // Phases: "第一阶段：…（5月底前）", a range without year, "……起".
    let c = campaign(&s);
    assert_eq!(str_of(&c, "title"), "外山乡2024年安全生产月宣传活动");
    let ph = c["phases"].as_array().unwrap();
    assert_eq!(ph.len(), 3);
    assert_eq!(
        (str_of(&ph[0], "name"), str_of(&ph[0], "end")),
        ("动员部署", "2024-05-31")
    );
    assert_eq!(
        (str_of(&ph[1], "start"), str_of(&ph[1], "end")),
        ("2024-06-01", "2024-06-30")
    );
    assert_eq!(str_of(&ph[2], "start"), "2024-07-01");
    assert!(ph[2].get("end").is_none());

    // UTF-8 with BOM: joint issuers, () 文号, ○ date, a pledge.
    let j = fm(&s, "content/notices/yww-2023-20.md");
    assert_eq!(str_of(&j, "doc_no"), "永外委〔2023〕20号");
    assert_eq!(
        list(&j, "issuer"),
        ["外山乡人民政府", "外山乡安全生产委员会"]
    );
    assert_eq!(str_of(&j, "date"), "2023-04-20");
    assert_eq!(
        str_of(&fm(&s, "content/letters/yww-2023-20-fj1.md"), "type"),
        "pledge"
    );
    let jb = body(&s, "content/notices/yww-2023-20.md");
    assert!(
        jb.contains("### （一）集中宣传（2023年5月1日—6月30日）"),
        "{jb}"
    );
    assert!(jb.contains("**2.按时报送。**请于"), "{jb}");

    // GB18030 (a four-byte character), bare-digit date, a letter title with a space.
    assert!(err.contains("GB18030"), "{err}");
    let l = fm(&s, "content/letters/shouhu-pingan-gongzhu-yifengxin.md");
    assert_eq!(
        str_of(&l, "title"),
        "守护平安 共筑防线——致全乡生产经营单位的一封信"
    );
    assert_eq!(str_of(&l, "date"), "2023-04-06");
    assert!(
        body(&s, "content/letters/shouhu-pingan-gongzhu-yifengxin.md").contains("排查㐀类隐患")
    );

    // .docx: numbering, bold, a page-break split paragraph, a table, numbered slogans.
    let d = fm(&s, "content/notices/ywz-2024-9.md");
    assert_eq!(str_of(&d, "date"), "2024-06-03");
    assert_eq!(
        list(&d, "attachments"),
        ["ywz-2024-9-fj1", "ywz-2024-9-fj2"]
    );
    let db = body(&s, "content/notices/ywz-2024-9.md");
    assert!(
        db.contains("## 一、活动安排") && db.contains("## 二、有关要求"),
        "{db}"
    );
    assert!(
        db.contains("**加强组织领导。**各村各单位") && db.contains("落到实处，不走过场。"),
        "{db}"
    );
    assert!(
        db.contains("| 村别 | 场次 | 负责人 |\n| --- | --- | --- |\n| 外山村 | 2 | 林某 |"),
        "{db}"
    );
    assert_eq!(
        str_of(&fm(&s, "content/letters/ywz-2024-9-fj1.md"), "issuer"),
        "外山乡安全生产委员会办公室"
    );
    let ds = body(&s, "content/slogans/ywz-2024-9-fj2.md");
    assert_eq!(
        ds.trim(),
        "- 安全生产人人有责。\n- 隐患险于明火，防范胜于救灾。"
    );
}

#[test]
fn existing_files_are_kept_unless_forced() {
    let s = Site::empty();
    let f = Path::new(FIXTURES)
        .join("gb18030_letter.txt")
        .display()
        .to_string();
    s.run(&["import", &f]).ok();
    let path = "content/letters/shouhu-pingan-gongzhu-yifengxin.md";
    s.write(path, "mine\n");
    let r = s.run(&["import", &f]).fails(1);
    assert!(
        r.stderr.contains("已存在，未覆盖") && r.stderr.contains("--force"),
        "{}",
        r.stderr
    );
    assert_eq!(s.read(path), "mine\n");
    s.run(&["import", &f, "--force"]).ok();
    assert!(s.read(path).starts_with("---\ntype: letter"));
}

#[test]
fn campaign_phases_are_added_only_when_missing() {
    let s = Site::empty();
    s.write(
        "content/campaign.yaml",
        "title: 已有的专项行动\norg: 外山乡人民政府\nphases: []\n",
    );
    let f = Path::new(FIXTURES)
        .join("gbk_notice.txt")
        .display()
        .to_string();
    let r = s.run(&["import", &f, "--into", "."]).ok();
    assert!(r.stdout.contains("已把 3 个阶段写入"), "{}", r.stdout);
    let c = campaign(&s);
    assert_eq!(str_of(&c, "title"), "已有的专项行动");
    assert_eq!(c["phases"].as_array().unwrap().len(), 3);
    let r = s.run(&["import", &f, "--force"]).ok();
    assert!(r.stderr.contains("已有 3 个阶段"), "{}", r.stderr);
}

#[test]
fn unreadable_inputs_are_usage_errors() {
    let s = Site::empty();
    let r = s.run(&["import", "nosuch.txt"]).fails(2);
    assert!(
        r.stderr.contains("找不到要导入的文件 nosuch.txt"),
        "{}",
        r.stderr
    );
    s.write("old.doc", "binary");
    let r = s.run(&["import", "old.doc"]).fails(2);
    assert!(
        r.stderr.contains("另存为") && r.stderr.contains(".docx"),
        "{}",
        r.stderr
    );
    s.write("broken.docx", "not a zip");
    let r = s.run(&["import", "broken.docx"]).fails(2);
    assert!(r.stderr.contains("不是有效的 .docx 文件"), "{}", r.stderr);
    assert!(!s.file("content").exists());
}

/// issue 20 item 5: a `.docx` whose document.xml inflates past the limit is refused by name,
/// without being read whole, and nothing is written.
#[test]
fn docx_zip_bomb_is_refused() {
    use std::io::Write;
    let s = Site::empty();
    let file = std::fs::File::create(s.file("bomb.docx")).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("word/document.xml", opts).unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..80 {
        zip.write_all(&chunk).unwrap();
    }
    zip.finish().unwrap();
    assert!(std::fs::metadata(s.file("bomb.docx")).unwrap().len() < 2 << 20);
    let r = s.run(&["import", "bomb.docx"]).fails(2);
    assert!(
        r.stderr.contains("bomb.docx") && r.stderr.contains("压缩炸弹"),
        "{}",
        r.stderr
    );
    assert!(!s.file("content").exists());
}

/// issue 20 item 7b: UTF-16 without BOM is read as UTF-16, not as GBK garbage; bytes that
/// still decode to control characters are refused at their line and column.
#[test]
fn utf16_without_bom_and_control_characters() {
    let s = Site::empty();
    let text = "外山乡人民政府关于开展安全生产月宣传活动的通知\r\n\r\n各村委会，乡直各单位：\r\n\r\n请认真做好安全生产月宣传工作。\r\n\r\n外山乡人民政府\r\n2024年5月10日\r\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    s.write_bytes("u16.txt", &le);
    let r = s.run(&["import", "u16.txt"]).ok();
    assert!(r.stdout.contains("UTF-16LE"), "{}", r.stdout);
    let created = r.stdout.lines().nth(1).unwrap().trim().to_string();
    let rel = &created[created.find("content/").unwrap()..];
    let n = fm(&s, rel);
    assert_eq!(
        str_of(&n, "title"),
        "外山乡人民政府关于开展安全生产月宣传活动的通知"
    );
    assert!(!s.read(rel).contains('\0'));
    assert_eq!(s.run(&["build"]).code, 0);

    s.write_bytes("bin.txt", b"\xcd\xa8\xd6\xaa\n\xb8\xf7\x01\x02\x03\n");
    let r = s.run(&["import", "bin.txt"]).fails(2);
    assert!(
        r.stderr.contains("bin.txt:2:2") && r.stderr.contains("控制字符"),
        "{}",
        r.stderr
    );
    // A Word 97–2003 file renamed .docx or .txt is still refused as .doc.
    s.write_bytes("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 rest");
    let r = s.run(&["import", "old.docx"]).fails(2);
    assert!(r.stderr.contains("另存为"), "{}", r.stderr);
}

/// issue 20 item 9: import never writes through a symbolic link inside content/, `--force`
/// or not, and leaves the link's target untouched.
#[cfg(unix)]
#[test]
fn import_refuses_symlinks_in_content() {
    let s = Site::empty();
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(s.file("content")).unwrap();
    std::os::unix::fs::symlink(outside.path(), s.file("content/letters")).unwrap();
    let f = Path::new(FIXTURES)
        .join("gb18030_letter.txt")
        .display()
        .to_string();
    for args in [vec!["import", &f], vec!["import", &f, "--force"]] {
        let r = s.run(&args).fails(2);
        assert!(
            r.stderr.contains("content/letters") && r.stderr.contains("符号链接"),
            "{}",
            r.stderr
        );
    }
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);

    // A link standing where the file would go: its target keeps its text.
    std::fs::remove_file(s.file("content/letters")).unwrap();
    std::fs::create_dir_all(s.file("content/letters")).unwrap();
    let target = outside.path().join("precious.md");
    std::fs::write(&target, "mine\n").unwrap();
    std::os::unix::fs::symlink(
        &target,
        s.file("content/letters/shouhu-pingan-gongzhu-yifengxin.md"),
    )
    .unwrap();
    let r = s.run(&["import", &f, "--force"]).fails(2);
    assert!(r.stderr.contains("符号链接"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "mine\n");
}
