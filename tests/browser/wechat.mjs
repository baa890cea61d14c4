// The WeChat copy page (output/wechat/<slug>/index.html) in Debian's chromium: clicks 复制正文
// with clipboard permissions granted and reads the clipboard back.
// Usage: node wechat.mjs EXPORT_DIR SHOT_DIR
// Prints one JSON object {html, plain, status, title, overflow}; tests/cli/wechat.rs asserts on it.
//
// Normalisation (only what the browser adds, nothing the page wrote): reading text/html back,
// Chromium returns the fragment wrapped in a document, `<html><head></head><body>FRAGMENT
// </body></html>` (unsanitized read), or prefixed with `<meta charset='utf-8'>` (the
// sanitized read and the Linux/Windows clipboard convention). Exactly that wrapper is
// removed; the fragment in between must equal article.html byte for byte. The unsanitized
// read is preferred so Chromium does not re-serialise the markup.
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const [dir, shots] = process.argv.slice(2);
const root = path.resolve(dir, '..', '..');
const slug = path.basename(path.resolve(dir));
fs.mkdirSync(shots, { recursive: true });

// Served over http from the site root (a secure context on 127.0.0.1, so the async clipboard
// API is available and permissions can be granted to the origin).
const server = http.createServer((req, res) => {
  const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '');
  const file = path.join(root, rel);
  if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
  const type = { '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.css': 'text/css', '.js': 'text/javascript' }[path.extname(file)] || 'application/octet-stream';
  res.writeHead(200, { 'content-type': type });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
let code = 0;
try {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 812 } });
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${origin}/wechat/${slug}/index.html`);
  await page.screenshot({ path: path.join(shots, `${slug}-375.png`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  await page.click('#copy-article');
  await page.waitForFunction(() => document.getElementById('copy-status').textContent.length > 0);
  const status = await page.textContent('#copy-status');
  const clip = await page.evaluate(async () => {
    let items;
    try {
      items = await navigator.clipboard.read({ unsanitized: ['text/html'] });
    } catch (e) {
      items = await navigator.clipboard.read();
    }
    const out = {};
    for (const item of items) {
      for (const t of item.types) out[t] = await (await item.getType(t)).text();
    }
    return out;
  });
  const html = (clip['text/html'] || '')
    .replace(/^<meta charset=['"]?utf-8['"]?>/i, '')
    .replace(/^<html><head><\/head><body>([\s\S]*)<\/body><\/html>$/, '$1');
  const title = await page.textContent('#f-title');
  // The title's own copy button puts plain text only.
  await page.click('button[data-copy="f-title"]');
  await page.waitForFunction(() => document.getElementById('copy-status').textContent.includes('标题'));
  const titleClip = await page.evaluate(() => navigator.clipboard.readText());
  if (errors.length) throw new Error('page errors: ' + errors.join('; '));
  console.log(JSON.stringify({ html, plain: clip['text/plain'] || '', types: Object.keys(clip), status, title: titleClip === title ? title : `mismatch: ${titleClip} != ${title}`, overflow }));
} catch (e) {
  console.error(e);
  code = 1;
} finally {
  await browser.close();
  server.close();
}
process.exit(code);
