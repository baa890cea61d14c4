// Browser checks of a built site that need a clock, a static host or every page kind.
// Usage: node site.mjs MODE OUTPUT_DIR SHOT_DIR [BASE_URL]
//   dates     home page and dashboard at three dates (Beijing time, browser in Los Angeles),
//             and without JavaScript
//   search    search by 文号 and issuer, snippets, the suggested words (file:// and http)
//   notfound  404.html at any depth of a static host under a sub-path, and at BASE_URL (serve)
//   readable  every page kind in standard and 长辈版 at 375 and 1280 px: axe, tables, charts,
//             dates, nav, footer, font sizes; the pages (relative to site/) in $PAGES (JSON)
// Prints one JSON object; the Rust tests (tests/cli/browser_site.rs) assert on it.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serveFolder, get } from './static.mjs';

const [mode, out, shots, serveBase] = process.argv.slice(2);
const site = path.join(out, 'site');
const fileBase = 'file://' + path.resolve(site) + '/';
fs.mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
const modes = { dates, search, notfound, readable };
const result = await modes[mode]();
await browser.close();
console.log(JSON.stringify(result));
process.exit(0);

/* The phase shown as current, its days left and the timeline's states. */
function readPhases() {
  const shown = [...document.querySelectorAll('[data-phase-now] .current-phase')].filter((b) => getComputedStyle(b).display !== 'none');
  return {
    shown: shown.map((b) => b.querySelector('h2, h3').textContent.trim()),
    days: shown.map((b) => (b.querySelector('[data-days]') || {}).textContent || ''),
    timeline: [...document.querySelectorAll('[data-timeline] > li')].map((li) => li.querySelector('.phase-status').textContent.trim()),
  };
}

async function dates() {
  const at = {};
  // Beijing dates 2026-09-10, 2027-02-28 (still 02-27 in UTC) and 2027-08-31.
  for (const utc of ['2026-09-10T02:00:00Z', '2027-02-27T17:00:00Z', '2027-08-31T10:00:00Z']) {
    const ctx = await browser.newContext({ timezoneId: 'America/Los_Angeles', viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.clock.setFixedTime(new Date(utc));
    await page.goto(fileBase + 'index.html');
    const home = await page.evaluate(readPhases);
    await page.goto('file://' + path.resolve(out, 'index.html'));
    const dashboard = await page.evaluate(readPhases);
    if (utc.startsWith('2027-02')) await page.screenshot({ path: path.join(shots, 'dashboard-1280.png'), fullPage: true });
    at[utc] = { home, dashboard };
    await ctx.close();
  }
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(fileBase + 'index.html');
  const noscript = await page.evaluate(readPhases);
  await ctx.close();
  // The dashboard is read on phones too: axe-core and no sideways scrolling.
  const audit = [];
  for (const width of [375, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.goto('file://' + path.resolve(out, 'index.html'));
    if (width === 375) await page.screenshot({ path: path.join(shots, 'dashboard-375.png'), fullPage: true });
    audit.push({ width, axe: await axe(page), overflow: await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1) });
    await page.close();
  }
  return { at, noscript, audit };
}

/* axe-core's violations on the page, every impact. */
async function axe(page) {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const res = await window.axe.run(document, { resultTypes: ['violations'] });
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0] && v.nodes[0].target.join(' '), summary: v.nodes[0] && v.nodes[0].failureSummary }));
  });
}

async function searchOnce(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => /共找到|请输入/.test(document.getElementById('search-status').textContent), null, { timeout: 10000 });
  return page.evaluate(() => ({
    status: document.getElementById('search-status').textContent,
    titles: [...document.querySelectorAll('#search-results li > a')].map((a) => a.textContent),
    metas: [...document.querySelectorAll('#search-results .meta')].map((p) => p.textContent),
    snippets: [...document.querySelectorAll('#search-results .summary')].map((p) => p.textContent),
  }));
}

async function search() {
  const server = await serveFolder(site, '/');
  const r = {};
  for (const [how, base] of [['file', fileBase], ['http', server.base]]) {
    const page = await browser.newPage();
    const q = (s) => base + 'search.html?q=' + encodeURIComponent(s);
    r[how] = {
      docNo: await searchOnce(page, q('青安办〔2026〕9号')),
      docNoTyped: await searchOnce(page, q('青安办[2026]9号')),
      issuer: await searchOnce(page, q('青石镇人民政府')),
      placeholders: await searchOnce(page, q('主要负责人')),
    };
    await page.goto(base + 'search.html');
    const suggested = await page.evaluate(() => [...document.querySelectorAll('.hint a')].map((a) => ({ word: a.textContent, href: a.href })));
    const placeholder = await page.evaluate(() => document.getElementById('q').placeholder);
    r[how].suggested = [];
    for (const s of suggested) r[how].suggested.push({ word: s.word, ...(await searchOnce(page, s.href)) });
    r[how].placeholder = placeholder;
    if (how === 'http') await page.screenshot({ path: path.join(shots, 'search-suggested-1280.png'), fullPage: true });
    await page.close();
  }
  server.close();
  return r;
}

/* A missing page: the links of the 404 page once its script found the site's root, whether
   each leads somewhere (HTTP status), and whether the stylesheet applied. */
async function missing(page, url) {
  const resp = await page.goto(url);
  // Its script probes for the site's root, then points links and the stylesheet there (serve
  // keeps a reload stream open, so the network never goes idle: wait for the style instead).
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.site-header')).backgroundColor !== 'rgba(0, 0, 0, 0)', null, { timeout: 5000 }).catch(() => {});
  const found = await page.evaluate(() => ({
    title: document.title,
    styled: getComputedStyle(document.querySelector('.site-header')).backgroundColor,
    links: [...document.querySelectorAll('a[href]:not([href^="#"])')].map((a) => a.href).filter((h) => h.startsWith(location.origin + '/')),
  }));
  found.status = resp.status();
  found.broken = [];
  for (const h of new Set(found.links)) {
    const s = await get(h.split('#')[0]);
    if (s !== 200) found.broken.push(h + ' → ' + s);
  }
  return found;
}

async function notfound() {
  const server = await serveFolder(site, '/zt/aqbzh/');
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  const r = { host: [], serve: [] };
  for (const rel of ['nope.html', 'notices/nope.html', 'a/b/c/d.html']) {
    r.host.push({ rel, ...(await missing(page, server.base + rel)) });
  }
  await page.screenshot({ path: path.join(shots, '404-deep-375.png'), fullPage: true });
  if (serveBase) {
    for (const rel of ['nope.html', 'a/b/c/d.html']) r.serve.push({ rel, ...(await missing(page, serveBase + rel)) });
  }
  server.close();
  return r;
}

async function readable() {
  const pages = JSON.parse(process.env.PAGES);
  const r = { pages: [], sizes: {} };
  for (const elder of [false, true]) {
    for (const width of [375, 1280]) {
      const ctx = await browser.newContext({ viewport: { width, height: 800 } });
      await ctx.addInitScript((e) => { localStorage.setItem('xg-elder', e ? '1' : '0'); localStorage.setItem('xg-size', ''); }, elder);
      const page = await ctx.newPage();
      for (const t of pages) {
        await page.goto(fileBase + t);
        await page.waitForLoadState('networkidle');
        if (t.startsWith('search.html')) await page.waitForSelector('#search-results li', { timeout: 10000 });
        const name = (elder ? 'elder-' : '') + t.replace(/[\/?=]/g, '_').replace('.html', '') + '-' + width + '.png';
        await page.screenshot({ path: path.join(shots, name), fullPage: true });
        const facts = await page.evaluate(() => {
          const vis = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
          const footer = document.querySelector('.site-footer').getBoundingClientRect();
          return {
            elder: document.documentElement.classList.contains('elder'),
            overflow: document.documentElement.scrollWidth > window.innerWidth + 1,
            // Cells squeezed below two characters wide.
            squeezed: [...document.querySelectorAll('td, th')].filter(vis)
              .filter((c) => c.textContent.trim().length > 1 && c.getBoundingClientRect().width < 2 * parseFloat(getComputedStyle(c).fontSize))
              .map((c) => c.textContent.trim().slice(0, 12)),
            // Chart labels smaller than 12 px on screen.
            smallLabels: [...document.querySelectorAll('svg text')].filter(vis)
              .map((t) => ({ text: t.textContent, px: parseFloat(t.getAttribute('font-size') || getComputedStyle(t).fontSize) * t.closest('svg').getScreenCTM().a }))
              .filter((t) => t.px < 12),
            // Dates broken over two lines.
            wrapped: [...document.querySelectorAll('time')].filter(vis).filter((e) => e.getClientRects().length > 1).map((e) => e.textContent),
            // Short labels broken over lines (a status squeezed to one character a line).
            squeezedLabels: [...document.querySelectorAll('.phase-status, .days')].filter(vis)
              .filter((e) => e.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(e).lineHeight))
              .map((e) => e.textContent),
            current: [...document.querySelectorAll('nav [aria-current]')].map((a) => a.textContent.trim()),
            footerGap: document.documentElement.scrollHeight <= window.innerHeight ? Math.round(window.innerHeight - footer.bottom) : 0,
          };
        });
        r.pages.push({ page: t, width, elder, axe: await axe(page), shot: name, ...facts });
      }
      await ctx.close();
    }
  }
  // Font sizes of the body, a 公文 and a letter for each 字号, with and without 长辈版.
  const notice = pages.find((p) => p.startsWith('notices/') && p !== 'notices/index.html');
  const letter = pages.find((p) => p.startsWith('letters/') && p !== 'letters/index.html');
  for (const size of ['', 'l', 'xl']) {
    for (const elder of [false, true]) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await ctx.addInitScript(([s, e]) => { localStorage.setItem('xg-size', s); localStorage.setItem('xg-elder', e ? '1' : '0'); }, [size, elder]);
      const page = await ctx.newPage();
      await page.goto(fileBase + notice);
      const px = (sel) => page.evaluate((s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize), sel);
      const body = await px('body');
      const gongwen = await px('.gongwen p, .gongwen');
      await page.goto(fileBase + letter);
      const letterPx = await px('.letter .body p, .letter .body');
      if (size === 'xl' && elder) {
        await page.setViewportSize({ width: 375, height: 800 });
        await page.screenshot({ path: path.join(shots, 'elder-xl-letter-375.png') });
      }
      r.sizes[(size || 'standard') + (elder ? '+elder' : '')] = { body, gongwen, letter: letterPx };
      await ctx.close();
    }
  }
  return r;
}
