// The embed view: embed.html?slide=5 inside a sandboxed iframe (allow-scripts only, so an
// opaque origin) on a host page that includes embed-host.js; it runs and reports its height.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './harness.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(async () => site && site.close());

test('the embed view of slide 5 runs in a sandboxed iframe and reports its height', async () => {
  const page = await site.newPage({ width: 900 });
  const heights = [];
  await page.exposeFunction('recordHeight', (h) => heights.push(h));
  const host = site.url; // sandbox without allow-same-origin: the embed still gets an opaque origin
  await page.route(host + 'host.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body:
        `<!doctype html><body><h1>Course page</h1>` +
        `<iframe id="f" src="${site.url}embed.html?slide=5" sandbox="allow-scripts" style="width:100%;border:0" height="100"></iframe>` +
        `<script src="${site.url}embed-host.js"></script>` +
        `<script>addEventListener('message', e => { if (e.data && e.data.type === 'lm-playground:height') recordHeight(e.data.height); });</script></body>`,
    }),
  );
  await page.goto(host + 'host.html');
  const frame = page.frameLocator('#f');
  await frame.locator('html[data-ready="true"]').waitFor({ timeout: 20000 });
  assert.equal(await frame.locator('[data-slide]').count(), 1);
  assert.equal(await frame.locator('[data-slide="5"] [data-editor]').count(), 1);
  assert.equal(await frame.locator('[data-action="share"]').count(), 0);
  await frame.locator('[data-slide="5"] [data-action="run"]').click();
  await frame.locator('[data-slide="5"] [data-stdout]').waitFor({ timeout: 20000 });
  assert.equal(
    await frame.locator('[data-slide="5"] [data-stdout]').textContent(),
    'Attention output: [[0.78805844 0.78805844]]\nAttention weights: [[0.21194156 0.21194156 0.57611688]]\n',
  );
  await page.waitForFunction(() => document.getElementById('f').getBoundingClientRect().height > 200);
  assert.ok(heights.length > 0 && heights.every((h) => typeof h === 'number'));
  const frameHeight = await page.evaluate(() => document.getElementById('f').getBoundingClientRect().height);
  assert.ok(Math.abs(frameHeight - heights[heights.length - 1]) <= 2, `${frameHeight} vs ${heights.at(-1)}`);
  await page.context().close();
});

test('embed.html with an unknown slide says so', async () => {
  const page = await site.newPage();
  await page.goto(site.url + 'embed.html?slide=99');
  assert.match(await page.locator('main').textContent(), /No such slide/);
  await page.context().close();
});
