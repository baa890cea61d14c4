//! Finding and running the browser that prints: Chromium, Chrome or Edge, wherever the system
//! put it, ended if it hangs.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Browser programs looked up on PATH, most likely first.
const NAMES: [&str; 8] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
];

/// Where Windows and macOS install the browsers (Windows folders relative to the environment
/// variable that holds them).
const WINDOWS: [(&str, &str); 6] = [
    ("ProgramFiles", r"Google\Chrome\Application\chrome.exe"),
    ("ProgramFiles(x86)", r"Google\Chrome\Application\chrome.exe"),
    ("LOCALAPPDATA", r"Google\Chrome\Application\chrome.exe"),
    (
        "ProgramFiles(x86)",
        r"Microsoft\Edge\Application\msedge.exe",
    ),
    ("ProgramFiles", r"Microsoft\Edge\Application\msedge.exe"),
    ("LOCALAPPDATA", r"Chromium\Application\chrome.exe"),
];
const MACOS: [&str; 3] = [
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
];

/// The browser to print with: `XUANGUAN_BROWSER`, else the first known program on PATH, else
/// the usual install places of Windows and macOS.
pub fn find_browser() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("XUANGUAN_BROWSER").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        return if p.is_file() { Some(p) } else { on_path(&p) };
    }
    NAMES
        .iter()
        .find_map(|n| on_path(Path::new(n)))
        .or_else(|| {
            WINDOWS.iter().find_map(|(var, rel)| {
                let p = PathBuf::from(std::env::var_os(var)?).join(rel);
                p.is_file().then_some(p)
            })
        })
        .or_else(|| MACOS.iter().map(PathBuf::from).find(|p| p.is_file()))
}

/// `name` in a folder of PATH (with `.exe` on Windows).
fn on_path(name: &Path) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find_map(|dir| {
        let p = dir.join(name);
        if p.is_file() {
            return Some(p);
        }
        let exe = p.with_extension("exe");
        (cfg!(windows) && exe.is_file()).then_some(exe)
    })
}

/// How long one page may take the browser before it is ended.
const TIMEOUT: Duration = Duration::from_secs(120);

/// Runs the browser and collects its output; a browser that hangs is ended after [`TIMEOUT`]
/// (its PDF is then missing, which is reported).
pub(super) fn run(cmd: &mut Command) -> std::io::Result<Output> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            break child.wait()?;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Ok(Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    })
}

/// `file://` URL of an absolute path.
pub(super) fn file_url(path: &Path) -> std::io::Result<String> {
    let abs = std::fs::canonicalize(path)?;
    let s = abs.to_string_lossy().replace('\\', "/");
    let s = s.trim_start_matches("//?/");
    let mut url = String::from(if s.starts_with('/') {
        "file://"
    } else {
        "file:///"
    });
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                url.push(b as char)
            }
            _ => url.push_str(&format!("%{b:02X}")),
        }
    }
    Ok(url)
}

#[cfg(unix)]
pub(super) fn running_as_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

#[cfg(not(unix))]
pub(super) fn running_as_root() -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_are_absolute_and_escaped() {
        let dir = std::env::temp_dir().join(format!("xuanguan url {}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let url = file_url(&dir).unwrap();
        assert!(
            url.starts_with("file:///") && url.contains("xuanguan%20url%20"),
            "{url}"
        );
        let _ = std::fs::remove_dir(&dir);
    }
}
