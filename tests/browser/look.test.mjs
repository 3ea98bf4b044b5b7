// The graphic as a graphics desk reads it: short on a phone, labels that cover nothing at any
// width and any stop, names that say where the map is, claims drawn as claims, and the whole
// page in Arabic with ?lang=ar.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, screenshot, live, shown, publishStory, ROOT } from './support.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query = '', options = {}) {
  const opened = await openPage(browser, { width: 1280, height: 900, ...options });
  await opened.page.goto(server.url + query);
  await live(opened.page);
  return opened;
}

const pageHeight = (page) => page.evaluate(() => document.documentElement.scrollHeight);
const stopCount = (page) => page.$eval('[data-testid="date-slider"]', (s) => Number(s.max) + 1);

test('the Tripoli story of 30 reports: at 375 px at most 1000 px tall at every stop; every stop reachable; ticks where events cluster', async () => {
  const { page, context } = await open(PAGES['the Tripoli story of 30 reports'], { width: 375, height: 640 });
  const stops = await stopCount(page);
  assert.ok(stops > 30, `${stops} stops`);
  assert.equal(await page.locator('[data-testid="slider-ticks"] rect').count(), stops);
  // A year's name where 2020 starts.
  assert.match(await page.textContent('[data-testid="slider-ticks"]'), /2020/);
  await page.focus('[data-testid="date-slider"]');
  const heights = [];
  const dates = new Set();
  for (let k = 0; k < stops; k++) {
    if (k > 0) await page.keyboard.press('ArrowRight');
    await page.waitForFunction((k) => document.querySelector('[data-testid="date-slider"]').value === String(k), k);
    heights.push(await pageHeight(page));
    dates.add(await page.textContent('[data-testid="date-label"]'));
  }
  assert.ok(Math.max(...heights) <= 1000, `heights per stop: ${heights.join(', ')}`);
  assert.equal(dates.size, stops, 'each stop its own date');
  // The pointer reaches the last stop and the first, at the ends of the track.
  const track = await page.locator('[data-testid="date-slider"]').boundingBox();
  await page.mouse.click(track.x + track.width - 2, track.y + track.height / 2);
  await page.waitForFunction((last) => document.querySelector('[data-testid="date-slider"]').value === String(last), stops - 1);
  await page.mouse.click(track.x + 2, track.y + track.height / 2);
  await page.waitForFunction(() => document.querySelector('[data-testid="date-slider"]').value === '0');
  // The caption cites the reports that tell the event, each linked to its address.
  const cited = await page.$$eval('[data-testid="sources"] a', (as) => as.map((a) => ({ href: a.href, rel: a.rel })));
  assert.ok(cited.length >= 1 && cited.every((a) => /^https?:/.test(a.href) && /noopener/.test(a.rel)), JSON.stringify(cited));
  await context.close();
});

test('at 375 px the whole page, with its controls, is at most 1000 px tall at every stop', async () => {
  const { page, context } = await open('', { width: 375, height: 640 });
  const stops = await stopCount(page);
  await page.focus('[data-testid="date-slider"]');
  const heights = [];
  for (let k = 0; k < stops; k++) {
    if (k > 0) await page.keyboard.press('ArrowRight');
    await page.waitForFunction((k) => document.querySelector('[data-testid="date-slider"]').value === String(k), k);
    heights.push(await pageHeight(page));
  }
  assert.ok(Math.max(...heights) <= 1000, `heights per stop: ${heights.join(', ')}`);
  // The other events of a stop are one tap away.
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  const more = await page.waitForSelector('[data-testid="more-events"] summary');
  await more.click();
  assert.ok(await page.isVisible('[data-testid="more-events"] .caption-event'));
  // The key and the list open on a tap, and are open on a wide screen.
  assert.equal(await page.isVisible('[data-testid="event-list"]'), false);
  await page.click('[data-testid="events-fold"] summary');
  assert.ok(await page.isVisible('[data-testid="event-list"]'));
  await screenshot(page, 'phone-open.png');
  await context.close();
  const wide = await open('', { width: 1280 });
  assert.ok(await wide.page.isVisible('[data-testid="event-list"]'));
  assert.ok(await wide.page.isVisible('[data-testid="legend"] li'));
  await wide.context.close();
});

test('the list shows its numbers whole: each marker inside the list box', async () => {
  for (const width of [375, 1280]) {
    const { page, context } = await open('', { width });
    if (width < 960) await page.click('[data-testid="events-fold"] summary');
    const fit = await page.$eval('[data-testid="event-list"]', (ol) => {
      const box = ol.getBoundingClientRect();
      const ctx = document.createElement('canvas').getContext('2d');
      return [...ol.children].map((li, i) => {
        const style = getComputedStyle(li);
        ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        // The marker ("12. ") ends where the item's box begins (its start edge).
        const width = ctx.measureText(`${i + 1}. `).width;
        const r = li.getBoundingClientRect();
        const rtl = style.direction === 'rtl';
        return rtl ? r.right + width <= box.right + 0.5 : r.left - width >= box.left - 0.5;
      });
    });
    assert.ok(fit.length >= 10 && fit.every(Boolean), `at ${width}: ${fit}`);
    await context.close();
  }
});

/**
 * The boxes of what the reader sees in the map at this moment: labels (place, region and
 * boundary labels, names of countries and seas), markers, points along the arrows' lines,
 * strike marks.
 */
function measure() {
  const svg = [...document.querySelectorAll('svg.map')].find((s) => s.getBoundingClientRect().width > 0);
  const seen = (el) => {
    for (let e = el; e && e !== svg; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || e.getAttribute('visibility') === 'hidden') return false;
    }
    return true;
  };
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom, name: el.textContent || el.getAttribute('class') };
  };
  const labels = [...svg.querySelectorAll('text[data-testid^="label-"], text[data-testid="geo-label"]')].filter(seen).map(box);
  const markers = [...svg.querySelectorAll('.place .marker')].filter(seen).map(box);
  const strikes = [...svg.querySelectorAll('.strike .burst')].filter(seen).map(box);
  const ctm = (el) => el.getScreenCTM();
  const arrows = [];
  for (const path of [...svg.querySelectorAll('.arrow .shaft')].filter(seen)) {
    const m = ctm(path);
    const len = path.getTotalLength();
    for (let d = 0; d <= len; d += 2) {
      const p = path.getPointAtLength(d).matrixTransform(m);
      arrows.push({ x0: p.x - 1, y0: p.y - 1, x1: p.x + 1, y1: p.y + 1, name: 'arrow' });
    }
  }
  return { labels, markers, strikes, arrows };
}

const overlap = (a, b) => a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;

/** The pages every look check runs on: the seed's story, and the demo story of many reports. */
const PAGES = { seed: '', 'the Tripoli story of 30 reports': 'stories/tripoli-2019-2020/' };

for (const [story, path] of Object.entries(PAGES)) for (const lang of ['en', 'ar']) {
  test(`${story}: no label covers a label, a marker, an arrow or a strike mark, at 320–1280 px, at every stop (${lang})`, async () => {
    const problems = [];
    let checked = 0;
    for (const width of [320, 375, 768, 1024, 1280]) {
      const { page, context } = await open(path + (lang === 'ar' ? '?lang=ar' : ''), { width, height: 900 });
      const stops = await stopCount(page);
      await page.focus('[data-testid="date-slider"]');
      await page.keyboard.press('Home');
      for (let k = 0; k < stops; k++) {
        if (k > 0) await page.keyboard.press(lang === 'ar' ? 'ArrowLeft' : 'ArrowRight');
        await page.waitForFunction((k) => document.querySelector('[data-testid="date-slider"]').value === String(k), k);
        const { labels, markers, strikes, arrows } = await page.evaluate(measure);
        assert.ok(labels.length >= 6, `labels at ${width}: ${labels.length}`);
        for (const [i, l] of labels.entries()) {
          for (const other of [...labels.slice(i + 1), ...markers, ...strikes, ...arrows]) {
            if (overlap(l, other)) problems.push(`${width}px, stop ${k}: "${l.name}" covers ${other.name}`);
          }
        }
        checked += labels.length;
      }
      await context.close();
    }
    assert.deepEqual([...new Set(problems)], [], `${checked} labels checked`);
  });
}

test('the map says where it is: country and sea names, a locator, a scale bar', async () => {
  for (const width of [375, 1280]) {
    const { page, context } = await open('', { width });
    const names = await page.$$eval(shown('[data-testid="geo-label"]'), (ts) =>
      ts.filter((t) => getComputedStyle(t).display !== 'none').map((t) => t.textContent),
    );
    assert.ok(names.length >= 3, `${names} at ${width}`);
    assert.ok(names.includes('LIBYA') && names.includes('Mediterranean Sea'), `${names}`);
    const locator = await page.$(shown('[data-testid="locator"]'));
    assert.ok(locator, 'a locator');
    const frame = await locator.$('.locator-frame');
    const [inset, drawn] = [await locator.boundingBox(), await frame.boundingBox()];
    assert.ok(drawn.width > 4 && drawn.x >= inset.x - 1 && drawn.x + drawn.width <= inset.x + inset.width + 1, 'the frame inside the inset');
    const bar = await page.$$eval(shown('[data-testid="scale-bar"] text'), (ts) =>
      ts.filter((t) => getComputedStyle(t).display !== 'none').map((t) => t.textContent),
    );
    assert.equal(bar.length, 1);
    assert.match(bar[0], /^\d+ km$/);
    await context.close();
  }
});

test('a capture the article only reports as claimed has its own look, key entry and words', async () => {
  const data = JSON.parse(await readFile(join(ROOT, 'assets', 'events.json'), 'utf8'));
  const capture = data.events.find((e) => e.kind === 'capture' && e.place === 'tarhuna');
  capture.status = 'claimed';
  // Published as a desk would publish it: the page drawn for these data.
  const claimed = await publishStory(data);
  const { page, context } = await openPage(browser, { width: 1280 });
  await page.goto(`${claimed.url}?event=${capture.id}`);
  await live(page);
  const place = shown('[data-testid="place-tarhuna"]');
  assert.match(await page.getAttribute(place, 'class'), /\bclaimed\b/);
  assert.equal(await page.getAttribute(place, 'data-control'), 'gna');
  const look = await page.$eval(`${place} .marker`, (m) => getComputedStyle(m).fill);
  const reported = await page.$eval(shown('[data-testid="place-tripoli"] .marker'), (m) => getComputedStyle(m).fill);
  assert.notEqual(look, reported, 'a claimed hold is drawn unlike a reported one');
  assert.match(await page.textContent('[data-testid="legend"]'), /claimed/i);
  assert.match(await page.textContent('[data-testid="caption"] .headline'), /GNA takes Tarhuna.*\(claimed\)/);
  assert.match(await page.getAttribute('[data-testid="date-slider"]', 'aria-valuetext'), /\(claimed\)/);
  await context.close();
  await claimed.done();
});

test('?lang=ar: Arabic throughout, right to left, the slider in the reading direction', async () => {
  const { page, context, log } = await open('?lang=ar&event=e11', { width: 1280 });
  assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
  const tripoli = await page.$$eval(shown('[data-testid="label-tripoli"]'), (ts) =>
    ts.filter((t) => getComputedStyle(t).display !== 'none').map((t) => t.textContent),
  );
  assert.deepEqual(tripoli, ['طرابلس']);
  assert.match(await page.textContent('[data-testid="date-label"]'), /يونيو/);
  assert.match(await page.textContent('h1'), /ليبيا/);
  assert.match(await page.textContent('[data-testid="play"]'), /تشغيل/);
  // No word of the interface stays in English: every element of the page's table of words,
  // and every text outside the article's quotes and the map's English labels.
  const english = await page.evaluate(() => {
    const latin = /[A-Za-z]{3,}/;
    const words = [...document.querySelectorAll('[data-word]')]
      .map((e) => e.getAttribute('aria-label') ?? e.textContent)
      .filter((t) => latin.test(t));
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const quoted = n.parentElement.closest('[lang="en"], blockquote, .attribution, svg title');
      if (!quoted && latin.test(n.textContent)) texts.push(n.textContent.trim());
    }
    return { words, texts };
  });
  assert.deepEqual(english, { words: [], texts: [] });
  // The article's sentences stay in English, marked so, with a note that says so.
  const quote = await page.$('[data-testid="caption"] blockquote');
  assert.deepEqual([await quote.getAttribute('lang'), await quote.getAttribute('dir')], ['en', 'ltr']);
  assert.match(await page.textContent('[data-testid="caption"] .quoted-note'), /الإنجليزي/);
  // Forward in time is to the left, as Arabic reads.
  const slider = '[data-testid="date-slider"]';
  const before = Number(await page.$eval(slider, (s) => s.value));
  await page.focus(slider);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((v) => Number(document.querySelector('[data-testid="date-slider"]').value) === v + 1, before);
  const thumb = await page.$eval(slider, (s) => [getComputedStyle(s).direction, s.getBoundingClientRect().width]);
  assert.equal(thumb[0], 'rtl');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('screenshots: English and Arabic, light and dark, at 375, 768 and 1280 px', async () => {
  for (const lang of ['en', 'ar']) {
    for (const scheme of ['light', 'dark']) {
      for (const width of [375, 768, 1280]) {
        const query = `?date=2020-06-06${lang === 'ar' ? '&lang=ar' : ''}`;
        const { page, context } = await open(query, { width, colorScheme: scheme });
        const path = await screenshot(page, `look-${lang}-${scheme}-${width}.png`);
        assert.ok(path.endsWith('.png'));
        await context.close();
      }
    }
  }
});
