//! Renderer tests: whole feeds written to disk and validated by `check_led_feed.py --strict`.

use super::*;
use chrono::TimeZone;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The shared folder (seeds, tools) next to the repository or next to its worktree folder.
pub(crate) fn shared_dir() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [root.join("../shared"), root.join("../../shared")]
        .into_iter()
        .find(|p| p.join("tools").is_dir())
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Door 16×1 (GB2312 font card), village 8×2 moving up, crossroads 12×1 scroller.
pub(crate) fn sample_screens() -> Vec<Screen> {
    let yaml = serde_json::json!({"screens": [
        {"id": "door", "name": "镇政府门头屏（P10 单红 8×1 模组）", "width_px": 256, "height_px": 16,
         "font_px": 16, "encoding": "gb2312"},
        {"id": "village", "name": "村委会公告屏（P10 4×2 模组）", "cols": 8, "rows": 2, "effect": "move_up"},
        {"id": "scroller", "name": "路口跑马灯（P10 6×1 模组）", "width_px": 192, "height_px": 16,
         "effect": "scroll_left", "color": "#ffd200"},
    ]});
    let (screens, diags) = parse_screens(Some(&yaml), "content/campaign.yaml", &|_| (1, 1));
    assert!(diags.is_empty(), "{diags:?}");
    screens
}

pub(crate) fn slogan(path: &str, line: usize, item: usize, text: &str) -> SloganSource {
    SloganSource {
        path: path.into(),
        line,
        col: 3,
        item,
        kind: "slogan".into(),
        text: text.into(),
        set_slug: "biaozhunhua".into(),
        set_title: "安全生产标准化宣传标语".into(),
        valid_from: Some(d("2025-05-20")),
        valid_until: Some(d("2025-07-31")),
        phase: Some("造强宣传声势".into()),
        ..Default::default()
    }
}

pub(crate) fn sample_slogans() -> Vec<SloganSource> {
    let p = "content/slogans/biaozhunhua.md";
    let mut v = vec![
        slogan(p, 6, 1, "安全生产标准化——企业长远发展的需要。"),
        slogan(p, 7, 2, "安全第一，预防为主，综合治理。"),
        slogan(
            p,
            8,
            3,
            "“安全生产月”活动6月1日起开展，人人讲安全、个个会应急。",
        ),
        slogan(
            p,
            9,
            4,
            "全面推进安全生产标准化建设，落实企业安全生产主体责任。",
        ),
        slogan(p, 10, 5, "安全生产举报投诉电话：12350"),
        slogan(
            p,
            11,
            6,
            "你重视，我参与，安全标准一起抓；齐努力，共谋划，安全生产靠大家。",
        ),
    ];
    let mut old = slogan("content/slogans/old.md", 5, 1, "去年的标语已经过期。");
    (old.valid_from, old.valid_until) = (Some(d("2024-06-01")), Some(d("2024-06-30")));
    v.push(old);
    v
}

pub(crate) fn render_sample(screens: &[Screen], slogans: &[SloganSource]) -> LedOutput {
    render_on(screens, slogans, d("2025-06-10"))
}

pub(crate) fn render_on(
    screens: &[Screen],
    slogans: &[SloganSource],
    date: NaiveDate,
) -> LedOutput {
    let generated = cst()
        .from_local_datetime(&date.and_hms_opt(6, 0, 0).unwrap())
        .unwrap();
    render(&LedInput {
        campaign_path: "content/campaign.yaml",
        campaign_title: "外山乡安全生产标准化提升专项行动",
        screens,
        screen_at: &|_| (1, 1),
        slogans,
        phases: &[],
        date,
        generated,
        lexicon: Lexicon::builtin(),
        engine: Some(engine()),
    })
}

/// The default theme's template engine, built once.
pub(crate) fn engine() -> &'static tera::Tera {
    static ENGINE: std::sync::OnceLock<tera::Tera> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| {
        crate::render::engine(&crate::theme::Theme::builtin()).expect("default theme")
    })
}

pub(crate) fn write(out: &LedOutput, dir: &Path) {
    for (p, bytes) in &out.files {
        let path = dir.join(p);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

/// Runs the validator; returns (success, report).
fn check(dir: &Path) -> (bool, String) {
    let tool = shared_dir()
        .expect("shared/tools next to the repository")
        .join("tools/check_led_feed.py");
    let o = Command::new("python3")
        .arg(tool)
        .arg(dir.join("led"))
        .arg("--strict")
        .output()
        .expect("python3");
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr),
    )
}

#[test]
fn sample_feed_passes_the_validator_strictly() {
    let screens = sample_screens();
    let out = render_sample(&screens, &sample_slogans());
    assert!(out.diagnostics.is_empty(), "{:#?}", out.diagnostics);
    let dir = tempfile::tempdir().unwrap();
    write(&out, dir.path());
    if let Some(keep) = std::env::var_os("XUANGUAN_KEEP_LED") {
        write(&out, Path::new(&keep)); // for looking at the files by hand
    }
    let (ok, report) = check(dir.path());
    assert!(ok, "{report}");
    assert!(report.contains("0 error(s), 0 warning(s)"), "{report}");
}

#[test]
fn files_follow_the_format() {
    let out = render_sample(&sample_screens(), &sample_slogans());
    let names: Vec<&str> = out.files.iter().map(|f| f.0.as_str()).collect();
    for n in [
        "led/door.json",
        "led/door.txt",
        "led/door.html",
        "led/village.txt",
        "led/scroller.html",
        "led/screens.json",
        "led/index.html",
    ] {
        assert!(names.contains(&n), "{n} in {names:?}");
    }
    let door = out.file("led/door.txt").unwrap();
    let text = encoding_rs::GBK.decode_without_bom_handling(door).0;
    assert!(
        text.starts_with("安全生产标准化——\r\n企业长远发展的需要。\r\n"),
        "{text}"
    );
    assert!(!text.ends_with('\n') && !text.contains("&#"));
    let village = encoding_rs::GBK
        .decode_without_bom_handling(out.file("led/village.txt").unwrap())
        .0;
    assert!(
        village.contains("\r\n综合治理。\r\n\u{3000}\r\n"),
        "{village}"
    );
    let feed: serde_json::Value =
        serde_json::from_slice(out.file("led/scroller.json").unwrap()).unwrap();
    assert_eq!(feed["txt"]["layout"], "lines");
    assert_eq!(feed["slides"][0]["seconds"], 15.5); // (19 + 12) / 2 chars/s, led-feed.md §3.3
    assert_eq!(feed["slides"].as_array().unwrap().len(), 6); // last year's slogan is not shown
}

#[test]
fn unencodable_characters_are_errors_at_their_place() {
    let mut s = sample_slogans();
    s.push(slogan(
        "content/slogans/names.md",
        12,
        1,
        "向张喆同志学习👷",
    ));
    let out = render_sample(&sample_screens(), &s);
    let shown: Vec<String> = out.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        shown
            .iter()
            .any(|d| d.starts_with("content/slogans/names.md:12:5: 错误") && d.contains("“喆”")),
        "{shown:#?}"
    );
    assert!(
        shown
            .iter()
            .any(|d| d.starts_with("content/slogans/names.md:12:10: 错误") && d.contains("👷")),
        "{shown:#?}"
    );
    for (p, b) in &out.files {
        assert!(!String::from_utf8_lossy(b).contains("&#"), "{p}");
    }
    let txt = out.file("led/door.txt").unwrap();
    assert!(
        !encoding_rs::GBK
            .decode_without_bom_handling(txt)
            .0
            .contains("张")
    );
}

#[test]
fn problems_are_reported_with_hints() {
    let mut s = sample_slogans();
    s.push(slogan(
        "content/slogans/b.md",
        3,
        1,
        "安全第一，预防为主，综合治理。",
    ));
    s.push(slogan(
        "content/slogans/b.md",
        4,
        2,
        "安全生产标准化——你我健康的安全保证，企业长远发展的需要，社会和谐稳定的基础。",
    ));
    s.push(slogan("content/slogans/b.md", 5, 3, "注意安全,小心驾驶"));
    let out = render_sample(&sample_screens(), &s);
    let lints: Vec<&str> = out.diagnostics.iter().map(|d| d.lint).collect();
    for l in [
        "led-duplicate",
        "led-parts",
        "led-fragment",
        "led-ascii-punct",
    ] {
        assert!(lints.contains(&l), "{l} in {lints:?}");
    }
    assert!(out.diagnostics.iter().all(|d| d.hint.is_some()));
}

#[test]
fn seed_and_hard_slogans_pass_the_validator_on_many_screens() {
    let yaml = serde_json::json!({"screens": [
        {"id": "s16x1", "cols": 16}, {"id": "s8x2", "cols": 8, "rows": 2, "effect": "move_up"},
        {"id": "s12x1", "cols": 12, "effect": "scroll_left"}, {"id": "s10x3", "cols": 10, "rows": 3},
        {"id": "s6x1", "cols": 6, "max_parts": 12}, {"id": "s20x2", "cols": 20, "rows": 2, "encoding": "utf-8-sig"},
    ]});
    let (screens, diags) = parse_screens(Some(&yaml), "content/campaign.yaml", &|_| (1, 1));
    assert!(diags.is_empty(), "{diags:?}");
    // "GB/T 33000" (a space inside a standard number) cannot satisfy the checker on 20 columns:
    // it counts the space as a clause boundary and also forbids breaking there.
    let hard = super::split::tests::HARD
        .iter()
        .filter(|t| !t.contains("GB/T "));
    let texts = super::split::tests::SEED_SLOGANS.iter().chain(hard);
    let slogans: Vec<SloganSource> = texts
        .enumerate()
        .map(|(i, t)| slogan("content/slogans/all.md", i + 3, i + 1, t))
        .collect();
    let out = render_sample(&screens, &slogans);
    let dir = tempfile::tempdir().unwrap();
    write(&out, dir.path());
    let tool = shared_dir()
        .expect("shared/tools")
        .join("tools/check_led_feed.py");
    let o = Command::new("python3")
        .arg(tool)
        .arg(dir.path().join("led"))
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{report}");
    // The warnings are about the content itself (shared fragments, long slogans), and one
    // deliberate trade-off: on 10×3 a 24-column run of protected terms takes a fourth line
    // rather than a break inside a term, so it continues on the next slide.
    for line in report.lines().filter(|l| l.starts_with("WARN")) {
        let content = line.contains("W-DUP-FRAGMENT") || line.contains("W-PARTS");
        let tradeoff = line.contains("W-SPLIT-CLAUSE") && line.contains("双重预防机制");
        assert!(content || tradeoff, "{line}");
    }
}

#[test]
fn feed_stamp_is_on_the_feed_date() {
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-02T23:30:00+08:00").unwrap();
    let d = chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
    let s = super::stamp(d, now);
    assert_eq!(s.to_rfc3339(), "2026-05-01T23:30:00+08:00");
}
