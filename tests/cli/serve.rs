//! `xuanguan serve` end to end: a real server on a free loopback port, real file edits.
//! Every wait is bounded; the child is killed on drop.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use crate::harness::{Site, bin};

/// A running `xuanguan serve` (killed on drop).
pub struct Server {
    child: Child,
    pub port: u16,
    /// What serve prints in the terminal, line by line.
    pub stderr: Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Server {
    pub fn start(site: &Site) -> Server {
        Server::start_with(site, &["--today", "2026-05-20"])
    }

    /// `xuanguan serve --port P ARGS` in the site folder.
    pub fn start_with(site: &Site, args: &[&str]) -> Server {
        let port = free_port();
        let mut child = bin()
            .args(["serve", "--port", &port.to_string()])
            .args(args)
            .current_dir(site.path())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start serve");
        let (tx, stderr) = mpsc::channel();
        let pipe = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines() {
                let Ok(line) = line else { return };
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
        let s = Server {
            child,
            port,
            stderr,
        };
        let until = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < until, "serve did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        s
    }

    /// Terminal lines printed so far (waits up to `limit` for one that satisfies `cond`).
    #[track_caller]
    pub fn wait_line(&self, limit: Duration, cond: impl Fn(&str) -> bool) -> String {
        let until = Instant::now() + limit;
        let mut seen = Vec::new();
        loop {
            let left = until.saturating_duration_since(Instant::now());
            match self.stderr.recv_timeout(left) {
                Ok(l) if cond(&l) => return l,
                Ok(l) => seen.push(l),
                Err(_) => panic!(
                    "no such line within {limit:?}; printed:\n{}",
                    seen.join("\n")
                ),
            }
        }
    }

    /// (status, body) of GET `path`.
    pub fn get(&self, path: &str) -> (u16, String) {
        let mut c = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        write!(
            c,
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut buf = Vec::new();
        c.read_to_end(&mut buf).unwrap();
        let text = String::from_utf8_lossy(&buf).into_owned();
        let status = text[9..12].parse().unwrap();
        let body = text
            .split_once("\r\n\r\n")
            .map(|x| x.1)
            .unwrap_or("")
            .to_string();
        (status, body)
    }

    /// The reload stream: each line of the event stream arrives on the receiver.
    pub fn events(&self) -> Receiver<String> {
        let mut c = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(
            c,
            "GET /__xuanguan/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
        )
        .unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(c).lines() {
                let Ok(line) = line else { return };
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
        // Wait until the stream is open (the server sends `retry:` first).
        let until = Instant::now() + Duration::from_secs(5);
        loop {
            let left = until.saturating_duration_since(Instant::now());
            let line = rx.recv_timeout(left).expect("event stream opens");
            if line.starts_with("retry:") {
                return rx;
            }
        }
    }

    /// Polls `path` until `cond` holds on its body (at most `limit`).
    #[track_caller]
    pub fn wait_for(
        &self,
        path: &str,
        limit: Duration,
        cond: impl Fn(u16, &str) -> bool,
    ) -> String {
        let until = Instant::now() + limit;
        loop {
            let (status, body) = self.get(path);
            if cond(status, &body) {
                return body;
            }
            assert!(
                Instant::now() < until,
                "timed out waiting on {path}:\n{body}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Waits for an `event: reload` line within `limit`.
#[track_caller]
pub fn expect_reload(rx: &Receiver<String>, limit: Duration) {
    let until = Instant::now() + limit;
    loop {
        let left = until.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(l) if l == "event: reload" => return,
            Ok(_) => {}
            Err(e) => panic!("no reload message within {limit:?}: {e}"),
        }
    }
}

/// The next `n` event names of the reload stream (`event: reload`, `event: staff`), within
/// `limit`.
#[track_caller]
pub fn next_events(rx: &Receiver<String>, n: usize, limit: Duration) -> Vec<String> {
    let until = Instant::now() + limit;
    let mut seen = Vec::new();
    while seen.len() < n {
        let left = until.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(l) if l.starts_with("event: ") => seen.push(l),
            Ok(_) => {}
            Err(e) => panic!("events so far {seen:?}: {e}"),
        }
    }
    seen
}

const PAGE: &str = "content/news/peixun.md";

#[test]
fn serves_pages_with_reload_script_only_in_serve() {
    let s = Site::fixture("minimal");
    let srv = Server::start(&s);
    let (status, home) = srv.get("/");
    assert_eq!(status, 200);
    assert!(home.contains("/__xuanguan/events"), "{home}");
    let (status, _) = srv.get("/news/");
    assert_eq!(status, 200);
    let (status, nf) = srv.get("/no/such/page.html");
    assert_eq!(status, 404);
    assert!(nf.contains("/__xuanguan/events"));
    assert_eq!(srv.get("/../content/campaign.yaml").0, 400);
    assert_eq!(srv.get("/static/style.css").0, 200);
    drop(srv);
    s.run(&["build", "--today", "2026-05-20"]).ok();
    assert!(!s.read("output/site/index.html").contains("__xuanguan"));
}

#[test]
fn edit_reloads_within_a_second() {
    let s = Site::fixture("minimal");
    let srv = Server::start(&s);
    let (_, before) = srv.get("/news/peixun.html");
    assert!(before.contains("东山村组织辖区企业负责人"));
    let rx = srv.events();
    let text = s
        .read(PAGE)
        .replace("开展安全生产培训", "开展安全生产培训。新增加的一句话");
    let saved = Instant::now();
    s.write(PAGE, &text);
    expect_reload(&rx, Duration::from_secs(1));
    let body = srv.wait_for("/news/peixun.html", Duration::from_millis(200), |_, b| {
        b.contains("新增加的一句话")
    });
    assert!(
        saved.elapsed() < Duration::from_secs(1),
        "{:?}",
        saved.elapsed()
    );
    assert!(!body.contains("xuanguan-error"));
}

#[test]
fn a_campaign_edit_says_the_whole_site_is_rebuilt() {
    let s = Site::fixture("minimal");
    let srv = Server::start(&s);
    let rx = srv.events();
    let c = s.read("content/campaign.yaml");
    let title = c
        .lines()
        .find(|l| l.starts_with("title:"))
        .expect("campaign title")
        .to_string();
    s.write(
        "content/campaign.yaml",
        &c.replacen(&title, "title: 改过名字的专项行动", 1),
    );
    srv.wait_line(Duration::from_secs(5), |l| {
        l.contains("campaign.yaml") && l.contains("正在重新生成整个网站")
    });
    expect_reload(&rx, Duration::from_secs(10));
    srv.wait_line(Duration::from_secs(5), |l| {
        l.starts_with("已重新生成整个网站，共 ") && l.contains("毫秒")
    });
    assert!(srv.get("/index.html").1.contains("改过名字的专项行动"));
}

#[test]
fn broken_yaml_shows_overlay_over_last_good_page_then_recovers() {
    let s = Site::fixture("minimal");
    let srv = Server::start(&s);
    let rx = srv.events();
    let good = s.read(PAGE);
    s.write(PAGE, &good.replace("tags: [培训]", "tags: [培训"));
    expect_reload(&rx, Duration::from_secs(2));
    srv.wait_line(Duration::from_secs(2), |l| {
        l == "生成出错（继续提供上次成功生成的版本）："
    });
    let page = srv.wait_for("/news/peixun.html", Duration::from_secs(2), |_, b| {
        b.contains("xuanguan-error")
    });
    assert!(
        page.contains("生成出错：请按下面的提示修改文件并保存。"),
        "{page}"
    );
    assert!(page.contains("修改建议"), "{page}");
    assert!(
        page.contains("东山村组织辖区企业负责人"),
        "old page still served"
    );
    assert!(page.contains("content/news/peixun.md:"), "{page}");
    // Other pages show the error too.
    assert!(srv.get("/").1.contains("xuanguan-error"));

    s.write(
        PAGE,
        &good.replace("开展安全生产培训", "开展安全生产培训。修正后的内容"),
    );
    expect_reload(&rx, Duration::from_secs(2));
    let page = srv.wait_for("/news/peixun.html", Duration::from_secs(2), |_, b| {
        !b.contains("xuanguan-error")
    });
    assert!(page.contains("修正后的内容"));
    srv.wait_line(Duration::from_secs(2), |l| l == "错误已修正。");
}

#[test]
fn deleted_and_renamed_pages_leave_their_lists() {
    let s = Site::fixture("minimal");
    let srv = Server::start(&s);
    let list = srv.get("/news/index.html").1;
    assert!(list.contains("peixun.html"), "{list}");
    let rx = srv.events();
    std::fs::remove_file(s.file(PAGE)).unwrap();
    expect_reload(&rx, Duration::from_secs(2));
    srv.wait_for("/news/peixun.html", Duration::from_secs(2), |st, _| {
        st == 404
    });
    let home = srv.get("/").1;
    assert!(!home.contains("news/peixun.html"), "{home}");
    assert!(
        !srv.get("/units/dongshan.html")
            .1
            .contains("news/peixun.html")
    );

    // A new page appears, then an atomic rename moves it.
    s.write(
        "content/news/.xinwen.md.tmp",
        "---\ntitle: 新的动态\ndate: 2026-05-18\n---\n正文。\n",
    );
    std::fs::rename(
        s.file("content/news/.xinwen.md.tmp"),
        s.file("content/news/xinwen.md"),
    )
    .unwrap();
    srv.wait_for("/news/index.html", Duration::from_secs(2), |_, b| {
        b.contains("xinwen.html")
    });
    std::fs::rename(
        s.file("content/news/xinwen.md"),
        s.file("content/news/gengming.md"),
    )
    .unwrap();
    srv.wait_for("/news/index.html", Duration::from_secs(2), |_, b| {
        b.contains("gengming.html") && !b.contains("xinwen.html")
    });
    assert_eq!(srv.get("/news/xinwen.html").0, 404);
    // The LED feed shows none of these pages: it is kept, not rendered again, and not lost.
    assert_eq!(srv.get("/led/index.html").0, 200);
    assert_eq!(srv.get("/led/screens.json").0, 200);
}

#[test]
fn poll_watcher_sees_edits() {
    let s = Site::fixture("minimal");
    let srv = Server::start_with(&s, &["--today", "2026-05-20", "--poll"]);
    srv.wait_line(Duration::from_secs(5), |l| {
        l.contains("已启用定时检查（--poll）")
    });
    // The polling watcher compares modification times in whole seconds: an edit in the same
    // second as the copy of the fixture would look unchanged.
    std::thread::sleep(Duration::from_millis(1100));
    let rx = srv.events();
    s.write(
        PAGE,
        &s.read(PAGE)
            .replace("开展安全生产培训", "开展安全生产培训。轮询发现的修改"),
    );
    expect_reload(&rx, Duration::from_secs(5));
    srv.wait_for("/news/peixun.html", Duration::from_secs(1), |_, b| {
        b.contains("轮询发现的修改")
    });
    srv.wait_line(Duration::from_secs(2), |l| {
        l.starts_with("已更新 content/news/peixun.md（")
    });
}

#[test]
fn binds_to_loopback_and_says_where_in_chinese() {
    let s = Site::fixture("minimal");
    let srv = Server::start(&s);
    let line = srv.wait_line(Duration::from_secs(5), |l| l.starts_with("预览地址："));
    assert_eq!(
        line,
        format!(
            "预览地址：http://127.0.0.1:{}/   修改并保存文件后页面会自动刷新；按 Ctrl+C 停止。",
            srv.port
        )
    );
}

#[test]
fn refuses_paths_leaving_the_site() {
    let s = Site::fixture("minimal");
    s.write("secret.txt", "不应被读到的内容");
    let srv = Server::start(&s);
    for path in [
        "/../secret.txt",
        "/news/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/news/%2E%2E/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/news/..%5c..%5csecret.txt",
    ] {
        let (status, body) = srv.get(path);
        assert_eq!(status, 400, "{path}: {body}");
        assert!(!body.contains("不应被读到的内容"), "{path}");
    }
    // Only the build is served, never the site's own files.
    assert_eq!(srv.get("/content/campaign.yaml").0, 404);
    assert_eq!(srv.get("/secret.txt").0, 404);
}

#[test]
fn saved_pages_show_their_proofreading_and_the_terminal_lists_it() {
    let s = Site::fixture("minimal");
    let srv = Server::start(&s);
    let (_, clean) = srv.get("/news/peixun.html");
    assert!(!clean.contains("xuanguan-findings"), "{clean}");
    let text = s.read(PAGE);
    let broken = text.replace("开展安全生产培训。", "开展安全生产培训,并纳入纳入考核。");
    let line = broken.lines().position(|l| l.contains("纳入纳入")).unwrap() + 1;
    s.write(PAGE, &broken);
    let page = srv.wait_for("/news/peixun.html", Duration::from_secs(2), |_, b| {
        b.contains("xuanguan-findings")
    });
    assert!(page.contains(&format!("第 {line} 行")), "{page}");
    assert!(page.contains("[repeated-word]"), "{page}");
    srv.wait_line(Duration::from_secs(2), |l| {
        l.starts_with(&format!("{PAGE}:{line}:")) && l.contains("[repeated-word]")
    });
    // Other pages carry no panel; the fixed page loses it.
    assert!(!srv.get("/index.html").1.contains("xuanguan-findings"));
    s.write(PAGE, &text);
    srv.wait_for("/news/peixun.html", Duration::from_secs(2), |_, b| {
        !b.contains("xuanguan-findings") && b.contains("东山村组织")
    });
}
