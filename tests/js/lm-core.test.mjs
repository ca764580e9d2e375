// web/src/engine/lm-core.mjs against fake glue: loading is lazy and happens once, the
// base64 fallback is used only in an opaque origin, and call() never throws (core errors,
// missing functions, traps and bad JSON all become {error}).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LmCore, decodeBase64 } from '../../web/src/engine/lm-core.mjs';

// The smallest valid WebAssembly module (no imports: an unsplit core, as far as LmCore can tell).
const EMPTY_WASM = [0, 97, 115, 109, 1, 0, 0, 0];

function fakeGlue({ failFetch = false } = {}) {
  const loaded = [];
  const seen = [];
  const fetched = [];
  const fetchBytes = async (url) => {
    fetched.push(url);
    if (failFetch) throw new Error('failed to fetch lmpy.wasm');
    return new Uint8Array(EMPTY_WASM).buffer;
  };
  const loadScript = async (url) => {
    loaded.push(url);
    if (url.endsWith('lmpy.js')) {
      globalThis.createLmpy = async (opts) => {
        seen.push(opts);
        return {
          perplexity: (p) => JSON.stringify({ perplexity: Math.exp(-p.reduce((s, v) => s + Math.log(v), 0) / p.length) }),
          bad: () => JSON.stringify({ error: 'array split does not result in an equal division' }),
          trap: () => {
            throw new Error('unreachable');
          },
          notJson: () => 'nan',
        };
      };
    } else if (url.endsWith('lmpy-wasm.js')) {
      globalThis.LMPY_WASM_BASE64 = Buffer.from(EMPTY_WASM).toString('base64');
    }
  };
  return { loaded, seen, fetched, loadScript, fetchBytes };
}

test('load() loads the glue and the wasm once, under the base', async () => {
  const g = fakeGlue();
  const core = new LmCore({ base: 'https://x/y/', loadScript: g.loadScript, fetchBytes: g.fetchBytes });
  assert.deepEqual(core.call('perplexity', [0.5]), { error: 'the core is still loading' });
  await Promise.all([core.load(), core.load()]);
  assert.deepEqual(g.loaded, ['https://x/y/lmpy.js']);
  assert.equal(g.seen.length, 1);
  assert.deepEqual(g.fetched, ['https://x/y/lmpy.wasm']); // not split: no lmpy.deferred.wasm
  assert.equal(typeof g.seen[0].instantiateWasm, 'function');
  const r = core.call('perplexity', [0.25, 0.25]);
  assert.equal(r.value.perplexity, 4);
  assert.ok(core.lastMs >= 0);
});

test('call() turns every failure into {error}', async () => {
  const fg = fakeGlue();
  const core = new LmCore({ base: '', loadScript: fg.loadScript, fetchBytes: fg.fetchBytes });
  await core.load();
  assert.deepEqual(core.call('bad'), { error: 'array split does not result in an equal division' });
  assert.match(core.call('trap').error, /internal error in the core \(unreachable\)/);
  assert.match(core.call('notJson').error, /internal error in the core/);
  assert.deepEqual(core.call('missing'), { error: 'missing() is not in this build of the core yet' });
  assert.equal(core.has('perplexity'), true);
  assert.equal(core.has('missing'), false);
});

test('an opaque origin falls back to the base64 copy of the wasm; a normal one does not', async () => {
  const g = fakeGlue({ failFetch: true });
  const core = new LmCore({ base: 'b/', loadScript: g.loadScript, fetchBytes: g.fetchBytes, opaque: true });
  await core.load();
  assert.deepEqual(g.loaded, ['b/lmpy.js', 'b/lmpy-wasm.js']);
  assert.equal(g.seen.length, 1);
  assert.equal(core.has('perplexity'), true);
  const pg = fakeGlue({ failFetch: true });
  const plain = new LmCore({ base: 'b/', loadScript: pg.loadScript, fetchBytes: pg.fetchBytes });
  await assert.rejects(plain.load(), /failed to fetch/);
  assert.deepEqual([...new Uint8Array(decodeBase64(''))], []);
});
