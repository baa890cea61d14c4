//! Opt-in stage timings (`XUANGUAN_TIMINGS=1`), printed to stderr, for the benchmark and for
//! finding where a slow build spends its time and memory (the process's resident and peak
//! resident size after each stage; stages that run side by side share them).

use std::sync::OnceLock;
use std::time::Instant;

fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("XUANGUAN_TIMINGS").is_some())
}

/// Runs `f`, printing how long it took when timings are enabled.
pub fn stage<T>(name: &str, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let t = Instant::now();
    let r = f();
    crate::ewriteln!(
        "[timing] {name}: {:.3} s (rss {} MiB, peak {} MiB)",
        t.elapsed().as_secs_f64(),
        status_mib("VmRSS:"),
        status_mib("VmHWM:")
    );
    r
}

/// A size line of /proc/self/status in MiB (0 where there is none).
fn status_mib(key: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb / 1024)
}
