// The first screen: the map of the story, drawn into the page before any script runs, at
// phone and desktop widths, from the release dist/; the app takes the page over with no
// visible change, no console error and no request to another origin.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { serve, launch, openPage, screenshot, boxWithinMap, inside, live, shown } from './support.mjs';

const TOWNS = ['tripoli', 'tarhuna', 'bani_walid', 'sirte'];

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

for (const width of [375, 1280]) {
  test(`the four towns and the boundary are drawn inside the map at ${width}px`, async () => {
    const { page, context, log } = await openPage(browser, { width, height: 900 });
    await page.goto(server.url);
    await live(page);

    const fit = await page.$eval(shown(), (svg) => ({
      svg: svg.getBoundingClientRect().width,
      frame: svg.parentElement.clientWidth,
    }));
    assert.ok(Math.abs(fit.svg - fit.frame) < 1, `map fills its container: ${JSON.stringify(fit)}`);
    assert.ok(fit.svg >= Math.min(width, 1600) * 0.55, `and the container is most of the page: ${fit.svg}`);

    for (const id of TOWNS) {
      const r = await boxWithinMap(page, `[data-testid="place-${id}"]`);
      assert.ok(r, `place-${id} is drawn`);
      assert.ok(inside(r.box, r.map), `place-${id} ${JSON.stringify(r.box)} inside ${JSON.stringify(r.map)}`);
      const label = await page.textContent(shown(`[data-testid="label-${id}"]:visible`));
      assert.ok(label.trim().length > 0, `place-${id} is labelled`);
    }
    const boundary = await boxWithinMap(page, '[data-testid="boundary"]');
    assert.ok(boundary && inside(boundary.box, boundary.map), 'boundary inside the map');
    const dash = await page.$eval(shown('[data-testid="boundary"]'), (e) => getComputedStyle(e).strokeDasharray);
    assert.notEqual(dash, 'none', 'the boundary is dashed');
    assert.match(await page.textContent(shown()), /Natural Earth/);

    await screenshot(page, `map-${width}.png`);
    assert.deepEqual(log.errors, [], 'no console error');
    const foreign = log.requests.filter((u) => !u.startsWith(server.origin));
    assert.deepEqual(foreign, [], 'every request goes to the same origin');
    await context.close();
  });
}

for (const width of [375, 768, 1280]) {
  test(`the app takes the prerendered page over with no visible change at ${width}px`, async () => {
    const { page, context, log } = await openPage(browser, { width, height: 900, reducedMotion: 'reduce' });
    // Hold the module back until the static page is photographed.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(server.url);
    await page.waitForSelector(shown('[data-testid="place-sirte"]'));
    assert.equal(await page.getAttribute('main', 'data-state'), 'static', 'drawn before the module runs');
    const before = PNG.sync.read(await page.screenshot({ fullPage: false }));
    release();
    await live(page);
    await page.waitForTimeout(200);
    const after = PNG.sync.read(await page.screenshot({ fullPage: false }));
    const { width: w, height: h } = before;
    const differ = pixelmatch(before.data, after.data, null, w, h, { threshold: 0.1 });
    const share = differ / (w * h);
    await screenshot(page, `takeover-${width}.png`);
    assert.ok(share < 0.01, `${(share * 100).toFixed(2)}% of pixels change at takeover`);
    assert.deepEqual(log.errors, []);
    await context.close();
  });
}

test('malformed places.geojson: the page names the file and the problem, and keeps its map', async () => {
  const bad = await serve({ overrides: { '/assets/places.geojson': '{"type": "Feature"' } });
  try {
    const { page, context } = await openPage(browser, { width: 800 });
    await page.goto(bad.url);
    const error = await page.waitForSelector('[data-testid="error"]');
    const text = await error.textContent();
    assert.match(text, /places\.geojson/);
    assert.match(text, /not valid JSON/);
    assert.ok(await page.$(shown('[data-testid="place-tripoli"]')), 'the drawn map stays');
    await context.close();
  } finally {
    await bad.close();
  }
});

test('the app reads no basemap: the land is in the page', async () => {
  const bad = await serve({ overrides: { '/assets/basemap.geojson': null } });
  try {
    const { page, context, log } = await openPage(browser, { width: 800 });
    await page.goto(bad.url);
    await live(page);
    assert.equal(await page.$('[data-testid="error"]'), null);
    assert.ok(!log.requests.some((u) => u.includes('basemap')), 'not even requested');
    assert.ok((await page.$$(shown('use.land'))).length > 3, 'the countries are drawn');
    await context.close();
  } finally {
    await bad.close();
  }
});
