// Takes the README's screenshots of the built dist/ (deck and embed view, 375 and 1280 px
// wide) with Debian's Chromium. Usage: node web/scripts/screenshots.mjs [outDir=docs-shots]
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.resolve(process.argv[2] || path.join(ROOT, 'web/screenshots'));
const server = serve({ dir: path.join(ROOT, 'dist'), port: 0, host: '127.0.0.1', prefix: '/courses/lm/' });
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${server.address().port}/courses/lm/`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
for (const width of [1280, 375]) {
  const page = await browser.newPage({ viewport: { width, height: width > 400 ? 900 : 800 } });
  await page.goto(base);
  await page.waitForSelector('html[data-ready="true"]');
  await page.waitForSelector('html[data-editors="ready"]');
  await page.locator('[data-action="run-all"]').click();
  await page.waitForFunction(() => !document.querySelector('[data-running="true"]'));
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(out, `deck-${width}.png`) });
  await page.locator('[data-slide="5"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(out, `deck-slide5-${width}.png`) });
  if (width > 400) {
    // an explorer, once its main-thread core has drawn it
    const ex = page.locator('[data-explorer="9"]');
    await ex.scrollIntoViewIfNeeded();
    await page.waitForSelector('[data-explorer="9"][data-explorer-ready="true"]', { timeout: 30000 });
    await page.waitForTimeout(600);
    await ex.screenshot({ path: path.join(out, `explorer-9-${width}.png`) });
  }
  const embed = await browser.newPage({ viewport: { width, height: 700 } });
  await embed.goto(`${base}embed.html?slide=13`);
  await embed.waitForSelector('html[data-ready="true"]');
  await embed.locator('[data-action="run"]').first().click();
  await embed.waitForSelector('canvas');
  await embed.waitForTimeout(800);
  await embed.screenshot({ path: path.join(out, `embed-${width}.png`) });
  await page.close();
  await embed.close();
}
await browser.close();
server.close();
console.log(`screenshots in ${out}`);
