//! Diagnostics: every problem a user must fix, located at `path:line:col` in *their* file.
//!
//! Lines and columns are 1-based; columns count characters (not bytes), which is what an
//! editor such as Notepad or VS Code shows in its status bar.
//!
//! Complexity: [`line_col`] is O(offset) (it counts the lines and characters before the
//! offset), for one-off messages. [`LineIndex::new`] is one pass over the bytes, and
//! [`LineIndex::line_col`] a binary search among the line starts plus the characters between
//! the line start (or the previous lookup on the same line, when offsets come in increasing
//! order) and the offset: locating f sorted offsets in n bytes is O(n + f·log L) for L lines.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed: fails `build` (front matter, publishing) or `check`.
    Error,
    /// Should be fixed: printed by `build`, an error under `--strict`.
    Warning,
    /// Worth a look; never fails anything.
    Info,
}

impl Severity {
    /// The Chinese word shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

impl AsRef<Diagnostic> for Diagnostic {
    fn as_ref(&self) -> &Diagnostic {
        self
    }
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// Path relative to the site directory, with `/` separators (e.g. `content/news/a.md`).
    pub path: String,
    /// 1-based line in the file (0 when the problem concerns the whole file).
    pub line: usize,
    /// 1-based column in characters (0 when unknown).
    pub col: usize,
    /// Stable id of the rule, e.g. `front-matter`, `slug-collision`, `repeated-word`.
    pub lint: &'static str,
    pub severity: Severity,
    /// What is wrong, in Chinese.
    pub message: String,
    /// How to fix it, in Chinese (not part of the JSON output's `message`).
    #[serde(skip)]
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(
        path: impl AsRef<Path>,
        line: usize,
        col: usize,
        lint: &'static str,
        msg: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Error, path, line, col, lint, msg)
    }

    pub fn warning(
        path: impl AsRef<Path>,
        line: usize,
        col: usize,
        lint: &'static str,
        msg: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Warning, path, line, col, lint, msg)
    }

    pub fn new(
        severity: Severity,
        path: impl AsRef<Path>,
        line: usize,
        col: usize,
        lint: &'static str,
        msg: impl Into<String>,
    ) -> Self {
        Diagnostic {
            path: display_path(path.as_ref()),
            line,
            col,
            lint,
            severity,
            message: msg.into(),
            hint: None,
        }
    }

    /// Adds the "how to fix it" sentence.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.col > 0 {
                write!(f, ":{}", self.col)?;
            }
        }
        write!(f, ": {}: {}", self.severity.label(), self.message)?;
        if let Some(h) = &self.hint {
            write!(f, "\n    修改建议：{h}")?;
        }
        Ok(())
    }
}

/// A path as shown to users: forward slashes, no leading `./`.
pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Converts a byte offset in `text` into a 1-based (line, column-in-chars) pair.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Line starts of one text, for locating many offsets in it: each lookup is a binary search
/// plus a count of the characters before the offset on its line, so locating F findings in a
/// file costs O(F · (log L + line length)) instead of O(F · file length).
/// Lookups in increasing offset order on one long line continue from the previous one, so
/// locating sorted offsets is linear even on a one-line 15 MB file.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// The last lookup: (offset, line, column).
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_lines(text));
        LineIndex {
            text,
            starts,
            last: std::cell::Cell::new((0, 1, 1)),
        }
    }

    /// The same (line, column) as [`line_col`].
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= offset);
        let (last_off, last_line, last_col) = self.last.get();
        let col = if last_line == line && last_off <= offset {
            last_col + self.text[last_off..offset].chars().count()
        } else {
            self.text[self.starts[line - 1]..offset].chars().count() + 1
        };
        self.last.set((offset, line, col));
        (line, col)
    }
}

fn memchr_lines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'\n')
        .map(|(i, _)| i + 1)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A list of diagnostics, as returned by a stage that reports everything at once.
pub type Diagnostics = Vec<Diagnostic>;

/// Error returned when a stage found user errors: the diagnostics have been collected, the
/// caller prints them and exits 1.
#[derive(Debug)]
pub struct UserErrors(pub Diagnostics);

impl fmt::Display for UserErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        let n = self.0.iter().filter(|d| d.is_error()).count();
        write!(f, "共 {n} 个错误，未生成输出。")
    }
}

impl std::error::Error for UserErrors {}

/// Why an I/O operation failed, in Chinese: one short phrase per [`std::io::ErrorKind`] (the
/// one table of the program; callers put it after what they were doing). The operating
/// system's English words appear only for kinds without a translation, as `系统信息`.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let why = match e.kind() {
        K::NotFound => "文件或文件夹不存在",
        K::PermissionDenied => "没有权限（请检查文件或文件夹的权限，或换一个位置）",
        K::AlreadyExists => "同名的文件或文件夹已经存在",
        K::StorageFull | K::QuotaExceeded => "磁盘已满",
        K::FileTooLarge => "文件超过了系统允许的大小（磁盘配额或 ulimit）",
        K::ReadOnlyFilesystem => "所在磁盘是只读的",
        K::NotADirectory => "路径中有一段是文件而不是文件夹",
        K::IsADirectory => "这是一个文件夹，不是文件",
        K::DirectoryNotEmpty => "文件夹不是空的",
        K::InvalidFilename => "文件名无效或太长",
        K::ResourceBusy | K::ExecutableFileBusy => "文件或设备正被其他程序占用",
        K::CrossesDevices => "不能在两个磁盘之间直接移动",
        K::TooManyLinks => "链接太多",
        K::StaleNetworkFileHandle => "网络盘的连接已失效，请重新连接网络盘",
        K::AddrInUse => "端口已被其他程序占用（可能已有一个预览在运行），请用 --port 换一个端口",
        K::AddrNotAvailable => {
            "本机没有这个地址，--bind 只能用本机的地址（如 127.0.0.1，或 0.0.0.0 表示所有网卡）"
        }
        K::ConnectionRefused => "对方拒绝连接",
        K::ConnectionReset | K::ConnectionAborted => "连接被对方断开",
        K::NotConnected => "没有连接",
        K::HostUnreachable | K::NetworkUnreachable | K::NetworkDown => "网络不通",
        K::TimedOut => "操作超时",
        K::BrokenPipe => "输出的接收方已关闭",
        K::WouldBlock => "资源暂时不可用，请稍后再试",
        K::Interrupted => "操作被中断",
        K::Unsupported => "系统不支持这个操作",
        K::OutOfMemory => "内存不足",
        K::UnexpectedEof => "文件不完整，提前结束了",
        K::WriteZero => "写入不完整",
        K::InvalidData => "内容不是有效的数据（例如不是 UTF-8 编码的文本）",
        K::InvalidInput => "参数无效",
        K::ArgumentListTooLong => "参数太长",
        K::Deadlock => "系统检测到死锁",
        K::NotSeekable => "不能在这个文件中定位（可能是管道）",
        _ => {
            // Our own errors (`io::Error::other("……")`) carry a Chinese message.
            if e.raw_os_error().is_none()
                && let Some(inner) = e.get_ref()
            {
                return inner.to_string();
            }
            return format!("系统报告了错误（系统信息：{e}）");
        }
    };
    why.to_string()
}

/// An error and its causes in Chinese, one line each: an I/O error is shown as its Chinese
/// reason (see [`io_reason`]), and left out when a message before it already says it.
pub fn explain(e: &anyhow::Error) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for cause in e.chain() {
        let line = match cause.downcast_ref::<std::io::Error>() {
            Some(io) => io_reason(io),
            None => cause.to_string(),
        };
        if !lines.iter().any(|l| l.contains(&line)) {
            lines.push(line);
        }
    }
    lines
}

static STDERR_CLOSED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Writes to standard error without panicking when it is closed (`xuanguan build 2>&1 | head`):
/// after the first failed write nothing more is printed, and the command keeps its own exit
/// status. Used through [`ewrite!`](crate::ewrite) and [`ewriteln!`](crate::ewriteln).
pub fn write_stderr(args: fmt::Arguments<'_>) {
    use std::io::Write as _;
    use std::sync::atomic::Ordering;
    if STDERR_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let mut err = std::io::stderr().lock();
    if err.write_fmt(args).and_then(|()| err.flush()).is_err() {
        // Nowhere is left to report the failure: stop printing.
        STDERR_CLOSED.store(true, Ordering::Relaxed);
    }
}

/// Writes `bytes` to standard output. A reader that went away (`xuanguan check | head -1`)
/// is not an error: the rest is dropped and `Ok` returned, so the command keeps its own exit
/// status; any other failure (a full disk) is returned, with what was being written.
pub fn write_stdout(bytes: &[u8], what: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(anyhow::Error::new(e).context(format!("无法输出{what}"))),
    }
}

/// `eprint!` that does not panic on a closed standard error (see [`write_stderr`]).
#[macro_export]
macro_rules! ewrite {
    ($($arg:tt)*) => {
        $crate::diag::write_stderr(format_args!($($arg)*))
    };
}

/// `eprintln!` that does not panic on a closed standard error (see [`write_stderr`]).
#[macro_export]
macro_rules! ewriteln {
    () => {
        $crate::diag::write_stderr(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::diag::write_stderr(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// Keeps `PathBuf` import used for callers that build paths for diagnostics.
pub fn rel(root: &Path, p: &Path) -> PathBuf {
    p.strip_prefix(root).unwrap_or(p).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars() {
        let t = "---\n标题：甲\n";
        assert_eq!(line_col(t, 0), (1, 1));
        let i = t.find('：').unwrap();
        assert_eq!(line_col(t, i), (2, 3));
    }

    #[test]
    fn line_index_agrees_with_line_col() {
        let t = "---\n标题：甲\n\n正文，一段。\r\n末行";
        let idx = LineIndex::new(t);
        for off in (0..=t.len() + 2).chain((0..t.len()).rev()) {
            assert_eq!(idx.line_col(off), line_col(t, off), "offset {off}");
        }
    }

    #[test]
    fn display_has_location_and_hint() {
        let d = Diagnostic::error("content/a.md", 3, 1, "front-matter", "未知的字段“foo”")
            .with_hint("删除它");
        assert_eq!(
            d.to_string(),
            "content/a.md:3:1: 错误: 未知的字段“foo”\n    修改建议：删除它"
        );
    }

    #[test]
    fn io_errors_are_explained_in_chinese_once() {
        let gone = std::io::Error::from_raw_os_error(2);
        assert_eq!(io_reason(&gone), "文件或文件夹不存在");
        let e = anyhow::Error::new(gone).context("无法读取 a.md");
        assert_eq!(explain(&e), ["无法读取 a.md", "文件或文件夹不存在"]);
        // A message that already gives the reason is not followed by it again.
        let full = std::io::Error::from_raw_os_error(28);
        let e = anyhow::Error::new(full).context(format!("无法写入 x：{}。", "磁盘已满"));
        assert_eq!(explain(&e), ["无法写入 x：磁盘已满。"]);
        // Our own messages come through; unknown kinds keep the system's words as a detail.
        let ours = std::io::Error::other("缺少文件");
        assert_eq!(io_reason(&ours), "缺少文件");
        let other = std::io::Error::from_raw_os_error(40);
        assert!(io_reason(&other).starts_with("系统报告了错误（系统信息："));
    }
}
