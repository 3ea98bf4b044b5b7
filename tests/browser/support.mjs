// Shared by the browser tests: a static server for dist/ on a loopback port, and a headless
// Chromium (Debian's, driven by playwright-core) that records console errors and requests.

import { createServer } from 'node:http';
import { gzipSync, inflateRawSync } from 'node:zlib';
import { readFile, mkdir, mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
export const DIST = join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'target', 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves `root` under `prefix` on 127.0.0.1 (a free port).
 * - `overrides`: { '/assets/places.geojson': 'body' | null } replaces a file's body, or
 *   answers 404 for null.
 * - `headers`: extra response headers for every HTML page (e.g. a CSP).
 * - `routes`: { '/path': { type, body } } extra files, e.g. a host page.
 * - `gzip`: compress every file for clients that accept it (level 6, as web servers do).
 * POSTs to /csp-report are collected in `reports`.
 * Returns { origin, url, close, requests, reports } where requests lists every path asked for.
 */
export async function serve({ root = DIST, prefix = '/', overrides = {}, headers = {}, routes = {}, gzip = false } = {}) {
  const requests = [];
  const reports = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (req.method === 'POST' && path === '/csp-report') {
      let body = '';
      for await (const chunk of req) body += chunk;
      reports.push(body);
      res.writeHead(204).end();
      return;
    }
    if (routes[path]) {
      res.writeHead(200, { 'content-type': routes[path].type, ...(routes[path].headers ?? {}) });
      res.end(routes[path].body);
      return;
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = path.slice(prefix.length) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const key = '/' + rel;
    if (key in overrides) {
      if (overrides[key] === null) {
        res.writeHead(404).end('not found');
      } else {
        res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' });
        res.end(overrides[key]);
      }
      return;
    }
    const file = normalize(join(root, rel));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const head = { 'content-type': type, ...(type.startsWith('text/html') ? headers : {}) };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 6 });
        head['content-encoding'] = 'gzip';
      }
      res.writeHead(200, head);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + prefix,
    requests,
    reports,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A new page of the given size that records console errors and warnings, page errors and
 * the URL of every request.
 */
export async function openPage(browser, { width = 1280, height = 900, reducedMotion = 'no-preference', colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, reducedMotion, colorScheme });
  const page = await context.newPage();
  const log = { errors: [], warnings: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
    if (m.type() === 'warning') log.warnings.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => log.requests.push(r.url()));
  return { page, context, log };
}

export async function screenshot(page, name) {
  await mkdir(SHOTS, { recursive: true });
  const path = join(SHOTS, name);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Waits until the app has taken the prerendered page over (`<main data-state="live">`).
 */
export async function live(page, timeout = 15000) {
  await page.waitForSelector('main[data-state="live"]', { timeout });
}

/**
 * The map shows one layout per width of its frame (the others are `display: none`): the
 * selector of an element of the map the reader sees. `sel` is a selector inside the map.
 */
export const shown = (sel = '') => `svg.map:visible ${sel}`.trim();

/** Whether an arrow or strike mark of the map the reader sees is showing. */
export async function markShown(page, testid) {
  return page.evaluate((id) => {
    const svg = [...document.querySelectorAll('svg.map')].find((s) => s.getBoundingClientRect().width > 0);
    const mark = svg?.querySelector(`[data-testid="${id}"]`);
    return !!mark && mark.getAttribute('visibility') !== 'hidden';
  }, testid);
}

/** The bounding boxes of an element and of the map's <svg> the reader sees, in page pixels. */
export async function boxWithinMap(page, selector) {
  return page.evaluate((sel) => {
    const svg = [...document.querySelectorAll('svg.map')].find((s) => s.getBoundingClientRect().width > 0);
    const el = svg?.querySelector(sel);
    if (!el || !svg) return null;
    const r = el.getBoundingClientRect();
    const m = svg.getBoundingClientRect();
    return {
      box: { x: r.x, y: r.y, width: r.width, height: r.height },
      map: { x: m.x, y: m.y, width: m.width, height: m.height },
    };
  }, selector);
}

export function inside(box, map) {
  return (
    box.width > 0 &&
    box.height > 0 &&
    box.x >= map.x - 0.5 &&
    box.y >= map.y - 0.5 &&
    box.x + box.width <= map.x + map.width + 0.5 &&
    box.y + box.height <= map.y + map.height + 0.5
  );
}

/**
 * The files of a zip archive (stored or deflated entries), by name: read from its central
 * directory, as any unzip tool does.
 */
export function unzip(zip) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`entry ${i}: no central directory header`);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const [nameLength, extraLength, commentLength] = [28, 30, 32].map((o) => zip.readUInt16LE(at + o));
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/**
 * Publishes a story's `events.json` (an object) from the built dist/ with the `publish`
 * command, as a desk that scripts does, and serves the embed. Returns the server (see `serve`)
 * with a `done()` that closes it and removes the folder.
 */
export async function publishStory(events, { headline = 'A story', headers = {} } = {}) {
  const folder = await mkdtemp(join(tmpdir(), 'newsmap-story-'));
  const file = join(folder, 'events.json');
  await writeFile(file, JSON.stringify(events));
  const out = join(folder, 'embed');
  await promisify(execFile)(
    'cargo',
    ['run', '--quiet', '-p', 'newsmap-desk', '--bin', 'publish', '--', file, '--dist', DIST, '--out', out, '--host', 'https://example.org/story/', '--headline', headline],
    { cwd: ROOT, maxBuffer: 1 << 24 },
  );
  const site = await serve({ root: out, headers });
  site.root = out;
  site.done = async () => {
    await site.close();
    await rm(folder, { recursive: true, force: true });
  };
  return site;
}
