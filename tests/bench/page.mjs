// Page timings of issue 8, in Debian's Chromium (headless, the flags of the browser tests),
// with dist/ served from localhost. One fresh browser context per repetition (cold HTTP
// cache, no service worker), all times from the Performance API of the page (0 = the
// navigation's start):
//   ready   data-ready="true" on <html> (the worker's core is compiled and a Session exists)
//   first   the first code cell's output is shown; its Run button is clicked the moment it
//           exists, as an impatient reader would, so the run waits in the engine's queue
//   runAll  Run all on every code cell (after the first cell ran, and idleMs more), until
//           the last result is shown (the promise of the Run-all control)
//   charts  the same plus every Chart.js canvas drawn (Chart.js arrives lazily)
// Usage: node tests/bench/page.mjs [DIST] [REPS] [IDLE_MS]   (also used by tests/bench/run.mjs)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from '../../web/scripts/serve.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// The flags of tests/browser/harness.mjs.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const PREFIX = '/bench/';

// Installed before any page script: records when data-ready appears and clicks the first
// code cell's Run button as soon as it is in the document; reports both marks to the bench.
const PROBE = () => {
  const marks = (window.__bench = { ready: null, first: null, clicked: null });
  let firstOut = null;
  const mo = new MutationObserver(() => {
    if (marks.ready === null && document.documentElement.getAttribute('data-ready') === 'true') marks.ready = performance.now();
    if (marks.clicked === null) {
      const btn = document.querySelector('[data-slide] [data-action="run"]');
      if (btn) {
        firstOut = btn.closest('[data-slide]').querySelector('[data-output]');
        marks.clicked = performance.now();
        btn.click();
      }
    }
    if (marks.first === null && firstOut && firstOut.childElementCount > 0) marks.first = performance.now();
    if (marks.ready !== null && marks.first !== null) {
      mo.disconnect();
      if (window.__benchDone) window.__benchDone({ ready: marks.ready, first: marks.first });
    }
  });
  mo.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export async function pageBench({ dist = path.join(ROOT, 'dist'), reps = 5, idleMs = 0, log = () => {} } = {}) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist}/index.html is missing (npm run build)`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing`);
  const server = serve({ dir: dist, port: 0, prefix: PREFIX });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${server.address().port}${PREFIX}`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const runs = { ready: [], first: [], runAll: [], charts: [] };
  let failures = 0;
  let cells = 0;
  try {
    for (let rep = 0; rep < reps; rep++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
      const page = await ctx.newPage();
      // The probe reports through a CDP binding: waiting with page.waitForFunction would
      // inject Playwright's utility script (~40 ms of main-thread evaluation, measured in a
      // Chromium trace) and poll every animation frame while the page is starting.
      let done;
      const reported = new Promise((resolve, reject) => {
        done = resolve;
        setTimeout(() => reject(new Error('the page did not become ready with a first output in 30 s')), 30000).unref();
      });
      await page.exposeFunction('__benchDone', (m) => done(m));
      await page.addInitScript(PROBE);
      await page.goto(url);
      const marks = await reported;
      if (idleMs) await page.waitForTimeout(idleMs);
      const all = await page.evaluate(async () => {
        const t0 = performance.now();
        await globalThis.lmPlayground.runAll();
        const t1 = performance.now();
        const pending = () => document.querySelectorAll('canvas[data-chart="pending"]').length;
        while (pending()) await new Promise((r) => setTimeout(r, 2));
        const t2 = performance.now();
        const slides = [...document.querySelectorAll('[data-slide]')].filter((s) => s.querySelector('[data-output]'));
        return {
          runAll: t1 - t0,
          charts: t2 - t0,
          cells: slides.length,
          errors: slides.filter((s) => s.querySelector('[data-error]')).length,
        };
      });
      await ctx.close();
      runs.ready.push(marks.ready);
      runs.first.push(marks.first);
      runs.runAll.push(all.runAll);
      runs.charts.push(all.charts);
      failures = Math.max(failures, all.errors);
      cells = all.cells;
      log(`  page repetition ${rep + 1}/${reps}: ready ${marks.ready.toFixed(0)} ms, first ${marks.first.toFixed(0)} ms, run all ${all.runAll.toFixed(0)} ms`);
    }
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
  return {
    ready: median(runs.ready),
    first: median(runs.first),
    runAll: median(runs.runAll),
    charts: median(runs.charts),
    cells,
    errors: failures,
    runs,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const dist = path.resolve(process.argv[2] || path.join(ROOT, 'dist'));
  const reps = Number(process.argv[3] || 5);
  const idleMs = Number(process.argv[4] || 0);
  const r = await pageBench({ dist, reps, idleMs, log: (s) => console.log(s) });
  console.log(
    `ready ${r.ready.toFixed(0)} ms, first output ${r.first.toFixed(0)} ms, run all (${r.cells} cells, ${r.errors} with an error) ${r.runAll.toFixed(0)} ms, with charts ${r.charts.toFixed(0)} ms`,
  );
}
