// What auditors run on a page: axe-core with the WCAG 2.0–2.2 A and AA tags, on the reader's
// page (English and Arabic) and on the editor with an article read, at 320, 375, 768 and
// 1280 px. Every violation fails, with the rule and the elements it names.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, live, ROOT } from './support.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [320, 375, 768, 1280];
let server;
let browser;
let axe;
before(async () => {
  server = await serve();
  browser = await launch();
  axe = await readFile(join(ROOT, 'tests', 'browser', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The violations axe finds on the page as it stands, one line each. */
async function violations(page) {
  await page.addScriptTag({ content: axe });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const [name, query] of [['the reader', ''], ['the reader in Arabic', '?lang=ar']]) {
  test(`${name}: no WCAG 2.2 AA violation at ${WIDTHS.join(', ')} px`, async () => {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url + query);
      await live(page);
      assert.deepEqual(await violations(page), [], `${width} px`);
      await context.close();
    }
  });
}

test(`the editor, with an article read: no WCAG 2.2 AA violation at ${WIDTHS.join(', ')} px`, async () => {
  const seed = await readFile(join(ROOT, 'assets', 'article.html'), 'utf8');
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url + '?edit');
    await page.waitForFunction(() => /Ready|back/.test(document.querySelector('[data-testid="editor-status"]')?.textContent ?? ''));
    await page.fill('[data-testid="editor-input"]', seed);
    await page.click('[data-testid="editor-run"]');
    await page.waitForSelector('[data-testid="editor-event"]');
    assert.deepEqual(await violations(page), [], `${width} px`);
    // One main landmark: the editor's; its preview of the reader's page is not a second.
    assert.equal(await page.$$eval('main', (m) => m.length), 1);
    await context.close();
  }
});
