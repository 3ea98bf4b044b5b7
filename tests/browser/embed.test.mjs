// The map embedded as a news page would: in an iframe on another origin, sized by the real
// pym.js parent library and by the README's one-line listener; under a strict CSP; from a
// deep sub-path; without JavaScript; with the query options hosts use.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, screenshot, ROOT, live, shown } from './support.mjs';

const SUBPATH = '/graphics/2020/libya/';
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; report-uri /csp-report";

let app;
let browser;
before(async () => {
  app = await serve({ prefix: SUBPATH });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** The README's one-line auto-height script, exactly as documented. */
async function readmeSnippet() {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const after = readme.split('<!-- embed-snippet -->')[1];
  const script = after?.match(/<script>.*<\/script>/)?.[0];
  assert.ok(script, 'README.md has the one-line embed script');
  return script;
}

/** A host page on another origin (another loopback port) embedding the app. */
async function host(body) {
  const pym = await readFile(join(ROOT, 'tests/browser/node_modules/pym.js/dist/pym.v1.min.js'));
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">
<style>body{margin:0;font-family:sans-serif} p{margin:16px}</style></head><body>
<p>Article text before the map.</p>${body}<p>Article text after the map.</p>
<script>window.__messages=[];window.addEventListener("message",function(e){window.__messages.push(e.data)});</script>
</body></html>`;
  return serve({
    routes: {
      '/article.html': { type: 'text/html; charset=utf-8', body: page },
      '/pym.js': { type: 'text/javascript', body: pym },
    },
  });
}

/** The iframe's height and the height of the content inside it, once they agree (or time out). */
async function heights(page) {
  const frame = page.frames().find((f) => f.url().startsWith(app.origin));
  assert.ok(frame, 'the map is framed');
  await frame.waitForSelector('main[data-state="live"]');
  let last;
  for (let i = 0; i < 50; i++) {
    const iframe = await page.$eval('iframe', (f) => f.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => ({
      content: Math.ceil(document.querySelector('main').getBoundingClientRect().bottom),
      scroll: document.documentElement.scrollHeight,
      client: document.documentElement.clientHeight,
    }));
    last = { iframe, ...inner };
    if (Math.abs(iframe - inner.content) <= 2 && inner.scroll <= inner.client + 1) return last;
    await page.waitForTimeout(100);
  }
  return last;
}

async function followsContent(hostBody, name) {
  const site = await host(hostBody);
  const { page, context, log } = await openPage(browser, { width: 320, height: 800 });
  try {
    await page.goto(site.origin + '/article.html');
    const seen = [];
    for (const width of [320, 768, 1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      const h = await heights(page);
      assert.ok(Math.abs(h.iframe - h.content) <= 2, `${name} at ${width}px: iframe ${h.iframe} for content ${h.content}`);
      assert.ok(h.scroll <= h.client + 1, `${name} at ${width}px: no inner scrollbar (${h.scroll} > ${h.client})`);
      seen.push(h.iframe);
    }
    // Wide screens keep the key and the whole list open: taller than a phone's folded page.
    // So the frame grew, then shrank back.
    assert.ok(seen[2] > seen[0] && seen[3] < seen[2], `${name}: heights ${seen}`);
    await screenshot(page, `embed-${name}.png`);
    assert.deepEqual(log.errors, []);
    return await page.evaluate(() => window.__messages);
  } finally {
    await context.close();
    await site.close();
  }
}

test('pym.js 1.3.2 on another origin sizes the iframe to the content at 320, 768 and 1280 px', async () => {
  const messages = await followsContent(
    `<div id="map"></div><script src="/pym.js"></script><script>new pym.Parent("map", ${JSON.stringify(app.url + 'index.html')}, {title: "Map of the story"});</script>`,
    'pym',
  );
  assert.ok(messages.some((m) => typeof m === 'string' && /^pymxPYMxmapxPYMxheightxPYMx\d+$/.test(m)));
});

test("the README's one-line listener sizes a plain iframe; every message carries only a height", async () => {
  const snippet = await readmeSnippet();
  const messages = await followsContent(
    `<iframe src="${app.url}index.html" title="Map" width="100%" height="300" style="border:0;width:100%"></iframe>${snippet}`,
    'datawrapper',
  );
  const dw = messages.filter((m) => m && typeof m === 'object' && 'datawrapper-height' in m);
  const amp = messages.filter((m) => m && typeof m === 'object' && m.sentinel === 'amp');
  const pym = messages.filter((m) => typeof m === 'string');
  assert.ok(dw.length && amp.length && pym.length, 'all three formats are sent');
  for (const m of dw) assert.deepEqual(Object.keys(m), ['datawrapper-height']);
  for (const m of amp) assert.deepEqual(Object.keys(m).sort(), ['height', 'sentinel', 'type']);
  for (const m of amp) assert.equal(m.type, 'embed-size');
  for (const m of pym) assert.match(m, /^pymxPYMx[\w-]+xPYMxheightxPYMx\d+$/);
});

test('under a strict CSP from a deep sub-path: no violation, everything same-origin, the story plays', async () => {
  const strict = await serve({ prefix: SUBPATH, headers: { 'Content-Security-Policy': CSP } });
  const { page, context, log } = await openPage(browser, { width: 1024 });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  try {
    await page.goto(strict.url + '?date=2020-06-06');
    await live(page);
    assert.equal(await page.getAttribute(shown('[data-testid="place-sirte"]'), 'data-contested'), 'true');
    await page.focus('[data-testid="date-slider"]');
    await page.keyboard.press('End');
    await page.waitForSelector('[data-testid="ceasefire"]');
    await page.waitForTimeout(500);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(strict.reports, [], 'no CSP report reached the server');
    assert.deepEqual(log.errors, []);
    assert.ok(strict.requests.every((p) => p.startsWith(SUBPATH)), `all under the sub-path: ${strict.requests}`);
    assert.deepEqual(log.requests.filter((u) => !u.startsWith(strict.origin) && !u.startsWith('data:')), []);
  } finally {
    await context.close();
    await strict.close();
  }
});

test('without JavaScript the page is the story at its start: the map, the caption, every event', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.goto(app.url);
  await page.waitForSelector(shown('[data-testid="place-sirte"]'));
  for (const id of ['tripoli', 'tarhuna', 'bani_walid', 'sirte']) {
    assert.ok(await page.$(shown(`[data-testid="label-${id}"]:visible`)), `${id} is labelled`);
  }
  assert.equal(await page.getAttribute('main', 'data-state'), 'static');
  assert.match(await page.textContent('[data-testid="caption"]'), /uprising/);
  const events = await page.$$eval('[data-testid="event-list"] li', (l) => l.map((e) => e.textContent));
  assert.ok(events.length >= 10 && events.some((e) => /GNA takes Tarhuna/.test(e)), `${events.length} events`);
  assert.equal(await page.$('noscript'), null, 'no second, image-only version');
  await screenshot(page, 'noscript.png');
  await context.close();
});

test('the demo story of 30 reports, drawn before its module runs: its towns, a caption citing its reports, every event', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.goto(app.url + 'stories/tripoli-2019-2020/');
  for (const id of ['tripoli', 'tarhuna', 'tajoura', 'ain_zara']) {
    assert.ok(await page.$(shown(`[data-testid="place-${id}"]`)), `${id} is on the map`);
  }
  assert.equal(await page.getAttribute('main', 'data-state'), 'static');
  assert.match(await page.textContent('[data-testid="sources"]'), /Reported by/);
  const events = await page.$$eval('[data-testid="event-list"] li', (l) => l.map((e) => e.textContent));
  const data = JSON.parse(await readFile(join(ROOT, 'stories', 'tripoli-2019-2020', 'events.json'), 'utf8'));
  assert.equal(events.length, data.events.length);
  assert.ok(events.some((e) => /\(2 reports\)/.test(e)), 'the list says how many reports back an event');
  await context.close();
  // Live, the slider answers and nothing goes wrong.
  const { page: live_, context: c2, log } = await openPage(browser, { width: 800 });
  await live_.goto(app.url + 'stories/tripoli-2019-2020/?date=2020-05-06');
  await live(live_);
  assert.match(await live_.textContent('[data-testid="date-label"]'), /6 May 2020/);
  assert.deepEqual(log.errors, []);
  await c2.close();
});

test('the map is on screen before the module runs; if the module cannot start, the page stays and says so', async () => {
  // A slow module: the drawn page shows at once, and comes alive when the module arrives.
  {
    const { page, context } = await openPage(browser, { width: 800 });
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(app.url);
    await page.waitForSelector(shown('[data-testid="place-sirte"]'));
    assert.equal(await page.getAttribute('main', 'data-state'), 'static');
    release();
    await live(page);
    await context.close();
  }
  // No module at all.
  {
    const { page, context, log } = await openPage(browser, { width: 800 });
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not here' }));
    await page.goto(app.url);
    const note = await page.waitForSelector('[data-testid="fallback"]');
    assert.match(await note.textContent(), /could not start/);
    assert.equal(await page.getAttribute('main', 'data-state'), 'failed');
    assert.ok(await page.$(shown('[data-testid="place-sirte"]')), 'the drawn map stays');
    assert.ok(log.errors.some((e) => /could not start/.test(e)), `the console says why: ${log.errors}`);
    await screenshot(page, 'fallback.png');
    await context.close();
  }
});

test('?theme=dark darkens the page; ?controls=0 keeps map and caption only', async () => {
  const { page, context } = await openPage(browser, { width: 375 });
  await page.goto(app.url + '?theme=dark&controls=0&date=2020-06-05');
  await live(page);
  assert.equal(await page.getAttribute(shown('[data-testid="place-tarhuna"]'), 'data-control'), 'gna');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  const bg = await page.$eval('body', (b) => getComputedStyle(b).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `dark background: ${bg}`);
  assert.equal(await page.$('[data-testid="date-slider"]:visible'), null);
  assert.equal(await page.$('[data-testid="event-list"]:visible'), null);
  assert.match(await page.textContent('[data-testid="caption"]'), /Tarhuna/);
  assert.equal(await page.textContent('[data-testid="date-label"]'), 'Friday 5 June 2020');
  await screenshot(page, 'compact-dark.png');
  await context.close();
});

test('assets/snapshot.svg is the one the code draws now', async () => {
  // The freshness check itself is native (tests/snapshot.rs); here, that dist/ ships it.
  const shipped = await readFile(join(ROOT, 'dist/assets/snapshot.svg'), 'utf8');
  const source = await readFile(join(ROOT, 'assets/snapshot.svg'), 'utf8');
  assert.equal(shipped, source);
});
