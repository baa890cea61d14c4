//! Opt-in stage timings (`XUANGUAN_TIMINGS=1`), printed to stderr, for the benchmark and for
//! finding where a slow build spends its time.

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
    crate::ewriteln!("[timing] {name}: {:.3} s", t.elapsed().as_secs_f64());
    r
}
