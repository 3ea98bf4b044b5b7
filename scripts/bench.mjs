// The performance figures of the release dist/ (run by scripts/bench; prints, asserts nothing).
//
// In headless Chromium (Debian's), through the DevTools protocol, the map and a bare Leptos 0.8
// counter page (target/bare-dist) loaded in turn, cold, 4× CPU throttling, median of 5:
// - bytes of the first load, raw and gzipped (level 6, as servers do), by kind, and the bytes
//   before the map is on screen (the HTML and the CSS: the map is drawn in the HTML);
// - time from navigation to the first frame painted with the towns, and to the slider
//   working (`<main data-state="live">`), against the bare page's time to its button;
// - first and largest contentful paint and the layout shift, on an emulated slow 4G link;
// - frames during a full autoplay: how many took over 16.7 ms, and the longest;
// - time from a slider input to the next animation frame, p50 and p95 of 60 inputs;
// - the desk's editor: reading an article, and publishing the seed's embed (click → download);
// - many reports: the editor merging 100 articles, a reader's page of 500 events.

import { readFile, readdir, stat, mkdir, copyFile, writeFile, cp } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join, extname } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { serve, launch, publishStory, DIST, ROOT } from '../tests/browser/support.mjs';

const RUNS = 5;
const THROTTLE = 4;
const BARE = join(ROOT, 'target', 'bare-dist');
const PEERS = join(ROOT, 'target', 'peers-dist');
const MODULES = join(ROOT, 'tests', 'browser', 'node_modules');
// Lighthouse's mobile profile: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

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

/**
 * Loads `url` cold with CPU throttling (and `network` conditions if given). Reads, inside the
 * page: when `drawn` first exists and the frame after it is painted; when `ready` first exists;
 * first and largest contentful paint; the layout shift summed over the load.
 */
async function load(browser, url, { drawn, ready, network }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network) await cdp.send('Network.emulateNetworkConditions', network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await page.addInitScript(({ drawn, ready }) => {
    const m = (window.__bench = { shift: 0 });
    const painted = (key) => {
      // The frame with the element is painted once the next task after its frame runs.
      requestAnimationFrame(() => setTimeout(() => (m[key] = performance.now())));
    };
    const check = () => {
      if (!m.drawnSeen && document.querySelector(drawn)) {
        m.drawnSeen = true;
        painted('drawn');
      }
      if (!m.readySeen && document.querySelector(ready)) {
        m.readySeen = true;
        m.ready = performance.now();
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') m.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) m.lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (!e.hadRecentInput) m.shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  }, { drawn, ready });
  const paths = [];
  page.on('request', (r) => paths.push(new URL(r.url()).pathname));
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.drawn && window.__bench.ready, null, { timeout: 120000 });
  // LCP is final at the first input; wait a moment for late entries first.
  await page.waitForTimeout(300);
  const m = await page.evaluate(() => {
    const b = window.__bench;
    for (const e of performance.getEntriesByType('mark')) if (e.name.startsWith('newsmap:')) b[e.name] = e.startTime;
    b.parsed = performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd;
    return b;
  });
  await context.close();
  return { ...m, paths };
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

function table(byKind, budget) {
  const rows = Object.entries(byKind).sort((a, b) => b[1].gz - a[1].gz);
  const total = rows.reduce((s, [, v]) => ({ raw: s.raw + v.raw, gz: s.gz + v.gz }), { raw: 0, gz: 0 });
  for (const [k, v] of rows) console.log(`  ${k.padEnd(8)} ${kb(v.raw).padStart(10)} raw ${kb(v.gz).padStart(10)} gzipped`);
  console.log(`  ${'total'.padEnd(8)} ${kb(total.raw).padStart(10)} raw ${kb(total.gz).padStart(10)} gzipped${budget ? `   (budget ${budget})` : ''}`);
  return total;
}

/**
 * The peers' pages (bench/peers) with their libraries from npm and the same story: its towns,
 * its events as points with their dates and sentences, the basemap.
 */
async function buildPeers() {
  await mkdir(PEERS, { recursive: true });
  const files = {
    'leaflet.js': 'leaflet/dist/leaflet.js',
    'leaflet.css': 'leaflet/dist/leaflet.css',
    'iso8601.js': 'iso8601-js-period/iso8601.js',
    'leaflet.timedimension.min.js': 'leaflet-timedimension/dist/leaflet.timedimension.min.js',
    'leaflet.timedimension.control.min.css': 'leaflet-timedimension/dist/leaflet.timedimension.control.min.css',
    'timeline.js': '@knight-lab/timelinejs/dist/js/timeline.js',
    'timeline.css': '@knight-lab/timelinejs/dist/css/timeline.css',
  };
  for (const [to, from] of Object.entries(files)) await copyFile(join(MODULES, from), join(PEERS, to));
  // TimelineJS's icon font, where its stylesheet asks for it.
  await cp(join(MODULES, '@knight-lab/timelinejs/dist/css/icons'), join(PEERS, 'css', 'icons'), { recursive: true });
  for (const f of ['leaflet.html', 'leaflet-page.js', 'timeline.html']) await copyFile(join(ROOT, 'bench', 'peers', f), join(PEERS, f));
  const read = async (f) => JSON.parse(await readFile(join(ROOT, 'assets', f), 'utf8'));
  const [events, places, basemap] = await Promise.all(['events.json', 'places.geojson', 'basemap.geojson'].map(read));
  const at = new Map(places.features.filter((f) => f.geometry.type === 'Point').map((f) => [f.properties.id, f]));
  const dated = events.events.filter((e) => e.date);
  const iso = (d) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d.replace('Z', ''));
  const story = {
    bounds: [[30.0, 10.0], [33.5, 20.5]],
    basemap,
    towns: [...at.values()].map((f) => ({ name: f.properties.name, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] })),
    times: [...new Set(dated.map((e) => Date.parse(iso(e.date) + (e.date.length > 10 ? 'Z' : 'T12:00Z'))))].sort((a, b) => a - b),
    events: {
      type: 'FeatureCollection',
      features: dated.filter((e) => at.has(e.place)).map((e) => ({ type: 'Feature', geometry: at.get(e.place).geometry, properties: { time: iso(e.date), actor: e.actor, quote: e.quote } })),
    },
    timeline: {
      title: { text: { headline: 'Libya, June 2020', text: 'The war for Tripoli' } },
      events: dated.map((e) => {
        const [year, month, day] = e.date.slice(0, 10).split('-');
        return { start_date: { year, ...(month && { month }), ...(day && { day }) }, text: { headline: e.kind, text: e.quote } };
      }),
    },
  };
  await writeFile(join(PEERS, 'story.js'), `const STORY = ${JSON.stringify(story)};\n`);
}

const browser = await launch();
// Served gzipped, as web servers and CDNs serve these files.
const app = await serve({ root: DIST, prefix: '/', gzip: true });
let bare;
try {
  await stat(join(BARE, 'index.html'));
  bare = await serve({ root: BARE, prefix: '/', gzip: true });
} catch {
  console.log('(no target/bare-dist: run scripts/bench to build the bare Leptos baseline)');
}

await buildPeers();
const peers = await serve({ root: PEERS, prefix: '/', gzip: true });

// The floor of these figures on this machine: a page of one heading and one paragraph.
const floorPage = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Floor</title></head><body><h1>A heading</h1><p>One paragraph.</p></body></html>';
const floor = await serve({ routes: { '/': { type: 'text/html; charset=utf-8', body: floorPage } } });

const version = browser.version();
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model?.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB; Chromium ${version}, headless`);

// 1. Bytes, and the times of the first load. The map and the bare page load in turn, so that
// both see the same state of the machine; the ratios of their medians are the figures.
const pages = [
  { name: 'the map', server: app, root: DIST, drawn: '[data-testid="place-sirte"][data-control]', ready: 'main[data-state="live"]', runs: [], slow: [] },
  ...(bare ? [{ name: 'the bare Leptos 0.8 counter page', server: bare, root: BARE, drawn: '[data-testid="counter"]', ready: '[data-testid="counter"]', runs: [], slow: [] }] : []),
  { name: 'Leaflet 1.9 + TimeDimension 1.1', server: peers, url: peers.url + 'leaflet.html', root: PEERS, drawn: '.leaflet-overlay-pane path', ready: '.timecontrol-slider .knob', runs: [], slow: [] },
  { name: 'TimelineJS 3.9', server: peers, url: peers.url + 'timeline.html', root: PEERS, drawn: '.tl-slide-content', ready: '.tl-timenav .tl-timemarker', runs: [], slow: [] },
  { name: 'a static page of one heading (the floor)', server: floor, root: null, drawn: 'h1', ready: 'h1', runs: [], slow: [] },
];
for (let i = 0; i < RUNS; i++) {
  for (const p of pages) {
    const r = await load(browser, p.url ?? p.server.url, p);
    p.runs.push(r);
    p.paths = r.paths;
    p.slow.push(await load(browser, p.url ?? p.server.url, { ...p, network: SLOW_4G }));
  }
}
const map = pages[0];
const counter = bare ? pages[1] : null;
const leaflet = pages.find((p) => p.name.startsWith('Leaflet'));
const floorRuns = pages[pages.length - 1];
for (const p of pages.filter((p) => p.root)) {
  console.log(`\nFirst load of ${p.name} (same-origin bytes):`);
  table(await bytes(p.root, '/', p.paths), p === map ? '100 KB gzipped' : '');
}
const first = await bytes(DIST, '/', map.paths.filter((q) => /(\/|\.html|\.css)$/.test(q)));
console.log('Bytes before the map is on screen (the HTML and the CSS):');
table(first, '25 KB gzipped');

const ms = (runs, key) => runs.map((r) => r[key].toFixed(0)).join(', ');
const med = (runs, key) => median(runs.map((r) => r[key]));
console.log(`\n${THROTTLE}× CPU throttling, median of ${RUNS} cold loads, the map and the bare page in turn:`);
console.log(`  navigation → towns painted:   ${med(map.runs, 'drawn').toFixed(0)} ms (runs: ${ms(map.runs, 'drawn')})`);
console.log(`  navigation → slider works:    ${med(map.runs, 'ready').toFixed(0)} ms (runs: ${ms(map.runs, 'ready')})`);
if (counter) {
  const base = med(counter.runs, 'drawn');
  console.log(`  bare page → button painted:   ${base.toFixed(0)} ms (runs: ${ms(counter.runs, 'drawn')})`);
  console.log(`  towns painted / bare button:  ${(med(map.runs, 'drawn') / base).toFixed(2)}× (budget 0.5×)`);
  console.log(`  slider works / bare button:   ${(med(map.runs, 'ready') / base).toFixed(2)}× (budget 1.3×)`);
}
for (const p of pages.slice(counter ? 2 : 1, -1)) {
  console.log(`  ${p.name}: drawn ${med(p.runs, 'drawn').toFixed(0)} ms (runs: ${ms(p.runs, 'drawn')}), interactive ${med(p.runs, 'ready').toFixed(0)} ms (runs: ${ms(p.runs, 'ready')})`);
}
const steps = ['parsed', 'newsmap:start', 'newsmap:glue', 'newsmap:module', 'newsmap:data', 'newsmap:live'];
console.log(`  the map's start, median ms from navigation: ${steps.map((k) => `${k.replace('newsmap:', '')} ${med(map.runs.filter((r) => r[k] !== undefined), k).toFixed(0)}`).join(', ')} (parsed: the HTML, DOMContentLoaded)`);
console.log(`  towns painted / Leaflet drawn:       ${(med(map.runs, 'drawn') / med(leaflet.runs, 'drawn')).toFixed(2)}× (goal ≤ 0.5×)`);
console.log(`  slider works / Leaflet interactive:  ${(med(map.runs, 'ready') / med(leaflet.runs, 'ready')).toFixed(2)}× (goal ≤ 0.8×)`);
console.log(`  the floor, a static heading:  ${med(floorRuns.runs, 'drawn').toFixed(0)} ms (runs: ${ms(floorRuns.runs, 'drawn')})`);
console.log(`\nSame, on an emulated slow 4G link (150 ms, 1.6 Mbit/s), median of ${RUNS}:`);
for (const p of pages) {
  const lcpGap = median(p.slow.map((r) => r.lcp - r.fcp));
  console.log(`  ${p.name}: first contentful paint ${med(p.slow, 'fcp').toFixed(0)} ms, largest ${med(p.slow, 'lcp').toFixed(0)} ms (LCP − FCP ${lcpGap.toFixed(0)} ms, budget 200), interactive ${med(p.slow, 'ready').toFixed(0)} ms, layout shift ${Math.max(...p.slow.map((r) => r.shift)).toFixed(3)} (worst; budget 0.01)`);
}

/** The map in a new page, unthrottled, once the app has taken it over. */
async function openMap(url = app.url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('main[data-state="live"]');
  return { context, page };
}

/** Frames during autoplay (no throttling): the whole of it, or its first `limitMs`. */
async function autoplay(url, limitMs = Infinity) {
  const { context, page } = await openMap(url);
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
  const done = () => document.querySelector('[data-testid="play"]').getAttribute('aria-pressed') === 'false';
  if (Number.isFinite(limitMs)) await page.waitForTimeout(limitMs);
  else await page.waitForFunction(done, null, { timeout: 120000 });
  const frames = await page.evaluate(() => {
    window.__recording = false;
    return window.__frames;
  });
  await context.close();
  const gaps = frames.slice(1).map((t, i) => t - frames[i]);
  return { gaps, slow: gaps.filter((g) => g > 16.7 + 0.5) };
}

/** Slider input → next frame, over 60 keyboard inputs; and the app's own share of it. */
async function sliderInput(url) {
  const { context, page } = await openMap(url);
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
  await context.close();
  return { lat, script: work.map((w) => w[0]), laidOut: work.map((w) => w[1]) };
}

// 2. Frames during a full autoplay (no throttling).
{
  const { gaps, slow } = await autoplay(app.url);
  console.log(`\nFull autoplay: ${gaps.length} frames, ${slow.length} over 16.7 ms (budget 0), longest ${Math.max(...gaps).toFixed(1)} ms`);
}

// 3. Slider input → next frame.
{
  const { lat, script, laidOut } = await sliderInput(app.url);
  const late = lat.filter((t) => t > 16.7 + 0.5).length;
  console.log(`Slider input → next frame: p50 ${pct(lat, 50).toFixed(1)} ms, p95 ${pct(lat, 95).toFixed(1)} ms over ${lat.length} inputs (budget < 16 ms); ${late} later than one frame`);
  console.log(`  of which the app's work: script p50 ${pct(script, 50).toFixed(1)} ms, p95 ${pct(script, 95).toFixed(1)} ms; with style and layout p50 ${pct(laidOut, 50).toFixed(1)} ms, p95 ${pct(laidOut, 95).toFixed(1)} ms`);
}

// 4. The desk's editor: from "Read the article" to the rows shown, for the seed article and
// for a page of 1 MB (the seed's paragraphs over and over), unthrottled, median of 5.
{
  const seed = await readFile(join(ROOT, 'assets', 'article.html'), 'utf8');
  const paras = seed.match(/<p[\s\S]*?<\/p>/g).join('\n');
  const big = `<html><body>${paras.repeat(Math.ceil((1024 * 1024) / paras.length))}</body></html>`;
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(app.url + '?edit');
  await page.waitForFunction(() => /Ready|back/.test(document.querySelector('[data-testid="editor-status"]')?.textContent ?? ''), null, { timeout: 60000 });
  for (const [name, html] of [['the seed article', seed], [`a page of ${kb(big.length)}`, big]]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      await page.$eval('[data-testid="editor-input"]', (t, v) => (t.value = v), html);
      await page.$eval('[data-testid="editor-status"]', (s) => s.removeAttribute('data-ms'));
      await page.click('[data-testid="editor-run"]');
      await page.waitForSelector('[data-testid="editor-status"][data-ms]', { timeout: 120000 });
      runs.push(Number(await page.getAttribute('[data-testid="editor-status"]', 'data-ms')));
    }
    const rows = await page.$$eval('[data-testid="editor-event"]', (r) => r.length);
    console.log(`Editor, ${name}: read → ${rows} rows shown, median ${median(runs).toFixed(0)} ms (runs: ${runs.map((t) => t.toFixed(0)).join(', ')})${html === seed ? ' (goal < 100 ms)' : ''}`);
  }
  await context.close();
}

// 5. Publishing: from a click on "Publish" to the finished download of the seed's embed,
// unthrottled, median of 5: the editor's own clock (fetching the site's files, drawing the
// page and the snapshot, zipping) and the browser's (the click to the file on disk).
{
  const seed = await readFile(join(ROOT, 'assets', 'article.html'), 'utf8');
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(app.url + '?edit');
  await page.waitForFunction(() => /Ready|back/.test(document.querySelector('[data-testid="editor-status"]')?.textContent ?? ''), null, { timeout: 60000 });
  await page.$eval('[data-testid="editor-input"]', (t, v) => (t.value = v), seed);
  await page.click('[data-testid="editor-run"]');
  await page.waitForSelector('[data-testid="editor-status"][data-ms]', { timeout: 120000 });
  await page.fill('[data-testid="editor-headline"]', 'Libya, June 2020: the GNA retakes Tarhuna');
  await page.fill('[data-testid="editor-host"]', 'https://graphics.example.com/2020/libya/');
  await page.press('[data-testid="editor-host"]', 'Tab');
  const own = [];
  const whole = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    await page.$eval('[data-testid="editor-status"]', (s) => s.removeAttribute('data-ms'));
    const t0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="editor-publish"]')]);
    const path = await download.path();
    whole.push(Date.now() - t0);
    size = (await stat(path)).size;
    await page.waitForSelector('[data-testid="editor-status"][data-ms]');
    own.push(Number(await page.getAttribute('[data-testid="editor-status"]', 'data-ms')));
  }
  const runs = (xs) => xs.map((t) => t.toFixed(0)).join(', ');
  console.log(`Publish the seed: click → download on disk, median ${median(whole).toFixed(0)} ms (runs: ${runs(whole)}; goal < 3000 ms); the editor's part ${median(own).toFixed(0)} ms (runs: ${runs(own)}); the zip ${kb(size)}`);
  await context.close();
}

// 6. Lighthouse (mobile, simulated: the defaults editors run on their pages), once each, the
// pages in turn: its performance and accessibility scores, and its first and largest
// contentful paint.
{
  const { default: lighthouse } = await import(join(MODULES, 'lighthouse', 'core', 'index.js'));
  const chromeLauncher = await import(join(MODULES, 'chrome-launcher', 'dist', 'index.js'));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
  });
  console.log('\nLighthouse 13, mobile (simulated throttling), once each:');
  const lh = {};
  for (const p of pages.filter((p) => p.root)) {
    const run = await lighthouse(p.url ?? p.server.url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    const a = run.lhr.audits;
    const r = (lh[p.name] = { fcp: a['first-contentful-paint'].numericValue, lcp: a['largest-contentful-paint'].numericValue });
    const score = (c) => Math.round(run.lhr.categories[c].score * 100);
    const failed = Object.values(a).filter((x) => x.score === 0 && x.scoreDisplayMode === 'binary').map((x) => x.id);
    console.log(`  ${p.name}: performance ${score('performance')}, accessibility ${score('accessibility')}; FCP ${r.fcp.toFixed(0)} ms, LCP ${r.lcp.toFixed(0)} ms (LCP − FCP ${(r.lcp - r.fcp).toFixed(0)} ms)${failed.length ? `; failed: ${failed.join(', ')}` : ''}`);
  }
  const mine = lh[map.name];
  const bareLh = counter && lh[counter.name];
  console.log(`  the map: LCP − FCP ${(mine.lcp - mine.fcp).toFixed(0)} ms (goal ≤ 100)${bareLh ? `; FCP − the bare page's ${(mine.fcp - bareLh.fcp).toFixed(0)} ms (goal ≤ 300)` : ''}`);
  await chrome.kill();
}

// 7. Many reports in one story. The editor reads 100 articles (the development corpus's real
// reports, over again) dropped at once and merges each one's events into the story: the time
// of each merge ("newsmap:merge", the editor's own clock). Then a reader's page of 500 events
// (the Tripoli story's events spread over 2019–2020), published with the `publish` command:
// its first load against the seed's, 20 s of its autoplay, and slider inputs.
{
  console.log('\nMany reports in one story:');
  const dev = join(ROOT, 'tests', 'real', 'dev');
  const names = (await readdir(dev)).filter((n) => n.endsWith('.html')).sort();
  const files = Array.from({ length: 100 }, (_, i) => join(dev, names[i % names.length]));
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(app.url + '?edit');
  await page.waitForFunction(() => /Ready|back/.test(document.querySelector('[data-testid="editor-status"]')?.textContent ?? ''), null, { timeout: 60000 });
  await page.click('[data-testid="editor-new-story"]');
  const t0 = Date.now();
  await page.setInputFiles('[data-testid="editor-file"]', files);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="editor-article"]').length === 100, null, { timeout: 600000 });
  await page.waitForFunction(() => /^Read in/.test(document.querySelector('[data-testid="editor-status"]').textContent), null, { timeout: 60000 });
  const wall = Date.now() - t0;
  const merges = await page.evaluate(() => performance.getEntriesByName('newsmap:merge').map((e) => e.duration));
  const rows = await page.$$eval('[data-testid="editor-event"]', (r) => r.length);
  const sum = merges.reduce((a, b) => a + b, 0);
  console.log(`  editor, 100 articles dropped at once: every merge together ${sum.toFixed(0)} ms (goal < 1 s); per article median ${median(merges).toFixed(1)} ms, longest ${Math.max(...merges).toFixed(1)} ms; ${rows} rows; read and shown in ${(wall / 1000).toFixed(1)} s in all`);
  await context.close();

  const story = JSON.parse(await readFile(join(ROOT, 'stories', 'tripoli-2019-2020', 'events.json'), 'utf8'));
  const start = Date.UTC(2019, 3, 1);
  const events = Array.from({ length: 500 }, (_, i) => {
    const e = story.events[i % story.events.length];
    const day = new Date(start + Math.floor((i * 600) / 500) * 86400000).toISOString().slice(0, 10);
    return { ...e, id: `e${i + 1}`, date: day, sources: e.sources?.map((s) => ({ ...s, date: day })), also: [] };
  });
  const many = await publishStory({ ...story, events }, { headline: 'A story of 500 events' });
  const gz = await serve({ root: many.root, prefix: '/', gzip: true });
  const loaded = await load(browser, gz.url, { drawn: '[data-testid="place-tripoli"]', ready: 'main[data-state="live"]' });
  const seedLoad = await load(browser, app.url, { drawn: '[data-testid="place-sirte"]', ready: 'main[data-state="live"]' });
  const mine = await bytes(many.root, '/', loaded.paths);
  const seedBytes = await bytes(DIST, '/', seedLoad.paths);
  console.log('  first load of the 500-event page, against the seed\'s (gzipped):');
  for (const k of new Set([...Object.keys(mine), ...Object.keys(seedBytes)])) {
    const [a, b] = [mine[k]?.gz ?? 0, seedBytes[k]?.gz ?? 0];
    console.log(`    ${k.padEnd(8)} ${kb(a).padStart(10)} against ${kb(b).padStart(10)} (${a >= b ? '+' : '−'}${kb(Math.abs(a - b))})`);
  }
  const stops = await (async () => {
    const { context, page } = await openMap(gz.url);
    const n = await page.$eval('[data-testid="date-slider"]', (s) => Number(s.max) + 1);
    await context.close();
    return n;
  })();
  const { gaps, slow } = await autoplay(gz.url, 20000);
  console.log(`  500 events, ${stops} stops: 20 s of autoplay, ${gaps.length} frames, ${slow.length} over 16.7 ms (budget 0), longest ${Math.max(...gaps).toFixed(1)} ms`);
  const { lat, script } = await sliderInput(gz.url);
  console.log(`  500 events: slider input → next frame p50 ${pct(lat, 50).toFixed(1)} ms, p95 ${pct(lat, 95).toFixed(1)} ms (budget ≤ 16 ms); the app's script p95 ${pct(script, 95).toFixed(1)} ms`);
  await gz.close();
  await many.done();
}

await browser.close();
await peers.close();
await app.close();
await bare?.close();
await floor.close();
