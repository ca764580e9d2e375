// Issue 6 in a real browser: Run all against CPython's output, the errata marks, notebook
// auto-runs (slide 6 needs slide 5), Stop on a runaway loop, corrected versions, edits
// surviving a reload, share links into a fresh context, output cap and bad share links.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openDeck, setCode, run, stdoutOf, errorLineOf } from './harness.mjs';

// CPython 3.11 + NumPy 1.24 + scikit-learn 1.2 (checked with /usr/bin/python3).
const EXPECTED = {
  1: { out: "{'the': {'cat': 1, 'mat': 1}, 'cat': {'sat': 1}, 'sat': {'on': 1}, 'on': {'the': 1}}\n", verdict: 'match' },
  2: { out: 'Entropy: 2.85 bits per character\n', verdict: 'match' },
  3: { out: 'Perplexity: 7.40\n', verdict: 'differs' },
  4: { out: "Similarity between 'king' and 'queen': 0.61\n", verdict: 'differs' },
  5: { out: 'Attention output: [[0.78805844 0.78805844]]\nAttention weights: [[0.21194156 0.21194156 0.57611688]]\n', verdict: 'differs' },
  6: { out: '', error: 'ValueError: shapes (1,4,4,1) and (1,4,4) not aligned: 1 (dim 3) != 4 (dim 1)', verdict: 'differs' },
  7: { out: '', error: 'IndexError: invalid index to scalar variable.', verdict: 'differs' },
  8: { out: "Vocabulary: {'the': 0, 'cat': 1, 'mat': 4}\nTokenized text: [0, 1, 3, 3, 3, 3, 0, 4]\n", verdict: 'differs' },
  9: { verdict: 'random' },
  10: { out: 'Beam search result: the the the the\n', verdict: 'differs' },
  11: { out: "Top 3 suggestions for 'th':\n  the (frequency: 2)\n", verdict: 'match' },
  12: { out: "Model accuracy: 0.00\nSentiment for 'This product is amazing': Positive\n", verdict: 'differs' },
  13: { out: '', verdict: 'match' },
};

let site;
before(async () => {
  site = await startSite();
});
after(async () => site && site.close());

const verdictOf = (page, n) => page.locator(`[data-slide="${n}"] [data-verdict]`).getAttribute('data-verdict');

test('Run all gives CPython output for every deterministic slide, and the errata marks are right', async () => {
  const page = await site.newPage();
  await openDeck(site, page);
  await page.locator('[data-action="run-all"]').click();
  await page.waitForFunction(() => document.querySelector('[data-slide="13"] [data-output]').childElementCount > 0 && !document.querySelector('[data-running]'), null, { timeout: 60000 });
  for (const [n, e] of Object.entries(EXPECTED)) {
    if (e.out !== undefined) assert.equal(await stdoutOf(page, n), e.out, `slide ${n} stdout`);
    assert.equal(await errorLineOf(page, n), e.error || '', `slide ${n} error`);
    assert.equal(await verdictOf(page, n), e.verdict, `slide ${n} verdict`);
    if (e.verdict === 'differs') assert.equal(await page.locator(`[data-slide="${n}"] [data-errata-note]`).isVisible(), true, `slide ${n} note`);
  }
  const nine = await stdoutOf(page, 9);
  assert.match(nine, /^(Next word: (cat|dog|bird|fish|rabbit)\n){5}$/);
  await page.context().close();
});

test('Run all marks the failing lines without moving the page; a cell run alone shows its line', async () => {
  const page = await site.newPage();
  await openDeck(site, page);
  await page.waitForFunction(() => document.documentElement.getAttribute('data-editors') === 'ready', null, { timeout: 60000 });
  const y0 = await page.evaluate(() => scrollY);
  await page.evaluate(() => globalThis.lmPlayground.runAll());
  assert.equal(await page.evaluate(() => scrollY), y0, 'Run all scrolled the page');
  for (const n of [6, 7]) assert.equal(await page.locator(`[data-slide="${n}"] .cm-error-line`).count(), 1, `slide ${n} error line`);
  // the failing line 200 px below the viewport, then slide 7's Run pressed without the
  // scroll a Playwright click makes: only the page's own scroll can bring the line into view
  await page.evaluate(() => {
    const top = document.querySelector('[data-slide="7"] .cm-error-line').getBoundingClientRect().top + scrollY;
    scrollTo(0, Math.max(0, top - innerHeight - 200));
    document.querySelector('[data-slide="7"] [data-action="run"]').click();
  });
  // CodeMirror scrolls in its next measure (an animation frame after the result shows): wait
  const inView = await page
    .waitForFunction(() => {
      const s = document.querySelector('[data-slide="7"]');
      const line = s.querySelector('.cm-error-line');
      if (s.getAttribute('data-running') === 'true' || !line) return false;
      const r = line.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, null, { timeout: 5000 })
    .then(() => true, () => false);
  assert.equal(inView, true, 'the failing line of the cell run alone is in view');
  await page.context().close();
});

test('running slide 6 alone auto-runs slide 5 and shows the shapes error', async () => {
  const page = await site.newPage();
  await openDeck(site, page);
  await run(page, 6);
  assert.equal(await errorLineOf(page, 6), EXPECTED[6].error);
  assert.match(await page.locator('[data-slide="6"] [data-note]').first().textContent(), /slide 5/);
  assert.equal(await stdoutOf(page, 5), EXPECTED[5].out);

  // the corrected version works, and the original stays one click away
  const original = await page.locator('[data-slide="6"] .cm-content').textContent();
  await page.locator('[data-slide="6"] [data-action="corrected"]').click();
  await run(page, 6);
  assert.equal(await stdoutOf(page, 6), 'Multi-head attention output shape: (1, 4, 12)\n');
  assert.equal(await verdictOf(page, 6), 'corrected');
  await page.locator('[data-slide="6"] [data-action="corrected"]').click();
  assert.equal(await page.locator('[data-slide="6"] .cm-content').textContent(), original);

  await page.locator('[data-slide="7"] [data-action="corrected"]').click();
  await run(page, 7);
  assert.equal(await stdoutOf(page, 7), 'Estimated equation: y = 2.93x + 4.03\n');
  await page.context().close();
});

test('Stop ends `while True: pass` within a second and the page keeps working', async () => {
  const page = await site.newPage();
  await openDeck(site, page);
  await setCode(page, 3, 'while True:\n    pass\n');
  const slide = page.locator('[data-slide="3"]');
  await slide.locator('[data-action="run"]').click();
  await page.waitForSelector('[data-slide="3"][data-running="true"]');
  await page.waitForTimeout(300);
  const t0 = Date.now();
  await slide.locator('[data-action="stop"]').click();
  await page.waitForFunction(() => document.querySelector('[data-slide="3"]').getAttribute('data-running') !== 'true', null, { timeout: 1000 });
  assert.ok(Date.now() - t0 < 1000);
  assert.match(await slide.locator('[data-output]').textContent(), /Stopped/);
  assert.match(await slide.locator('.cm-content').textContent(), /while True/, 'the code survives the stop');
  await page.waitForFunction(() => /ready/i.test(document.querySelector('[data-engine-status]').textContent));
  await run(page, 2);
  assert.equal(await stdoutOf(page, 2), EXPECTED[2].out);
  await page.context().close();
});

test('edits survive a reload; Reset restores the deck code', async () => {
  const page = await site.newPage();
  await openDeck(site, page);
  await setCode(page, 4, 'print("kept across reloads")\n');
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  assert.equal(await page.locator('[data-slide="4"] .cm-content').textContent(), 'print("kept across reloads")');
  await run(page, 4);
  assert.equal(await stdoutOf(page, 4), 'kept across reloads\n');
  assert.equal(await verdictOf(page, 4), 'edited');
  await page.locator('[data-slide="4"] [data-action="reset"]').click();
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]');
  assert.match(await page.locator('[data-slide="4"] .cm-content').textContent(), /np\.random\.seed\(42\)/);
  await page.context().close();
});

test('a share link round-trips edited code into a fresh browser context', async () => {
  const page = await site.newPage();
  await openDeck(site, page);
  await setCode(page, 1, 'print("shared", 6 * 7)\n');
  await setCode(page, 10, 'print("second edit")\n');
  await page.locator('[data-slide="10"] [data-action="share"]').click();
  const link = await page.locator('[data-slide="10"] [data-share-link]').inputValue();
  assert.ok(link.startsWith(site.url), link);
  assert.ok(link.length < 8000);
  await page.context().close();

  const fresh = await site.newPage();
  await fresh.goto(link);
  await fresh.waitForSelector('html[data-ready="true"]');
  assert.equal(await fresh.locator('[data-slide="1"] .cm-content').textContent(), 'print("shared", 6 * 7)');
  assert.equal(await fresh.locator('[data-slide="10"] .cm-content').textContent(), 'print("second edit")');
  assert.equal(await fresh.locator('[data-slide="1"] [data-output]').textContent(), '', 'nothing ran');
  await run(fresh, 1);
  assert.equal(await stdoutOf(fresh, 1), 'shared 42\n');
  await fresh.context().close();
});

test('a malformed share link leaves the page working', async () => {
  const page = await site.newPage();
  await page.goto(site.url + '#share=%%%not-lz');
  await page.waitForSelector('html[data-ready="true"]');
  assert.match(await page.locator('[data-banner]').textContent(), /damaged|malformed/);
  await run(page, 2);
  assert.equal(await stdoutOf(page, 2), EXPECTED[2].out);
  await page.context().close();
});

test('printing a million lines is capped with a note', async () => {
  const page = await site.newPage();
  await openDeck(site, page);
  await setCode(page, 3, 'for i in range(1000000):\n    print(i)\n');
  await run(page, 3, { timeout: 60000 });
  const out = await stdoutOf(page, 3);
  assert.ok(out.startsWith('0\n1\n2\n'));
  assert.ok(out.split('\n').length <= 1001);
  assert.match(await page.locator('[data-slide="3"] [data-cap-note]').textContent(), /more lines not shown/);
  await page.context().close();
});
