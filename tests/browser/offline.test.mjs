// Offline after the first visit: the service worker precaches dist/, so a reload with the
// network cut still loads the page, the editor and the engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './harness.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(async () => site && site.close());

test('the page works offline after the first visit', async () => {
  const context = await site.browser.newContext({ serviceWorkers: 'allow' });
  const page = await site.newPage({ context });
  await page.goto(site.url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => (await caches.keys()).some((k) => k.startsWith('lm-playground-')));
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
  assert.equal(await page.locator('[data-slide]').count(), 14);
  await page.goto(site.url + 'embed.html?slide=2');
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
  assert.equal(await page.locator('[data-slide="2"] [data-editor]').count(), 1);
  await context.close();
});
