// The performance figures of the release dist/ (run by scripts/bench; prints, asserts nothing).
//
// In headless Chromium (Debian's), through the DevTools protocol:
// - bytes of the first load, raw and gzipped (level 6, as servers do), by kind;
// - time from navigation to the towns drawn, with 4× CPU throttling, median of 5 cold loads,
//   and the same figure for a bare Leptos 0.8 page (target/bare-dist) in the same run;
// - frames during a full autoplay: how many took over 16.7 ms, and the longest;
// - time from a slider input to the next animation frame, p50 and p95 of 60 inputs.

import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join, extname } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { serve, launch, DIST, ROOT } from './support.mjs';

const RUNS = 5;
const THROTTLE = 4;
const BARE = join(ROOT, 'target', 'bare-dist');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function kindOf(path) {
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('.js')) return 'js';
  if (path.endsWith('.css')) return 'css';
  if (path.includes('basemap')) return 'basemap';
  if (/\.(json|geojson)$/.test(path)) return 'data';
  if (path.endsWith('.html') || path.endsWith('/')) return 'html';
  return extname(path).slice(1) || 'other';
}

/** Loads `url` cold with CPU throttling; ms from navigation start until `selector` exists. */
async function timeToDrawn(browser, url, selector) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.addInitScript((sel) => {
    const check = () => {
      if (!window.__drawnAt && document.querySelector(sel)) window.__drawnAt = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  }, selector);
  const paths = [];
  page.on('request', (r) => paths.push(new URL(r.url()).pathname));
  await page.goto(url);
  await page.waitForFunction(() => window.__drawnAt, null, { timeout: 60000 });
  const t = await page.evaluate(() => window.__drawnAt);
  await context.close();
  return { t, paths };
}

async function bytes(root, prefix, paths) {
  const byKind = {};
  for (const p of new Set(paths)) {
    let rel = p.slice(prefix.length) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    let body;
    try {
      body = await readFile(join(root, rel));
    } catch {
      continue;
    }
    const k = kindOf(rel);
    byKind[k] ??= { raw: 0, gz: 0 };
    byKind[k].raw += body.length;
    byKind[k].gz += gzipSync(body, { level: 6 }).length;
  }
  return byKind;
}

function table(byKind) {
  const rows = Object.entries(byKind).sort((a, b) => b[1].gz - a[1].gz);
  const total = rows.reduce((s, [, v]) => ({ raw: s.raw + v.raw, gz: s.gz + v.gz }), { raw: 0, gz: 0 });
  for (const [k, v] of rows) console.log(`  ${k.padEnd(8)} ${kb(v.raw).padStart(10)} raw ${kb(v.gz).padStart(10)} gzipped`);
  console.log(`  ${'total'.padEnd(8)} ${kb(total.raw).padStart(10)} raw ${kb(total.gz).padStart(10)} gzipped   (budget 70 KB gzipped)`);
  return total;
}

const browser = await launch();
const app = await serve({ root: DIST, prefix: '/' });
let bare;
try {
  await stat(join(BARE, 'index.html'));
  bare = await serve({ root: BARE, prefix: '/' });
} catch {
  console.log('(no target/bare-dist: run scripts/bench to build the bare Leptos baseline)');
}

const version = browser.version();
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model?.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB; Chromium ${version}, headless`);

// 1. Bytes and time to the towns drawn. The map and the bare page load in turn, so that both
// see the same state of the machine; the ratio of their medians is the figure.
const pages = [
  { name: 'the map', server: app, root: DIST, selector: '[data-testid="place-sirte"][data-control]', runs: [], paths: [] },
  ...(bare ? [{ name: 'the bare Leptos 0.8 counter page', server: bare, root: BARE, selector: '[data-testid="counter"]', runs: [], paths: [] }] : []),
];
for (let i = 0; i < RUNS; i++) {
  for (const p of pages) {
    const r = await timeToDrawn(browser, p.server.url, p.selector);
    p.runs.push(r.t);
    p.paths = r.paths;
  }
}
for (const p of pages) {
  console.log(`\nFirst load of ${p.name} (same-origin bytes):`);
  table(await bytes(p.root, '/', p.paths));
}
const [map, counter] = pages;
const ms = (runs) => runs.map((t) => t.toFixed(0)).join(', ');
console.log(`\nNavigation → towns drawn, ${THROTTLE}× CPU throttling, median of ${RUNS}: ${median(map.runs).toFixed(0)} ms (runs: ${ms(map.runs)})`);
if (counter) {
  const ratio = median(map.runs) / median(counter.runs);
  console.log(`Navigation → bare counter drawn, same conditions, in turn with the map: ${median(counter.runs).toFixed(0)} ms (runs: ${ms(counter.runs)}); ratio ${ratio.toFixed(2)}× (budget 1.3×)`);
}

/** The map in a new page, unthrottled, once its towns are drawn. */
async function openMap() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(app.url);
  await page.waitForSelector('[data-testid="place-sirte"][data-control]');
  return { context, page };
}

// 2. Frames during a full autoplay (no throttling).
{
  const { context, page } = await openMap();
  await page.evaluate(() => {
    window.__frames = [];
    const tick = (ts) => {
      window.__frames.push(ts);
      if (window.__recording) requestAnimationFrame(tick);
    };
    window.__recording = true;
    requestAnimationFrame(tick);
  });
  await page.click('[data-testid="play"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="play"]').getAttribute('aria-pressed') === 'false', null, { timeout: 60000 });
  const frames = await page.evaluate(() => {
    window.__recording = false;
    return window.__frames;
  });
  const gaps = frames.slice(1).map((t, i) => t - frames[i]);
  const slow = gaps.filter((g) => g > 16.7 + 0.5);
  console.log(`\nFull autoplay: ${gaps.length} frames, ${slow.length} over 16.7 ms (budget 0), longest ${Math.max(...gaps).toFixed(1)} ms`);
  await context.close();
}

// 3. Slider input → next frame.
{
  const { context, page } = await openMap();
  await page.evaluate(() => {
    window.__latency = [];
    window.__work = [];
    let t0 = 0;
    window.addEventListener(
      'input',
      () => {
        t0 = performance.now();
        requestAnimationFrame(() => window.__latency.push(performance.now() - t0));
      },
      { capture: true },
    );
    // After every listener and the reactive updates they queued (microtasks run between
    // listeners): the app's work for the input, then style and layout forced at once.
    window.addEventListener('input', () => {
      const t1 = performance.now();
      void document.body.offsetHeight;
      window.__work.push([t1 - t0, performance.now() - t0]);
    });
  });
  await page.focus('[data-testid="date-slider"]');
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press(i % 10 < 5 ? 'ArrowRight' : 'ArrowLeft');
    await page.waitForTimeout(30);
  }
  const lat = await page.evaluate(() => window.__latency);
  const work = await page.evaluate(() => window.__work);
  const script = work.map((w) => w[0]);
  const laidOut = work.map((w) => w[1]);
  const late = lat.filter((t) => t > 16.7 + 0.5).length;
  console.log(`Slider input → next frame: p50 ${pct(lat, 50).toFixed(1)} ms, p95 ${pct(lat, 95).toFixed(1)} ms over ${lat.length} inputs (budget < 16 ms); ${late} later than one frame`);
  console.log(`  of which the app's work: script p50 ${pct(script, 50).toFixed(1)} ms, p95 ${pct(script, 95).toFixed(1)} ms; with style and layout p50 ${pct(laidOut, 50).toFixed(1)} ms, p95 ${pct(laidOut, 95).toFixed(1)} ms`);
  await context.close();
}

await browser.close();
await app.close();
await bare?.close();
