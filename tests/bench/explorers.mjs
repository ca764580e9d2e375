// The cost of one explorer update in the WebAssembly core (issue 7: at most 5 ms at the
// default sizes, so dragging a slider stays smooth). Each explorer's function is called
// with the slide's own data, as the page does on an input event (JSON text out, parsed
// here as the page parses it), warmed up, then timed REPS times; the table shows the
// median and the worst call. Used by `npm run bench`; runnable alone:
//   node tests/bench/explorers.mjs        (LMPY_WASM_DIR picks another build)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLmpy } from '../../wasm/load-node.mjs';
import { parseResult } from '../../web/src/engine/lm-core.mjs';

export const UPDATE_BUDGET_MS = 5;

const SLIDE1 = 'the cat sat on the mat';
const SLIDE8 = ['The cat sat on the mat', 'The dog chased the cat', 'The bird flew over the mat'].join('\n');
const SLIDE11 = 'The quick brown fox jumps over the lazy dog';

// [explorer, JS function, arguments] at the page's default sizes.
export const CASES = [
  ['1 n-grams', 'ngramTable', [SLIDE1, 2]],
  ['2 entropy', 'charEntropy', ['hello world']],
  ['3 perplexity', 'perplexity', [[0.1, 0.2, 0.05, 0.3, 0.15]]],
  ['4 embeddings', 'embeddings', [['king', 'queen', 'man', 'woman', 'crown'], 3, 42]],
  ['5 attention', 'attention', [[[1, 0, 1]], [[1, 1, 0], [0, 1, 1], [1, 1, 1]], [[1, 0], [0, 1], [1, 1]], 1]],
  ['6 multi-head', 'multiHead', [4, 12, 3, 0, false]],
  ['7 gradient descent', 'gradientDescent', [0.01, 1000, 42]],
  ['8 tokenization', 'vocabulary', [SLIDE8, 2, 'The cat and dog played on the mat']],
  ['9 sampling', 'sampling', [[0.1, 0.2, 0.05, 0.4, 0.25], 0.5, 1000, 0]],
  ['10 beam search', 'beamSearch', [['the', 'cat', 'sat', 'on', 'mat'], 'the', 2, 3]],
  ['11 autocomplete', 'autocomplete', [SLIDE11, 'th', 3]],
  ['12 sentiment', 'sentiment', ['This product is amazing']],
  ['13 progress', 'progressChart', [[2018, 2019, 2020, 2021, 2022, 2023], [70, 75, 82, 88, 92, 95]]],
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Returns [{explorer, fn, medianMs, maxMs, error}] (error: the function is missing or
// answered {error}).
export async function benchExplorers({ reps = 200, dir } = {}) {
  const lm = await loadLmpy(dir ? { dir: dir.endsWith('/') ? dir : dir + '/' } : {});
  const rows = [];
  for (const [explorer, fn, args] of CASES) {
    if (typeof lm[fn] !== 'function') {
      rows.push({ explorer, fn, error: 'not in this build' });
      continue;
    }
    const call = () => parseResult(lm[fn](...args));
    const first = call();
    if (first && first.error) {
      rows.push({ explorer, fn, error: first.error });
      continue;
    }
    for (let i = 0; i < 10; i++) call(); // warm-up: tier-up, caches (e.g. the fitted sentiment model)
    const ms = [];
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      call();
      ms.push(performance.now() - t0);
    }
    rows.push({ explorer, fn, medianMs: median(ms), maxMs: Math.max(...ms) });
  }
  return rows;
}

export function explorerTable(rows) {
  const out = ['| explorer | function | median update | slowest call | budget 5 ms |', '|---|---|---|---|---|'];
  for (const r of rows) {
    if (r.error) out.push(`| ${r.explorer} | \`${r.fn}\` | — | — | ${r.error} |`);
    else out.push(`| ${r.explorer} | \`${r.fn}\` | ${r.medianMs.toFixed(3)} ms | ${r.maxMs.toFixed(2)} ms | ${r.medianMs <= UPDATE_BUDGET_MS ? 'ok' : 'OVER'} |`);
  }
  return out.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(explorerTable(await benchExplorers()));
}
