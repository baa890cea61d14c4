//! HTTP: files only from the in-memory build (no file-system paths, so no `../` escapes),
//! `index.html` for folders, the site's `404.html`, the reload stream, and the reload script
//! and error overlay injected into HTML pages (only here, never in `build`).

use std::io::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::sync::mpsc;
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response};

use super::{DASHBOARD, EVENTS, Event, Shared};

/// Listens for `events`; the page reloads itself when the server sends one of them.
fn script(events: &[Event]) -> String {
    let listen: String = events
        .iter()
        .map(|e| {
            format!(
                "s.addEventListener(\"{}\",function(){{location.reload();}});",
                e.name()
            )
        })
        .collect();
    format!("<script>(function(){{var s=new EventSource(\"{EVENTS}\");{listen}}})();</script>")
}

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
    let get = matches!(req.method(), Method::Get | Method::Head);
    let (status, key, body) = {
        let files = shared.files.read().expect("files lock");
        match route(get, req.url(), |k| files.files.contains_key(k)) {
            Route::Refused(status, text) => {
                let _ = req.respond(Response::from_string(text).with_status_code(status));
                return;
            }
            Route::Events => {
                drop(files);
                events(req, shared);
                return;
            }
            Route::Redirect(to) => {
                let resp = Response::empty(301).with_header(header("Location", &to));
                let _ = req.respond(resp);
                return;
            }
            Route::File(key) => {
                let body = files.files.get(&key).cloned();
                (200, key, body)
            }
            Route::NotFound => (
                404,
                NOT_FOUND.to_string(),
                files.files.get(NOT_FOUND).cloned(),
            ),
        }
    };
    let error = shared.error.read().expect("error lock").clone();
    let (body, ctype) = match body {
        Some(b) if key.ends_with(".html") => {
            let panel = findings_panel(shared, &key);
            // The dashboard reloads when it is rendered again, after the pages; the not-found
            // page on either (it may stand for a dashboard not rendered yet).
            let events: &[Event] = if key == DASHBOARD {
                &[Event::Staff]
            } else if status == 404 {
                &[Event::Reload, Event::Staff]
            } else {
                &[Event::Reload]
            };
            (inject(b, events, error.as_deref(), panel.as_deref()), "text/html; charset=utf-8")
        }
        Some(b) => (b, content_type(&key)),
        None => (
            inject(b"<!doctype html><meta charset=\"utf-8\"><title>\xe6\x9c\xaa\xe6\x89\xbe\xe5\x88\xb0</title><p>\xe6\x9c\xaa\xe6\x89\xbe\xe5\x88\xb0\xe8\xbf\x99\xe4\xb8\xaa\xe9\xa1\xb5\xe9\x9d\xa2\xe3\x80\x82</p>".to_vec(), &[Event::Reload, Event::Staff], error.as_deref(), None),
            "text/html; charset=utf-8",
        ),
    };
    let resp = Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", ctype))
        .with_header(header("Cache-Control", "no-store"));
    let _ = req.respond(resp);
}

/// The site's page for addresses it does not have.
const NOT_FOUND: &str = "site/404.html";

/// What a request asks for, decided from its method and URL alone.
#[derive(Debug, PartialEq, Eq)]
pub enum Route {
    /// Refused with this status and text.
    Refused(u16, &'static str),
    /// The reload stream.
    Events,
    /// A folder asked for without its final `/`: the same path with it.
    Redirect(String),
    /// A file of the build, by its key (a path under the output folder).
    File(String),
    /// Nothing here: the site's 404 page.
    NotFound,
}

/// Routes a request: only GET and HEAD; the public site at `/` and the staff materials beside
/// it (`/print/…`, `/wechat/…`, `/led/…`), as they lie in the output folder; `index.html` for
/// folders. `has` says whether the build holds a key. A path that is not UTF-8 or leaves the
/// root is refused; a redirect stays on this server (its `Location` is one absolute path).
pub fn route(get: bool, url: &str, has: impl Fn(&str) -> bool) -> Route {
    if !get {
        return Route::Refused(405, "预览服务器只接受 GET 和 HEAD 请求");
    }
    let url = url.split(['?', '#']).next().unwrap_or("/");
    if url == EVENTS {
        return Route::Events;
    }
    let Some(path) = decode(url) else {
        return Route::Refused(400, "网址有误");
    };
    let path = path.trim_start_matches('/');
    let mut key = path.to_string();
    if key.is_empty() || key.ends_with('/') {
        key.push_str("index.html");
    }
    if !has(&key) {
        key = format!("{}{key}", crate::output::PUBLIC);
    }
    if has(&key) {
        Route::File(key)
    } else if has(&format!("{key}/index.html")) {
        // As requested (still percent-encoded), with one leading `/`: `//name/` would send
        // the browser to another host.
        Route::Redirect(format!("/{}/", ascii(url.trim_start_matches('/'))))
    } else {
        Route::NotFound
    }
}

/// `s` with every byte outside printable ASCII percent-encoded (a header value is ASCII).
fn ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_graphic() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
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
    // Digits only: `parse` would also take `+8000`.
    let port_is = |p: &str| {
        p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u16>().ok() == Some(bound.port())
    };
    if port.is_some_and(|p| !port_is(p)) {
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

/// The reload stream: one `reload` event per finished rebuild and one `staff` event per
/// dashboard rendered after it, a comment every 15 s so dead connections are noticed.
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
            Ok(Event::Reload) => b"event: reload\ndata: reload\n\n",
            Ok(Event::Staff) => b"event: staff\ndata: staff\n\n",
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
fn inject(
    mut html: Vec<u8>,
    events: &[Event],
    error: Option<&str>,
    panel: Option<&str>,
) -> Vec<u8> {
    let mut add = script(events);
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
            // Two hex digits (`from_str_radix` would also take a sign: `%+1`).
            let hex = &b[i + 1..i + 3];
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            let hex = std::str::from_utf8(hex).ok()?;
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
    use super::{Event, Route, allowed_host, decode, inject, route};

    #[test]
    fn decodes_and_refuses_escapes() {
        assert_eq!(
            decode("/tags/%E5%AE%89.html").as_deref(),
            Some("/tags/安.html")
        );
        assert_eq!(decode("/a/../../etc/passwd"), None);
        assert_eq!(decode("/%2e%2e/x"), None);
        assert_eq!(decode("/bad%zz"), None);
        assert_eq!(decode("/sign%+1"), None);
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
        // Found by the serve_request fuzz target: `parse` took a signed port.
        assert!(!allowed_host("127.0.0.112:+1111", lo));
        assert!(!allowed_host("localhost:+1111", lo));
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
    fn routes_stay_in_the_build_and_on_this_server() {
        let files = ["site/index.html", "site/news/index.html", "print/a.html"];
        let has = |k: &str| files.contains(&k);
        assert_eq!(route(true, "/", has), Route::File("site/index.html".into()));
        assert_eq!(
            route(true, "/print/a.html", has),
            Route::File("print/a.html".into())
        );
        assert_eq!(
            route(false, "/", has),
            Route::Refused(405, "预览服务器只接受 GET 和 HEAD 请求")
        );
        assert_eq!(route(true, "/news", has), Route::Redirect("/news/".into()));
        // `//news` must not redirect to `//news/`, which a browser reads as the host `news`.
        assert_eq!(route(true, "//news", has), Route::Redirect("/news/".into()));
        assert_eq!(
            route(true, "/%2e%2e/etc/passwd", has),
            Route::Refused(400, "网址有误")
        );
        assert_eq!(route(true, "/nope", has), Route::NotFound);
        // A header value is ASCII: a raw non-ASCII path is percent-encoded in the redirect.
        let has = |k: &str| k == "site/新闻/index.html";
        assert_eq!(
            route(true, "/新闻", has),
            Route::Redirect("/%E6%96%B0%E9%97%BB/".into())
        );
    }

    #[test]
    fn injects_before_body_end() {
        let out = String::from_utf8(inject(
            b"<html><body>x</body></html>".to_vec(),
            &[Event::Reload],
            Some("a<b"),
            None,
        ))
        .unwrap();
        assert!(out.contains("EventSource") && out.contains("a&lt;b"));
        assert!(out.contains(r#"addEventListener("reload""#), "{out}");
        assert!(out.ends_with("</div></body></html>"), "{out}");
        let staff = String::from_utf8(inject(
            b"<body></body>".to_vec(),
            &[Event::Staff],
            None,
            None,
        ));
        assert!(
            staff
                .unwrap()
                .contains(r#"new EventSource("/__xuanguan/events");s.addEventListener("staff""#)
        );
    }
}
