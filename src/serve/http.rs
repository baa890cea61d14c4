//! HTTP: files only from the in-memory build (no file-system paths, so no `../` escapes),
//! `index.html` for folders, the site's `404.html`, the reload stream, and the reload script
//! and error overlay injected into HTML pages (only here, never in `build`).

use std::io::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::sync::mpsc;
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response};

use super::{EVENTS, Shared};

/// Listens for reloads; the page reloads itself when the server says so.
const SCRIPT: &str = concat!(
    "<script>(function(){var s=new EventSource(\"",
    "/__xuanguan/events",
    "\");s.addEventListener(\"reload\",function(){location.reload();});})();</script>"
);

/// Answers one request. `bound` is the address the server listens on: only requests naming
/// it, or the loopback names, in their `Host` are answered (see [`allowed_host`]).
pub fn handle(req: Request, shared: &Shared, bound: SocketAddr) {
    let mut hosts = req.headers().iter().filter(|h| h.field.equiv("Host"));
    let host = match (hosts.next(), hosts.next()) {
        (Some(h), None) => h.value.as_str(),
        _ => "",
    };
    if !allowed_host(host, bound) {
        let _ = req.respond(
            Response::from_string(format!(
                "403 拒绝访问：请求中的主机名不是本预览服务器的地址。请用 http://{}/ 打开预览。",
                shown(bound)
            ))
            .with_status_code(403)
            .with_header(header("Content-Type", "text/plain; charset=utf-8")),
        );
        return;
    }
    if !matches!(req.method(), Method::Get | Method::Head) {
        let _ = req.respond(
            Response::from_string("预览服务器只接受 GET 和 HEAD 请求").with_status_code(405),
        );
        return;
    }
    let url = req
        .url()
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .to_string();
    if url == EVENTS {
        events(req, shared);
        return;
    }
    let Some(path) = decode(&url) else {
        let _ = req.respond(Response::from_string("网址有误").with_status_code(400));
        return;
    };
    let mut key = path.trim_start_matches('/').to_string();
    if key.is_empty() || key.ends_with('/') {
        key.push_str("index.html");
    }
    let (status, key, body) = {
        let files = shared.files.read().expect("files lock");
        // The preview serves the public site at `/` and the staff materials beside it
        // (`/print/…`, `/wechat/…`, `/led/…`), as they lie in the output folder.
        if !files.files.contains_key(&key) {
            key = format!("{}{key}", crate::output::PUBLIC);
        }
        if let Some(b) = files.files.get(&key) {
            (200, key, Some(b.clone()))
        } else if files.files.contains_key(&format!("{key}/index.html")) {
            let to = format!("{url}/");
            let resp = Response::empty(301).with_header(header("Location", &to));
            let _ = req.respond(resp);
            return;
        } else {
            (
                404,
                "site/404.html".to_string(),
                files.files.get("site/404.html").cloned(),
            )
        }
    };
    let error = shared.error.read().expect("error lock").clone();
    let (body, ctype) = match body {
        Some(b) if key.ends_with(".html") => {
            let panel = findings_panel(shared, &key);
            (inject(b, error.as_deref(), panel.as_deref()), "text/html; charset=utf-8")
        }
        Some(b) => (b, content_type(&key)),
        None => (
            inject(b"<!doctype html><meta charset=\"utf-8\"><title>\xe6\x9c\xaa\xe6\x89\xbe\xe5\x88\xb0</title><p>\xe6\x9c\xaa\xe6\x89\xbe\xe5\x88\xb0\xe8\xbf\x99\xe4\xb8\xaa\xe9\xa1\xb5\xe9\x9d\xa2\xe3\x80\x82</p>".to_vec(), error.as_deref(), None),
            "text/html; charset=utf-8",
        ),
    };
    let resp = Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", ctype))
        .with_header(header("Cache-Control", "no-store"));
    let _ = req.respond(resp);
}

/// Whether a request's `Host` names this server: `localhost`, a loopback address, or the
/// address it was bound to (`--bind`; any IP address when bound to all interfaces), with no
/// port or the server's port. Any other name is refused: a page of another site whose name
/// was re-pointed at this machine (DNS rebinding) must not read the preview, drafts
/// included.
pub fn allowed_host(host: &str, bound: SocketAddr) -> bool {
    let host = host.trim();
    let (name, port) = if let Some(rest) = host.strip_prefix('[') {
        let Some((ip, after)) = rest.split_once(']') else {
            return false;
        };
        match after {
            "" => (ip, None),
            p => match p.strip_prefix(':') {
                Some(p) => (ip, Some(p)),
                None => return false,
            },
        }
    } else {
        match host.split_once(':') {
            Some((n, p)) => (n, Some(p)),
            None => (host, None),
        }
    };
    if port.is_some_and(|p| p.parse::<u16>().ok() != Some(bound.port())) {
        return false;
    }
    if host.starts_with('[') != name.contains(':') {
        // `[` only around an IPv6 address, and an IPv6 address only inside `[…]`.
        return false;
    }
    if name.eq_ignore_ascii_case("localhost") {
        return true;
    }
    match name.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback() || ip == bound.ip() || bound.ip().is_unspecified(),
        Err(_) => false,
    }
}

/// The address to open the preview at, as `serve` prints it.
fn shown(bound: SocketAddr) -> String {
    match bound.ip() {
        ip if ip.is_unspecified() => format!("127.0.0.1:{}", bound.port()),
        IpAddr::V6(ip) => format!("[{ip}]:{}", bound.port()),
        ip => format!("{ip}:{}", bound.port()),
    }
}

fn header(k: &str, v: &str) -> Header {
    Header::from_bytes(k.as_bytes(), v.as_bytes()).expect("valid header")
}

/// The reload stream: one `reload` event per finished rebuild, a comment every 15 s so dead
/// connections are noticed.
fn events(req: Request, shared: &Shared) {
    let (tx, rx) = mpsc::channel();
    shared.clients.lock().expect("clients lock").push(tx);
    let mut w = req.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nretry: 500\n\n";
    if w.write_all(head.as_bytes())
        .and_then(|_| w.flush())
        .is_err()
    {
        return;
    }
    loop {
        let msg: &[u8] = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(()) => b"event: reload\ndata: reload\n\n",
            Err(mpsc::RecvTimeoutError::Timeout) => b": ping\n\n",
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if w.write_all(msg).and_then(|_| w.flush()).is_err() {
            return;
        }
    }
}

/// The proofreading panel of the document the page `key` was made from.
fn findings_panel(shared: &Shared, key: &str) -> Option<String> {
    let source = shared
        .files
        .read()
        .expect("files lock")
        .owners
        .get(key)?
        .clone();
    let findings = shared.findings.read().expect("findings lock");
    findings.panel(&crate::diag::display_path(&source))
}

/// Adds the reload script, the proofreading panel of the page's document, and the error
/// overlay when the last build failed.
fn inject(mut html: Vec<u8>, error: Option<&str>, panel: Option<&str>) -> Vec<u8> {
    let mut add = String::from(SCRIPT);
    if let Some(p) = panel {
        add.push_str(p);
    }
    if let Some(e) = error {
        add.push_str(&overlay(e));
    }
    let at = find_last(&html, b"</body>").unwrap_or(html.len());
    html.splice(at..at, add.into_bytes());
    html
}

fn overlay(msg: &str) -> String {
    let esc = crate::render::escape_html(msg);
    format!(
        "<div id=\"xuanguan-error\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;\
background:rgba(20,0,0,.92);color:#fff;padding:2em;overflow:auto;font:15px/1.7 monospace;\
white-space:pre-wrap\"><strong style=\"font-size:1.3em;color:#ff8a80\">生成出错：请按下面的提示修改文件并保存。\
页面显示的是上次成功生成的版本。</strong>\n\n{esc}\n\n<button type=\"button\" \
onclick=\"this.parentNode.remove()\">暂时关闭</button></div>"
    )
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Percent-decodes a URL path; `None` when it is not UTF-8 or tries to leave the root.
fn decode(url: &str) -> Option<String> {
    let b = url.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    let s = String::from_utf8(out).ok()?;
    if s.split('/').any(|seg| seg == ".." || seg.contains('\\')) {
        return None;
    }
    Some(s)
}

fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "csv" => "text/csv; charset=utf-8",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::{allowed_host, decode, inject};

    #[test]
    fn decodes_and_refuses_escapes() {
        assert_eq!(
            decode("/tags/%E5%AE%89.html").as_deref(),
            Some("/tags/安.html")
        );
        assert_eq!(decode("/a/../../etc/passwd"), None);
        assert_eq!(decode("/%2e%2e/x"), None);
        assert_eq!(decode("/bad%zz"), None);
    }

    #[test]
    fn only_local_host_names_are_answered() {
        let lo: std::net::SocketAddr = "127.0.0.1:1111".parse().unwrap();
        for ok in [
            "localhost",
            "LocalHost:1111",
            "127.0.0.1:1111",
            "127.0.0.1",
            "[::1]:1111",
            "[::1]",
        ] {
            assert!(allowed_host(ok, lo), "{ok}");
        }
        for bad in [
            "",
            " ",
            "evil.example",
            "evil.example:1111",
            "localhost:2222",
            "127.0.0.1:x",
            "localhost.evil.example",
            "192.168.1.5:1111",
            "::1",
            "[localhost]:1111",
            "[::1]x",
        ] {
            assert!(!allowed_host(bad, lo), "{bad}");
        }
        let lan: std::net::SocketAddr = "192.168.1.5:1111".parse().unwrap();
        assert!(allowed_host("192.168.1.5:1111", lan));
        assert!(allowed_host("localhost:1111", lan));
        assert!(!allowed_host("192.168.1.6:1111", lan));
        assert!(!allowed_host("evil.example:1111", lan));
        let all: std::net::SocketAddr = "0.0.0.0:1111".parse().unwrap();
        assert!(allowed_host("10.0.0.7:1111", all));
        assert!(!allowed_host("evil.example:1111", all));
    }

    #[test]
    fn injects_before_body_end() {
        let out = String::from_utf8(inject(
            b"<html><body>x</body></html>".to_vec(),
            Some("a<b"),
            None,
        ))
        .unwrap();
        assert!(out.contains("EventSource") && out.contains("a&lt;b"));
        assert!(out.ends_with("</div></body></html>"), "{out}");
    }
}
