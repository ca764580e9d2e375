// The explorers of issue 7 in the page: for each of the 13, move a slider (often by
// keyboard: focus + an arrow key) or type, then check that the chart's data and the printed
// values are what the math says, recomputed here from first principles (explorer-math.mjs:
// NumPy's random stream, softmax, the slides' algorithms). Also: no console errors, and the
// cells still run while an explorer is being dragged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openDeck, run, stdoutOf } from './harness.mjs';
import * as M from './explorer-math.mjs';

let site;
let page;
before(async () => {
  site = await startSite();
  page = await site.newPage({ width: 1280, height: 900 });
  await openDeck(site, page);
});
after(async () => site && site.close());

const near = (a, b, tol = 1e-9, what = '') => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what} ${a} vs ${b}`);
const nearAll = (a, b, tol, what) => {
  assert.equal(a.length, b.length, `${what}: length ${a.length} vs ${b.length}`);
  a.forEach((v, i) => near(v, b[i], tol, `${what}[${i}]`));
};
const sel = (n, rest = '') => `[data-explorer="${n}"] ${rest}`;

async function ready(n) {
  await page.locator(sel(n)).scrollIntoViewIfNeeded();
  await page.waitForSelector(`[data-explorer="${n}"][data-explorer-ready="true"]`, { timeout: 30000 });
}

// {labels, data: [dataset data...]} of a chart
function chart(n, name) {
  return page.evaluate(
    ([n, name]) => {
      const c = document.querySelector(`[data-explorer="${n}"] [data-explorer-chart="${name}"]`).lmChart;
      return { labels: c.data.labels, data: c.data.datasets.map((d) => d.data), x: c.options.scales.x.labels, y: c.options.scales.y.labels };
    },
    [n, name],
  );
}

const value = (n, name) => page.evaluate(([n, name]) => {
  const el = document.querySelector(`[data-explorer="${n}"] [data-explorer-value="${name}"]`);
  return el.dataset.value !== undefined ? el.dataset.value : el.textContent;
}, [n, name]);
const num = async (n, name) => Number(await value(n, name));
const errorOf = (n) => page.evaluate((n) => {
  const e = document.querySelector(`[data-explorer="${n}"] [data-explorer-error]`);
  return e.hidden ? '' : e.textContent;
}, n);
const control = (n, name) => page.locator(sel(n, `[data-control="${name}"]`));

// Sets a range or number input as a script would, firing `input`.
async function set(n, name, v) {
  await page.evaluate(([n, name, v]) => {
    const el = document.querySelector(`[data-explorer="${n}"] [data-control="${name}"]`);
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, [n, name, v]);
}

async function key(n, name, k, times = 1) {
  await control(n, name).focus();
  for (let i = 0; i < times; i++) await page.keyboard.press(k);
}

test('1. n-grams: the context table and the selected context follow the typed text and n', async () => {
  await ready(1);
  const text = 'a b a c a b d a b';
  await control(1, 'text').fill(text);
  const check = async (n) => {
    const model = M.ngramModel(text, n);
    const rows = await page.locator(sel(1, '[data-explorer-table="contexts"] button')).evaluateAll((bs) => bs.map((b) => b.dataset.context));
    assert.deepEqual(rows, [...model.keys()]);
    assert.equal(await value(1, 'contexts'), String(model.size));
  };
  await check(2);
  // select the context "a" with the keyboard: its next-word distribution is charted
  await page.locator(sel(1, 'button[data-context="a"]')).focus();
  await page.keyboard.press('Enter');
  const next = M.ngramModel(text, 2).get('a');
  const total = M.sum([...next.values()]);
  const c = await chart(1, 'next');
  assert.deepEqual(c.labels, [...next.keys()]);
  nearAll(c.data[0], [...next.values()].map((v) => v / total), 1e-12, 'P(next | a)');
  assert.equal(await page.locator(sel(1, 'button[data-context="a"]')).getAttribute('aria-pressed'), 'true');
  // n = 3 by keyboard
  await key(1, 'n', 'ArrowRight');
  await check(3);
  await key(1, 'n', 'Home');
  await check(1);
  assert.deepEqual((await chart(1, 'next')).labels, ['a', 'b', 'c', 'd']);
});

test('2. entropy: per-character probabilities and bits per character, on each keystroke', async () => {
  await ready(2);
  const input = control(2, 'text');
  await input.fill('abracadabra');
  let ref = M.charEntropy('abracadabra');
  near(await num(2, 'entropy'), ref.entropy, 1e-12, 'entropy');
  near(await num(2, 'maxEntropy'), Math.log2(5), 1e-12, 'max');
  let c = await chart(2, 'probs');
  assert.deepEqual(c.labels, ['a', 'b', 'r', 'c', 'd']);
  nearAll(c.data[0], [...ref.counts.values()].map((v) => v / 11), 1e-12, 'p');
  // one more keystroke (a space, drawn as ␣)
  await input.press('End');
  await page.keyboard.type(' z');
  ref = M.charEntropy('abracadabra z');
  near(await num(2, 'entropy'), ref.entropy, 1e-12, 'entropy after typing');
  c = await chart(2, 'probs');
  assert.deepEqual(c.labels, ['a', 'b', 'r', 'c', 'd', '␣', 'z']);
  near(await num(2, 'maxEntropy'), Math.log2(7), 1e-12, 'max after typing');
});

test('3. perplexity: exp(-mean(log p)) of the five sliders, against the uniform model', async () => {
  await ready(3);
  await set(3, 'p1', 0.5);
  await key(3, 'p2', 'ArrowRight', 3); // 0.2 -> 0.23
  const probs = [0.5, 0.23, 0.05, 0.3, 0.15];
  const ppl = Math.exp(-M.sum(probs.map(Math.log)) / 5);
  near(await num(3, 'perplexity'), ppl, 1e-12, 'perplexity');
  near(await num(3, 'crossEntropy'), Math.log(ppl), 1e-12, 'cross-entropy');
  const c = await chart(3, 'perplexity');
  nearAll(c.data[0], probs.map((p) => 1 / p), 1e-12, '1/p');
  nearAll(c.data[1], probs.map(() => ppl), 1e-12, 'perplexity line');
  assert.deepEqual(c.data[2], [5, 5, 5, 5, 5]);
  // all equal to 1/5: exactly the uniform model
  for (let i = 1; i <= 5; i++) await set(3, `p${i}`, 0.2);
  near(await num(3, 'perplexity'), 5, 1e-12, 'uniform');
});

function embeddingsRef(words, dim, seed) {
  const rs = new M.RandomState(seed);
  const vecs = words.map(() => Array.from({ length: dim }, () => rs.random()));
  const norm = (v) => Math.sqrt(M.dot(v, v));
  const cos = vecs.map((a) => vecs.map((b) => M.dot(a, b) / (norm(a) * norm(b))));
  const mean = vecs[0].map((_, j) => M.sum(vecs.map((v) => v[j])) / vecs.length);
  const X = vecs.map((v) => v.map((x, j) => x - mean[j]));
  const { values, vectors } = M.eigSym(M.matmulT(X, X)); // Gram matrix: X Xᵀ = U S² Uᵀ
  const order = values.map((v, i) => [v, i]).sort((a, b) => b[0] - a[0]);
  const total = M.sum(values);
  const pcs = order.slice(0, 2).map(([v, i]) => vectors.map((row) => row[i] * Math.sqrt(Math.max(v, 0))));
  return { cos, explained: order.slice(0, 2).map(([v]) => v / total), pca: words.map((_, r) => [pcs[0][r], pcs[1][r]]) };
}

test('4. embeddings: cosine heatmap and PCA scatter of np.random.rand vectors', async () => {
  await ready(4);
  const words = ['king', 'queen', 'man', 'woman', 'crown'];
  const check = async (dim, seed) => {
    const ref = embeddingsRef(words, dim, seed);
    const c = await chart(4, 'cosine');
    assert.deepEqual(c.x, words);
    for (const d of c.data[0]) near(d.v, ref.cos[words.indexOf(d.y)][words.indexOf(d.x)], 1e-12, `cos ${d.y},${d.x}`);
    nearAll(JSON.parse(await value(4, 'explained')), ref.explained, 1e-9, 'explained variance');
    const pts = (await chart(4, 'pca')).data[0];
    assert.deepEqual(pts.map((p) => p.label), words);
    // principal components are defined up to a sign per axis
    for (const axis of [0, 1]) {
      const s = Math.sign(pts[0][axis ? 'y' : 'x'] * ref.pca[0][axis]) || 1;
      pts.forEach((p, i) => near(p[axis ? 'y' : 'x'], s * ref.pca[i][axis], 1e-7, `pca ${words[i]} axis ${axis}`));
    }
  };
  await check(3, 42);
  await key(4, 'dim', 'ArrowRight', 5);
  await check(8, 42);
  await control(4, 'seed').fill('7');
  await check(8, 7);
});

test('5. attention: weights = softmax(q kᵀ / T) and the output vector, from the edited grids', async () => {
  await ready(5);
  let q = [[1, 0, 1]];
  const k = [[1, 1, 0], [0, 1, 1], [1, 1, 1]];
  const v = [[1, 0], [0, 1], [1, 1]];
  const check = async (T) => {
    const w = M.softmaxRows(M.matmulT(q, k).map((r) => r.map((s) => s / T)));
    const c = await chart(5, 'weights');
    for (const d of c.data[0]) near(d.v, w[0][Number(d.x.split(' ')[1]) - 1], 1e-12, 'heatmap weight');
    nearAll((await chart(5, 'weightBars')).data[0], w[0], 1e-12, 'weight bars');
    nearAll(JSON.parse(await value(5, 'output'))[0], M.matmul(w, v)[0], 1e-12, 'output');
  };
  await check(1);
  await control(5, 'query-0-1').fill('2');
  q = [[1, 2, 1]];
  await check(1);
  await key(5, 'temperature', 'ArrowRight', 2); // 1 -> 1.1
  await check(1.1);
  await set(5, 'temperature', 0.05);
  await check(0.05);
});

test('6. multi-head: one heatmap per head; heads must divide d_model', async () => {
  await ready(6);
  const ref = (seq, dModel, heads, seed) => {
    const rs = new M.RandomState(seed);
    const x = Array.from({ length: seq }, () => Array.from({ length: dModel }, () => rs.randn()));
    const d = dModel / heads;
    return Array.from({ length: heads }, (_, h) => {
      const part = x.map((r) => r.slice(h * d, (h + 1) * d));
      return M.softmaxRows(M.matmulT(part, part));
    });
  };
  const check = async (seq, dModel, heads, seed) => {
    const want = ref(seq, dModel, heads, seed);
    const names = await page.locator(sel(6, 'canvas')).evaluateAll((cs) => cs.map((c) => c.dataset.explorerChart));
    assert.deepEqual(names, want.map((_, i) => `head-${i + 1}`));
    for (let h = 0; h < heads; h++) {
      const c = await chart(6, `head-${h + 1}`);
      assert.equal(c.data[0].length, seq * seq);
      for (const d of c.data[0]) near(d.v, want[h][Number(d.y) - 1][Number(d.x) - 1], 1e-9, `head ${h + 1} [${d.y},${d.x}]`);
    }
    assert.equal(await num(6, 'dHead'), dModel / heads);
  };
  await check(4, 12, 3, 0);
  await key(6, 'heads', 'ArrowRight', 2); // 5 heads do not divide 12
  assert.equal(await errorOf(6), 'array split does not result in an equal division');
  await key(6, 'heads', 'ArrowLeft');
  assert.equal(await errorOf(6), '');
  await check(4, 12, 4, 0);
  await key(6, 'seqLen', 'ArrowRight', 2);
  await control(6, 'seed').fill('3');
  await check(6, 12, 4, 3);
});

test('7. gradient descent: the fitted line follows the update rule; a high rate diverges', async () => {
  await ready(7);
  await control(7, 'skip').click();
  const data = (await chart(7, 'fit')).data[0];
  assert.equal(data.length, 100);
  // slide 7's data: X = 2 * np.random.rand(100, 1) after np.random.seed(42)
  const rs = new M.RandomState(42);
  const xs = Array.from({ length: 100 }, () => 2 * rs.random());
  nearAll(data.map((p) => p.x), xs, 1e-15, 'X');
  const x = data.map((p) => p.x);
  const y = data.map((p) => p.y);
  const check = async (rate, epochs) => {
    await control(7, 'skip').click();
    const ref = M.descend(x, y, rate, epochs);
    near(await num(7, 'm'), ref.m, 1e-9, 'm');
    near(await num(7, 'b'), ref.b, 1e-9, 'b');
    const line = (await chart(7, 'fit')).data[1];
    near(line[1].y - line[0].y, 2 * ref.m, 1e-9, 'slope of the drawn line');
    const loss = (await chart(7, 'loss')).data[0];
    nearAll(loss.map((p) => p.y), ref.loss, 1e-9, 'loss curve');
    return ref;
  };
  await check(0.01, 1000);
  assert.equal(await value(7, 'status'), 'converging');
  await key(7, 'learningRate', 'ArrowRight', 40); // 0.01 -> 0.05
  await check(0.05, 1000);
  // too high: the loss grows without bound
  await set(7, 'learningRate', 1.3);
  const ref = await check(1.3, 1000);
  assert.equal(await value(7, 'status'), 'diverged');
  assert.ok(ref.loss.at(-1) > 1e12 && ref.loss.length < 1001);
  assert.match(await page.locator(sel(7, '[data-explorer-value="status"]')).textContent(), new RegExp(`epoch ${ref.loss.length - 1}\\b`));
  // animation: it plays after an input, and the final state is reachable at once
  await set(7, 'learningRate', 0.1);
  assert.equal(await page.locator(sel(7)).getAttribute('data-animating'), 'true');
  await page.waitForSelector('[data-explorer="7"]:not([data-animating])', { timeout: 10000 });
  assert.equal(await value(7, 'epoch'), '1000');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await set(7, 'epochs', 200);
  assert.equal(await page.locator(sel(7)).getAttribute('data-animating'), null);
  assert.equal(await value(7, 'epoch'), '200');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
});

test('8. tokenization: vocabulary by min_freq; unknown words get id len(vocab) and are marked', async () => {
  await ready(8);
  const texts = ['The cat sat on the mat', 'The dog chased the cat', 'The bird flew over the mat'];
  const check = async (minFreq, sentence) => {
    const vocab = M.buildVocab(texts, minFreq);
    const rows = await page.locator(sel(8, '[data-explorer-table="vocab"] tbody tr')).evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    assert.deepEqual(rows.filter((r) => r[2] !== '—').map((r) => [r[0], Number(r[2])]), [...vocab]);
    assert.equal(await value(8, 'unknownId'), String(vocab.size));
    const toks = await page.locator(sel(8, '[data-explorer-tokens] [data-id]')).evaluateAll((ss) => ss.map((s) => [Number(s.dataset.id), s.dataset.unknown === 'true']));
    const want = sentence.toLowerCase().split(/\s+/).filter(Boolean).map((w) => (vocab.has(w) ? [vocab.get(w), false] : [vocab.size, true]));
    assert.deepEqual(toks, want);
    const c = await chart(8, 'counts');
    assert.ok(c.data[1].every((v) => v === minFreq));
  };
  await check(2, 'The cat and dog played on the mat');
  await key(8, 'minFreq', 'ArrowLeft'); // min_freq 1: every word is in the vocabulary
  await check(1, 'The cat and dog played on the mat');
  await control(8, 'sentence').fill('the zebra flew over the moon');
  await check(1, 'the zebra flew over the moon');
  await set(8, 'minFreq', 3);
  await check(3, 'the zebra flew over the moon');
});

test('9. sampling: the tempered distribution and 1,000 draws of np.random.RandomState(seed).choice', async () => {
  await ready(9);
  const p = [0.1, 0.2, 0.05, 0.4, 0.25];
  const tempered = (T) => {
    const e = p.map((v) => Math.exp(Math.log(v) / T));
    const s = M.sum(e);
    return e.map((v) => v / s);
  };
  const check = async (T, seed) => {
    const c = await chart(9, 'tempered');
    nearAll(c.data[1], tempered(T), 1e-12, `tempered at T=${T}`);
    const counts = (await chart(9, 'samples')).data[0];
    assert.equal(M.sum(counts), 1000);
    assert.deepEqual(counts, new M.RandomState(seed).choiceCounts(c.data[1], 1000));
    return counts;
  };
  await check(0.5, 0);
  await set(9, 'temperature', 0.05);
  const cold = await check(0.05, 0);
  assert.ok(cold[3] >= 990, `top word ${cold[3]} of 1000`);
  await key(9, 'temperature', 'End'); // 5: nearly uniform
  const t = (await chart(9, 'tempered')).data[1];
  assert.ok(Math.max(...t) - Math.min(...t) < 0.1, JSON.stringify(t));
  await check(5, 0);
  await control(9, 'seed').fill('123');
  await check(5, 123);
});

test('10. beam search: the candidates kept at each step, as heapq.nlargest keeps them', async () => {
  await ready(10);
  const check = async (vocab, initial, width, steps) => {
    const want = M.beamSearch(vocab, initial, width, steps);
    const rows = await page.locator(sel(10, '[data-explorer-table="beam"] tbody tr')).evaluateAll((trs) =>
      trs.map((tr) => [Number(tr.dataset.step), tr.querySelector('[data-state]').textContent, Number(tr.querySelector('[data-score]').textContent)]),
    );
    assert.deepEqual(rows, want.flatMap((kept, i) => kept.map(([score, state]) => [i + 1, state, score])));
    assert.equal(await value(10, 'result'), want.at(-1)[0][1]);
  };
  const vocab = ['the', 'cat', 'sat', 'on', 'mat'];
  await check(vocab, 'the', 2, 3);
  await key(10, 'width', 'ArrowRight');
  await check(vocab, 'the', 3, 3);
  await key(10, 'steps', 'ArrowLeft');
  await control(10, 'vocab').fill('zeta alpha mu');
  await check(['zeta', 'alpha', 'mu'], 'the', 3, 2);
});

test('11. autocomplete: ranked suggestions with their frequencies', async () => {
  await ready(11);
  const corpus = 'The theory of the thermal theme: then the theory, there!';
  await control(11, 'corpus').fill(corpus);
  const check = async (prefix, k) => {
    const want = M.suggest(corpus, prefix, k);
    const items = await page.locator(sel(11, '[data-explorer-list="suggestions"] li')).allTextContents();
    assert.deepEqual(items, want.map(([w, f]) => `${w} (frequency: ${f})`));
    const c = await chart(11, 'suggestions');
    assert.deepEqual(c.labels, want.map(([w]) => w));
    assert.deepEqual(c.data[0], want.map(([, f]) => f));
  };
  await check('th', 3);
  await key(11, 'k', 'ArrowRight', 3);
  await check('th', 6);
  await control(11, 'prefix').fill('THE');
  await check('THE', 6);
  await control(11, 'prefix').press('Backspace');
  await check('TH', 6);
});

test('12. sentiment: the probability is the logistic of the contributions; a positive word raises it', async () => {
  await ready(12);
  const sigmoid = (z) => 1 / (1 + Math.exp(-z));
  const check = async () => {
    const c = await chart(12, 'contributions');
    const p = await num(12, 'probability');
    near(p, sigmoid((await num(12, 'intercept')) + M.sum(c.data[0])), 1e-9, 'probability');
    return p;
  };
  await control(12, 'sentence').fill('This product is');
  const before = await check();
  await control(12, 'sentence').press('End');
  await page.keyboard.type(' love');
  const after = await check();
  assert.ok(after > before, `${after} > ${before}`);
  await control(12, 'sentence').fill('This is terrible');
  const neg = await check();
  assert.ok(neg < before, `${neg} < ${before}`);
  assert.equal(await value(12, 'label'), neg >= 0.5 ? 'Positive' : 'Negative');
});

test('13. progress chart: the edited points as a line chart with the least-squares trend', async () => {
  await ready(13);
  const check = async (pts) => {
    const c = await chart(13, 'progress');
    assert.deepEqual(c.data[0].map((d) => [d.x, d.y]), pts);
    const xm = M.sum(pts.map((q) => q[0])) / pts.length;
    const ym = M.sum(pts.map((q) => q[1])) / pts.length;
    const slope = M.sum(pts.map(([x, y]) => (x - xm) * (y - ym))) / M.sum(pts.map(([x]) => (x - xm) ** 2));
    near(await num(13, 'slope'), slope, 1e-6, 'slope');
    near(await num(13, 'intercept'), ym - slope * xm, 1e-6, 'intercept');
    const trend = c.data[c.data.length - 1];
    near(trend[0].y, slope * trend[0].x + ym - slope * xm, 1e-6, 'trend line');
  };
  const pts = [[2018, 70], [2019, 75], [2020, 82], [2021, 88], [2022, 92], [2023, 95]];
  await check(pts);
  await control(13, 'points-2-1').fill('50');
  pts[2][1] = 50;
  await check(pts);
  await control(13, 'points-4-1').press('ArrowUp');
  pts[4][1] = 93;
  await check(pts);
  await control(13, 'addPoint').click();
  pts.push([2024, 95]);
  await check(pts);
  // one point: no spread in the years, so no trend line (and no error)
  for (let i = 0; i < 6; i++) await control(13, 'removePoint').click();
  const c = await chart(13, 'progress');
  assert.deepEqual(c.data.map((d) => d.length), [1]);
  assert.equal(await page.locator(sel(13, '[data-explorer-value="slope"]')).textContent(), '—');
  assert.equal(await errorOf(13), '');
});

test('cells still run while an explorer is dragged, and no console errors occurred', async () => {
  await ready(3);
  const dragging = page.evaluate(async () => {
    const el = document.querySelector('[data-explorer="3"] [data-control="p1"]');
    for (let i = 0; i < 200; i++) {
      el.value = String(0.01 + (i % 99) / 100);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 5));
    }
  });
  await run(page, 3);
  await dragging;
  const ppl = Math.exp(-M.sum([0.1, 0.2, 0.05, 0.3, 0.15].map(Math.log)) / 5);
  assert.equal(await stdoutOf(page, 3), `Perplexity: ${ppl.toFixed(2)}\n`);
  assert.deepEqual(page.errors, []);
});

test('the embed view shows its slide’s explorer, working in a sandboxed iframe', async () => {
  const p = await site.newPage({ width: 900 });
  await p.route(site.url + 'host.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><iframe id="f" src="${site.url}embed.html?slide=9" sandbox="allow-scripts" style="width:100%;height:1400px;border:0"></iframe>` }),
  );
  await p.goto(site.url + 'host.html');
  const frame = p.frameLocator('#f');
  await frame.locator('[data-explorer="9"][data-explorer-ready="true"]').waitFor({ timeout: 30000 });
  assert.equal(await frame.locator('[data-explorer]').count(), 1);
  await frame.locator('[data-control="temperature"]').focus();
  await p.keyboard.press('Home'); // 0.05: nearly every sample is the top word
  const top = Number(await frame.locator('[data-explorer-value="topShare"]').getAttribute('data-value'));
  assert.ok(top >= 0.99, String(top));
  assert.deepEqual(p.errors, []);
  await p.context().close();
});
