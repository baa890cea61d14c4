//! Faults (issue 10, item 4): an output folder that cannot be written, a full disk, a build
//! killed with SIGKILL — each leaves the previous `output/` byte-identical and says what
//! happened. Real read-only and full file systems need a tmpfs mount (root with
//! CAP_SYS_ADMIN); without it those two cases say so and the portable variants still run.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{ROOT, Site, bin, run_in, snapshot};

/// A small tmpfs mounted for one test, unmounted on drop.
struct Tmpfs(PathBuf, #[allow(dead_code)] tempfile::TempDir);

impl Tmpfs {
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            eprintln!("skipped: cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)");
            return None;
        }
        Some(Tmpfs(dir.path().to_path_buf(), dir))
    }
    fn read_only(&self) {
        let ok = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "remount read-only");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn leftovers(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(".output."))
                .collect()
        })
        .unwrap_or_default()
}

type Snapshot = Vec<(PathBuf, Vec<u8>)>;

/// The paths that differ between two snapshots (not their bytes: pages are long).
fn changed(a: &Snapshot, b: &Snapshot) -> String {
    let names = |s: &Snapshot| s.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
    let mut diff: Vec<String> = a
        .iter()
        .filter(|x| !b.contains(x))
        .map(|(p, _)| p.display().to_string())
        .collect();
    diff.extend(
        names(b)
            .into_iter()
            .filter(|p| !names(a).contains(p))
            .map(|p| format!("+{}", p.display())),
    );
    diff.join(", ")
}

#[track_caller]
fn fails_and_keeps(s: &Site, out: &Path, args: &[&str], words: &[&str]) {
    let before = snapshot(out);
    assert!(!before.is_empty());
    let o = out.to_str().unwrap();
    let mut all = vec!["build", "-o", o];
    all.extend_from_slice(args);
    let r = s.run(&all).fails(2);
    for w in words {
        assert!(r.stderr.contains(w), "expected “{w}” in\n{}", r.stderr);
    }
    let after = snapshot(out);
    assert!(
        after == before,
        "previous output changed: {}",
        changed(&before, &after)
    );
}

#[test]
fn output_under_a_file_fails_clearly() {
    let s = Site::fixture("minimal");
    s.write("not-a-folder", "x");
    let r = s.run(&["build", "-o", "not-a-folder/output"]).fails(2);
    assert!(r.stderr.contains("not-a-folder"), "{}", r.stderr);
    assert_eq!(s.read("not-a-folder"), "x");
}

#[test]
fn a_read_only_output_folder_keeps_the_previous_output() {
    let s = Site::fixture("minimal");
    let Some(fs) = Tmpfs::mount("16m") else {
        return;
    };
    let out = fs.0.join("output");
    s.run(&["build", "-o", out.to_str().unwrap()]).ok();
    s.write("content/news/new.md", "---\ntitle: 新\n---\n\n正文。\n");
    fs.read_only();
    fails_and_keeps(&s, &out, &[], &["无法", "只读"]);
}

#[test]
fn a_full_disk_keeps_the_previous_output_and_cleans_up() {
    let s = Site::fixture("minimal");
    let Some(fs) = Tmpfs::mount("2m") else {
        return;
    };
    let out = fs.0.join("output");
    s.run(&["build", "-o", out.to_str().unwrap()]).ok();
    let big: Vec<u8> = (0..3_000_000u64).map(|i| (i * 7919 % 251) as u8).collect();
    s.write_bytes("content/static/big.bin", &big);
    fails_and_keeps(&s, &out, &[], &["磁盘已满"]);
    assert!(leftovers(&fs.0).is_empty(), "{:?}", leftovers(&fs.0));
    std::fs::remove_file(s.file("content/static/big.bin")).unwrap();
    s.run(&["build", "-o", out.to_str().unwrap()]).ok();
}

/// Without root: the file-size limit (`ulimit -f`) makes writes fail the way a full disk does.
#[test]
fn a_write_that_fails_half_way_keeps_the_previous_output() {
    let s = Site::fixture("minimal");
    s.run(&["build"]).ok();
    let before = snapshot(&s.file("output"));
    s.write_bytes("content/static/big.bin", &vec![7u8; 4_000_000]);
    let exe = env!("CARGO_BIN_EXE_xuanguan");
    let r = Command::new("sh")
        .arg("-c")
        .arg(format!("trap '' XFSZ; ulimit -f 2000; exec '{exe}' build"))
        .current_dir(s.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("无法写入"), "{stderr}");
    let after = snapshot(&s.file("output"));
    assert!(
        after == before,
        "output changed: {}",
        changed(&before, &after)
    );
    assert!(leftovers(s.path()).is_empty(), "{:?}", leftovers(s.path()));
}

/// `kill -9` at many moments of a build of a large corpus: `output/` is always the previous
/// build, byte for byte, and the next build cleans up and succeeds.
#[test]
fn kill_9_mid_build_keeps_the_previous_output() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let ok = Command::new("python3")
        .arg(Path::new(ROOT).join("bench/gen_corpus.py"))
        .args(["400", site.to_str().unwrap()])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "bench/gen_corpus.py");
    let out = site.join("output");
    let started = Instant::now();
    run_in(&site, &["build"]).ok();
    let full = started.elapsed();
    // Taken after the timed build: feeds carry the time they were generated.
    let mut before = snapshot(&out);
    let page = std::fs::read_dir(site.join("content/news"))
        .unwrap()
        .flatten()
        .next()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, text.replacen("title: ", "title: 改动", 1)).unwrap();
    let (mut killed, mut mid_write, mut swapped) = (0, 0, 0);
    for i in 0..24u32 {
        let mut child = bin()
            .arg("build")
            .current_dir(&site)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        if i % 2 == 0 {
            // Early: while loading, checking or rendering.
            std::thread::sleep(full * (i % 8 + 1) / 10);
        } else {
            // While writing: once the temporary folder exists, a little later each time.
            let until = Instant::now() + Duration::from_secs(60);
            while leftovers(&site).is_empty()
                && child.try_wait().unwrap().is_none()
                && Instant::now() < until
            {
                std::thread::sleep(Duration::from_millis(2));
            }
            // A few ms later each time, short enough that most kills land mid-write even when
            // the machine is busy with the other tests.
            std::thread::sleep(Duration::from_millis(u64::from(i * 3 % 12)));
        }
        let writing = !leftovers(&site).is_empty();
        if child.try_wait().unwrap().is_some() {
            before = snapshot(&out); // finished before the kill: a complete new build
            continue;
        }
        let _ = child.kill();
        let _ = child.wait();
        killed += 1;
        mid_write += usize::from(writing);
        let after = snapshot(&out);
        if after != before {
            // Killed after the swap (while removing the old folder): the new build is there
            // whole — the same files as before, with the edit — never a mix.
            let paths = |s: &Snapshot| s.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
            let edited = after
                .iter()
                .any(|(_, b)| String::from_utf8_lossy(b).contains("改动"));
            assert!(
                paths(&after) == paths(&before) && edited,
                "kill {i} (build takes {full:?}) left a partial output/: {}",
                changed(&before, &after)
            );
            swapped += 1;
            before = after;
        }
        if killed >= 8 && mid_write >= 3 {
            break;
        }
    }
    eprintln!(
        "{killed} builds killed, {mid_write} while writing their output, {swapped} after the swap"
    );
    assert!(
        killed >= 4 && mid_write >= 1,
        "{killed} kills, {mid_write} mid-write"
    );
    run_in(&site, &["build"]).ok();
    let has_edit = snapshot(&out)
        .iter()
        .any(|(_, b)| String::from_utf8_lossy(b).contains("改动"));
    assert!(has_edit, "the build after the kills is not the edited site");
    assert!(leftovers(&site).is_empty(), "{:?}", leftovers(&site));
}

/// Should xuanguan itself fail (a panic: a bug of ours), the user reads one Chinese line naming
/// the file, the exit status is 70, and the previous output is untouched. The panic is injected
/// while the loader reads one file (`XUANGUAN_TEST_PANIC`, see `src/crash.rs`).
#[test]
fn an_internal_error_names_the_file_exits_70_and_keeps_the_output() {
    let s = Site::example();
    s.run(&["build", "--today", "2026-11-23"]).ok();
    let before = snapshot(&s.file("output"));
    let out = bin()
        .args(["build", "--today", "2026-11-23"])
        .current_dir(s.path())
        .env("XUANGUAN_TEST_PANIC", "content/news/dongyuanhui.md")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(70), "{stderr}");
    assert!(
        stderr.contains("内部错误：xuanguan 处理 content/news/dongyuanhui.md 时出错了"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{stderr}"
    );
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(
        snapshot(&s.file("output")) == before,
        "the previous output changed"
    );
}
