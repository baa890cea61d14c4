// Browser checks of the default theme on a built site, in Debian's chromium.
// Usage: node theme.mjs OUTPUT_DIR SHOT_DIR QUERY EXPECTED_TITLE
// Prints one JSON object; the Rust test (tests/cli/browser.rs) asserts on it.
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [out, shots, query, expected] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
fs.mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const result = { pages: [], search: {}, keyboard: null, fontSize: null };

const server = http.createServer((req, res) => {
  const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.join(path.resolve(out), rel);
  if (!file.startsWith(path.resolve(out)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
  const type = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' }[path.extname(file)] || 'application/octet-stream';
  res.writeHead(200, { 'content-type': type });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const httpBase = `http://127.0.0.1:${server.address().port}/`;
const fileBase = 'file://' + path.resolve(out) + '/';

const targets = ['index.html', 'notices/index.html', 'progress.html'];
const notice = fs.readdirSync(path.join(out, 'notices')).find((f) => f !== 'index.html' && f.endsWith('.html'));
if (notice) targets.splice(1, 0, 'notices/' + notice);
// A mail-merged letter (salutation, blanks, links to its print pages), when the site has one.
if (fs.existsSync(path.join(out, 'letters/gaozhishu.html'))) targets.push('letters/gaozhishu.html');

for (const width of [375, 1280]) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  for (const t of targets) {
    await page.goto(fileBase + t);
    const name = t.replace(/\//g, '_').replace('.html', '') + '-' + width + '.png';
    await page.screenshot({ path: path.join(shots, name), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    await page.addScriptTag({ path: axePath });
    const axe = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0] && v.nodes[0].target.join(' ') }));
    });
    const small = await page.evaluate(() => [...document.querySelectorAll('header a, header button, header input, nav a, .pager a, .tag-cloud a, summary')]
      .filter((e) => e.offsetParent !== null)
      .map((e) => ({ text: (e.textContent || e.placeholder || '').trim().slice(0, 20), h: e.getBoundingClientRect().height }))
      .filter((e) => e.h < 44));
    result.pages.push({ page: t, width, overflow, axe, small, shot: name });
  }
  await ctx.close();
}

// 200% zoom of a 1280-px window: the layout viewport is 640 CSS px wide.
{
  const ctx = await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
  const page = await ctx.newPage();
  result.zoom200 = [];
  for (const t of targets) {
    await page.goto(fileBase + t);
    result.zoom200.push({ page: t, overflow: await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1) });
  }
  await ctx.close();
}

// Keyboard: the first Tab lands on the skip link, which leads to <main>.
{
  const page = await browser.newPage();
  await page.goto(fileBase + 'index.html');
  await page.keyboard.press('Tab');
  result.keyboard = await page.evaluate(() => ({ text: document.activeElement.textContent, href: document.activeElement.getAttribute('href') }));
  // Font size and elder mode are remembered across pages.
  await page.click('[data-set-size="l"]');
  await page.click('#elder-toggle');
  await page.goto(fileBase + 'progress.html');
  result.fontSize = await page.evaluate(() => ({ size: document.documentElement.getAttribute('data-size'), elder: document.documentElement.classList.contains('elder'), px: getComputedStyle(document.body).fontSize }));
  await page.screenshot({ path: path.join(shots, 'elder-progress-375.png') });
  await page.close();
}

// Search: type the query into the header box and press Enter, from disk and over http.
for (const [how, base] of [['file', fileBase], ['http', httpBase]]) {
  const page = await browser.newPage({ viewport: { width: 375, height: 900 } });
  await page.goto(base + 'index.html');
  await page.fill('#site-q', query);
  await page.press('#site-q', 'Enter');
  await page.waitForSelector('#search-results li, #search-status:has-text("共找到 0")', { timeout: 10000 });
  result.search[how] = await page.evaluate(() => ({
    status: document.getElementById('search-status').textContent,
    titles: [...document.querySelectorAll('#search-results li > a')].map((a) => a.textContent),
    marks: document.querySelectorAll('#search-results mark').length,
    firstHref: (document.querySelector('#search-results li > a') || {}).href || '',
  }));
  if (how === 'file') await page.screenshot({ path: path.join(shots, 'search-375.png'), fullPage: true });
  await page.close();
}
result.expected = expected;

await browser.close();
server.close();
console.log(JSON.stringify(result));
