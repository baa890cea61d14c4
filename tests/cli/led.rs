//! The LED feed end to end: `build` writes `output/led/` that `check_led_feed.py --strict`
//! accepts, `xuanguan led` prints one screen, and bad characters stop the build at their line.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::harness::{ROOT, Site, bin, snapshot};

/// `../shared/tools/check_led_feed.py` next to the repository (or next to its worktree folder).
fn checker() -> PathBuf {
    let root = Path::new(ROOT);
    [
        root.join("../shared/tools"),
        root.join("../../shared/tools"),
    ]
    .into_iter()
    .map(|d| d.join("check_led_feed.py"))
    .find(|p| p.is_file())
    .expect("../shared/tools/check_led_feed.py next to the repository")
}

fn check_strict(feed: &Path) -> (bool, String) {
    let o = Command::new("python3")
        .arg(checker())
        .arg(feed)
        .arg("--strict")
        .output()
        .expect("python3");
    let report =
        String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    (o.status.success(), report)
}

#[test]
fn example_feed_passes_the_validator_strictly() {
    let s = Site::example();
    s.run(&["build", "--today", "2026-09-15"]).ok();
    for f in ["zhen-menkou", "cun-gonggao", "lukou-paomadeng"] {
        for ext in ["json", "txt", "html"] {
            assert!(
                s.file(&format!("output/led/{f}.{ext}")).is_file(),
                "{f}.{ext}"
            );
        }
    }
    assert!(s.file("output/led/screens.json").is_file());
    assert!(s.read("output/led/index.html").contains("led-feeds"));
    let (ok, report) = check_strict(&s.file("output/led"));
    assert!(ok, "{report}");
    assert!(report.contains("0 error(s), 0 warning(s)"), "{report}");
    // 16×1, 8×2 and a 12×1 scroller.
    let screens: serde_json::Value =
        serde_json::from_str(&s.read("output/led/screens.json")).unwrap();
    let geo: Vec<(u64, u64, &str)> = screens["screens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["cols"].as_u64().unwrap(),
                x["rows"].as_u64().unwrap(),
                x["effect"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        geo,
        [(16, 1, "static"), (8, 2, "move_up"), (12, 1, "scroll_left")]
    );
}

#[test]
fn led_command_prints_one_screen() {
    let s = Site::example();
    s.run(&["build", "--today", "2026-09-15"]).ok();
    let o = bin()
        .args([
            "led",
            "--screen",
            "cun-gonggao",
            "--date",
            "2026-09-15",
            "--format",
            "txt",
        ])
        .current_dir(s.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        o.stdout,
        std::fs::read(s.file("output/led/cun-gonggao.txt")).unwrap()
    );
    let text = encoding_rs::GBK.decode_without_bom_handling(&o.stdout).0;
    assert!(text.contains("\r\n") && !text.ends_with('\n'), "{text}");
    assert!(
        std::str::from_utf8(&o.stdout).is_err(),
        "TXT is GBK, not UTF-8"
    );

    let r = s.run(&["led", "--date", "2026-09-15"]).ok();
    let feed: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(feed["schema"], "led-feed/1");
    assert_eq!(feed["screen"]["id"], "zhen-menkou");
    assert_eq!(feed["date"], "2026-09-15");

    let r = s.run(&["led", "--screen", "nope"]).fails(2);
    assert!(
        r.stderr.contains("没有编号为“nope”的屏幕") && r.stderr.contains("zhen-menkou"),
        "{}",
        r.stderr
    );
}

#[test]
fn led_command_into_a_closed_pipe_is_success() {
    let s = Site::example();
    let mut child = bin()
        .args(["led", "--date", "2026-09-15"])
        .current_dir(s.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // like `xuanguan led | head -c0`
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn unencodable_character_stops_the_build_at_its_line() {
    let s = Site::example();
    s.run(&["build", "--today", "2026-09-15"]).ok();
    let before = snapshot(&s.file("output"));
    let path = "content/slogans/biaoyu.md";
    let text = s
        .read(path)
        .replace("人人讲安全，个个会应急。", "人人讲安全👷，个个会应急。");
    s.write(path, &text);
    let line = text.lines().position(|l| l.contains('👷')).unwrap() + 1;
    let r = s.run(&["build", "--today", "2026-09-15"]).fails(1);
    let at = format!(
        "{path}:{line}:9: 错误[led-encoding]: “👷”（U+1F477）无法用屏幕“zhen-menkou”的编码 GB2312 表示"
    );
    assert!(r.stderr.contains(&at), "{at}\n{}", r.stderr);
    assert!(r.stderr.contains("修改建议"), "{}", r.stderr);
    assert_eq!(
        snapshot(&s.file("output")),
        before,
        "a failed build leaves output/ as it was"
    );
}

#[test]
fn screen_config_mistakes_point_into_campaign_yaml() {
    let s = Site::example();
    let c = s
        .read("content/campaign.yaml")
        .replace("      effect: move_up\n", "      effect: blink\n");
    s.write("content/campaign.yaml", &c);
    let line = c.lines().position(|l| l.contains("effect: blink")).unwrap() + 1;
    let r = s.run(&["build", "--today", "2026-09-15"]).fails(1);
    let at = format!(
        "content/campaign.yaml:{line}:7: 错误[led-config]: led.screens 第 2 项的 effect：未知的特效“blink”"
    );
    assert!(r.stderr.contains(&at), "{at}\n{}", r.stderr);
}

#[test]
fn a_dark_screen_is_reported_at_its_entry_in_campaign_yaml() {
    let s = Site::example();
    let c = s.read("content/campaign.yaml");
    // Every slogan of the example has expired by 2030.
    let r = s.run(&["build", "--today", "2030-01-01"]).ok();
    for id in ["zhen-menkou", "cun-gonggao", "lukou-paomadeng"] {
        let line = c
            .lines()
            .position(|l| l.contains(&format!("- id: {id}")))
            .unwrap()
            + 1;
        let name = c
            .lines()
            .nth(line)
            .unwrap()
            .trim()
            .trim_start_matches("name: ");
        let at = format!("content/campaign.yaml:{line}:7: 警告[led-empty]: 屏幕“{name}”（{id}）");
        assert!(r.stderr.contains(&at), "{at}\n{}", r.stderr);
    }
    assert!(!r.stderr.contains("campaign.yaml: 警告"), "{}", r.stderr);
    // A dark screen's cycle lasts 0 seconds, not -0 (a float sum of nothing is -0.0).
    let feed = s.read("output/led/zhen-menkou.json");
    assert!(feed.contains("\"cycle_seconds\": 0.0,"), "{feed}");
}

#[test]
fn slogan_set_without_a_list_is_reported() {
    let s = Site::example();
    let path = "content/slogans/biaoyu.md";
    let text = s.read(path);
    let body = text.find("\n1. ").unwrap();
    // The seeds' style: "1.安全…" without a space is a paragraph, not a list.
    let fixed =
        text[..body].to_string() + &text[body..].replace("\n1. ", "\n1.").replace(". ", ".");
    s.write(path, &fixed);
    s.run(&["build", "--today", "2026-09-15"]).ok();
    let r = s.run(&["check"]);
    assert!(
        r.stdout.contains("content/slogans/biaoyu.md:")
            && r.stdout.contains("标语集的正文中没有列表项"),
        "{}",
        r.stdout
    );
    s.run(&["build", "--today", "2026-09-15", "--strict"])
        .fails(1);
}

#[test]
fn items_marked_led_true_join_the_feed_in_their_phase() {
    let s = Site::example();
    let path = "content/notices/peixun-tongzhi.md";
    let text = s.read(path).replacen(
        "summary: 镇安委办定于2026年11月分两期举办安全生产标准化提升专题培训班，重点企业主要负责人和安全管理人员须全员参训。",
        "summary: 11月安全生产标准化提升专题培训班，重点企业须全员参训。\nled: true\nscreens: [zhen-menkou]",
        1,
    );
    s.write(path, &text);
    let line = text
        .lines()
        .position(|l| l.starts_with("summary:"))
        .unwrap()
        + 1;
    // Phase peixun runs 2026-10-01 … 2026-12-31: the notice shows then, and only on the door screen.
    s.run(&["build", "--today", "2026-10-15"]).ok();
    let door: serde_json::Value =
        serde_json::from_str(&s.read("output/led/zhen-menkou.json")).unwrap();
    let notice: Vec<&serde_json::Value> = door["slides"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["source"]["kind"] == "notice")
        .collect();
    assert_eq!(notice.len(), 2, "{notice:?}");
    assert_eq!(notice[0]["source"]["path"], path);
    assert_eq!(notice[0]["source"]["line"], line);
    assert_eq!(
        (
            notice[0]["valid_from"].as_str(),
            notice[0]["valid_until"].as_str()
        ),
        (Some("2026-10-01"), Some("2026-12-31"))
    );
    assert!(!s.read("output/led/cun-gonggao.json").contains("专题培训班"));
    let (ok, report) = check_strict(&s.file("output/led"));
    assert!(ok, "{report}");
    s.run(&["build", "--today", "2026-09-15"]).ok();
    assert!(!s.read("output/led/zhen-menkou.json").contains("专题培训班"));
}

/// The date in Beijing time now (what "today" means everywhere in the tool).
fn beijing_today() -> String {
    (chrono::Utc::now() + chrono::Duration::hours(8))
        .format("%Y-%m-%d")
        .to_string()
}

#[test]
fn the_feed_date_is_the_beijing_date_in_any_time_zone() {
    let s = Site::example();
    // Samoa (UTC−11) and Kiribati (UTC+14) are on different dates most of the day; Beijing's
    // date is the one the feed carries, its time stamp on the same date.
    for tz in ["Pacific/Pago_Pago", "Pacific/Kiritimati", "UTC"] {
        let before = beijing_today();
        let o = bin()
            .args(["led", "--screen", "zhen-menkou"])
            .current_dir(s.path())
            .env("TZ", tz)
            .output()
            .expect("run xuanguan led");
        let after = beijing_today();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let feed: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let date = feed["date"].as_str().unwrap();
        assert!(
            date == before || date == after,
            "TZ={tz}: {date} ≠ {before}"
        );
        let generated = feed["generated"].as_str().unwrap();
        assert!(
            generated.starts_with(date) && generated.ends_with("+08:00"),
            "TZ={tz}: generated {generated} on another day than {date}"
        );
    }
}
