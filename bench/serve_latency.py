#!/usr/bin/env python3
"""Edit-to-reload latency of `xuanguan serve` (not a test).

Usage: bench/serve_latency.py SITE [EDITS] [BINARY]

Starts `xuanguan serve SITE` on a free loopback port, opens the reload stream
(/__xuanguan/events), then EDITS times makes one kind of edit and measures the time from the
end of the write to the `event: reload` line, and to the page serving the new text. EDIT says
which edit (default body):

  body      append a sentence to one news page
  title     change that page's title (its place in lists may move)
  date      move that page's date by a day, back and forth
  phase     move that page to another phase, back and forth
  new       write a new news page (removed again, untimed, after each edit)
  delete    delete a news page written just before (untimed)
  campaign  change the campaign title in content/campaign.yaml (a full rebuild)

Prints the median, p90 and max in milliseconds. SERVE_LOG=FILE keeps serve's terminal
output. Standard library only.
"""
import glob, os, re, socket, statistics, subprocess, sys, tempfile, time, urllib.error, urllib.request

site = sys.argv[1]
edits = int(sys.argv[2]) if len(sys.argv) > 2 else 30
binary = sys.argv[3] if len(sys.argv) > 3 else "target/release/xuanguan"
kind = os.environ.get("EDIT", "body")
if kind not in ("body", "title", "date", "phase", "new", "delete", "campaign"):
    sys.exit(f"unknown EDIT={kind}")

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
    campaign = os.path.join(site, "content/campaign.yaml")
    campaign_text = open(campaign, encoding="utf-8").read()
    news_dir = os.path.dirname(page)
    reload_ms, visible_ms = [], []

    def write(path, text):
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def wait_reload():
        global buf
        while b"event: reload" not in buf:
            buf += ev.recv(4096)
        buf = buf[buf.index(b"event: reload") + 13:]

    def served(u, marker):
        try:
            return marker in urllib.request.urlopen(u).read().decode()
        except urllib.error.HTTPError:
            return False

    buf = b""
    for n in range(edits):
        marker = f"基准测试修改第{n}次"
        new_page = os.path.join(news_dir, f"bench-new-{n}.md")
        new_text = f'---\ntitle: "{marker}"\ndate: 2024-02-09\n---\n\n{marker}。\n'
        check_url, check_marker = url, marker
        if kind == "delete":
            write(new_page, new_text)
            wait_reload()
            time.sleep(0.3)
        buf = b""
        if kind == "body":
            write(page, original + f"\n{marker}。\n")
        elif kind == "title":
            write(page, original.replace('title: "', f'title: "{marker}', 1))
        elif kind == "date":
            day = "2024-02-10" if n % 2 == 0 else "2024-02-11"
            write(page, re.sub(r"^date: .*$", f"date: {day}", original, count=1, flags=re.M))
            check_marker = day[:4] + "年" + str(int(day[5:7])) + "月" + str(int(day[8:])) + "日"
        elif kind == "phase":
            ph = "consolidate" if n % 2 == 0 else "selfcheck"
            write(page, re.sub(r"^phase: .*$", f"phase: {ph}", original, count=1, flags=re.M))
            check_url = None
        elif kind == "new":
            write(new_page, new_text)
            check_url = f"http://127.0.0.1:{port}/news/bench-new-{n}.html"
        elif kind == "delete":
            os.remove(new_page)
            check_url = None
        elif kind == "campaign":
            write(campaign, campaign_text.replace('title: "', f'title: "{marker}', 1))
            check_url = f"http://127.0.0.1:{port}/"
        t0 = time.monotonic()
        wait_reload()
        reload_ms.append((time.monotonic() - t0) * 1000)
        if check_url:
            while not served(check_url, check_marker):
                time.sleep(0.001)
            visible_ms.append((time.monotonic() - t0) * 1000)
        time.sleep(0.3)
        if kind == "new":
            os.remove(new_page)
            buf = b""
            wait_reload()
            time.sleep(0.3)
    write(page, original)
    write(campaign, campaign_text)

    def show(name, xs):
        xs = sorted(xs)
        print(f"{name}: median {statistics.median(xs):.0f} ms, p90 {xs[int(len(xs) * 0.9) - 1]:.0f} ms, "
              f"max {xs[-1]:.0f} ms ({len(xs)} edits)")
    print(f"page: {page}")
    show("edit -> reload event", reload_ms)
    if visible_ms:
        show("edit -> new page served", visible_ms)
finally:
    proc.kill()
    proc.wait()
