// Explorers of the numeric slides (issue 7): 3 perplexity, 4 embeddings, 5 attention,
// 6 multi-head attention, 9 sampling. Same pattern as text.mjs: the slide's defaults,
// labelled controls from the kit, one core/lm call per draw, charts updated in place.

import { Panel, h, fmt, show, words, barConfig, setData, heatmapConfig, setMatrix, scatterConfig, SECOND, THIRD } from './kit.mjs';

const vec = (row) => `[${row.map((v) => fmt(v, 8)).join(', ')}]`;

function perplexity(root, core) {
  const p = new Panel(root, core, 'perplexity');
  const start = [0.1, 0.2, 0.05, 0.3, 0.15];
  const sliders = start.map((v, i) => p.range(`p${i + 1}`, `P(word ${i + 1})`, { min: 0.01, max: 1, step: 0.01, value: v }));
  const ppl = p.value('perplexity', 'Perplexity, exp(−mean(log p))');
  const ce = p.value('crossEntropy', 'Cross-entropy (nats)');
  const uni = p.value('uniformPerplexity', 'Uniform model over 5 words');
  const chart = p.chart(
    'perplexity',
    'Surprise 1/p of each word, the perplexity (their geometric mean) and the uniform model',
    barConfig({
      series: [
        { label: '1/p of the word' },
        { label: 'perplexity', type: 'line', color: SECOND },
        { label: 'uniform model', type: 'line', color: THIRD, dash: [6, 4] },
      ],
      y: 'branching factor',
      legend: true,
    }),
  );
  p.start(() => {
    const probs = sliders.map((s) => Number(s.value));
    const r = p.call('perplexity', probs);
    if (!r) return;
    show(ppl, r.perplexity);
    show(ce, r.crossEntropy);
    show(uni, r.uniformPerplexity);
    setData(
      chart,
      probs.map((_, i) => `word ${i + 1}`),
      probs.map((v) => 1 / v),
      probs.map(() => r.perplexity),
      probs.map(() => r.uniformPerplexity),
    );
  });
}

function embeddings(root, core) {
  const p = new Panel(root, core, 'word embeddings');
  const list = p.text('words', 'Words', { value: 'king queen man woman crown' });
  const dim = p.range('dim', 'Embedding dimension', { min: 2, max: 64, value: 3 });
  const seed = p.number('seed', 'Seed', { min: 0, max: 4294967295, value: 42 });
  const explained = p.value('explained', 'Variance explained by the two PCA axes');
  const grid = h('div', { class: 'ex-pair' });
  p.out.append(grid);
  const cos = p.chart('cosine', 'Cosine similarity of every pair of words', heatmapConfig(), grid, 'ex-square');
  const pca = p.chart('pca', 'The words projected on their first two principal components', scatterConfig({ x: 'PC 1', y: 'PC 2' }), grid, 'ex-square');
  p.start(() => {
    const r = p.call('embeddings', words(list.value), Number(dim.value), Number(seed.value));
    if (!r) return;
    setMatrix(cos, r.cosine, r.words, r.words, { hi: 1 });
    setData(pca, null, r.pca.map(([x, y], i) => ({ x, y, label: r.words[i] })));
    explained.textContent = r.explained.map((v) => `${(100 * v).toFixed(1)} %`).join(' + ');
    explained.dataset.value = JSON.stringify(r.explained);
  });
}

function attention(root, core) {
  const p = new Panel(root, core, 'attention');
  const box = h('div', { class: 'ex-grids' });
  p.controls.append(box);
  const q = p.grid('query', 'Query (1×3)', [[1, 0, 1]], { parent: box });
  const k = p.grid('keys', 'Keys (3×3)', [[1, 1, 0], [0, 1, 1], [1, 1, 1]], { parent: box });
  const v = p.grid('values', 'Values (3×2)', [[1, 0], [0, 1], [1, 1]], { parent: box });
  const temp = p.range('temperature', 'Temperature (scores are divided by it)', { min: 0.05, max: 10, step: 0.05, value: 1 });
  const out = p.value('output', 'Output, weights · values');
  const grid = h('div', { class: 'ex-pair' });
  p.out.append(grid);
  const heat = p.chart('weights', 'Attention weights (query rows × keys)', heatmapConfig({ x: 'key', y: 'query' }), grid);
  const bars = p.chart('weightBars', 'Attention weights of the first query', barConfig({ x: 'key', y: 'weight', yMax: 1 }), grid);
  p.start(() => {
    const r = p.call('attention', q.read(), k.read(), v.read(), Number(temp.value));
    if (!r) return;
    const keys = r.weights[0].map((_, j) => `key ${j + 1}`);
    setMatrix(heat, r.weights, r.weights.map((_, i) => `query ${i + 1}`), keys, { lo: 0, hi: 1 });
    setData(bars, keys, r.weights[0]);
    out.textContent = r.output.map(vec).join(' ');
    out.dataset.value = JSON.stringify(r.output);
  });
}

function multiHead(root, core) {
  const p = new Panel(root, core, 'multi-head attention');
  const seq = p.range('seqLen', 'Sequence length', { min: 1, max: 12, value: 4 });
  const dModel = p.range('dModel', 'd_model', { min: 1, max: 48, value: 12 });
  const heads = p.range('heads', 'Heads (must divide d_model)', { min: 1, max: 12, value: 3 });
  const seed = p.number('seed', 'Seed of np.random.randn', { min: 0, max: 4294967295, value: 0 });
  const scaled = p.checkbox('scaled', 'Scale scores by 1/√d_head (the slide does not)');
  const dHead = p.value('dHead', 'd_head');
  const shape = p.value('outputShape', 'Output shape');
  const grid = h('div', { class: 'ex-heads' });
  p.out.append(grid);
  p.start(() => {
    heads.max = dModel.value; // any head count up to d_model; non-divisors show NumPy's error
    heads.sync();
    const r = p.call('multiHead', Number(seq.value), Number(dModel.value), Number(heads.value), Number(seed.value), scaled.checked);
    if (!r) return;
    show(dHead, r.dHead);
    shape.textContent = `(${r.outputShape.join(', ')})`;
    // One heatmap per head: reuse canvases, add or remove the difference.
    const canvases = [...grid.querySelectorAll('canvas')];
    for (const c of canvases.slice(r.heads.length)) {
      c.lmChart.destroy();
      c.parentElement.remove();
    }
    r.heads.forEach((hd, i) => {
      const c = canvases[i] || p.chart(`head-${i + 1}`, `Attention weights of head ${i + 1}`, heatmapConfig({ x: `head ${i + 1}: key`, y: 'query' }), grid, 'ex-square');
      const pos = hd.weights.map((_, j) => String(j + 1));
      setMatrix(c, hd.weights, pos, pos, { lo: 0, hi: 1 });
    });
  });
}

const SLIDE9 = { probs: [0.1, 0.2, 0.05, 0.4, 0.25], vocab: ['cat', 'dog', 'bird', 'fish', 'rabbit'] };

function sampling(root, core) {
  const p = new Panel(root, core, 'temperature sampling');
  const temp = p.range('temperature', 'Temperature', { min: 0.05, max: 5, step: 0.05, value: 0.5 });
  const seed = p.number('seed', 'Seed of the sampler', { min: 0, max: 4294967295, value: 0 });
  const top = p.value('topShare', `Share of samples that are the top word (${SLIDE9.vocab[3]})`);
  const grid = h('div', { class: 'ex-pair' });
  p.out.append(grid);
  const dist = p.chart('tempered', 'The slide’s distribution and the tempered one', barConfig({ series: [{ label: 'p', color: '#9aa3af' }, { label: 'tempered p' }], y: 'probability', yMax: 1, legend: true }), grid);
  const hist = p.chart('samples', 'Histogram of 1,000 samples drawn in the core', barConfig({ series: [{ label: 'samples', color: SECOND }], y: 'count' }), grid);
  p.start(() => {
    const r = p.call('sampling', SLIDE9.probs, Number(temp.value), 1000, Number(seed.value));
    if (!r) return;
    setData(dist, SLIDE9.vocab, SLIDE9.probs, r.tempered);
    setData(hist, SLIDE9.vocab, r.counts);
    show(top, r.counts[3] / r.draws);
  });
}

export const explorers = { 3: perplexity, 4: embeddings, 5: attention, 6: multiHead, 9: sampling };
