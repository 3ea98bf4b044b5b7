// The story map in a real headless Chromium, against the release dist/: control changes,
// arrows, strikes and the ceasefire at the right dates; the slider, keyboard, play and deep
// links; reduced motion; and every bad-data case.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, screenshot, ROOT, live, markShown, shown, publishStory } from './support.mjs';

let server;
let browser;
let events;
before(async () => {
  server = await serve();
  browser = await launch();
  events = JSON.parse(await readFile(join(ROOT, 'assets', 'events.json'), 'utf8')).events;
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const eventId = (kind, place) => {
  const e = events.find((e) => e.kind === kind && e.place === place);
  assert.ok(e, `events.json has a ${kind} at ${place}`);
  return e.id;
};

/** Opens the story at `query` and waits until the app has taken the page over. */
async function open(query = '', options = {}) {
  const opened = await openPage(browser, { width: 1280, height: 900, ...options });
  await opened.page.goto(server.url + query);
  await live(opened.page);
  return opened;
}

/** Goes to another query of the story and waits for the app. */
async function goto(page, query) {
  await page.goto(server.url + query);
  await live(page);
}

const control = (page, id) => page.getAttribute(shown(`[data-testid="place-${id}"]`), 'data-control');
const contested = (page, id) => page.getAttribute(shown(`[data-testid="place-${id}"]`), 'data-contested');
const label = (page) => page.textContent('[data-testid="date-label"]');

test('Tarhuna is LNA on 4 June and GNA on 5 June; Bani Walid flips on 6 June', async () => {
  const { page, context, log } = await open('?date=2020-06-04');
  assert.equal(await control(page, 'tarhuna'), 'lna');
  assert.equal(await control(page, 'bani_walid'), 'lna');
  await goto(page, '?date=2020-06-05');
  assert.equal(await control(page, 'tarhuna'), 'gna');
  assert.equal(await control(page, 'bani_walid'), 'lna');
  assert.equal(await label(page), 'Friday 5 June 2020');
  await goto(page, '?date=2020-06-06');
  assert.equal(await control(page, 'bani_walid'), 'gna');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('Sirte: holder unknown in 2019, LNA from January 2020, contested from the 6 June offensive', async () => {
  const { page, context } = await open('?date=2019-04');
  assert.equal(await control(page, 'sirte'), 'unknown');
  await goto(page, '?date=2020-01');
  assert.equal(await control(page, 'sirte'), 'lna');
  assert.equal(await contested(page, 'sirte'), 'false');
  await goto(page, '?date=2020-06-06');
  assert.equal(await contested(page, 'sirte'), 'true');
  assert.equal(await control(page, 'sirte'), 'lna', 'contested, not changed hands');
  await context.close();
});

test('the Tarhuna → Tripoli arrow runs in 2019–2020 and is gone from 5 June', async () => {
  const id = `arrow-${eventId('offensive', 'tripoli')}`;
  const arrow = shown(`[data-testid="${id}"]`);
  const { page, context } = await open('?date=2019-04');
  assert.ok(await markShown(page, id));
  assert.equal(await page.getAttribute(arrow, 'data-progress'), '1.00');
  assert.match(await page.getAttribute(arrow, 'class'), /lna/);
  await goto(page, '?date=2020-01');
  assert.ok(await markShown(page, id));
  await goto(page, '?date=2020-06-05');
  assert.equal(await control(page, 'tarhuna'), 'gna');
  assert.equal(await markShown(page, id), false);
  await context.close();
});

test('the arrow towards Sirte runs from 6 June, with five strikes', async () => {
  const arrow = `arrow-${eventId('offensive', 'sirte')}`;
  const strike = `strike-${eventId('airstrike', 'sirte')}`;
  const { page, context } = await open('?date=2020-06-05');
  assert.equal(await markShown(page, arrow), false);
  assert.equal(await markShown(page, strike), false);
  await goto(page, '?date=2020-06-06');
  assert.ok(await markShown(page, arrow));
  assert.ok(await markShown(page, strike));
  assert.match(await page.getAttribute(shown(`[data-testid="${arrow}"]`), 'class'), /gna/);
  assert.equal(await page.$$eval(shown(`[data-testid="${strike}"] .burst`), (b) => b.length), 5);
  await context.close();
});

test('the ceasefire shows only from 2020-06-08T16:00Z', async () => {
  const { page, context } = await open('?date=2020-06-08T15:59Z');
  assert.equal(await page.$('[data-testid="ceasefire"]'), null);
  assert.ok(await page.$('[data-testid="ceasefire-announced"]'), 'announced before it takes effect');
  await goto(page, '?date=2020-06-08T16:00Z');
  const banner = await page.waitForSelector('[data-testid="ceasefire"]');
  assert.match(await banner.textContent(), /18:00 \(16:00 GMT\)/);
  assert.equal(await label(page), 'Monday 8 June 2020, 18:00 (16:00 GMT)');
  await context.close();
});

test('the keyboard drives the slider, and its spoken value says the date and what happened', async () => {
  const { page, context } = await open();
  const slider = '[data-testid="date-slider"]';
  assert.equal(await page.getAttribute(slider, 'type'), 'range');
  await page.focus(slider);
  assert.equal(await label(page), '2011');
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.querySelector('[data-testid="date-label"]').textContent.startsWith('Monday 8 June'));
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelector('[data-testid="date-label"]').textContent === '2011');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('[data-testid="date-label"]').textContent === 'Friday 5 June 2020');
  assert.match(await page.getAttribute(slider, 'aria-valuetext'), /^5 June 2020: GNA takes Tarhuna/);
  assert.match(await page.textContent('[data-testid="announcer"]'), /5 June 2020: GNA takes Tarhuna/);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('[data-testid="date-label"]').textContent === 'January 2020');
  await page.keyboard.press('PageUp');
  await page.waitForFunction(() => document.querySelector('[data-testid="date-label"]').textContent !== 'January 2020');
  // The URL follows once the reader settles, so a copied link opens here.
  await page.waitForFunction(() => /[?&]date=/.test(location.search));
  await context.close();
});

test('choosing an event in the list moves the story there; the caption quotes the article as text', async () => {
  const { page, context } = await open();
  const id = eventId('capture', 'tarhuna');
  await page.click(`[data-testid="event-list"] button[data-event="${id}"]`);
  await page.waitForFunction(() => document.querySelector('[data-testid="date-label"]').textContent === 'Friday 5 June 2020');
  assert.equal(await page.getAttribute(`[data-testid="event-list"] button[data-event="${id}"]`, 'aria-current'), 'step');
  const caption = await page.textContent('[data-testid="caption"]');
  assert.match(caption, /The latest development comes a day after the GNA seized the city of Tarhuna/);
  await page.waitForFunction(() => location.search.includes('date=2020-06-05'));
  await context.close();
});

test('a step of the story rewrites attributes of the drawn map, not the map; a narrower frame shows another layout in the same state', async () => {
  const { page, context } = await open('?date=2020-06-06');
  await page.evaluate(() => {
    window.__writes = { nodes: 0, attributes: 0 };
    const svg = [...document.querySelectorAll('svg.map')].find((s) => s.getBoundingClientRect().width > 0);
    window.__kept = [svg, svg.querySelector('[data-testid="place-bani_walid"]')];
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'childList') window.__writes.nodes += r.addedNodes.length + r.removedNodes.length;
        else window.__writes.attributes += 1;
      }
    }).observe(document.querySelector('.map-frame'), { subtree: true, childList: true, attributes: true });
  });
  // At rest nothing is written.
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__writes), { nodes: 0, attributes: 0 });

  // Back to 5 June: Bani Walid is the LNA's again, the offensive on Sirte and its strikes go.
  await page.focus('[data-testid="date-slider"]');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('[data-testid="place-bani_walid"]').dataset.control === 'lna');
  const kept = await page.evaluate(() => window.__kept.every((e) => e.isConnected));
  assert.ok(kept, 'the same <svg> and place elements, updated in place');
  const writes = await page.evaluate(() => window.__writes);
  assert.equal(writes.nodes, 0, 'no element is added or removed');
  assert.ok(writes.attributes > 0 && writes.attributes < 200, `a few attributes change in each layout: ${JSON.stringify(writes)}`);
  assert.equal(await markShown(page, `strike-${eventId('airstrike', 'sirte')}`), false);

  // A narrower page: another layout of the map shows, in the same state, and nothing is drawn.
  const before = await page.getAttribute(shown(), 'data-layout');
  await page.setViewportSize({ width: 600, height: 900 });
  await page.waitForFunction((w) => {
    const svg = [...document.querySelectorAll('svg.map')].find((s) => s.getBoundingClientRect().width > 0);
    return svg && svg.dataset.layout !== w;
  }, before);
  assert.equal(await control(page, 'bani_walid'), 'lna');
  assert.equal(await control(page, 'tarhuna'), 'gna');
  assert.equal(await contested(page, 'tripoli'), 'false');
  assert.equal((await page.evaluate(() => window.__writes)).nodes, 0);
  await context.close();
});

test('?date= between stops shows that day: 7 June, Sirte still under attack, no strikes', async () => {
  const { page, context } = await open('?date=2020-06-07');
  assert.equal(await label(page), 'Sunday 7 June 2020');
  assert.equal(await contested(page, 'sirte'), 'true');
  assert.equal(await markShown(page, `strike-${eventId('airstrike', 'sirte')}`), false);
  assert.equal(await page.$('[data-testid="ceasefire"]'), null);
  await context.close();
});

test('?event= deep link, and invalid values fall back to the start with a console warning', async () => {
  const id = eventId('capture', 'bani_walid');
  let { page, context, log } = await open(`?event=${id}`);
  assert.equal(await label(page), 'Saturday 6 June 2020');
  assert.deepEqual(log.warnings.filter((w) => w.includes('newsmap')), []);
  await context.close();
  for (const query of ['?date=yesterday', '?date=1999-01-01', '?event=e999', '?event=%3Cscript%3E']) {
    ({ page, context, log } = await open(query));
    assert.equal(await label(page), '2011', query);
    assert.ok(log.warnings.some((w) => w.includes('newsmap')), `a console warning for ${query}`);
    assert.deepEqual(log.errors, []);
    await context.close();
  }
});

test('play animates to the end and stops there', async () => {
  const { page, context } = await open('?date=2020-06-05');
  await page.click('[data-testid="play"]');
  assert.equal(await page.getAttribute('[data-testid="play"]', 'aria-pressed'), 'true');
  // Mid-way between stops the arrow towards Sirte is partly drawn.
  const arrow = `arrow-${eventId('offensive', 'sirte')}`;
  await page.waitForFunction(
    (id) => [...document.querySelectorAll(`[data-testid="${id}"]`)].some((a) => {
      const p = Number(a.dataset.progress);
      return a.getAttribute('visibility') === 'visible' && p > 0 && p < 1;
    }),
    arrow,
    { timeout: 5000 },
  );
  await page.waitForFunction(
    () => document.querySelector('[data-testid="play"]').getAttribute('aria-pressed') === 'false',
    null,
    { timeout: 15000 },
  );
  assert.equal(await label(page), 'Monday 8 June 2020, 18:00 (16:00 GMT)');
  assert.ok(await page.$('[data-testid="ceasefire"]'));
  // Where playback stops, the URL says so.
  await page.waitForFunction(() => decodeURIComponent(location.search).includes('date=2020-06-08T16:00Z'));
  await context.close();
});

test('?autoplay=1 plays; reduced motion steps through the same states without animation', async () => {
  const { page, context } = await open('?date=2020-06-06&autoplay=1', { reducedMotion: 'reduce' });
  assert.equal(await page.getAttribute('[data-testid="play"]', 'aria-pressed'), 'true');
  const ring = await page.$eval(shown('[data-testid="place-sirte"] .contest-ring'), (e) => getComputedStyle(e).animationName);
  assert.equal(ring, 'none');
  // No in-between frames: the label only ever shows a stop's date.
  await page.waitForFunction(
    () => document.querySelector('[data-testid="play"]').getAttribute('aria-pressed') === 'false',
    null,
    { timeout: 10000 },
  );
  assert.equal(await label(page), 'Monday 8 June 2020, 18:00 (16:00 GMT)');
  assert.equal(await contested(page, 'sirte'), 'false');
  assert.equal(await control(page, 'sirte'), 'lna');
  await context.close();
});

test('screenshots of three dates', async () => {
  for (const [date, name] of [
    ['2019-04', 'story-2019-04.png'],
    ['2020-06-05', 'story-2020-06-05.png'],
    ['2020-06-08T16:00Z', 'story-2020-06-08.png'],
  ]) {
    const { page, context } = await open(`?date=${date}`, { reducedMotion: 'reduce' });
    await screenshot(page, name);
    await context.close();
  }
});

// ---- Bad data ----

async function openWith(overrides, query = '') {
  const bad = await serve({ overrides });
  const opened = await openPage(browser, { width: 1024 });
  await opened.page.goto(bad.url + query);
  return { ...opened, close: async () => { await opened.context.close(); await bad.close(); } };
}

test('missing events.json: the page says so and still draws the map', async () => {
  const { page, close } = await openWith({ '/assets/events.json': null });
  const text = await (await page.waitForSelector('[data-testid="error"]')).textContent();
  assert.match(text, /events\.json/);
  assert.match(text, /404/);
  assert.ok(await page.$(shown('[data-testid="place-tarhuna"]')));
  await close();
});

test('malformed events.json: the page names the file and the problem', async () => {
  const { page, close } = await openWith({ '/assets/events.json': '{"events": [ {"id": "e1"' });
  const text = await (await page.waitForSelector('[data-testid="error"]')).textContent();
  assert.match(text, /events\.json: not valid JSON \(.+\)/);
  assert.ok(await page.$(shown('[data-testid="boundary"]')));
  await close();
});

test('an event naming an unknown place in replaced data is reported; the page stays as drawn', async () => {
  const data = JSON.parse(await readFile(join(ROOT, 'assets', 'events.json'), 'utf8'));
  const victim = data.events.find((e) => e.kind === 'capture' && e.place === 'sirte');
  victim.place = 'atlantis';
  const { page, close } = await openWith({ '/assets/events.json': JSON.stringify(data) }, '?date=2020-06-05');
  const text = await (await page.waitForSelector('[data-testid="error"]')).textContent();
  assert.match(text, /atlantis/);
  assert.match(text, new RegExp(victim.id));
  await page.waitForFunction(() => document.querySelector('main.newsmap')?.dataset.state === 'stale');
  assert.ok(await page.$('[data-testid="date-slider"]'), 'the page as drawn');
  await close();
});

test('malformed places.geojson with good events: an error, and no blank page', async () => {
  const { page, close } = await openWith({ '/assets/places.geojson': '{"type":"FeatureCollection","features":[{"type":"Feature"}]}' });
  const text = await (await page.waitForSelector('[data-testid="error"]')).textContent();
  assert.match(text, /places\.geojson/);
  assert.match(await page.textContent('h1'), /Libya/);
  await close();
});

test('article text is never rendered as HTML: not in the page drawn for it, not by the app', async () => {
  const data = JSON.parse(await readFile(join(ROOT, 'assets', 'events.json'), 'utf8'));
  const e = data.events.find((e) => e.kind === 'capture' && e.place === 'tarhuna');
  e.quote = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
  const site = await publishStory(data);
  for (const query of ['', `?event=${e.id}`]) {
    const { page, context } = await openPage(browser, { width: 1280 });
    await page.goto(site.url + query);
    await live(page);
    await page.click(`[data-testid="event-list"] [data-event="${e.id}"]`);
    await page.waitForSelector('[data-testid="caption"] blockquote');
    assert.equal(await page.$('main img, main b'), null);
    assert.match(await page.textContent('[data-testid="caption"]'), /<img src=x/);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await context.close();
  }
  await site.done();
});

test('data replaced after the page was made: the page stays as drawn, loads no editor code, and says how to mend it', async () => {
  const data = JSON.parse(await readFile(join(ROOT, 'assets', 'events.json'), 'utf8'));
  const dropped = data.events.find((e) => e.kind === 'offensive' && e.place === 'sirte');
  data.events = data.events.filter((e) => e !== dropped);
  const { page, log, close } = await openWith({ '/assets/events.json': JSON.stringify(data) }, '?date=2020-06-07');
  await page.waitForFunction(() => document.querySelector('main.newsmap')?.dataset.state === 'stale');
  // The page as it was drawn, whole: its list still holds every event it was drawn with.
  assert.ok(await page.$(`[data-testid="event-list"] [data-event="${dropped.id}"]`));
  assert.ok(await page.$('svg.map:visible .land'), 'the land is drawn');
  const wasm = log.requests.filter((u) => u.endsWith('.wasm'));
  assert.equal(wasm.length, 1, wasm.join('\n'));
  assert.ok(!log.requests.some((u) => /newsmap-(editor|worker)|basemap/.test(u)), log.requests.join('\n'));
  // Console messages reach the test a moment after the page shows them.
  for (let i = 0; i < 20 && !log.errors.some((w) => /Publish the story again/.test(w)); i++) await page.waitForTimeout(50);
  assert.ok(log.errors.some((w) => /Publish the story again/.test(w)), log.errors.join('\n'));
  await close();
});
