// The split core (wasm/split.mjs) in the page: code outside the deck's profile runs in the
// worker whether lmpy.deferred.wasm is still unloaded (fetched synchronously on the first
// call) or already compiled in idle time, and the explorers' main-thread core has it too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, DIST, openDeck, setCode, run, stdoutOf } from './harness.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(async () => site && site.close());

// Linear algebra, itertools and %-formatting: none of them is called by the deck or the tour.
const CODE = `import numpy as np, itertools
u, s, vt = np.linalg.svd(np.array([[3.0, 1.0], [1.0, 3.0]]))
print(np.round(s, 6), np.linalg.eigvalsh(np.array([[2.0, 1.0], [1.0, 2.0]])))
print(list(itertools.permutations("abc", 2))[:3], "%e" % 12345.678, np.median([3, 1, 2]))`;
// CPython 3.11 + NumPy 1.24
const OUT = "[4. 2.] [1. 3.]\n[('a', 'b'), ('a', 'c'), ('b', 'a')] 1.234568e+04 2.0\n";

test('the build is split: the deferred module is in dist/', () => {
  assert.ok(fs.existsSync(path.join(DIST, 'lmpy.deferred.wasm')));
});

for (const when of ['at once', 'after the warm-up']) {
  test(`code outside the profile runs ${when}`, async () => {
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    const page = await site.newPage({ context });
    const asked = [];
    page.on('request', (r) => r.url().endsWith('lmpy.deferred.wasm') && asked.push(r.url()));
    await openDeck(site, page);
    if (when !== 'at once') await page.waitForFunction(() => globalThis.lmPlayground.engine.warmed, null, { timeout: 20000 });
    await setCode(page, 3, CODE);
    await run(page, 3);
    assert.equal(await stdoutOf(page, 3), OUT);
    assert.ok(asked.length >= 1, 'lmpy.deferred.wasm was requested');
    await context.close();
  });
}

test('a sandboxed embed (opaque origin) gets the deferred module from its script twin', async () => {
  const page = await site.newPage({ width: 900 });
  const twin = [];
  page.on('request', (r) => r.url().endsWith('lmpy-deferred-wasm.js') && twin.push(r.url()));
  await page.route(site.url + 'host.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><body><iframe id="f" src="${site.url}embed.html?slide=5" sandbox="allow-scripts" style="width:100%;height:800px;border:0"></iframe></body>`,
    }),
  );
  await page.goto(site.url + 'host.html');
  const frame = page.frameLocator('#f');
  await frame.locator('html[data-ready="true"]').waitFor({ timeout: 20000 });
  await frame.locator('[data-slide="5"] [data-editor] .cm-content').click({ timeout: 20000 });
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(CODE);
  await frame.locator('[data-slide="5"] [data-action="run"]').click();
  await frame.locator('[data-slide="5"] [data-stdout]').waitFor({ timeout: 20000 });
  assert.equal(await frame.locator('[data-slide="5"] [data-stdout]').textContent(), OUT);
  assert.ok(twin.length >= 1, 'lmpy-deferred-wasm.js was loaded');
  await page.context().close();
});
