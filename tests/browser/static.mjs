// A static host for the browser checks: serves a folder under a sub-path (as a county portal
// does, e.g. /zt/aqbzh/) and answers a missing address with the folder's 404.html, status 404.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.xml': 'application/xml', '.png': 'image/png', '.svg': 'image/svg+xml' };

export async function serveFolder(dir, prefix) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const send = (file, status) => {
      res.writeHead(status, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      if (req.method === 'HEAD') res.end(); else fs.createReadStream(file).pipe(res);
    };
    let rel = url.startsWith(prefix) ? url.slice(prefix.length) : null;
    if (rel !== null && (rel === '' || rel.endsWith('/'))) rel += 'index.html';
    const file = rel === null ? null : path.join(root, rel);
    if (file && file.startsWith(root) && fs.existsSync(file) && fs.statSync(file).isFile()) send(file, 200);
    else send(path.join(root, '404.html'), 404);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${server.address().port}${prefix}`, close: () => server.close() };
}

/* The HTTP status of a GET of `url`. */
export function get(url) {
  return new Promise((resolve) => {
    http.get(url, (res) => { res.resume(); resolve(res.statusCode); }).on('error', () => resolve(0));
  });
}
