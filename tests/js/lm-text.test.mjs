// The text explorers as the page calls them: Module.ngramTable(...) etc. on the built
// WebAssembly module, each returning JSON text. Expected values are what CPython prints for
// the slides' code on the same inputs (see tests/unit/gen/lm_text_gen.py, which checks every
// field natively against it); here: the JS surface, its conversions and its errors.
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

const SLIDE8 = 'The cat sat on the mat\nThe dog chased the cat\nThe bird flew over the mat';

test("ngramTable: slide 1's bigrams in first-seen order; n is clamped", { skip }, () => {
  const r = call('ngramTable', 'the cat sat on the mat', 2);
  assert.equal(r.n, 2);
  assert.equal(r.tokens, 6);
  assert.deepEqual(r.contexts.map((c) => c.context), ['the', 'cat', 'sat', 'on']);
  assert.deepEqual(r.contexts[0], { context: 'the', total: 2, next: [{ word: 'cat', count: 1, p: 0.5 }, { word: 'mat', count: 1, p: 0.5 }] });
  assert.deepEqual(call('ngramTable', 'a b a', 1).contexts, [{ context: '', total: 3, next: [{ word: 'a', count: 2, p: 2 / 3 }, { word: 'b', count: 1, p: 1 / 3 }] }]);
  assert.equal(call('ngramTable', 'a b c d e f', 9).n, 4);
  assert.deepEqual(call('ngramTable', 'x', Number.NaN), { error: 'cannot convert float NaN to integer' });
  assert.deepEqual(call('ngramTable', 'x', '2'), { error: 'n must be a number' });
});

test("charEntropy: slide 2's 'hello world' is 2.85 bits of a possible 3; code points, not UTF-16 units", { skip }, () => {
  const r = call('charEntropy', 'hello world');
  assert.equal(r.entropy, 2.8453509366224368);
  assert.equal(r.maxEntropy, 3);
  assert.equal(r.alphabet, 8);
  assert.deepEqual(r.chars[2], { char: 'l', count: 3, p: 3 / 11 });
  const emoji = call('charEntropy', '😀😀a');
  assert.equal(emoji.length, 3);
  assert.deepEqual(emoji.chars.map((c) => c.char), ['😀', 'a']);
  assert.deepEqual(call('charEntropy', ''), { length: 0, alphabet: 0, chars: [], entropy: 0, maxEntropy: 0 });
  assert.equal(call('charEntropy', 'ab'.repeat(15000)).length, 20000); // clamped to the limit
});

test("vocabulary: slide 8's real vocabulary and ids (unknown id collides with 'mat')", { skip }, () => {
  const r = call('vocabulary', SLIDE8, 2, 'The cat and dog played on the mat');
  assert.deepEqual(r.vocab, [{ word: 'the', id: 0 }, { word: 'cat', id: 1 }, { word: 'mat', id: 4 }]);
  assert.equal(r.unknownId, 3);
  assert.deepEqual(r.tokens.map((t) => t.id), [0, 1, 3, 3, 3, 3, 0, 4]);
  assert.deepEqual(r.tokens.map((t) => t.unknown), [false, false, true, true, true, true, false, false]);
  assert.deepEqual(r.counts.slice(0, 2), [{ word: 'the', count: 6 }, { word: 'cat', count: 2 }]);
  assert.equal(call('vocabulary', SLIDE8, 1, '').vocab.length, 10);
});

test('beamSearch: slide 10 keeps the two largest (score, state) each step', { skip }, () => {
  const r = call('beamSearch', ['the', 'cat', 'sat', 'on', 'mat'], 'the', 2, 3);
  assert.equal(r.result, 'the the the the');
  assert.equal(r.steps.length, 3);
  assert.equal(r.steps[0].candidates.length, 5);
  assert.deepEqual(r.steps[0].kept, [{ state: 'the the', score: 2 }, { state: 'the sat', score: 2 }]);
  assert.equal(r.steps[2].kept[0].score, 2 + 3 + 4);
  assert.deepEqual(call('beamSearch', [], 'the', 2, 3), { error: 'list index out of range' });
  assert.deepEqual(call('beamSearch', 'the cat', 'the', 2, 3), { error: 'vocab must be an array of strings' });
});

test('autocomplete: ranked by (frequency, word); the prefix is lowercased', { skip }, () => {
  const corpus = 'The quick brown fox jumps over the lazy dog';
  assert.deepEqual(call('autocomplete', corpus, 'th', 3), { suggestions: [{ word: 'the', freq: 2 }], matches: 1, distinct: 8 });
  const r = call('autocomplete', 'b a c a b a_1 a2 ab ab', 'A', 3);
  assert.deepEqual(r.suggestions, [{ word: 'ab', freq: 2 }, { word: 'a', freq: 2 }, { word: 'a_1', freq: 1 }]);
  assert.equal(r.matches, 4);
  assert.deepEqual(call('autocomplete', corpus, 'zz', 3).suggestions, []);
});

test("sentiment: slide 12's model says 'This product is amazing' is positive", { skip }, () => {
  const r = call('sentiment', 'This product is amazing');
  assert.equal(r.label, 1);
  assert.ok(Math.abs(r.probability - 0.8329731004005146) < 1e-7);
  assert.ok(Math.abs(r.intercept - 1.3118377533026577) < 1e-7);
  assert.deepEqual(r.words.map((w) => [w.word, w.known]), [['this', true], ['product', true], ['is', true], ['amazing', false]]);
  assert.equal(r.words[3].contribution, 0);
  const twice = call('sentiment', 'great great');
  assert.equal(twice.words[0].count, 2);
  assert.equal(twice.words[0].contribution, 2 * twice.words[0].coef);
  assert.deepEqual(call('sentiment', 42), { error: 'sentence must be a string' });
});
