// The explorers' shared toolkit: a Panel fills one [data-explorer] root with labelled
// controls, printed values and Chart.js charts, and owns the update loop. Every control
// is a native input inside a <label> (keyboard-operable for free), and one delegated
// `input` listener on the root redraws synchronously: draw() calls the core, then
// chart.update('none') (no animation, so dragging a slider never lags behind).
//
// The data-* contract (README, "test contract"): data-control on inputs, data-explorer-chart
// on canvases (Chart instance as canvas.lmChart), data-explorer-value on printed numbers,
// data-explorer-error on the message, data-explorer-ready once the first draw is done.
// Errors never escape: a core {error} or an exception in draw() becomes the message and the
// charts keep their last good state.

import { h } from '../dom.mjs';
import { loadCharts } from '../figures.mjs';

export { h };

// Shows a number rounded, keeping the full value in data-value for scripts and tests.
export function show(el, v, d = 4) {
  el.textContent = fmt(v, d);
  el.dataset.value = String(v);
}

export const fmt = (v, d = 4) => (v === null || v === undefined ? '—' : Number.isFinite(v) ? String(Number(v.toFixed(d))) : String(v));

export class Panel {
  constructor(root, core, title) {
    this.root = root;
    this.core = core;
    this.n = root.dataset.explorer;
    this.pending = [];
    this.Chart = null;
    this.draw = () => {};
    this.controls = h('div', { class: 'ex-controls' });
    this.errorEl = h('p', { class: 'error-line ex-error', 'data-explorer-error': '', role: 'alert', hidden: true });
    this.values = h('div', { class: 'ex-values' });
    this.out = h('div', { class: 'ex-out' });
    this.msEl = h('p', { class: 'muted ex-ms' });
    root.replaceChildren(h('h3', {}, `Explore: ${title}`), this.controls, this.errorEl, this.values, this.out, this.msEl);
    root.addEventListener('input', () => this.redraw());
  }

  // A control inside its <label>; data-control names it for tests and scripts.
  field(name, label, input, extra = null, parent = this.controls) {
    input.setAttribute('data-control', name);
    input.id = `ex${this.n}-${name}`;
    parent.append(h('div', { class: 'ex-field' }, h('label', { for: input.id }, label), input, extra));
    return input;
  }

  range(name, label, { min, max, step = 1, value, show = String }) {
    const input = h('input', { type: 'range', min, max, step, value });
    const out = h('output', { for: `ex${this.n}-${name}` });
    const sync = () => {
      out.textContent = show(Number(input.value));
      input.setAttribute('aria-valuetext', out.textContent);
    };
    input.addEventListener('input', sync);
    input.sync = sync;
    sync();
    return this.field(name, label, input, out);
  }

  number(name, label, { min, max, step = 1, value }) {
    return this.field(name, label, h('input', { type: 'number', min, max, step, value }));
  }

  text(name, label, { value = '', rows = 0 } = {}) {
    const input = rows ? h('textarea', { rows, spellcheck: 'false' }) : h('input', { type: 'text', spellcheck: 'false' });
    input.value = value;
    return this.field(name, label, input);
  }

  checkbox(name, label, checked = false) {
    const input = h('input', { type: 'checkbox', checked });
    input.setAttribute('data-control', name);
    input.id = `ex${this.n}-${name}`;
    this.controls.append(h('div', { class: 'ex-field ex-check' }, input, h('label', { for: input.id }, label)));
    return input;
  }

  button(name, text, onclick, parent = this.controls) {
    const b = h('button', { type: 'button', 'data-control': name, onclick }, text);
    parent.append(b);
    return b;
  }

  // A matrix of number inputs (one <label> each, visually hidden); read() -> number[][]
  // (NaN where a cell is not a number). Cells are data-control="<name>-<row>-<col>".
  grid(name, label, matrix, { colLabels = null, parent = this.controls } = {}) {
    const table = h('table', { class: 'ex-grid', 'data-control-grid': name });
    if (colLabels) table.append(h('tr', {}, colLabels.map((c) => h('th', { scope: 'col' }, c))));
    const cells = matrix.map((row, r) =>
      row.map((v, c) => {
        const input = h('input', { type: 'number', step: 'any', value: v, 'data-control': `${name}-${r}-${c}`, id: `ex${this.n}-${name}-${r}-${c}` });
        return input;
      }),
    );
    cells.forEach((row, r) =>
      table.append(h('tr', {}, row.map((input, c) => h('td', {}, h('label', { class: 'sr', for: input.id }, `${label}, row ${r + 1}, column ${c + 1}`), input)))),
    );
    const fs = h('fieldset', { class: 'ex-field ex-gridbox' }, h('legend', {}, label), table);
    parent.append(fs);
    return { el: fs, cells, read: () => cells.map((row) => row.map((i) => (i.value.trim() === '' ? NaN : Number(i.value)))) };
  }

  // A printed value (an <output>; its role is status, so it is announced politely).
  value(name, label) {
    const el = h('output', { 'data-explorer-value': name, 'aria-live': 'polite' });
    this.values.append(h('p', {}, `${label}: `, el));
    return el;
  }

  // A canvas whose chart is created once Chart.js is loaded (at once after start()).
  chart(name, label, config, parent = this.out, cls = '') {
    const canvas = h('canvas', { 'data-explorer-chart': name, role: 'img', 'aria-label': label });
    parent.append(h('div', { class: `ex-chart ${cls}` }, canvas));
    if (this.Chart) canvas.lmChart = new this.Chart(canvas, config);
    else this.pending.push([canvas, config]);
    return canvas;
  }

  // Waits for Chart.js and the core, creates the charts, draws once, marks ready.
  async start(draw) {
    this.draw = draw;
    try {
      const [Chart] = await Promise.all([loadCharts(), this.core.load()]);
      this.Chart = Chart;
      for (const [canvas, config] of this.pending) canvas.lmChart = new Chart(canvas, config);
      this.pending = [];
    } catch (e) {
      this.fail(`The explorer could not start: ${(e && e.message) || e}`);
      return;
    }
    this.redraw();
    this.root.setAttribute('data-explorer-ready', 'true');
  }

  redraw() {
    if (!this.Chart) return;
    this.fail('');
    this.ms = 0;
    try {
      this.draw();
    } catch (e) {
      this.fail(`internal error in the explorer (${(e && e.message) || e})`);
    }
    const ms = this.ms;
    this.msEl.textContent = ms ? `core: ${ms < 1 ? ms.toFixed(2) : ms.toFixed(1)} ms` : '';
  }

  fail(message) {
    this.errorEl.textContent = message;
    this.errorEl.hidden = !message;
  }

  // The core's result, or null after showing its error.
  call(name, ...args) {
    const r = this.core.call(name, ...args);
    this.ms += this.core.lastMs;
    if (r.error) {
      this.fail(r.error);
      return null;
    }
    return r.value;
  }
}

// ---- chart configurations and updates ----

export const ACCENT = '#1f5fbf';
export const SECOND = '#d9822b';
export const THIRD = '#2f9e6e';

export function baseOptions(extra = {}) {
  return { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } }, ...extra };
}

const axis = (title, more = {}) => ({ title: { display: !!title, text: title }, ...more });

// Bars over categories; series: [{label, color}], more datasets may be lines (type: 'line').
export function barConfig({ series = [{ label: '' }], x = '', y = '', yMax, legend = false, horizontal = false }) {
  const datasets = series.map((s, i) => ({
    type: s.type || 'bar',
    label: s.label,
    data: [],
    backgroundColor: s.color || [ACCENT, SECOND, THIRD][i % 3],
    borderColor: s.color || [ACCENT, SECOND, THIRD][i % 3],
    borderDash: s.dash || [],
    pointRadius: s.type === 'line' ? 0 : undefined,
    borderWidth: s.type === 'line' ? 2 : 0,
  }));
  const valueAxis = axis(y, { beginAtZero: true, max: yMax });
  return {
    type: 'bar',
    data: { labels: [], datasets },
    options: baseOptions({
      indexAxis: horizontal ? 'y' : 'x',
      plugins: { legend: { display: legend } },
      scales: horizontal ? { x: valueAxis, y: axis(x) } : { x: axis(x), y: valueAxis },
    }),
  };
}

// Replaces labels and each dataset's data, then redraws without animation.
export function setData(canvas, labels, ...series) {
  const c = canvas.lmChart;
  if (labels) c.data.labels = labels;
  series.forEach((d, i) => (c.data.datasets[i].data = d));
  c.update('none');
}

// viridis, five stops, linearly interpolated: enough for a small heatmap
const STOPS = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];
export function viridis(t) {
  const x = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const c = STOPS[i].map((a, k) => Math.round(a + (STOPS[i + 1][k] - a) * f));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

// Writes each cell's value (matrix) or each point's label (scatter) on the chart.
const labelPlugin = {
  id: 'lmExLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.font = '11px sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    chart.data.datasets.forEach((ds, di) => {
      const meta = chart.getDatasetMeta(di);
      if (meta.hidden) return;
      meta.data.forEach((el, i) => {
        const d = ds.data[i];
        if (!d || (d.label === undefined && d.v === undefined)) return;
        const { x, y } = el.getCenterPoint ? el.getCenterPoint() : el;
        if (d.label !== undefined) {
          ctx.fillStyle = ds.borderColor || '#333';
          ctx.fillText(d.label, x, y - 11);
        } else if (chart.lmShowValues) {
          ctx.fillStyle = d.t > 0.6 ? '#111' : '#fff';
          ctx.fillText(fmt(d.v, 2), x, y);
        }
      });
    });
    ctx.restore();
  },
};

// A heatmap of a matrix (chartjs-chart-matrix) with category axes.
export function heatmapConfig({ x = '', y = '' } = {}) {
  const size = (chart, dim, n) => Math.max(1, ((chart.chartArea || {})[dim] || 0) / Math.max(1, n) - 2);
  return {
    type: 'matrix',
    data: {
      datasets: [
        {
          label: '',
          data: [],
          backgroundColor: (ctx) => viridis(ctx.raw ? ctx.raw.t : 0),
          borderWidth: 0,
          width: ({ chart }) => size(chart, 'width', chart.scales.x.ticks.length),
          height: ({ chart }) => size(chart, 'height', chart.scales.y.ticks.length),
        },
      ],
    },
    options: baseOptions({
      plugins: { legend: { display: false }, tooltip: { callbacks: { title: () => '', label: (c) => `${c.raw.y} · ${c.raw.x}: ${fmt(c.raw.v)}` } } },
      scales: {
        x: axis(x, { type: 'category', labels: [], offset: true, grid: { display: false } }),
        y: axis(y, { type: 'category', labels: [], offset: true, reverse: false, grid: { display: false } }),
      },
    }),
    plugins: [labelPlugin],
  };
}

// z: rows of numbers; colours span [lo, hi] (default: the data's range).
export function setMatrix(canvas, z, rowLabels, colLabels, { lo, hi, values = true } = {}) {
  const c = canvas.lmChart;
  const flat = z.flat().filter(Number.isFinite);
  const a = lo ?? Math.min(...flat);
  const b = hi ?? Math.max(...flat);
  const data = [];
  z.forEach((row, r) => row.forEach((v, k) => data.push({ x: colLabels[k], y: rowLabels[r], v, t: b > a ? (v - a) / (b - a) : 0.5 })));
  c.options.scales.x.labels = colLabels;
  c.options.scales.y.labels = rowLabels;
  c.lmShowValues = values && z.length * (z[0] || []).length <= 64;
  c.data.datasets[0].data = data;
  c.update('none');
}

// A scatter whose points carry text labels ({x, y, label}).
export function scatterConfig({ x = '', y = '' } = {}) {
  return {
    type: 'scatter',
    data: { datasets: [{ label: '', data: [], backgroundColor: ACCENT, borderColor: ACCENT, pointRadius: 5 }] },
    options: baseOptions({ scales: { x: axis(x), y: axis(y) } }),
    plugins: [labelPlugin],
  };
}

// Splits a text box into words (whitespace), for controls that take word lists.
export const words = (s) => s.split(/\s+/).filter(Boolean);
