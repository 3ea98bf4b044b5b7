// The desk's editor (index.html?edit): paste an article, review what the extractor read
// against the text, fix it, export what the reader's page loads. Nothing of it reaches a
// reader.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { serve, launch, openPage, live, shown, unzip, ROOT } from './support.mjs';

let server;
let browser;
let seed;
let shipped;
before(async () => {
  server = await serve();
  browser = await launch();
  seed = await readFile(join(ROOT, 'assets', 'article.html'), 'utf8');
  shipped = JSON.parse(await readFile(join(ROOT, 'assets', 'events.json'), 'utf8'));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const status = (page) => page.textContent('[data-testid="editor-status"]');

/** The editor in a fresh browser context (an empty localStorage). */
async function editor(context) {
  const page = await context.newPage();
  const log = { errors: [], requests: [] };
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && log.errors.push(m.text()));
  page.on('request', (r) => log.requests.push(r.url()));
  await page.goto(server.url + '?edit');
  await page.waitForFunction(() => /Ready|back/.test(document.querySelector('[data-testid="editor-status"]')?.textContent));
  return { page, log };
}

async function read(page, html, date = '') {
  await page.fill('[data-testid="editor-input"]', html);
  if (date) await page.fill('[data-testid="editor-date"]', date);
  await page.click('[data-testid="editor-run"]');
  await page.waitForFunction(() => /^Read in|no events|not text|up to|Paste/.test(document.querySelector('[data-testid="editor-status"]').textContent));
}

const rows = (page) =>
  page.$$eval('[data-testid="editor-event"]', (rs) => rs.map((r) => ({ id: r.dataset.id, kind: r.dataset.kind, date: r.dataset.date, place: r.dataset.place, actor: r.dataset.actor })));

/** Sets a field of the row of event `id` as a desk would: type, then leave the field. */
async function edit(page, id, field, value) {
  const sel = `[data-testid="editor-event"][data-id="${id}"] [data-field="${field}"]`;
  const tag = await page.$eval(sel, (e) => e.tagName);
  if (tag === 'SELECT') await page.selectOption(sel, value);
  else {
    await page.fill(sel, value);
    await page.press(sel, 'Tab');
  }
}

/** The preview's map at the stop whose label starts with `label`: who holds `place`. */
async function previewControl(page, label, place) {
  const value = await page.$$eval('[data-testid="editor-preview-stop"] option', (os, label) => os.find((o) => o.textContent.startsWith(label))?.value, label);
  assert.ok(value !== undefined, `the preview has a stop "${label}"`);
  await page.selectOption('[data-testid="editor-preview-stop"]', value);
  return page.getAttribute(`[data-testid="editor-preview"] ${shown(`[data-testid="place-${place}"]`)}`, 'data-control');
}

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
  return readFile(await file.path(), 'utf8');
}

test('the seed article reads as the shipped events, and exports them unchanged', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const { page, log } = await editor(context);
  await read(page, seed);
  assert.match(await status(page), /found 12 events/);
  const want = shipped.events.map((e) => ({ id: e.id, kind: e.kind, date: e.date ?? '', place: e.place ?? '', actor: e.actor ?? '' }));
  assert.deepEqual(await rows(page), want);
  assert.deepEqual(JSON.parse(await download(page, 'editor-download-events')), shipped);
  // Each row shows how sure the extractor is and how it dated the event.
  assert.match(await page.textContent('[data-testid="editor-event"][data-id="e11"] .desk-basis'), /\d+%.+/s);
  // The sentence of an event, marked in the article's text.
  await page.click('[data-testid="editor-event"][data-id="e11"] [data-testid="editor-show"]');
  const marked = await page.$$eval('[data-testid="editor-mark"]', (ms) => ms.map((m) => m.textContent).join(''));
  assert.equal(marked, shipped.events.find((e) => e.id === 'e11').quote);
  // The article went to the worker, not to any server: every request is for the page's own files.
  const own = new URL(server.url).origin;
  const elsewhere = log.requests.filter((u) => !u.startsWith(own + '/') && !/^(blob|data):/.test(u));
  assert.deepEqual(elsewhere, []);
  assert.ok(!log.requests.some((u) => /article/.test(u)), log.requests.join('\n'));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('an edit moves the preview, a deletion takes a mark off it, a bad value is marked, a reload keeps it all', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const { page } = await editor(context);
  await read(page, seed);
  const tarhuna = shipped.events.find((e) => e.kind === 'capture' && e.place === 'tarhuna').id;
  assert.equal(await previewControl(page, 'Saturday 6 June 2020', 'tarhuna'), 'gna');
  await edit(page, tarhuna, 'date', '2020-06-07');
  assert.equal(await previewControl(page, 'Saturday 6 June 2020', 'tarhuna'), 'lna');
  assert.equal(await previewControl(page, 'Sunday 7 June 2020', 'tarhuna'), 'gna');

  // The redraw after an edit keeps the desk's place: Tab went on to the row's next field.
  assert.ok(
    await page.evaluate((id) => document.activeElement?.closest('[data-testid="editor-event"]')?.dataset.id === id && document.activeElement.dataset.field !== 'date', tarhuna),
    'focus stays in the row, on the next field',
  );

  // Typing in a field, then pressing a button straight away: the change lands, and so does the press.
  const offensive = shipped.events.find((e) => e.kind === 'offensive' && e.place === 'sirte').id;
  assert.ok(await page.$(`[data-testid="editor-preview"] [data-testid="arrow-${offensive}"]`));
  const strikes = shipped.events.find((e) => e.kind === 'airstrike').id;
  await page.fill(`[data-testid="editor-event"][data-id="${strikes}"] [data-field="count"]`, '7');
  await page.click(`[data-testid="editor-event"][data-id="${offensive}"] [data-testid="editor-delete"]`);
  assert.equal(await page.$(`[data-testid="editor-preview"] [data-testid="arrow-${offensive}"]`), null);
  assert.equal((await rows(page)).length, shipped.events.length - 1);
  assert.equal(await page.inputValue(`[data-testid="editor-event"][data-id="${strikes}"] [data-field="count"]`), '7');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'editor-show', 'after a deletion, the focus is on a harmless button');

  await edit(page, 'e1', 'date', 'next week');
  const field = '[data-testid="editor-event"][data-id="e1"] [data-field="date"]';
  assert.equal(await page.getAttribute(field, 'aria-invalid'), 'true');
  assert.match(await page.textContent('[data-testid="editor-event"][data-id="e1"]'), /not a date/);

  await page.reload();
  await page.waitForSelector('[data-testid="editor-event"]');
  const after = await rows(page);
  assert.equal(after.length, shipped.events.length - 1);
  assert.equal(after.find((r) => r.id === tarhuna).date, '2020-06-07');
  assert.equal(await previewControl(page, 'Saturday 6 June 2020', 'tarhuna'), 'lna');
  await context.close();
});

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; report-uri /csp-report";

test('a real report, edited and published: the zip is the whole embed, served anywhere, no editor in it', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const { page } = await editor(context);
  const report = await readFile(join(ROOT, 'tests', 'real', 'dev', 'echo-2020-06-17-unrest-tarhouna-bani-walid.html'), 'utf8');
  await read(page, report);
  assert.match(await status(page), /found 5 events/);
  // The story's words start from the report's own, not the seed's.
  assert.equal(await page.inputValue('[data-testid="editor-headline"]'), 'Lybia - Unrest (DG ECHO) (ECHO Daily Flash of 17 June 2020)');
  assert.equal(await page.inputValue('[data-testid="editor-headline-ar"]'), '');
  const tarhuna = (await rows(page)).find((r) => r.place === 'tarhuna');
  await edit(page, tarhuna.id, 'date', '2020-06-05');
  const headline = 'Tarhuna falls a day before Bani Walid';
  await page.fill('[data-testid="editor-headline"]', headline);
  await page.fill('[data-testid="editor-headline-ar"]', 'سقوط ترهونة');
  await page.fill('[data-testid="editor-standfirst"]', 'As reported on 17 June 2020');
  await page.fill('[data-testid="editor-host"]', 'not an address');
  await page.click('[data-testid="editor-publish"]');
  assert.match(await status(page), /is not a web address/);
  await page.fill('[data-testid="editor-host"]', 'https://graphics.example.com/2020/tarhuna/');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="editor-publish"]')]);
  await page.waitForFunction(() => /^Published in/.test(document.querySelector('[data-testid="editor-status"]').textContent));
  assert.match(download.suggestedFilename(), /^newsmap-tarhuna-falls.*\.zip$/);
  const files = unzip(await readFile(await download.path()));
  assert.match(files.get('embed.html').toString(), /graphics\.example\.com\/2020\/tarhuna\/index\.html/);
  assert.ok(![...files.keys()].some((f) => /editor|worker|gazetteer/.test(f)), [...files.keys()].join(' '));
  // The session survives a reload, words and address included.
  await page.reload();
  await page.waitForSelector('[data-testid="editor-event"]');
  assert.equal(await page.inputValue('[data-testid="editor-headline-ar"]'), 'سقوط ترهونة');
  assert.equal(await page.inputValue('[data-testid="editor-host"]'), 'https://graphics.example.com/2020/tarhuna/');
  await context.close();

  const folder = await mkdtemp(join(tmpdir(), 'newsmap-embed-'));
  for (const [name, bytes] of files) {
    await mkdir(dirname(join(folder, name)), { recursive: true });
    await writeFile(join(folder, name), bytes);
  }
  const site = await serve({ root: folder, prefix: '/graphics/2020/tarhuna/', headers: { 'Content-Security-Policy': CSP } });
  const url = `${site.origin}/graphics/2020/tarhuna/`;
  // JavaScript off: the page as drawn, with the desk's headline and the story's towns.
  const still = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const off = await still.newPage();
  await off.goto(url);
  assert.equal(await off.textContent('h1'), headline);
  for (const town of ['tarhuna', 'bani_walid']) assert.ok(await off.$(`[data-testid="place-${town}"]`), town);
  await still.close();
  // JavaScript on: live, the edited date on the slider, one module, nothing of the editor.
  const { page: reader, context: readerContext, log } = await openPage(browser, { width: 375, height: 800 });
  await reader.goto(url + '?date=2020-06-05');
  await live(reader);
  assert.match(await reader.textContent('[data-testid="date-label"]'), /5 June 2020/);
  assert.equal(await reader.getAttribute(shown('[data-testid="place-tarhuna"]'), 'data-control'), 'gna');
  const wasm = log.requests.filter((u) => u.endsWith('.wasm'));
  assert.equal(wasm.length, 1, wasm.join('\n'));
  assert.ok(!log.requests.some((u) => /newsmap-(editor|worker)/.test(u)), log.requests.join('\n'));
  assert.ok(log.requests.every((u) => u.startsWith(site.origin)), 'every request to the embed\'s own origin');
  const height = await reader.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height <= 1000, `${height} px tall at 375 px`);
  assert.deepEqual(site.reports, [], 'no CSP report');
  assert.deepEqual(log.errors, []);
  await readerContext.close();
  await site.close();
  await rm(folder, { recursive: true, force: true });
});

const DEV = join(ROOT, 'tests', 'real', 'dev');
const THREE = [
  'ocha-2019-10-08-hc-el-hillo-condemns-attacks-janzour.html',
  'ocha-2019-10-09-story-hc-condemns-attacks-field-hospital.html',
  'echo-2019-10-08-airstrike-field-hospital-qasr-ben-gashir.html',
];

const storyRows = (page) =>
  page.$$eval('[data-testid="editor-event"]', (rs) => rs.map((r) => ({ id: r.dataset.id, kind: r.dataset.kind, place: r.dataset.place, sources: Number(r.dataset.sources), conflict: r.dataset.conflict === 'true' })));

test('three reports of the same days make one story: each event once with every source, a disagreement flagged', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const { page, log } = await editor(context);
  for (const [i, name] of THREE.entries()) {
    await read(page, await readFile(join(DEV, name), 'utf8'));
    // The status line said "Read in…" for the last one too: wait for this one to join.
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="editor-article"]').length === n, i + 1);
  }
  assert.equal(await page.locator('[data-testid="editor-article"]').count(), 3, await page.textContent('[data-testid="editor-articles"]'));
  const pasted = await storyRows(page);
  const qasr = pasted.filter((r) => r.kind === 'airstrike' && r.place === 'qasr_bin_ghashir');
  assert.equal(qasr.length, 1, JSON.stringify(pasted));
  assert.equal(qasr[0].sources, 2);
  const row = page.locator(`[data-testid="editor-event"][data-id="${qasr[0].id}"]`);
  assert.match(await row.textContent(), /merged from 2 reports/);
  const flagged = pasted.filter((r) => r.conflict);
  assert.equal(flagged.length, 1, JSON.stringify(pasted));
  assert.match(await page.textContent(`[data-testid="editor-event"][data-id="${flagged[0].id}"] [data-testid="editor-conflict"]`), /date/);

  // The desk names the third outlet as its caption will cite it.
  const echo = page.locator('[data-testid="editor-article"]').nth(2);
  await echo.locator('[data-testid="editor-article-outlet"]').fill('ECHO Daily Flash');
  await echo.locator('[data-testid="editor-article-outlet"]').press('Tab');
  await page.waitForSelector('[data-testid="editor-article"][data-outlet="ECHO Daily Flash"]');

  // A reload keeps all of it.
  await page.reload();
  await page.waitForSelector('[data-testid="editor-event"]');
  assert.deepEqual(await storyRows(page), pasted);
  assert.equal(await page.locator('[data-testid="editor-article"]').count(), 3);

  // Removing ECHO's report removes what only it told; the strike stays, told by OCHA alone.
  await page.click('[data-testid="editor-article"][data-outlet="ECHO Daily Flash"] [data-testid="editor-remove-article"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="editor-article"]').length === 2);
  const after = await storyRows(page);
  const strike = after.find((r) => r.id === qasr[0].id);
  assert.equal(strike?.sources, 1, JSON.stringify(after));
  assert.ok(after.length < pasted.length || after.every((r) => pasted.some((p) => p.id === r.id)));

  // Several files at once are read one after another into a new story, the same story.
  await page.click('[data-testid="editor-new-story"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="editor-article"]').length === 0);
  await page.setInputFiles('[data-testid="editor-file"]', THREE.map((n) => join(DEV, n)));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="editor-article"]').length === 3, null, { timeout: 30000 });
  await page.waitForFunction(() => /^Read in/.test(document.querySelector('[data-testid="editor-status"]').textContent));
  const opened = await storyRows(page);
  assert.deepEqual(opened.map(({ id, ...r }) => r), pasted.map(({ id, ...r }) => r));
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a place nobody knows is flagged and put on the map with a click; a sentence becomes an event', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const { page } = await editor(context);
  await read(page, seed);
  // An exported events.json in which the extractor did not know a place.
  const data = structuredClone(shipped);
  const strike = data.events.find((e) => e.kind === 'airstrike');
  delete strike.place;
  strike.place_name = 'Qasr bin Ghashir';
  await page.setInputFiles('[data-testid="editor-import"]', { name: 'events.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });
  await page.waitForSelector('[data-testid="editor-unknown-place"][data-name="Qasr bin Ghashir"]');
  assert.match(await page.textContent(`[data-testid="editor-event"][data-id="${strike.id}"]`), /not on the map/);
  // The Arabic name typed first, then "Place it on the map": the name survives the redraw.
  await page.fill('[data-testid="editor-unknown-place"] [data-testid="editor-name-ar"]', 'قصر بن غشير');
  await page.click('[data-testid="editor-unknown-place"] [data-testid="editor-place-on-map"]');
  const map = await page.$(`[data-testid="editor-preview"] ${shown()}`);
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.waitForSelector(`[data-testid="editor-preview"] ${shown('[data-testid="place-qasr_bin_ghashir"]')}`);
  assert.equal((await rows(page)).find((r) => r.id === strike.id).place, 'qasr_bin_ghashir');
  assert.equal(await page.textContent(`[data-testid="editor-preview"] ${shown('text[lang="ar"][data-testid="label-qasr_bin_ghashir"]')}`), 'قصر بن غشير');

  const before = (await rows(page)).length;
  await page.evaluate(() => {
    const p = document.querySelectorAll('[data-testid="editor-text"] .desk-para')[3];
    const range = document.createRange();
    range.setStart(p.firstChild, 0);
    range.setEnd(p.firstChild, Math.min(60, p.firstChild.length));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  });
  const selected = await page.evaluate(() => getSelection().toString());
  await page.click('[data-testid="editor-add"]');
  const added = await rows(page);
  assert.equal(added.length, before + 1);
  const id = `e${before + 1}`;
  assert.ok(added.some((r) => r.kind === 'statement' && r.id === id), JSON.stringify(added));
  assert.equal(await quoteOf(page, id), selected.trim());

  // A whole paragraph chosen with a triple click, across the mark of the chosen sentence.
  await page.click(`[data-testid="editor-event"][data-id="${id}"] [data-testid="editor-show"]`);
  const para = page.locator('[data-testid="editor-text"] .desk-para', { has: page.locator('[data-testid="editor-mark"]') });
  const text = (await para.textContent()).trim();
  await para.click({ clickCount: 3 });
  await page.click('[data-testid="editor-add"]');
  assert.equal(await quoteOf(page, `e${before + 2}`), text);
  await context.close();
});

/** The sentence of event `id`, as its row gives it. */
const quoteOf = (page, id) => page.getAttribute(`[data-testid="editor-event"][data-id="${id}"] [data-testid="editor-show"]`, 'title');

test('an events.json imported into an empty editor brings each event back with its sentence', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const { page, log } = await editor(context);
  await page.setInputFiles('[data-testid="editor-import"]', { name: 'events.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(shipped)) });
  await page.waitForFunction(() => /^Imported/.test(document.querySelector('[data-testid="editor-status"]').textContent));
  assert.match(await status(page), /sentences alone/);
  assert.equal((await rows(page)).length, shipped.events.length);
  for (const e of shipped.events.slice(0, 4)) {
    await page.click(`[data-testid="editor-event"][data-id="${e.id}"] [data-testid="editor-show"]`);
    const marked = await page.$$eval('[data-testid="editor-mark"]', (ms) => ms.map((m) => m.textContent).join(''));
    assert.equal(marked, e.quote);
  }
  // An event whose span runs backwards is refused, with the reason, and the session stays.
  const backwards = structuredClone(shipped);
  backwards.events[0].span = [9, 3];
  await page.setInputFiles('[data-testid="editor-import"]', { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backwards)) });
  await page.waitForFunction(() => /is not an events.json.+start ≤ end/.test(document.querySelector('[data-testid="editor-status"]').textContent));
  assert.equal((await rows(page)).length, shipped.events.length);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('on a wide screen the sentence, its row and the map sit side by side; showing a sentence brings it into view', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const { page } = await editor(context);
  await read(page, seed);
  const box = (testid) => page.$eval(`[data-testid="${testid}"]`, (e) => e.getBoundingClientRect().toJSON());
  const [article, table, preview] = [await box('editor-text'), await box('editor-table'), await box('editor-preview')];
  assert.ok(article.right <= table.left && table.right <= preview.left, JSON.stringify({ article, table, preview }));
  assert.ok(Math.abs(article.top - table.top) < 40 && Math.abs(table.top - preview.top) < 80, 'in one band');
  // The preview's map fills its column, as it would a narrow embed.
  const map = await page.$eval(`[data-testid="editor-preview"] ${shown()}`, (m) => m.getBoundingClientRect().width);
  assert.ok(map > preview.width * 0.8, `map ${map} px in a column of ${preview.width} px`);
  // The last event's sentence is far down the article: "show its sentence" scrolls to it.
  const last = shipped.events.reduce((a, b) => (b.span[0] > a.span[0] ? b : a));
  await page.click(`[data-testid="editor-event"][data-id="${last.id}"] [data-testid="editor-show"]`);
  const seen = await page.$eval('[data-testid="editor-mark"]', (m) => {
    const r = m.getBoundingClientRect();
    const c = m.closest('[data-testid="editor-text"]').getBoundingClientRect();
    return r.top >= c.top - 1 && r.top < c.bottom && r.top >= 0 && r.top < innerHeight;
  });
  assert.ok(seen, 'the marked sentence is in view');
  await context.close();
});

test('bad input gets a clear message and the page stays responsive while a long page is read', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const { page, log } = await editor(context);
  await read(page, '   ');
  assert.match(await status(page), /^Paste an article/);
  await read(page, '<p>' + 'x'.repeat(5 * 1024 * 1024) + '</p>');
  assert.match(await status(page), /5\.0 MB.+up to 3 MB/);
  await page.setInputFiles('[data-testid="editor-file"]', { name: 'photo.html', mimeType: 'text/html', buffer: Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)) });
  await page.waitForFunction(() => /not text/.test(document.querySelector('[data-testid="editor-status"]').textContent));
  await read(page, '<p>The weather in Tripoli was fine.</p>');
  assert.match(await status(page), /found no events/);
  // A long page (2.5 MB of reporting): the page keeps drawing frames while the worker reads.
  const para = seed.match(/<p[\s\S]*?<\/p>/g).join('\n');
  const long = `<html><body>${para.repeat(Math.ceil((2.5 * 1024 * 1024) / para.length))}</body></html>`;
  await page.$eval('[data-testid="editor-input"]', (t, v) => (t.value = v), long);
  await page.evaluate(() => {
    window.__gaps = [];
    window.__done = false;
    let last = performance.now();
    let reading = false;
    const tick = (t) => {
      window.__gaps.push(t - last);
      last = t;
      const said = document.querySelector('[data-testid="editor-status"]').textContent;
      reading ||= said.startsWith('Reading');
      if (reading && said.startsWith('Read in')) window.__done = true;
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.click('[data-testid="editor-run"]');
  await page.waitForFunction(() => window.__done, null, { timeout: 120000 });
  const gaps = await page.evaluate(() => window.__gaps);
  const during = gaps.slice(2, -3);
  assert.ok(during.length > 5 && Math.max(...during) < 250, `frames while reading: ${during.length}, longest gap ${Math.max(...during)} ms`);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test("a reader's page loads none of the editor: one WebAssembly module", async () => {
  const { page, context, log } = await openPage(browser, { width: 1280 });
  await page.goto(server.url);
  await live(page);
  const wasm = log.requests.filter((u) => u.endsWith('.wasm'));
  assert.equal(wasm.length, 1, wasm.join('\n'));
  assert.ok(!log.requests.some((u) => /newsmap-(editor|worker)|editor\.css/.test(u)), log.requests.join('\n'));
  await context.close();
});
