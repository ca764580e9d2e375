// How the worker gets its core: compiled while the glue loads (streaming when the server
// labels the wasm application/wasm, as every other test's server does), from the whole
// download when it sends another type (a misconfigured course server), and a clear failure
// when the file is not WebAssembly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, DIST, openDeck, run, stdoutOf } from './harness.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(async () => site && site.close());

async function pageServingWasm(contentType, body) {
  const context = await site.browser.newContext({ serviceWorkers: 'block' });
  const page = await site.newPage({ context });
  const served = [];
  await context.route('**/lmpy.wasm', (route) => {
    served.push(route.request().url());
    route.fulfill({ status: 200, contentType, body });
  });
  return { context, page, served };
}

test('the core loads and runs when the wasm is served as application/octet-stream', async () => {
  const bytes = fs.readFileSync(path.join(DIST, 'lmpy.wasm'));
  const { context, page, served } = await pageServingWasm('application/octet-stream', bytes);
  await openDeck(site, page);
  // streaming compilation refuses that type; the fallback downloaded the bytes again (the
  // explorers' main-thread core may have asked too by now)
  assert.ok(served.length >= 2, `lmpy.wasm requested ${served.length} time(s)`);
  await run(page, 2);
  assert.match(await stdoutOf(page, 2), /\S/);
  await context.close();
});

test('a wasm file that is not WebAssembly leaves the page saying the engine failed', async () => {
  const { context, page } = await pageServingWasm('application/wasm', Buffer.from('not wasm'));
  await page.goto(site.url);
  const status = page.locator('[data-state="failed"]');
  await status.waitFor({ timeout: 20000 });
  assert.match(await status.textContent(), /Python failed to load: .*WebAssembly/);
  assert.notEqual(await page.getAttribute('html', 'data-ready'), 'true');
  await context.close();
});
