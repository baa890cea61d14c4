//! `serve` under pressure (issue 10, items 3 and 5): it listens on loopback only, answers
//! only files of the build, and through 100 bad saves, 50 saves in a second and files deleted
//! while it builds it keeps serving the last good build and recovers on the next good save.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use crate::harness::Site;
use crate::serve::Server;

const PAGE: &str = "content/news/peixun.md";
const URL: &str = "/news/peixun.html";

/// The raw response to a request line sent as written (no client-side normalisation).
fn raw(srv: &Server, target: &str) -> String {
    let mut c = TcpStream::connect(("127.0.0.1", srv.port)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        c,
        "GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = Vec::new();
    let _ = c.read_to_end(&mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

#[test]
fn listens_on_loopback_only_by_default() {
    let s = Site::fixture("minimal");
    let srv = Server::start(&s);
    let port = format!(":{:04X}", srv.port);
    let tables = ["/proc/net/tcp", "/proc/net/tcp6"]
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<String>();
    if tables.is_empty() {
        eprintln!("skipped: no /proc/net/tcp");
        return;
    }
    let listening: Vec<&str> = tables
        .lines()
        .filter(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            f.len() > 3 && f[1].ends_with(&port) && f[3] == "0A"
        })
        .collect();
    assert!(!listening.is_empty(), "no listening socket on {port}");
    for l in listening {
        let local = l.split_whitespace().nth(1).unwrap();
        assert!(
            local.starts_with("0100007F:"),
            "serve listens beyond loopback: {l}"
        );
    }
}

#[test]
fn only_files_of_the_build_are_served() {
    let s = Site::fixture("minimal");
    s.write("secret.txt", "XG-SECRET");
    let srv = Server::start(&s);
    for target in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/news/..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "/....//secret.txt",
        "//secret.txt",
        "/%00/etc/passwd",
        "/etc/passwd",
        "/../../../../etc/passwd",
        "http://localhost/../secret.txt",
        "/content/campaign.yaml",
        "/%2e%2e/content/campaign.yaml",
    ] {
        let r = raw(&srv, target);
        assert!(
            !r.contains("XG-SECRET"),
            "{target} served a file outside the build"
        );
        assert!(!r.contains("root:x:0"), "{target} served /etc/passwd");
        assert!(!r.contains("phases:"), "{target} served campaign.yaml");
        assert!(
            !r.starts_with("HTTP/1.1 200"),
            "{target} answered 200:\n{}",
            &r[..r.len().min(300)]
        );
    }
    assert_eq!(srv.get(URL).0, 200);
}

#[test]
fn a_hundred_bad_saves_keep_the_last_good_build() {
    let s = Site::fixture("minimal");
    let srv = Server::start(&s);
    let good = s.read(PAGE);
    let bad = [
        good.replace("tags: [培训]", "tags: [培训"),
        good.replace("---\n", "--\n"),
        good.replace("title:", "标题："),
        "\u{FEFF}---\ntitle: [\n---\n".to_string(),
        String::from_utf8_lossy(&[0xff, 0xfe, 0x00]).into_owned(),
        String::new(),
    ];
    for i in 0..100 {
        s.write(PAGE, &bad[i % bad.len()]);
        std::thread::sleep(Duration::from_millis(10));
        if i % 10 == 0 {
            assert_eq!(srv.get("/").0, 200, "index during bad save {i}");
        }
    }
    let page = srv.wait_for(URL, Duration::from_secs(10), |st, b| {
        st == 200 && b.contains("xuanguan-error")
    });
    assert!(
        page.contains("东山村组织辖区企业负责人"),
        "last good page kept"
    );
    s.write(
        PAGE,
        &good.replace("开展安全生产培训", "开展安全生产培训。第101次保存"),
    );
    let page = srv.wait_for(URL, Duration::from_secs(10), |st, b| {
        st == 200 && b.contains("第101次保存") && !b.contains("xuanguan-error")
    });
    assert!(page.contains("东山村组织辖区企业负责人"));
}

#[test]
fn fifty_saves_in_a_second_end_on_the_last_one() {
    let s = Site::fixture("minimal");
    let srv = Server::start(&s);
    let good = s.read(PAGE);
    for i in 0..50 {
        s.write(
            PAGE,
            &good.replace("开展安全生产培训", &format!("开展安全生产培训。版本{i}号")),
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    srv.wait_for(URL, Duration::from_secs(10), |st, b| {
        st == 200 && b.contains("版本49号")
    });
    std::thread::sleep(Duration::from_millis(500));
    let (st, b) = srv.get(URL);
    assert!(st == 200 && b.contains("版本49号") && !b.contains("xuanguan-error"));
}

#[test]
fn files_deleted_while_building_then_a_good_save_recovers() {
    let s = Site::fixture("minimal");
    for i in 0..60 {
        s.write(
            &format!("content/news/extra-{i}.md"),
            &format!(
                "---\ntitle: 附加{i}\n---\n\n{}\n",
                "安全生产宣传。".repeat(200)
            ),
        );
    }
    let srv = Server::start(&s);
    srv.wait_for("/news/extra-59.html", Duration::from_secs(20), |st, _| {
        st == 200
    });
    for round in 0..3 {
        for i in 0..60 {
            let p = s.file(&format!("content/news/extra-{i}.md"));
            if (i + round) % 2 == 0 {
                let _ = std::fs::remove_file(p);
            } else {
                s.write(
                    &format!("content/news/extra-{i}.md"),
                    &format!("---\ntitle: 附加{i}第{round}轮\n---\n\n正文。\n"),
                );
            }
        }
        let _ = std::fs::remove_dir_all(s.file("content/static"));
        assert_eq!(srv.get("/").0, 200, "index during round {round}");
    }
    let good = s.read(PAGE);
    s.write(
        PAGE,
        &good.replace("开展安全生产培训", "开展安全生产培训。恢复"),
    );
    srv.wait_for(URL, Duration::from_secs(10), |st, b| {
        st == 200 && b.contains("恢复") && !b.contains("xuanguan-error")
    });
    assert_eq!(srv.get("/news/extra-1.html").0, 200, "surviving page");
    srv.wait_for("/news/extra-0.html", Duration::from_secs(10), |st, _| {
        st == 404
    });
}
