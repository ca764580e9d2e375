// Chart description (from the core's matplotlib subset, see core/plot/figure.h) -> Chart.js
// configuration. DOM-free and Chart.js-free so it can be unit-tested in node: one config per
// Axes. Lines, scatters and bars share a linear x scale, as in matplotlib, where categorical
// bars sit at 0, 1, 2 ... and the categories become tick labels; heatmaps use the 'matrix'
// controller of chartjs-chart-matrix with the colours the core computed.

const DASH = { '-': [], '--': [6, 4], ':': [2, 3], '-.': [6, 3, 2, 3] };
const POINT = { o: 'circle', '.': 'circle', ',': 'circle', s: 'rect', '^': 'triangle', v: 'triangle', '<': 'triangle', '>': 'triangle', D: 'rectRot', d: 'rectRot', '*': 'star', '+': 'cross', x: 'crossRot', X: 'crossRot', P: 'cross', p: 'rectRounded', h: 'circle', H: 'circle', 8: 'circle' };
const ROTATION = { v: 180, '<': 270, '>': 90 };

export function withAlpha(color, alpha) {
  if (alpha === undefined || alpha >= 1 || !/^#[0-9a-f]{6}$/i.test(color)) return color;
  const n = parseInt(color.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

function pointRadius(s) {
  if (!s.marker) return 0;
  if (s.marker === ',') return 1;
  if (s.marker === '.') return Math.max(1.5, s.markersize / 4);
  return Math.max(2, s.markersize / 2);
}

function lineDataset(s) {
  return {
    type: 'line',
    label: s.label,
    data: s.x.map((x, i) => ({ x, y: s.y[i] })),
    borderColor: withAlpha(s.color, s.alpha),
    backgroundColor: withAlpha(s.color, s.alpha),
    borderWidth: s.linestyle ? s.linewidth : 0,
    borderDash: DASH[s.linestyle] || [],
    showLine: !!s.linestyle,
    pointStyle: POINT[s.marker] || 'circle',
    rotation: ROTATION[s.marker] || 0,
    pointRadius: pointRadius(s),
    pointHoverRadius: pointRadius(s) + 1,
    tension: 0,
    fill: false,
    order: 0, // matplotlib's z-order: lines over collections over patches
    parsing: false,
  };
}

function scatterDataset(s) {
  const color = s.colors ? s.colors.map((c) => withAlpha(c, s.alpha)) : withAlpha(s.color, s.alpha);
  const r = (sz) => Math.max(1.5, Math.sqrt(sz) / 2);
  return {
    type: 'scatter',
    label: s.label,
    data: s.x.map((x, i) => ({ x, y: s.y[i] })),
    backgroundColor: color,
    borderColor: color,
    pointStyle: POINT[s.marker] || 'circle',
    rotation: ROTATION[s.marker] || 0,
    pointRadius: s.sizes ? s.sizes.map(r) : r(s.markersize * s.markersize),
    showLine: false,
    order: 1,
    parsing: false,
  };
}

function barDataset(s) {
  const hist = s.type === 'hist';
  const data = s.horizontal ? s.x.map((x, i) => ({ y: x, x: s.y[i] })) : s.x.map((x, i) => ({ x, y: s.y[i] }));
  return {
    type: 'bar',
    label: s.label,
    data,
    indexAxis: s.horizontal ? 'y' : 'x',
    backgroundColor: withAlpha(s.color, s.alpha),
    borderColor: hist ? 'rgba(255,255,255,0.6)' : withAlpha(s.color, s.alpha),
    borderWidth: hist ? 1 : 0,
    barPercentage: hist ? 1 : Math.min(1, s.width),
    categoryPercentage: 1,
    grouped: false,
    order: 2,
    parsing: false,
  };
}

function tickOptions(ticks, categories) {
  if (ticks) {
    return {
      afterBuildTicks: (axis) => {
        axis.ticks = ticks.values.map((value) => ({ value }));
      },
      ticks: { autoSkip: false, callback: (v) => ticks.labels[ticks.values.indexOf(v)] ?? String(v) },
    };
  }
  if (categories) {
    return {
      afterBuildTicks: (axis) => {
        axis.ticks = categories.map((_, value) => ({ value }));
      },
      ticks: { autoSkip: false, callback: (v) => categories[v] ?? '' },
    };
  }
  // matplotlib's ScalarFormatter: no digit grouping (2018, not Chart.js's default "2,018")
  return { ticks: { callback: (v) => String(Number(Number(v).toPrecision(12))) } };
}

function scale(ax, which, categories) {
  const lim = ax[`${which}lim`];
  const label = ax[`${which}label`];
  return {
    type: ax[`${which}scale`] === 'log' ? 'logarithmic' : 'linear',
    min: lim ? Math.min(lim[0], lim[1]) : undefined,
    max: lim ? Math.max(lim[0], lim[1]) : undefined,
    reverse: lim ? lim[0] > lim[1] : false,
    title: { display: !!label, text: label },
    grid: { display: !!ax.grid },
    ...tickOptions(ax[`${which}ticks`], categories),
  };
}

// Draws plt.text() annotations at data coordinates.
const textPlugin = {
  id: 'lmTexts',
  afterDatasetsDraw(chart, _args, opts) {
    const texts = (opts && opts.items) || [];
    if (!texts.length) return;
    const { ctx, scales } = chart;
    ctx.save();
    ctx.font = '12px sans-serif';
    for (const t of texts) {
      ctx.fillStyle = t.color || '#222';
      ctx.fillText(t.s, scales.x.getPixelForValue(t.x), scales.y.getPixelForValue(t.y));
    }
    ctx.restore();
  },
};

function heatmapConfig(ax, s) {
  const rows = s.z.length;
  const cols = rows ? s.z[0].length : 0;
  const data = [];
  s.z.forEach((row, r) => row.forEach((v, c) => data.push({ x: c, y: r, v })));
  const cell = (chart, dim, n) => ((chart.chartArea || {})[dim] || 0) / Math.max(1, n) - 1;
  const axis = (n, label, reverse) => ({
    type: 'linear',
    min: -0.5,
    max: n - 0.5,
    reverse,
    offset: false,
    grid: { display: false },
    title: { display: !!label, text: label },
    ticks: { stepSize: 1, callback: (v) => (Number.isInteger(v) ? v : '') },
  });
  return {
    type: 'matrix',
    data: {
      datasets: [
        {
          label: s.label || 'image',
          data,
          backgroundColor: (ctx) => s.colors[ctx.dataIndex],
          borderWidth: 0,
          width: ({ chart }) => cell(chart, 'width', cols),
          height: ({ chart }) => cell(chart, 'height', rows),
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: {
        title: { display: !!ax.title, text: ax.title },
        legend: { display: false },
        tooltip: { callbacks: { label: (c) => `[${c.raw.y}, ${c.raw.x}] = ${c.raw.v}` } },
      },
      scales: { x: axis(cols, ax.xlabel, false), y: axis(rows, ax.ylabel, true) },
    },
  };
}

// One Chart.js config for an Axes of a figure description.
export function axesConfig(ax) {
  const heat = ax.series.filter((s) => s.type === 'heatmap');
  if (heat.length) return heatmapConfig(ax, heat[heat.length - 1]);
  const datasets = ax.series.map((s) => (s.type === 'line' ? lineDataset(s) : s.type === 'scatter' ? scatterDataset(s) : barDataset(s)));
  const catSeries = ax.series.find((s) => s.labels && s.labels.length);
  const horizontalCats = catSeries && catSeries.horizontal;
  return {
    type: 'scatter',
    data: { datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: {
        title: { display: !!ax.title, text: ax.title },
        legend: { display: !!ax.legend, labels: { filter: (item, data) => !!data.datasets[item.datasetIndex].label } },
        lmTexts: { items: ax.texts || [] },
      },
      scales: {
        x: scale(ax, 'x', catSeries && !horizontalCats ? catSeries.labels : null),
        y: scale(ax, 'y', catSeries && horizontalCats ? catSeries.labels : null),
      },
    },
    plugins: [textPlugin],
  };
}
