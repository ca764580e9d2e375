// The walking skeleton in a real browser (issue 2): the built page loads from a sub-path,
// reaches data-ready, runs slides 1 and 2 with CPython's output, reflects edits, shows an
// error's last traceback line and keeps working; printed markup stays text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openDeck, setCode, run, stdoutOf, errorLineOf } from './harness.mjs';

let site;
let page;
before(async () => {
  site = await startSite();
  page = await site.newPage();
  await openDeck(site, page);
});
after(async () => site && site.close());

test('the page loads from a sub-path, shows the deck and reaches data-ready', async () => {
  assert.equal(await page.locator('h1').textContent(), 'Physics of Language Models in Python');
  assert.equal(await page.locator('[data-slide]').count(), 14);
  assert.equal(await page.locator('[data-slide] [data-editor]').count(), 13);
  assert.match(await page.locator('[data-slide="1"] h2').textContent(), /Introduction to Language Models/);
  assert.match(await page.locator('[data-slide="2"] .prose').textContent(), /Entropy measures the uncertainty/);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(await page.locator('[data-action="run-all"]').count(), 1);
  assert.match(await page.locator('[data-engine-status]').textContent(), /ready/i);
  assert.deepEqual(page.errors, []);
});

test('slide 1 prints the bigram model', async () => {
  await run(page, 1);
  assert.equal(await stdoutOf(page, 1), "{'the': {'cat': 1, 'mat': 1}, 'cat': {'sat': 1}, 'sat': {'on': 1}, 'on': {'the': 1}}\n");
  assert.equal(await errorLineOf(page, 1), '');
});

test('slide 2 prints the entropy', async () => {
  await run(page, 2);
  assert.equal(await stdoutOf(page, 2), 'Entropy: 2.85 bits per character\n');
});

test("an edit to slide 1's text changes its output (Shift+Enter runs)", async () => {
  const code = await page.locator('[data-slide="1"] .cm-content').textContent();
  assert.match(code, /the cat sat on the mat/);
  await setCode(page, 1, 'text = "a dog ran to a cat"\nwords = text.split()\nprint(words[::2], len(words))\n');
  await page.keyboard.press('Shift+Enter');
  await page.waitForFunction(() => /ran/.test(document.querySelector('[data-slide="1"] [data-stdout]')?.textContent || ''));
  assert.equal(await stdoutOf(page, 1), "['a', 'ran', 'a'] 6\n");
});

test('an error shows the last traceback line, highlights the line, and the page keeps working', async () => {
  await setCode(page, 2, 'print("before")\nx = {"a": 1}\nprint(x["b"])\n');
  await run(page, 2);
  assert.equal(await stdoutOf(page, 2), 'before\n');
  assert.equal(await errorLineOf(page, 2), "KeyError: 'b'");
  assert.equal(await page.locator('[data-slide="2"] .cm-error-line').count(), 1);
  assert.match(await page.locator('[data-slide="2"] .cm-error-line').textContent(), /x\["b"\]/);

  await setCode(page, 2, 'def f(:\n    pass\n');
  await run(page, 2);
  assert.match(await errorLineOf(page, 2), /^SyntaxError: /);

  await page.locator('[data-slide="2"] [data-action="reset"]').click();
  await run(page, 2);
  assert.equal(await stdoutOf(page, 2), 'Entropy: 2.85 bits per character\n');
  assert.equal(await errorLineOf(page, 2), '');
});

test('a <script> printed by a cell shows as text', async () => {
  await setCode(page, 3, 'print("<script>window.pwned = 1</script><b>bold</b> &amp;")\n');
  await run(page, 3);
  assert.equal(await stdoutOf(page, 3), '<script>window.pwned = 1</script><b>bold</b> &amp;\n');
  assert.equal(await page.locator('[data-slide="3"] [data-output] b, [data-slide="3"] [data-output] script').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.locator('[data-slide="3"] [data-action="reset"]').click();
});
