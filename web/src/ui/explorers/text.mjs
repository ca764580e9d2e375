// Explorers of the text slides (issue 7): 1 n-grams, 2 entropy, 8 tokenization,
// 10 beam search, 11 autocomplete, 12 sentiment. Each builder takes the slide's
// [data-explorer] root and the main-thread core, lays out its controls with the kit and
// passes a draw() that calls one core/lm function and redraws; defaults are the slide's.

import { Panel, h, fmt, show, barConfig, setData, words, SECOND, ACCENT } from './kit.mjs';

// Characters as bar labels: a space or a newline must stay visible.
const showChar = (c) => ({ ' ': '␣', '\n': '↵', '\t': '⇥' })[c] || c;

function ngram(root, core) {
  const p = new Panel(root, core, 'n-gram counts');
  const text = p.text('text', 'Text', { value: 'the cat sat on the mat', rows: 2 });
  const n = p.range('n', 'n (words per n-gram)', { min: 1, max: 4, value: 2 });
  const count = p.value('contexts', 'Contexts');
  const shown = p.value('context', 'Selected context');
  const body = h('tbody');
  const table = h('table', { class: 'ex-table', 'data-explorer-table': 'contexts' }, h('caption', {}, 'Contexts and their next-word counts (select one to chart it)'), h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'context'), h('th', { scope: 'col' }, 'total'), h('th', { scope: 'col' }, 'next words'))), body);
  const chart = p.chart('next', 'Next-word distribution of the selected context', barConfig({ y: 'P(next word | context)', yMax: 1 }));
  p.out.append(h('div', { class: 'ex-scroll' }, table));
  let selected = null;
  let contexts = [];
  const LIMIT = 200;

  const select = (ctx) => {
    selected = ctx ? ctx.context : null;
    for (const b of body.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.context === selected));
    shown.textContent = ctx ? JSON.stringify(ctx.context) : '—';
    setData(chart, ctx ? ctx.next.map((w) => w.word) : [], ctx ? ctx.next.map((w) => w.p) : []);
  };

  p.start(() => {
    const r = p.call('ngramTable', text.value, Number(n.value));
    if (!r) return;
    contexts = r.contexts;
    count.textContent = String(contexts.length);
    body.replaceChildren(
      ...contexts.slice(0, LIMIT).map((c) => {
        const b = h('button', { type: 'button', class: 'ex-row', 'data-context': c.context, 'aria-pressed': 'false', onclick: () => select(c) }, c.context === '' ? '(none)' : c.context);
        return h('tr', {}, h('td', {}, b), h('td', {}, String(c.total)), h('td', {}, c.next.map((w) => `${w.word} ${w.count}`).join(', ')));
      }),
    );
    if (contexts.length > LIMIT) body.append(h('tr', {}, h('td', { colspan: 3, class: 'muted' }, `… and ${contexts.length - LIMIT} more contexts`)));
    select(contexts.find((c) => c.context === selected) || contexts[0] || null);
  });
}

function entropy(root, core) {
  const p = new Panel(root, core, 'character entropy');
  const text = p.text('text', 'Text', { value: 'hello world' });
  const H = p.value('entropy', 'Entropy (bits per character)');
  const max = p.value('maxEntropy', 'Maximum, log2(alphabet size)');
  const meter = h('meter', { min: 0, max: 1, value: 0, 'aria-label': 'Entropy against its maximum' });
  p.values.append(meter);
  const chart = p.chart('probs', 'Probability of each character', barConfig({ x: 'character', y: 'probability' }));
  p.start(() => {
    const r = p.call('charEntropy', text.value);
    if (!r) return;
    show(H, r.entropy);
    show(max, r.maxEntropy);
    meter.max = Math.max(r.maxEntropy, 1e-9);
    meter.value = r.entropy;
    setData(chart, r.chars.map((c) => showChar(c.char)), r.chars.map((c) => c.p));
  });
}

const SLIDE8 = 'The cat sat on the mat\nThe dog chased the cat\nThe bird flew over the mat';

function tokens(root, core) {
  const p = new Panel(root, core, 'vocabulary and token ids');
  const texts = p.text('texts', 'Training texts (one per line)', { value: SLIDE8, rows: 3 });
  const minFreq = p.range('minFreq', 'min_freq', { min: 1, max: 10, value: 2 });
  const sentence = p.text('sentence', 'Sentence to tokenize', { value: 'The cat and dog played on the mat' });
  const size = p.value('vocabSize', 'Vocabulary size');
  const unk = p.value('unknownId', 'Id of unknown words, len(vocab)');
  const ids = h('p', { class: 'ex-tokens', 'data-explorer-tokens': '' });
  const body = h('tbody');
  p.out.append(
    h('div', { class: 'ex-scroll' }, h('table', { class: 'ex-table', 'data-explorer-table': 'vocab' }, h('caption', {}, 'Word counts; words kept in the vocabulary have an id'), h('thead', {}, h('tr', {}, ['word', 'count', 'id'].map((t) => h('th', { scope: 'col' }, t)))), body)),
    h('h4', {}, 'Token ids (unknown words marked)'),
    ids,
  );
  const chart = p.chart('counts', 'Word counts and the min_freq threshold', barConfig({ series: [{ label: 'count' }, { label: 'min_freq', type: 'line', color: SECOND, dash: [5, 4] }], y: 'count', legend: true }));
  p.start(() => {
    const r = p.call('vocabulary', texts.value, Number(minFreq.value), sentence.value);
    if (!r) return;
    const idOf = new Map(r.vocab.map((v) => [v.word, v.id]));
    size.textContent = String(r.vocab.length);
    unk.textContent = String(r.unknownId);
    body.replaceChildren(...r.counts.slice(0, 300).map((c) => h('tr', { class: idOf.has(c.word) ? '' : 'muted' }, h('td', {}, c.word), h('td', {}, String(c.count)), h('td', {}, idOf.has(c.word) ? String(idOf.get(c.word)) : '—'))));
    ids.replaceChildren(
      ...r.tokens.map((t) =>
        h('span', { class: t.unknown ? 'ex-token ex-unknown' : 'ex-token', 'data-id': t.id, 'data-unknown': String(!!t.unknown), title: t.unknown ? 'not in the vocabulary' : '' }, `${t.word} → ${t.id}${t.unknown ? ' (unknown)' : ''}`),
      ),
    );
    const shown = r.counts.slice(0, 60);
    setData(chart, shown.map((c) => c.word), shown.map((c) => c.count), shown.map(() => Number(minFreq.value)));
    chart.lmChart.data.datasets[0].backgroundColor = shown.map((c) => (idOf.has(c.word) ? ACCENT : '#9aa3af'));
    chart.lmChart.update('none');
  });
}

function beam(root, core) {
  const p = new Panel(root, core, 'beam search');
  const vocab = p.text('vocab', 'Vocabulary (words)', { value: 'the cat sat on mat' });
  const initial = p.text('initial', 'Initial state', { value: 'the' });
  const width = p.range('width', 'Beam width', { min: 1, max: 10, value: 2 });
  const steps = p.range('steps', 'Steps', { min: 1, max: 8, value: 3 });
  const result = p.value('result', 'Result');
  const body = h('tbody');
  p.out.append(h('div', { class: 'ex-scroll' }, h('table', { class: 'ex-table', 'data-explorer-table': 'beam' }, h('caption', {}, 'The beam after each step: candidates kept, with their scores'), h('thead', {}, h('tr', {}, ['step', 'candidates', 'rank', 'kept state', 'score'].map((t) => h('th', { scope: 'col' }, t)))), body)));
  p.start(() => {
    const r = p.call('beamSearch', words(vocab.value), initial.value, Number(width.value), Number(steps.value));
    if (!r) return;
    result.textContent = r.result;
    body.replaceChildren(
      ...r.steps.flatMap((s, i) =>
        s.kept.map((k, j) => h('tr', { 'data-step': i + 1 }, h('td', {}, j ? '' : String(i + 1)), h('td', {}, j ? '' : String(s.candidates.length)), h('td', {}, String(j + 1)), h('td', { 'data-state': '' }, k.state), h('td', { 'data-score': '' }, fmt(k.score)))),
      ),
    );
  });
}

const SLIDE11 = 'The quick brown fox jumps over the lazy dog';

function autocomplete(root, core) {
  const p = new Panel(root, core, 'autocomplete');
  const corpus = p.text('corpus', 'Corpus', { value: SLIDE11, rows: 3 });
  const prefix = p.text('prefix', 'Prefix', { value: 'th' });
  const k = p.range('k', 'Suggestions shown (k)', { min: 1, max: 20, value: 3 });
  const matches = p.value('matches', 'Words under the prefix');
  const list = h('ol', { class: 'ex-list', 'data-explorer-list': 'suggestions' });
  p.out.append(list);
  const chart = p.chart('suggestions', 'Frequency of each suggestion', barConfig({ y: 'frequency', horizontal: true }));
  p.start(() => {
    const r = p.call('autocomplete', corpus.value, prefix.value, Number(k.value));
    if (!r) return;
    matches.textContent = String(r.matches);
    list.replaceChildren(...r.suggestions.map((s) => h('li', {}, `${s.word} (frequency: ${s.freq})`)));
    setData(chart, r.suggestions.map((s) => s.word), r.suggestions.map((s) => s.freq));
  });
}

function sentiment(root, core) {
  const p = new Panel(root, core, 'sentiment');
  const sentence = p.text('sentence', 'Sentence', { value: 'This product is amazing' });
  const prob = p.value('probability', 'P(positive)');
  const label = p.value('label', 'Prediction');
  const intercept = p.value('intercept', 'Intercept');
  const chart = p.chart('contributions', 'Contribution of each word (coefficient × count)', barConfig({ y: 'coefficient × count' }));
  p.start(() => {
    const r = p.call('sentiment', sentence.value);
    if (!r) return;
    show(prob, r.probability);
    label.textContent = r.label === 1 || r.label === 'positive' || r.label === 'Positive' ? 'Positive' : 'Negative';
    show(intercept, r.intercept);
    setData(chart, r.words.map((w) => (w.known ? w.word : `${w.word} (unknown)`)), r.words.map((w) => w.contribution));
    chart.lmChart.data.datasets[0].backgroundColor = r.words.map((w) => (w.contribution >= 0 ? ACCENT : SECOND));
    chart.lmChart.update('none');
  });
}

export const explorers = { 1: ngram, 2: entropy, 8: tokens, 10: beam, 11: autocomplete, 12: sentiment };
