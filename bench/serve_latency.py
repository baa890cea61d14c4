#!/usr/bin/env python3
"""Edit-to-reload latency of `xuanguan serve` (not a test).

Usage: bench/serve_latency.py SITE [EDITS] [BINARY]

Starts `xuanguan serve SITE` on a free loopback port, opens the reload stream
(/__xuanguan/events), then EDITS times appends a sentence to one news page (EDIT=title:
changes its title instead) and measures the time from the end of the write to the
`event: reload` line, and to the edited page serving the new text. Prints the median, p90
and max in milliseconds. SERVE_LOG=FILE keeps serve's terminal output. Standard library only.
"""
import glob, os, socket, statistics, subprocess, sys, tempfile, time, urllib.request

site = sys.argv[1]
edits = int(sys.argv[2]) if len(sys.argv) > 2 else 30
binary = sys.argv[3] if len(sys.argv) > 3 else "target/release/xuanguan"
# EDIT=title changes the page's title instead (its place in lists may move: every list,
# feed and the progress page are rendered again).
title = os.environ.get("EDIT") == "title"

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
# serve's terminal output goes to a file (a pipe nobody reads would fill up and block it);
# SERVE_LOG=FILE keeps it (with XUANGUAN_TIMINGS=1 it has the stage times of each rebuild).
log = open(os.environ["SERVE_LOG"], "w+") if os.environ.get("SERVE_LOG") else tempfile.TemporaryFile("w+")
proc = subprocess.Popen([binary, "serve", site, "--port", str(port)],
                        stdout=subprocess.DEVNULL, stderr=log, text=True)
try:
    started = time.monotonic()
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() - started > 600:
                log.seek(0)
                sys.exit("serve did not start: " + (log.read() if proc.poll() is not None else "timeout"))
            time.sleep(0.1)
    print(f"initial build and start: {time.monotonic() - started:.2f} s")
    ev = socket.create_connection(("127.0.0.1", port))
    ev.sendall(b"GET /__xuanguan/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    ev.settimeout(10)
    buf = b""
    while b"retry:" not in buf:
        buf += ev.recv(4096)
    page = sorted(glob.glob(os.path.join(site, "content/news/*.md")))[len(glob.glob(os.path.join(site, "content/news/*.md"))) // 2]
    url = f"http://127.0.0.1:{port}/news/{os.path.splitext(os.path.basename(page))[0]}.html"
    original = open(page, encoding="utf-8").read()
    reload_ms, visible_ms = [], []
    for n in range(edits):
        marker = f"基准测试修改第{n}次"
        buf = b""
        with open(page, "w", encoding="utf-8") as f:
            if title:
                f.write(original.replace('title: "', f'title: "{marker}', 1))
            else:
                f.write(original + f"\n{marker}。\n")
        t0 = time.monotonic()
        while b"event: reload" not in buf:
            buf += ev.recv(4096)
        reload_ms.append((time.monotonic() - t0) * 1000)
        while marker not in urllib.request.urlopen(url).read().decode():
            time.sleep(0.001)
        visible_ms.append((time.monotonic() - t0) * 1000)
        time.sleep(0.3)
    with open(page, "w", encoding="utf-8") as f:
        f.write(original)

    def show(name, xs):
        xs = sorted(xs)
        print(f"{name}: median {statistics.median(xs):.0f} ms, p90 {xs[int(len(xs) * 0.9) - 1]:.0f} ms, "
              f"max {xs[-1]:.0f} ms ({len(xs)} edits)")
    print(f"page: {page}")
    show("edit -> reload event", reload_ms)
    show("edit -> new page served", visible_ms)
finally:
    proc.kill()
    proc.wait()
