// The cell editors mount lazily (web/src/ui/editor.mjs): each cell shows its code at once in
// a placeholder, CodeMirror arrives after the first paint, and nothing typed or run in
// between is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, run, stdoutOf } from './harness.mjs';

let site;
before(async () => {
  site = await startSite();
});
after(async () => site && site.close());

test('every cell shows its code before its editor mounts, then all 13 editors mount', async () => {
  const page = await site.newPage();
  await page.goto(site.url);
  // the deck's code is readable immediately, in the placeholder or the editor
  const first = page.locator('[data-slide="1"] [data-editor]');
  await first.waitFor();
  assert.match(await first.textContent(), /def ngram_model\(text, n\)/);
  await page.waitForSelector('html[data-editors="ready"]', { timeout: 20000 });
  assert.equal(await page.locator('[data-slide] [data-editor] .cm-editor').count(), 13);
  assert.equal(await page.locator('.code-placeholder').count(), 0);
  assert.match(await page.locator('[data-slide="13"] .cm-content').textContent(), /plt\.ylim\(0, 100\)/);
  assert.deepEqual(page.errors, []);
});

test('a cell run before its editor mounted runs the code shown, and an early click gets the editor', async () => {
  const page = await site.newPage();
  // hold back the editor chunk so that the placeholders stay in place for this test
  let release;
  const gate = new Promise((r) => (release = r));
  await page.route('**/chunks/editor-cm-*.js', async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(site.url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
  assert.equal(await page.locator('.code-placeholder').count(), 13);
  await run(page, 3);
  assert.equal(await stdoutOf(page, 3), 'Perplexity: 7.40\n');
  // clicking a placeholder asks for its editor; once the chunk arrives it has the focus
  await page.locator('[data-slide="1"] .code-placeholder').click();
  release();
  await page.waitForSelector('[data-slide="1"] .cm-editor.cm-focused', { timeout: 20000 });
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\nprint("typed early")');
  await run(page, 1);
  assert.match(await stdoutOf(page, 1), /typed early\n$/);
  await page.waitForSelector('html[data-editors="ready"]', { timeout: 20000 });
  assert.deepEqual(page.errors, []);
});

test('background work waits while cells run: no editor mounts and no explorer starts during Run all', async () => {
  const page = await site.newPage();
  await page.goto(site.url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
  // Count editors and explorers as each result arrives during a Run all started at once.
  const r = await page.evaluate(async () => {
    const count = () => ({
      editors: document.querySelectorAll('[data-slide] .cm-editor').length,
      explorers: globalThis.lmPlayground.explorers.built.size,
    });
    const seen = [];
    const pg = globalThis.lmPlayground;
    const show = pg.show.bind(pg);
    pg.show = (...args) => {
      seen.push(count());
      return show(...args);
    };
    const before = count();
    await pg.runAll();
    pg.show = show;
    return { before, seen, after: count(), quietNow: await Promise.race([pg.quiet().then(() => true), new Promise((res) => setTimeout(() => res(false), 5000))]) };
  });
  assert.equal(r.seen.length, 13);
  // a mount that had already passed the gate may finish during the run; no other starts
  for (const c of r.seen) {
    assert.ok(c.editors <= r.before.editors + 1, `editors mounted during Run all: ${JSON.stringify(r)}`);
    assert.ok(c.explorers <= r.before.explorers + 1, `explorers started during Run all: ${JSON.stringify(r)}`);
  }
  assert.equal(r.quietNow, true, 'the page is quiet again after Run all');
  // and the background work resumes afterwards
  await page.waitForSelector('html[data-editors="ready"]', { timeout: 20000 });
  assert.deepEqual(page.errors, []);
});
