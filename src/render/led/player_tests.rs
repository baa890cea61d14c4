//! The kiosk player opened from disk in headless Chromium: it shows the first slide and
//! advances to the second. Set XUANGUAN_SCREENSHOTS=DIR to keep the screenshots.

use super::tests::{render_on, sample_screens, sample_slogans, write};
use super::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> PathBuf {
    for name in [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ] {
        if let Ok(o) = Command::new("which").arg(name).output()
            && o.status.success()
        {
            return PathBuf::from(String::from_utf8_lossy(&o.stdout).trim());
        }
    }
    panic!("chromium not found: apt-get install -y chromium fonts-noto-cjk");
}

/// Runs headless Chromium on `page` for `ms` of virtual time; `mode` is `--dump-dom` or
/// `--screenshot=…`. The player draws into the `w`×`h` box at the top left (the sending-card
/// capture area of led-feed.md §2.5): headless Chromium's viewport is smaller than its window,
/// so the window is made larger than the box. Returns stdout.
fn run(page: &Path, ms: u64, mode: &str, w: u32, h: u32) -> String {
    let profile = tempfile::tempdir().unwrap();
    let o = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
        ])
        .args([
            "--disable-component-update",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--window-size={},{}", w + 40, h + 240))
        .arg(format!("--virtual-time-budget={ms}"))
        .arg(mode)
        .arg(format!("file://{}#x=0&y=0&w={w}&h={h}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn shown_slide(dom: &str) -> &str {
    let at = dom
        .find("data-slide=\"")
        .expect("the stage carries data-slide")
        + 12;
    &dom[at..at + dom[at..].find('"').unwrap()]
}

#[test]
fn kiosk_player_shows_the_first_slide_then_the_second() {
    // The player filters by the PC clock, so the slogans must be valid today.
    let today = now_cst().date_naive();
    let mut slogans = sample_slogans();
    for s in &mut slogans {
        s.valid_from = today.checked_sub_days(chrono::Days::new(10));
        s.valid_until = today.checked_add_days(chrono::Days::new(30));
    }
    slogans.retain(|s| !s.path.ends_with("old.md"));
    let mut out = render_on(&sample_screens(), &slogans, today);
    out = LedOutput {
        files: out.files,
        ..Default::default()
    };
    let dir = tempfile::tempdir().unwrap();
    write(&out, dir.path());
    let page = dir.path().join("led/door.html");
    let feed: serde_json::Value =
        serde_json::from_slice(out.file("led/door.json").unwrap()).unwrap();
    let slides = feed["slides"].as_array().unwrap();
    let first_ms = (slides[0]["seconds"].as_f64().unwrap() * 1000.0) as u64;

    let dom1 = run(&page, 1000, "--dump-dom", 512, 32);
    assert_eq!(shown_slide(&dom1), slides[0]["id"].as_str().unwrap());
    assert!(dom1.contains(&format!(">{}</span>", slides[0]["text"].as_str().unwrap())));
    let dom2 = run(&page, first_ms + 1000, "--dump-dom", 512, 32);
    assert_eq!(shown_slide(&dom2), slides[1]["id"].as_str().unwrap());
    assert!(dom2.contains(&format!(">{}</span>", slides[1]["text"].as_str().unwrap())));

    let keep = std::env::var_os("XUANGUAN_SCREENSHOTS").map(PathBuf::from);
    let shots = keep.clone().unwrap_or_else(|| dir.path().to_path_buf());
    std::fs::create_dir_all(&shots).unwrap();
    let (a, b) = (shots.join("door-1.png"), shots.join("door-2.png"));
    run(
        &page,
        1000,
        &format!("--screenshot={}", a.display()),
        512,
        32,
    );
    run(
        &page,
        first_ms + 1000,
        &format!("--screenshot={}", b.display()),
        512,
        32,
    );
    let (pa, pb) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    // A black 512×32 PNG is about 200 bytes; lit text makes it much larger.
    assert!(
        pa.len() > 1000 && pb.len() > 1000,
        "{} / {} bytes",
        pa.len(),
        pb.len()
    );
    assert_ne!(pa, pb, "the screen changed between the two slides");
    let village = dir.path().join("led/village.html");
    run(
        &village,
        1500,
        &format!("--screenshot={}", shots.join("village-1.png").display()),
        512,
        128,
    );
    let scroller = dir.path().join("led/scroller.html");
    run(
        &scroller,
        3000,
        &format!("--screenshot={}", shots.join("scroller.png").display()),
        768,
        64,
    );
    let index = dir.path().join("led/index.html");
    run(
        &index,
        1500,
        &format!("--screenshot={}", shots.join("index.png").display()),
        1000,
        900,
    );
}
