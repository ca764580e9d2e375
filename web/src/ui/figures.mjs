// matplotlib figures below a cell's output: one <figure> per shown figure, one canvas per
// Axes laid out on the figure's subplot grid, drawn with Chart.js. Chart.js (and the matrix
// controller for heatmaps) is imported lazily on the first figure, so the first cell is
// usable before it arrives. Each canvas gets `lmChart` (the Chart instance) and
// data-chart="ready" once drawn, for tests and course scripts. The explorers share the
// same loader (loadCharts), so Chart.js is fetched and registered once.

import { h } from './dom.mjs';
import { axesConfig } from './chart-config.mjs';

let chartLib = null;
export function loadCharts() {
  if (!chartLib) {
    chartLib = Promise.all([import('chart.js/auto'), import('chartjs-chart-matrix')]).then(([auto, matrix]) => {
      const Chart = auto.default;
      Chart.register(matrix.MatrixController, matrix.MatrixElement);
      return Chart;
    });
  }
  return chartLib;
}

function renderFigure(f, i) {
  const rows = Math.max(1, f.rows || 1);
  const cols = Math.max(1, f.cols || 1);
  const grid = h('div', { class: 'figure-grid' });
  // Inline styles (CSSOM, allowed by the page's CSP) keep this module self-contained.
  grid.style.display = 'grid';
  grid.style.gap = '8px';
  grid.style.gridTemplateColumns = `repeat(${cols}, minmax(0, 1fr))`;
  const aspect = (f.height || 4.8) / (f.width || 6.4);
  const canvases = [];
  for (const ax of f.axes || []) {
    const canvas = h('canvas', { 'data-chart': 'pending', role: 'img', 'aria-label': ax.title || f.title || `Figure ${i + 1}` });
    const cell = h('div', { class: 'figure-cell' }, canvas);
    cell.style.gridRow = String((ax.row || 0) + 1);
    cell.style.gridColumn = String((ax.col || 0) + 1);
    cell.style.position = 'relative';
    cell.style.minWidth = '0';
    cell.style.aspectRatio = `${Math.max(0.5, Math.min(3, 1 / aspect))}`;
    grid.append(cell);
    canvases.push([canvas, ax]);
  }
  const caption = f.suptitle || '';
  const fig = h('figure', { class: 'figure', 'data-figure': i }, caption ? h('figcaption', {}, caption) : null, grid);
  loadCharts()
    .then((Chart) => {
      for (const [canvas, ax] of canvases) {
        canvas.lmChart = new Chart(canvas, axesConfig(ax));
        canvas.setAttribute('data-chart', 'ready');
      }
    })
    .catch((e) => {
      fig.append(h('p', { class: 'error' }, `Charts could not be drawn: ${e && e.message ? e.message : e}`));
    });
  return fig;
}

export function renderFigures(figures) {
  return h('div', { class: 'figures', 'data-figures': '' }, figures.map((f, i) => renderFigure(f || {}, i)));
}
