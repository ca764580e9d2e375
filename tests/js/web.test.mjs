// Unit tests of the page's DOM-free modules: deck parser, notebook planning, share links,
// edit store, output cap/verdicts, and the Engine client against a fake worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parseDeck, proseText } from '../../web/src/deck/parse.mjs';
import errata from '../../web/deck/errata.mjs';
import { analyze, freeNames, plan } from '../../web/src/engine/notebook.mjs';
import { encodeShare, decodeShare, patch, applyPatch } from '../../web/src/engine/share.mjs';
import { safeStorage, EditStore } from '../../web/src/engine/store.mjs';
import { capOutput, capNote, lastErrorLine, verdict } from '../../web/src/engine/output.mjs';
import { Engine } from '../../web/src/engine/client.mjs';

const deck = parseDeck(fs.readFileSync(new URL('../../web/deck/deck.md', import.meta.url), 'utf8'));
const originals = Object.fromEntries(deck.slides.filter((s) => s.code !== null).map((s) => [s.n, s.code]));

test('the deck parses into 14 slides, 13 with code, claimed outputs kept verbatim', () => {
  assert.equal(deck.title, 'Physics of Language Models in Python');
  assert.deepEqual(deck.slides.map((s) => s.n), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  assert.equal(Object.keys(originals).length, 13);
  assert.equal(deck.slides[13].code, null);
  assert.equal(deck.slides[1].claimed_output, 'Entropy: 2.85 bits per character');
  assert.equal(deck.slides[6].claimed_output, null);
  assert.ok(deck.slides[0].code.startsWith('import numpy as np\n\n# Simple n-gram model\n'));
  assert.ok(deck.slides[0].code.endsWith('print(bigram_model)'));
  assert.match(proseText(deck.slides[12].prose), /1\. |Improving model interpretability/);
  const links = deck.slides[13].prose.flatMap((b) => (b.items || []).flat()).filter((r) => r.href);
  assert.equal(links.length, 5);
  assert.equal(links[0].href, 'https://arxiv.org/abs/1706.03762');
});

test('errata cover the 13 code slides; eight differ; the crashing ones have corrected code', () => {
  assert.deepEqual(Object.keys(errata).map(Number), Object.keys(originals).map(Number));
  const differ = Object.entries(errata).filter(([, e]) => e.verdict === 'differs').map(([n]) => Number(n));
  assert.deepEqual(differ, [3, 4, 5, 6, 7, 8, 10, 12]);
  for (const n of differ) assert.ok(errata[n].note, `note for ${n}`);
  assert.ok(errata[6].corrected.includes('def multi_head_attention'));
  assert.ok(errata[7].corrected.includes('{m:.2f}x + {b:.2f}'));
});

test('notebook: slide 6 depends on slide 5, no other slide depends on an earlier one', () => {
  const cells = Object.entries(originals).map(([n, code]) => ({ id: Number(n), code }));
  assert.deepEqual(plan(cells, 6, new Map()), [5, 6]);
  assert.deepEqual(plan(cells, 6, new Map([[5, originals[5]]])), [6]);
  assert.deepEqual(plan(cells, 6, new Map([[5, 'old code']])), [5, 6]);
  for (const c of cells) if (c.id !== 6) assert.deepEqual(plan(cells, c.id, new Map()), [c.id]);
  assert.deepEqual(freeNames(originals[6]).sort(), ['attention', 'range']);
});

test('notebook: name analysis of imports, targets, parameters and f-strings', () => {
  const { defines, uses } = analyze(
    'from collections import Counter, defaultdict as dd\nimport os.path\nimport numpy as np\n' +
      'a, (b, c) = 1, (2, 3)\nx += y\ndef f(p, q=1, *r, **s):\n    return p\nfor i, j in z: pass\nwith open(w) as fh: pass\nprint(f"{k!r:>3}")\n',
  );
  for (const n of ['Counter', 'dd', 'os', 'np', 'a', 'b', 'c', 'x', 'f', 'p', 'q', 'r', 's', 'i', 'j', 'fh']) assert.ok(defines.has(n), n);
  for (const n of ['y', 'z', 'w', 'k', 'open']) assert.ok(uses.has(n), n);
  assert.ok(!uses.has('numpy') && !uses.has('defaultdict'));
});

test('share links round-trip, stay short, and reject malformed input', () => {
  const edits = {};
  for (const [n, c] of Object.entries(originals)) edits[n] = c.replace(/print\(/, 'print("edit", ') + '\n# note\n';
  const frag = encodeShare({ edits, originals, slide: 7 });
  assert.ok(frag.length < 8000, `length ${frag.length}`);
  const r = decodeShare('#' + frag, originals);
  assert.deepEqual(r.edits, edits);
  assert.equal(r.slide, 7);
  assert.deepEqual(r.warnings, []);
  for (const bad of ['#share=', '#share=@@@', '#share=' + 'A'.repeat(50), '#nope']) assert.ok(decodeShare(bad, originals).error, bad);
  const wrongDeck = decodeShare('#' + encodeShare({ edits: { 1: 'x' }, originals: { 1: 'other' }, slide: 1 }), originals);
  assert.match(wrongDeck.warnings[0], /another version/);
  assert.equal(applyPatch('hello world', patch('hello world', 'hello brave world')), 'hello brave world');
});

test('edit store keeps only edited cells and survives broken storage', () => {
  const mem = new Map();
  const fake = { getItem: (k) => mem.get(k) ?? null, setItem: (k, v) => mem.set(k, v), removeItem: (k) => mem.delete(k) };
  const store = new EditStore(safeStorage(() => fake));
  store.save(1, 'edited', 'orig');
  store.save(2, 'same', 'same');
  assert.deepEqual(store.load(), { 1: 'edited' });
  store.save(1, 'orig', 'orig');
  assert.deepEqual(store.load(), {});
  mem.set('lm-playground:v1:cells', '{not json');
  assert.deepEqual(store.load(), {});
  const broken = safeStorage(() => {
    throw new Error('SecurityError');
  });
  assert.equal(broken.persistent, false);
  const s2 = new EditStore(broken);
  s2.save(3, 'x', 'y');
  assert.deepEqual(s2.load(), { 3: 'x' });
});

test('output cap, last error line and verdicts', () => {
  const big = Array.from({ length: 5000 }, (_, i) => `${i}`).join('\n') + '\n';
  const c = capOutput(big);
  assert.equal(c.text.split('\n').length, 1001);
  assert.equal(c.omittedLines, 4000);
  assert.equal(capNote(c), 'Output truncated: 4,000 more lines not shown.');
  assert.equal(capOutput('a\nb\n').truncated, false);
  assert.equal(lastErrorLine({ type: 'KeyError', message: "'b'", traceback: "Traceback (most recent call last):\n  File x\nKeyError: 'b'\n" }), "KeyError: 'b'");
  assert.equal(lastErrorLine({ type: 'ValueError', message: 'm', traceback: '' }), 'ValueError: m');
  assert.equal(verdict({ claimed: 'a', result: { ok: true, stdout: 'a\n' } }), 'match');
  assert.equal(verdict({ claimed: 'a', result: { ok: true, stdout: 'b\n' } }), 'differs');
  assert.equal(verdict({ claimed: null, result: { ok: true, stdout: '' } }), 'match');
  assert.equal(verdict({ claimed: null, result: { ok: false, stdout: '' } }), 'differs');
  assert.equal(verdict({ claimed: 'x', expected: 'random', result: { ok: true, stdout: 'y' } }), 'random');
});

// A fake worker: answers runs after a tick; "loop" never answers (like a busy worker).
function fakeWorkerFactory(log) {
  return () => {
    const w = {
      terminated: false,
      postMessage(msg) {
        log.push(msg.type);
        if (msg.code === 'loop') return;
        setTimeout(() => !w.terminated && w.onmessage({ data: { type: 'result', id: msg.id, result: { ok: true, stdout: `ran ${msg.code}\n`, error: null, figures: '[{"title":"t"}]', ms: 1 } } }), 1);
      },
      terminate() {
        w.terminated = true;
      },
    };
    setTimeout(() => w.onmessage({ data: { type: 'ready', ms: 1 } }), 1);
    return w;
  };
}

test('engine: queued runs in order, stop restarts with a new generation', async () => {
  const log = [];
  const states = [];
  const e = new Engine({ workerUrl: 'w.js', createWorker: fakeWorkerFactory(log), onState: (s, d) => states.push([s, d.generation]) });
  await e.start();
  const [a, b] = await Promise.all([e.run('a'), e.run('b')]);
  assert.equal(a.stdout, 'ran a\n');
  assert.equal(b.stdout, 'ran b\n');
  assert.deepEqual(a.figures, [{ title: 't' }]);
  assert.equal(a.generation, 1);
  const looping = e.run('loop');
  const queued = e.run('c');
  await new Promise((r) => setTimeout(r, 5));
  e.stop();
  const [l, q] = await Promise.all([looping, queued]);
  assert.equal(l.stopped, true);
  assert.equal(l.error.type, 'KeyboardInterrupt');
  assert.equal(q.stopped, true);
  await e.ready();
  assert.equal(e.generation, 2);
  assert.equal((await e.run('d')).stdout, 'ran d\n');
  assert.deepEqual(states.map((s) => s[0]), ['loading', 'ready', 'restarting', 'ready']);
});

// A fake worker that, like wasm/worker.js, takes one message at a time: each message waits
// for the one before it, "crash" traps the interpreter, and after a trap every later
// message is answered "crashed" (the session is gone).
function sequentialWorkerFactory(log) {
  return () => {
    let chain = Promise.resolve();
    let dead = false;
    const w = {
      terminated: false,
      postMessage(msg) {
        log.push(['post', msg.code, performance.now()]);
        chain = chain.then(
          () =>
            new Promise((resolve) =>
              setTimeout(() => {
                resolve();
                if (w.terminated) return;
                if (dead || msg.code === 'crash') {
                  dead = true;
                  w.onmessage({ data: { type: 'crashed', id: msg.id, message: 'trap' } });
                  return;
                }
                log.push(['ran', msg.code]);
                w.onmessage({ data: { type: 'result', id: msg.id, result: { ok: true, stdout: `ran ${msg.code}\n`, error: null, figures: '[]', ms: 1 } } });
              }, 2),
            ),
        );
      },
      terminate() {
        w.terminated = true;
      },
    };
    setTimeout(() => w.onmessage({ data: { type: 'ready', ms: 1 } }), 1);
    return w;
  };
}

test('engine: queued runs are all posted at once and announced one at a time', async () => {
  const log = [];
  const e = new Engine({ workerUrl: 'w.js', createWorker: sequentialWorkerFactory(log) });
  await e.start();
  const started = [];
  const runs = ['a', 'b', 'c'].map((c) => e.run(c, { onStart: () => started.push([c, log.filter((x) => x[0] === 'ran').length]) }));
  // every run is in the worker's hands before the first result comes back
  assert.deepEqual(log.map((x) => x[0] + ' ' + x[1]), ['post a', 'post b', 'post c']);
  assert.equal(e.busy, true);
  const rs = await Promise.all(runs);
  assert.deepEqual(rs.map((r) => r.stdout), ['ran a\n', 'ran b\n', 'ran c\n']);
  // onStart fires for each run when the one before it has finished
  assert.deepEqual(started, [['a', 0], ['b', 1], ['c', 2]]);
  assert.equal(e.busy, false);
});

test('engine: after a crash the posted runs behind it go to the new worker, unless dropped', async () => {
  const log = [];
  const e = new Engine({ workerUrl: 'w.js', createWorker: sequentialWorkerFactory(log) });
  await e.start();
  const batch = {};
  const [x, y, z] = [e.run('crash'), e.run('y'), e.run('z', { batch })];
  const rx = await x;
  assert.equal(rx.restarted, true);
  assert.equal(rx.error.type, 'InternalError');
  e.drop(batch); // z was posted to the dead worker: it is taken back, y stays queued
  const [ry, rz] = await Promise.all([y, z]);
  assert.equal(ry.stdout, 'ran y\n');
  assert.equal(ry.generation, 2);
  assert.equal(rz.dropped, true);
  assert.deepEqual(log.filter((l) => l[0] === 'ran').map((l) => l[1]), ['y']);
});

test('engine: a warm-up that crashes its worker loses no run and turns warm-up off', async () => {
  // Worker 1 traps in its idle warm-up while a run waits in its queue; worker 2 must get that
  // run (not an "interpreter crashed" result for it) and, first of all, 'no-warm'.
  const workers = [];
  const createWorker = () => {
    const w = {
      n: workers.length + 1,
      got: [],
      terminated: false,
      postMessage(msg) {
        w.got.push(msg.type);
        if (msg.type !== 'run') return;
        if (w.n === 1) setTimeout(() => !w.terminated && w.onmessage({ data: { type: 'crashed', warm: true, message: 'trap' } }), 1);
        else setTimeout(() => w.onmessage({ data: { type: 'result', id: msg.id, result: { ok: true, stdout: `ran ${msg.code}\n`, error: null, figures: '[]', ms: 1 } } }), 1);
      },
      terminate() {
        w.terminated = true;
      },
    };
    workers.push(w);
    setTimeout(() => w.onmessage({ data: { type: 'ready', ms: 1 } }), 1);
    if (w.n === 2) setTimeout(() => w.onmessage({ data: { type: 'warmed', ms: 5, errors: [] } }), 2);
    return w;
  };
  const e = new Engine({ workerUrl: 'w.js', createWorker });
  await e.start();
  const r = await e.run('a');
  assert.equal(r.ok, true);
  assert.equal(r.stdout, 'ran a\n');
  assert.equal(r.generation, 2);
  assert.equal(workers.length, 2);
  assert.deepEqual(workers[0].got, ['run']);
  assert.deepEqual(workers[1].got, ['no-warm', 'run']);
  assert.equal(e.noWarm, true);
  await new Promise((res) => setTimeout(res, 5));
  assert.deepEqual(e.warmed, { ms: 5, errors: [] });
});
