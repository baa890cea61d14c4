//! What a user sees if xuanguan itself fails (a panic, a bug of ours): one Chinese line that
//! names the file being processed and asks for a report, exit status 70 (`EX_SOFTWARE`), and
//! the previous output untouched (a build writes into a fresh folder that is only swapped in
//! after success; the half-written one is removed by the next build).
//!
//! The stages mark the file they work on with [`at`] (one line at the top of each per-file
//! step); the mark is per thread, so the parallel stages name the right file.

use std::cell::RefCell;
use std::process::ExitCode;

/// The exit status of an internal error.
pub const EXIT: u8 = 70;

thread_local! {
    static FILE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The mark of the file this thread works on, restored to the previous one when dropped.
pub struct At(Option<String>);

/// Marks `path` as the file this thread works on until the returned value is dropped.
pub fn at(path: impl std::fmt::Display) -> At {
    At(FILE.with(|f| f.replace(Some(path.to_string()))))
}

impl Drop for At {
    fn drop(&mut self) {
        let previous = self.0.take();
        FILE.with(|f| *f.borrow_mut() = previous);
    }
}

/// The line a user reads when xuanguan fails on `file` (or, unmarked, on their site).
pub fn message(file: Option<&str>) -> String {
    let place = match file {
        Some(f) => format!("处理 {f} 时"),
        None => "运行时".to_string(),
    };
    format!(
        "内部错误：xuanguan {place}出错了，这是程序的缺陷，不是您的文件写错了。上次生成的输出保持不变。请把这个文件和这行提示发给维护人员。"
    )
}

/// Replaces Rust's panic message (a backtrace in English) with [`message`]; the details stay
/// available to developers with `XUANGUAN_PANIC=1`.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let file = FILE.with(|f| f.borrow().clone());
        crate::ewriteln!("{}", message(file.as_deref()));
        if std::env::var_os("XUANGUAN_PANIC").is_some() {
            crate::ewriteln!("{info}");
        }
    }));
}

/// Runs `main`, turning a panic into [`EXIT`].
pub fn guard(main: impl FnOnce() -> ExitCode + std::panic::UnwindSafe) -> ExitCode {
    std::panic::catch_unwind(main).unwrap_or(ExitCode::from(EXIT))
}

/// A deliberate panic for the end-to-end test of this module (`XUANGUAN_TEST_PANIC=<file>`
/// makes the loader panic while it reads that file). Never set by users.
/// The variable is read once, not once per file.
pub fn test_panic(path: &str) {
    static AT: std::sync::OnceLock<Option<std::ffi::OsString>> = std::sync::OnceLock::new();
    let at = AT.get_or_init(|| std::env::var_os("XUANGUAN_TEST_PANIC"));
    if at.as_deref().is_some_and(|p| p == path) {
        panic!("XUANGUAN_TEST_PANIC");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_nest_and_restore() {
        let read = || FILE.with(|f| f.borrow().clone());
        {
            let _a = at("content/a.md");
            {
                let _b = at("content/b.md");
                assert_eq!(read().as_deref(), Some("content/b.md"));
            }
            assert_eq!(read().as_deref(), Some("content/a.md"));
        }
        assert_eq!(read(), None);
        assert!(message(Some("content/a.md")).contains("处理 content/a.md 时"));
    }
}
