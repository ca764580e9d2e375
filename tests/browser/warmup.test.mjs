// The worker's idle warm-up (wasm/worker.js, wasm/warmup.py): it runs by itself once the page
// is idle, without an error, in a Session of its own (the reader's namespace never sees its
// names), and a cell run while it is going on gets its normal result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openDeck, setCode, run, stdoutOf, errorLineOf } from './harness.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(async () => site && site.close());

const warmed = (page) => page.waitForFunction(() => globalThis.lmPlayground.engine.warmed, null, { timeout: 20000 }).then((h) => h.jsonValue());

test('the warm-up finishes without an error and leaves the reader\'s namespace alone', async () => {
  const context = await site.browser.newContext({ serviceWorkers: 'block' });
  const page = await site.newPage({ context });
  await openDeck(site, page);
  // a run right after start: it waits for at most one warm-up step and is not disturbed
  await setCode(page, 2, 'x = sum(range(10))\nprint(x, [k for k in ("Stack", "fib", "freq") if k in dir()])');
  await run(page, 2);
  assert.equal(await stdoutOf(page, 2), '45 []\n');
  const w = await warmed(page);
  assert.deepEqual(w.errors, []);
  assert.ok(w.ms > 0);
  // names the tour defined are not in the reader's session; the reader's own still are
  await setCode(page, 2, 'print(x)\nprint(Stack)');
  await run(page, 2);
  assert.equal(await stdoutOf(page, 2), '45\n');
  assert.match(await errorLineOf(page, 2), /NameError: name 'Stack' is not defined/);
  await context.close();
});
