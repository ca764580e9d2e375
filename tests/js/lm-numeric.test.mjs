// The numeric explorers as the page calls them: Module.perplexity(...) etc. on the built
// WebAssembly module, each returning JSON text. Expected numbers are what NumPy prints for
// the slides' code (the real outputs recorded in web/deck/errata.mjs, np.polyfit for the
// trend); the bit-level agreement with NumPy is checked natively (tests/unit/lm_numeric_test.cpp).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { loadLmpy, wasmDir } from '../../wasm/load-node.mjs';
import { parseResult } from '../../web/src/engine/lm-core.mjs';

const dir = wasmDir();
const missing = !existsSync(dir + 'lmpy.wasm') || !existsSync(dir + 'lmpy.js');
const skip = missing ? `no WebAssembly build in ${dir} (run \`npm run build\`)` : false;
const lm = missing ? null : await loadLmpy({ dir });
const call = (name, ...args) => parseResult(lm[name](...args));
const close = (a, b, tol = 1e-8) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

const slide5 = { q: [[1, 0, 1]], k: [[1, 1, 0], [0, 1, 1], [1, 1, 1]], v: [[1, 0], [0, 1], [1, 1]] };

test('perplexity: slide 3 gives 7.40, typed arrays work, bad input is an {error}', { skip }, () => {
  const r = call('perplexity', [0.1, 0.2, 0.05, 0.3, 0.15]);
  assert.deepEqual(Object.keys(r), ['perplexity', 'crossEntropy', 'n', 'uniformPerplexity']);
  assert.equal(r.perplexity.toFixed(2), '7.40');
  close(r.crossEntropy, Math.log(r.perplexity), 1e-12);
  assert.equal(r.n, 5);
  assert.equal(r.uniformPerplexity, 5);
  close(call('perplexity', new Float64Array([0.5, 0.5])).perplexity, 2, 1e-15);
  assert.equal(call('perplexity', Array(30).fill(0.5)).n, 20); // clamped to the limit
  assert.deepEqual(call('perplexity', [0.5, 0]), { error: 'probabilities must be in (0, 1], got 0.0' });
  assert.deepEqual(call('perplexity', 'abc'), { error: 'probs must be an array of numbers' });
});

test("embeddings: slide 4's seed 42 gives king . queen = 0.61; PCA is 2-D", { skip }, () => {
  const r = call('embeddings', ['king', 'queen', 'man', 'woman', 'crown'], 3, 42);
  assert.deepEqual(r.words, ['king', 'queen', 'man', 'woman', 'crown']);
  assert.deepEqual(r.vectors[0].map((x) => x.toFixed(2)), ['0.37', '0.95', '0.73']);
  assert.equal(r.cosine[0][1].toFixed(2), '0.61');
  close(r.cosine[2][2], 1, 1e-15);
  assert.equal(r.pca.length, 5);
  assert.ok(r.pca.every((p) => p.length === 2));
  assert.ok(r.explained[0] >= r.explained[1] && r.explained[0] + r.explained[1] <= 1 + 1e-12);
  assert.equal(call('embeddings', ['a', 'b', 'c'], 500, 1).vectors[0].length, 64);
  assert.match(call('embeddings', ['x', 'x'], 3, 1).error, /^n_components=2 must be between 0 and/);
  assert.deepEqual(call('embeddings', ['a', 7], 3, 1), { error: 'words must be strings' });
});

test('attention: slide 5 weights 0.212 0.212 0.576; temperature sharpens; misaligned shapes', { skip }, () => {
  const r = call('attention', slide5.q, slide5.k, slide5.v, 1);
  assert.deepEqual(r.scores, [[1, 1, 2]]);
  [0.21194156, 0.21194156, 0.57611688].forEach((w, i) => close(r.weights[0][i], w));
  close(r.output[0][0], 0.78805844);
  close(r.output[0][1], 0.78805844);
  const cold = call('attention', slide5.q, slide5.k, slide5.v, 0.1);
  assert.deepEqual(cold.scores, [[10, 10, 20]]);
  assert.ok(cold.weights[0][2] > 0.9999);
  assert.deepEqual(call('attention', [[1, 0, 1]], [[1, 1], [0, 1]], slide5.v, 1), {
    error: 'shapes (1,3) and (2,2) not aligned: 3 (dim 1) != 2 (dim 0)',
  });
  assert.match(call('attention', [[1, 2], [3]], slide5.k, slide5.v, 1).error, /inhomogeneous shape/);
});

test('multiHead: one row-stochastic pattern per head; heads must divide dModel', { skip }, () => {
  const r = call('multiHead', 4, 12, 3, 0, true);
  assert.equal(r.heads.length, 3);
  assert.equal(r.dHead, 4);
  assert.deepEqual(r.outputShape, [1, 4, 12]);
  for (const h of r.heads) {
    assert.equal(h.weights.length, 4);
    for (const row of h.weights) close(row.reduce((a, b) => a + b, 0), 1, 1e-12);
  }
  const unscaled = call('multiHead', 4, 12, 3, 0, false);
  assert.notDeepEqual(unscaled.heads[0].weights, r.heads[0].weights);
  assert.deepEqual(call('multiHead', 4, 12, 5, 0, false), { error: 'array split does not result in an equal division' });
});

test('gradientDescent: slide 7 ends at y = 2.93x + 4.03; a large rate diverges', { skip }, () => {
  const r = call('gradientDescent', 0.01, 1000, 42);
  assert.equal(r.x.length, 100);
  assert.equal(r.y.length, 100);
  for (const k of ['m', 'b', 'loss']) assert.equal(r[k].length, 1001);
  assert.equal(r.m[0], 0);
  assert.equal(r.m[1000].toFixed(2), '2.93');
  assert.equal(r.b[1000].toFixed(2), '4.03');
  assert.ok(r.loss[1000] < r.loss[0]);
  assert.equal(r.diverged, false);
  assert.equal(r.divergedAt, null);
  const d = call('gradientDescent', 2, 5000, 1);
  assert.equal(d.diverged, true);
  assert.equal(d.loss.length, d.divergedAt + 1);
  assert.deepEqual(call('gradientDescent', 0.01, NaN, 1), { error: 'cannot convert float NaN to integer' });
});

test('sampling: slide 9 tempered at 0.5, counts add up, NumPy errors', { skip }, () => {
  const r = call('sampling', [0.1, 0.2, 0.05, 0.4, 0.25], 0.5, 1000, 42);
  [0.03636364, 0.14545455, 0.00909091, 0.58181818, 0.22727273].forEach((p, i) => close(r.tempered[i], p));
  assert.equal(r.draws, 1000);
  assert.equal(r.counts.reduce((a, b) => a + b, 0), 1000);
  assert.deepEqual(call('sampling', [0.1, 0.2, 0.05, 0.4, 0.25], 0.5, 1000, 42), r); // seeded
  assert.deepEqual(call('sampling', [0.5, -1], 1, 10, 0), { error: 'probabilities contain NaN' });
});

test("progressChart: slide 13's figure and the trend np.polyfit finds", { skip }, () => {
  const r = call('progressChart', [2018, 2019, 2020, 2021, 2022, 2023], [70, 75, 82, 88, 92, 95]);
  assert.equal(r.figure.width, 10);
  assert.equal(r.figure.height, 6);
  const ax = r.figure.axes[0];
  assert.equal(ax.title, 'Simulated Language Model Performance Over Time');
  assert.deepEqual([ax.xlabel, ax.ylabel], ['Year', 'Performance Score']);
  assert.deepEqual(ax.ylim, [0, 100]);
  assert.equal(ax.grid, true);
  assert.equal(ax.series[0].marker, 'o');
  assert.deepEqual(ax.series[0].y, [70, 75, 82, 88, 92, 95]);
  close(r.trend.slope, 5.2, 1e-9);
  close(r.trend.intercept, -10422.9333333333, 1e-6);
  assert.deepEqual(call('progressChart', [2020], [50]).trend, { slope: null, intercept: null });
  assert.deepEqual(call('progressChart', [1, 2, 3], [1, 2]), {
    error: 'x and y must have same first dimension, but have shapes (3,) and (2,)',
  });
});
