// Shared set-up of the browser tests: serve the already built dist/ under a sub-path on
// a free localhost port and drive Debian's Chromium with playwright-core. The tests build
// nothing; a missing dist/ fails with a message that says what to run.
// LMPY_DIST overrides the folder (used to check the page against a mock engine).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../web/scripts/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const DIST = path.resolve(process.env.LMPY_DIST || path.join(ROOT, 'dist'));
export const PREFIX = '/courses/lm/';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export async function startSite() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: build the site first (npm run build)`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (npm test does)`);
  const server = serve({ dir: DIST, port: 0, prefix: PREFIX });
  await new Promise((r) => server.once('listening', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  return {
    origin,
    url: `${origin}${PREFIX}`,
    browser,
    async newPage({ width = 1280, height = 900, serviceWorkers = 'block', context } = {}) {
      const ctx = context || (await browser.newContext({ viewport: { width, height }, serviceWorkers }));
      const page = await ctx.newPage();
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error') page.errors.push(m.text());
      });
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

export async function openDeck(site, page, suffix = '') {
  await page.goto(site.url + suffix);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 20000 });
}

// Replaces slide n's code through the editor (as a user would: select all, type).
export async function setCode(page, n, code) {
  const content = page.locator(`[data-slide="${n}"] [data-editor] .cm-content`);
  await content.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  // insertText avoids CodeMirror's auto-indent on typed newlines
  await page.keyboard.insertText(code);
}

// Clicks Run on slide n and waits until it has finished; returns the output element.
export async function run(page, n, { timeout = 20000 } = {}) {
  const slide = page.locator(`[data-slide="${n}"]`);
  // a re-run: the output already shown is marked, so that it is not taken for the new one
  // (every result replaces the output's children)
  await page.evaluate((n) => {
    for (const c of document.querySelector(`[data-slide="${n}"] [data-output]`).children) c.dataset.stale = '';
  }, n);
  await slide.locator('[data-action="run"]').click();
  await page.waitForFunction(
    (n) => {
      const s = document.querySelector(`[data-slide="${n}"]`);
      const out = s.querySelector('[data-output]');
      return s.getAttribute('data-running') !== 'true' && out.childElementCount > 0 && !out.querySelector(':scope > [data-stale]');
    },
    n,
    { timeout },
  );
  return slide.locator('[data-output]');
}

export async function stdoutOf(page, n) {
  const pre = page.locator(`[data-slide="${n}"] [data-output] [data-stdout]`);
  return (await pre.count()) ? pre.textContent() : '';
}

export async function errorLineOf(page, n) {
  const el = page.locator(`[data-slide="${n}"] [data-output] [data-error-line]`);
  return (await el.count()) ? el.textContent() : '';
}
