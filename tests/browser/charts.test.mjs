// matplotlib figures as Chart.js charts in the page (issue 5): slide 13 draws a line chart
// with six points, its title, axis labels and y limits; slide 7's corrected version draws the
// scatter of the data and the fitted red line. Reads the Chart instances the page attaches
// to each canvas (canvas.lmChart).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openDeck, run } from './harness.mjs';

let site;
let page;
before(async () => {
  site = await startSite();
  page = await site.newPage();
  await openDeck(site, page);
});
after(async () => site && site.close());

// Summaries of the drawn charts of slide n (waits until Chart.js has drawn them).
async function charts(n) {
  await page.waitForSelector(`[data-slide="${n}"] [data-output] canvas[data-chart="ready"]`, { timeout: 20000 });
  return page.evaluate((n) => {
    return [...document.querySelectorAll(`[data-slide="${n}"] [data-output] canvas`)].map((c) => {
      const ch = c.lmChart;
      return {
        width: c.width,
        title: ch.options.plugins.title.text,
        xlabel: ch.options.scales.x.title.text,
        ylabel: ch.options.scales.y.title.text,
        ymin: ch.scales.y.min,
        ymax: ch.scales.y.max,
        grid: ch.options.scales.x.grid.display,
        datasets: ch.data.datasets.map((d) => ({
          type: d.type,
          n: d.data.length,
          first: d.data[0],
          showLine: d.showLine,
          color: d.borderColor,
          drawn: ch.getDatasetMeta(ch.data.datasets.indexOf(d)).data.length,
        })),
      };
    });
  }, n);
}

test('slide 13 renders a line chart with six points, title, axis labels and limits', async () => {
  await run(page, 13);
  const [c, ...rest] = await charts(13);
  assert.equal(rest.length, 0);
  assert.ok(c.width > 100);
  assert.equal(c.title, 'Simulated Language Model Performance Over Time');
  assert.equal(c.xlabel, 'Year');
  assert.equal(c.ylabel, 'Performance Score');
  assert.equal(c.ymin, 0);
  assert.equal(c.ymax, 100);
  assert.equal(c.grid, true);
  assert.equal(c.datasets.length, 1);
  const [d] = c.datasets;
  assert.equal(d.type, 'line');
  assert.equal(d.n, 6);
  assert.equal(d.drawn, 6);
  assert.equal(d.showLine, true);
  assert.deepEqual(d.first, { x: 2018, y: 70 });
  assert.deepEqual(page.errors, []);
});

test("slide 7's corrected version renders the scatter and the fitted line", async () => {
  await page.locator('[data-slide="7"] [data-action="corrected"]').click();
  const out = await run(page, 7);
  assert.match(await out.textContent(), /Estimated equation: y = 2\.93x \+ 4\.03/);
  const [c] = await charts(7);
  assert.equal(c.title, 'Linear Regression with Gradient Descent');
  const [scatter, line] = c.datasets;
  assert.equal(scatter.type, 'scatter');
  assert.equal(scatter.n, 100);
  assert.equal(scatter.drawn, 100);
  assert.equal(line.type, 'line');
  assert.equal(line.n, 100);
  assert.equal(line.showLine, true);
  assert.ok(['red', '#ff0000'].includes(line.color), line.color);
  // the fitted line passes through (x, 2.93x + 4.03) for the first point
  assert.ok(Math.abs(line.first.y - (2.93 * line.first.x + 4.03)) < 0.02);
  assert.deepEqual(page.errors, []);
});
