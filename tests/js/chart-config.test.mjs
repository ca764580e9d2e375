// web/src/ui/chart-config.mjs: figure descriptions from the core -> Chart.js configs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axesConfig, withAlpha } from '../../web/src/ui/chart-config.mjs';

const line = { type: 'line', label: '', color: '#1f77b4', alpha: 1, x: [2018, 2019], y: [70, 75], marker: 'o', linestyle: '-', linewidth: 1.5, markersize: 6 };
const ax = (series, extra = {}) => ({ title: 'T', xlabel: 'Year', ylabel: 'Score', xlim: null, ylim: [0, 100], xscale: 'linear', yscale: 'linear', grid: true, legend: false, xticks: null, yticks: null, texts: [], series, ...extra });

test('a line with markers, title, labels, limits and grid', () => {
  const c = axesConfig(ax([line]));
  assert.equal(c.type, 'scatter');
  const [d] = c.data.datasets;
  assert.equal(d.type, 'line');
  assert.deepEqual(d.data, [{ x: 2018, y: 70 }, { x: 2019, y: 75 }]);
  assert.equal(d.showLine, true);
  assert.equal(d.pointStyle, 'circle');
  assert.ok(d.pointRadius > 0);
  assert.equal(c.options.plugins.title.text, 'T');
  assert.equal(c.options.scales.x.title.text, 'Year');
  assert.equal(c.options.scales.y.min, 0);
  assert.equal(c.options.scales.y.max, 100);
  assert.equal(c.options.scales.x.grid.display, true);
  assert.equal(c.options.plugins.legend.display, false);
});

test('dashed lines, marker-only lines, scatter and categorical bars', () => {
  const c = axesConfig(ax([
    { ...line, linestyle: '--', label: 'linear' },
    { ...line, linestyle: '', marker: '^' },
    { type: 'scatter', label: '', color: '#ff7f0e', alpha: 0.5, x: [1], y: [2], marker: 'o', linestyle: '', linewidth: 1.5, markersize: 6, colors: null, sizes: null },
    { type: 'bar', label: '', color: '#2ca02c', alpha: 1, x: [0, 1], y: [3, 1], labels: ['a', 'b'], width: 0.8, horizontal: false, edges: [], marker: '', linestyle: '', linewidth: 1.5, markersize: 6 },
  ], { legend: true }));
  const [dashed, markers, scatter, bar] = c.data.datasets;
  assert.deepEqual(dashed.borderDash, [6, 4]);
  assert.equal(markers.showLine, false);
  assert.equal(markers.pointStyle, 'triangle');
  assert.equal(scatter.type, 'scatter');
  assert.equal(scatter.backgroundColor, 'rgba(255,127,14,0.5)');
  assert.equal(bar.type, 'bar');
  assert.equal(c.options.scales.x.ticks.callback(1), 'b');
  assert.equal(c.options.plugins.legend.display, true);
});

test('heatmaps use the matrix controller with the core colours', () => {
  const c = axesConfig(ax([{ type: 'heatmap', label: '', color: '', alpha: 1, z: [[1, 0], [0, 1]], colors: ['#fde725', '#440154', '#440154', '#fde725'], cmap: 'viridis', vmin: 0, vmax: 1, colorbar: false }]));
  assert.equal(c.type, 'matrix');
  const d = c.data.datasets[0];
  assert.equal(d.data.length, 4);
  assert.deepEqual(d.data[1], { x: 1, y: 0, v: 0 });
  assert.equal(d.backgroundColor({ dataIndex: 3 }), '#fde725');
  assert.equal(c.options.scales.y.reverse, true);
});

test('withAlpha', () => {
  assert.equal(withAlpha('#000000', 1), '#000000');
  assert.equal(withAlpha('#ff0000', 0.25), 'rgba(255,0,0,0.25)');
  assert.equal(withAlpha('red', 0.5), 'red');
});
