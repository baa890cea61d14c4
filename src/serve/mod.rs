//! SERVE: builds the site in memory, serves it over HTTP on the loopback interface, watches the
//! files, rebuilds only what a change affects and tells open pages to reload (Server-Sent
//! Events on [`EVENTS`]). A build error is shown in the page and printed in the terminal while
//! the last good build stays online.

mod build;
mod findings;
pub(crate) mod http;
pub mod watch;

use std::net::IpAddr;
use std::path::Path;
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use anyhow::{Context as _, anyhow};

use crate::content::LoadOptions;
use crate::diag::UserErrors;
pub use build::{Builder, Files};

/// Where the preview serves the staff dashboard (`output/index.html` of a build): beside the
/// output's folders, so its links work as on disk; `/` is the public site.
pub const DASHBOARD: &str = "staff.html";

/// The path of the reload event stream.
pub const EVENTS: &str = "/__xuanguan/events";

/// What `serve` was asked for.
pub struct Options {
    pub bind: IpAddr,
    pub port: u16,
    pub poll: bool,
    pub load: LoadOptions,
}

/// State shared by the HTTP threads and the rebuild loop.
#[derive(Default)]
pub struct Shared {
    pub files: RwLock<Files>,
    /// The message of the last failed build, shown as an overlay until a build succeeds.
    pub error: RwLock<Option<String>>,
    /// The proofreading of every document, shown on its pages.
    findings: RwLock<findings::Findings>,
    /// One sender per open page listening for reloads.
    clients: Mutex<Vec<Sender<Event>>>,
}

/// What a reload stream tells the open pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The site's pages are rebuilt: every page but the dashboard reloads.
    Reload,
    /// The dashboard is rendered again (after the pages: it waits for every finding).
    Staff,
}

impl Event {
    /// The event's name in the stream, the one the page's script listens for.
    pub fn name(self) -> &'static str {
        match self {
            Event::Reload => "reload",
            Event::Staff => "staff",
        }
    }
}

impl Shared {
    /// Tells every open page `event`; forgets pages that went away.
    fn notify(&self, event: Event) {
        self.clients
            .lock()
            .expect("clients lock")
            .retain(|c| c.send(event).is_ok());
    }
}

/// Runs until the process is stopped.
pub fn run(root: &Path, opts: Options) -> anyhow::Result<()> {
    let root = root
        .canonicalize()
        .with_context(|| format!("找不到站点文件夹 {}", root.display()))?;
    let shared = Arc::new(Shared::default());
    let mut builder = Builder::new(&root, opts.load.clone());
    crate::ewriteln!("正在生成站点……");
    rebuild(&mut builder, &shared, watch::Changes::default(), true);

    let (tx, rx) = mpsc::channel();
    let _watcher = watch::watch(&root, opts.poll, tx)?;
    let server = tiny_http::Server::http((opts.bind, opts.port)).map_err(|e| {
        let why = match e.downcast_ref::<std::io::Error>() {
            Some(io) => crate::diag::io_reason(io),
            None => format!("系统信息：{e}"),
        };
        anyhow!("无法在 {}:{} 上提供预览：{why}。", opts.bind, opts.port)
    })?;
    let addr = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| anyhow!("无法取得预览地址"))?;
    let host = match addr.ip() {
        IpAddr::V6(ip) => format!("[{ip}]"),
        ip => ip.to_string(),
    };
    crate::ewriteln!(
        "预览地址：http://{host}:{}/   修改并保存文件后页面会自动刷新；按 Ctrl+C 停止。",
        addr.port()
    );
    crate::ewriteln!(
        "工作台（内部材料）：http://{host}:{}/{DASHBOARD}",
        addr.port()
    );
    if opts.poll {
        crate::ewriteln!("已启用定时检查（--poll），每半秒检查一次文件变化。");
    }
    let http_shared = shared.clone();
    std::thread::spawn(move || {
        for req in server.incoming_requests() {
            let s = http_shared.clone();
            std::thread::spawn(move || http::handle(req, &s, addr));
        }
    });
    while let Ok(mut changes) = rx.recv() {
        // Editors often save several files at once: take everything that is already queued.
        while let Ok(more) = rx.try_recv() {
            changes.merge(more);
        }
        rebuild(&mut builder, &shared, changes, false);
    }
    Ok(())
}

/// Renders the staff dashboard for the files served and every finding known.
fn dashboard(builder: &Builder, shared: &Shared) {
    let mut findings = shared.findings.read().expect("findings lock").all();
    findings.extend(builder.warnings().cloned());
    let page = builder.dashboard(&shared.files.read().expect("files lock"), &findings);
    match page {
        Some(Ok(html)) => {
            let mut files = shared.files.write().expect("files lock");
            files.files.insert(DASHBOARD.to_string(), html.into_bytes());
        }
        Some(Err(e)) => {
            crate::ewriteln!(
                "工作台页面生成出错：{}",
                crate::diag::explain(&e).join("\n  原因：")
            );
        }
        None => {}
    }
}

/// Applies one batch of changes and reports it in the terminal and in the browser.
fn rebuild(builder: &mut Builder, shared: &Shared, changes: watch::Changes, first: bool) {
    let started = Instant::now();
    let names: Vec<String> = changes
        .docs
        .iter()
        .map(|p| crate::diag::display_path(p))
        .collect();
    if changes.full && !first {
        crate::ewriteln!(
            "网站设置（campaign.yaml）、主题、静态文件或栏目文件夹有改动，正在重新生成整个网站……"
        );
    }
    let result = builder.apply(changes, &shared.files);
    let ms = started.elapsed().as_millis();
    match result {
        Ok(r) => {
            let was_broken = shared.error.write().expect("error lock").take().is_some();
            if r.full {
                for w in builder.warnings() {
                    crate::ewriteln!("{w}");
                }
                if first {
                    crate::ewriteln!("已生成 {} 篇内容（用时 {ms} 毫秒）", r.items);
                } else {
                    crate::ewriteln!(
                        "已重新生成整个网站，共 {} 篇内容（用时 {ms} 毫秒）",
                        r.items
                    );
                }
            } else {
                for w in &r.warnings {
                    crate::ewriteln!("{w}");
                }
                crate::ewriteln!(
                    "已更新 {}（{} 个文件，用时 {ms} 毫秒）",
                    names.join("、"),
                    r.docs.len()
                );
            }
            if was_broken {
                crate::ewriteln!("错误已修正。");
            }
            if let Some(site) = builder.site() {
                // Every document re-read, also those of saves that failed before this one.
                let changed = (!r.full).then_some(&r.docs);
                let report = crate::timing::stage("proofread", || {
                    shared.findings.write().expect("findings lock").update(
                        site,
                        changed,
                        &r.affected,
                    )
                });
                crate::ewrite!("{report}");
                // The edited page first: the dashboard sums up every finding of the site
                // (hundreds of milliseconds at 10,000 pages) and reloads its own page when done.
                if !first {
                    shared.notify(Event::Reload);
                }
                crate::timing::stage("dashboard", || dashboard(builder, shared));
                if !first {
                    shared.notify(Event::Staff);
                }
                return;
            }
        }
        Err(e) => {
            let msg = match e.downcast_ref::<UserErrors>() {
                Some(u) => u.to_string(),
                None => crate::diag::explain(&e).join("\n  原因："),
            };
            crate::ewriteln!("生成出错（继续提供上次成功生成的版本）：\n{msg}");
            *shared.error.write().expect("error lock") = Some(msg);
        }
    }
    if !first {
        // No dashboard this time (the build failed): every page shows the error.
        shared.notify(Event::Reload);
        shared.notify(Event::Staff);
    }
}
