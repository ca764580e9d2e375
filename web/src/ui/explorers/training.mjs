// Explorers of slide 7 (gradient descent) and slide 13 (progress chart), issue 7.
// Gradient descent is the one explorer that animates: each new result is played across
// its epochs (the fitted line moving, the loss curve growing) in about a second, with
// "Skip to the end" to reach the final state at once and no animation at all under
// prefers-reduced-motion. The root carries data-animating="true" while it plays.
// The progress chart draws the core's matplotlib figure with the same converter as cell
// output (chart-config.mjs), plus the least-squares trend the core returns.

import { Panel, h, fmt, show, baseOptions, ACCENT, SECOND } from './kit.mjs';
import { axesConfig } from '../chart-config.mjs';

const FRAMES = 48;
const reducedMotion = () => !!(globalThis.matchMedia && matchMedia('(prefers-reduced-motion: reduce)').matches);

function descent(root, core) {
  const p = new Panel(root, core, 'gradient descent');
  const rate = p.range('learningRate', 'Learning rate', { min: 0.001, max: 1.5, step: 0.001, value: 0.01 });
  const epochs = p.range('epochs', 'Epochs', { min: 1, max: 5000, value: 1000 });
  const seed = p.number('seed', 'Seed of the data', { min: 0, max: 4294967295, value: 42 });
  const epoch = p.value('epoch', 'Epoch');
  const m = p.value('m', 'm (slope)');
  const b = p.value('b', 'b (intercept)');
  const loss = p.value('loss', 'Mean squared error');
  const status = p.value('status', 'Status');
  const tools = h('div', { class: 'ex-buttons' });
  p.controls.append(tools);
  p.button('skip', 'Skip to the end', () => finish(), tools);
  p.button('replay', 'Replay', () => play(), tools);
  const grid = h('div', { class: 'ex-pair' });
  p.out.append(grid);
  const fit = p.chart(
    'fit',
    'The data and the line fitted so far',
    {
      type: 'scatter',
      data: {
        datasets: [
          { label: 'data', data: [], backgroundColor: ACCENT, pointRadius: 2.5 },
          { type: 'line', label: 'fit', data: [], borderColor: 'red', backgroundColor: 'red', pointRadius: 0, borderWidth: 2 },
        ],
      },
      options: baseOptions({ scales: { x: { title: { display: true, text: 'X' } }, y: { title: { display: true, text: 'y' } } } }),
    },
    grid,
  );
  const curve = p.chart(
    'loss',
    'Loss (mean squared error) by epoch, log scale',
    {
      type: 'line',
      data: { datasets: [{ label: 'loss', data: [], borderColor: SECOND, backgroundColor: SECOND, pointRadius: 0, borderWidth: 2, parsing: false }] },
      options: baseOptions({ scales: { x: { type: 'linear', title: { display: true, text: 'epoch' } }, y: { type: 'logarithmic', title: { display: true, text: 'loss' } } } }),
    },
    grid,
  );
  let r = null;
  let frame = 0;
  let timer = 0;

  // Shows the state before epoch e (e = last index: the final state).
  const at = (e) => {
    const xs = [0, 2];
    fit.lmChart.data.datasets[1].data = xs.map((x) => ({ x, y: r.m[e] * x + r.b[e] }));
    fit.lmChart.update('none');
    const pts = [];
    for (let i = 0; i <= e; i++) if (r.loss[i] > 0 && Number.isFinite(r.loss[i])) pts.push({ x: i, y: r.loss[i] });
    curve.lmChart.data.datasets[0].data = pts;
    curve.lmChart.options.scales.x.max = r.loss.length - 1;
    curve.lmChart.update('none');
    epoch.textContent = String(e);
    show(m, r.m[e]);
    show(b, r.b[e]);
    show(loss, r.loss[e]);
  };
  const stop = () => {
    cancelAnimationFrame(timer);
    root.removeAttribute('data-animating');
  };
  const finish = () => {
    stop();
    if (r) at(r.loss.length - 1);
  };
  const play = () => {
    stop();
    if (!r) return;
    if (reducedMotion() || r.loss.length < 3) return finish();
    frame = 0;
    root.setAttribute('data-animating', 'true');
    const last = r.loss.length - 1;
    const tick = () => {
      frame++;
      // quadratic in time: the early epochs, where the line moves most, get more frames
      const e = Math.min(last, Math.round(last * (frame / FRAMES) ** 2));
      at(e);
      if (e < last) timer = requestAnimationFrame(tick);
      else stop();
    };
    timer = requestAnimationFrame(tick);
  };

  p.start(() => {
    const res = p.call('gradientDescent', Number(rate.value), Number(epochs.value), Number(seed.value));
    if (!res) return;
    r = res;
    fit.lmChart.data.datasets[0].data = r.x.map((x, i) => ({ x, y: r.y[i] }));
    status.textContent = r.diverged
      ? `Diverged at epoch ${r.divergedAt}: the loss grew past 10¹² (the learning rate is too high)`
      : `Converging: the loss fell from ${fmt(r.loss[0])} to ${fmt(r.loss[r.loss.length - 1])}`;
    status.dataset.value = r.diverged ? 'diverged' : 'converging';
    play();
  });
}

const SLIDE13 = { years: [2018, 2019, 2020, 2021, 2022, 2023], scores: [70, 75, 82, 88, 92, 95] };

function progress(root, core) {
  const p = new Panel(root, core, 'progress chart');
  const box = h('div', { class: 'ex-grids' });
  p.controls.append(box);
  let points = SLIDE13.years.map((y, i) => [y, SLIDE13.scores[i]]);
  let grid = null;
  const makeGrid = () => {
    const g = p.grid('points', 'Points (year, score)', points, { colLabels: ['year', 'score'] });
    if (grid) grid.el.replaceWith(g.el);
    else box.append(g.el);
    grid = g;
  };
  makeGrid();
  const tools = h('div', { class: 'ex-buttons' });
  p.controls.append(tools);
  p.button('addPoint', 'Add a point', () => {
    points = grid.read();
    const [y, s] = points[points.length - 1] || [2023, 95];
    if (points.length < 30) points.push([y + 1, s]);
    makeGrid();
    p.redraw();
  }, tools);
  p.button('removePoint', 'Remove the last point', () => {
    points = grid.read();
    if (points.length > 1) points.pop();
    makeGrid();
    p.redraw();
  }, tools);
  const slope = p.value('slope', 'Trend slope (score per year)');
  const icpt = p.value('intercept', 'Trend intercept');
  const chart = p.chart('progress', 'The slide’s line chart of the points, with the least-squares trend', { type: 'scatter', data: { datasets: [] }, options: baseOptions() }, p.out, 'ex-wide');
  p.start(() => {
    const pts = grid.read();
    const r = p.call('progressChart', pts.map((q) => q[0]), pts.map((q) => q[1]));
    if (!r) return;
    const ax = (r.figure.axes || r.figure[0].axes)[0];
    const cfg = axesConfig(ax);
    const xs = ax.series[0] ? ax.series[0].x : [];
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    // no trend when the years have no spread (one point): the core says null
    if (r.trend.slope !== null) cfg.data.datasets.push({ type: 'line', label: 'trend', data: [lo, hi].map((x) => ({ x, y: r.trend.slope * x + r.trend.intercept })), borderColor: SECOND, borderDash: [6, 4], pointRadius: 0, borderWidth: 2, parsing: false });
    const c = chart.lmChart;
    c.data = cfg.data;
    c.options = cfg.options;
    c.update('none');
    show(slope, r.trend.slope);
    show(icpt, r.trend.intercept);
  });
}

export const explorers = { 7: descent, 13: progress };
