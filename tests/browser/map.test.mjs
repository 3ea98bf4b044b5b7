// The first screen: the map of the story drawn from GeoJSON, at phone and desktop widths,
// from the release dist/, with no console error and no request to another origin.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, screenshot, boxWithinMap, inside } from './support.mjs';

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
    await page.waitForSelector('[data-testid="map"] [data-testid="place-sirte"]');

    const fit = await page.$eval('[data-testid="map"]', (svg) => ({
      svg: svg.getBoundingClientRect().width,
      frame: svg.parentElement.clientWidth,
    }));
    assert.ok(Math.abs(fit.svg - fit.frame) < 1, `map fills its container: ${JSON.stringify(fit)}`);
    assert.ok(fit.svg >= Math.min(width, 1600) * 0.55, `and the container is most of the page: ${fit.svg}`);

    for (const id of TOWNS) {
      const r = await boxWithinMap(page, `[data-testid="place-${id}"]`);
      assert.ok(r, `place-${id} is drawn`);
      assert.ok(inside(r.box, r.map), `place-${id} ${JSON.stringify(r.box)} inside ${JSON.stringify(r.map)}`);
      const label = await page.textContent(`[data-testid="place-${id}"] text`);
      assert.ok(label.trim().length > 0, `place-${id} is labelled`);
    }
    const boundary = await boxWithinMap(page, '[data-testid="boundary"]');
    assert.ok(boundary && inside(boundary.box, boundary.map), 'boundary inside the map');
    assert.match(await page.getAttribute('[data-testid="boundary"]', 'class'), /boundary/);
    const dash = await page.$eval('[data-testid="boundary"]', (e) => getComputedStyle(e).strokeDasharray);
    assert.notEqual(dash, 'none', 'the boundary is dashed');
    assert.match(await page.textContent('[data-testid="map"]'), /Natural Earth/);

    await screenshot(page, `map-${width}.png`);
    assert.deepEqual(log.errors, [], 'no console error');
    const foreign = log.requests.filter((u) => !u.startsWith(server.origin));
    assert.deepEqual(foreign, [], 'every request goes to the same origin');
    await context.close();
  });
}

test('malformed places.geojson: the page names the file and the problem', async () => {
  const bad = await serve({ overrides: { '/assets/places.geojson': '{"type": "Feature"' } });
  try {
    const { page, context } = await openPage(browser, { width: 800 });
    await page.goto(bad.url);
    const error = await page.waitForSelector('[data-testid="error"]');
    const text = await error.textContent();
    assert.match(text, /places\.geojson/);
    assert.match(text, /not valid JSON/);
    await context.close();
  } finally {
    await bad.close();
  }
});

test('missing basemap: the error names it and the towns are still drawn', async () => {
  const bad = await serve({ overrides: { '/assets/basemap.geojson': null } });
  try {
    const { page, context } = await openPage(browser, { width: 800 });
    await page.goto(bad.url);
    const text = await (await page.waitForSelector('[data-testid="error"]')).textContent();
    assert.match(text, /basemap\.geojson/);
    assert.match(text, /404/);
    await page.waitForSelector('[data-testid="place-tripoli"]');
    await context.close();
  } finally {
    await bad.close();
  }
});
